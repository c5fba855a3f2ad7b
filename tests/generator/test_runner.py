import io
import random

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from heartbeat.accounts.models import Role, User
from heartbeat.core.exceptions import Conflict, InvalidInput
from heartbeat.generator.partnership import generate as generate_partnership_records
from heartbeat.generator.runner import (
    BENCH_PASSWORD,
    BENCH_USERS,
    GENERATORS,
    database_state,
    generate_partnership,
)
from heartbeat.partnership.models import Membership, Organisation, OrganisationKind, ProgrammeTerm
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def run_generate(*args) -> str:
    out = io.StringIO()
    call_command("generate", *args, stdout=out)
    return out.getvalue()


PARTNERSHIP_ONLY = ["heartbeat.generator.partnership.generate"]


def generate(scale: int, **options) -> dict[str, int]:
    """The partnership's generator alone: quicker than every app's, for its own tests."""
    return generate_partnership(scale=scale, generators=PARTNERSHIP_ONLY, **options)


def snapshot() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "terms": ProgrammeTerm.objects.count(),
        "memberships": Membership.objects.count(),
        "people": User.objects.count(),
    }


def test_scale_1_is_the_real_partnership_size():
    output = run_generate("--scale", "1")

    assert Organisation.objects.of_kind(OrganisationKind.LOCAL_AUTHORITY).count() == 32
    assert Organisation.objects.count() >= 32
    assert Organisation.objects.of_kind(OrganisationKind.DIGITAL_OFFICE).count() == 1
    assert ProgrammeTerm.objects.count() == 2
    assert Membership.objects.count() > 32
    people_per_organisation = User.objects.count() / Organisation.objects.count()
    assert 8 <= people_per_organisation <= 12
    assert "organisations" in output
    assert "Generated scale 1" in output


def test_codes_names_and_slugs_are_unique_and_plausible():
    generate(3)

    councils = Organisation.objects.local_authorities()
    codes = list(councils.values_list("gss_code", flat=True))
    assert len(codes) == len(set(codes)) == 96
    assert all(len(code) == 9 and code.startswith("S13") for code in codes)
    slugs = list(Organisation.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    council = councils.first()
    assert council.official_name.startswith(council.name.rsplit(" ", 1)[0] + " Council ")


def test_one_bench_user_per_role_signs_in_with_the_shared_password(rf):
    generate(1)

    for role in [*Role.values, "member"]:
        email = BENCH_USERS[role]
        user = authenticate(rf.post("/accounts/sign-in/"), username=email, password=BENCH_PASSWORD)
        assert user is not None, role
        assert user.organisation is not None
        assert user.roles == ([] if role == "member" else [role])
    # Everyone shares one hash, computed once.
    assert User.objects.values("password").distinct().count() == 1


def test_the_digital_office_holds_the_programme_office():
    generate(1)

    office = Organisation.objects.get(kind=OrganisationKind.DIGITAL_OFFICE)
    assert office.people.filter(is_programme_office=True).count() >= 6
    assert not User.objects.filter(is_programme_office=True).exclude(organisation=office).exists()


def test_every_council_has_an_organisation_lead():
    generate(1)

    without_lead = Organisation.objects.local_authorities().exclude(
        people__is_organisation_lead=True
    )
    assert not without_lead.exists()


def test_generated_records_have_history():
    generate(1)

    assert Organisation.history.count() == Organisation.objects.count()
    assert User.history.filter(history_type="+").count() == User.objects.count()


def test_refuses_when_organisations_exist():
    OrganisationFactory()

    with pytest.raises(CommandError, match="already holds 1 organisations.*--flush"):
        run_generate("--scale", "1")

    assert Organisation.objects.count() == 1


def test_flush_deletes_the_existing_data_and_generates_again():
    run_generate("--scale", "1")
    first = snapshot()
    names = set(Organisation.objects.values_list("name", flat=True))

    output = run_generate("--scale", "1", "--flush")

    assert snapshot() == first
    assert set(Organisation.objects.values_list("name", flat=True)) == names
    assert Organisation.history.count() == first["organisations"]
    assert "Deleted the existing data" in output


def test_flush_keeps_a_superuser_without_an_organisation():
    generate(1)
    admin = User.objects.create_superuser("admin@example.org", "a-long-password-1")

    generate(1, flush=True)

    assert User.objects.filter(pk=admin.pk).exists()


def test_flush_refuses_a_database_holding_records_it_did_not_generate():
    generate(1)
    OrganisationFactory(name="Fife", website="https://www.fife.gov.uk")
    before = Organisation.objects.count()

    with pytest.raises(CommandError, match="records the generator did not make"):
        run_generate("--scale", "1", "--flush")

    assert Organisation.objects.count() == before
    assert Organisation.objects.filter(name="Fife").exists()


def test_flush_refuses_a_database_without_the_generator_s_accounts():
    UserFactory(email="someone@fife.gov.uk", organisation=OrganisationFactory())

    with pytest.raises(Conflict) as refusal:
        generate_partnership(scale=1, flush=True)

    assert refusal.value.code == "not_generated"
    assert User.objects.filter(email="someone@fife.gov.uk").exists()


def test_scale_2_roughly_doubles_everything():
    generate(1)
    single = snapshot()
    generate(2, flush=True)
    double = snapshot()

    for label, count in single.items():
        assert 1.7 <= double[label] / count <= 2.3, label


def test_the_same_seed_gives_the_same_partnership():
    generate(1, seed=7)
    first = sorted(User.objects.values_list("email", flat=True))
    generate(1, seed=7, flush=True)

    assert sorted(User.objects.values_list("email", flat=True)) == first


def test_dry_run_saves_nothing():
    output = run_generate("--scale", "1", "--dry-run")

    assert Organisation.objects.count() == 0
    assert User.objects.count() == 0
    assert "Dry run: nothing was saved." in output
    assert "Would generate scale 1" in output


def test_scale_must_be_positive():
    with pytest.raises(InvalidInput):
        generate_partnership(scale=0)


def test_service_refusal_is_a_conflict():
    OrganisationFactory()

    with pytest.raises(Conflict) as refusal:
        generate_partnership(scale=1)

    assert refusal.value.code == "data_exists"


def test_database_state_tells_generated_data_from_other_data():
    assert database_state() == "empty"
    OrganisationFactory()
    assert database_state() == "other"
    Organisation.objects.all().delete()
    generate(1)
    assert database_state() == "generated"
    UserFactory(email="someone@fife.gov.uk")
    assert database_state() == "other"


def test_registry_runs_generators_in_order_with_a_shared_random_source():
    assert GENERATORS[0] == "heartbeat.generator.partnership.generate"
    counts = generate_partnership_records(1, random.Random(3), io.StringIO())

    assert counts["organisations"] == Organisation.objects.count()
    assert counts["people"] == User.objects.count()


def test_flush_says_which_records_block_it():
    from tests.portfolio.factories import ProjectFactory

    only_partnership = ["heartbeat.generator.partnership.generate"]
    generate_partnership(scale=1, generators=only_partnership)
    before = Organisation.objects.count()
    ProjectFactory(lead_organisation=Organisation.objects.first(), project_lead=None)

    with pytest.raises(Conflict, match="Cannot flush: projects still refer") as refusal:
        generate_partnership(scale=1, flush=True, generators=only_partnership)

    assert refusal.value.code == "flush_blocked"
    assert Organisation.objects.count() == before
