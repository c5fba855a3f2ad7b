"""Each search document carries its project's title, so a ranked search sorts the documents
alone.

A search sorts its matches by rank and then by title. With the title only on the project,
every match was joined to its project before sorting; a common word (a fifth of 20,000
projects) spent as long on that join as on ranking. The triggers of migration 0007 already
rewrite a document when its project's title changes; the function they call now writes the
title too, and every document is written again once here.
"""

from importlib import import_module

from django.db import migrations, models

OLD = import_module("heartbeat.portfolio.migrations.0007_search_documents")

REFRESH = """
CREATE OR REPLACE FUNCTION portfolio_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO portfolio_projectsearchdocument (project_id, title, vector)
  SELECT p.id,
         p.title,
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
  ON CONFLICT (project_id) DO UPDATE SET title = EXCLUDED.title, vector = EXCLUDED.vector;
$$;
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(REFRESH)
    schema_editor.execute(
        "SELECT portfolio_search_refresh(ARRAY(SELECT id FROM portfolio_project))"
    )


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(OLD.REFRESH)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0007_search_documents")]

    operations = [
        migrations.AddField(
            model_name="projectsearchdocument",
            name="title",
            field=models.CharField(default="", max_length=200),
        ),
        # The old function writes no title: it is replaced before any document is written.
        migrations.RunPython(install, uninstall, elidable=False),
    ]
