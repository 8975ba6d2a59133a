"""The runway-family charts: the cash runway with its band and raises, then and now, what moves the zero-cash
date (tornado), saved scenarios side by side and the fan of the sources' uncertainty. Each returns a Chart.

Nothing here calls Streamlit; the pages render these, and lib.export turns them into images and slides.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.chart_layout import (
    BASE_LAYOUT, CLAIM_COLUMNS, END_LABEL, END_LABEL_LINE, END_LABEL_PX, END_LABEL_WIDTH, GAP_COLOUR, RUNWAY, Chart, base_layout,
    date_xaxis, end_label, end_labels_margin, label_line_ends, money_yaxis, month_hover, nudge_apart, slug,
    unchecked_figure,
)
from lib.formatting import format_usd
from lib.i18n import N_, _
from lib.locale_forms import day, decimal, month, percent
from lib.runway import Projection
from lib.textsize import wrap
from lib.vocabulary import CASH_COLOUR, metric_colour


RAISE_COLOUR = metric_colour("funding_round")  # raises are drawn in the funding-round colour
WARNING_COLOUR = "#d62728"  # zero cash, and whatever brings it sooner
RAISE_LABEL_STEP = 36  # px between the levels of successive raises' labels (two lines of 12 px text)
CASH_PANEL, FLOW_PANEL = (0.42, 1.0), (0.0, 0.3)  # the runway chart's two panels, as fractions of the plot's height
PANEL_TITLE_PX = 15
ZERO_LABEL = dict(text=N_("zero cash"), xref="paper", x=1, y=0, xanchor="right", yanchor="top", showarrow=False)
BAND_LABEL = N_("shaded blue: the range the sources allow")
FAN_LABEL = N_("shaded blue: the 10th to 90th percentile of the draws")


def _claim_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims behind a projection chart, in the columns every chart's claims table has."""
    return claims[CLAIM_COLUMNS].reset_index(drop=True) if not claims.empty else claims


