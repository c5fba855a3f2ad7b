"""Django's Redis cache, with one client object a connection pool instead of one a call.

Django's ``RedisCacheClient`` builds a new ``redis.Redis`` for every cache operation, and
each builds its table of reply parsers afresh: a third of a millisecond a call, three or
four calls a signed-in page. A ``redis.Redis`` is safe to share between threads (each
command takes a connection from the pool), so one is kept for each pool.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
