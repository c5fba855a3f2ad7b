"""Recruitment lets go of the skill models, now skills's: state only, the tables stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('recruitment', '0003_rename_skill_tables'),
        ('skills', '0001_initial'),
        ('portfolio', '0004_skills_moved'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='historicaluserskill',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicaluserskill',
                    name='skill',
                ),
                migrations.RemoveField(
                    model_name='historicaluserskill',
                    name='user',
                ),
                migrations.AlterField(
                    model_name='pledge',
                    name='skill',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pledges', to='skills.skill'),
                ),
                migrations.RemoveField(
                    model_name='userskill',
                    name='skill',
                ),
                migrations.AlterField(
                    model_name='historicalpledge',
                    name='skill',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='skills.skill'),
                ),
                migrations.RemoveField(
                    model_name='userskill',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='HistoricalSkill',
                ),
                migrations.DeleteModel(
                    name='HistoricalUserSkill',
                ),
                migrations.DeleteModel(
                    name='Skill',
                ),
                migrations.DeleteModel(
                    name='UserSkill',
                ),
            ],
        ),
    ]
