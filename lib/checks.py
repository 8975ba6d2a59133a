"""What the dashboard shows of the audit (lib.audit): each claim's findings, markers on the charts for the screen,
the findings column that CSVs and speaker notes carry, and the findings as a table and as JSON.

Markers are traces whose meta is MARKER, and lib.export.theme drops them: PNG, SVG and deck pictures look as
they would without the audit, while the CSV and the notes say what was found.
"""
from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from lib import strict_json
from lib.audit import claims_with_findings, json_report
from lib.chart_layout import Chart
from lib.formatting import claim_figure, source_kind_label
from lib.i18n import N_, _, ngettext
from lib.vocabulary import FINDING_KINDS, SEVERITIES, FindingKind

MARKER = "burnboard-finding"  # the meta of a marker trace: on screen only
MARKED = ("error", "warning")  # the severities marked on charts and tables
SEVERITY_COLOURS = {"error": "#d62728", "warning": "#e67e00"}
MARKER_NAMES = {"error": N_("Audit error"), "warning": N_("Audit warning")}  # said through _() on the chart
FLAG_COLUMNS = ["severity", "why"]


def flags(findings: pd.DataFrame, prepared: pd.DataFrame) -> pd.DataFrame:
    """The error and warning findings about each claim, indexed by id (an annualised row takes its claim's):
    severity, the worst of them, and why, their messages one a line (an acknowledged one with its reason)."""
    texts = claims_with_findings(findings)
    worst: dict[str, str] = {}
    for row in findings[findings["severity"].isin(MARKED)].itertuples(index=False):
        for claim_id in row.claims:
            worst[claim_id] = min(worst.get(claim_id, row.severity), row.severity, key=SEVERITIES.index)
    origin = zip(prepared["id"], prepared["derived_from"].where(prepared["derived"], prepared["id"]))
    rows = {row_id: (worst[claim], "\n".join(texts[claim])) for row_id, claim in origin if claim in worst}
    return pd.DataFrame.from_dict(rows, orient="index", columns=FLAG_COLUMNS)


def summary(findings: pd.DataFrame) -> str:
    """'5 findings: 1 error, 2 warnings, 2 info (4 acknowledged)'; 'No findings' when there are none."""
    if findings.empty:
        return _("No findings")
    counts = findings["severity"].value_counts()
    parts = ", ".join(_counted(s, int(counts[s])) for s in SEVERITIES if s in counts)
    text = ngettext("{count} finding: {severities}", "{count} findings: {severities}", len(findings)).format(
        count=len(findings), severities=parts)
    acknowledged = int(findings["acknowledged"].sum())
    return _("{findings} ({count} acknowledged)").format(findings=text, count=acknowledged) if acknowledged else text


def _counted(severity: str, count: int) -> str:
    """'2 warnings': a count of findings of one severity."""
    if severity == "error":
        return ngettext("{count} error", "{count} errors", count).format(count=count)
    if severity == "warning":
        return ngettext("{count} warning", "{count} warnings", count).format(count=count)
    return _("{count} info").format(count=count)  # info is no plural in English


def about(findings: pd.DataFrame, claims: pd.DataFrame, entities=()) -> pd.DataFrame:
    """The findings about any of the entities (every finding when none are given), and those about an article
    rather than its claims (an uncurated figure names no claim), whatever the entities."""
    if not entities:
        return findings
    wanted = set(claims.loc[claims["entity"].isin(list(entities)), "id"])
    return findings[findings["claims"].map(lambda ids: not ids or bool(wanted & set(ids))).astype(bool)]


def by_kind(findings: pd.DataFrame) -> list[tuple[FindingKind, pd.DataFrame]]:
    """The findings grouped by kind, in the vocabulary's order, kinds with none left out."""
    return [(kind, findings[findings["kind"] == name]) for name, kind in FINDING_KINDS.items() if (findings["kind"] == name).any()]


def quoted(finding_claims, claims: pd.DataFrame) -> pd.DataFrame:
    """The claims of one finding, in its order, with their quotes and sources (ids not in claims left out)."""
    present = [i for i in finding_claims if i in set(claims["id"])]
    return claims.drop_duplicates("id").set_index("id", drop=False).loc[present].reset_index(drop=True)


@dataclass(frozen=True)
class Quote:
    """One claim of a finding as the Checks page quotes it."""

    heading: str  # 'loss-2024 · ≈ $5.0B · News outlet: Digital Times (2026-02-01)'
    language: str
    original: str
    english: str


def quotes(findings: pd.DataFrame, claims: pd.DataFrame) -> dict[tuple[str, ...], tuple[Quote, ...]]:
    """Each finding's claims (by its claim ids), in its order, with their figures, sources and quotes: worked out
    once for every finding of a view, so the page only writes them out."""
    out = {}
    for ids in findings["claims"]:
        out[tuple(ids)] = tuple(
            Quote(" · ".join(part for part in (claim["id"], claim_figure(claim), source_kind_label(claim)) if part),
                  claim["source_language"], claim["quote"], claim["quote_en"])
            for _, claim in quoted(ids, claims).iterrows())
    return out


