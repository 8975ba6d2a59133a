"""What the app's download buttons give: safe, stamped CSVs on every page, and a deck that projects what the
Runway page shows. Downloads are built as a click builds them (their callables, recorded as the page offers them)."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from lib import checks, strict_json
from lib.bundle import read_bundle
from lib.claims import parse_claims
from lib.export import renderer
from lib.export.cli import main
from lib.export.stamp import dataset_version
from tests.conftest import (
    CLAIMS_PATH, FORMULA_CLAIMS, FORMULA_SOURCES, FORMULAS, ROOT, articles_for, claims_bundle, inert_csv_cells, upload, write_claims,
)
from tests.export.conftest import NoChromium, needs_chromium
from tests.export.test_findings import STALE, Recorder

PAGES = ["overview", "timeline", "waterfall", "runway", "sources", "checks", "method"]
ADDRESS = "http://localhost:8501"  # where the browser opened the page; with no public address, stamps give the path
ON_SERVER = "open on the Burnboard server: "
BUNDLED = dataset_version((ROOT / "data" / "claims.yaml").read_bytes())[:7]
OTHER_TABS = {"overview": [("overview_view", "Burn per day and month"), ("overview_view", "Where the sources disagree")],
              "timeline": [("timeline_view", "Compute spend beside revenue (Epoch AI)")],
              "runway": [("runway_page", "Then vs now")]}
NEUTRALISED = {f"'{text}" for key, text in FORMULAS.items() if key in ("publisher", "quote", "quote_en", "note")}


@pytest.fixture
def offered(monkeypatch):
    """Every download a page offers: (label, file name, data), the data built as a click would build it."""
    original = DeltaGenerator.download_button
    seen = []

    def record(self, label, data, *args, **kwargs):
        seen.append((label, kwargs.get("file_name"), data))
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", record)
    monkeypatch.setattr(st, "download_button", lambda *args, **kwargs: record(st._main, *args, **kwargs))
    return seen


def built(data) -> bytes:
    return data() if callable(data) else data


def page(name: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.context = {"url": f"{ADDRESS}/{name}"}
    at.switch_page(f"pages/{name}.py")
    return at.run()


def test_every_csv_the_app_writes_from_an_upload_is_safe_and_stamped(offered):
    data = claims_bundle(FORMULA_CLAIMS, FORMULA_SOURCES)
    at = page("sources")
    upload(at, "formulas.zip", data)
    assert not at.exception and at.selectbox(key="company").value == "Acme AI"
    csvs = {}
    for name in PAGES:
        offered.clear()
        at.context = {"url": f"{ADDRESS}/{name}"}
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, name
        csvs.update({file: built(made) for label, file, made in offered if "CSV" in label})
        for key, tab in OTHER_TABS.get(name, []):  # tabs build only when opened
            at.session_state[key] = tab
            offered.clear()
            at.run()
            csvs.update({file: built(made) for label, file, made in offered if "CSV" in label})
    assert sorted(csvs) == ["acme-ai-burn-rate.csv", "acme-ai-by-year.csv", "acme-ai-runway.csv", "acme-ai-then-and-now.csv",
                            "acme-ai-timeline.csv", "acme-ai-waterfall-2024.csv", "burnboard-claims.csv", "burnboard-findings.csv",
                            "epoch-compute-vs-revenue.csv"]
    text = set()
    for file, content in csvs.items():
        stamp = content.decode("utf-8").splitlines()[0]
        assert stamp.startswith(f"# Uploaded data, version {dataset_version(data)[:7]} (claims published by 1 Jun 2024) · {ON_SERVER}/"), file
        text |= set(inert_csv_cells(content))
    assert NEUTRALISED <= text
    claims = pd.read_csv(io.BytesIO(csvs["burnboard-claims.csv"]), skiprows=1)
    assert sorted(claims["value"]) == [500_000_000, 1_000_000_000, 2_000_000_000, 10_000_000_000], "numbers stay numbers"


def test_every_csv_the_command_line_writes_is_safe_and_stamped(tmp_path):
    claims = write_claims(tmp_path / "formulas.yaml", FORMULA_CLAIMS, FORMULA_SOURCES)
    out = tmp_path / "out"
    assert main(["--out", str(out), "--claims", str(claims), "--company", "Acme AI", "--formats", "csv"], renderer=NoChromium()) == 0
    pages = {  # each CSV's link opens the page that draws its chart
        "acme-ai-burn-rate.csv": "", "acme-ai-by-year.csv": "", "acme-ai-runway-sensitivity.csv": "runway",
        "acme-ai-runway-uncertainty.csv": "runway", "acme-ai-runway.csv": "runway", "acme-ai-then-and-now.csv": "runway",
        "acme-ai-timeline.csv": "timeline", "acme-ai-waterfall-2024.csv": "waterfall", "epoch-compute-vs-revenue.csv": "timeline"}
    assert [p.name for p in sorted(out.glob("*.csv"))] == list(pages)
    text = set()
    for name, shown_on in pages.items():
        content = (out / name).read_bytes()
        assert content.decode("utf-8").startswith(f"# Data from formulas.yaml, version {dataset_version(claims.read_bytes())[:7]} "
                                                  f"(claims published by 1 Jun 2024) · {ON_SERVER}"
                                                  f"/{shown_on}?lang=en&company=Acme+AI&asof=2024-06-01&undated=1\n"), name
        text |= set(inert_csv_cells(content))
    assert "'" + FORMULAS["publisher"] in text


def test_chart_csv_stamp_links_to_the_view_on_screen(offered):
    at = page("timeline", scale="Linear")
    stamp = next(built(made) for label, _, made in offered if "CSV" in label).decode("utf-8").splitlines()[0]
    assert stamp == (f"# Burnboard data, version {BUNDLED} (claims published by 1 Feb 2026) · {ON_SERVER}"
                     f"/timeline?scale=Linear&lang=en&company=OpenAI&asof=2026-02-01&undated=1&"
                     f"metrics={'%2C'.join(at.multiselect(key='metrics').value)}&events=1&epoch=0")


@needs_chromium
def test_page_deck_and_command_line_use_the_same_clamped_cash(offered, tmp_path):
    """/runway?cash=1e9: the slider clamps to its $50B highest; the deck and the command line must project $50B."""
    at = page("runway", cash="1e9")
    assert at.slider(key="cash@OpenAI").value == 50.0
    on_screen = pd.read_csv(io.BytesIO(next(built(made) for label, _, made in offered if "CSV" in label)), skiprows=1)
    assert on_screen["cash_start"].iloc[0] == 50e9, "the chart on the page starts from the slider's value"
    deck = next(made for label, _, made in offered if label == "Download deck (.pptx)")
    from pptx import Presentation

    slides = Presentation(io.BytesIO(deck())).slides
    runway_slide = next(s for s in slides if s.shapes.title is not None and "runway" in s.shapes.title.text_frame.text.lower())
    subtitle = " ".join(shape.text_frame.text for shape in runway_slide.shapes if shape.has_text_frame)
    assert "with $50.0B cash" in subtitle
    assert main(["--out", str(tmp_path), "--formats", "csv", "--cash", "1e18"], renderer=NoChromium()) == 0
    runway = pd.read_csv(tmp_path / "openai-runway.csv", skiprows=1)
    assert runway["cash_start"].iloc[0] == 50e9 == at.slider(key="cash@OpenAI").value * 1e9


def test_pages_load_neither_kaleido_nor_python_pptx_until_a_download_needs_them():
    script = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=60)\n"
        f"for name in {PAGES!r}:\n"
        "    at.switch_page(f'pages/{name}.py').run()\n"
        "    assert not at.exception, name\n"
        "print(sorted(m for m in ('kaleido', 'pptx', 'choreographer') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['choreographer']", "only Chromium's finder is loaded, to decide which buttons to show"


@needs_chromium
def test_a_readers_own_title_reaches_the_screen_the_url_the_svg_and_the_deck(offered):
    at = page("waterfall")
    at.session_state["waterfall_words"] = True  # the reader opens the editor
    at.run()
    at.text_input(key="waterfall_title").input("Where OpenAI's 2024 money went").run()
    at.text_input(key="waterfall_subtitle").input("Billions of dollars, as three articles told it").run()
    assert not at.exception
    assert at.query_params["waterfall_title"] == "Where OpenAI's 2024 money went"
    assert "**Where OpenAI's 2024 money went**" in [m.value.replace("\\", "") for m in at.markdown]
    svg = built([made for label, _, made in offered if label == "SVG (print)"][-1]).decode("utf-8")
    assert "Where OpenAI's 2024 money went" in svg.replace("&#39;", "'") and "as three articles told it" in svg
    assert "waterfall_title=Where+OpenAI%27s+2024+money+went" in svg, "the stamp's link reopens the view with its title"
    from pptx import Presentation

    deck = [made for label, _, made in offered if label == "Download deck (.pptx)"][-1]
    titles = [s.shapes.title.text_frame.text for s in Presentation(io.BytesIO(deck())).slides if s.shapes.title is not None]
    assert "Where OpenAI's 2024 money went" in titles and "OpenAI: money figures over time" in titles


def test_an_empty_own_title_keeps_the_one_from_the_data():
    at = page("timeline", timeline_title="My title")
    assert "**My title**" in [m.value for m in at.markdown] and not at.text_input, "the link's title, editor closed"
    at.session_state["timeline_words"] = True
    at.run()
    assert at.text_input(key="timeline_title").value == "My title"
    at.text_input(key="timeline_title").input("").run()
    assert "timeline_title" not in at.query_params
    assert "**OpenAI: money figures over time**" in [m.value.replace("\\", "") for m in at.markdown]


@needs_chromium  # the page offers image downloads only where Chromium is installed
@pytest.mark.parametrize("name, label", [("timeline", "PNG (slides)"), ("timeline", "SVG (print)"), ("waterfall", "PNG (slides)")])
def test_a_pages_images_leave_out_the_markers_its_chart_shows(offered, monkeypatch, name, label):
    recorder = Recorder()
    monkeypatch.setattr(renderer, "shared", lambda: recorder)
    at = page(name)
    on_screen = [trace.get("name") for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]
    assert "Audit warning (see Checks)" in on_screen
    next(made for shown, _, made in offered if shown == label)()
    [drawn] = recorder.figures
    assert [trace.name for trace in drawn.data] == [n for n in on_screen if n != "Audit warning (see Checks)"]
    assert not [trace for trace in drawn.data if checks.is_marker(trace)]


@pytest.mark.parametrize("name, key, file", [
    ("timeline", "id", "openai-timeline.csv"),
    ("waterfall", "label", "openai-waterfall-2024.csv"),
    ("sources", "id", "burnboard-claims.csv"),
])
def test_a_pages_csv_carries_the_findings(offered, name, key, file):
    page(name)
    made = next(made for _, shown, made in offered if shown == file)
    table = pd.read_csv(io.BytesIO(built(made)), skiprows=1, keep_default_na=False).set_index(key)
    row = "Revenue" if key == "label" else "openai-revenue-2024-en"
    assert table.loc[row, "findings"] == STALE


def test_the_checks_page_downloads_the_findings_as_csv_and_json(offered):
    at = page("checks", f_entities="OpenAI")
    files = {file: built(made) for _, file, made in offered}
    stamp = (f"Burnboard data, version {BUNDLED} (claims published by 1 Feb 2026) · {ON_SERVER}"
             f"/checks?f_entities=OpenAI&lang=en&company=OpenAI&asof=2026-02-01&undated=1")
    assert at.query_params["f_entities"] == "OpenAI"
    csv = files["burnboard-findings.csv"].decode("utf-8")
    assert csv.splitlines()[0] == f"# {stamp}"
    table = pd.read_csv(io.StringIO(csv), skiprows=1, keep_default_na=False)
    assert list(table.columns) == ["kind", "severity", "claims", "message", "acknowledged", "reason"]
    assert list(table["kind"]) == ["arithmetic", "disagreement", "stale_input", "echo", "echo"]
    assert list(table["acknowledged"]) == [True, True, False, True, True]
    assert table.loc[2, "message"] == STALE
    assert table.loc[2, "claims"] == ("openai-funding-round-2024-10-ko, openai-revenue-2024-en, openai-net-loss-2024-en, "
                                      "openai-net-loss-2024-fr")
    document = strict_json.loads(files["burnboard-findings.json"])
    assert document["stamp"] == stamp
    assert [(f["kind"], f["acknowledged"]) for f in document["findings"]] == list(zip(table["kind"], table["acknowledged"]))
    assert document["findings"][2]["claims"] == table.loc[2, "claims"].split(", ")
    assert [f["reason"] is None for f in document["findings"]] == [False, False, True, False, False]


def _rows(data: bytes) -> list[str]:
    """A CSV download's rows, its stamp and comment lines left out."""
    return [line for line in data.decode("utf-8").splitlines() if not line.startswith("# ")]


