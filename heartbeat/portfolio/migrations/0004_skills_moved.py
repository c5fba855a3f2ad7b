"""Resource requirements point at skills.Skill (the same table, renamed): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portfolio', '0003_catalogue_title_index'),
        ('skills', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='historicalresourcerequirement',
                    name='skill',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='skills.skill'),
                ),
                migrations.AlterField(
                    model_name='resourcerequirement',
                    name='skill',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='requirements', to='skills.skill'),
                ),
            ],
        ),
    ]
