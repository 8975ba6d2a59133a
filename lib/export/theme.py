"""The slide theme after Our World in Data's downloads: a chart restyled for a projector, with its title, units,
source line and, in small print under it, what makes it reproducible (dataset version, as-of date, link); and
what downloads are called and how the on-screen camera button saves.
"""
from __future__ import annotations

import html
import math
import re

import plotly.graph_objects as go

from lib.chart_layout import END_LABEL, FONT, Chart
from lib.checks import is_marker
from lib.export.stamp import Stamp
from lib.i18n import _
from lib.textsize import LINE_SPACING, text_px, wrap

WIDTH, HEIGHT = 1920, 1080  # a 16:9 slide at full HD
EDGE = 60  # px from the canvas edge to the title and the small print
TITLE_PX, SUBTITLE_PX, BASE_PX, TICK_PX, ANNOTATION_PX, SOURCE_PX, STAMP_PX = 44, 26, 24, 22, 16, 18, 14
LEFT_PX = 170  # the plot's left margin on a slide: a money axis's title and ticks
ANNOTATION_SCALE = 1.45  # sized annotations (event labels, notes) grow less than the rest: they must still fit
THICKER = 1.5  # lines and markers are drawn this much thicker than on screen, for projectors
MAX_SOURCE_LINES = 3
LEGEND_LINE = 1.5  # a legend entry's height, in font sizes (measured on kaleido's output)
INK, MUTED, GRID = "#1a1a1a", "#555555", "#d9d9d9"


def fitted_source_line(chart: Chart, size: float, width: float) -> str:
    """The source line, or, when it needs more than MAX_SOURCE_LINES lines, the first articles and "and N more"
    (the deck's sources slide and the dashboard list them all)."""
    full = chart.source_line
    if len(wrap(full, size, width)) <= MAX_SOURCE_LINES:
        return full
    head, tail = _("Sources: {sources}.").split("{sources}")  # the line as lib.formatting.source_line writes it
    sources = full.removeprefix(head).removesuffix(tail).rstrip(".").split("; ")
    for keep in range(len(sources) - 1, 0, -1):
        text = _("Sources: {sources}; and {count} more.").format(sources="; ".join(sources[:keep]), count=len(sources) - keep)
        if len(wrap(text, size, width)) <= MAX_SOURCE_LINES:
            return text
    return _("Sources: {count} articles (listed with the data).").format(count=len(sources))


def _lines(text_lines: list[str]) -> str:
    """Plotly text from wrapped lines: escaped, since plotly reads a subset of HTML."""
    return "<br>".join(html.escape(line, quote=False) for line in text_lines)


def _thicken(figure: go.Figure) -> None:
    """Thicker lines and bigger markers than on screen; colours are left exactly as they are."""
    for trace in figure.data:
        for part, prop in (("marker", "size"), ("line", "width")):
            obj = getattr(trace, part, None)
            value = getattr(obj, prop, None) if obj is not None else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                setattr(obj, prop, value * THICKER)


def _at_foot(figure: go.Figure) -> bool:
    """The chart put its legend at its foot (lib.runway_charts.tornado), keeping the band above its plot for a label."""
    return figure.layout.legend.yref == "container"


def _legend(figure: go.Figure, plot_height: float, frame: bool) -> dict:
    """A column at the right, its type shrunk (to 12 px at worst) until every entry fits the plot's height; or,
    without the frame, a row along the top, where plotly itself makes room, or along the foot for a chart that
    keeps the top for a label of its own."""
    if not frame:
        return dict(orientation="h", x=0, xanchor="left", y=0 if _at_foot(figure) else 1.02, yanchor="bottom",
                    yref="container" if _at_foot(figure) else "paper", font=dict(size=TICK_PX))
    entries = sum(trace.showlegend is not False for trace in figure.data)
    size = max(12, min(TICK_PX, math.floor(plot_height / (max(entries, 1) * LEGEND_LINE))))
    return dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top", yref="paper", font=dict(size=size), tracegroupgap=0)


def _right_margin(figure: go.Figure) -> int:
    """EDGE, or room for the names written at the lines' ends (lib.chart_layout.label_line_ends) at their slide size."""
    ends = [text_px(line, a.font.size) + a.xshift + 10 for a in figure.layout.annotations if a.name == END_LABEL
            for line in a.text.split("<br>")]
    return round(max([EDGE, *ends]))