def runway(projection: Projection, low: Projection, high: Projection, assumptions: str, claims: pd.DataFrame, entity: str,
           band_claims: tuple[str, str] = ("", ""), alive: Projection | None = None, alive_growth: float | None = None,
           raise_marks: Sequence[tuple[dt.date, str, bool]] = (), band_ratios: tuple[float, float] = (1.0, 1.0)) -> Chart:
    """Cash balance month by month with the zero line, a low/high band, the key dates and the raises marked.

    band_claims names the claims behind the low (highest-cost) and high (lowest-cost) cash paths, and band_ratios their
    costs as multiples of the base's, for the CSV; the subtitle says in words what the band is, the alt text its ratios.
    raise_marks, (date, note, cash in hand) for raises that need words (lib.runway_inputs.FundingEvent.note), adds the
    note to the raise's label and the CSV's raise_notes; a month with a raise that is not cash in hand is drawn dashed,
    the others dotted.
    alive, the same projection with the revenue growth it takes to be default alive (alive_growth), adds that
    revenue path, with the costs and the revenue assumed, in a panel of monthly amounts under the cash. No legend: the
    panels have titles, the lower panel's lines are named at their ends."""
    frame = projection.frame
    zero_line, zero_label = _zero_line()
    shapes, annotations = [zero_line], [zero_label]
    for label, date, colour in ((_("Zero cash: {month}"), projection.zero_cash_date, WARNING_COLOUR),
                                (_("Break-even: {month}"), projection.breakeven_date, "#2a9d8f")):
        if date is not None:
            shapes.append(dict(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1, line=dict(color=colour, width=1, dash="dash")))
            annotations.append(dict(x=date, y=1, yref="paper", text=label.format(month=month(date)), showarrow=False,
                                    xanchor="left", yanchor="top", font=dict(color=colour, size=12),
                                    bgcolor="rgba(255,255,255,0.8)"))
    month_of = np.maximum(np.searchsorted(frame["date"].to_numpy(), np.array([pd.Timestamp(d) for d, _, _ in raise_marks],
                                                                          dtype="datetime64[us]"), side="right") - 1, 0)
    notes = {index: [] for index in month_of}
    firm = {index: True for index in month_of}
    for index, (_day, note, in_hand) in zip(month_of, raise_marks):  # `_` is the translator here
        notes[index].append(note)
        firm[index] &= in_hand
    raised = frame[frame["raised"] > 0]
    for k, (index, date, amount) in enumerate(zip(raised["month"], raised["date"], raised["raised"])):
        said = "; ".join(note for note in notes.get(index, []) if note)
        shapes.append(dict(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1,
                           line=dict(color=RAISE_COLOUR, width=1.5 if firm.get(index, True) else 2, dash="dot" if firm.get(index, True) else "dash")))
        raised_text = _("+{amount} raised").format(amount=format_usd(amount))
        annotations.append(dict(x=date, y=0, yref="y domain", text=raised_text + (f"<br>{said}" if said else ""),
                                showarrow=False, xanchor="left", yanchor="bottom", align="left",
                                yshift=RAISE_LABEL_STEP * (k % 3),  # raises a few months apart: labels on three levels
                                font=dict(color=RAISE_COLOUR, size=12), bgcolor="rgba(255,255,255,0.8)"))
    monthly, panel = [], []
    if alive is not None and alive_growth is not None:
        flows = dict(type="scatter", mode="lines", yaxis="y2", showlegend=False)
        monthly = [
            dict(x=frame["date"], y=frame["cost"], name=_("Costs"), **_flow_hover(frame["date"], frame["cost"]),
                 line=dict(color=metric_colour("net_loss"), width=1.5, dash="dot"), **flows),
            dict(x=frame["date"], y=frame["revenue"], name=_("Revenue assumed"), **_flow_hover(frame["date"], frame["revenue"]),
                 line=dict(color=metric_colour("revenue"), width=1.5, dash="dot"), **flows),
            dict(x=alive.frame["date"], y=alive.frame["revenue"], **_flow_hover(alive.frame["date"], alive.frame["revenue"]),
                 name=_("Revenue needed to be default alive ({growth} a year)").format(growth=percent(alive_growth, signed=True)),
                 line=dict(color=metric_colour("revenue"), width=2.5, dash="dash"), **flows),
        ]
        panel = [*(dict(text=text, xref="paper", x=0, yref="paper", y=top, xanchor="left", yanchor="bottom", showarrow=False,
                        font=dict(size=PANEL_TITLE_PX), bgcolor="rgba(255,255,255,0.8)")
                   for text, top in ((_("Cash balance, US dollars"), CASH_PANEL[1]),
                                     (_("Per month, US dollars"), FLOW_PANEL[1]))),
                 *flow_labels(monthly, FLOW_PANEL[1] - FLOW_PANEL[0])]
    banded = not low.frame["cash_end"].equals(high.frame["cash_end"])
    cash = _unlisted(cash_traces(frame["date"], frame["cash_end"], _("Cash balance"), CASH_COLOUR))
    cash_axis = money_yaxis((frame["cash_end"], low.frame["cash_end"].clip(lower=0), high.frame["cash_end"].clip(lower=0), [0.0]))
    x_range = _months(frame["date"])
    figure = unchecked_figure(
        data=[
            dict(type="scatter", x=high.frame["date"], y=high.frame["cash_end"].clip(lower=0), mode="lines", line=dict(width=0),
                 showlegend=False, hoverinfo="skip", name="high"),
            dict(type="scatter", x=low.frame["date"], y=low.frame["cash_end"].clip(lower=0), mode="lines", line=dict(width=0),
                 fill="tonexty", fillcolor="rgba(0,114,178,0.15)", name=_(BAND_LABEL), showlegend=False, hoverinfo="skip"),
            *monthly,
            *cash,
        ],
        layout=dict(
            # two panels, each under a title of its own, the lower one's lines named at their ends
            **BASE_LAYOUT | {"showlegend": False}
            | ({"margin": BASE_LAYOUT["margin"] | {"t": 40, "r": _end_margin(panel)}, "height": 560} if monthly else {}),
            shapes=shapes, annotations=annotations + gap_labels(frame["date"], frame["cash_end"]) + panel,
            yaxis=(dict(domain=list(CASH_PANEL), **cash_axis) if monthly else
                   dict(title=dict(text=_("Cash balance, US dollars")), **cash_axis)),
            xaxis=dict(title=dict(text=_("Month")), range=x_range, **date_xaxis(*x_range), **({"anchor": "y2"} if monthly else {})),
            **({"yaxis2": dict(domain=list(FLOW_PANEL), rangemode="tozero",
                               **money_yaxis([line["y"] for line in monthly] + [[0.0]]))} if monthly else {}),
        ),
    )
    needed = (dict(revenue_needed_default_alive=alive.frame["revenue"].values, revenue_growth_needed=alive_growth)
              if monthly else {})
    data = frame.assign(cash_end_low=low.frame["cash_end"].values, cash_end_high=high.frame["cash_end"].values,
                        cash_end_low_claims=band_claims[0], cash_end_high_claims=band_claims[1],
                        cash_end_low_cost_ratio=band_ratios[0], cash_end_high_cost_ratio=band_ratios[1],
                        raise_notes=["; ".join(note for note in notes.get(index, []) if note) for index in frame["month"]],
                        **needed)
    return Chart(
        name=f"{slug(entity)}-runway",
        page=RUNWAY,
        title=_("{company}: cash runway").format(company=entity),
        subtitle=" · ".join([_("US dollars"), assumptions] + ([_(BAND_LABEL)] if banded else [])),
        figure=figure,
        data=data,
        claims=_claim_table(claims),
        description=runway_description(projection) + (f" {band_description(band_ratios)}" if banded else ""),
    )


