"""ui.data and the sidebar's upload box: the data in force, an upload accepted or refused, reset."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lib.bundle import write_bundle
from lib.export.stamp import dataset_version
from tests.conftest import CLAIMS_PATH, ROOT, claims_bundle, claims_yaml, upload

BUNDLED = ("bundled data", False, dataset_version(CLAIMS_PATH.read_bytes()))
ACME_CLAIMS = [{"id": "acme-loss-2024", "entity": "Acme AI", "value": 2_000_000_000},
               {"id": "acme-revenue-2024", "entity": "Acme AI", "metric": "revenue", "value": 500_000_000}]
ACME_SOURCES = [{"published": "2024-06-01"}]
ACME = claims_bundle(ACME_CLAIMS, ACME_SOURCES)  # a zip of claims.yaml and sources/a.txt
INVALID = claims_bundle(ACME_CLAIMS, ACME_SOURCES,
                        yaml_text=claims_yaml(ACME_CLAIMS, ACME_SOURCES).replace("basis: estimated", "basis: guessed", 1))
TOO_BIG = b"# padding\n" + (b"#" + b"x" * 1023 + b"\n") * (5 * 1024 + 200)


def in_force():
    """The data in force, with buttons that offer the file in session state and reset."""
    import streamlit as st

    from ui import data

    if st.button("Offer", key="offer"):
        data.offer(st.session_state["file"][0], st.session_state["file"][1])
    if st.button("Reset", key="reset"):
        data.reset()
    dataset = data.in_force()
    st.text(f"{dataset.label}|{dataset.uploaded}|{dataset.version}|{len(dataset.claims)}")
    for problem in data.problems():
        st.text(problem)


def shown(at: AppTest) -> tuple[str, bool, str]:
    label, uploaded, version, _ = at.text[0].value.split("|")
    return label, uploaded == "True", version


def offered(name: str, payload: bytes) -> AppTest:
    at = AppTest.from_function(in_force, default_timeout=30)
    at.query_params["company"] = "OpenAI"
    at.run()
    at.session_state["file"] = (name, payload)
    at.session_state["scale"] = "Linear"  # a page's setting
    return at.button(key="offer").click().run()


def test_the_bundled_data_is_in_force_at_first():
    at = AppTest.from_function(in_force, default_timeout=30).run()
    assert shown(at) == BUNDLED


def test_a_valid_upload_comes_into_force_and_every_setting_starts_afresh():
    at = offered("acme.zip", ACME)
    assert not at.exception
    assert shown(at) == ("uploaded file acme.zip", True, dataset_version(ACME))
    assert at.text[0].value.endswith("|2")
    assert "scale" not in at.session_state and "company" not in at.query_params


@pytest.mark.parametrize("name, payload, problems", [
    ("bad.zip", INVALID, ["bad.zip/claims.yaml:19: claims[0].basis: unknown basis 'guessed'; allowed: reported, estimated, projected, "
                          "commitment, forecast"]),
    ("big.yaml", TOO_BIG, ["big.yaml: the file is 5.5 MB; the limit is 5 MB."]),
    ("bare.yaml", claims_yaml(ACME_CLAIMS, ACME_SOURCES).encode(),  # a bare file's quotes must be in the stored articles
     [f"bare.yaml:{line}: claims[{index}].quote: cannot be checked: the article a.txt of source src-a is in no sources/ folder "
      "beside the claims file (in the upload's zip, or on disk) nor stored in data/sources/; include it as sources/a.txt beside "
      "claims.yaml"
      for index, line in ((0, 22), (1, 34))]),
    ("escape.zip", write_bundle(claims_yaml(ACME_CLAIMS, ACME_SOURCES), {"../a.txt": "a loss of $5 billion"}),
     ["escape.zip: sources/../a.txt: a path that leaves the zip's folders (.., \\, a drive or a leading /); not read"]),
])
def test_a_refused_upload_leaves_the_data_and_settings_as_they_were(name, payload, problems):
    at = offered(name, payload)
    assert not at.exception
    assert shown(at) == BUNDLED
    assert [t.value for t in at.text[1:]] == problems
    assert at.session_state["scale"] == "Linear" and at.query_params["company"] == "OpenAI"


STORED = claims_yaml([{"id": "stored-loss-2024", "quote": "loss of approximately $5 billion in 2024"}],
                     [{"file": "002_ab2e4416028fa48c.txt"}]).encode()  # its quote stands in a stored article


def test_a_bare_yaml_whose_quotes_stand_in_the_stored_articles_comes_into_force():
    at = offered("stored.yaml", STORED)
    assert not at.exception
    assert shown(at) == ("uploaded file stored.yaml", True, dataset_version(STORED))


def test_reset_goes_back_to_the_bundled_data():
    at = offered("acme.zip", ACME)
    at.button(key="reset").click().run()
    assert shown(at) == BUNDLED
    assert at.session_state["upload_generation"] == 1


# ---------------------------------------------------------------- the sidebar's upload box on a page

def page(name: str = "overview") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(f"pages/{name}.py")
    return at.run()


def test_uploading_on_a_page_replaces_the_company_list_and_reset_restores_it():
    at = upload(page(), "acme.zip", ACME)
    assert not at.exception
    # the articles' companies, then those only Epoch AI's data covers
    assert at.selectbox(key="company").options == ["Acme AI · 2 claims"] + [
        f"{name} · peer data only" for name in ["OpenAI", "Anthropic", "xAI", "Mistral AI", "Z.ai"]]
    assert "2 claims from 1 article: net loss and revenue. Not in Epoch AI's data." in [c.value.replace("\\", "") for c in at.sidebar.caption]
    assert at.title[0].value == "Acme AI at a glance"
    assert any("Using uploaded file acme.zip for this browser session only." in w.value.replace("\\", "") for w in at.warning)
    at.button(key="upload_reset").click().run()
    assert not at.exception
    assert "OpenAI · 52 claims" in at.selectbox(key="company").options
    assert not [w for w in at.warning if "uploaded file" in w.value.replace("\\", "")]
    assert at.title[0].value == "OpenAI at a glance"


def test_an_invalid_upload_on_a_page_lists_its_problems_and_changes_nothing():
    at = upload(page("runway"), "bad.zip", INVALID)
    assert not at.exception
    assert [e.value.replace("\\", "") for e in at.error] == [
        "bad.zip/claims.yaml:19: claims[0].basis: unknown basis 'guessed'; allowed: reported, estimated, projected, commitment, forecast"]
    assert "Nothing was changed: the data in use stays as it was." in [c.value for c in at.caption]
    assert at.title[0].value == "OpenAI: how long does the cash last?"


FAULT = claims_bundle(
    [{"id": "fault-loss-2024", "entity": "Fault AI", "value": 2_000_000_000},
     {"id": "fault-revenue-2024", "entity": "Fault AI", "metric": "revenue", "value": 500_000_000}],
    [{"published": "2024-06-01"}],
)
SET_ASIDE = ("fault.zip passed validation, but a page failed on it: ValueError: no figure for fault-revenue-2024. The claim "
             "that breaks it: fault-revenue-2024 (fault.zip/claims.yaml:24). This is a loader bug (the file should have been refused); "
             "the dashboard is back on the bundled data, and your file is kept for download.")


@pytest.fixture
def breaks_on_fault_revenue(monkeypatch):
    """A fault the loader lets through, as a bug would: the overview's cards fail when one claim is in force."""
    from lib import headline

    original = headline.headline_figures

    def failing(prepared, entity, as_of=None):
        if "fault-revenue-2024" in set(prepared["id"]):
            raise ValueError("no figure for fault-revenue-2024")
        return original(prepared, entity, as_of)

    monkeypatch.setattr(headline, "headline_figures", failing)