@pytest.mark.parametrize("undated, flag, year, publishers, runway", [
    # the 2023 article alone gives a loss and a tranche but no revenue: no waterfall explains it, and no runway, on
    # the page or the command line
    ("no", "0", None, {"Personal blog (repost of a GPTers post)"}, set()),
    ("yes", "1", "2024", {"Personal blog (repost of a GPTers post)", "LEBIGDATA.FR", "Unknown blog (Blogger-style page)",
                          "Unknown Korean translation site (from VietNamNet)"}, {"openai-runway.csv"}),
])
def test_the_command_line_exports_the_view_the_sidebar_makes(offered, tmp_path, capsys, undated, flag, year, publishers, runway):
    assert main(["--out", str(tmp_path), "--formats", "csv", "--as-of", "2024-12-31", "--undated", undated], renderer=NoChromium()) == 0
    written = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    for name in ("overview", "timeline", "waterfall", "runway"):
        assert not page(name, asof="2024-12-31", undated=flag).exception
    on_pages = {file: built(made) for _, file, made in offered if file in written}
    waterfalls = [f"openai-waterfall-{year}.csv"] if year else []
    assert {"openai-timeline.csv", *waterfalls, "openai-by-year.csv"} | runway <= set(on_pages)
    assert sorted(name for name in written if name.startswith("openai-waterfall")) == waterfalls
    assert ("openai-runway.csv" in written) == bool(runway)
    for file, data in on_pages.items():
        assert _rows(data) == _rows(written[file]), file
    timeline = pd.read_csv(io.BytesIO(written["openai-timeline.csv"]), comment="#")
    assert set(timeline["source_publisher"]) == publishers
    assert written["openai-timeline.csv"].decode("utf-8").splitlines()[0].endswith(
        f"(claims published by 31 Dec 2024) · {ON_SERVER}/timeline?lang=en&company=OpenAI&asof=2024-12-31&undated={flag}")


