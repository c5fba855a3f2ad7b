"""Skills move to an app of their own (``skills``): first their tables take its name.

The records stay where they are; ``skills.0001_initial`` then takes the models over in
Django's state, and ``recruitment.0004_skills_moved`` lets go of them.
"""

from django.db import migrations

MOVED = ("skill", "historicalskill", "userskill", "historicaluserskill")


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="recruitment", model__in=MOVED).update(
        app_label="skills"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="skills", model__in=MOVED).update(
        app_label="recruitment"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("recruitment", "0002_participation_pledges_capacity"),
    ]

    operations = [
        *(migrations.AlterModelTable(name=name, table=f"skills_{name}") for name in MOVED),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