@pytest.mark.parametrize("name", ["overview", "checks"])
def test_an_upload_that_breaks_a_page_is_set_aside_named_and_kept(breaks_on_fault_revenue, name):
    at = upload(page(name), "fault.zip", FAULT)
    at.switch_page("pages/overview.py").run()
    assert not at.exception  # never Streamlit's error box
    assert at.error[0].value.replace("\\", "") == SET_ASIDE
    assert at.title[0].value == "OpenAI at a glance"  # the bundled data
    assert not any(option.startswith("Fault AI") for option in at.selectbox(key="company").options)
    kept = at.get("download_button")[0]
    assert kept.proto.label == "Download fault.zip (set aside)"
    at.switch_page("pages/runway.py").run()
    assert not at.exception
    assert at.error[0].value.replace("\\", "") == SET_ASIDE  # said on every page until another file or reset
    assert at.title[0].value == "OpenAI: how long does the cash last?"


def test_a_new_upload_replaces_the_one_set_aside(breaks_on_fault_revenue):
    at = upload(page(), "fault.zip", FAULT)
    at = upload(at, "acme.zip", ACME)
    assert not at.exception
    assert at.title[0].value == "Acme AI at a glance"
    assert not [e for e in at.error if "passed validation" in e.value]


# ---------------------------------------------------------------- figures no rate converts, and the reader's rate

EURO_CLAIMS = [
    {"id": "euro-loss-2024", "entity": "Euro AI", "value": 2_000_000_000, "unit": "EUR", "qualifier": "exact",
     "quote": "une perte de 2 milliards d'euros"},
    {"id": "euro-revenue-2024", "entity": "Euro AI", "metric": "revenue", "value": 500_000_000, "unit": "EUR",
     "qualifier": "exact", "quote": "500 millions d'euros de revenus"},
    {"id": "euro-valuation-2024", "entity": "Euro AI", "metric": "valuation", "value": 10_000_000_000, "unit": "EUR",
     "per": ..., "period": "2024-06", "qualifier": "exact", "quote": "valorisée 10 milliards d'euros"},
    {"id": "euro-round-2024", "entity": "Euro AI", "metric": "funding_round", "value": 1_000_000_000, "unit": "EUR",
     "per": ..., "period": "2024-05", "basis": "reported", "qualifier": "exact", "quote": "une levée d'un milliard d'euros"},
]
EUROS = claims_bundle(EURO_CLAIMS, [{"language": "fr", "published": "2024-06-01"}])
UNCONVERTED = ("4 figures of Euro AI in EUR cannot be shown in dollars: neither the articles nor the file give a EUR exchange "
               "rate, so the cards and charts leave them out. Net loss 2024: €2.0B a year (claim euro-loss-2024, Publisher A "
               "(2024-06-01)); Revenue 2024: €500.0M a year (claim euro-revenue-2024, Publisher A (2024-06-01)); Valuation "
               "2024-06: €10.0B (claim euro-valuation-2024, Publisher A (2024-06-01)); Funding round 2024-05: €1.0B (claim "
               "euro-round-2024, Publisher A (2024-06-01)). Give a rate below for this session, or add an exchange_rates: "
               "entry to the file (see data/README.md).")


