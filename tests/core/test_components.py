"""The summary list, table and chart drawn in Python, through the macros templates import."""

import re
from decimal import Decimal

import pytest
from django.template import engines
from markupsafe import Markup

from heartbeat.core import components


def render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


def test_summary_list_escapes_keys_and_values_and_says_when_nothing_is_given():
    html = components.summary_list(
        [("Lead & deputy", "<b>Ann</b>"), ("Phone", None), ("Email", ""), ("Days", 0)]
    )
    assert "Lead &amp; deputy" in html
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html
    assert html.count("Not given") == 2
    assert '<span class="ds_summary-list__answer">0</span>' in html


def test_summary_list_keeps_markup_it_is_given():
    html = components.summary_list([("Link", Markup('<a href="/x">X</a>'))])
    assert '<a href="/x">X</a>' in html


def test_table_heads_rows_marks_numeric_columns_and_escapes():
    html = components.table(
        "Pledges <by council>",
        ["Council", "Days", "Note"],
        [["Fife & Co", Decimal("2.50"), "<script>"], ["Angus", 3, None]],
        numeric=(1,),
    )
    assert '<caption id="table-pledges-by-council-caption" class="hb-caption">' in html
    assert "Pledges &lt;by council&gt;" in html
    assert '<th scope="col" class="hb-numeric">Days</th>' in html
    assert '<th scope="col">Note</th>' in html
    assert '<th scope="row">Fife &amp; Co</th>' in html
    assert '<td class="hb-numeric">2.50</td>' in html
    assert "<td>&lt;script&gt;</td>" in html
    assert "<td>None</td>" in html
    assert html.count("<tr>") == 3


def test_table_with_its_own_id_and_a_hidden_caption():
    html = components.table("Totals", ["A"], [], caption_hidden=True, id="totals")
    assert 'id="totals"' in html
    assert 'aria-labelledby="totals-caption"' in html
    assert 'class="visually-hidden"' in html


def _bars(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<rect x="[^"]+" y="[^"]+" width="([^"]+)"[^>]*><title>([^<]+)</title>', html
    )


def test_stacked_chart_draws_each_value_to_scale_and_totals_them_in_the_table():
    html = components.chart_with_table(
        "pledged",
        "Days pledged",
        ["Angus", "Fife"],
        [
            {"name": "Given", "values": [10, 20], "colour": "#00f"},
            {"name": "Asked", "values": [None, 20], "colour": "#f00"},
        ],
    )
    # The longest bar (Fife, 40) fills the plot; Angus's 10 is a quarter of it.
    assert _bars(html) == [
        ("115.0", "Angus, Given: 10"),
        ("0.0", "Angus, Asked: 0"),
        ("230.0", "Fife, Given: 20"),
        ("230.0", "Fife, Asked: 20"),
    ]
    table = html[html.index("<table") :]
    assert '<th scope="col" class="hb-numeric">Total</th>' in table
    assert re.search(
        r'<th scope="row">Fife</th><td[^>]*>20</td><td[^>]*>20</td><td[^>]*>40</td>', table
    )
    assert 'aria-describedby="pledged-table-note"' in html
    assert 'id="pledged-table"' in html


def test_grouped_chart_sets_bars_side_by_side_and_has_no_total_column():
    html = components.chart_with_table(
        "rag",
        "Ratings",
        ["Q1"],
        [
            {"name": "Green", "values": [3], "colour": "#0a0"},
            {"name": "Red", "values": [1], "colour": "#a00"},
        ],
        unit="%",
        stacked=False,
    )
    assert _bars(html) == [("460.0", "Q1, Green: 3%"), ("153.3", "Q1, Red: 1%")]
    assert "Total" not in html
    assert '<rect x="210" y="5" width="460.0" height="10"' in html
    assert '<rect x="210" y="17" width="153.3" height="10"' in html


