"""Count each request's database queries into an ``X-Query-Count`` response header.

The benchmark (``python -m heartbeat.bench``) reads the header to check that no page runs
more than its budget and that counts do not grow with the data. It is installed only when
``HEARTBEAT_QUERY_COUNT_HEADER=1`` (see the end of settings.py), and it counts through
``connection.execute_wrapper`` so it works with ``DEBUG`` off, as in production.
"""

from contextlib import ExitStack

from django.db import connections

HEADER = "X-Query-Count"


class _Counter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = _Counter()
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counter))
            response = self.get_response(request)
        response[HEADER] = str(counter.count)
        return response
