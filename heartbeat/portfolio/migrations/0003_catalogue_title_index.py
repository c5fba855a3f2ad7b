"""An index in the catalogue's default order (title, then id), so a page of 25 projects
reads 25 index entries instead of sorting the whole programme."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0002_search_indexes")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portfolio_project_title_id ON portfolio_project (title, id)",
            "DROP INDEX IF EXISTS portfolio_project_title_id",
            elidable=False,
        )
    ]
