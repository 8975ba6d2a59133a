"""The history charts: money figures over time (with Epoch AI's points), a year's waterfall, revenue, loss and
burn by year, burn per day and month, where the sources disagree, and compute beside revenue. Each returns a Chart.

Nothing here calls Streamlit; the pages render these, and lib.export turns them into images and slides.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib import transforms as tf
from lib.chart_layout import (
    BASE_LAYOUT, CLAIM_COLUMNS, END_LABEL, EVENT_LABEL, GAP_COLOUR, MAX_LABELLED_LINES, SCREEN_TICK_PX, TIMELINE, WATERFALL,
    Chart, base_layout, date_xaxis, label_line_ends, log_ticks, money_axis, slug, stack_events,
)
from lib.formatting import and_list, format_usd, source_kind_label
from lib.i18n import _
from lib.locale_forms import qualified, spoken
from lib.peers import KINDS
from lib.textsize import text_px, wrap
from lib.vocabulary import (
    BASES, COMPANY, METRICS, OTHER_COLOUR, PER_AMOUNT, basis_word, bundle_text, cap_note, metric_colour, metric_label,
    qualifier_words,
)


EVENT_GAP = pd.Timedelta(days=45)
DATA_SHARE = 0.5  # the axis spans the data alone when they span at least this share of the data's and events' dates
EVENT_METRICS = [name for name, metric in METRICS.items() if metric.kind == "event"]
TIMELINE_METRICS = [name for name, metric in METRICS.items() if metric.timeline]


def _claims_behind(prepared: pd.DataFrame, ids) -> pd.DataFrame:
    """The original claims (not derived rows) behind a set of claim ids, in file order."""
    named = prepared["id"].isin(set(ids))
    wanted = set(prepared.loc[named & ~prepared["derived"], "id"]) | set(prepared.loc[named & prepared["derived"], "derived_from"])
    picked = prepared[~prepared["derived"] & prepared["id"].isin(wanted)]
    return picked.sort_values("line", kind="mergesort")[CLAIM_COLUMNS].reset_index(drop=True)


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
                        basis=points["basis"].map(basis_word), qualifier=points["qualifier"].fillna("").map(qualifier_words),
                        source=[source_kind_label(r) for _index, r in points.iterrows()],
                        shown=[qualified(format_usd(v), q) for v, q in zip(points["value_usd"], points["qualifier"])],
                        scope=points["scope"].map(_scope_word), bundle=[f"<br>{b}" if b else "" for b in points["includes"].map(bundle_text)]).values,
                    hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[5]} · %{customdata[1]} · "
                    + _("scope {scope}").format(scope="%{customdata[6]}")
                    + "%{customdata[7]}<br>%{customdata[2]}, %{customdata[3]} · %{customdata[4]}<extra></extra>",
                ))
    disagreements = conflicts_in(prepared, rows)
    for _index, group in disagreements.iterrows():
        members = rows[rows["id"].isin([i.strip() for i in group["claim_ids"].split(",")])]
        figure.add_trace(go.Scatter(
            x=[members["period_mid"].min()] * 2, y=[group["low"], group["high"]],
            mode="lines", line=dict(color=metric_colour(group["metric"]), width=8), opacity=0.25, showlegend=False,
            name=_("Sources disagree: {low} ({low_claim}) to {high} ({high_claim})").format(
                low=format_usd(group["low"]), low_claim=group["low_claim"], high=format_usd(group["high"]),
                high_claim=group["high_claim"]) + (f"; {cap_note()}" if group["capped"] else ""),
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
        for _index, together in event_rows.groupby(cluster, sort=True):
            when = together["when"].iloc[0]
            figure.add_shape(type="line", x0=when, x1=when, yref="paper", y0=0, y1=1, name=EVENT_LABEL,
                             line=dict(color="#999", width=1, dash="dot"))
            figure.add_annotation(
                x=when, y=1, yref="paper", text=_events_text(together), hovertext=_events_text(together), name=EVENT_LABEL,
                showarrow=False, xanchor="left", yanchor="top", font=dict(size=11, color="#555"),
                bgcolor="rgba(255,255,255,0.85)",
            )
    shown_dates = pd.concat([rows["period_mid"], event_rows["when"]]) if events else rows["period_mid"]
    if _span(rows["period_mid"]) >= DATA_SHARE * _span(shown_dates):  # the data fill the width, events beyond at its edges
        shown_dates = rows["period_mid"]
    if not shown_dates.empty:
        pad = pd.Timedelta(days=60)
        x_range = [shown_dates.min() - pad, shown_dates.max() + pad]
        figure.update_xaxes(range=x_range, **date_xaxis(*x_range))
    for basis in BASES.values():
        if basis.name in set(rows["basis"]):
            figure.add_trace(go.Scatter(
                x=[None], y=[None], mode="markers", name=_(basis.label),
                marker=dict(symbol=basis.marker, size=10, color="#444", line=dict(width=2, color="#444")),
            ))
    base_layout(figure, _("US dollars (log scale)") if log_y else _("US dollars"))
    figure.update_layout(margin_t=70)  # room for the legend's two rows in a 1280 px window
    figure.update_yaxes(type="log" if log_y else "linear")
    money_axis(figure)
    figure.update_xaxes(title=_("Period the figure refers to (midpoint)"))
    place_events(figure)
    lines = [trace for trace in figure.data if trace.mode == "lines" and trace.showlegend is not False]
    if 0 < len(lines) <= MAX_LABELLED_LINES:
        label_line_ends(figure, lines, log_y=log_y)
        figure.update_annotations(xshift=END_LABEL_SHIFT, selector=dict(name=END_LABEL))
    data = rows[["id", "metric", "scope", "period", "period_mid", "basis", "qualifier", "value", "unit", "value_usd", "low",
                 "high", "fx_basis", "conflict_id", "source_publisher", "source_source_type"]].assign(
        includes=rows["includes"].map(bundle_text).astype("str"))
    ids = list(rows["id"]) + list(event_rows.get("id", []))
    return Chart(
        name=f"{slug(entity)}-timeline",
        page=TIMELINE,
        title=_("{company}: money figures over time").format(company=entity),
        subtitle=_("US dollars per year or at a date · marker shows basis (filled = reported) · shaded bars = sources disagree")
                 + (f" ({cap_note()})" if disagreements["capped"].any() else ""),
        figure=figure,
        data=data.reset_index(drop=True),
        claims=_claims_behind(prepared, ids),
        description=timeline_description(rows) + events_description(figure),
    )


END_LABEL_SHIFT = 14  # px from a line's last point to its name: clear of a marker drawn 1.5x on a slide, outline and all


def place_events(figure: go.Figure) -> None:
    """Each event labelled by its name, at its date (its line's x1); the date and the full text are in its hover.
    An event before or after the x range (timeline() spans the data alone when they take DATA_SHARE of the dates,
    so that they fill the width) is labelled at that edge with an arrow (◂, ▸), its line hidden.
    Then lib.chart_layout.stack_events sets the labels in rows; run again whenever the x range changes."""
    labels = [a for a in figure.layout.annotations if a.name == EVENT_LABEL]
    if not labels:
        return
    start, end = (pd.Timestamp(edge) for edge in figure.layout.xaxis.range)
    for label, line in zip(labels, [s for s in figure.layout.shapes if s.name == EVENT_LABEL]):
        when = pd.Timestamp(line.x1)
        edge = start if when < start else end if when > end else None
        names = _names(label.hovertext)
        text = f"◂ {names}" if when < start else f"{names} ▸" if when > end else names
        label.update(x=when if edge is None else edge, text=text)
        line.update(x0=when if edge is None else edge, visible=edge is None)
    stack_events(figure)


def _names(text: str) -> str:
    """An events text without its dates: 'Partnership with Nvidia (2025-09) · IPO plan (2026)' -> 'Partnership with
    Nvidia · IPO plan'."""
    return " · ".join(part.rsplit(" (", 1)[0] for part in text.split(" · "))


def events_description(figure: go.Figure) -> str:
    """' Events: Product launch (2022-11-30); Partnership with Nvidia (2025-09).', or '' with none drawn."""
    events = [a.hovertext for a in figure.layout.annotations if a.name == EVENT_LABEL]
    return " " + _("Events: {events}.").format(events="; ".join(events)) if events else ""


def _span(dates: pd.Series) -> pd.Timedelta:
    return dates.max() - dates.min() if not dates.empty else pd.Timedelta(0)


def timeline_description(rows: pd.DataFrame) -> str:
    """The latest figure of each series drawn, with its qualifier and period."""
    latest = rows[~rows["derived"]].sort_values("period_start", kind="mergesort").groupby(["metric", "scope"], sort=False).tail(1)
    if latest.empty:
        return _("No figures are drawn.")
    figures = [f"{series_name(r['metric'], r['scope'])} {qualified(format_usd(r['value_usd']), r['qualifier'])} ({r['period']}, {r['basis']})"
               for _index, r in latest.iterrows()]
    return _("Latest figure of each series: {figures}.").format(figures="; ".join(figures))


def conflicts_in(prepared: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The disagreements among the claims drawn (every member drawn), from the one rule in lib.transforms
    (disputes: point-in-time figures acknowledged as holding at different dates are not drawn as one)."""
    drawn = set(rows["id"])
    found = tf.disputes(rows)
    every_member_drawn = found["claim_ids"].map(lambda ids: all(i.strip() in drawn for i in ids.split(","))).astype(bool)
    return found[every_member_drawn].reset_index(drop=True)


def _events_text(events: pd.DataFrame) -> str:
    """One label for the events on one date: 'Partnership with Nvidia (2025-09) · IPO plan (2026)'."""
    labels: dict[str, list[str]] = {}
    for _index, event in events.iterrows():
        partner = event.get("counterparty")
        name = metric_label(event["metric"])
        if isinstance(partner, str):
            name = _("{event} with {partner}").format(event=name, partner=partner)
        labels.setdefault(name, []).append(event["period"])
    return " · ".join(f"{name} ({', '.join(periods)})" for name, periods in labels.items())


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
            basis=lines["basis"].map(basis_word), shown=bar_texts(lines),
            bundle=["<br>" + _("one figure that includes {lines}").format(lines=c) if isinstance(c, str) else ""
                    for c in lines["covers"]],
        ).values,
        hovertemplate="<b>%{x}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[1]}<br>"
                      + _("claims: {ids}").format(ids="%{customdata[0]}") + "<extra></extra>",
    ))
    other = lines[lines["kind"] == "other"]
    if not other.empty:
        figure.add_annotation(
            x=other["label"].iloc[0], y=0, yref="y", text=_("closes the gap<br>to the stated loss"),
            showarrow=False, yshift=-30, font=dict(size=11, color="#666"),
        )
    base_layout(figure, _("US dollars, {year}").format(year=year))
    money_axis(figure)
    figure.update_yaxes(zeroline=True, zerolinecolor="#444")
    figure.update_layout(showlegend=False)
    ids = [i.strip() for ids in lines["claim_ids"].dropna() for i in ids.split(",") if i.strip()]
    return Chart(
        name=f"{slug(entity)}-waterfall-{year}",
        page=WATERFALL,
        title=_("{company} {year}: from revenue to net loss").format(company=entity, year=year),
        subtitle=_("US dollars for {year} · costs as the articles give them · 'Other / unexplained' closes the gap to the "
                   "{total}").format(year=year, total=lines["label"].iloc[-1].lower()),
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
            customdata=rows[["claim_id"]].assign(basis=rows["basis"].map(basis_word)).values,
            hovertemplate="%{x}: %{text}<br>%{customdata[1]} · %{customdata[0]}<extra></extra>",
        ))
        opened = rows[rows["open_above"]]
        if not opened.empty:
            traces.append(go.Scatter(
                x=opened["year"], y=opened["high_usd"], mode="markers", offsetgroup=metric, showlegend=False,
                marker=dict(symbol="triangle-up", size=12, color="#333"), name=f"{metric_label(metric)}: open above",
                hovertemplate=_("open above: no upper bound given") + "<extra></extra>"))
    figure = go.Figure(traces)
    base_layout(figure, _("US dollars a year"))
    money_axis(figure)
    # scattermode="group" sets each arrow head over its own bar rather than over the middle of the year
    figure.update_layout(barmode="group", scattermode="group",
                         legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0))
    figure.update_xaxes(type="category", title=_("Year"))
    words = "; ".join(f"{metric_label(r['metric'])} {r['year']} {qualified(format_usd(r['value_usd']), r['qualifier'])}"
                      for _index, r in figures.iterrows())
    return Chart(
        name=f"{slug(entity)}-by-year",
        title=_("{company}: revenue, loss and cash burn by year").format(company=entity),
        subtitle=_("US dollars a year · the headline figure of each year · whiskers span what its qualifier allows; "
                   "▲ open above ({cap_note})").format(cap_note=cap_note()),
        figure=figure, data=figures.reset_index(drop=True), claims=_claims_behind(prepared, figures["claim_id"]),
        description=f"{words}." if words else _("No yearly figures."),
    )


def burn(rates: pd.DataFrame, prepared: pd.DataFrame, entity: str) -> Chart:
    """Burn per day and per month, side by side, each bar labelled with its year and what it covers (the whole
    company or a named product), so a product's running cost is never read as the company's burn.

    `rates` is lib.headline.burn_rates."""
    figure = make_subplots(rows=1, cols=2, subplot_titles=(_("Per day"), _("Per month")), horizontal_spacing=0.12)
    for column, per in enumerate(("day", "month"), start=1):
        rows = rates[rates["per"] == per]
        labels = [f"{p} · {_scope_word(s)}" for p, s in zip(rows["period"], rows["scope"])]
        colours = [metric_colour("net_loss") if s == COMPANY else OTHER_BAR for s in rows["scope"]]
        figure.add_trace(go.Bar(
            x=labels, y=rows["value_usd"], marker=dict(color=colours), showlegend=False, name=f"per {per}",
            text=_bound_texts(rows["value_usd"], rows["qualifier"]), textposition="outside",
            customdata=rows[["what", "claim_id"]].assign(basis=rows["basis"].map(basis_word)).values,
            hovertemplate="%{x}: " + _(PER_AMOUNT[per]).format(amount="%{text}")
                          + "<br>%{customdata[0]} · %{customdata[2]} · %{customdata[1]}<extra></extra>",
        ), row=1, col=column)
    base_layout(figure, _("US dollars"))
    money_axis(figure)
    figure.update_layout(showlegend=False, margin_r=50, margin_b=90)  # room for the labels plotly slants on a narrow screen
    words = "; ".join(f"{p} ({_scope_word(s)}) " + _(PER_AMOUNT[per]).format(amount=qualified(format_usd(v), q))
                      for p, s, v, q, per in zip(rates["period"], rates["scope"], rates["value_usd"], rates["qualifier"], rates["per"]))
    return Chart(
        name=f"{slug(entity)}-burn-rate",
        title=_("{company}: burn per day and per month").format(company=entity),
        subtitle=_("US dollars · the company's yearly burn (cash burn, else net loss) / 365 and / 12, beside running "
                   "costs a source gives for one product, labelled with its scope"),
        figure=figure, data=rates.reset_index(drop=True), claims=_claims_behind(prepared, rates["claim_id"]),
        description=f"{words}." if words else _("No burn figures."),
    )




def _scope_word(scope: str) -> str:
    """A burn bar's scope as its label says it: 'company' for the whole company, else the product's name."""
    return _("company") if scope == COMPANY else scope


OTHER_BAR = "#999999"


DATES_COLOUR = "#0072b2"  # figures that both hold, each at its own date
STATUS_COLOURS = {"disagree": GAP_COLOUR, tf.DIFFERENT_DATES: DATES_COLOUR}  # else grey: consistent


DOT_LABEL_PX = 260  # a dot's label wraps at this width (screen px, 12 px type): value and period, then its article
DOT_STEP, DOT_SPREAD = 0.22, 0.8  # rows apart per line of a label, for the dots of one figure; the most they spread
DOT_PLOT_PX = 540  # the narrowest plot the chart gets on screen (a 1280 px window), where every label must still fit
DOT_LABEL_GAP_PX = 16  # the marker's radius and plotly's pad before its text


def _dot_label(value: str, source: str) -> list[str]:
    """A dot's label, 'value · article' on one line when it fits DOT_LABEL_PX, else the value over the article's
    name, wrapped."""
    one = f"{value} · {source}"
    return [one] if text_px(one, SCREEN_TICK_PX) <= DOT_LABEL_PX else [value, *wrap(source, SCREEN_TICK_PX, DOT_LABEL_PX)]


def labels_room(lowest: float, highest: float, ends: list[tuple[float, float]]) -> float:
    """The log axis's upper end that keeps each dot's label, written right of it (ends: value, widest line in px),
    inside a plot DOT_PLOT_PX wide, and leaves a fifth of the range beyond the highest value drawn."""
    low = math.log10(lowest)
    needed = [low + (math.log10(value) - low) / (1 - (width + DOT_LABEL_GAP_PX) / DOT_PLOT_PX) for value, width in ends]
    return 10 ** max([low + (math.log10(highest) - low) * 1.25, *needed])


def disagreements(compared: pd.DataFrame, prepared: pd.DataFrame, entity: str) -> Chart:
    """Each figure two or more articles give, as its range with one dot per article: red where the sources
    disagree (their qualifiers' ranges do not overlap), grey where they agree within their qualifiers, blue where
    point-in-time figures of different periods both hold, each at its own date, as the file acknowledges; a dot
    then names its period. The dots of one figure sit a little apart, one above the other, so equal values never
    print over each other.

    `compared` is lib.headline.compared_figures."""
    traces, ends, tall, rows_of = [], [], [], list(dict.fromkeys(compared["figure"]))
    for row, figure_label in enumerate(rows_of):
        rows = compared[compared["figure"] == figure_label]
        first = rows.iloc[0]
        colour = STATUS_COLOURS.get(first["status"], OTHER_BAR)
        words = _(tf.STATUS_WORDS[first["status"]])
        if first["reason"]:
            words = _("{status} (acknowledged: {reason})").format(status=words, reason=first["reason"])
        traces.append(go.Scatter(
            x=[first["low_usd"], first["high_usd"]], y=[row, row], mode="lines", showlegend=False,
            line=dict(color=colour, width=12), opacity=0.35, name=_("{figure}: range").format(figure=figure_label),
            hovertemplate=_("{figure}: {low} ({low_claim}) to {high} ({high_claim}) · {status}").format(
                figure=figure_label, low=format_usd(first["low_usd"]), low_claim=first["low_claim"],
                high=format_usd(first["high_usd"]), high_claim=first["high_claim"], status=words) + "<extra></extra>"))
        dated = rows["period"].nunique() > 1  # figures at their own dates: each dot says which
        values = [f"{t}{f' ({p})' if dated else ''}" for t, p in zip(_bound_texts(rows["value_usd"], rows["qualifier"]), rows["period"])]
        said = [f"{value} · {src}" for value, src in zip(values, rows["source"])]
        lines = [_dot_label(value, src) for value, src in zip(values, rows["source"])]
        step = DOT_STEP * max(map(len, lines))  # two-line labels a little further apart
        step = min(step, DOT_SPREAD / (len(rows) - 1)) if len(rows) > 1 else step
        offsets = [round(step * (k - (len(rows) - 1) / 2), 3) for k in range(len(rows))]
        traces.append(go.Scatter(
            x=rows["value_usd"], y=[row + o for o in offsets], mode="markers+text", showlegend=False,
            marker=dict(size=12, color=colour, line=dict(color="#333", width=1)), name=_("{figure}: articles").format(figure=figure_label),
            text=["<br>".join(text) for text in lines], textposition="middle right",
            customdata=[[text, claim] for text, claim in zip(said, rows["claim_id"])],
            hovertemplate="%{customdata[0]} · %{customdata[1]}<extra></extra>"))
        ends += [(value, max(text_px(line, SCREEN_TICK_PX) for line in text)) for value, text in zip(rows["value_usd"], lines)]
        tall.append(max(map(len, lines)) > 1)
    figure = go.Figure(traces)
    base_layout(figure, "")
    lowest = float(compared[["low_usd", "value_usd"]].clip(lower=1).min().min()) / 1.6
    highest = labels_room(lowest, float(compared[["high_usd", "value_usd"]].max().max()), ends)
    tickvals, ticktext = log_ticks(lowest, highest)
    figure.update_xaxes(type="log", title=_("US dollars (log scale)"), tickvals=tickvals, ticktext=ticktext,
                        range=[math.log10(lowest), math.log10(highest)])
    pad = 0.5 + (DOT_STEP if any(tall) else 0)  # room above the first row's and below the last's labels
    figure.update_yaxes(tickvals=list(range(len(rows_of))), ticktext=rows_of, range=[len(rows_of) - 1 + pad, -pad], zeroline=False)
    widest = max(text_px(label, SCREEN_TICK_PX) for label in rows_of)
    figure.update_layout(showlegend=False, margin_l=max(BASE_LAYOUT["margin"]["l"], round(widest) + 50))
    groups = compared.drop_duplicates("figure")
    words = "; ".join(_("{figure}: {low} to {high}, {status}").format(
        figure=r["figure"], low=format_usd(r["low_usd"]), high=format_usd(r["high_usd"]), status=_(tf.STATUS_WORDS[r["status"]]))
        for _index, r in groups.iterrows())
    capped = bool(compared["capped"].any())
    apart = bool((compared["status"] == tf.DIFFERENT_DATES).any())
    return Chart(
        name=f"{slug(entity)}-disagreements",
        title=_("{company}: where the sources disagree").format(company=entity),
        subtitle=(_("US dollars · each figure two or more articles give: its range (red: the articles' ranges do not overlap; "
                    "grey: they agree within their qualifiers; blue: both hold at different dates, as acknowledged) and one dot "
                    "per article") if apart else
                  _("US dollars · each figure two or more articles give: its range (red: the articles' ranges do not overlap; "
                    "grey: they agree within their qualifiers) and one dot per article"))
                 + (f" · {cap_note()}" if capped else ""),
        figure=figure, data=compared.reset_index(drop=True), claims=_claims_behind(prepared, compared["claim_id"]),
        description=f"{words}." if words else _("No figure is given by more than one article."),
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
            x=points["period_mid"], y=points["value_usd"], mode="markers",
            name=_("Epoch AI: {kind}").format(kind=_(KINDS[kind].label)),
            marker=dict(symbol=EPOCH_MARKER, size=13, color=EPOCH_COLOURS[kind], line=dict(width=1, color="#222")),
            customdata=pd.DataFrame({
                "id": points["id"], "kind": _(KINDS[kind].label), "value": points["value_usd"].map(format_usd),
                "period": points["period"], "confidence": points["confidence"].fillna(_("not given")),
                "status": points["status"].fillna(_("n/a")),
                "url": points["url_1"].fillna(""),
            }).values,
            hovertemplate="<b>Epoch AI: %{customdata[0]}</b><br>%{customdata[1]} · %{customdata[2]} · %{customdata[3]}<br>"
                          + _("confidence {confidence} · status {status}").format(confidence="%{customdata[4]}",
                                                                                   status="%{customdata[5]}")
                          + "<br>%{customdata[6]}<extra></extra>",
        ))
    if not drawn.empty:
        pad = pd.Timedelta(days=60)
        shown = list(figure.layout.xaxis.range or []) + [drawn["period_mid"].min() - pad, drawn["period_mid"].max() + pad]
        x_range = [min(map(pd.Timestamp, shown)), max(map(pd.Timestamp, shown))]
        figure.update_xaxes(range=x_range, **date_xaxis(*x_range))
        place_events(figure)
        money_axis(figure)  # the stars may reach beyond the articles' figures
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
        subtitle=_("{subtitle} · stars = Epoch AI's data, one series per kind (a run-rate is never joined to a year's "
                   "revenue)").format(subtitle=chart.subtitle),
        figure=figure, data=data, claims=chart.claims,
        peers=drawn.drop(columns=["period", "period_start", "period_end", "period_mid", "label", "low", "high"]),
    )


COMPUTE_LABEL_PX, COMPUTE_PLOT_PX = 24, 440  # bar labels' type on a slide, and the shortest plot a slide gives this chart
COMPUTE_LABEL_GAP_PX = 8  # plotly's pad between a bar and its label outside, and a little more


def compute_headroom(values, labels) -> float:
    """The top of the money axis that keeps every bar's label, written up from the bar's top, inside the shortest
    plot a slide draws (COMPUTE_PLOT_PX high, labels at COMPUTE_LABEL_PX)."""
    return max(value / (1 - (text_px(label, COMPUTE_LABEL_PX) + COMPUTE_LABEL_GAP_PX) / COMPUTE_PLOT_PX)
               for value, label in zip(values, labels))


def compute_vs_revenue(table: pd.DataFrame, peers: pd.DataFrame, entity: str | None = None) -> Chart:
    """Each company's compute spend by year beside its revenue (lib.second_opinion.compute_beside_revenue): one
    bar per compute category, never summed; revenue is the year's revenue, or the year's last run-rate drawn
    hatched and labelled as one. peers are the Epoch rows behind the table. The title names the companies drawn;
    given the company in view (entity), it comes first and the subtitle says the others are there for comparison."""
    table = table.sort_values("company", key=lambda company: company != entity, kind="mergesort").reset_index(drop=True)
    companies = list(dict.fromkeys(table["company"]))
    others = [company for company in companies if company != entity]
    figure = go.Figure()
    label = table["company"] + " " + table["year"]  # one category per company and year, in the table's order
    order = [k for k in KINDS if KINDS[k].table == "compute"] + ["revenue_yearly", "revenue_run_rate"]
    amount = "%{y:$.3s}" if spoken() == "en" else "%{customdata[4]}"  # plotly writes amounts in English alone
    texts = pd.Series([_("{amount} run-rate").format(amount=format_usd(v)) if k == "revenue_run_rate" else format_usd(v)
                       for v, k in zip(table["value_usd"], table["kind"])], index=table.index)
    for kind in [k for k in order if k in set(table["kind"])]:
        group = table[table["kind"] == kind]
        series = _(group["series"].iloc[0])
        run_rate = kind == "revenue_run_rate"
        figure.add_trace(go.Bar(
            x=label[group.index], y=group["value_usd"], name=series,
            offsetgroup="revenue" if kind.startswith("revenue") else kind,
            marker=dict(color=EPOCH_COLOURS[kind], pattern=dict(shape="/" if run_rate else "", fgcolor="#2a9d8f")),
            # upright labels over bars this narrow would run into their neighbours': written up the bar instead
            text=list(texts[group.index]), textposition="outside", textangle=-90, constraintext="none", cliponaxis=False,
            customdata=group[["epoch_id", "confidence", "note", "url_1"]].fillna("").assign(
                amount=group["value_usd"].map(format_usd)).values,
            hovertemplate="<b>%{x}</b> · " + series + ": " + amount + "<br>Epoch AI: %{customdata[0]} · "
                          + _("confidence {confidence}").format(confidence="%{customdata[1]}")
                          + "<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    base_layout(figure, _("US dollars a year"))
    figure.update_layout(barmode="group", bargap=0.25, margin_t=70)  # room for two legend rows
    figure.update_yaxes(range=[0, compute_headroom(table["value_usd"], texts)])
    money_axis(figure)
    figure.update_xaxes(categoryorder="array", categoryarray=list(dict.fromkeys(label)))
    if entity is None:
        why = ", " + _("every company it covers with both, side by side for comparison") if len(companies) > 1 else ""
    elif not others:
        why = ""
    elif entity in companies:
        why = " · " + _("{companies} shown for comparison").format(companies=and_list(others))
    else:
        why = " · " + _("Epoch AI gives no compute spend beside revenue for {company}: {companies} shown for comparison").format(
            company=entity, companies=and_list(others))
    return Chart(
        name="epoch-compute-vs-revenue",
        page=TIMELINE,
        title=_("{companies}: compute spend beside revenue, by year").format(companies=and_list(companies)),
        subtitle=_("US dollars a year, Epoch AI's data{why} · each compute category its own bar, never summed · revenue is the "
                   "year's revenue, or where Epoch gives none the year's last run-rate (hatched: a month's revenue x 12)").format(
            why=why),
        figure=figure, data=table, claims=pd.DataFrame(columns=CLAIM_COLUMNS), peers=peers,
    )