def test_figures_no_rate_converts_are_named_and_a_rate_given_shows_them():
    at = upload(page(), "euros.zip", EUROS)
    assert not at.exception
    assert at.title[0].value == "Euro AI at a glance"
    assert [w.value.replace("\\", "") for w in at.warning if "cannot be shown in dollars" in w.value.replace("\\", "")] == [UNCONVERTED]
    assert not at.metric
    for name in ("timeline", "waterfall", "runway", "overview"):  # every page that would have shown them says so
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, name
        assert [w.value.replace("\\", "") for w in at.warning if "cannot be shown" in w.value.replace("\\", "")] == [UNCONVERTED], name
    rate = at.number_input(key="fx_rate_EUR")
    assert (rate.label, rate.value) == ("EUR per US dollar, for this session", None)
    rate.set_value(0.8).run()
    assert not at.exception
    assert not [w for w in at.warning if "cannot be shown in dollars" in w.value.replace("\\", "")]
    assert [(m.label, m.value) for m in at.metric][:3] == [
        ("Valuation (2024-06)", "$12.5B"), ("Net loss (2024)", "$2.5B"), ("Revenue (2024)", "$625.0M")]
    assert at.caption[1].value.replace("\\", "") == ("Estimated · News outlet: Publisher A (2024-06-01) · claim euro-valuation-2024 · "
                                                     "EUR at 0.8 per USD (the rate given for this session)")
    assert at.number_input(key="fx_rate_EUR").value == 0.8  # still offered, to change it
    at.switch_page("pages/timeline.py").run()
    assert not at.exception and at.number_input(key="fx_rate_EUR").value == 0.8  # the rate holds on every page
    assert not [w for w in at.warning if "cannot be shown in dollars" in w.value.replace("\\", "")]


EURO_RATES = ("exchange_rates:\n  - currency: EUR\n    per_usd: 0.8\n    date: 2024-06-28\n"
              "    citation: A reference rate of 28 June 2024\n")
EUROS_WITH_RATES = claims_bundle(EURO_CLAIMS, [{"language": "fr", "published": "2024-06-01"}],
                                 yaml_text=claims_yaml(EURO_CLAIMS, [{"language": "fr", "published": "2024-06-01"}]) + EURO_RATES)


def test_a_files_own_rate_converts_its_figures_and_is_listed_on_the_sources_page():
    at = upload(page(), "euros.zip", EUROS_WITH_RATES)
    assert not at.exception
    assert not [w for w in at.warning if "cannot be shown" in w.value.replace("\\", "")] and not at.number_input
    assert [(m.label, m.value) for m in at.metric][:3] == [
        ("Valuation (2024-06)", "$12.5B"), ("Net loss (2024)", "$2.5B"), ("Revenue (2024)", "$625.0M")]
    assert at.caption[1].value.replace("\\", "").endswith("EUR at 0.8 per USD (the file's exchange rate nearest its period)")
    at.switch_page("pages/sources.py").run()
    at.session_state["across_articles"] = True
    at.session_state["sources_view"] = "Exchange rates the articles imply"
    at.run()
    assert not at.exception
    assert at.dataframe[1].value.empty  # no article implies a rate
    assert at.dataframe[2].value.to_dict("records") == [
        {"currency": "EUR", "per_usd": 0.8, "date": "2024-06-28", "source": None, "citation": "A reference rate of 28 June 2024"}]


def test_an_upload_kept_and_shared_reopens_from_its_link_and_is_forgotten(tmp_path, monkeypatch):
    from lib import store

    monkeypatch.setenv("BURNBOARD_STORE", str(tmp_path / "store.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    upload(at, "acme.zip", ACME)
    at.button(key="upload_keep").click().run()
    assert not at.exception
    [digest] = store.Store(tmp_path / "store.sqlite3").digests()
    assert at.query_params["data"] == digest
    assert ":material/check_circle: Kept on this server: this page's link (with `?data=`) reopens it." in [
        c.value for c in at.sidebar.caption]

    reopened = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    reopened.query_params["data"] = digest
    reopened.run()
    assert not reopened.exception
    assert reopened.sidebar.selectbox(key="company").value == "Acme AI"

    at.button(key="upload_forget").click().run()
    assert store.Store(tmp_path / "store.sqlite3").digests() == []
    assert "data" not in at.query_params
