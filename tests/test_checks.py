"""lib.checks: each claim's findings, the summary, the filters, the CSV and JSON tables, and the markers."""
from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib import checks
from lib.audit import COLUMNS
from lib.chart_layout import Chart


def finding(kind, severity, claims, message, reason=None) -> dict:
    return {"kind": kind, "severity": severity, "claims": claims, "message": message, "acknowledged": reason is not None,
            "reason": reason}


FINDINGS = pd.DataFrame([
    finding("arithmetic", "error", ("a", "b"), "A is off."),
    finding("disagreement", "warning", ("b", "c"), "B and C disagree.", "Known."),
    finding("echo", "info", ("c", "d"), "D echoes C."),
], columns=COLUMNS)
PREPARED = pd.DataFrame({
    "id": ["a", "b", "c", "d", "c-annualised"],
    "entity": ["Acme", "Acme", "Beta", "Beta", "Beta"],
    "derived": [False, False, False, False, True],
    "derived_from": [None, None, None, None, "c"],
})
FLAGGED = checks.flags(FINDINGS, PREPARED)


def test_flags_give_each_claim_its_worst_severity_and_every_message():
    assert FLAGGED.to_dict("index") == {
        "a": {"severity": "error", "why": "A is off."},
        "b": {"severity": "error", "why": "A is off.\nB and C disagree. (acknowledged: Known.)"},
        "c": {"severity": "warning", "why": "B and C disagree. (acknowledged: Known.)"},
        "c-annualised": {"severity": "warning", "why": "B and C disagree. (acknowledged: Known.)"},
    }, "info findings are not marked; an annualised row takes its claim's findings"


@pytest.mark.parametrize("rows, expected", [
    ([], "No findings"),
    ([0, 1, 2], "3 findings: 1 error, 1 warning, 1 info (1 acknowledged)"),
    ([0, 0], "2 findings: 2 errors"),
    ([2, 2], "2 findings: 2 info"),
])
def test_summary(rows, expected):
    assert checks.summary(FINDINGS.iloc[rows]) == expected


@pytest.mark.parametrize("entities, kinds", [
    ([], ["arithmetic", "disagreement", "echo"]),
    (["Acme"], ["arithmetic", "disagreement"]),
    (["Beta"], ["disagreement", "echo"]),
    (["Gamma"], []),
])
def test_about_keeps_findings_that_involve_a_company(entities, kinds):
    assert list(checks.about(FINDINGS, PREPARED, entities)["kind"]) == kinds


@pytest.mark.parametrize("entities", [[], ["Acme"], ["Gamma"]])
def test_about_keeps_a_finding_about_an_article_whatever_the_company(entities):
    findings = pd.concat([FINDINGS, pd.DataFrame([finding("uncurated", "warning", (), "$1 billion in a is carried by no claim.")],
                                                 columns=COLUMNS)], ignore_index=True)
    assert checks.about(findings, PREPARED, entities)["kind"].iloc[-1] == "uncurated"


def test_by_kind_follows_the_vocabulary_order():
    reordered = FINDINGS.iloc[[2, 0, 1]]
    assert [(kind.label, list(group["message"])) for kind, group in checks.by_kind(reordered)] == [
        ("Arithmetic", ["A is off."]), ("Sources disagree", ["B and C disagree."]), ("Echoed amount", ["D echoes C."])]


QUOTED_CLAIMS = pd.DataFrame({
    "id": ["a", "b", "c"], "value": [5e9, float("nan"), 300.0], "unit": ["USD", None, "KRW"], "per": [None, None, "day"],
    "qualifier": ["approximately", None, None], "source_source_type": ["news_outlet", "blog", None],
    "source_published": [pd.Timestamp("2026-02-01"), pd.NaT, pd.NaT], "source_publisher": ["Digital Times", "LeBigData", "Someone"],
    "source_written": [None, "2024", None], "source_language": ["ko", "fr", "en"],
    "quote": ["50억 달러", "Une levée", "300 won a day"], "quote_en": ["5 billion dollars", "A raise", "300 won a day"],
})


def test_quotes_give_each_finding_its_claims_with_figure_source_and_quotes():
    findings = FINDINGS.assign(claims=[("b", "a"), ("c", "missing"), ()])
    assert checks.quotes(findings, QUOTED_CLAIMS) == {
        ("b", "a"): (checks.Quote("b · Blog: LeBigData (written 2024)", "fr", "Une levée", "A raise"),
                     checks.Quote("a · ≈ $5.0B · News outlet: Digital Times (2026-02-01)", "ko", "50억 달러", "5 billion dollars")),
        ("c", "missing"): (checks.Quote("c · ₩300 a day · Source: Someone (undated)", "en", "300 won a day", "300 won a day"),),
        (): (),
    }


