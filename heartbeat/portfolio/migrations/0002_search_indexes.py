"""Full-text search indexes on PostgreSQL (SQLite searches with a simpler match).

Each index's expression is the one ``portfolio.selectors`` searches with, so the
catalogue's search reads the index instead of parsing every project's text.
"""

from django.db import migrations

INDEXES = {
    "portfolio_project_search": (
        "portfolio_project",
        "(setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(summary, '')), 'B'))"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(problem, '')), 'C')",
    ),
    "portfolio_scopeitem_search": (
        "portfolio_scopeitem",
        "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    ),
    "portfolio_requirement_search": (
        "portfolio_requirement",
        "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
