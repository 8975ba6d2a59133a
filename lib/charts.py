"""Figure builders: each returns a Chart (a plotly figure, the exact data drawn and the claims behind it).

Nothing here calls Streamlit; the pages render these, and lib.export turns them into images and slides.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib import transforms as tf
from lib.formatting import format_usd, source_kind_label, source_line
from lib.peers import KINDS
from lib.runway import Projection
from lib.textsize import text_px, wrap
from lib.vocabulary import (
    BASES, CAP_NOTE, CASH_COLOUR, COMPANY, METRICS, OTHER_COLOUR, bundle_text, metric_colour, metric_label, qualified,
)

EVENT_GAP = pd.Timedelta(days=45)
EVENT_METRICS = [name for name, metric in METRICS.items() if metric.kind == "event"]
TIMELINE_METRICS = [name for name, metric in METRICS.items() if metric.timeline]
CLAIM_COLUMNS = ["id", "entity", "metric", "scope", "period", "basis", "qualifier", "source_title", "source_publisher",
                 "source_source_type", "source_published", "source_written", "quote", "quote_en", "value", "unit", "per",
                 "includes"]  # includes: the metrics a bundled figure covers, as the claims file lists them
RAISE_COLOUR = metric_colour("funding_round")  # raises are drawn in the funding-round colour
RAISE_LABEL_STEP = 36  # px between the levels of successive raises' labels (two lines of 12 px text)
FONT = "'Noto Sans CJK KR', sans-serif"  # one face for Latin and Hangul: images are drawn with it (fonts-noto-cjk)


# The dashboard pages that draw charts, by their URL paths ("" is the overview): a download's link opens its page.
OVERVIEW, TIMELINE, WATERFALL, RUNWAY = "", "timeline", "waterfall", "runway"


@dataclass(frozen=True)
class Chart:
    """A figure with what a reader needs to trust it: the data drawn and the claims behind it."""

    name: str
    title: str
    subtitle: str
    figure: go.Figure
    data: pd.DataFrame
    claims: pd.DataFrame
    peers: pd.DataFrame | None = None  # the Epoch AI rows drawn (lib.peers), if any: the chart then cites Epoch

    description: str = ""  # the key numbers in a sentence or two, for the alt text
    page: str = OVERVIEW  # the page that draws it (one of the paths above)

    @cached_property
    def source_line(self) -> str:
        """The articles behind the chart, short enough for a slide: publisher and date, and Epoch AI when its
        data is drawn (worked out once per chart)."""
        return source_line(self.claims, self.uses_peers)

    @property
    def uses_peers(self) -> bool:
        return self.peers is not None and not self.peers.empty

    def in_words(self, title: str = "", subtitle: str = "") -> Chart:
        """The chart under a reader's own title and subtitle; an empty one keeps the default from the data (and
        with neither, the chart itself)."""
        if not title.strip() and not subtitle.strip():
            return self
        return replace(self, title=title.strip() or self.title, subtitle=subtitle.strip() or self.subtitle)

    @cached_property
    def alt_text(self) -> str:
        """One paragraph for readers who cannot see the chart: what it shows, the key numbers, the sources."""
        parts = [f"Chart: {self.title}.", f"{self.subtitle}."]
        if self.description:
            parts.append(self.description)
        parts.append(self.source_line)
        return " ".join(part.replace("..", ".") for part in parts)


def _claim_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims behind a projection chart, in the columns every chart's claims table has."""
    return claims[CLAIM_COLUMNS].reset_index(drop=True) if not claims.empty else claims


def _claims_behind(prepared: pd.DataFrame, ids) -> pd.DataFrame:
    """The original claims (not derived rows) behind a set of claim ids, in file order."""
    named = prepared["id"].isin(set(ids))
    wanted = set(prepared.loc[named & ~prepared["derived"], "id"]) | set(prepared.loc[named & prepared["derived"], "derived_from"])
    picked = prepared[~prepared["derived"] & prepared["id"].isin(wanted)]
    return picked.sort_values("line", kind="mergesort")[CLAIM_COLUMNS].reset_index(drop=True)


# No template: Streamlit's chart theme styles the screen and lib.export styles slides, and building plotly's
# template object on every rerun costs more than the rest of a figure.
BASE_LAYOUT = dict(  # margins that hold the usual labels, so that plotly draws a chart once, not again to widen them
    font=dict(family=FONT, size=13),
    margin=dict(l=90, r=30, t=50, b=70),
    legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
    hoverlabel=dict(font=dict(family=FONT)),
)
SCREEN_TICK_PX = 12  # the size Streamlit's chart theme gives tick labels
MONEY_AXIS = dict(tickprefix="$", exponentformat="B", tickformat="")  # $500M, $4B, $1T rather than SI's G


def _unchecked_figure(data: list, layout: dict) -> go.Figure:
    """A figure from trace and layout dicts without plotly's check of every property, which takes most of the
    time of building a runway chart (about 10 ms), and a slider move rebuilds one. The tests check each such
    figure against its validated copy, and exports draw a validated copy (lib.export.theme.slide_figure)."""
    arrays = [{key: value.to_numpy() if isinstance(value, pd.Series) else value for key, value in trace.items()} for trace in data]
    return go.Figure({"data": arrays, "layout": layout}, _validate=False)


def _base_layout(figure: go.Figure, y_title: str) -> go.Figure:
    figure.update_layout(**BASE_LAYOUT, yaxis_title=y_title)
    return figure


def _money_axis(figure: go.Figure) -> None:
    figure.update_yaxes(**MONEY_AXIS)


def default_timeline_metrics(available: list[str]) -> list[str]:
    """The core story (value, loss, revenue, funding) when present, else everything available."""
    core = [m for m in available if METRICS[m].timeline_default]
    return core or available


def timeline_metrics(prepared: pd.DataFrame, entity: str) -> list[str]:
    """Company money metrics with at least one USD value for the entity, in a fixed reading order."""
    rows = prepared[(prepared["entity"] == entity) & prepared["value_usd"].notna()]
    present = set(rows["metric"])
    ordered = [m for m in TIMELINE_METRICS if m in present]
    return ordered


def series_name(metric: str, scope: str) -> str:
    """A series label that names a narrower scope: 'Operating cost (ChatGPT)'."""
    return metric_label(metric) if scope == COMPANY else f"{metric_label(metric)} ({scope})"