def table(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings as a flat table for CSV: claims as 'id-1, id-2', reason '' when not acknowledged."""
    return findings.assign(claims=findings["claims"].map(", ".join), reason=findings["reason"].fillna(""))


def to_json(findings: pd.DataFrame, stamp_text: str) -> str:
    """The findings as `python -m lib.audit --json` lists them, under the download's stamp."""
    return strict_json.dumps({"stamp": stamp_text, "findings": json.loads(json_report(findings))})


# ---------------------------------------------------------------- charts

def annotate(chart: Chart, flagged: pd.DataFrame) -> Chart:
    """The chart with a findings column in its data (when its rows name claims) and its claims: what the
    CSV, the table under the chart and the speaker notes say was found ('' for nothing)."""
    claim_rows = _row_claims(chart.data)
    data = chart.data if claim_rows is None else chart.data.assign(findings=[_why(ids, flagged) for ids in claim_rows])
    claims = chart.claims.assign(findings=[_why([i], flagged) for i in chart.claims["id"]]) if "id" in chart.claims else chart.claims
    return replace(chart, data=data, claims=claims)


def mark_timeline(chart: Chart, flagged: pd.DataFrame) -> Chart:
    """annotate(), and a ring around each point that has an error or a warning, its hover saying why."""
    chart = annotate(chart, flagged)
    rows = chart.data[chart.data["findings"] != ""]
    return replace(chart, figure=_with_markers(chart.figure, rows["period_mid"], rows["value_usd"], _severities(rows, flagged),
                                               rows["findings"], dict(symbol="circle-open", size=24)))


def mark_waterfall(chart: Chart, flagged: pd.DataFrame) -> Chart:
    """annotate(), and a diamond in the middle of each bar whose claims have an error or a warning, its hover
    saying why; the diamonds are named in a legend of their own, the bars keep out of it."""
    chart = annotate(chart, flagged)
    data = chart.data
    middle = pd.Series(_bar_middles(data), index=data.index)
    shown = data["findings"] != ""
    figure = _with_markers(chart.figure, data.loc[shown, "label"], middle[shown], _severities(data[shown], flagged),
                           data.loc[shown, "findings"], dict(symbol="diamond", size=16, line=dict(width=2, color="white")))
    if shown.any():
        figure.update_traces(showlegend=False, selector=lambda trace: not is_marker(trace))
        figure.update_layout(showlegend=True)
    return replace(chart, figure=figure)


def _bar_middles(lines: pd.DataFrame) -> list[float]:
    """Where each waterfall bar's middle is: a relative bar runs on from the one before, a total from zero."""
    running, middles = 0.0, []
    for amount, kind in zip(lines["amount_usd"], lines["kind"]):
        start, end = (0.0, amount) if kind == "total" else (running, running + amount)
        running = running if kind == "total" else end
        middles.append((start + end) / 2)
    return middles


def is_marker(trace) -> bool:
    """Whether a trace is a findings marker (drawn on screen, never exported)."""
    return getattr(trace, "meta", None) == MARKER


def _row_claims(data: pd.DataFrame) -> list[list[str]] | None:
    """The claim ids behind each row of a chart's data: its id, or its claim_ids; None when rows name none."""
    if "id" in data:
        return [[i] for i in data["id"]]
    if "claim_ids" in data:
        return [[i.strip() for i in ids.split(",")] if isinstance(ids, str) else [] for ids in data["claim_ids"]]
    return None


def _why(ids, flagged: pd.DataFrame) -> str:
    return "\n".join(dict.fromkeys(line for i in ids if i in flagged.index for line in flagged.at[i, "why"].split("\n")))


def _severities(rows: pd.DataFrame, flagged: pd.DataFrame) -> list[str]:
    """The worst severity among each row's claims."""
    return [min((flagged.at[i, "severity"] for i in ids if i in flagged.index), key=SEVERITIES.index)
            for ids in _row_claims(rows)]


def _hover(why: str) -> str:
    """A finding's text for a plotly hover: escaped (it quotes the data), wrapped, one finding a paragraph."""
    return "<br><br>".join("<br>".join(html.escape(part, quote=False) for part in textwrap.wrap(line, 90)) for line in why.split("\n"))


def _with_markers(figure: go.Figure, x, y, severities: list[str], why, marker: dict) -> go.Figure:
    """A copy of the figure with one marker trace per severity (meta MARKER), hover text saying why."""
    marked = go.Figure(figure)
    frame = pd.DataFrame({"x": list(x), "y": list(y), "severity": severities, "why": list(why)})
    for severity in MARKED:
        points = frame[frame["severity"] == severity]
        if points.empty:
            continue
        colour, name = SEVERITY_COLOURS[severity], _(MARKER_NAMES[severity])
        marked.add_trace(go.Scatter(
            x=points["x"], y=points["y"], mode="markers", meta=MARKER, name=_("{marker} (see Checks)").format(marker=name),
            marker={"color": colour, "line": dict(width=3, color=colour), **marker},
            hovertext=[f"<b>{name}</b><br>{_hover(text)}" for text in points["why"]], hoverinfo="text",
        ))
    return marked
