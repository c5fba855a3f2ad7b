"""Journeys through signing in, invitations and signing out, with axe on every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from heartbeat.accounts.models import User
from tests.factories import DEFAULT_PASSWORD

NEW_PASSWORD = "lighthouse-morning-tide-42"


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " text: document.activeElement.textContent.trim()})"
    )


def sign_in_through_the_form(page, base_url, axe, email, password):
    page.goto(f"{base_url}/accounts/sign-in/")
    axe(page, "sign-in page")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_programme_office_invites_a_person_who_joins_and_signs_in(
    page, browser, base_url, axe, programme_office, council
):
    # The programme office signs in and invites a person.
    sign_in_through_the_form(page, base_url, axe, programme_office.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    axe(page, "home page, signed in")

    page.goto(f"{base_url}/accounts/invitations/new/")
    axe(page, "invite form")
    page.get_by_label("Full name").fill("Morag Grant")
    page.get_by_label("Email address").fill("morag.grant@aberdeencity.gov.uk")
    page.get_by_label("Organisation", exact=True).select_option(label="Aberdeen City")
    # The design system draws its own box over the input, so a person clicks the label.
    page.locator("label", has_text="Project lead").click()
    expect(page.get_by_label("Project lead")).to_be_checked()
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Invitation sent to Morag Grant")).to_be_visible()
    expect(page.locator("#invitations")).to_contain_text("morag.grant@aberdeencity.gov.uk")
    axe(page, "invitation list")

    # The invited person opens the emailed link in their own browser.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+?(/accounts/invitation/[\w-]+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    context = browser.new_context()
    newcomer = context.new_page()
    newcomer.goto(base_url + link.group(1))
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Set up your account")
    axe(newcomer, "invitation accept page")

    newcomer.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    newcomer.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    newcomer.get_by_role("button", name="Create account").click()
    newcomer.wait_for_load_state()

    # They land signed in on their profile.
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Your profile")
    expect(newcomer.get_by_text("Welcome to Heartbeat, Morag Grant")).to_be_visible()
    expect(newcomer.get_by_text("Project lead, Member")).to_be_visible()
    axe(newcomer, "profile after accepting")
    assert User.objects.get(email="morag.grant@aberdeencity.gov.uk").is_project_lead

    # They sign out, then sign in again with their new password.
    newcomer.get_by_role("button", name="Sign out").click()
    newcomer.wait_for_load_state()
    expect(newcomer.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()
    axe(newcomer, "home page after signing out")

    sign_in_through_the_form(
        newcomer, base_url, axe, "morag.grant@aberdeencity.gov.uk", NEW_PASSWORD
    )
    expect(newcomer.get_by_role("button", name="Sign out")).to_be_visible()
    expect(newcomer.get_by_role("link", name="Morag Grant (your profile)")).to_be_visible()
    axe(newcomer, "home page after signing in again")
    context.close()


@pytest.mark.django_db(transaction=True)
def test_sign_in_by_keyboard_alone(page, base_url, axe, member):
    page.goto(f"{base_url}/accounts/sign-in/")
    axe(page, "sign-in page")

    # The first Tab reaches the skip link, which moves on to the main content.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))

    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_username"
    page.keyboard.type(member.email)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_password"
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Tab")
    assert focused(page) == {"id": "", "tag": "BUTTON", "text": "Sign in"}
    page.keyboard.press("Shift+Tab")
    assert focused(page)["id"] == "id_password"
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert page.url == f"{base_url}/"
    axe(page, "home page, signed in")


@pytest.mark.django_db(transaction=True)
def test_wrong_password_and_a_bad_invitation_link_are_explained(page, base_url, axe, member):
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Email address").fill(member.email)
    page.get_by_label("Password", exact=True).fill("not-my-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    error_link = summary.get_by_role("link", name="Enter a correct email address and password.")
    expect(error_link).to_have_attribute("href", "#id_password")
    expect(summary).to_be_focused()
    axe(page, "sign-in page with an error")
    error_link.click()
    expect(page.get_by_label("Password", exact=True)).to_be_focused()

    response = page.goto(f"{base_url}/accounts/invitation/not-a-real-link/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("This invitation link cannot be used")
    expect(page.get_by_text("ask the Digital Office for a new invitation")).to_be_visible()
    axe(page, "bad invitation link")
