from heartbeat.core import registry
from heartbeat.core.registry import Registry


def test_entries_come_in_order_then_in_registration_order():
    r = Registry("test")
    r.register("c", "third", order=20)
    r.register("a", "first", order=10)
    r.register("b", "second", order=10)
    assert list(r) == ["first", "second", "third"]
    assert r.keys() == ["a", "b", "c"]


def test_registering_a_key_again_replaces_it_in_place():
    r = Registry("test")
    r.register("a", 1)
    r.register("b", 2)
    r.register("a", 3)
    assert list(r) == [3, 2]
    assert len(r) == 2


def test_replaced_stands_in_entries_and_restores_the_registered_ones():
    r = Registry("test")
    r.register("a", 1)
    with r.replaced({"x": 9}):
        assert list(r) == [9]
    assert list(r) == [1]


def test_collect_drops_contributions_that_show_nothing():
    r = Registry("test")
    r.register("yes", lambda request: "shown")
    r.register("no", lambda request: None)
    assert registry.collect(r, object()) == ["shown"]


def test_every_app_registers_its_navigation_and_sections():
    assert registry.nav_items(None)[:2] == [
        ("Programme", "portfolio:programme"),
        ("Projects", "portfolio:project_list"),
    ]
    assert registry.project_sections.keys()[:2] == ["participants", "coverage"]
    assert "recruitment.weekly_digest" in registry.scheduled_jobs
