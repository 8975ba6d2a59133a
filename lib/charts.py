"""Figure builders: each returns a Chart (a plotly figure, the exact data drawn and the claims behind it).

Nothing here calls Streamlit; the pages render these, and lib.export turns them into images and slides.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib import transforms as tf
from lib.peers import KINDS, SHORT_CITATION
from lib.runway import Projection
from lib.vocabulary import (
    BASES, CAP_NOTE, CASH_COLOUR, COMPANY, METRICS, OTHER_COLOUR, SOURCE_TYPES, metric_colour, metric_label, qualified,
)

EVENT_GAP = pd.Timedelta(days=45)
EVENT_METRICS = [name for name, metric in METRICS.items() if metric.kind == "event"]
TIMELINE_METRICS = [name for name, metric in METRICS.items() if metric.timeline]
CLAIM_COLUMNS = ["id", "entity", "metric", "scope", "period", "basis", "qualifier", "source_title", "source_publisher",
                 "source_source_type", "source_published", "source_written", "quote", "quote_en"]
FONT = "Inter, 'Noto Sans', 'Noto Sans CJK KR', Arial, sans-serif"


def format_usd(value: float | None, digits: int = 1) -> str:
    """Money the way people write it on slides: $5.0B, $700K, $1.2T, $20."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    sign = "-" if value < 0 else ""
    value = abs(value)
    for threshold, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= threshold:
            return f"{sign}${value / threshold:,.{digits}f}{suffix}"
    return f"{sign}${value:,.0f}"


