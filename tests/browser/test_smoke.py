import pytest


@pytest.mark.django_db(transaction=True)
def test_home_page_is_accessible(page, base_url, axe):
    page.goto(base_url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Heartbeat"
    axe(page)