def slide_figure(chart: Chart, width: int = WIDTH, height: int = HEIGHT, *, frame: bool = True,
                 stamp: Stamp | None = None) -> go.Figure:
    """A copy of the chart's figure themed for a projector: white background, large type, thicker lines, the
    legend at the right, the title and subtitle (units and assumptions) on top and the source line at the bottom,
    with the stamp (dataset version, as-of date, link) in small print under it.

    frame=False leaves out title, subtitle, source line and stamp (and puts the legend on top), for the deck,
    whose slides carry them as text. Findings markers (lib.checks) are for the screen and are left out.
    """
    figure = go.Figure(data=[trace for trace in chart.figure.data if not is_marker(trace)], layout=chart.figure.layout)
    _thicken(figure)
    for annotation in figure.layout.annotations:  # those without a size inherit BASE_PX
        if annotation.font.size:
            annotation.font.size = max(ANNOTATION_PX, round(annotation.font.size * ANNOTATION_SCALE))
    inner = width - 2 * EDGE
    foot = LEGEND_LINE * TICK_PX if _at_foot(figure) and not frame else 0  # the legend's row at the foot, and as
    top, bottom = 40 + foot, 100 + foot  # much again at the top for the label the chart keeps there
    if frame:
        title = wrap(chart.title, TITLE_PX, inner)
        subtitle = wrap(chart.subtitle, SUBTITLE_PX, inner)
        source = wrap(fitted_source_line(chart, SOURCE_PX, inner), SOURCE_PX, inner)
        small_print = wrap(stamp.text, STAMP_PX, inner) if stamp is not None else []
        small_height = len(small_print) * STAMP_PX * LINE_SPACING + (6 if small_print else 0)
        text_height = (len(title) * TITLE_PX + len(subtitle) * SUBTITLE_PX) * LINE_SPACING
        top = round(EDGE / 2 + text_height + 56)
        bottom = round(110 + len(source) * SOURCE_PX * LINE_SPACING + small_height + EDGE / 2)
        figure.update_layout(
            title=dict(
                text=_lines(title), x=EDGE / width, xref="container", xanchor="left",
                # plotly sets a title of several lines 0.7 em higher than one of a single line (measured)
                y=1 - (EDGE / 2 + (0.7 * TITLE_PX if len(title) > 1 else 0)) / height, yref="container", yanchor="top",
                font=dict(size=TITLE_PX, color=INK),
                subtitle=dict(text=_lines(subtitle), font=dict(size=SUBTITLE_PX, color=MUTED)),
            ),
        )
    # the plot's left edge: room for the axis title and ticks, or for the widest named tick (a row's name), so that
    # plotly never widens the margin itself and the source line below, placed from it, starts under the title
    left = max(LEFT_PX, round(max((text_px(str(tick), TICK_PX) for tick in figure.layout.yaxis.ticktext or ()), default=0)) + 30)
    figure.update_layout(
        width=width, height=height, template="plotly_white",
        paper_bgcolor="white", plot_bgcolor="white",
        font=dict(family=FONT, size=BASE_PX, color=INK),
        margin=dict(l=left, r=_right_margin(figure), t=top, b=bottom),
        legend=_legend(figure, height - top - bottom, frame),
    )
    if frame:
        figure.add_annotation(
            text=_lines(source), xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="bottom",
            xshift=EDGE - left, yshift=EDGE / 2 + small_height - bottom, align="left", showarrow=False,
            font=dict(size=SOURCE_PX, color=MUTED),
        )
        if small_print:
            figure.add_annotation(
                text=_lines(small_print), xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="bottom",
                xshift=EDGE - left, yshift=EDGE / 2 - bottom, align="left", showarrow=False,
                font=dict(size=STAMP_PX, color=MUTED),
            )
    figure.update_xaxes(tickfont_size=TICK_PX, title_font_size=BASE_PX, gridcolor=GRID, title_standoff=14)
    figure.update_yaxes(tickfont_size=TICK_PX, title_font_size=BASE_PX, gridcolor=GRID, title_standoff=14)
    return figure


def toolbar_config(chart: Chart) -> dict:
    """Plotly config so the camera button on screen also saves a 1920x1080 PNG named after the chart."""
    return {
        "toImageButtonOptions": {"format": "png", "filename": chart.name, "width": WIDTH, "height": HEIGHT, "scale": 1},
        "displaylogo": False,
    }


def file_names(chart: Chart) -> dict[str, str]:
    """Download names from the chart's slug: {"png": "openai-timeline.png", "svg": ..., "csv": ...}."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", chart.name).strip("-.") or "chart"
    return {kind: f"{stem}.{kind}" for kind in ("png", "svg", "csv")}