def timeline(prepared: pd.DataFrame, entity: str, metrics: list[str], log_y: bool = True, events: bool = True) -> Chart:
    """Money figures over time: one colour per metric (a narrower scope is a series of its own), marker by
    basis, and where sources disagree their range as a shaded bar (open ends capped, and the cap named)."""
    rows = prepared[
        (prepared["entity"] == entity) & prepared["metric"].isin(metrics) & prepared["value_usd"].notna()
        & (prepared["fx_basis"] != "twin")  # a won twin repeats its dollar figure
    ]
    rows = rows[rows["per"].isna() | (rows["per"] == "year")]  # daily and monthly flows appear annualised
    rows = rows.sort_values(["metric", "scope", "period_mid", "line"], kind="mergesort")
    figure = go.Figure()
    for metric in [m for m in metrics if m in set(rows["metric"])]:
        for scope, series in rows[rows["metric"] == metric].groupby("scope", sort=False):
            name = series_name(metric, scope)
            colour = metric_colour(metric)
            figure.add_trace(go.Scatter(
                x=series["period_mid"], y=series["value_usd"], mode="lines", name=name,
                line=dict(color=colour, width=1.5, dash="dot" if scope == COMPANY else "dashdot"), legendgroup=name,
                hoverinfo="skip",
            ))
            for basis in BASES.values():
                points = series[series["basis"] == basis.name]
                if points.empty:
                    continue
                figure.add_trace(go.Scatter(
                    x=points["period_mid"], y=points["value_usd"], mode="markers", legendgroup=name,
                    name=f"{name} ({basis.name})", showlegend=False,
                    marker=dict(symbol=basis.marker, size=12, color=colour, line=dict(width=2, color=colour)),
                    customdata=points[["id", "period", "basis", "qualifier"]].fillna("").assign(
                        source=[source_kind_label(r) for _, r in points.iterrows()],
                        shown=[qualified(format_usd(v), q) for v, q in zip(points["value_usd"], points["qualifier"])],
                        scope=points["scope"], bundle=[f"<br>{b}" if b else "" for b in points["includes"].map(bundle_text)]).values,
                    hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[5]} · %{customdata[1]} · scope %{customdata[6]}"
                    "%{customdata[7]}<br>%{customdata[2]}, %{customdata[3]} · %{customdata[4]}<extra></extra>",
                ))
    disagreements = conflicts_in(prepared, rows)
    for _, group in disagreements.iterrows():
        members = rows[rows["id"].isin([i.strip() for i in group["claim_ids"].split(",")])]
        figure.add_trace(go.Scatter(
            x=[members["period_mid"].min()] * 2, y=[group["low"], group["high"]],
            mode="lines", line=dict(color=metric_colour(group["metric"]), width=8), opacity=0.25, showlegend=False,
            name=f"Sources disagree: {format_usd(group['low'])} ({group['low_claim']}) to {format_usd(group['high'])} "
                 f"({group['high_claim']})" + (f"; {CAP_NOTE}" if group["capped"] else ""),
            hoverinfo="name",
        ))
    event_rows = prepared.iloc[0:0]
    if events:
        event_rows = prepared[(prepared["entity"] == entity) & prepared["metric"].isin(EVENT_METRICS)]
        event_rows = event_rows.drop_duplicates(["metric", "period"]).assign(
            # a prediction "by 2024" points at the end of the period; anything else at its start
            when=lambda e: e["period_end"].where(e["metric"].str.endswith("_prediction"), e["period_start"])
        ).sort_values("when", kind="mergesort")
        # events closer than EVENT_GAP share one label, so nearby labels never print over each other
        cluster = (event_rows["when"].diff() > EVENT_GAP).cumsum()
        for _, together in event_rows.groupby(cluster, sort=True):
            when = together["when"].iloc[0]
            figure.add_shape(type="line", x0=when, x1=when, yref="paper", y0=0, y1=1, name=EVENT_LABEL,
                             line=dict(color="#999", width=1, dash="dot"))
            figure.add_annotation(
                x=when, y=1, yref="paper", text=_events_text(together), name=EVENT_LABEL, showarrow=False,
                xanchor="left", yanchor="top", font=dict(size=11, color="#555"), bgcolor="rgba(255,255,255,0.85)",
            )
    shown_dates = pd.concat([rows["period_mid"], event_rows["when"]]) if events else rows["period_mid"]
    if not shown_dates.empty:
        pad = pd.Timedelta(days=60)
        figure.update_xaxes(range=[shown_dates.min() - pad, shown_dates.max() + pad])
    for basis in BASES.values():
        if basis.name in set(rows["basis"]):
            figure.add_trace(go.Scatter(
                x=[None], y=[None], mode="markers", name=basis.name.capitalize(),
                marker=dict(symbol=basis.marker, size=10, color="#444", line=dict(width=2, color="#444")),
            ))
    _base_layout(figure, "US dollars (log scale)" if log_y else "US dollars")
    figure.update_layout(margin_t=70)  # room for the legend's two rows in a 1280 px window
    figure.update_yaxes(type="log" if log_y else "linear")
    _money_axis(figure)
    figure.update_xaxes(title="Period the figure refers to (midpoint)")
    stack_events(figure)
    lines = [trace for trace in figure.data if trace.mode == "lines" and trace.showlegend is not False]
    if 0 < len(lines) <= MAX_LABELLED_LINES:
        label_line_ends(figure, lines, log_y=log_y)
    data = rows[["id", "metric", "scope", "period", "period_mid", "basis", "qualifier", "value", "unit", "value_usd", "low",
                 "high", "fx_basis", "conflict_id", "source_publisher", "source_source_type"]].assign(
        includes=rows["includes"].map(bundle_text).astype("str"))
    ids = list(rows["id"]) + list(event_rows.get("id", []))
    return Chart(
        name=f"{_slug(entity)}-timeline",
        page=TIMELINE,
        title=f"{entity}: money figures over time",
        subtitle="US dollars per year or at a date · marker shows basis (filled = reported) · shaded bars = sources disagree"
                 + (f" ({CAP_NOTE})" if disagreements["capped"].any() else ""),
        figure=figure,
        data=data.reset_index(drop=True),
        claims=_claims_behind(prepared, ids),
        description=timeline_description(rows),
    )


def timeline_description(rows: pd.DataFrame) -> str:
    """The latest figure of each series drawn, with its qualifier and period."""
    latest = rows[~rows["derived"]].sort_values("period_start", kind="mergesort").groupby(["metric", "scope"], sort=False).tail(1)
    if latest.empty:
        return "No figures are drawn."
    figures = [f"{series_name(r['metric'], r['scope'])} {qualified(format_usd(r['value_usd']), r['qualifier'])} ({r['period']}, {r['basis']})"
               for _, r in latest.iterrows()]
    return f"Latest figure of each series: {'; '.join(figures)}."


