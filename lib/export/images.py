"""Slide images: a chart as a 1920x1080 PNG "for most uses" or an SVG "for print or editing", each with its
title, units, sources and stamp. The renderer is an argument (see lib.export.renderer)."""
from __future__ import annotations

from lib.chart_layout import Chart
from lib.export.renderer import Renderer
from lib.export.stamp import Stamp
from lib.export.theme import slide_figure


def png_bytes(chart: Chart, *, stamp: Stamp, renderer: Renderer) -> bytes:
    """The slide image: 1920x1080 PNG with title, units, sources and stamp. Raises ExportUnavailable."""
    return renderer.render(slide_figure(chart, stamp=stamp), "png")


def svg_bytes(chart: Chart, *, stamp: Stamp, renderer: Renderer) -> bytes:
    """The same image as SVG, its text as text, for print and editing. Raises ExportUnavailable."""
    return renderer.render(slide_figure(chart, stamp=stamp), "svg")
