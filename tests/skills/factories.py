"""The skills list and people's skills, for tests."""

import factory
from django.utils.text import slugify

from heartbeat.skills.models import Skill, SkillFamily, SkillLevel, UserSkill
from tests.factories import UserFactory


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    family = SkillFamily.PRODUCT_AND_DELIVERY


class UserSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UserSkill

    user = factory.SubFactory(UserFactory)
    skill = factory.SubFactory(SkillFactory)
    level = SkillLevel.PRACTITIONER
