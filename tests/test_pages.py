"""AppTests: every page renders without exception, and its widgets change what they should."""
from __future__ import annotations

import base64
import datetime as dt
import json
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lib import sources
from tests.conftest import ROOT, claims_bundle, upload
from ui.blocks import md_escape, md_highlight, md_marks

PAGES = ["overview", "timeline", "waterfall", "runway", "sources", "checks", "method", "add_article"]
# the Method page shows the same documents for every company; Add an article starts from the reader's article
FOLLOW_COMPANY = [name for name in PAGES if name not in ("method", "add_article")]


def page(name: str, **query) -> AppTest:
    """Open a page through app.py, as a browser does, with URL query parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{name}.py")
    return at.run()


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def chart_spec(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def array(values) -> list:
    """A plotly JSON array, decoding the typed-array form plotly uses for numbers."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def bars(at: AppTest) -> dict:
    trace = chart_spec(at)["data"][0]
    return dict(zip(array(trace["x"]), array(trace["y"])))


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_without_exception(name):
    at = page(name)
    assert not at.exception
    assert at.title and at.title[0].value


@pytest.mark.parametrize("lang, company, title", [
    ("ko", "기업", {"overview": "OpenAI 한눈에 보기", "runway": "OpenAI: 현금은 얼마나 오래 버틸까?"}),
    ("fr", "Entreprise", {"overview": "OpenAI en un coup d’œil", "runway": "OpenAI\u00a0: combien de temps sa trésorerie tiendra-t-elle\u00a0?"}),
])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_draws_in_the_language_of_its_link(name, lang, company, title):
    """A link with lang= opens any page in that language: the sidebar, the title and every message formatted with
    what the page gives it (no page fails in Korean or French), and the link keeps the language."""
    at = page(name, lang=lang)
    assert not at.exception
    assert at.sidebar.selectbox(key="company").label == company
    assert at.sidebar.selectbox(key="lang").value == lang and at.query_params["lang"] == lang
    if name in title:
        assert at.title[0].value == title[name]


def test_english_follows_another_language_in_the_same_caches():
    """The caches key on the language: a page drawn in Korean, then in English, is English."""
    assert page("overview", lang="ko").title[0].value == "OpenAI 한눈에 보기"
    assert page("overview", lang="en").title[0].value == "OpenAI at a glance"


def test_app_routes_to_every_page():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert "at a glance" in at.title[0].value
    for name in PAGES[1:]:
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, name


GOOGLE = [  # what each page shows for Google: its heading, and its own figures or what the claims lack for it
    ("overview", "Google at a glance", lambda at: [(m.label, m.value) for m in at.metric] == [("Valuation (2024)", "≈ $2.0T")]),
    ("timeline", "Google: the money over time",
     lambda at: "**Google\\: money figures over time**" in markdown(at)
     and {y for t in chart_spec(at)["data"] for y in array(t["y"]) if y is not None} == {2e12}),
    ("waterfall", "Google: where the money went", lambda at: [i.value for i in at.info] == [
        "No year of Google has a net loss, a revenue figure and a cost line in the claims in force, so no waterfall "
        "would explain anything\\."]),
    ("runway", "Google: how long does the cash last?", lambda at: [i.value for i in at.info] == [
        "The claims in force give no yearly loss for Google, so there is no burn to project\\."]),
    ("sources", "Sources and claims", lambda at: table_ids(at) == ["google-installed-devices-2026-ko", "google-valuation-2024-fr"]
     and "2 of 64 claims shown." in [c.value for c in at.caption]),
    ("checks", "Checks: where the articles contradict themselves or each other",
     lambda at: markdown(at)[0] == "**No findings**"),  # the five findings are all about OpenAI
]


@pytest.mark.parametrize("name, heading, figures", GOOGLE, ids=[g[0] for g in GOOGLE])
def test_company_picker_changes_the_page(name, heading, figures):
    assert {g[0] for g in GOOGLE} == set(FOLLOW_COMPANY)
    at = page(name)
    assert not figures(at)  # OpenAI's page does not already show Google's figures
    at.selectbox(key="company").set_value("Google").run()
    assert not at.exception and not at.error
    assert at.title[0].value == heading
    assert figures(at)
    assert at.query_params["company"] == "Google"


def test_cash_slider_changes_the_runway():
    at = page("runway")
    before = metric(at, "Months of runway")
    at.slider(key="cash@OpenAI").set_value(20.0).run()
    assert not at.exception
    assert float(metric(at, "Months of runway")) > float(before)
    assert at.query_params["cash"] == "20.0"


@pytest.mark.parametrize(
    "key, value, label, expected",
    [
        ("revenue@OpenAI", 800.0, "Default", "alive"),
        ("cost@OpenAI", 3000.0, "Break-even", "never"),
        ("rg@OpenAI", 100.0, "Default", "alive"),
        ("cg@OpenAI", 300.0, "Capital to break even", "never"),
    ],
)
def test_runway_sliders_drive_the_metrics(key, value, label, expected):
    at = page("runway")
    at.slider(key=key).set_value(value).run()
    assert not at.exception
    assert metric(at, label) == expected


def test_horizon_slider_changes_the_chart():
    at = page("runway")
    before = chart_spec(at)
    at.slider(key="horizon").set_value(120).run()
    # the band spans every month of the horizon (the cash line itself stops where the cash runs out)
    assert len(array(chart_spec(at)["data"][0]["x"])) == 120 != len(array(before["data"][0]["x"]))


def test_then_vs_now_follows_its_date():
    at = page("runway")
    assert all(m.label != "Runway" for m in at.metric), "then vs now is built only when its tab is opened"
    open_tab(at, "runway_page", "Then vs now")
    # the first article (2023) gives a loss and Microsoft's tranche but no revenue: "then" cannot be projected
    assert [m.value for m in at.metric if m.label == "Runway"] == ["15.8 months"]
    assert md_escape("The claims in force give no cash, revenue and loss for OpenAI from the same or adjacent years, so the "
                     "runway cannot be projected: the 2023 loss has no revenue figure for 2023 or 2022.") in [c.value for c in at.caption]
    at.date_input(key="then").set_value("2026-02-01").run()
    assert not at.exception
    assert [m.value for m in at.metric if m.label == "Runway"] == ["15.8 months", "15.8 months"]