def band_description(ratios: tuple[float, float]) -> str:
    """The band's exact assumption, for the alt text: the lowest and highest costs as multiples of the base's."""
    return _("The shaded range is the cash with costs from x{low} to x{high} the base's, the lowest and highest the year's "
             "alternatives and qualifiers allow.").format(low=f"{min(ratios):.2f}", high=f"{max(ratios):.2f}")


def _flow_hover(dates: pd.Series, amounts: pd.Series) -> dict:
    """A lower-panel line's hover: its month and amount, then the line's name."""
    customdata, when, amount = month_hover(dates, amounts.map(format_usd))
    return dict(customdata=customdata, hovertemplate=f"{when}: {amount}<extra>%{{fullData.name}}</extra>")


def flow_labels(lines: list[dict], panel: float) -> list[dict]:
    """The lower panel's lines (yaxis y2, plotted from zero) named at their last points in their colours, as
    lib.chart_layout.label_line_ends names lines: wrapped, nudged apart so that none prints over another and
    none below the panel's foot. panel is the panel's height as a fraction of the plot's."""
    high = max(float(v) for line in lines for v in line["y"]) or 1.0
    step = END_LABEL_LINE / panel * high  # a line of text, in dollars
    ends = sorted(([float(line["y"].iloc[-1]), line["x"].iloc[-1], wrap(line["name"], END_LABEL_PX, END_LABEL_WIDTH),
                    line["line"]["color"]] for line in lines), key=lambda end: -end[0])
    nudge_apart(ends, step, floor=0.0)
    return [end_label(x, y, text, colour, yref="y2") for y, x, text, colour in ends]


def _end_margin(annotations: list[dict]) -> int:
    """The right margin that holds the lines' end labels on screen."""
    named = [a["text"].split("<br>") for a in annotations if a.get("name") == END_LABEL]
    return max(BASE_LAYOUT["margin"]["r"], end_labels_margin(named)) if named else BASE_LAYOUT["margin"]["r"]


