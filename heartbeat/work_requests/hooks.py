"""What apps above work_requests add to a request's page, registered in their ``ready()``.

work_requests imports none of them. The request's page calls each of ``request_sections``
as ``section(request, work_request)``, which returns a ``core.registry.Section`` to draw
below the request (the board decisions about it, say) or None to draw nothing. A section
decides for itself who sees it, and loads what its template needs in a fixed number of
queries: its template runs none.
"""

from heartbeat.core.registry import Registry

request_sections = Registry("work request sections")
