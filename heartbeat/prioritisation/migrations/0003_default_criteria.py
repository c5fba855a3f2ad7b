"""The default criteria, so a new installation can open its first round at once."""

from django.db import migrations


def add_defaults(apps, schema_editor):
    from heartbeat.prioritisation.defaults import DEFAULT_CRITERIA

    Criterion = apps.get_model("prioritisation", "Criterion")
    for order, data in enumerate(DEFAULT_CRITERIA, start=1):
        if Criterion.objects.filter(slug=data["slug"]).exists():
            continue
        Criterion.objects.create(
            slug=data["slug"],
            name=data["name"],
            description=data["description"],
            weight=data["weight"],
            direction=data["direction"],
            method=data["method"],
            order=order * 10,
            **{f"level_{i}": level for i, level in enumerate(data["levels"], start=1)},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("prioritisation", "0002_freeze_published_rounds"),
    ]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
