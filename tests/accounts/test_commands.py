import pytest
from django.core.management import CommandError, call_command

from heartbeat.accounts.models import User


def test_createsuperuser_noinput_reads_email_and_password_from_the_environment(
    db, monkeypatch, capsys
):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Admin@DigitalOffice.scot")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-passphrase")

    call_command("createsuperuser", "--noinput")

    user = User.objects.get()
    assert user.email == "admin@digitaloffice.scot"
    assert user.is_superuser and user.is_staff and user.is_programme_office
    assert user.check_password("a-long-admin-passphrase")
    assert "Superuser created successfully." in capsys.readouterr().out


def test_createsuperuser_noinput_needs_an_email(db, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_EMAIL", raising=False)
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-passphrase")
    with pytest.raises(CommandError, match="email"):
        call_command("createsuperuser", "--noinput")
    assert not User.objects.exists()


def test_createsuperuser_refuses_an_address_already_registered(db, monkeypatch, member):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", member.email)
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-passphrase")
    with pytest.raises(CommandError, match="already taken"):
        call_command("createsuperuser", "--noinput")