def test_the_data_of_an_upload_with_articles_downloads_as_a_zip_that_loads_again(offered):
    data = claims_bundle(FORMULA_CLAIMS, FORMULA_SOURCES)
    at = page("overview")
    upload(at, "formulas.zip", data)
    assert not at.exception
    [(label, file, made)] = [d for d in offered if d[1] == "formulas.zip"][-1:]
    assert label == "Download the data (zip)" and built(made) == data  # the file as it was given, byte for byte
    again = read_bundle(built(made), "formulas.zip")
    assert again.articles == articles_for(FORMULA_CLAIMS, FORMULA_SOURCES)
    reloaded = parse_claims(again.claims, "formulas.zip/claims.yaml", again.articles)
    assert reloaded["id"].tolist() == ["acme-loss-2024", "acme-revenue-2024", "acme-staff-2024", "acme-valuation-2024"]


def test_the_bundled_data_downloads_as_the_file_on_disk_comments_and_all(offered):
    assert not page("overview").exception
    [(label, file, made)] = [d for d in offered if d[1] == "claims.yaml"]
    assert label == "Download the data (YAML)" and built(made) == CLAIMS_PATH.read_bytes()


@pytest.mark.parametrize("environ, options, opened, where", [
    ({}, {}, f"{ADDRESS}/checks", f"{ON_SERVER}/checks"),
    ({"BURNBOARD_PUBLIC_URL": "https://burnboard.example/"}, {}, f"{ADDRESS}/checks", "https://burnboard.example/checks"),
    ({}, {"browser.serverAddress": "burnboard.example"}, f"{ADDRESS}/checks", "http://burnboard.example/checks"),
    ({}, {"browser.serverAddress": "burnboard.example", "browser.serverPort": 8080}, f"{ADDRESS}/checks",
     "http://burnboard.example:8080/checks"),
    ({"BURNBOARD_PUBLIC_URL": "https://x.org/bb"}, {"server.baseUrlPath": "bb"}, f"{ADDRESS}/bb/checks", "https://x.org/bb/checks"),
    ({}, {"browser.serverAddress": "x.org", "server.baseUrlPath": "bb"}, f"{ADDRESS}/bb/checks", "http://x.org/bb/checks"),
    ({}, {"server.baseUrlPath": "bb"}, f"{ADDRESS}/bb/checks", f"{ON_SERVER}/bb/checks"),
])
def test_the_stamps_link_starts_with_the_configured_public_address(offered, monkeypatch, environ, options, opened, where):
    from streamlit import config

    monkeypatch.delenv("BURNBOARD_PUBLIC_URL", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    get_option, is_set = config.get_option, config.is_manually_set
    monkeypatch.setattr(config, "get_option", lambda name: options[name] if name in options else get_option(name))
    monkeypatch.setattr(config, "is_manually_set", lambda name: name in options or is_set(name))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.context = {"url": opened}
    at.switch_page("pages/checks.py").run()
    assert not at.exception
    csv = next(built(made) for _, file, made in offered if file == "burnboard-findings.csv").decode("utf-8")
    assert csv.splitlines()[0] == (f"# Burnboard data, version {BUNDLED} (claims published by 1 Feb 2026) · "
                                   f"{where}?lang=en&company=OpenAI&asof=2026-02-01&undated=1&f_entities=OpenAI")


def _deck_titles(offered, monkeypatch) -> list[str]:
    """The slide titles of the last deck the sidebar offered, built as a click builds it (its pictures blank)."""
    from pptx import Presentation

    deck = [made for label, _, made in offered if label == "Download deck (.pptx)"][-1]
    with monkeypatch.context() as patched:
        patched.setattr(renderer, "shared", Recorder)
        return [slide.shapes.title.text_frame.text for slide in Presentation(io.BytesIO(deck())).slides]


TIMELINE, WATERFALL, RUNWAY = ("OpenAI: money figures over time", "OpenAI 2024: from revenue to net loss", "OpenAI: cash runway")
REST = ["OpenAI: what moves the zero-cash date", "OpenAI: cash runway within the sources' uncertainty",
        "OpenAI: revenue, loss and cash burn by year", "OpenAI: burn per day and per month", "OpenAI: where the sources disagree",
        "OpenAI and Anthropic: compute spend beside revenue, by year"]


@pytest.mark.parametrize("query, picker, titles", [
    ({}, ["timeline", "waterfall", "runway", "runway-sensitivity", "runway-uncertainty", "runway-scenarios", "then-and-now",
          "by-year", "burn-rate", "disagreements", "compute-vs-revenue"], [TIMELINE, WATERFALL, RUNWAY, *REST]),
    ({"waterfall_title": "Where the money went"},
     ["waterfall", "timeline", "runway", "runway-sensitivity", "runway-uncertainty", "runway-scenarios", "then-and-now",
      "by-year", "burn-rate", "disagreements", "compute-vs-revenue"], ["Where the money went", TIMELINE, RUNWAY, *REST]),
])
def test_retitled_charts_lead_the_deck_by_default(offered, monkeypatch, query, picker, titles):
    at = page("waterfall", **query)
    at.session_state["deck_slides_box"] = True  # the reader opens "Slides in the deck"
    at.run()
    assert not at.exception
    assert at.multiselect(key="deck_slides_picker").value == picker
    assert _deck_titles(offered, monkeypatch) == ["Burnboard: AI burn rates", *titles, "Sources"]


def test_the_deck_follows_the_readers_choice_through_page_switches(offered, monkeypatch):
    at = page("waterfall", waterfall_title="Where the money went")
    at.session_state["deck_slides_box"] = True
    at.run()
    at.multiselect(key="deck_slides_picker").set_value(["runway", "timeline"]).run()
    assert at.query_params["slides"] == "runway,timeline"
    for name in ("sources", "overview"):
        at.context = {"url": f"{ADDRESS}/{name}"}
        offered.clear()
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, name
        assert _deck_titles(offered, monkeypatch) == ["Burnboard: AI burn rates", RUNWAY, TIMELINE, "Sources"], name
    at.session_state["deck_slides_box"] = True
    at.run()
    assert at.multiselect(key="deck_slides_picker").value == ["runway", "timeline"]
    at.multiselect(key="deck_slides_picker").set_value([]).run()
    assert at.query_params["slides"] == "none" and at.multiselect(key="deck_slides_picker").value == []
    [deck] = [button for button in at.get("download_button") if button.proto.id.endswith("download_deck")]
    assert deck.proto.disabled, "no slide chosen: nothing to download"
