"""What every chart shares: the Chart record (a plotly figure, the exact data drawn and the claims behind it), the
pages that draw charts, the base layout, money and date axes in the language spoken, event labels stacked in rows,
lines named at their ends, and log ticks.

Nothing here calls Streamlit; lib.history_charts and lib.runway_charts build the figures, the pages render them,
and lib.export turns them into images and slides.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.formatting import format_usd, source_line
from lib.i18n import _
from lib.locale_forms import money, month, spoken
from lib.textsize import text_px, wrap


CLAIM_COLUMNS = ["id", "entity", "metric", "scope", "period", "basis", "qualifier", "source_title", "source_publisher",
                 "source_source_type", "source_published", "source_written", "source_language", "quote", "quote_en", "value",
                 "unit", "per", "includes"]  # includes: the metrics a bundled figure covers, as the claims file lists them


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
        parts = [_("Chart: {title}.").format(title=self.title), f"{self.subtitle}."]
        if self.description:
            parts.append(self.description)
        parts.append(self.source_line)
        return " ".join(part.replace("..", ".") for part in parts)


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


def unchecked_figure(data: list, layout: dict) -> go.Figure:
    """A figure from trace and layout dicts without plotly's check of every property, which takes most of the
    time of building a runway chart (about 10 ms), and a slider move rebuilds one. The tests check each such
    figure against its validated copy, and exports draw a validated copy (lib.export.theme.slide_figure). Nor does
    it carry plotly's default template, which Streamlit's chart theme overrides on screen: copying it and sending it
    took a third of the figure's time, and the browser applied it to every trace on each slider move."""
    arrays = [{key: value.to_numpy() if isinstance(value, pd.Series) else value for key, value in trace.items()} for trace in data]
    return go.Figure({"data": arrays, "layout": {"template": {}, **layout}}, _validate=False)


def base_layout(figure: go.Figure, y_title: str) -> go.Figure:
    figure.update_layout(**BASE_LAYOUT, yaxis_title=y_title)
    return figure


def money_axis(figure: go.Figure) -> None:
    """Every y axis of a figure as money (money_yaxis), across what its traces draw or the range it was given: run
    it after the traces and ranges are set, and again after adding traces."""
    for axis in figure.select_yaxes():
        axis.update(money_yaxis(_drawn(figure, axis), log=axis.type == "log"))


def _drawn(figure: go.Figure, axis) -> Iterator[Iterable[float]]:
    """The values a y axis spans: its range when given, else its traces' values (bars and waterfalls from zero, with
    their whiskers; a waterfall's running total)."""
    if axis.range is not None:
        yield axis.range
        return
    name = "y" + axis.plotly_name.removeprefix("yaxis")
    for trace in figure.data:
        if (trace.yaxis or "y") != name or trace.y is None:
            continue
        values = np.asarray(trace.y, dtype=float)
        if trace.type == "waterfall":  # each bar runs from one running total to the next; a total's from zero
            yield np.cumsum(np.where(np.asarray(trace.measure) == "total", 0.0, values))
        else:
            yield values
        if trace.type in ("bar", "waterfall"):
            yield [0.0]
        if trace.type == "bar" and trace.error_y.array is not None:
            yield values + np.asarray(trace.error_y.array, dtype=float)
            yield values - np.asarray(trace.error_y.arrayminus if trace.error_y.arrayminus is not None else trace.error_y.array,
                                      dtype=float)


def money_yaxis(drawn: Iterable[Iterable[float]], log: bool = False) -> dict:
    """A money axis's ticks for the values drawn on it (drawn: columns of values, [0] among them where the axis
    reaches zero). English has plotly's own ticks with a $ (MONEY_AXIS: $500M, $4B), cheap when a slider move
    rebuilds a chart, and drawn is not read; plotly writes no other language's amounts, so theirs are written here
    (money_ticks, or log_ticks on a log axis)."""
    if spoken() == "en":
        return MONEY_AXIS
    values = np.concatenate([np.asarray(column, dtype=float).ravel() for column in drawn] or [np.empty(0)])
    values = values[np.isfinite(values) & ((values > 0) if log else True)]
    if not values.size:
        return {}
    low, high = float(values.min()), float(values.max())
    if log:  # a decade beyond the data either side, for plotly's padding; over two decades, powers of ten alone
        tickvals, ticktext = log_ticks(low / 10, high * 10, (1, 2, 5) if high <= 100 * low else (1,))
    else:
        tickvals, ticktext = money_ticks(low, high)
    return dict(tickvals=tickvals, ticktext=ticktext)


AXIS_TICKS = 6  # the most ticks an axis labelled here (in Korean or French) has across its data


def _nice(start: float = 1.0) -> Iterator[int]:
    """1, 2 and 5 times the powers of ten, from the power of ten at or below start (at least 1): 1, 2, 5, 10, 20…"""
    for power in itertools.count(max(0, math.floor(math.log10(start)))):
        yield from (mantissa * 10 ** power for mantissa in (1, 2, 5))


def _spaced(low: float, high: float, steps: Iterable[float]) -> tuple[float, list[float]]:
    """The first step of which at most AXIS_TICKS multiples lie in [low, high], and its multiples from one before low
    to one after high: plotly pads the data, and leaves out the ticks beyond its axis."""
    for step in steps:
        first, last = math.ceil(low / step), math.floor(high / step)
        if last - first + 1 <= AXIS_TICKS:
            return step, [k * step for k in range(first - 1, last + 2)]
    raise ValueError("no step fits")  # the steps given never end


