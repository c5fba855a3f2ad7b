"""The address a request comes from, behind load balancers the deployment trusts.

Behind a load balancer every request reaches Heartbeat from the balancer's own address; the
person's address is in the ``X-Forwarded-For`` header the balancer adds. That header is
only believed when the request comes from a proxy named in ``TRUSTED_PROXIES`` (addresses
or networks): anyone else could write anything in it. The person's address is then the
right-most one in the header that is not a trusted proxy, since each proxy appends the
address it received the request from.

Sign-in throttling (django-axes, ``AXES_CLIENT_IP_CALLABLE``) and password reset throttling
count attempts by this address.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in trusted if item)


def _is_trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the forwarded one behind a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    if not networks or not _is_trusted(remote, networks):
        return remote
    header = request.META.get(settings.CLIENT_IP_HEADER, "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _valid(hop):
            break  # a malformed entry: believe nothing further to its left
        if not _is_trusted(hop, networks):
            return hop
    return remote