def format_value(value: float | None, unit: str | None) -> str:
    """A claim's value in its own unit: $5.0B for USD, ₩930M for KRW, 100M users, 10 GW."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not quantified"
    if unit == "USD":
        return format_usd(value)
    if unit in ("KRW", "EUR"):
        return format_usd(value).replace("$", "₩" if unit == "KRW" else "€")
    number = format_usd(value, digits=1 if value >= 1e3 else 0).lstrip("$")
    return f"{number}%" if unit == "percent" else f"{number} {unit}"


def source_kind_label(row) -> str:
    """'News outlet: Digital Times (2026-02-01)': the kind of source beside the article, as every number shows it."""
    kind = row.get("source_source_type") if hasattr(row, "get") else None
    label = SOURCE_TYPES[kind].label if isinstance(kind, str) and kind in SOURCE_TYPES else "Source"
    return f"{label}: {source_label(row)}"


def source_label(row) -> str:
    """'Publisher (2024-06-01)', or for an undated article the period it was written in: 'Publisher (written 2024)'."""
    published = row["source_published"]
    if not pd.isna(published):
        return f"{row['source_publisher']} ({pd.Timestamp(published).date().isoformat()})"
    written = row.get("source_written") if hasattr(row, "get") else None
    return f"{row['source_publisher']} ({f'written {written}' if isinstance(written, str) else 'undated'})"


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

    @property
    def source_line(self) -> str:
        """Names every article and claim the chart uses, and Epoch AI when its data is drawn."""
        return source_line(self.claims, self.uses_peers)

    @property
    def uses_peers(self) -> bool:
        return self.peers is not None and not self.peers.empty


def source_line(claims: pd.DataFrame, peers: bool = False) -> str:
    """'Sources: A (2024-06-01); B (undated); Epoch AI (CC BY 4.0). Claims: id-1, id-2.'"""
    if claims.empty and not peers:
        return "Sources: none (no claims match these settings)."
    ordered = claims.sort_values("source_published", na_position="last", kind="mergesort")
    sources = list(dict.fromkeys(source_label(row) for _, row in ordered.iterrows())) + ([SHORT_CITATION] if peers else [])
    ids = list(dict.fromkeys(claims["id"]))
    return f"Sources: {'; '.join(sources)}." + (f" Claims: {', '.join(ids)}." if ids else "")


def _claims_behind(prepared: pd.DataFrame, ids) -> pd.DataFrame:
    """The original claims (not derived rows) behind a set of claim ids, in file order."""
    named = prepared["id"].isin(set(ids))
    wanted = set(prepared.loc[named & ~prepared["derived"], "id"]) | set(prepared.loc[named & prepared["derived"], "derived_from"])
    picked = prepared[~prepared["derived"] & prepared["id"].isin(wanted)]
    return picked.sort_values("line", kind="mergesort")[CLAIM_COLUMNS].reset_index(drop=True)


# No template: Streamlit's chart theme styles the screen and lib.export styles slides, and building plotly's
# template object on every rerun costs more than the rest of a figure.
BASE_LAYOUT = dict(
    font=dict(family=FONT, size=13),
    margin=dict(l=70, r=30, t=40, b=60),
    legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
    hoverlabel=dict(font_family=FONT),
)
MONEY_AXIS = dict(tickprefix="$", exponentformat="B", tickformat="")  # $500M, $4B, $1T rather than SI's G


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
                        scope=points["scope"]).values,
                    hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[5]} · %{customdata[1]} · scope %{customdata[6]}<br>"
                    "%{customdata[2]}, %{customdata[3]} · %{customdata[4]}<extra></extra>",
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
            figure.add_vline(x=when, line=dict(color="#999", width=1, dash="dot"))
            figure.add_annotation(
                x=when, y=1, yref="paper", text=_events_text(together),
                showarrow=False, textangle=-90, xanchor="right", yanchor="top", font=dict(size=11, color="#555"),
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
    figure.update_yaxes(type="log" if log_y else "linear")
    _money_axis(figure)
    figure.update_xaxes(title="Period the figure refers to (midpoint)")
    data = rows[["id", "metric", "scope", "period", "period_mid", "basis", "qualifier", "value", "unit", "value_usd", "low",
                 "high", "fx_basis", "conflict_id", "source_publisher", "source_source_type"]]
    ids = list(rows["id"]) + list(event_rows.get("id", []))
    return Chart(
        name=f"{_slug(entity)}-timeline",
        title=f"{entity}: money figures over time",
        subtitle="US dollars per year or at a date · marker shows basis (filled = reported) · shaded bars = sources disagree"
                 + (f" ({CAP_NOTE})" if disagreements["capped"].any() else ""),
        figure=figure,
        data=data.reset_index(drop=True),
        claims=_claims_behind(prepared, ids),
    )


def conflicts_in(prepared: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The disagreements among the claims drawn (every member drawn), from the one rule in lib.transforms."""
    drawn = set(rows["id"])
    found = tf.conflicts(rows)
    every_member_drawn = found["claim_ids"].map(lambda ids: all(i.strip() in drawn for i in ids.split(","))).astype(bool)
    return found[every_member_drawn].reset_index(drop=True)


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

    `lines` is lib.dashboard.waterfall_lines: label, kind (revenue/cost/other/total), amount_usd, claim_ids,
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
        customdata=lines[["claim_ids", "basis"]].fillna("").assign(shown=bar_texts(lines)).values,
        hovertemplate="<b>%{x}</b><br>%{customdata[2]}<br>%{customdata[1]}<br>claims: %{customdata[0]}<extra></extra>",
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
        title=f"{entity} {year}: from revenue to net loss",
        subtitle=f"US dollars for {year} · costs as the articles give them · 'Other / unexplained' closes the gap to the "
                 f"{lines['label'].iloc[-1].lower()}",
        figure=figure,
        data=lines.reset_index(drop=True),
        claims=_claims_behind(prepared, ids),
    )


def bar_texts(lines: pd.DataFrame) -> list[str]:
    """Waterfall labels: revenue, costs and loss as the articles state them (amounts with their qualifiers, the
    bar's direction shows the sign); the unexplained rest signed, since either direction means something."""
    return [format_usd(amount) if kind == "other" else qualified(format_usd(abs(amount)), qualifier)
            for amount, kind, qualifier in zip(lines["amount_usd"], lines["kind"], lines["qualifier"])]