def money_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks a 1, 2 or 5 step apart across [low, high] (_spaced; 0 among them when the axis reaches it), each written
    as money in the language spoken with the fewest digits at which it differs from the points 0.6 of a step either
    side, which are the fewest that write it exactly: '500 M$', '1,0 Md$', '1,5 Md$'; '5억 달러', '15억 달러'."""
    step, values = _spaced(low, high, _nice(((high - low) or abs(high) or 1.0) / AXIS_TICKS))

    def text(value: float) -> str:
        for digits in range(3):
            shown = money(value, digits=digits)
            if shown not in (money(value - 0.6 * step, digits=digits), money(value + 0.6 * step, digits=digits)):
                return shown
        return shown

    return values, [text(value) for value in values]


MONTH_STEPS = (1, 2, 3, 6)  # months between date ticks; then whole years, 1, 2 or 5 times a power of ten apart


def date_ticks(start, end) -> tuple[list[str], list[str]]:
    """Ticks on the first of a month across [start, end] (_spaced, in months from January of year 0, so that they
    fall on January and the months a step after it), written as the language spoken writes a month ('2026년 2월',
    'févr. 2026'), or by the year alone when they are a year or more apart ('2026')."""
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    low = first.year * 12 + first.month - 1 + (first != first.to_period("M").to_timestamp())
    step, indices = _spaced(low, last.year * 12 + last.month - 1, itertools.chain(MONTH_STEPS, (12 * years for years in _nice())))
    dates = [dt.date(index // 12, index % 12 + 1, 1) for index in indices]
    return [date.isoformat() for date in dates], [month(date) if step < 12 else str(date.year) for date in dates]


def date_xaxis(start, end) -> dict:
    """A date x axis's ticks across [start, end]: plotly's own in English; plotly writes English month names
    alone, so other languages get date_ticks'."""
    if spoken() == "en":
        return {}
    tickvals, ticktext = date_ticks(start, end)
    return dict(tickvals=tickvals, ticktext=ticktext)


def month_hover(dates, amounts) -> tuple[object, str, str]:
    """Hover data for amounts at months: (customdata, the month and the amount as a hovertemplate refers to them).
    In English plotly writes the month from x (%{x|%b %Y}), cheap as a slider moves; its month names are English,
    so in other languages each point carries its month (lib.locale_forms.month) beside its amount."""
    lang = spoken()
    if lang == "en":
        return amounts, "%{x|%b %Y}", "%{customdata}"
    return [[_month_of(date, lang), amount] for date, amount in zip(dates, amounts)], "%{customdata[0]}", "%{customdata[1]}"


@lru_cache(maxsize=4096)
def _month_of(when: pd.Timestamp, lang: str) -> str:
    """month(), remembered: a slider move rebuilds the same months' hovers."""
    return month(when, lang)


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
    for label, line, (_left, _right, row, anchor, text) in zip(labels, lines, boxes):
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
    nudge_apart(ends, END_LABEL_LINE)
    for height, x, text, colour in ends:  # on a log axis an annotation's y is the value's log10, as scaled here
        figure.add_annotation(end_label(x, low + height * span, text, colour))
    figure.update_layout(margin_r=max(figure.layout.margin.r or 0, end_labels_margin(text for _, _, text, _ in ends)), showlegend=any(
        trace.showlegend is not False for trace in figure.data), legend_traceorder="normal")  # groups would stack the rest


def nudge_apart(ends: list[list], line: float, floor: float | None = None) -> None:
    """Line-end labels ([position, x, lines of text, colour], highest first) moved apart in place: top down, each at
    least half of both labels' heights below the one above (line: a line of text, in the positions' units); given a
    floor, none lower than it, and those above moved up to keep their gaps."""
    for above, below in zip(ends, ends[1:]):
        below[0] = min(below[0], above[0] - (len(above[2]) + len(below[2])) / 2 * line)
    if floor is not None:
        ends[-1][0] = max(ends[-1][0], floor + len(ends[-1][2]) / 2 * line)
        for below, above in zip(ends[::-1], ends[-2::-1]):
            above[0] = max(above[0], below[0] + (len(above[2]) + len(below[2])) / 2 * line)


def end_label(x, y, text: list[str], colour: str, **axes) -> dict:
    """A line's name at its last point, in its colour (axes: e.g. yref="y2" for a second panel)."""
    return dict(x=x, y=y, text="<br>".join(text), name=END_LABEL, showarrow=False, xanchor="left", yanchor="middle", xshift=6,
                align="left", bgcolor="rgba(255,255,255,0.8)", font=dict(size=END_LABEL_PX, color=colour), **axes)


def end_labels_margin(texts) -> int:
    """The right margin (px) that holds line-end labels (texts: each label's lines) on screen."""
    return round(max(text_px(line, END_LABEL_PX) for text in texts for line in text)) + 16


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


GAP_COLOUR = "#d55e00"


def log_ticks(low: float, high: float, mantissas: tuple[int, ...] = (1, 2, 5)) -> tuple[list[float], list[str]]:
    """Ticks at 1, 2 and 5 (or the mantissas given) times a power of ten across [low, high], labelled as money in the
    language spoken ($2B, $5B, $10B; 20억 달러)."""
    values = [m * 10 ** k for k in range(int(math.floor(math.log10(max(low, 1)))), int(math.ceil(math.log10(max(high, 1)))) + 1)
              for m in mantissas]
    shown = [v for v in values if low <= v <= high] or [low, high]
    return shown, [format_usd(v, digits=0) for v in shown]
