"""Skills: the roles and skills projects need and people offer, and how well they have them.

The role families and roles follow the UK Government Digital and Data Profession Capability
Framework (see ``catalogue``); levels are ordered awareness < working < practitioner < expert.
Below portfolio and recruitment, which both use them.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel


class SkillFamily(models.TextChoices):
    """Role families of the UK Government Digital and Data Profession Capability Framework,
    plus roles councils give that the framework lacks."""

    ARCHITECTURE = "architecture", "Architecture"
    CHIEF_DIGITAL_AND_DATA = "chief_digital_and_data", "Chief digital and data"
    DATA = "data", "Data"
    IT_OPERATIONS = "it_operations", "IT operations"
    PRODUCT_AND_DELIVERY = "product_and_delivery", "Product and delivery"
    QUALITY_ASSURANCE_TESTING = "quality_assurance_testing", "Quality assurance testing"
    SOFTWARE_DEVELOPMENT = "software_development", "Software development"
    USER_CENTRED_DESIGN = "user_centred_design", "User-centred design"
    COUNCIL_ROLES = "council_roles", "Council roles outside the framework"


class SkillLevel(models.TextChoices):
    AWARENESS = "awareness", "Awareness"
    WORKING = "working", "Working"
    PRACTITIONER = "practitioner", "Practitioner"
    EXPERT = "expert", "Expert"


SKILL_LEVEL_ORDER = {level: i for i, level in enumerate(SkillLevel.values)}


class SkillQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Skill(TimeStampedModel):
    """A role or skill projects need and councils offer; the programme office keeps the list."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=130, unique=True)
    family = models.CharField(max_length=40, choices=SkillFamily.choices)
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)

    history = HistoricalRecords()
    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class UserSkill(TimeStampedModel):
    """A skill a person says they have, at a level: what "where my council can help" matches."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="people")
    level = models.CharField(max_length=20, choices=SkillLevel.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["skill__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "skill"], name="userskill_unique_per_user"),
        ]

    def __str__(self):
        return f"{self.user}: {self.skill} ({self.get_level_display()})"