def test_quoted_gives_the_finding_claims_in_its_order():
    assert list(checks.quoted(("c", "a", "missing"), PREPARED)["id"]) == ["c", "a"]


def test_table_flattens_claims_and_reasons_for_csv():
    assert checks.table(FINDINGS)[["claims", "reason"]].to_dict("records") == [
        {"claims": "a, b", "reason": ""}, {"claims": "b, c", "reason": "Known."}, {"claims": "c, d", "reason": ""}]


def test_json_has_the_stamp_and_the_command_lines_records():
    assert json.loads(checks.to_json(FINDINGS.iloc[[1]], "Dataset x · link")) == {"stamp": "Dataset x · link", "findings": [
        {"kind": "disagreement", "severity": "warning", "claims": ["b", "c"], "message": "B and C disagree.",
         "acknowledged": True, "reason": "Known."}]}


# ---------------------------------------------------------------- charts

CLAIMS = pd.DataFrame({"id": ["a", "c", "d"]})


def chart(data: pd.DataFrame) -> Chart:
    return Chart("acme", "Acme", "subtitle", go.Figure(go.Scatter(x=[1], y=[1], name="drawn")), data, CLAIMS)


TIMELINE = chart(pd.DataFrame({"id": ["a", "c-annualised", "d"], "period_mid": pd.to_datetime(["2024-07-01", "2025-07-01", "2025-01-01"]),
                               "value_usd": [5e9, 2e9, 1e9]}))
# revenue 4 from 0 to 4, cost -6 from 4 to -2, nothing unexplained, the loss -2 drawn from 0
WATERFALL = chart(pd.DataFrame({"label": ["Revenue", "Cost", "Other", "Net loss"], "kind": ["revenue", "cost", "other", "total"],
                                "amount_usd": [4e9, -6e9, 0.0, -2e9], "claim_ids": ["c", "d", None, "a"]}))


def markers(marked: Chart) -> list[tuple]:
    return [(trace.name, list(trace.x), list(trace.y)) for trace in marked.figure.data if checks.is_marker(trace)]


def test_annotate_adds_the_findings_to_the_data_and_the_claims_and_leaves_the_figure():
    annotated = checks.annotate(TIMELINE, FLAGGED)
    assert list(annotated.data["findings"]) == ["A is off.", "B and C disagree. (acknowledged: Known.)", ""]
    assert list(annotated.claims["findings"]) == ["A is off.", "B and C disagree. (acknowledged: Known.)", ""]
    assert annotated.figure is TIMELINE.figure


def test_timeline_rings_each_flagged_point_by_severity():
    marked = checks.mark_timeline(TIMELINE, FLAGGED)
    assert markers(marked) == [("Audit error (see Checks)", [pd.Timestamp("2024-07-01")], [5e9]),
                               ("Audit warning (see Checks)", [pd.Timestamp("2025-07-01")], [2e9])]
    assert len(TIMELINE.figure.data) == 1, "the chart passed in is not changed"


def test_waterfall_marks_the_middle_of_each_flagged_bar():
    marked = checks.mark_waterfall(WATERFALL, FLAGGED)
    assert markers(marked) == [("Audit error (see Checks)", ["Net loss"], [-1e9]), ("Audit warning (see Checks)", ["Revenue"], [2e9])]
    assert list(marked.data["findings"]) == ["B and C disagree. (acknowledged: Known.)", "", "", "A is off."]


@pytest.mark.parametrize("flagged, legend, shown", [
    (FLAGGED, ["Audit error (see Checks)", "Audit warning (see Checks)"], True),
    (FLAGGED.iloc[0:0], ["drawn"], None),  # nothing found: no diamonds, the chart's own legend setting
])
def test_waterfall_names_its_diamonds_in_a_legend_and_keeps_the_bars_out(flagged, legend, shown):
    marked = checks.mark_waterfall(WATERFALL, flagged)
    assert [trace.name for trace in marked.figure.data if trace.showlegend is not False] == legend
    assert marked.figure.layout.showlegend is shown
    assert [trace.showlegend for trace in WATERFALL.figure.data] == [None], "the chart passed in is not changed"


def test_marker_hover_says_why_as_text():
    hostile = checks.flags(pd.DataFrame([finding("arithmetic", "error", ("a",), "<b onmouseover=x>1 & 2</b>")], columns=COLUMNS),
                           PREPARED)
    [trace] = [t for t in checks.mark_timeline(TIMELINE, hostile).figure.data if checks.is_marker(t)]
    assert list(trace.hovertext) == ["<b>Audit error</b><br>&lt;b onmouseover=x&gt;1 &amp; 2&lt;/b&gt;"]