def runway(projection: Projection, low: Projection, high: Projection, assumptions: str, claims: pd.DataFrame, entity: str,
           band_claims: tuple[str, str] = ("", "")) -> Chart:
    """Cash balance month by month with the zero line, a low/high band and the key dates marked.

    band_claims names the claims behind the low (highest-cost) and high (lowest-cost) cash paths, for the CSV."""
    frame = projection.frame
    zero_line = dict(type="line", xref="paper", x0=0, x1=1, y0=0, y1=0, line=dict(color="#d62728", width=1.5))
    shapes, annotations = [zero_line], [dict(text="zero cash", xref="paper", x=1, y=0, xanchor="right", yanchor="top", showarrow=False)]
    for label, date, colour in (("Zero cash", projection.zero_cash_date, "#d62728"), ("Break-even", projection.breakeven_date, "#2a9d8f")):
        if date is not None:
            shapes.append(dict(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1, line=dict(color=colour, width=1, dash="dash")))
            annotations.append(dict(x=date, y=1, yref="paper", text=f"{label}: {date:%b %Y}", showarrow=False, xanchor="left",
                                    font=dict(color=colour, size=12), bgcolor="rgba(255,255,255,0.8)"))
    # one constructor call: a slider move rebuilds this figure, and each add_* call re-validates the layout
    figure = go.Figure(
        data=[
            go.Scatter(x=high.frame["date"], y=high.frame["cash_end"], mode="lines", line=dict(width=0), showlegend=False,
                       hoverinfo="skip", name="high"),
            go.Scatter(x=low.frame["date"], y=low.frame["cash_end"], mode="lines", line=dict(width=0), fill="tonexty",
                       fillcolor="rgba(31,119,180,0.15)", name="Low–high range (qualifiers and alternatives)", hoverinfo="skip"),
            go.Scatter(x=frame["date"], y=frame["cash_end"], mode="lines", name="Cash balance (base)",
                       line=dict(color=CASH_COLOUR, width=3), customdata=frame["cash_end"].map(format_usd),
                       hovertemplate="%{x|%b %Y}: %{customdata}<extra></extra>"),
        ],
        layout=dict(
            **BASE_LAYOUT, shapes=shapes, annotations=annotations,
            yaxis=dict(title="Cash balance, US dollars", **MONEY_AXIS), xaxis=dict(title="Month"),
        ),
    )
    data = frame.assign(cash_end_low=low.frame["cash_end"].values, cash_end_high=high.frame["cash_end"].values,
                        cash_end_low_claims=band_claims[0], cash_end_high_claims=band_claims[1])
    return Chart(
        name=f"{_slug(entity)}-runway",
        title=f"{entity}: cash runway",
        subtitle=f"US dollars · {assumptions}",
        figure=figure,
        data=data,
        claims=claims[CLAIM_COLUMNS].reset_index(drop=True) if not claims.empty else claims,
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
    epoch = pd.DataFrame({
        "id": drawn["id"], "metric": drawn["kind"], "scope": COMPANY, "period": drawn["period"], "period_mid": drawn["period_mid"],
        "value": drawn["value_usd"], "unit": "USD", "value_usd": drawn["value_usd"], "low": drawn["low"], "high": drawn["high"],
        "source_publisher": "Epoch AI", "source_source_type": drawn["source_type"], "confidence": drawn["confidence"],
        "status": drawn["status"], "url": drawn["url_1"],
    })
    data = pd.concat([chart.data, epoch], ignore_index=True) if not chart.data.empty else epoch.reset_index(drop=True)
    return Chart(
        name=f"{chart.name}-epoch",
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
            text=[f"{format_usd(v)}<br>run-rate" if run_rate else format_usd(v) for v in group["value_usd"]], textposition="outside",
            constraintext="none", cliponaxis=False,
            customdata=group[["epoch_id", "confidence", "note", "url_1"]].fillna("").values,
            hovertemplate="<b>%{x}</b> · " + series + ": %{y:$.3s}<br>Epoch AI: %{customdata[0]} · confidence %{customdata[1]}"
                          "<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    _base_layout(figure, "US dollars a year")
    _money_axis(figure)
    figure.update_layout(barmode="group", bargap=0.25)
    figure.update_xaxes(categoryorder="array", categoryarray=list(dict.fromkeys(label)))
    return Chart(
        name="epoch-compute-vs-revenue",
        title="Compute spend beside revenue, by year",
        subtitle="US dollars a year, Epoch AI's data · each compute category its own bar, never summed · revenue is the "
                 "year's revenue, or where Epoch gives none the year's last run-rate (hatched: a month's revenue x 12)",
        figure=figure, data=table.reset_index(drop=True), claims=pd.DataFrame(columns=CLAIM_COLUMNS), peers=peers,
    )