def test_chart_with_no_categories_still_has_its_table():
    html = components.chart_with_table("none", "Nothing yet", [], [])
    assert 'viewBox="0 0 730 10"' in html
    assert "<tbody>\n  </tbody>" in html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "{{ summary_list([('Key', 'Value')], 'ds_summary-list--compact') }}",
            "ds_summary-list--compact",
        ),
        ("{{ table('Cap', ['A', 'B'], [[1, 2]], numeric=(1,)) }}", '<td class="hb-numeric">2</td>'),
        (
            "{{ chart_with_table('c', 'Chart', ['A'], "
            "[{'name': 'S', 'values': [1], 'colour': '#000'}]) }}",
            "A, S: 1",
        ),
    ],
)
def test_templates_import_them_from_the_ui_macros(source, expected):
    html = render(
        '{% from "components/ui.html" import summary_list, table, chart_with_table %}' + source
    )
    assert expected in html
    assert "&lt;" not in html


def test_a_page_of_forms_masks_the_form_token_once():
    from django.middleware.csrf import _unmask_cipher_token
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    template = engines["jinja2"].from_string(
        "{% for i in range(3) %}<form>{{ csrf_input }}</form>{% endfor %}<i>{{ csrf_token }}</i>"
    )
    html = template.render({}, request=request)
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 3
    assert len(set(tokens)) == 1
    assert f"<i>{tokens[0]}</i>" in html
    secret = request.META["CSRF_COOKIE"]
    assert _unmask_cipher_token(tokens[0]) == secret
    # The next page has a fresh mask over the same secret.
    again = re.search(r'value="([^"]+)"', template.render({}, request=request)).group(1)
    assert again != tokens[0]
    assert _unmask_cipher_token(again) == secret


# Select options ---------------------------------------------------------------------------


def test_select_options_escape_and_mark_the_chosen_values():
    html = components.select_options(
        [("", "Any"), ("fife", "Fife & Co"), ('a"b', "<Angus>"), (None, "None given")], ["fife"]
    )
    assert '<option value="">Any</option>' in html
    assert '<option value="fife" selected>Fife &amp; Co</option>' in html
    assert '<option value="a&#34;b">&lt;Angus&gt;</option>' in html
    assert html.count(" selected") == 1
    assert isinstance(html, Markup)


def test_select_options_draw_groups():
    html = components.select_options([("Councils", [("fife", "Fife"), ("angus", "Angus")])])
    assert html.startswith('\n      <optgroup label="Councils">')
    assert '<option value="angus">Angus</option></optgroup>' in html


def test_a_long_list_of_options_is_drawn_once_and_kept_while_the_same_choices_come():
    choices = [(f"org-{n}", f"Organisation {n}") for n in range(components.KEEP_OPTIONS_FROM)]
    components._kept_options.cache_clear()

    first = components.select_options(choices, ["org-3"])
    again = components.select_options([*choices], ["org-7"])
    renamed = components.select_options([*choices[:-1], ("org-last", "Renamed")], [])

    info = components._kept_options.cache_info()
    assert (info.hits, info.misses) == (1, 2)
    # Each answer marks its own choice: the kept markup itself has none.
    assert '<option value="org-3" selected>' in first
    assert '<option value="org-3">' in again and '<option value="org-7" selected>' in again
    assert "Renamed" in renamed and " selected" not in renamed


def test_a_short_list_is_drawn_afresh():
    components._kept_options.cache_clear()
    components.select_options([("a", "A"), ("b", "B")], ["b"])
    assert components._kept_options.cache_info().misses == 0


def test_the_field_macro_draws_a_select_s_options_with_the_chosen_one():
    from django import forms

    class Form(forms.Form):
        council = forms.ChoiceField(choices=[("", "Any"), ("fife", "Fife"), ("angus", "Angus")])

    html = render(
        '{% from "components/forms.html" import field %}{{ field(form["council"]) }}',
        form=Form(initial={"council": "angus"}),
    )
    assert re.search(r'<select class="ds_select" id="id_council" name="council">', html)
    assert '<option value="angus" selected>Angus</option>' in html
    assert '<option value="fife">Fife</option>' in html


@pytest.mark.django_db
def test_a_model_field_s_options_are_read_in_one_query(django_assert_num_queries):
    from django import forms

    from heartbeat.partnership.models import Organisation
    from tests.factories import OrganisationFactory

    for name in ["Fife", "Angus"]:
        OrganisationFactory(name=name)
    field = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"))

    with django_assert_num_queries(1):
        html = components.select_options(field.choices, [])

    assert ">Angus</option>" in html and ">Fife</option>" in html