@pytest.mark.parametrize(
    "query, key, expected",
    [
        ({"cash": "12.5"}, "cash@OpenAI", 12.5),
        ({"cash": "not-a-number"}, "cash@OpenAI", 6.6),
        ({"cash": "1e9"}, "cash@OpenAI", 50.0),
        ({"cash": "nan"}, "cash@OpenAI", 6.6),
        ({"cash": "-inf"}, "cash@OpenAI", 6.6),
        ({"horizon": "24"}, "horizon", 24),
    ],
)
def test_runway_url_opens_in_that_state(query, key, expected):
    at = page("runway", **query)
    assert not at.exception
    assert at.slider(key=key).value == expected


@pytest.mark.parametrize(
    "name, query, check",
    [
        ("overview", {"company": "Nvidia"}, lambda at: at.title[0].value == "Nvidia at a glance"),
        ("overview", {"asof": "2023-08-13"}, lambda at: str(at.date_input(key="asof").value) == "2023-08-13"),
        ("timeline", {"scale": "Linear", "metrics": "valuation,net_loss"},
         lambda at: at.multiselect(key="metrics").value == ["valuation", "net_loss"] and chart_spec(at)["layout"]["yaxis"]["type"] == "linear"),
        ("waterfall", {"pick_training": "High"}, lambda at: "Training + Servers & inference" in bars(at)),
        ("sources", {"f_bases": "projected"}, lambda at: set(at.dataframe[0].value["basis"]) == {"projected"}),
    ],
)
def test_url_round_trip(name, query, check):
    at = page(name, **query)
    assert not at.exception
    assert check(at)
    for key, value in query.items():
        assert at.query_params[key] == value


def test_timeline_widgets_change_the_chart():
    at = page("timeline")
    log = chart_spec(at)
    assert log["layout"]["yaxis"]["type"] == "log"
    at.button_group(key="scale").set_value("Linear").run()
    assert chart_spec(at)["layout"]["yaxis"]["type"] == "linear"
    at.multiselect(key="metrics").set_value(["valuation"]).run()
    names = {trace.get("name") for trace in chart_spec(at)["data"]}
    assert "Valuation" in names and "Net loss" not in names
    shapes = len(chart_spec(at)["layout"].get("shapes", []))
    at.toggle(key="events").set_value(False).run()
    assert len(chart_spec(at)["layout"].get("shapes", [])) < shapes


def test_waterfall_choice_replaces_the_lines_a_bundle_covers():
    at = page("waterfall")
    before = bars(at)
    # headline 2024: revenue 3.7, servers 4, training "up to 3", staff 1.5, loss about 5: 0.2B unexplained
    assert before == pytest.approx({"Revenue": 3.7e9, "Servers & inference": -4e9, "Training": -3e9, "Staff": -1.5e9,
                                    "Other / unexplained": -0.2e9, "Net loss (projected)": -5e9})
    at.selectbox(key="pick_training").set_value("High").run()
    assert not at.exception
    # the French "at least 7B" bundles training and servers: one bar instead of two, and the lines still reconcile
    assert bars(at) == pytest.approx({"Revenue": 3.7e9, "Training + Servers & inference": -7e9, "Staff": -1.5e9,
                                      "Other / unexplained": -0.2e9, "Net loss (projected)": -5e9})
    assert not at.warning


def test_waterfall_offers_only_a_year_that_explains_something_and_leaves_the_recycled_figure_out():
    at = page("waterfall")
    assert at.button_group(key="year").options == ["2024"]
    captions = [c.value for c in at.caption]
    assert md_escape("A year is offered when it has a net loss, a revenue figure and a cost line. Not offered: 2023: no revenue "
                     "figure and no cost line; 2025: no revenue figure and no cost line.") in captions
    assert md_escape("Servers & inference: openai-server-operating-cost-2024-fr-annualised (LEBIGDATA.FR (written 2024)) is "
                     "recycled from openai-chatgpt-operating-cost-2023-ko-usd, left out.") in captions
    assert [s.key for s in at.selectbox if s.key.startswith("pick_")] == ["pick_training"]  # one servers figure is left
    at.session_state["waterfall_candidates"] = True  # the reader opens the list of every figure
    at.run()
    listed = at.dataframe[0].value.set_index("id")["left_out"]
    assert listed["openai-server-operating-cost-2024-fr-annualised"] == (
        "recycled from openai-chatgpt-operating-cost-2023-ko-usd, left out")
    assert set(listed.drop("openai-server-operating-cost-2024-fr-annualised")) == {""}
    at.checkbox(key="undated").set_value(False).run()  # the 2024 articles are undated: only losses are left
    assert not at.exception
    assert [i.value for i in at.info] == [md_escape(
        "No year of OpenAI has a net loss, a revenue figure and a cost line in the claims in force, so no waterfall would "
        "explain anything: 2023: no revenue figure and no cost line; 2025: no revenue figure and no cost line.")]


def test_stale_projections_say_the_cash_ran_out_before_the_as_of_date():
    at = page("overview")
    ran_out = ("By these figures the cash ran out in Jan 2026, before the as\\-of date \\(1 Feb 2026\\); funding not in the "
               "claims is implied\\.")
    assert metric(at, "Runway (from Oct 2024)") == "15.8 months"
    assert [w.value for w in at.warning] == [ran_out]
    runway = page("runway")  # one run-out date: the Runway page says the same
    assert [w.value for w in runway.warning] == [ran_out]
    assert runway.metric[1].value == "Jan 2026"
    at.date_input(key="asof").set_value("2024-12-31").run()
    assert not at.exception and not at.warning
    assert metric(at, "Runway (from Oct 2024)") == "15.8 months"


