"""Each project's searchable text as one stored ``tsvector``, kept by triggers on PostgreSQL.

The catalogue used to parse every project's text into a vector at each search (with an
expression index for rare words, but a full parse of every matching row for common ones,
and again to rank them). The vector is now stored in ``portfolio_projectsearchdocument``
with a GIN index, and kept by triggers on every table its text comes from, so it is right
whatever writes: a service, the admin, a bulk insert or a cascade. SQLite keeps the empty
table and searches the columns themselves.
"""

from importlib import import_module

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# The document of the projects whose ids are given, written or rewritten.
REFRESH = """
CREATE OR REPLACE FUNCTION portfolio_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO portfolio_projectsearchdocument (project_id, vector)
  SELECT p.id,
         setweight(to_tsvector('english'::regconfig, COALESCE(p.title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, COALESCE(p.summary, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, COALESCE(p.problem, '')), 'C')
      || setweight(to_tsvector('english'::regconfig, concat_ws(' ',
             o.name,
             (SELECT string_agg(s.text, ' ' ORDER BY s.id)
                FROM portfolio_scopeitem s WHERE s.project_id = p.id),
             (SELECT string_agg(r.text, ' ' ORDER BY r.id)
                FROM portfolio_requirement r WHERE r.project_id = p.id),
             (SELECT string_agg(t.name, ' ' ORDER BY t.id)
                FROM portfolio_project_tags pt JOIN portfolio_tag t ON t.id = pt.tag_id
               WHERE pt.project_id = p.id)
         )), 'D')
    FROM portfolio_project p
    LEFT JOIN partnership_organisation o ON o.id = p.lead_organisation_id
   WHERE p.id = ANY(ids)
  ON CONFLICT (project_id) DO UPDATE SET vector = EXCLUDED.vector;
$$;
"""

# Statement-level triggers read the rows a statement touched from its transition tables,
# so a bulk insert of thousands of rows refreshes each project once.
ROWS_CHANGED = """
CREATE OR REPLACE FUNCTION portfolio_search_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM portfolio_search_refresh(ARRAY(SELECT DISTINCT project_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM portfolio_search_refresh(ARRAY(SELECT DISTINCT project_id FROM old_rows));
  ELSE
    PERFORM portfolio_search_refresh(
      ARRAY(SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
"""

PROJECTS_ADDED = """
CREATE OR REPLACE FUNCTION portfolio_search_projects_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM portfolio_search_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
"""

PROJECT_CHANGED = """
CREATE OR REPLACE FUNCTION portfolio_search_project_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM portfolio_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
"""

PROJECTS_REMOVED = """
CREATE OR REPLACE FUNCTION portfolio_search_projects_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM portfolio_projectsearchdocument WHERE project_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END $$;
"""

TAG_RENAMED = """
CREATE OR REPLACE FUNCTION portfolio_search_tag_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM portfolio_search_refresh(
    ARRAY(SELECT project_id FROM portfolio_project_tags WHERE tag_id = NEW.id));
  RETURN NULL;
END $$;
"""

ORGANISATION_RENAMED = """
CREATE OR REPLACE FUNCTION portfolio_search_organisation_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM portfolio_search_refresh(
    ARRAY(SELECT id FROM portfolio_project WHERE lead_organisation_id = NEW.id));
  RETURN NULL;
END $$;
"""

TRIGGERS = [
    "CREATE TRIGGER portfolio_search_project_insert AFTER INSERT ON portfolio_project"
    " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT"
    " EXECUTE FUNCTION portfolio_search_projects_added()",
    "CREATE TRIGGER portfolio_search_project_update AFTER UPDATE ON portfolio_project"
    " FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title"
    " OR OLD.summary IS DISTINCT FROM NEW.summary"
    " OR OLD.problem IS DISTINCT FROM NEW.problem"
    " OR OLD.lead_organisation_id IS DISTINCT FROM NEW.lead_organisation_id)"
    " EXECUTE FUNCTION portfolio_search_project_changed()",
    "CREATE TRIGGER portfolio_search_project_delete AFTER DELETE ON portfolio_project"
    " REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT"
    " EXECUTE FUNCTION portfolio_search_projects_removed()",
    "CREATE TRIGGER portfolio_search_tag_update AFTER UPDATE ON portfolio_tag"
    " FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)"
    " EXECUTE FUNCTION portfolio_search_tag_renamed()",
    "CREATE TRIGGER portfolio_search_organisation_update AFTER UPDATE ON partnership_organisation"
    " FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)"
    " EXECUTE FUNCTION portfolio_search_organisation_renamed()",
]
# The tables whose rows name a project and whose text (or link) is in its document.
CHILD_TABLES = ["portfolio_scopeitem", "portfolio_requirement", "portfolio_project_tags"]
for table in CHILD_TABLES:
    TRIGGERS += [
        f"CREATE TRIGGER portfolio_search_insert AFTER INSERT ON {table}"
        " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT"
        " EXECUTE FUNCTION portfolio_search_rows_changed()",
        f"CREATE TRIGGER portfolio_search_update AFTER UPDATE ON {table}"
        " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"
        " EXECUTE FUNCTION portfolio_search_rows_changed()",
        f"CREATE TRIGGER portfolio_search_delete AFTER DELETE ON {table}"
        " REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT"
        " EXECUTE FUNCTION portfolio_search_rows_changed()",
    ]

FUNCTIONS = [
    ("portfolio_search_refresh", "bigint[]", REFRESH),
    ("portfolio_search_rows_changed", "", ROWS_CHANGED),
    ("portfolio_search_projects_added", "", PROJECTS_ADDED),
    ("portfolio_search_project_changed", "", PROJECT_CHANGED),
    ("portfolio_search_projects_removed", "", PROJECTS_REMOVED),
    ("portfolio_search_tag_renamed", "", TAG_RENAMED),
    ("portfolio_search_organisation_renamed", "", ORGANISATION_RENAMED),
]

# Migration 0002's expression indexes, which the stored documents replace.
OLD_INDEXES = ["portfolio_project_search", "portfolio_scopeitem_search", "portfolio_requirement_search"]


def _trigger_names():
    for statement in TRIGGERS:
        words = statement.split()
        yield words[2], words[words.index("ON") + 1]


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _, _, body in FUNCTIONS:
        schema_editor.execute(body)
    for statement in TRIGGERS:
        schema_editor.execute(statement)
    schema_editor.execute(
        "CREATE INDEX portfolio_projectsearchdocument_vector"
        " ON portfolio_projectsearchdocument USING gin (vector)"
    )
    schema_editor.execute(
        "SELECT portfolio_search_refresh(ARRAY(SELECT id FROM portfolio_project))"
    )
    for name in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table in _trigger_names():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for name, arguments, _ in FUNCTIONS:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}({arguments})")
    import_module("heartbeat.portfolio.migrations.0002_search_indexes").create_indexes(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partnership", "0001_initial"),
        ("portfolio", "0006_need_days_in_a_month"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectSearchDocument",
            fields=[
                (
                    "project",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="portfolio.project",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
        ),
        migrations.RunPython(install, uninstall, elidable=False),
    ]