def _unlisted(traces: list[dict]) -> list[dict]:
    """Traces left out of the legend: their lines are named where they end."""
    return [trace | {"showlegend": False} for trace in traces]


def _named_end(traces: list[dict], name: str) -> go.Scatter:
    """What lib.chart_layout.label_line_ends names: a cash path's last trace (its gap when it has one, which runs to
    the horizon's end, clear of the other lines) under the path's name."""
    return go.Scatter(x=traces[-1]["x"], y=traces[-1]["y"], name=name, line=dict(color=traces[0]["line"]["color"]))


def _months(dates: pd.Series) -> list[str]:
    """An x range from the first month to the last, so that the labels at the lines' ends widen the margin, not the axis."""
    return [f"{dates.min():%Y-%m-%d}", f"{dates.max():%Y-%m-%d}"]


def _crossing(dates: pd.Series, cash: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """A cash path split where it first falls below zero: (dates, cash) while funded, ending at exactly zero
    where the line crosses it, and (dates, shortfall as a negative balance) from that point on. In numpy: a
    slider move splits the runway chart's path anew."""
    dates, cash = pd.Series(dates).to_numpy(), pd.Series(cash, dtype="float64").to_numpy()
    below = np.flatnonzero(cash < 0)
    if below.size == 0:
        return pd.Series(dates), pd.Series(cash), pd.Series(dates[:0]), pd.Series(cash[:0])
    first = int(below[0])
    if first == 0:
        zero = dates[:1]
    else:  # linear between the last funded point and the first short one
        before, after = cash[first - 1], cash[first]
        start, end = pd.Timestamp(dates[first - 1]), pd.Timestamp(dates[first])
        zero = np.array([start + (end - start) * (before / (before - after))], dtype=dates.dtype)
    nought = np.zeros(1)
    return (pd.Series(np.concatenate([dates[:first], zero])), pd.Series(np.concatenate([cash[:first], nought])),
            pd.Series(np.concatenate([zero, dates[first:]])), pd.Series(np.concatenate([nought, cash[first:]])))


def tint(colour: str, alpha: float) -> str:
    """A '#rrggbb' colour as a see-through rgba() fill."""
    red, green, blue = (int(colour[k:k + 2], 16) for k in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def cash_traces(dates: pd.Series, cash: pd.Series, name: str, colour: str, dash: str = "solid", width: float = 3,
                own_gap: bool = False) -> list[dict]:
    """A cash path that stops at zero, and after it the unfunded gap: the money the path would need that no
    claim shows, drawn as an area below zero in the gap colour, not as a cash balance (plotly scatter traces as dicts;
    a plain tint, not a hatch: a pattern fill slows every redraw as a slider moves). own_gap tints the gap in the
    path's own colour instead, so that several gaps on one chart can be told apart."""
    funded_dates, funded_cash, gap_dates, gap_cash = _crossing(dates, cash)
    customdata, when, amount = month_hover(funded_dates, funded_cash.map(format_usd))
    traces = [dict(type="scatter", x=funded_dates, y=funded_cash, mode="lines", name=name, line=dict(color=colour, width=width, dash=dash),
                   customdata=customdata, hovertemplate=f"{when}: {amount}<extra></extra>")]
    if not gap_dates.empty:
        fill = (dict(line=dict(color=colour, width=1.5, dash="dot"), fillcolor=tint(colour, 0.08)) if own_gap else
                dict(line=dict(color=colour, width=1, dash="dot"), fillcolor=tint(GAP_COLOUR, 0.14)))
        customdata, when, amount = month_hover(gap_dates, (-gap_cash).map(format_usd))
        traces.append(dict(
            type="scatter", x=gap_dates, y=gap_cash, mode="lines", name=_("{line}: unfunded gap").format(line=name),
            fill="tozeroy", showlegend=False, **fill, customdata=customdata,
            hovertemplate=_("{month}: {amount} unfunded").format(month=when, amount=amount) + "<extra>" + name + "</extra>"))
    return traces


def gap_labels(dates: pd.Series, cash: pd.Series) -> list[dict]:
    """The size of the unfunded gap at the end of the horizon, written at the gap's end."""
    end_date, end_cash = pd.Series(dates).iloc[-1], float(pd.Series(cash).iloc[-1])
    if end_cash >= 0:
        return []
    text = _("Unfunded gap by {month}: {amount}").format(month=month(pd.Timestamp(end_date)), amount=format_usd(-end_cash))
    return [dict(x=end_date, y=end_cash, text=text, showarrow=False, xanchor="right", yanchor="bottom",
                 font=dict(color=GAP_COLOUR, size=12), bgcolor="rgba(255,255,255,0.8)")]


def runway_description(projection: Projection) -> str:
    """Where the cash goes: the starting balance, when it runs out and when revenue covers costs."""
    frame = projection.frame
    start = _("Starting with {amount} in {month}").format(amount=format_usd(frame["cash_start"].iloc[0]),
                                                          month=month(frame["date"].iloc[0]))
    end = (_("the cash lasts the whole horizon") if projection.zero_cash_date is None else
           _("the cash runs out in {month}, after {months} months").format(month=month(projection.zero_cash_date),
                                                                            months=decimal(projection.runway_months)))
    even = (_("revenue never covers costs within the horizon") if projection.breakeven_date is None else
            _("revenue covers costs from {month}").format(month=month(projection.breakeven_date)))
    return _("{start}, {end}; {even}.").format(start=start, end=end, even=even)


def then_and_now(then: Projection, now: Projection, then_date, then_text: str, now_text: str, claims: pd.DataFrame,
                 entity: str, not_comparable: str = "") -> Chart:
    """Two projections on one axis: from the claims published by an earlier date, and from every claim. Each
    cash path stops at zero, its shortfall drawn as an unfunded gap. not_comparable, why the two rest on inputs of
    different kinds (lib.figures.kind_change), heads the subtitle and the description: not like with like."""
    then_label = _("Then: claims published by {day}").format(day=day(pd.Timestamp(then_date)))
    figure = go.Figure([*cash_traces(then.frame["date"], then.frame["cash_end"], then_label, metric_colour("funding_round"), dash="dash"),
                        *cash_traces(now.frame["date"], now.frame["cash_end"], _("Now: every claim"), CASH_COLOUR)])
    base_layout(figure, _("Cash balance, US dollars"))
    figure.add_hline(y=0, line=dict(color="#444", width=1))
    figure.update_yaxes(money_yaxis((then.frame["cash_end"], now.frame["cash_end"], [0.0])))
    dates = pd.concat([then.frame["date"], now.frame["date"]])
    figure.update_xaxes(title=_("Month"), **date_xaxis(dates.min(), dates.max()))
    label_line_ends(figure, [trace for trace in figure.data if trace.showlegend is not False])
    data = pd.concat([then.frame.assign(projection="then"), now.frame.assign(projection="now")], ignore_index=True)
    unlike = _("Not comparable: {reason}").format(reason=not_comparable)
    return Chart(
        name=f"{slug(entity)}-then-and-now",
        page=RUNWAY,
        title=_("{company}: the runway then and now").format(company=entity),
        subtitle=(unlike + " · " if not_comparable else "")
        + _("US dollars · no growth assumed · then: {then} · now: {now}").format(then=then_text, now=now_text),
        figure=figure, data=data, claims=_claim_table(claims),
        description=(unlike + ". " if not_comparable else "")
        + _("Then: {then} Now: {now}").format(then=runway_description(then), now=runway_description(now)),
    )


SCENARIO_COLOURS = ("#ff7f0e", "#2ca02c", "#9467bd")  # saved scenarios beside the current one (CASH_COLOUR)
SHORTENS, LENGTHENS = N_("Shortens the runway"), N_("Lengthens the runway")
EFFECT_COLOURS = {SHORTENS: WARNING_COLOUR, LENGTHENS: CASH_COLOUR}  # a tornado bar's colour: what the move does to the runway


def _zero_line() -> tuple[dict, dict]:
    """The zero-cash line and its label."""
    return (dict(type="line", xref="paper", x0=0, x1=1, y0=0, y1=0, line=dict(color=WARNING_COLOUR, width=1.5)),
            ZERO_LABEL | {"text": _(ZERO_LABEL["text"])})


def _input_value(name: str, value: float) -> str:
    """A sensitivity input's value as the page shows it: $6.6B for money, +10% a year for growth."""
    return _("{change}/yr").format(change=percent(value, signed=True)) if name.endswith("_yoy") else format_usd(value)


def tornado(table: pd.DataFrame, base_months: float | None, horizon: int, start, assumptions: str, claims: pd.DataFrame,
            entity: str) -> Chart:
    """How far the zero-cash date moves when each input moves by its step (lib.runway.sensitivity's table),
    largest effect on top; a runway beyond the horizon is drawn to the horizon and labelled "beyond N months". Each bar
    is coloured by what the move does to the runway (EFFECT_COLOURS), and the legend says so; a move that changes
    nothing draws no bar."""
    base = float(horizon) if base_months is None else base_months
    base_text = (_("beyond {horizon} months").format(horizon=horizon) if base_months is None else
                 _("{months} months").format(months=decimal(base_months)))
    labels = [_("{input} {step}: {low} / {high}").format(input=row.label, step=row.step,
                                                          low=_input_value(row.input, row.value_low),
                                                          high=_input_value(row.input, row.value_high))
              for row in table.itertuples()]
    rows = list(range(len(table)))  # numeric rows, each named by an annotation above its bars (no wide tick labels)
    bars = []
    for effect, colour in EFFECT_COLOURS.items():
        drawn = [(row, case, word, months, text) for case, word in (("low", _("moved down")), ("high", _("moved up")))
                 for row, months, text in zip(rows, table[f"runway_{case}_case"], table[f"{case}_text"])
                 if (months < base) == (effect == SHORTENS) and months != base]
        bars.append(dict(
            type="bar", y=[row for row, *_ in drawn], x=[months - base for *_, months, _ in drawn], base=[base] * len(drawn),
            orientation="h", name=_(effect), width=0.45, marker=dict(color=colour), text=[text for *_, text in drawn],
            textposition="outside", cliponaxis=False, customdata=[[labels[row], word, text] for row, _, word, _, text in drawn],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}: %{customdata[2]}<extra></extra>",
        ))
    names = []
    for row, label, low, high, text in zip(rows, labels, table["runway_low_case"], table["runway_high_case"], table["low_text"]):
        unchanged = low == high == base  # no bar to label: say so in the row's name
        names.append(dict(x=0, y=row - 0.25, yanchor="bottom", xanchor="left", showarrow=False, bgcolor="rgba(255,255,255,0.85)",
                          text=_("{input} · no change: {months}").format(input=label, months=text) if unchanged
                          else label))  # read over the "current" line
    figure = unchecked_figure(data=bars, layout=dict(
        # the legend at the foot of the chart, so that the line's "current" label has the band above the plot
        **BASE_LAYOUT | {"legend": dict(orientation="h", x=0, xanchor="left", y=0, yanchor="bottom", yref="container"),
                         "margin": BASE_LAYOUT["margin"] | {"b": 100}},
        barmode="overlay",
        shapes=[dict(type="line", x0=base, x1=base, yref="paper", y0=0, y1=1, line=dict(color="#444", width=2))],
        annotations=[dict(x=base, y=1, yref="paper", yanchor="bottom", text=_("current: {months}").format(months=base_text),
                          showarrow=False), *names],
        xaxis=dict(title=dict(text=_("Months from {month} until the cash runs out (horizon {horizon} months)").format(
            month=month(start), horizon=horizon)),
                   range=[0, max(base, *table["runway_low_case"], *table["runway_high_case"]) * 1.3]),
        # top row first; room above it for its name, under the "current" label
        yaxis=dict(range=[len(table) - 0.5, -0.75], showticklabels=False, showgrid=False, zeroline=False),
    ))
    data = table.assign(runway_current=base, runway_current_text=base_text, horizon_months=horizon)
    return Chart(
        name=f"{slug(entity)}-runway-sensitivity",
        page=RUNWAY,
        title=_("{company}: what moves the zero-cash date").format(company=entity),
        subtitle=_("Months of runway when one input moves (money ±20%, growth ±10 points), largest effect first · "
                   "{assumptions}").format(assumptions=assumptions),
        figure=figure,
        data=data,
        claims=_claim_table(claims),
    )


def scenarios(runs: list[tuple[str, Projection, str]], claims: pd.DataFrame, entity: str, start,
              changes: Sequence[str] = ()) -> Chart:
    """The cash path of the live sliders ("current", drawn first and thickest) beside each saved scenario, each
    unfunded gap tinted in its path's colour, each path named at the end of the horizon.

    runs: (name, projection, assumptions text) per scenario, the current first; the CSV lists every one's assumptions.
    The subtitle gives the current one's, and for each saved one what it changes (changes, in runs' order after the
    current) or, without changes, its own assumptions."""
    traces, ends, frames = [], [], []
    for k, (name, projection, text) in enumerate(runs):
        frame = projection.frame
        ends_at = (_("lasts the horizon") if projection.zero_cash_date is None else
                   _("zero cash {month}").format(month=month(projection.zero_cash_date)))
        named = _("{scenario}: {text}").format(scenario=name, text=ends_at)
        colour = CASH_COLOUR if k == 0 else SCENARIO_COLOURS[(k - 1) % len(SCENARIO_COLOURS)]
        drawn = cash_traces(frame["date"], frame["cash_end"], named, colour,
                            dash="solid" if k == 0 else ("dash", "dashdot", "dot")[(k - 1) % 3], width=4 if k == 0 else 2.5, own_gap=True)
        traces += _unlisted(drawn)
        ends.append(_named_end(drawn, named))
        frames.append(frame[["month", "date", "raised", "cash_end"]].assign(
            scenario=name, runway_months=projection.runway_months, zero_cash_date=projection.zero_cash_date, assumptions=text))
    line, label = _zero_line()
    x_range = _months(pd.concat([projection.frame["date"] for _, projection, _ in runs]))
    figure = unchecked_figure(data=traces, layout=dict(
        **BASE_LAYOUT, shapes=[line], annotations=[label],
        yaxis=dict(title=dict(text=_("Cash balance, US dollars")),
                   **money_yaxis([projection.frame["cash_end"] for _, projection, _ in runs] + [[0.0]])),
        xaxis=dict(title=dict(text=_("Month")), range=x_range, **date_xaxis(*x_range)),
    ))
    label_line_ends(figure, ends)
    data = pd.concat(frames, ignore_index=True)
    data = data[["scenario", "assumptions", "month", "date", "raised", "cash_end", "runway_months", "zero_cash_date"]]
    said = [runs[0][2], *(changes or [text for _, _, text in runs[1:]])]
    return Chart(
        name=f"{slug(entity)}-runway-scenarios",
        page=RUNWAY,
        title=_("{company}: cash runway, current sliders beside saved scenarios").format(company=entity),
        subtitle=" · ".join([_("US dollars, from {month}").format(month=month(start)),
                             *(_("{scenario}: {text}").format(scenario=name, text=text)
                               for name, text in zip([run[0] for run in runs], said))]),
        figure=figure,
        data=data,
        claims=_claim_table(claims),
    )


def fan(paths: pd.DataFrame, zero_cash: pd.DataFrame, current: Projection, spread: str, method: str, assumptions: str,
        claims: pd.DataFrame, entity: str) -> Chart:
    """The 10th to 90th percentile cash paths as a band around the median, the current path, and the 10th, 50th
    and 90th percentile zero-cash dates marked (lib.runway.fan's paths and zero_cash). spread says in the subtitle
    which inputs vary; method, in the alt text and the deck's notes, how they are drawn and by how much. The two
    paths are named at the horizon's end, each gap tinted in its path's colour; the subtitle says what the band is."""
    line, label = _zero_line()
    shapes, annotations = [line], [label]
    for k, row in enumerate(zero_cash.itertuples()):
        if row.zero_cash_date is not None:
            shapes.append(dict(type="line", x0=row.zero_cash_date, x1=row.zero_cash_date, yref="paper", y0=0, y1=1,
                               line=dict(color=WARNING_COLOUR, width=1, dash="dot")))
            annotations.append(dict(x=row.zero_cash_date, y=1 - 0.07 * k, yref="paper",
                                    text=_("P{percentile} zero cash: {month}").format(percentile=round(row.quantile * 100),
                                                                                      month=month(row.zero_cash_date)),
                                    showarrow=False, xanchor="left", font=dict(color=WARNING_COLOUR, size=12),
                                    bgcolor="rgba(255,255,255,0.8)"))
    quantiles = " · ".join(f"P{round(row.quantile * 100)} "
                           + (_("beyond {horizon} months").format(horizon=len(paths)) if row.beyond_horizon
                              else month(row.zero_cash_date))
                           for row in zero_cash.itertuples())
    annotations.append(dict(x=1, y=1, xref="paper", yref="paper", xanchor="right", yanchor="top", showarrow=False, align="right",
                            text=_("Zero-cash date: {dates}").format(dates=quantiles), bgcolor="rgba(255,255,255,0.8)"))
    median_name, sliders_name = _("Median (50th percentile)"), _("Current sliders")
    median = cash_traces(paths["date"], paths["cash_p50"], median_name, CASH_COLOUR, own_gap=True)
    sliders = cash_traces(current.frame["date"], current.frame["cash_end"], sliders_name, "#444444", dash="dash", width=1.5,
                          own_gap=True)
    x_range = _months(paths["date"])
    figure = unchecked_figure(data=[
        dict(type="scatter", x=paths["date"], y=paths["cash_p90"].clip(lower=0), mode="lines", line=dict(width=0), showlegend=False,
             hoverinfo="skip", name=_("90th percentile")),
        dict(type="scatter", x=paths["date"], y=paths["cash_p10"].clip(lower=0), mode="lines", line=dict(width=0), fill="tonexty",
             fillcolor="rgba(0,114,178,0.2)", name=_("10th to 90th percentile"), showlegend=False, hoverinfo="skip"),
        *_unlisted(median), *_unlisted(sliders),
    ], layout=dict(
        **BASE_LAYOUT, shapes=shapes, annotations=annotations,
        yaxis=dict(title=dict(text=_("Cash balance, US dollars")),
                   **money_yaxis((paths["cash_p90"].clip(lower=0), paths["cash_p50"], current.frame["cash_end"], [0.0]))),
        xaxis=dict(title=dict(text=_("Month")), range=x_range, **date_xaxis(*x_range)),
    ))
    label_line_ends(figure, [_named_end(median, median_name), _named_end(sliders, sliders_name)])
    cash = paths.assign(table="cash path", cash_current=current.frame["cash_end"].values)
    dates = zero_cash.assign(table="zero-cash date")
    data = pd.concat([cash, dates], ignore_index=True).astype({"month": "Int64"})
    data = data[["table", "month", "date", "cash_p10", "cash_p50", "cash_p90", "cash_current", "quantile", "runway_months",
                 "zero_cash_date", "beyond_horizon"]]
    return Chart(
        name=f"{slug(entity)}-runway-uncertainty",
        page=RUNWAY,
        title=_("{company}: cash runway within the sources' uncertainty").format(company=entity),
        subtitle=" · ".join([_("US dollars"), spread, assumptions, _(FAN_LABEL)]),
        figure=figure,
        data=data,
        claims=_claim_table(claims),
        description=method,
    )