def conflicts_in(prepared: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The disagreements among the claims drawn (every member drawn), from the one rule in lib.transforms
    (disputes: point-in-time figures acknowledged as holding at different dates are not drawn as one)."""
    drawn = set(rows["id"])
    found = tf.disputes(rows)
    every_member_drawn = found["claim_ids"].map(lambda ids: all(i.strip() in drawn for i in ids.split(","))).astype(bool)
    return found[every_member_drawn].reset_index(drop=True)


EVENT_LABEL, END_LABEL = "event", "line end"  # annotation names: lib.export.theme sizes the slide's margin by them
SCREEN_PLOT = (580, 11)  # a 1280 px window: the plot's width beside the sidebar, and the event labels' type (px)
SLIDE_PLOT = (1300, 16)  # the narrowest plot of a slide image or deck picture, and its event type (px)
EVENT_ROW = 0.06  # a row of event labels, as a fraction of the plot's height (text and padding at either size)
LABEL_GAP_PX = 8  # the least space after a label in its row
MAX_LABELLED_LINES = 6  # up to this many lines are named at their ends; more keep the legend
END_LABEL_PX, END_LABEL_WIDTH = 12, 170  # line-end labels' type and the width they wrap at, on screen (px)
END_LABEL_LINE = 0.065  # a line of a line-end label, as a fraction of the plot's height


def _label_width(text: str) -> float:
    """An event label's width as a fraction of the plot: the wider of screen and slide, with a gap after it."""
    return max((text_px(text, size) + LABEL_GAP_PX) / plot for plot, size in (SCREEN_PLOT, SLIDE_PLOT))


def event_boxes(positions: list[float], texts: list[str]) -> list[tuple[float, float, int, str, list[str]]]:
    """Where each event label goes, given its event's position across the plot (0 to 1, in date order): (left,
    right) as fractions of the plot's width, its top row (0 = top), its xanchor and its lines. A label runs right
    from its event, or ends at it when it would run off the plot, and is wrapped when it fits neither side; it
    takes the first rows where it clears every other label at both screen and slide size."""
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for x, text in zip(positions, texts):
        lines = [text]
        if _label_width(text) > max(x, 1 - x):  # too wide for either side: wrapped to the wider side
            lines = [""]
            for word in text.split(" "):
                joined = f"{lines[-1]} {word}".strip()
                if lines[-1] and _label_width(joined) > max(x, 1 - x):
                    lines.append(word)
                else:
                    lines[-1] = joined
        width = max(map(_label_width, lines))
        anchor = "right" if x + width > 1 and x - width >= 0 else "left"
        left = x - width if anchor == "right" else x
        row = 0
        while any(left + width > a and left < b for k in range(row, row + len(lines)) if k < len(rows) for a, b in rows[k]):
            row += 1
        rows.extend([] for _ in range(row + len(lines) - len(rows)))
        for k in range(row, row + len(lines)):
            rows[k].append((left, left + width))
        placed.append((left, left + width, row, anchor, lines))
    return placed


def stack_events(figure: go.Figure) -> None:
    """Event labels in rows across a strip above the data (event_boxes), horizontal and never overlapping, each
    event's dotted line running up to its label; the data's axis shrinks to leave the strip free. Run again
    whenever the x range changes."""
    labels = [a for a in figure.layout.annotations if a.name == EVENT_LABEL]
    if not labels:
        return
    start, end = (pd.Timestamp(edge) for edge in figure.layout.xaxis.range)
    positions = [(pd.Timestamp(label.x) - start) / (end - start) for label in labels]
    boxes = event_boxes(positions, [label.text.replace("<br>", " ") for label in labels])
    lines = [shape for shape in figure.layout.shapes if shape.name == EVENT_LABEL]
    for label, line, (_, _, row, anchor, text) in zip(labels, lines, boxes):
        label.update(text="<br>".join(text), y=1 - row * EVENT_ROW, yanchor="top", xanchor=anchor, align="left")
        line.update(y1=label.y)  # each event's line runs up to its own label
    figure.update_yaxes(domain=[0, 1 - max(row + len(text) for _, _, row, _, text in boxes) * EVENT_ROW])


def label_line_ends(figure: go.Figure, lines: list[go.Scatter], log_y: bool = False) -> None:
    """Each line named at its last point, in its colour, instead of in the legend (hover stays): names wrap at
    END_LABEL_WIDTH, labels are nudged apart vertically so that none prints over another, and the right margin
    grows to hold them."""
    values = [float(v) for trace in figure.data if trace.y is not None for v in trace.y
              if v is not None and not pd.isna(v) and (v > 0 or not log_y)]
    if not values:
        return
    scale = (lambda v: math.log10(v)) if log_y else (lambda v: v)
    low, high = min(map(scale, values)), max(map(scale, values))
    span = (high - low) or 1.0
    ends = []
    for trace in lines:
        drawn = [i for i, v in enumerate(trace.y) if v is not None and not pd.isna(v) and (v > 0 or not log_y)]
        if not drawn:  # no point a log axis can draw (a zero): the line keeps its name in the legend
            continue
        trace.showlegend = False
        text = wrap(trace.name, END_LABEL_PX, END_LABEL_WIDTH)
        last = drawn[-1]  # the last point drawn: a log axis leaves out zeros
        ends.append([(scale(trace.y[last]) - low) / span, trace.x[last], text, trace.line.color])
    if not ends:
        return
    ends.sort(key=lambda end: -end[0])
    for above, below in zip(ends, ends[1:]):  # top down: each at least half of both labels' heights below the last
        below[0] = min(below[0], above[0] - (len(above[2]) + len(below[2])) / 2 * END_LABEL_LINE)
    for height, x, text, colour in ends:  # on a log axis an annotation's y is the value's log10, as scaled here
        figure.add_annotation(x=x, y=low + height * span, text="<br>".join(text), name=END_LABEL, showarrow=False,
                              xanchor="left", yanchor="middle", xshift=6, align="left", bgcolor="rgba(255,255,255,0.8)",
                              font=dict(size=END_LABEL_PX, color=colour))
    widest = max(text_px(line, END_LABEL_PX) for _, _, text, _ in ends for line in text)
    figure.update_layout(margin_r=max(figure.layout.margin.r or 0, round(widest) + 16), showlegend=any(
        trace.showlegend is not False for trace in figure.data), legend_traceorder="normal")  # groups would stack the rest


def _events_text(events: pd.DataFrame) -> str:
    """One label for the events on one date: 'Partnership with Nvidia (2025-09) · IPO plan (2026)'."""
    labels: dict[str, list[str]] = {}
    for _, event in events.iterrows():
        partner = event.get("counterparty")
        name = f"{metric_label(event['metric'])}{f' with {partner}' if isinstance(partner, str) else ''}"
        labels.setdefault(name, []).append(event["period"])
    return " · ".join(f"{name} ({', '.join(periods)})" for name, periods in labels.items())


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def waterfall(lines: pd.DataFrame, prepared: pd.DataFrame, entity: str, year: str) -> Chart:
    """Revenue minus each cost line down to the reported net loss, with the unexplained rest as its own bar.

    `lines` is lib.waterfall.waterfall_lines: label, kind (revenue/cost/other/total), amount_usd, claim_ids,
    basis and qualifier; the total's label carries the loss claim's basis.
    """
    measure = ["relative" if kind != "total" else "total" for kind in lines["kind"]]
    figure = go.Figure(go.Waterfall(
        x=lines["label"], y=lines["amount_usd"], measure=measure,
        text=bar_texts(lines), textposition="outside",
        increasing=dict(marker=dict(color=metric_colour("revenue"))),
        decreasing=dict(marker=dict(color=metric_colour("net_loss"))),
        totals=dict(marker=dict(color="#444")),
        connector=dict(line=dict(color="#bbb", width=1)),
        customdata=lines[["claim_ids", "basis"]].fillna("").assign(
            shown=bar_texts(lines), bundle=[f"<br>one figure that includes {c}" if isinstance(c, str) else "" for c in lines["covers"]]).values,
        hovertemplate="<b>%{x}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[1]}<br>claims: %{customdata[0]}<extra></extra>",
    ))
    other = lines[lines["kind"] == "other"]
    if not other.empty:
        figure.add_annotation(
            x=other["label"].iloc[0], y=0, yref="y", text="closes the gap<br>to the stated loss",
            showarrow=False, yshift=-30, font=dict(size=11, color="#666"),
        )
    _base_layout(figure, f"US dollars, {year}")
    _money_axis(figure)
    figure.update_yaxes(zeroline=True, zerolinecolor="#444")
    figure.update_layout(showlegend=False)
    ids = [i.strip() for ids in lines["claim_ids"].dropna() for i in ids.split(",") if i.strip()]
    return Chart(
        name=f"{_slug(entity)}-waterfall-{year}",
        page=WATERFALL,
        title=f"{entity} {year}: from revenue to net loss",
        subtitle=f"US dollars for {year} · costs as the articles give them · 'Other / unexplained' closes the gap to the "
                 f"{lines['label'].iloc[-1].lower()}",
        figure=figure,
        data=lines.reset_index(drop=True),
        claims=_claims_behind(prepared, ids),
        description="; ".join(f"{label} {text}" for label, text in zip(lines["label"], bar_texts(lines))) + ".",
    )


def bar_texts(lines: pd.DataFrame) -> list[str]:
    """Waterfall labels: revenue, costs and loss as the articles state them (amounts with their qualifiers, the
    bar's direction shows the sign); the unexplained rest signed, since either direction means something."""
    return [format_usd(amount) if kind == "other" else qualified(format_usd(abs(amount)), qualifier)
            for amount, kind, qualifier in zip(lines["amount_usd"], lines["kind"], lines["qualifier"])]


def runway(projection: Projection, low: Projection, high: Projection, assumptions: str, claims: pd.DataFrame, entity: str,
           band_claims: tuple[str, str] = ("", ""), alive: Projection | None = None, alive_growth: float | None = None,
           raise_marks: Sequence[tuple[dt.date, str, bool]] = ()) -> Chart:
    """Cash balance month by month with the zero line, a low/high band, the key dates and the raises marked.

    band_claims names the claims behind the low (highest-cost) and high (lowest-cost) cash paths, for the CSV.
    raise_marks, (date, note, cash in hand) for raises that need words (lib.runway_inputs.FundingEvent.note), adds the
    note to the raise's label and the CSV's raise_notes; a month with a raise that is not cash in hand is drawn dashed,
    the others dotted.
    alive, the same projection with the revenue growth it takes to be default alive (alive_growth), adds that
    revenue path, with the costs and the revenue assumed, in a panel of monthly amounts under the cash."""
    frame = projection.frame
    zero_line = dict(type="line", xref="paper", x0=0, x1=1, y0=0, y1=0, line=dict(color="#d62728", width=1.5))
    shapes, annotations = [zero_line], [dict(text="zero cash", xref="paper", x=1, y=0, xanchor="right", yanchor="top", showarrow=False)]
    for label, date, colour in (("Zero cash", projection.zero_cash_date, "#d62728"), ("Break-even", projection.breakeven_date, "#2a9d8f")):
        if date is not None:
            shapes.append(dict(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1, line=dict(color=colour, width=1, dash="dash")))
            annotations.append(dict(x=date, y=1, yref="paper", text=f"{label}: {date:%b %Y}", showarrow=False, xanchor="left",
                                    font=dict(color=colour, size=12), bgcolor="rgba(255,255,255,0.8)"))
    month_of = np.maximum(np.searchsorted(frame["date"].to_numpy(), np.array([pd.Timestamp(d) for d, _, _ in raise_marks],
                                                                          dtype="datetime64[us]"), side="right") - 1, 0)
    notes = {month: [] for month in month_of}
    firm = {month: True for month in month_of}
    for month, (_, note, in_hand) in zip(month_of, raise_marks):
        notes[month].append(note)
        firm[month] &= in_hand
    raised = frame[frame["raised"] > 0]
    for k, (month, date, amount) in enumerate(zip(raised["month"], raised["date"], raised["raised"])):
        said = "; ".join(note for note in notes.get(month, []) if note)
        shapes.append(dict(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1,
                           line=dict(color=RAISE_COLOUR, width=1.5 if firm.get(month, True) else 2, dash="dot" if firm.get(month, True) else "dash")))
        annotations.append(dict(x=date, y=0, yref="y domain", text=f"+{format_usd(amount)} raised" + (f"<br>{said}" if said else ""),
                                showarrow=False, xanchor="left", yanchor="bottom", align="left",
                                yshift=RAISE_LABEL_STEP * (k % 3),  # raises a few months apart: labels on three levels
                                font=dict(color=RAISE_COLOUR, size=12), bgcolor="rgba(255,255,255,0.8)"))
    monthly = []
    if alive is not None and alive_growth is not None:
        flows = dict(type="scatter", mode="lines", yaxis="y2", hovertemplate="%{x|%b %Y}: %{customdata}<extra>%{fullData.name}</extra>")
        monthly = [
            dict(x=frame["date"], y=frame["cost"], name="Costs per month (lower panel)", customdata=frame["cost"].map(format_usd),
                 line=dict(color=metric_colour("net_loss"), width=1.5, dash="dot"), **flows),
            dict(x=frame["date"], y=frame["revenue"], name="Revenue per month assumed (lower panel)",
                 customdata=frame["revenue"].map(format_usd), line=dict(color=metric_colour("revenue"), width=1.5, dash="dot"), **flows),
            dict(x=alive.frame["date"], y=alive.frame["revenue"], customdata=alive.frame["revenue"].map(format_usd),
                 name=f"Revenue per month needed to be default alive: {alive_growth:+.0%} a year (lower panel)",
                 line=dict(color=metric_colour("revenue"), width=2.5, dash="dash"), **flows),
        ]
    figure = _unchecked_figure(
        data=[
            dict(type="scatter", x=high.frame["date"], y=high.frame["cash_end"].clip(lower=0), mode="lines", line=dict(width=0),
                 showlegend=False, hoverinfo="skip", name="high"),
            dict(type="scatter", x=low.frame["date"], y=low.frame["cash_end"].clip(lower=0), mode="lines", line=dict(width=0),
                 fill="tonexty", fillcolor="rgba(0,114,178,0.15)", name="Low–high range (qualifiers and alternatives)",
                 hoverinfo="skip"),
            *monthly,
            *cash_traces(frame["date"], frame["cash_end"], "Cash balance (base)", CASH_COLOUR),
        ],
        layout=dict(
            # two panels under a legend of up to three rows: a taller chart, with the rows' room kept at the top
            **BASE_LAYOUT | ({"margin": BASE_LAYOUT["margin"] | {"t": 125}, "height": 560} if monthly else {}),
            shapes=shapes, annotations=annotations + gap_labels(frame["date"], frame["cash_end"]),
            yaxis=dict(title=dict(text="Cash balance, US dollars"), **MONEY_AXIS, **({"domain": [0.36, 1]} if monthly else {})),
            xaxis=dict(title=dict(text="Month"), **({"anchor": "y2"} if monthly else {})),
            # the monthly flows get a panel of their own under the cash, on the same months
            **({"yaxis2": dict(title=dict(text="Per month"), domain=[0, 0.26], rangemode="tozero", **MONEY_AXIS)} if monthly else {}),
        ),
    )
    data = frame.assign(cash_end_low=low.frame["cash_end"].values, cash_end_high=high.frame["cash_end"].values,
                        cash_end_low_claims=band_claims[0], cash_end_high_claims=band_claims[1],
                        raise_notes=["; ".join(note for note in notes.get(month, []) if note) for month in frame["month"]])
    if monthly:
        data = data.assign(revenue_needed_default_alive=alive.frame["revenue"].values, revenue_growth_needed=alive_growth)
    return Chart(
        name=f"{_slug(entity)}-runway",
        page=RUNWAY,
        title=f"{entity}: cash runway",
        subtitle=f"US dollars · {assumptions}",
        figure=figure,
        data=data,
        claims=_claim_table(claims),
        description=runway_description(projection),
    )


GAP_COLOUR = "#d55e00"


def _crossing(dates: pd.Series, cash: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """A cash path split where it first falls below zero: (dates, cash) while funded, ending at exactly zero
    where the line crosses it, and (dates, shortfall as a negative balance) from that point on."""
    dates, cash = pd.Series(dates).reset_index(drop=True), pd.Series(cash, dtype="float64").reset_index(drop=True)
    below = cash.index[cash < 0]
    if below.empty:
        return dates, cash, dates.iloc[:0], cash.iloc[:0]
    first = int(below[0])
    if first == 0:
        zero = dates.iloc[:1]
    else:  # linear between the last funded point and the first short one
        before, after = cash.iloc[first - 1], cash.iloc[first]
        zero = pd.Series([dates.iloc[first - 1] + (dates.iloc[first] - dates.iloc[first - 1]) * (before / (before - after))])
    nought = pd.Series([0.0])
    return (pd.concat([dates.iloc[:first], zero], ignore_index=True), pd.concat([cash.iloc[:first], nought], ignore_index=True),
            pd.concat([zero, dates.iloc[first:]], ignore_index=True), pd.concat([nought, cash.iloc[first:]], ignore_index=True))


def cash_traces(dates: pd.Series, cash: pd.Series, name: str, colour: str, dash: str = "solid", width: float = 3) -> list[dict]:
    """A cash path that stops at zero, and after it the unfunded gap: the money the path would need that no
    claim shows, drawn as a hatched area below zero rather than as a cash balance (plotly scatter traces as dicts)."""
    funded_dates, funded_cash, gap_dates, gap_cash = _crossing(dates, cash)
    traces = [dict(type="scatter", x=funded_dates, y=funded_cash, mode="lines", name=name, line=dict(color=colour, width=width, dash=dash),
                   customdata=funded_cash.map(format_usd), hovertemplate="%{x|%b %Y}: %{customdata}<extra></extra>")]
    if not gap_dates.empty:
        traces.append(dict(
            type="scatter", x=gap_dates, y=gap_cash, mode="lines", name=f"{name}: unfunded gap", fill="tozeroy", showlegend=False,
            line=dict(color=colour, width=1, dash="dot"), fillcolor="rgba(213,94,0,0.10)",
            fillpattern=dict(shape="/", fgcolor=GAP_COLOUR, size=8, solidity=0.15),
            customdata=(-gap_cash).map(format_usd), hovertemplate="%{x|%b %Y}: %{customdata} unfunded<extra>" + name + "</extra>"))
    return traces


def gap_labels(dates: pd.Series, cash: pd.Series) -> list[dict]:
    """The size of the unfunded gap at the end of the horizon, written at the gap's end."""
    end_date, end_cash = pd.Series(dates).iloc[-1], float(pd.Series(cash).iloc[-1])
    if end_cash >= 0:
        return []
    return [dict(x=end_date, y=end_cash, text=f"Unfunded gap by {pd.Timestamp(end_date):%b %Y}: {format_usd(-end_cash)}",
                 showarrow=False, xanchor="right", yanchor="bottom", font=dict(color=GAP_COLOUR, size=12),
                 bgcolor="rgba(255,255,255,0.8)")]


def runway_description(projection: Projection) -> str:
    """Where the cash goes: the starting balance, when it runs out and when revenue covers costs."""
    frame = projection.frame
    start = f"Starting with {format_usd(frame['cash_start'].iloc[0])} in {frame['date'].iloc[0]:%b %Y}"
    end = ("the cash lasts the whole horizon" if projection.zero_cash_date is None else
           f"the cash runs out in {projection.zero_cash_date:%b %Y}, after {projection.runway_months:.1f} months")
    even = ("revenue never covers costs within the horizon" if projection.breakeven_date is None else
            f"revenue covers costs from {projection.breakeven_date:%b %Y}")
    return f"{start}, {end}; {even}."


def _bound_texts(values, qualifiers) -> list[str]:
    return [qualified(format_usd(v), q) for v, q in zip(values, qualifiers)]


def yearly(figures: pd.DataFrame, prepared: pd.DataFrame, entity: str) -> Chart:
    """Revenue, loss and cash burn by year as bars, each with a whisker over what its qualifier allows; an
    open upper end ("more than") is drawn to the cap with an arrow head, so a bound never reads as a point.

    `figures` is lib.headline.yearly_figures."""
    traces = []
    for metric in dict.fromkeys(figures["metric"]):
        rows = figures[figures["metric"] == metric]
        traces.append(go.Bar(
            x=rows["year"], y=rows["value_usd"], name=metric_label(metric), marker=dict(color=metric_colour(metric)),
            offsetgroup=metric, text=_bound_texts(rows["value_usd"], rows["qualifier"]), textposition="inside",
            insidetextanchor="middle", error_y=dict(type="data", symmetric=False, array=(rows["high_usd"] - rows["value_usd"]).tolist(),
                         arrayminus=(rows["value_usd"] - rows["low_usd"]).tolist(), color="#333", thickness=1.5, width=6),
            customdata=rows[["claim_id", "basis"]].values,
            hovertemplate="%{x}: %{text}<br>%{customdata[1]} · %{customdata[0]}<extra></extra>",
        ))
        opened = rows[rows["open_above"]]
        if not opened.empty:
            traces.append(go.Scatter(
                x=opened["year"], y=opened["high_usd"], mode="markers", offsetgroup=metric, showlegend=False,
                marker=dict(symbol="triangle-up", size=12, color="#333"), name=f"{metric_label(metric)}: open above",
                hovertemplate="open above: no upper bound given<extra></extra>"))
    figure = go.Figure(traces)
    _base_layout(figure, "US dollars a year")
    _money_axis(figure)
    # scattermode="group" sets each arrow head over its own bar rather than over the middle of the year
    figure.update_layout(barmode="group", scattermode="group",
                         legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0))
    figure.update_xaxes(type="category", title="Year")
    words = "; ".join(f"{metric_label(r['metric'])} {r['year']} {qualified(format_usd(r['value_usd']), r['qualifier'])}"
                      for _, r in figures.iterrows())
    return Chart(
        name=f"{_slug(entity)}-by-year",
        title=f"{entity}: revenue, loss and cash burn by year",
        subtitle=f"US dollars a year · the headline figure of each year · whiskers span what its qualifier allows; "
                 f"▲ open above ({CAP_NOTE})",
        figure=figure, data=figures.reset_index(drop=True), claims=_claims_behind(prepared, figures["claim_id"]),
        description=f"{words}." if words else "No yearly figures.",
    )


def burn(rates: pd.DataFrame, prepared: pd.DataFrame, entity: str) -> Chart:
    """Burn per day and per month, side by side, each bar labelled with its year and what it covers (the whole
    company or a named product), so a product's running cost is never read as the company's burn.

    `rates` is lib.headline.burn_rates."""
    figure = make_subplots(rows=1, cols=2, subplot_titles=("Per day", "Per month"), horizontal_spacing=0.12)
    for column, per in enumerate(("day", "month"), start=1):
        rows = rates[rates["per"] == per]
        labels = [f"{p} · {'company' if s == COMPANY else s}" for p, s in zip(rows["period"], rows["scope"])]
        colours = [metric_colour("net_loss") if s == COMPANY else OTHER_BAR for s in rows["scope"]]
        figure.add_trace(go.Bar(
            x=labels, y=rows["value_usd"], marker=dict(color=colours), showlegend=False, name=f"per {per}",
            text=_bound_texts(rows["value_usd"], rows["qualifier"]), textposition="outside",
            customdata=rows[["what", "claim_id", "basis"]].values,
            hovertemplate="%{x}: %{text} a " + per + "<br>%{customdata[0]} · %{customdata[2]} · %{customdata[1]}<extra></extra>",
        ), row=1, col=column)
    _base_layout(figure, "US dollars")
    _money_axis(figure)
    figure.update_layout(showlegend=False, margin_r=50, margin_b=90)  # room for the labels plotly slants on a narrow screen
    words = "; ".join(f"{p} ({'company' if s == COMPANY else s}) {qualified(format_usd(v), q)} a {per}"
                      for p, s, v, q, per in zip(rates["period"], rates["scope"], rates["value_usd"], rates["qualifier"], rates["per"]))
    return Chart(
        name=f"{_slug(entity)}-burn-rate",
        title=f"{entity}: burn per day and per month",
        subtitle="US dollars · the company's yearly burn (cash burn, else net loss) / 365 and / 12, beside running "
                 "costs a source gives for one product, labelled with its scope",
        figure=figure, data=rates.reset_index(drop=True), claims=_claims_behind(prepared, rates["claim_id"]),
        description=f"{words}." if words else "No burn figures.",
    )


OTHER_BAR = "#999999"


def log_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks at 1, 2 and 5 times a power of ten across [low, high], labelled as money ($2B, $5B, $10B)."""
    values = [m * 10 ** k for k in range(int(math.floor(math.log10(max(low, 1)))), int(math.ceil(math.log10(max(high, 1)))) + 1)
              for m in (1, 2, 5)]
    shown = [v for v in values if low <= v <= high] or [low, high]
    return shown, [format_usd(v, digits=0) for v in shown]


DATES_COLOUR = "#0072b2"  # figures that both hold, each at its own date
STATUS_COLOURS = {"disagree": GAP_COLOUR, tf.DIFFERENT_DATES: DATES_COLOUR}  # else grey: consistent
STATUS_WORDS = {"disagree": "sources disagree", "consistent": "sources consistent",
                tf.DIFFERENT_DATES: "both hold at different dates"}


def disagreements(compared: pd.DataFrame, prepared: pd.DataFrame, entity: str) -> Chart:
    """Each figure two or more articles give, as its range with one dot per article: red where the sources
    disagree (their qualifiers' ranges do not overlap), grey where they agree within their qualifiers, blue where
    point-in-time figures of different periods both hold, each at its own date, as the file acknowledges; a dot
    then names its period. The dots of one figure sit a little apart, one above the other, so equal values never
    print over each other.

    `compared` is lib.headline.compared_figures."""
    traces, rows_of = [], list(dict.fromkeys(compared["figure"]))
    for row, figure_label in enumerate(rows_of):
        rows = compared[compared["figure"] == figure_label]
        first = rows.iloc[0]
        colour = STATUS_COLOURS.get(first["status"], OTHER_BAR)
        words = STATUS_WORDS[first["status"]] + (f" (acknowledged: {first['reason']})" if first["reason"] else "")
        traces.append(go.Scatter(
            x=[first["low_usd"], first["high_usd"]], y=[row, row], mode="lines", showlegend=False,
            line=dict(color=colour, width=12), opacity=0.35, name=f"{figure_label}: range",
            hovertemplate=f"{figure_label}: {format_usd(first['low_usd'])} ({first['low_claim']}) to "
                          f"{format_usd(first['high_usd'])} ({first['high_claim']}) · {words}<extra></extra>"))
        offsets = [0.22 * (k - (len(rows) - 1) / 2) for k in range(len(rows))]
        dated = rows["period"].nunique() > 1  # figures at their own dates: each dot says which
        traces.append(go.Scatter(
            x=rows["value_usd"], y=[row + o for o in offsets], mode="markers+text", showlegend=False,
            marker=dict(size=12, color=colour, line=dict(color="#333", width=1)), name=f"{figure_label}: articles",
            text=[f"{t}{f' ({p})' if dated else ''} · {src}"
                  for t, p, src in zip(_bound_texts(rows["value_usd"], rows["qualifier"]), rows["period"], rows["source"])],
            textposition="middle right", customdata=rows[["source", "claim_id"]].values,
            hovertemplate="%{text} · %{customdata[1]}<extra></extra>"))
    figure = go.Figure(traces)
    _base_layout(figure, "")
    lowest = float(compared[["low_usd", "value_usd"]].clip(lower=1).min().min()) / 1.6
    highest = float(compared[["high_usd", "value_usd"]].max().max()) * 25  # room for the labels right of the dots
    tickvals, ticktext = log_ticks(lowest, highest)
    figure.update_xaxes(type="log", title="US dollars (log scale)", tickvals=tickvals, ticktext=ticktext,
                        range=[math.log10(lowest), math.log10(highest)])
    figure.update_yaxes(tickvals=list(range(len(rows_of))), ticktext=rows_of, range=[len(rows_of) - 0.5, -0.5], zeroline=False)
    widest = max(text_px(label, SCREEN_TICK_PX) for label in rows_of)
    figure.update_layout(showlegend=False, margin_l=max(BASE_LAYOUT["margin"]["l"], round(widest) + 50))
    groups = compared.drop_duplicates("figure")
    words = "; ".join(f"{r['figure']}: {format_usd(r['low_usd'])} to {format_usd(r['high_usd'])}, {STATUS_WORDS[r['status']]}"
                      for _, r in groups.iterrows())
    capped = bool(compared["capped"].any())
    apart = bool((compared["status"] == tf.DIFFERENT_DATES).any())
    return Chart(
        name=f"{_slug(entity)}-disagreements",
        title=f"{entity}: where the sources disagree",
        subtitle="US dollars · each figure two or more articles give: its range (red: the articles' ranges do not "
                 "overlap; grey: they agree within their qualifiers"
                 + ("; blue: both hold at different dates, as acknowledged" if apart else "") + ") and one dot per article"
                 + (f" · {CAP_NOTE}" if capped else ""),
        figure=figure, data=compared.reset_index(drop=True), claims=_claims_behind(prepared, compared["claim_id"]),
        description=f"{words}." if words else "No figure is given by more than one article.",
    )


def then_and_now(then: Projection, now: Projection, then_date, then_text: str, now_text: str, claims: pd.DataFrame,
                 entity: str, not_comparable: str = "") -> Chart:
    """Two projections on one axis: from the claims published by an earlier date, and from every claim. Each
    cash path stops at zero, its shortfall drawn as an unfunded gap. not_comparable, why the two rest on inputs of
    different kinds (lib.figures.kind_change), heads the subtitle and the description: not like with like."""
    then_label = f"Then: claims published by {pd.Timestamp(then_date):%d %b %Y}"
    figure = go.Figure([*cash_traces(then.frame["date"], then.frame["cash_end"], then_label, metric_colour("funding_round"), dash="dash"),
                        *cash_traces(now.frame["date"], now.frame["cash_end"], "Now: every claim", CASH_COLOUR)])
    _base_layout(figure, "Cash balance, US dollars")
    _money_axis(figure)
    figure.add_hline(y=0, line=dict(color="#444", width=1))
    figure.update_xaxes(title="Month")
    label_line_ends(figure, [trace for trace in figure.data if trace.showlegend is not False])
    data = pd.concat([then.frame.assign(projection="then"), now.frame.assign(projection="now")], ignore_index=True)
    return Chart(
        name=f"{_slug(entity)}-then-and-now",
        page=RUNWAY,
        title=f"{entity}: the runway then and now",
        subtitle=(f"Not comparable: {not_comparable} · " if not_comparable else "")
        + f"US dollars · no growth assumed · then: {then_text} · now: {now_text}",
        figure=figure, data=data, claims=_claim_table(claims),
        description=(f"Not comparable: {not_comparable}. " if not_comparable else "")
        + f"Then: {runway_description(then)} Now: {runway_description(now)}",
    )


SCENARIO_COLOURS = ("#ff7f0e", "#2ca02c", "#9467bd")  # saved scenarios beside the current one (CASH_COLOUR)


def _zero_line() -> tuple[dict, dict]:
    """The zero-cash line and its label."""
    return (dict(type="line", xref="paper", x0=0, x1=1, y0=0, y1=0, line=dict(color="#d62728", width=1.5)),
            dict(text="zero cash", xref="paper", x=1, y=0, xanchor="right", yanchor="top", showarrow=False))


def _input_value(name: str, value: float) -> str:
    """A sensitivity input's value as the page shows it: $6.6B for money, +10% a year for growth."""
    return f"{value:+.0%}/yr" if name.endswith("_yoy") else format_usd(value)


def tornado(table: pd.DataFrame, base_months: float | None, horizon: int, start, assumptions: str, claims: pd.DataFrame,
            entity: str) -> Chart:
    """How far the zero-cash date moves when each input moves by its step (lib.runway.sensitivity's table),
    largest effect on top; a runway beyond the horizon is drawn to the horizon and labelled "beyond N months"."""
    base = float(horizon) if base_months is None else base_months
    base_text = f"beyond {horizon} months" if base_months is None else f"{base_months:.1f} months"
    labels = [f"{row.label} {row.step}: {_input_value(row.input, row.value_low)} / {_input_value(row.input, row.value_high)}"
              for row in table.itertuples()]
    rows = list(range(len(table)))  # numeric rows, each named by an annotation above its bars (no wide tick labels)
    bars = []
    for case, word, colour in (("low", "moved down", "#d62728"), ("high", "moved up", "#2a9d8f")):
        months = table[f"runway_{case}_case"]
        bars.append(dict(
            type="bar", y=rows, x=months - base, base=[base] * len(table), orientation="h", name=f"Input {word}", width=0.45,
            marker=dict(color=colour), text=[t if m != base else "" for m, t in zip(months, table[f"{case}_text"])],
            textposition="outside", cliponaxis=False, customdata=[[label, t] for label, t in zip(labels, table[f"{case}_text"])],
            hovertemplate="%{customdata[0]}<br>" + word + ": %{customdata[1]}<extra></extra>",
        ))
    names = []
    for row, label, low, high, text in zip(rows, labels, table["runway_low_case"], table["runway_high_case"], table["low_text"]):
        unchanged = low == high == base  # no bar to label: say so in the row's name
        names.append(dict(x=0, y=row - 0.25, yanchor="bottom", xanchor="left", showarrow=False, bgcolor="rgba(255,255,255,0.85)",
                          text=f"{label}{f' · no change: {text}' if unchanged else ''}"))  # read over the "current" line
    figure = _unchecked_figure(data=bars, layout=dict(
        # the legend at the foot of the chart, so that the line's "current" label has the band above the plot
        **BASE_LAYOUT | {"legend": dict(orientation="h", x=0, xanchor="left", y=0, yanchor="bottom", yref="container"),
                         "margin": BASE_LAYOUT["margin"] | {"b": 100}},
        barmode="overlay",
        shapes=[dict(type="line", x0=base, x1=base, yref="paper", y0=0, y1=1, line=dict(color="#444", width=2))],
        annotations=[dict(x=base, y=1, yref="paper", yanchor="bottom", text=f"current: {base_text}", showarrow=False), *names],
        xaxis=dict(title=dict(text=f"Months from {start:%b %Y} until the cash runs out (horizon {horizon} months)"),
                   range=[0, horizon * 1.3]),
        # top row first; room above it for its name, under the "current" label
        yaxis=dict(range=[len(table) - 0.5, -0.75], showticklabels=False, showgrid=False, zeroline=False),
    ))
    data = table.assign(runway_current=base, runway_current_text=base_text, horizon_months=horizon)
    return Chart(
        name=f"{_slug(entity)}-runway-sensitivity",
        page=RUNWAY,
        title=f"{entity}: what moves the zero-cash date",
        subtitle=f"Months of runway when one input moves (money ±20%, growth ±10 points), largest effect first · {assumptions}",
        figure=figure,
        data=data,
        claims=_claim_table(claims),
    )


def scenarios(runs: list[tuple[str, Projection, str]], claims: pd.DataFrame, entity: str, start) -> Chart:
    """The cash path of the live sliders ("current", drawn first and thickest) beside each saved scenario.

    runs: (name, projection, assumptions text) per scenario; the subtitle and the CSV list every one's assumptions."""
    traces, frames = [], []
    for k, (name, projection, text) in enumerate(runs):
        frame = projection.frame
        ends = "lasts the horizon" if projection.zero_cash_date is None else f"zero cash {projection.zero_cash_date:%b %Y}"
        traces += cash_traces(frame["date"], frame["cash_end"], f"{name}: {ends}",
                              CASH_COLOUR if k == 0 else SCENARIO_COLOURS[(k - 1) % len(SCENARIO_COLOURS)],
                              dash="solid" if k == 0 else ("dash", "dashdot", "dot")[(k - 1) % 3], width=4 if k == 0 else 2.5)
        frames.append(frame[["month", "date", "raised", "cash_end"]].assign(
            scenario=name, runway_months=projection.runway_months, zero_cash_date=projection.zero_cash_date, assumptions=text))
    line, label = _zero_line()
    figure = _unchecked_figure(data=traces, layout=dict(
        **BASE_LAYOUT, shapes=[line], annotations=[label],
        yaxis=dict(title=dict(text="Cash balance, US dollars"), **MONEY_AXIS), xaxis=dict(title=dict(text="Month")),
    ))
    label_line_ends(figure, [trace for trace in figure.data if trace.showlegend is not False])
    data = pd.concat(frames, ignore_index=True)
    data = data[["scenario", "assumptions", "month", "date", "raised", "cash_end", "runway_months", "zero_cash_date"]]
    return Chart(
        name=f"{_slug(entity)}-runway-scenarios",
        page=RUNWAY,
        title=f"{entity}: cash runway, current sliders beside saved scenarios",
        subtitle=f"US dollars, from {start:%b %Y} · " + " · ".join(f"{name}: {text}" for name, _, text in runs),
        figure=figure,
        data=data,
        claims=_claim_table(claims),
    )


def fan(paths: pd.DataFrame, zero_cash: pd.DataFrame, current: Projection, spread: str, assumptions: str,
        claims: pd.DataFrame, entity: str) -> Chart:
    """The 10th to 90th percentile cash paths as a band around the median, the current path, and the 10th, 50th
    and 90th percentile zero-cash dates marked (lib.runway.fan's paths and zero_cash). spread says which inputs
    vary and by how much, and the draws and seed."""
    line, label = _zero_line()
    shapes, annotations = [line], [label]
    for k, row in enumerate(zero_cash.itertuples()):
        if row.zero_cash_date is not None:
            shapes.append(dict(type="line", x0=row.zero_cash_date, x1=row.zero_cash_date, yref="paper", y0=0, y1=1,
                               line=dict(color="#d62728", width=1, dash="dot")))
            annotations.append(dict(x=row.zero_cash_date, y=1 - 0.07 * k, yref="paper",
                                    text=f"P{round(row.quantile * 100)} zero cash: {row.zero_cash_date:%b %Y}", showarrow=False,
                                    xanchor="left", font=dict(color="#d62728", size=12), bgcolor="rgba(255,255,255,0.8)"))
    quantiles = " · ".join(f"P{round(row.quantile * 100)} "
                           + (f"beyond {len(paths)} months" if row.beyond_horizon else f"{row.zero_cash_date:%b %Y}")
                           for row in zero_cash.itertuples())
    annotations.append(dict(x=1, y=1, xref="paper", yref="paper", xanchor="right", yanchor="top", showarrow=False, align="right",
                            text=f"Zero-cash date: {quantiles}", bgcolor="rgba(255,255,255,0.8)"))
    figure = _unchecked_figure(data=[
        dict(type="scatter", x=paths["date"], y=paths["cash_p90"].clip(lower=0), mode="lines", line=dict(width=0), showlegend=False,
             hoverinfo="skip", name="90th percentile"),
        dict(type="scatter", x=paths["date"], y=paths["cash_p10"].clip(lower=0), mode="lines", line=dict(width=0), fill="tonexty",
             fillcolor="rgba(0,114,178,0.2)", name="10th to 90th percentile", hoverinfo="skip"),
        *cash_traces(paths["date"], paths["cash_p50"], "Median (50th percentile)", CASH_COLOUR),
        *cash_traces(current.frame["date"], current.frame["cash_end"], "Current sliders", "#444444", dash="dash", width=1.5),
    ], layout=dict(
        **BASE_LAYOUT, shapes=shapes, annotations=annotations,
        yaxis=dict(title=dict(text="Cash balance, US dollars"), **MONEY_AXIS), xaxis=dict(title=dict(text="Month")),
    ))
    cash = paths.assign(table="cash path", cash_current=current.frame["cash_end"].values)
    dates = zero_cash.assign(table="zero-cash date")
    data = pd.concat([cash, dates], ignore_index=True).astype({"month": "Int64"})
    data = data[["table", "month", "date", "cash_p10", "cash_p50", "cash_p90", "cash_current", "quantile", "runway_months",
                 "zero_cash_date", "beyond_horizon"]]
    return Chart(
        name=f"{_slug(entity)}-runway-uncertainty",
        page=RUNWAY,
        title=f"{entity}: cash runway within the sources' uncertainty",
        subtitle=f"US dollars · {spread} · {assumptions}",
        figure=figure,
        data=data,
        claims=_claim_table(claims),
    )


EPOCH_COLOURS = {
    "revenue_run_rate": "#8fd3c9", "revenue_yearly": metric_colour("revenue"), "revenue_other": OTHER_COLOUR,
    "equity_funding": metric_colour("funding_round"), "debt_funding": "#8c564b", "valuation": metric_colour("valuation"),
    "compute_rnd": "#ff7f0e", "compute_inference": "#fdbf6f", "compute_rnd_inference": "#b35806",
}
EPOCH_MARKER = "star"  # Epoch's points: a shape no basis uses


def with_peers(chart: Chart, rows: pd.DataFrame) -> Chart:
    """A timeline with Epoch AI's rows (lib.second_opinion.rows_for) added as stars, one series per kind and no
    lines, so a run-rate is never joined to a year's revenue. The hover gives kind, confidence, status and source."""
    drawn = rows[rows["value_usd"] > 0]
    figure = go.Figure(chart.figure)
    for kind in [k for k in KINDS if k in set(drawn["kind"])]:
        points = drawn[drawn["kind"] == kind]
        figure.add_trace(go.Scatter(
            x=points["period_mid"], y=points["value_usd"], mode="markers", name=f"Epoch AI: {KINDS[kind].label}",
            marker=dict(symbol=EPOCH_MARKER, size=13, color=EPOCH_COLOURS[kind], line=dict(width=1, color="#222")),
            customdata=pd.DataFrame({
                "id": points["id"], "kind": KINDS[kind].label, "value": points["value_usd"].map(format_usd), "period": points["period"],
                "confidence": points["confidence"].fillna("not given"), "status": points["status"].fillna("n/a"),
                "url": points["url_1"].fillna(""),
            }).values,
            hovertemplate="<b>Epoch AI: %{customdata[0]}</b><br>%{customdata[1]} · %{customdata[2]} · %{customdata[3]}<br>"
                          "confidence %{customdata[4]} · status %{customdata[5]}<br>%{customdata[6]}<extra></extra>",
        ))
    if not drawn.empty:
        pad = pd.Timedelta(days=60)
        shown = list(figure.layout.xaxis.range or []) + [drawn["period_mid"].min() - pad, drawn["period_mid"].max() + pad]
        figure.update_xaxes(range=[min(map(pd.Timestamp, shown)), max(map(pd.Timestamp, shown))])
        stack_events(figure)
    epoch = pd.DataFrame({
        "id": drawn["id"], "metric": drawn["kind"], "scope": COMPANY, "period": drawn["period"], "period_mid": drawn["period_mid"],
        "value": drawn["value_usd"], "unit": "USD", "value_usd": drawn["value_usd"], "low": drawn["low"], "high": drawn["high"],
        "source_publisher": "Epoch AI", "source_source_type": drawn["source_type"], "confidence": drawn["confidence"],
        "status": drawn["status"], "url": drawn["url_1"],
    })
    data = pd.concat([chart.data, epoch], ignore_index=True) if not chart.data.empty else epoch.reset_index(drop=True)
    return Chart(
        name=f"{chart.name}-epoch",
        page=chart.page,
        title=chart.title,
        subtitle=f"{chart.subtitle} · stars = Epoch AI's data, one series per kind (a run-rate is never joined to a year's revenue)",
        figure=figure, data=data, claims=chart.claims,
        peers=drawn.drop(columns=["period", "period_start", "period_end", "period_mid", "label", "low", "high"]),
    )


def compute_vs_revenue(table: pd.DataFrame, peers: pd.DataFrame) -> Chart:
    """Each company's compute spend by year beside its revenue (lib.second_opinion.compute_beside_revenue): one
    bar per compute category, never summed; revenue is the year's revenue, or the year's last run-rate drawn
    hatched and labelled as one. peers are the Epoch rows behind the table."""
    figure = go.Figure()
    label = table["company"] + " " + table["year"]  # one category per company and year, in the table's order
    order = [k for k in KINDS if KINDS[k].table == "compute"] + ["revenue_yearly", "revenue_run_rate"]
    for kind in [k for k in order if k in set(table["kind"])]:
        group = table[table["kind"] == kind]
        series = group["series"].iloc[0]
        run_rate = kind == "revenue_run_rate"
        figure.add_trace(go.Bar(
            x=label[group.index], y=group["value_usd"], name=series,
            offsetgroup="revenue" if kind.startswith("revenue") else kind,
            marker=dict(color=EPOCH_COLOURS[kind], pattern=dict(shape="/" if run_rate else "", fgcolor="#2a9d8f")),
            # upright labels over bars this narrow would run into their neighbours': written up the bar instead
            text=[f"{format_usd(v)} run-rate" if run_rate else format_usd(v) for v in group["value_usd"]], textposition="outside",
            textangle=-90, constraintext="none", cliponaxis=False,
            customdata=group[["epoch_id", "confidence", "note", "url_1"]].fillna("").values,
            hovertemplate="<b>%{x}</b> · " + series + ": %{y:$.3s}<br>Epoch AI: %{customdata[0]} · confidence %{customdata[1]}"
                          "<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    _base_layout(figure, "US dollars a year")
    _money_axis(figure)
    figure.update_layout(barmode="group", bargap=0.25, margin_t=70)  # room for two legend rows
    figure.update_yaxes(range=[0, table["value_usd"].max() * 1.4])  # headroom for the tallest bar's label
    figure.update_xaxes(categoryorder="array", categoryarray=list(dict.fromkeys(label)))
    return Chart(
        name="epoch-compute-vs-revenue",
        page=TIMELINE,
        title="Compute spend beside revenue, by year",
        subtitle="US dollars a year, Epoch AI's data · each compute category its own bar, never summed · revenue is the "
                 "year's revenue, or where Epoch gives none the year's last run-rate (hatched: a month's revenue x 12)",
        figure=figure, data=table.reset_index(drop=True), claims=pd.DataFrame(columns=CLAIM_COLUMNS), peers=peers,
    )
