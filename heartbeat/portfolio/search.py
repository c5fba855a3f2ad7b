"""Projects' stored search documents (``ProjectSearchDocument``), on PostgreSQL.

Triggers keep each document as its project's text changes (migration 0007). A bulk load
changes every project's text many times over (its projects, then its scope, requirements
and tags, batch by batch), and each change leaves the old version of a document behind
until autovacuum clears it, so the table a search reads is many times its size at first.
``rebuild_search_documents`` writes every document once into an empty table instead.
"""

from django.db import connection


def rebuild_search_documents() -> int:
    """Write every project's search document afresh into an emptied table (PostgreSQL;
    nothing on SQLite, which keeps none); return how many there are. Inside the caller's
    transaction: the table is locked until it commits."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE portfolio_projectsearchdocument")
        cursor.execute("SELECT portfolio_search_refresh(ARRAY(SELECT id FROM portfolio_project))")
        cursor.execute("SELECT count(*) FROM portfolio_projectsearchdocument")
        return cursor.fetchone()[0]