def test_without_undated_articles_the_runway_says_it_cannot_project():
    # left: a 2023 loss and Microsoft's 2023 tranche, the 2025 loss, no revenue at all: no cash, revenue and loss of one time
    why = md_escape("The claims in force give no cash, revenue and loss for OpenAI from the same or adjacent years, so the "
                    "runway cannot be projected: the 2025 loss has no revenue figure for 2025 or 2024; the 2023 loss has no "
                    "revenue figure for 2023 or 2022.")
    runway = page("runway", undated="0")
    assert not runway.exception
    assert [i.value for i in runway.info] == [why] and not runway.slider
    overview = page("overview", undated="0")
    assert "Runway (from Oct 2024)" not in [m.label for m in overview.metric]
    assert why in [c.value for c in overview.caption]


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Lazy tabs build only the open one; AppTest opens one by its state, as a click does."""
    at.session_state[key] = label
    return at.run()


def test_overview_compares_like_with_like():
    at = open_tab(page("overview", since="2024-12-31"), "overview_view", "What changed since")
    changes = next(d.value for d in at.dataframe if "status" in d.value).set_index("label")
    assert changes.loc["Net loss (2025)", "status"] == "new figure (before: Net loss (2024) ≈ $5.0B)"
    assert changes.loc["Revenue (2024)", "status"] == "unchanged"
    # the burn moved on to 2025's loss, while the runway still projects from the October 2024 round and 2024's
    # revenue and loss (the latest year with both), as the Runway page does
    assert changes.loc["Burn per year (2025)", "status"] == "new figure (before: Burn per year (2024) $5.0B)"
    assert changes.loc["Runway (from Oct 2024)", ["then", "now", "status"]].tolist() == [
        "15.8 months", "15.8 months", "unchanged"]
    assert ("A figure is compared only with the same figure for the same period and scope; one whose period moved on "
            "is a new figure, and one whose inputs changed kind (another year or metric) is not comparable.") in [
        c.value for c in at.caption]
    at.date_input(key="since").set_value("2023-08-13").run()
    assert next(d.value for d in at.dataframe if "status" in d.value).set_index("label").loc["Revenue (2024)", "status"] == "new figure"


BUNDLE_TEXT = "bundle of training cost + compute cost"


def test_every_figure_and_the_sources_table_say_what_a_bundle_includes():
    at = open_tab(page("overview"), "overview_view", "Every figure")
    table = next(d.value for d in at.dataframe if "includes" in d.value)
    training = table[(table["metric"] == "Training cost") & (table["period"] == "2024")]
    assert training[["value", "includes", "claim"]].values.tolist() == [
        ["≤ $3.0B", "", "openai-training-cost-2024-en"], ["≥ $7.0B", BUNDLE_TEXT, "openai-training-cost-2024-fr"]]
    sources = page("sources", f_metrics="training_cost")
    rows = sources.dataframe[0].value.set_index("id")["includes"]
    assert rows.to_dict() == {"openai-gpt4-training-cost-ko": "", "openai-training-cost-2024-en": "",
                              "openai-training-cost-2024-fr": BUNDLE_TEXT}


def test_sources_filters_narrow_the_table():
    at = page("sources")
    at.multiselect(key="f_entities@OpenAI").set_value([]).run()
    everything = len(at.dataframe[0].value)
    at.multiselect(key="f_languages").set_value(["fr"]).run()
    french = at.dataframe[0].value
    assert 0 < len(french) < everything
    assert set(french["source_language"]) == {"fr"}


def test_overview_cards_cite_their_claims():
    at = page("overview")
    assert metric(at, "Valuation (2026-02)") == "$830.0B"
    assert metric(at, "Net loss (2025)") == "> $8.0B"
    assert metric(at, "Burn per day (2025)") == "> $21.9M"
    assert any("openai-valuation-2026-02-ko-usd" in c.value.replace("\\", "") for c in at.caption)
    at.date_input(key="asof").set_value("2024-01-01").run()
    assert not at.exception
    assert all(m.label != "Valuation (2026-02)" for m in at.metric)


def test_upload_problems_are_shown_as_text():
    at = page("overview")
    bad = b"sources: []\nclaims:\n  - id: \"[x](javascript:alert(1))\"\n"
    at.session_state["upload_problems"] = [f"bad.yaml:3: claims[0].id: must be a slug, got {bad.decode()!r}"]
    at.session_state["upload_box"] = True  # they are listed in the box the file was dropped into
    at.run()
    assert not at.exception
    shown = [e.value for e in at.error]
    assert shown and all("](" not in text.replace("\\]", "").replace("\\(", "") for text in shown)


RAISE_KEYS = ("raise_date_{k}@OpenAI", "raise_amount_{k}@OpenAI")


def open_raises(at: AppTest) -> AppTest:
    """Open the "Funding raises" box, drawn only while open (at first only when the link has raises)."""
    at.session_state["raises_box@OpenAI"] = True
    return at.run()


def test_add_edit_and_remove_a_raise():
    at = page("runway")
    # $6.6B at $417M a month lasts 15.8 months from Oct 2024
    assert metric(at, "Zero-cash date") == "Jan 2026" and "raises" not in at.query_params
    assert not [w for w in at.date_input if w.key == "new_raise_date@OpenAI"], "no raises: the box starts closed"
    open_raises(at)
    at.date_input(key="new_raise_date@OpenAI").set_value("2025-06-01")
    at.number_input(key="new_raise_amount@OpenAI").set_value(40.0)
    at.button(key="raise_add@OpenAI").click().run()
    assert not at.exception
    assert at.query_params["raises"] == "2025-06-01:40e9"
    assert metric(at, "Zero-cash date") == "never"
    assert at.number_input(key="raise_amount_0@OpenAI").value == 40.0
    new_row = (at.date_input(key="new_raise_date@OpenAI").value, at.number_input(key="new_raise_amount@OpenAI").value)
    assert new_row == (dt.date(2025, 10, 1), 10.0), "the new row is back to its defaults: a year after the start, $10B"
    at.number_input(key="raise_amount_0@OpenAI").set_value(5.0).run()
    assert at.query_params["raises"] == "2025-06-01:5e9"
    # $6.6B + $5B at $417M a month (725 - 308) lasts 27.8 months: 846 days from 1 Oct 2024 is 25 Jan 2027
    assert metric(at, "Zero-cash date") == "Jan 2027"
    at.button(key="raise_remove_0@OpenAI").click().run()
    assert not at.exception
    assert "raises" not in at.query_params
    assert metric(at, "Zero-cash date") == "Jan 2026"


def test_a_claimed_commitment_is_one_click_away_and_marked_unpaid():
    at = open_raises(page("runway"))
    event = at.button(key="event_openai-nvidia-investment-commitment-2025-09-ko-usd@OpenAI")
    assert event.label == "Add: Investment commitment from Nvidia, 2025-09: $100.0B (commitment: not yet paid out)"
    event.click().run()
    assert at.query_params["raises"] == "2025-09-01:100e9"
    assert at.button(key="event_openai-nvidia-investment-commitment-2025-09-ko-usd@OpenAI").disabled
    assert md_escape("With $100.0B raised ($100.0B 1 Sep 2025 (assumes the Nvidia commitment, not yet paid out, is paid)), the "
                     "cash lasts beyond the 60-month horizon; without the raises it runs out in Jan 2026 (15.8 months).") in [
        c.value for c in at.caption]


EPOCH_SPRING = "event_Epoch AI: Mar 2025 300B Stage 1 (equity funding)@OpenAI"


def test_epochs_rounds_are_one_click_raises_that_cite_epoch():
    at = open_raises(page("runway"))
    offered = [b.label for b in at.button if b.key.startswith("event_Epoch AI")]
    assert offered == ["Add: Debt funding, 2024-10-02: $4.0B (Epoch AI, closed)",
                       "Add: Equity funding, 2025-03-31: $10.0B (Epoch AI, closed)",
                       "Add: Equity funding, 2025-08-01: $8.3B (Epoch AI, closed)",
                       "Add: Equity funding, 2025-12-11: $1.0B (Epoch AI, closed)",
                       "Add: Equity funding, 2025-12-30: $22.5B (Epoch AI, closed)"]
    assert md_escape("Not offered twice, as the same deal is above or is the starting cash: Epoch AI's 'Oct 2024 157B' ($6.6B, "
                     "closed): the starting cash; 'OpenAI–Nvidia' ($100.0B, in discussion): claim "
                     "openai-nvidia-investment-commitment-2025-09-ko-usd.") in [c.value for c in at.caption]
    at.button(key=EPOCH_SPRING).click().run()
    assert not at.exception and at.query_params["raises"] == "2025-03-31:10e9"
    # $6.6B, and $10B in month 5 (day 181; month 5 starts on day 152), at a net $417M a month: 16,600 - 417 x 39 = $337M
    # for month 39, 337/417 of it: 39.8 months, 1,211 days from 1 Oct 2024, 25 Jan 2028
    assert (metric(at, "Months of runway"), metric(at, "Zero-cash date")) == ("39.8", "Jan 2028")
    assert md_escape("With $10.0B raised ($10.0B 31 Mar 2025 (Epoch AI, equity funding 'Mar 2025 300B Stage 1')), the cash runs "
                     "out in Jan 2028 (39.8 months); without the raises it runs out in Jan 2026 (15.8 months).") in [
        c.value for c in at.caption]
    spec = chart_spec(at)
    assert "+$10.0B raised<br>Epoch AI, equity funding 'Mar 2025 300B Stage 1'" in [a["text"] for a in spec["layout"]["annotations"]]
    assert any("Peer data: Epoch AI, 'Data on AI Companies'" in c.value.replace("\\", "") for c in at.caption), "the chart cites Epoch"


def test_add_all_closed_rounds_leaves_out_the_nvidia_mou():
    at = open_raises(page("runway"))
    everything = at.button(key="raise_all_closed@OpenAI")
    assert everything.label == "Add all closed rounds (5)"
    everything.click().run()
    assert not at.exception
    assert at.query_params["raises"] == "2024-10-02:4e9,2025-03-31:10e9,2025-08-01:8.3e9,2025-12-11:1e9,2025-12-30:22.5e9"
    assert not [b for b in at.button if b.key == "raise_all_closed@OpenAI"], "every closed round is in: nothing left to add"
    assert not at.button(key="event_openai-nvidia-investment-commitment-2025-09-ko-usd@OpenAI").disabled
    # $6.6B + $45.8B = $52.4B at a net $417M a month: 125 months, past the 60-month horizon
    assert (metric(at, "Months of runway"), metric(at, "Zero-cash date"), metric(at, "Default")) == ("> 60", "never", "dead")
    assert md_escape("With $45.8B raised ($4.0B 2 Oct 2024 (Epoch AI, debt funding 'Oct 2024 157B'), $10.0B 31 Mar 2025 "
                     "(Epoch AI, equity funding 'Mar 2025 300B Stage 1'), $8.3B 1 Aug 2025 (Epoch AI, equity funding '300B "
                     "Stage 2'), $1.0B 11 Dec 2025 (Epoch AI, equity funding '1B Disney'), $22.5B 30 Dec 2025 (Epoch AI, equity "
                     "funding '300B final stage')), the cash lasts beyond the 60-month horizon; without the raises it runs out "
                     "in Jan 2026 (15.8 months).") in [c.value for c in at.caption]


@pytest.mark.parametrize("query, expected", [
    ({"raises": "2025-03-01:40e9,2026-01-01:10e9"}, [("2025-03-01", 40.0), ("2026-01-01", 10.0)]),
    ({"raises": "2025-03-01:lots"}, []),
])
def test_raises_url_opens_in_that_state(query, expected):
    at = page("runway", **query)
    assert not at.exception
    warned = [w.value.replace("\\", "") for w in at.warning if "raises were ignored" in w.value]
    open_raises(at)
    shown = [(str(at.date_input(key=f"raise_date_{k}@OpenAI").value), at.number_input(key=f"raise_amount_{k}@OpenAI").value)
             for k in range(len(expected))]
    assert shown == expected
    assert warned == ([] if expected else ["The link's raises were ignored: '2025-03-01:lots': 'lots' is not an amount of "
                                            "US dollars from 0 to 1e13 ($10T)"])


def test_default_alive_growth_is_a_metric():
    at = page("runway")
    assert metric(at, "Revenue growth needed") == "+47% a year"
    at.slider(key="cg@OpenAI").set_value(20.0).run()
    assert metric(at, "Revenue growth needed") == "+86% a year"


def test_save_a_scenario_then_move_a_slider():
    at = open_tab(page("runway"), "runway_view", "Scenarios")
    at.text_input(key="scenario_name@OpenAI").input("article figures")
    at.button(key="scenario_save@OpenAI").click().run()
    assert not at.exception
    assert at.query_params["scenarios"] == "article figures:cash=6.6,revenue=308.0,cost=725.0,rg=0.0,cg=0.0,horizon=60"
    at.slider(key="cg@OpenAI").set_value(30.0).run()
    assert not at.exception
    names = [trace["name"] for trace in chart_spec(at)["data"]]
    assert names == ["current: zero cash Oct 2025", "current: zero cash Oct 2025: unfunded gap",
                     "article figures: zero cash Jan 2026", "article figures: zero cash Jan 2026: unfunded gap"]
    assert at.query_params["scenarios"].startswith("article figures:cash=6.6,")  # frozen: the slider moved only "current"
    at.button(key="scenario_remove_0@OpenAI").click().run()
    assert "scenarios" not in at.query_params
    assert [trace["name"] for trace in chart_spec(at)["data"]] == ["current: zero cash Oct 2025",
                                                                   "current: zero cash Oct 2025: unfunded gap"]


def test_scenario_names_are_checked():
    at = open_tab(page("runway", scenarios="a:cg=30"), "runway_view", "Scenarios")
    at.text_input(key="scenario_name@OpenAI").input("A")
    at.button(key="scenario_save@OpenAI").click().run()
    assert [w.value.replace("\\", "") for w in at.warning if "Not saved" in w.value] == [
        "Not saved: scenario names must differ; repeated: a."]
    assert at.query_params["scenarios"] == "a:cash=6.6,revenue=308.0,cost=725.0,rg=0.0,cg=30.0,horizon=60"


@pytest.mark.parametrize("tab, key, name", [
    ("Cash runway", "runway", "openai-runway"),
    ("Sensitivity", "sensitivity", "openai-runway-sensitivity"),
    ("Uncertainty", "uncertainty", "openai-runway-uncertainty"),
    ("Scenarios", "scenarios", "openai-runway-scenarios"),
])
def test_each_tab_draws_only_its_chart_with_downloads(tab, key, name):
    at = open_tab(page("runway"), "runway_view", tab)
    assert not at.exception
    drawn = [json.loads(c.proto.config)["toImageButtonOptions"]["filename"] for c in at.get("plotly_chart")]
    assert drawn == [name], "only the open tab's chart"
    assert {f"{key}_{kind}" for kind in ("png", "svg", "csv")} <= {b.key for b in at.download_button}
    captions = [c.value for c in at.caption]
    assert len(captions) == len(set(captions)), "the chart's subtitle is printed once, under its title"


def epoch_points(at: AppTest) -> dict[str, list[str]]:
    """The Epoch AI series on the timeline and the row ids each draws."""
    return {trace["name"]: [row[0] for row in trace["customdata"]] for trace in chart_spec(at)["data"]
            if str(trace.get("name", "")).startswith("Epoch AI: ")}


def test_the_second_opinion_toggle_draws_and_removes_epochs_points():
    at = page("timeline")
    assert epoch_points(at) == {} and at.query_params["epoch"] == "0"
    at.toggle(key="epoch@OpenAI").set_value(True).run()
    assert not at.exception and at.query_params["epoch"] == "1"
    shown = epoch_points(at)
    assert set(shown) == {"Epoch AI: Revenue run-rate", "Epoch AI: Yearly revenue", "Epoch AI: Equity funding",
                          "Epoch AI: Debt funding", "Epoch AI: Post-money valuation", "Epoch AI: R&D compute spend",
                          "Epoch AI: Inference compute spend", "Epoch AI: R&D + inference compute spend"}
    assert shown["Epoch AI: Yearly revenue"] == ["2022 28M", "2024 3.7B"]  # never in the run-rate series
    assert "Dec 2024 5.5B" in shown["Epoch AI: Revenue run-rate"]
    assert any("Epoch AI (CC BY 4.0)" in c.value.replace("\\", "") for c in at.caption)
    at.checkbox(key="epoch_all").set_value(True).run()  # Epoch's other revenue is drawn only on request
    assert epoch_points(at)["Epoch AI: Other revenue (quarterly, product or division)"] == [
        "700M ChatGPT 2023", "April 2025 ChatGPT", "H1 2025 4.3B", "3B API"]
    at.toggle(key="epoch@OpenAI").set_value(False).run()
    assert not at.exception and epoch_points(at) == {} and at.query_params["epoch"] == "0"


def test_a_link_opens_the_second_opinion():
    at = page("timeline", epoch="1")
    assert not at.exception and at.toggle(key="epoch@OpenAI").value is True and epoch_points(at)


@pytest.mark.parametrize("undated, series_e", [("1", True), ("0", False)])
def test_epoch_rows_without_a_report_date_follow_the_undated_switch(undated, series_e):
    at = page("timeline", company="Anthropic", undated=undated)
    valuations = epoch_points(at)["Epoch AI: Post-money valuation"]
    assert ("Mar 2025 61.5B Series E" in valuations) is series_e  # Epoch gives it no report date
    early = page("timeline", company="Anthropic", asof="2023-08-13", undated="0")
    assert epoch_points(early)["Epoch AI: Post-money valuation"] == ["May 2021 Series A", "Apr 2022 Series B", "May 2023 Series C"]


def test_a_peer_only_company_is_offered_and_its_pages_say_what_the_data_cannot_show():
    at = page("overview")
    assert "Anthropic · peer data only" in at.selectbox(key="company").options
    at.selectbox(key="company").set_value("Anthropic").run()
    assert not at.exception and at.title[0].value == "Anthropic at a glance"
    note = at.info[0].value.replace("\\", "")
    assert "Anthropic is peer data only" in note and "no loss figures" in note and "no runway" in note
    latest = at.dataframe[0].value.set_index("figure")
    assert latest.loc["Revenue run-rate", "value"] == "$7.0B" and latest.loc["Revenue run-rate", "epoch_id"] == "Oct 2025 7B"
    for name, heading in (("timeline", "Anthropic: the money over time"), ("waterfall", "Anthropic: where the money went"),
                          ("runway", "Anthropic: how long does the cash last?"), ("sources", "Sources and claims")):
        other = page(name, company="Anthropic")
        assert not other.exception and other.title[0].value == heading, name
        if name in ("waterfall", "runway"):
            assert "no loss figures" in other.info[0].value and ("no waterfall" if name == "waterfall" else "no runway") in other.info[0].value
    timeline = page("timeline", company="Anthropic")
    assert timeline.toggle(key="epoch@Anthropic").value is True  # all there is, so drawn by default
    assert epoch_points(timeline)["Epoch AI: Revenue run-rate"][-1] == "Oct 2025 7B"


def test_overview_says_where_epoch_agrees_with_the_articles():
    at = open_tab(page("overview"), "overview_view", "Second opinion: Epoch AI")
    assert ("Epoch AI agrees on 4 of 4 pairs of the same metric and period. Valuation 2024 ($80.0B, openai-valuation-2024-fr) "
            "matches Epoch's $80.0B of 2024-02-16 (Feb 2024 80B), so Epoch's $157.0B of 2024-10-02 (Oct 2024 157B) is a level "
            "at another date, not a disagreement.") in [
        m.value.replace("\\", "") for m in at.markdown]
    table = next(d.value for d in at.dataframe if "verdict" in d.value)
    assert list(zip(table["claim_id"], table["epoch_id"], table["verdict"])) == [
        ("openai-revenue-2024-en", "2024 3.7B", "agrees"),
        ("openai-funding-round-2024-10-ko", "Oct 2024 157B", "agrees"),
        ("openai-valuation-2024-fr", "Feb 2024 80B", "agrees"),
        ("openai-valuation-2024-10-ko", "Oct 2024 157B", "agrees"),
        ("openai-valuation-2024-fr", "Oct 2024 157B", "another date"),
    ]


def test_the_overview_draws_the_valuations_as_holding_at_different_dates():
    at = open_tab(page("overview"), "overview_view", "Where the sources disagree")
    table = next(d.value for d in at.dataframe if "reason" in d.value).set_index("claim_ids")
    assert table.loc["openai-valuation-2024-10-ko, openai-valuation-2024-fr", ["status", "reason"]].tolist() == [
        "both hold at different dates", "The French article's $80 billion most likely predates the October 2024 round after which the "
        "Korean article gives $157 billion, so both can hold at different dates in 2024."]
    [chart] = [chart_spec(at, k) for k in range(len(at.get("plotly_chart")))]
    ranges = {t["name"]: t for t in chart["data"] if t["mode"] == "lines"}
    valuation = ranges["Valuation 2024, 2024-10: range"]
    assert valuation["line"]["color"] == "#0072b2"
    assert "both hold at different dates (acknowledged: The French article" in valuation["hovertemplate"]
    [dots] = [t for t in chart["data"] if t["name"] == "Valuation 2024, 2024-10: articles"]
    assert [text for text, _ in dots["customdata"]] == [
        "$157.0B (2024-10) · Unknown Korean translation site (from VietNamNet) (written 2024-Q4)",
        "$80.0B (2024) · LEBIGDATA.FR (written 2024)"]
    assert dots["text"] == ["$157.0B (2024-10)<br>Unknown Korean translation site (from<br>VietNamNet) (written 2024-Q4)",
                            "$80.0B (2024)<br>LEBIGDATA.FR (written 2024)"]  # the value over its article, wrapped


def test_timeline_shows_compute_beside_revenue_with_the_run_rate_marked():
    at = open_tab(page("timeline"), "timeline_view", "Compute spend beside revenue (Epoch AI)")
    bars = {trace["name"]: trace for trace in chart_spec(at)["data"]}
    run_rate = bars["Revenue run-rate (last of the year)"]
    assert run_rate["marker"]["pattern"]["shape"] == "/" and run_rate["text"] == ["$19.0B run-rate", "$100.0M run-rate", "$1.0B run-rate"]
    assert bars["Yearly revenue"]["text"] == ["$28.0M", "$3.7B"]
    # labels written up the bars, so that neighbours' never meet; the tallest, $19B, keeps its label inside a 440 px
    # plot at 24 px type: 15 characters x 0.52 x 24 = 187.2 px, and 8 px of pad, so 19e9 / (1 - 195.2 / 440)
    assert {trace["textangle"] for trace in bars.values()} == {-90}
    assert chart_spec(at)["layout"]["yaxis"]["range"] == [0, pytest.approx(34.150e9, rel=1e-4)]


# ---------------------------------------------------------------- the audit on the pages

STALE = ("OpenAI's runway starts from inputs that ended more than 12 months before 2026-02-01: openai-funding-round-2024-10-ko "
         "(funding round, 2024-10, ended 2024-10-31), openai-revenue-2024-en (revenue, 2024, ended 2024-12-31), "
         "openai-net-loss-2024-en (net loss, 2024, ended 2024-12-31), openai-net-loss-2024-fr (net loss, 2024, ended "
         "2024-12-31). By these figures the cash ran out in Jan 2026, before the as-of date (1 Feb 2026); funding not in "
         "the claims is implied.")
FLAGGED_IDS = ["openai-chatgpt-users-2023-06-ko", "openai-chatgpt-users-2023-07-ko", "openai-chatgpt-user-decline-2023-07-ko",
               "openai-funding-round-2024-10-ko", "openai-valuation-2024-10-ko", "openai-net-loss-2024-en", "openai-revenue-2024-en",
               "openai-net-loss-2024-fr", "openai-valuation-2024-fr"]
ACME = claims_bundle([{"id": "acme-loss-2024", "entity": "Acme AI", "quote": "Acme <b>lost</b> $2 billion", "value": 2_000_000_000}],
                     [{"published": "2024-06-01"}])


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def table_ids(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["id"])


@pytest.mark.parametrize("query, count", [
    ({}, "5 findings: 1 error, 2 warnings, 2 info (4 acknowledged)"),
    ({"asof": "2023-08-13"}, "1 finding: 1 error (1 acknowledged)"),
])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_counts_the_findings_in_the_sidebar(name, query, count):
    at = page(name, **query)
    assert at.sidebar.caption[0].value == f":material/rule: {count} in the claims in force: see Checks."


def test_checks_lists_the_findings_by_kind_with_quotes_and_acknowledgements(real_claims):
    at = page("checks")
    assert not at.exception
    assert [h.value for h in at.subheader] == ["Arithmetic (1)", "Sources disagree (1)", "Stale projection input (1)", "Echoed amount (2)"]
    assert markdown(at)[0] == "**5 findings: 1 error, 2 warnings, 2 info (4 acknowledged)**"
    assert markdown(at)[1] == ":material/error: **Error** · " + md_escape(
        "openai-chatgpt-user-decline-2023-07-ko says ≈ 16%, but 170.0M users (2023-06) to 150.0M users (2023-07) is a fall of "
        "11.8% (20.0M users / 170.0M users): 4.2 points out.")
    sentence = real_claims.set_index("id").loc["openai-chatgpt-user-decline-2023-07-ko"]  # all three claims quote it
    repost = "Repost: Personal blog (repost of a GPTers post) (2023-08-13)"
    assert markdown(at)[2] == "\n".join([
        "| Claim | Quote | In the other language |",
        "|---|---|---|",
        *(f"| {md_escape(f'{claim} · {figure} · {repost}')} | **en** · {md_escape(sentence['quote_en'])} | **ko** · {md_escape(sentence['quote'])} |"
          for claim, figure in [("openai-chatgpt-user-decline-2023-07-ko", "≈ 16%"), ("openai-chatgpt-users-2023-06-ko", "170.0M users"),
                                ("openai-chatgpt-users-2023-07-ko", "150.0M users")]),
    ]), "one table per finding: its claims' quotes in English, the reader's language, then in the original"
    assert sorted(s.value for s in at.success) == sorted(f"Acknowledged in the data: {md_escape(a.reason)}"
                                                         for a in real_claims.attrs["acknowledged"])
    assert f":material/warning: **Warning** · {md_escape(STALE)}" in markdown(at), "an unacknowledged finding is listed too"


def test_checks_company_filter_moves_the_list_and_the_url():
    at = page("checks")
    at.multiselect(key="checks_entities@OpenAI").set_value(["Nvidia"]).run()
    assert not at.exception
    assert (markdown(at)[0], at.subheader.len) == ("**No findings**", 0)
    assert at.query_params["f_entities"] == "Nvidia"
    at.multiselect(key="checks_entities@OpenAI").set_value([]).run()
    assert markdown(at)[0].startswith("**5 findings") and "f_entities" not in at.query_params
    linked = page("checks", f_entities="Nvidia")
    assert linked.multiselect(key="checks_entities@OpenAI").value == ["Nvidia"] and markdown(linked)[0] == "**No findings**"


def test_an_upload_is_audited_the_same_way():
    at = page("checks")
    upload(at, "acme.zip", ACME)
    assert not at.exception
    assert [h.value for h in at.subheader] == ["Unfinished period (1)"]
    assert markdown(at)[2].splitlines()[2:] == [
        r"| acme\-loss\-2024 · ≈ \$2\.0B a year · News outlet\: Publisher A \(2024\-06\-01\) | **en** · Acme \<b\>lost\</b\> "
        r"\$2 billion | **en** · a loss of \$5 billion |"]


def test_a_quote_over_several_lines_stays_in_its_table_row():
    at = page("checks")
    upload(at, "acme.zip", claims_bundle([{"id": "acme-loss-2024", "entity": "Acme AI", "quote": "Acme lost\n$2 | billion",
                                           "value": 2_000_000_000}], [{"published": "2024-06-01"}]))
    assert not at.exception
    assert markdown(at)[2].splitlines()[2].split(" | ")[1] == r"**en** · Acme lost \$2 \| billion"
    # the error: the loss is reported for a year not over; the warning: the finder reads "$2" (cut from "billion" by
    # the bar), a figure no claim carries
    assert at.sidebar.caption[0].value == ":material/rule: 2 findings: 1 error, 1 warning in the claims in force: see Checks."


def test_charts_mark_the_claims_with_findings_and_say_why_on_hover():
    timeline = [t for t in chart_spec(page("timeline"))["data"] if t.get("meta") == "burnboard-finding"]
    assert [(t["name"], len(t["hovertext"])) for t in timeline] == [("Audit warning (see Checks)", 6)]
    assert Counter(text.split("<br>")[1].split(":")[0] for text in timeline[0]["hovertext"]) == {
        "OpenAI's runway starts from inputs that ended more than 12 months before 2026-02-01": 4,  # the stale inputs
        "OpenAI valuation, 2024, 2024-10": 2}  # the two valuations that disagree
    waterfall = [t for t in chart_spec(page("waterfall"))["data"] if t.get("meta") == "burnboard-finding"]
    assert [(t["name"], array(t["x"]), array(t["y"])) for t in waterfall] == [
        ("Audit warning (see Checks)", ["Revenue", "Net loss (projected)"], [1.85e9, -2.5e9])]


@pytest.mark.parametrize("query, ids", [
    ({"q": "loss 2024"}, ["openai-bankruptcy-prediction-2024-ko", "openai-cash-burn-2024-ko", "openai-net-loss-2024-en",
                          "openai-net-loss-2024-fr-heading", "openai-net-loss-2024-fr", "openai-training-cost-2024-fr",
                          "openai-staff-cost-2024-fr"]),
    ({"q": "STAGGERING"}, ["openai-net-loss-2024-en"]),
    ({"f_findings": "1"}, FLAGGED_IDS),
    ({"f_findings": "1", "q": "valuation"}, ["openai-valuation-2024-fr"]),  # the Korean one says "value"
])
def test_sources_search_and_findings_filter_open_from_the_url(query, ids):
    at = page("sources", **query)
    assert not at.exception
    assert table_ids(at) == ids


def test_sources_table_reads_left_to_right_figure_quotes_then_findings():
    at = page("sources", q="valuation", f_findings="1")
    table = at.dataframe[0].value
    assert list(table.columns[:5]) == ["id", "figure", "quote", "quote_en", "findings"]
    row = table.iloc[0]
    assert (row["id"], row["figure"], row["per"]) == ("openai-valuation-2024-fr", "$80.0B", "")  # no rate: blank, not None
    assert "openai-valuation-2024-10-ko and this claim do not overlap" in row["findings"]


def test_sources_search_and_findings_filter_narrow_the_table_and_the_url():
    at = page("sources")
    at.text_input(key="search").set_value("valuation").run()
    assert at.query_params["q"] == "valuation"
    assert table_ids(at) == ["openai-valuation-2026-02-ko-usd", "openai-valuation-2026-02-ko-krw", "openai-valuation-2024-fr"]
    at.toggle(key="f_findings").set_value(True).run()
    assert at.query_params["f_findings"] == "1"
    table = at.dataframe[0].value.set_index("id")
    assert list(table.index) == ["openai-valuation-2024-fr"]
    assert table.loc["openai-valuation-2024-fr", "findings"].startswith("OpenAI valuation, 2024, 2024-10: ")
    assert table.loc["openai-valuation-2024-fr", "findings"].endswith("(acknowledged: The French article's $80 billion most likely "
                                                                      "predates the October 2024 round after which the Korean "
                                                                      "article gives $157 billion, so both can hold at different "
                                                                      "dates in 2024.)")


@pytest.mark.parametrize("text, expected", [
    ("as-of (01 Feb)", "as\\-of \\(01 Feb\\)"),
    ("<img src=x> [x](javascript:1)", "\\<img src=x\\> \\[x\\]\\(javascript\\:1\\)"),
    # a word joiner (U+2060) where markdown would make a link of plain text
    ("me@evil.example", "me\u2060@evil\\.example"),
    ("WWW.evil.example", "WWW\u2060\\.evil\\.example"),
    ("https://evil.example", "https\u2060\\://evil\\.example"),
])
def test_md_escape_leaves_no_markup_and_no_links(text, expected):
    assert md_escape(text) == expected


@pytest.mark.parametrize("before, match, after, expected", [
    ("a\nb ", "the  quote\n", " c", "a  \nb :orange-background[**the quote**] c"),  # line breaks kept, the highlight on one line
    ("<b>x</b> ", "[y](javascript:1) ]", " `z`", "\\<b\\>x\\</b\\> :orange-background[**\\[y\\]\\(javascript\\:1\\) \\]**] \\`z\\`"),
])
def test_md_highlight_keeps_article_text_inert(before, match, after, expected):
    assert md_highlight(before, match, after) == expected


@pytest.mark.parametrize("spans, expected", [
    ([(4, 6, "red"), (0, 1, "green")], ":green-background[**a**] b :red-background[**c\\***]\\*  \nd"),
    ([(0, 3, "red"), (2, 5, "red")], ":red-background[**a b**] c\\*\\*  \nd"),  # an overlapping span is left unmarked
    ([(5, 99, "red")], "a b c\\*\\*  \nd"),  # past the end: unmarked
])
def test_md_marks_highlights_each_span_in_its_colour(spans, expected):
    assert md_marks("a b c**\nd", spans) == expected


@pytest.mark.parametrize("tab, column, expected", [
    ("Where the sources disagree, and where they agree", "status", ["sources consistent", "sources consistent", "both hold at different dates"]),
    ("Articles", "publisher", ["Personal blog (repost of a GPTers post)", "Unknown Korean translation site (from VietNamNet)",
                               "Unknown blog (Blogger-style page)", "디지털타임스 (Digital Times)", "LEBIGDATA.FR"]),
    ("Exchange rates the articles imply", "currency", ["KRW", "KRW", "KRW"]),
])
def test_sources_across_the_articles_is_built_when_opened(tab, column, expected):
    at = page("sources")
    assert len(at.dataframe) == 1, "closed: only the claims table is built"
    at.session_state["across_articles"] = True
    at = open_tab(at, "sources_view", tab)
    assert len(at.dataframe) == 2 and not at.exception
    assert list(at.dataframe[1].value[column]) == expected


def test_sources_opens_a_quote_in_its_article_highlighted():
    at = page("sources")
    at.selectbox(key="claim").set_value("openai-net-loss-2024-en").run()
    assert not at.exception and at.query_params["claim"] == "openai-net-loss-2024-en"
    [excerpt] = [m for m in markdown(at) if ":orange-background[" in m]
    assert (":orange-background[**the company is projected to see a staggering loss of approximately \\$5 billion in 2024**], "
            "despite expectations") in excerpt
    assert excerpt.startswith("… AI Development Costs Are Impacting the Industry  \nOpenAI, the company behind ChatGPT")
    assert not at.code, "the whole article is sent only when its expander is opened"
    at.session_state["whole_article"] = True
    at.run()
    assert at.code[0].value == sources.read_article("002_ab2e4416028fa48c.txt").text


def test_sources_shows_an_html_article_as_its_text():
    at = page("sources", claim="openai-valuation-2026-02-ko-usd")
    assert not at.exception
    assert "The whole article as stored (its HTML tags removed)" in [e.label for e in at.expander]
    at.session_state["whole_article"] = True
    at.run()
    assert at.code[0].value.startswith("AI 혁명 주역 오픈AI, 거품 붕괴 시작점 되나")
    assert "<" not in at.code[0].value and "dmcf" not in at.code[0].value
    assert any(":orange-background[**" in m for m in markdown(at))


def test_sources_opens_a_quote_in_the_article_its_upload_carries():
    at = page("sources")
    upload(at, "acme.zip", ACME)
    at.selectbox(key="claim").set_value("acme-loss-2024").run()
    assert not at.exception and not at.info
    assert r":orange-background[**Acme \<b\>lost\</b\> \$2 billion**]" in markdown(at)
    at.session_state["whole_article"] = True  # the whole article, as the upload carries it
    at.run()
    assert "The whole article as uploaded" in [e.label for e in at.expander]
    assert [c.value for c in at.code] == ["Acme <b>lost</b> $2 billion"]


def test_method_shows_each_document_under_the_page_title_in_its_tab():
    at = page("method")
    assert not at.exception
    assert at.title[0].value == "Method: how each number is made"
    computes, audited = (ROOT / "docs" / name for name in ("how-burnboard-computes.md", "audit.md"))
    assert markdown(at)[:1] == ["#" + computes.read_text(encoding="utf-8").replace("\n#", "\n##").strip()]
    open_tab(at, "method_view", "The audit of the bundled data")
    assert markdown(at)[:1] == ["#" + audited.read_text(encoding="utf-8").replace("\n#", "\n##").strip()]


WATERFALL_ALT_TEXT = ("Chart: OpenAI 2024: from revenue to net loss. US dollars for 2024 · costs as the articles give them · "
                      "'Other / unexplained' closes the gap to the net loss (projected). Revenue $3.7B; Servers & inference ≲ $4.0B; "
                      "Training ≤ $3.0B; Staff ≲ $1.5B; Other / unexplained -$200.0M; Net loss (projected) ≈ $5.0B. "
                      "Sources: Unknown blog (Blogger-style page), written 2024; LEBIGDATA.FR, written 2024.")


@pytest.mark.parametrize("label, state, content, expected", [
    ("Data and claims behind this chart", "waterfall_behind", lambda box: [list(frame.value["id"]) for frame in box.dataframe[1:]],
     [["openai-net-loss-2024-en", "openai-revenue-2024-en", "openai-compute-cost-2024-en", "openai-training-cost-2024-en",
       "openai-staff-cost-2024-fr"]]),
    ("Text description (alt text)", "waterfall_alt", lambda box: [m.value for m in box.markdown], [md_escape(WATERFALL_ALT_TEXT)]),
])
def test_a_charts_expanders_draw_their_content_only_when_opened(label, state, content, expected):
    at = page("waterfall")
    [closed] = [e for e in at.expander if e.label == label]
    assert not closed.children
    at.session_state[state] = True  # what the reader's click sets
    at.run()
    box = next(e for e in at.expander if e.label == label)
    assert not at.exception and content(box) == expected


def test_the_first_page_freezes_the_heap_for_the_collections_after_each_run():
    """Streamlit collects garbage after every run: what the first page loaded is moved out of the collector's sight."""
    code = ("import gc, sys; from streamlit.testing.v1 import AppTest; print(gc.get_freeze_count()); "
            f"at = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=60); at.switch_page('pages/method.py'); at.run(); "
            "assert not at.exception; print(gc.get_freeze_count())")
    before, after = map(int, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                            cwd=ROOT).stdout.split())
    assert before == 0 and after > 100_000


def test_switching_pages_keeps_the_sidebar_and_the_pages_settings():
    at = page("overview")
    at.checkbox(key="undated").set_value(False).run()
    at.selectbox(key="company").set_value("xAI").run()
    for name in ("runway", "timeline", "waterfall", "overview", "sources", "runway", "checks", "overview"):
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, name
        assert (at.checkbox(key="undated").value, at.selectbox(key="company").value) == (False, "xAI"), name
        assert (at.query_params["undated"], at.query_params["company"]) == ("0", "xAI"), name
