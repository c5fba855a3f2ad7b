"""Memory given back to the system after a request that needed much of it.

A few pages work through tens of thousands of rows at the largest scale (the programme's
economics, a council's value statement as a PDF, the whole of a register as a file). Their
objects are freed when the request ends, but the C allocator keeps most of the freed memory
in its heap for later, so a worker stays as large as its largest request for the rest of
its life. After a request that left the process more than ``GROWTH`` bytes larger than
after the last such request, glibc's ``malloc_trim`` hands the free pages back (about 25 MB
after the economics at scale 100). A smaller request costs one read of ``/proc/self/statm``.
Nothing is done where there is no glibc or no ``/proc`` (macOS, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading

logger = logging.getLogger(__name__)

GROWTH = 16 * 1024 * 1024
STATM = "/proc/self/statm"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _malloc_trim():
    name = ctypes.util.find_library("c")
    if not name or not os.path.exists(STATM):
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_trim = _malloc_trim()


def resident_bytes() -> int | None:
    """This process's resident memory, or None where the system does not say."""
    try:
        with open(STATM, "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


class _Baseline(threading.local):
    # The resident size after the last trim (or the first request).
    size: int | None = None


_baseline = _Baseline()


def give_back(**kwargs) -> bool:
    """``request_finished`` receiver: trim the heap when the process has grown by more than
    ``GROWTH`` since it last did; say whether it did."""
    if _trim is None:
        return False
    size = resident_bytes()
    if size is None:
        return False
    if _baseline.size is None or size < _baseline.size:
        _baseline.size = size
        return False
    if size - _baseline.size <= GROWTH:
        return False
    _trim(0)
    _baseline.size = resident_bytes() or size
    logger.debug("Gave back %d MB", (size - _baseline.size) // (1024 * 1024))
    return True
