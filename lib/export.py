"""Chart downloads after Our World in Data's: slide-ready PNG and SVG, the data drawn as CSV, and a deck.

Every image carries its title, units and sources, so it can be dropped into a slide or a report and still say
where its numbers come from. Images are drawn by kaleido in one headless Chromium that is started once and
kept warm, so exports after the first take a fraction of a second. Pure Python: nothing here imports Streamlit.

Command line: ``python -m lib.export --out DIR`` writes every chart as PNG, SVG and CSV plus deck.pptx.
"""
from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import html
import io
import math
import re
import sys
import threading
import time
import unicodedata
from pathlib import Path

import kaleido
import pandas as pd
import plotly.graph_objects as go
from choreographer.browsers.chromium import Chromium
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from lib.charts import FONT, Chart, source_label
from lib.claims import ClaimsError, load_claims
from lib.dashboard import build_charts

WIDTH, HEIGHT = 1920, 1080  # a 16:9 slide at full HD
EDGE = 60  # px from the canvas edge to the title and the source line
TITLE_PX, SUBTITLE_PX, BASE_PX, TICK_PX, ANNOTATION_PX, SOURCE_PX = 44, 26, 24, 22, 16, 18
ANNOTATION_SCALE = 1.45  # sized annotations (event labels, notes) grow less than the rest: they must still fit
THICKER = 1.5  # lines and markers are drawn this much thicker than on screen, for projectors
MAX_SOURCE_LINES = 3
LEGEND_LINE = 1.5  # a legend entry's height, in font sizes (measured on kaleido's output)
LINE_SPACING = 1.3  # plotly's line height for <br>-separated lines, in font sizes
INK, MUTED, GRID = "#1a1a1a", "#555555", "#d9d9d9"
DECK_TITLE = "Burnboard: AI burn rates"
FORMATS = ("png", "svg", "csv", "pptx")
START_TIMEOUT = RENDER_TIMEOUT = 60.0  # seconds
NO_CHROMIUM = "Chromium is not installed: install the 'chromium' package to download images."


class ExportUnavailable(RuntimeError):
    """Images cannot be drawn here; the message says why (Chromium missing, would not start, or failed)."""


# ---------------------------------------------------------------- slide theme

def _text_px(text: str, size: float) -> float:
    """Rough rendered width, on the wide side: CJK characters take about 1 em, others about 0.52 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.52 * size for c in text)


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to a width (px or pt, as size); plotly never wraps text itself."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and _text_px(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _fitted_source_line(chart: Chart, size: float, width: float) -> str:
    """The source line, or, when it needs more than MAX_SOURCE_LINES lines, every source with the first claim
    ids and "and N more" (the deck's notes and the dashboard list them all)."""
    full = chart.source_line
    head, found, tail = full.partition(". Claims: ")
    if len(_wrap(full, size, width)) <= MAX_SOURCE_LINES or not found:
        return full
    ids = tail.rstrip(".").split(", ")
    for keep in range(len(ids) - 1, 0, -1):
        text = f"{head}. Claims: {', '.join(ids[:keep] + [f'and {len(ids) - keep} more.'])}"
        if len(_wrap(text, size, width)) <= MAX_SOURCE_LINES:
            return text
    return f"{head}. {len(ids)} claims."


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


def _legend(figure: go.Figure, plot_height: float, frame: bool) -> dict:
    """A column at the right, its type shrunk (to 12 px at worst) until every entry fits the plot's height; or,
    without the frame, rows along the top, where plotly itself makes room (nothing else is up there)."""
    if not frame:
        return dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", font=dict(size=TICK_PX))
    entries = sum(trace.showlegend is not False for trace in figure.data)
    size = max(12, min(TICK_PX, math.floor(plot_height / (max(entries, 1) * LEGEND_LINE))))
    return dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top", font=dict(size=size), tracegroupgap=0)


def slide_figure(chart: Chart, width: int = WIDTH, height: int = HEIGHT, *, frame: bool = True) -> go.Figure:
    """A copy of the chart's figure themed for a projector: white background, large type, thicker lines, the
    legend at the right, the title and subtitle (units and assumptions) on top and the source line at the bottom.

    frame=False leaves out title, subtitle and source line (and puts the legend on top), for the deck, whose
    slides carry them as text.
    """
    figure = go.Figure(chart.figure)
    _thicken(figure)
    for annotation in figure.layout.annotations:  # those without a size inherit BASE_PX
        if annotation.font.size:
            annotation.font.size = max(ANNOTATION_PX, round(annotation.font.size * ANNOTATION_SCALE))
    inner = width - 2 * EDGE
    top, bottom = 40, 100
    if frame:
        title = _wrap(chart.title, TITLE_PX, inner)
        subtitle = _wrap(chart.subtitle, SUBTITLE_PX, inner)
        source = _wrap(_fitted_source_line(chart, SOURCE_PX, inner), SOURCE_PX, inner)
        text_height = (len(title) * TITLE_PX + len(subtitle) * SUBTITLE_PX) * LINE_SPACING
        top = round(EDGE / 2 + text_height + 56)
        bottom = round(110 + len(source) * SOURCE_PX * LINE_SPACING + EDGE / 2)
        figure.update_layout(
            title=dict(
                text=_lines(title), x=EDGE / width, xref="container", xanchor="left",
                # plotly sets a title of several lines 0.7 em higher than one of a single line (measured)
                y=1 - (EDGE / 2 + (0.7 * TITLE_PX if len(title) > 1 else 0)) / height, yref="container", yanchor="top",
                font=dict(size=TITLE_PX, color=INK),
                subtitle=dict(text=_lines(subtitle), font=dict(size=SUBTITLE_PX, color=MUTED)),
            ),
        )
    left = 170
    figure.update_layout(
        width=width, height=height, template="plotly_white",
        paper_bgcolor="white", plot_bgcolor="white",
        font=dict(family=FONT, size=BASE_PX, color=INK),
        margin=dict(l=left, r=EDGE, t=top, b=bottom),
        legend=_legend(figure, height - top - bottom, frame),
    )
    if frame:
        figure.add_annotation(
            text=_lines(source), xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="bottom",
            xshift=EDGE - left, yshift=EDGE / 2 - bottom, align="left", showarrow=False,
            font=dict(size=SOURCE_PX, color=MUTED),
        )
    figure.update_xaxes(tickfont_size=TICK_PX, title_font_size=BASE_PX, gridcolor=GRID, title_standoff=14)
    figure.update_yaxes(tickfont_size=TICK_PX, title_font_size=BASE_PX, gridcolor=GRID, title_standoff=14)
    return figure


# ---------------------------------------------------------------- warm renderer

class _Renderer:
    """One kaleido (headless Chromium) kept open on its own event-loop thread.

    Not kaleido.start_sync_server(): when Chromium fails to start, that server's thread dies and every call
    waits forever on a queue nobody serves. Here each call is a future, so errors arrive and waits time out.
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="burnboard-kaleido", daemon=True).start()
        try:
            self._kaleido = self._run(self._open(), START_TIMEOUT)
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise

    @staticmethod
    async def _open() -> kaleido.Kaleido:
        browser = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False)  # no MathJax: no network
        await browser.open()
        return browser

    def _run(self, coroutine, timeout: float):
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise TimeoutError(f"no answer within {timeout:.0f} s") from None

    def render(self, figure: go.Figure, image_format: str, scale: float) -> bytes:
        opts = {"format": image_format, "width": figure.layout.width, "height": figure.layout.height, "scale": scale}
        return self._run(self._kaleido.calc_fig(figure.to_dict(), opts=opts), RENDER_TIMEOUT + 5)

    def close(self) -> None:
        """Close Chromium and stop the loop; never raises (it runs when something already went wrong)."""
        with contextlib.suppress(Exception):
            self._run(self._kaleido.close(), 10)
        self._loop.call_soon_threadsafe(self._loop.stop)


_lock = threading.Lock()  # one start at a time, and renders in turn (kaleido has one tab)
_renderer: _Renderer | None = None


def _describe(err: BaseException) -> str:
    """An error's first line (choreographer puts several sentences in args), for a one-line message."""
    text = (err.args[0] if err.args and isinstance(err.args[0], str) else str(err)).strip()
    return text.splitlines()[0].rstrip(".") if text else type(err).__name__


def _browser_path() -> str | None:
    """Where kaleido would find Chromium (BROWSER_PATH, PATH, its own download), without starting it."""
    return Chromium.find_browser(skip_local=False)


def _started() -> _Renderer:
    """The warm renderer, started on first use; the caller holds _lock."""
    global _renderer
    if _renderer is None:
        if _browser_path() is None:
            raise ExportUnavailable(NO_CHROMIUM)
        try:
            _renderer = _Renderer()
        except Exception as err:
            raise ExportUnavailable(f"Chromium did not start ({_describe(err)}).") from err
    return _renderer


def renderer_found() -> tuple[bool, str]:
    """(True, "available") when Chromium is installed, else (False, why). Starts nothing: cheap enough to decide
    which download buttons a page shows; the renderer itself starts on the first image."""
    return (True, "available") if _browser_path() is not None else (False, NO_CHROMIUM)


def renderer_status() -> tuple[bool, str]:
    """(True, "available") when images can be drawn, else (False, why). Starts the renderer when needed, so the
    answer is tested, not guessed, and the first download is already warm."""
    with _lock:
        try:
            _started()
        except ExportUnavailable as err:
            return False, str(err)
    return True, "available"


def _render(figure: go.Figure, image_format: str, scale: float = 1) -> bytes:
    """Draw a figure; a failed renderer is dropped so that the next call starts a fresh one."""
    global _renderer
    with _lock:
        renderer = _started()
        try:
            return renderer.render(figure, image_format, scale)
        except Exception as err:
            _renderer = None
            renderer.close()
            raise ExportUnavailable(f"Chromium could not draw the chart ({_describe(err)}).") from err


@atexit.register
def _close_renderer() -> None:
    if _renderer is not None:
        _renderer.close()


# ---------------------------------------------------------------- single-chart downloads

def png_bytes(chart: Chart) -> bytes:
    """The slide image: 1920x1080 PNG with title, units and sources. Raises ExportUnavailable."""
    return _render(slide_figure(chart), "png")


def svg_bytes(chart: Chart) -> bytes:
    """The same image as SVG, its title and source line as text, for print and editing. Raises ExportUnavailable."""
    return _render(slide_figure(chart), "svg")


def csv_bytes(chart: Chart) -> bytes:
    """The data drawn, as UTF-8 CSV with a header; dates in ISO 8601 (a plain date when there is no time)."""
    frame = chart.data.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            present = values.dropna()
            midnight = bool((present == present.dt.normalize()).all())
            frame[column] = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def file_names(chart: Chart) -> dict[str, str]:
    """Download names from the chart's slug: {"png": "openai-timeline.png", "svg": ..., "csv": ...}."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", chart.name).strip("-.") or "chart"
    return {kind: f"{stem}.{kind}" for kind in ("png", "svg", "csv")}


def toolbar_config(chart: Chart) -> dict:
    """Plotly config so the camera button on screen also saves a 1920x1080 PNG named after the chart."""
    return {
        "toImageButtonOptions": {"format": "png", "filename": chart.name, "width": WIDTH, "height": HEIGHT, "scale": 1},
        "displaylogo": False,
    }


# ---------------------------------------------------------------- deck

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 in x 7.5 in, PowerPoint's 16:9
MARGIN = Inches(0.5)
CONTENT_W = SLIDE_W - 2 * MARGIN
CONTENT_PT = CONTENT_W / Pt(1)
IMAGE_PX = 1600  # layout width of deck images: type stays readable at 12.3 in, drawn at 2x for sharpness
SOURCE_PT = 12
DECK_EM = 1.15  # slide text runs wider than the chart font (Calibri, or whatever stands in for it)
INSET = Inches(0.1)  # a text box's top and bottom insets together
CITATIONS_PER_SLIDE = 8
INK_RGB, MUTED_RGB = RGBColor(0x1A, 0x1A, 0x1A), RGBColor(0x55, 0x55, 0x55)


def _style(paragraph, size: float, colour: RGBColor, bold: bool = False) -> None:
    paragraph.alignment = PP_ALIGN.LEFT
    for run in paragraph.runs:
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _fit(text: str, sizes: tuple[float, ...], max_lines: int, bold: bool = False) -> tuple[float, int]:
    """The largest of sizes (pt) at which text wraps to max_lines lines across the slide, and its lines."""
    for size in sizes:
        lines = len(_wrap(text, size * DECK_EM * (1.1 if bold else 1), CONTENT_PT))
        if lines <= max_lines:
            break
    return size, lines


def _height(size: float, lines: int) -> Emu:
    return Emu(Pt(size * 1.2 * lines) + INSET)


def _title(slide, text: str, size: float, top, height) -> None:
    """Fill the layout's title placeholder (it stays the slide's title for outlines and screen readers)."""
    shape = slide.shapes.title
    _place(shape, MARGIN, top, CONTENT_W, height)
    shape.text_frame.text = text
    shape.text_frame.word_wrap = True
    shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _style(shape.text_frame.paragraphs[0], size, INK_RGB, bold=True)


def _textbox(slide, top, height, text: str, size: float, colour: RGBColor = MUTED_RGB):
    frame = slide.shapes.add_textbox(MARGIN, top, CONTENT_W, height).text_frame
    frame.word_wrap = True
    frame.text = text
    _style(frame.paragraphs[0], size, colour)
    return frame


def _citations(charts: list[Chart], claims: pd.DataFrame | None) -> pd.DataFrame:
    """Every article behind the charts, oldest first, undated last: publisher, title, published, url."""
    used = pd.concat([chart.claims for chart in charts], ignore_index=True)
    if "source_url" not in used and claims is not None:
        used = used.merge(claims[["id", "source_url"]].drop_duplicates("id"), on="id", how="left")
    if "source_url" not in used:
        used = used.assign(source_url=None)
    articles = used.drop_duplicates(["source_publisher", "source_title"])
    return articles.sort_values("source_published", na_position="last", kind="mergesort")[
        ["source_publisher", "source_title", "source_published", "source_url"]
    ]


def _default_subtitle(charts: list[Chart]) -> str:
    """'OpenAI · figures from 5 articles published up to 1 February 2026 (3 undated)'."""
    used = pd.concat([chart.claims for chart in charts], ignore_index=True)
    if used.empty:
        return "No claims match these settings"
    company = used["entity"].value_counts().index[0]
    articles = used.drop_duplicates(["source_publisher", "source_title"])
    latest = articles["source_published"].max()
    undated = int(articles["source_published"].isna().sum())
    text = f"{company} · figures from {len(articles)} article{'s' * (len(articles) != 1)}"
    if not pd.isna(latest):
        text += f" published up to {latest.day} {latest:%B %Y}"
    return text + (f" ({undated} undated)" if undated else "")


def _notes(chart: Chart) -> str:
    """Speaker notes: each claim with its article and quote, the English translation after a slash."""
    lines = [chart.subtitle, "", "The quotes behind the numbers:"]
    for _, claim in chart.claims.iterrows():
        quote = str(claim["quote"]).strip()
        english = claim["quote_en"]
        if isinstance(english, str) and english.strip() and english.strip() != quote:
            quote = f"{quote} / {english.strip()}"
        lines.append(f"{claim['id']} — {source_label(claim)}: {quote}")
    return "\n".join(lines)


def _chart_slide(slide, chart: Chart) -> None:
    """Title, units, the image in whatever height the text leaves, the source line, the quotes in the notes."""
    title_pt, title_lines = _fit(chart.title, (30, 26, 22), 2, bold=True)
    subtitle_pt, subtitle_lines = _fit(chart.subtitle, (16, 14, 12), 3)
    source = _fitted_source_line(chart, SOURCE_PT * DECK_EM, CONTENT_PT)
    top = Inches(0.25)
    _title(slide, chart.title, title_pt, top, _height(title_pt, title_lines))
    top += _height(title_pt, title_lines)
    _textbox(slide, top, _height(subtitle_pt, subtitle_lines), chart.subtitle, subtitle_pt)
    top += _height(subtitle_pt, subtitle_lines) + Inches(0.1)
    source_height = _height(SOURCE_PT, len(_wrap(source, SOURCE_PT * DECK_EM, CONTENT_PT)))
    source_top = SLIDE_H - Inches(0.15) - source_height
    image_height = Emu(source_top - Inches(0.05) - top)
    figure = slide_figure(chart, IMAGE_PX, round(IMAGE_PX * image_height / CONTENT_W), frame=False)
    picture = slide.shapes.add_picture(io.BytesIO(_render(figure, "png", scale=2)), MARGIN, top, CONTENT_W, image_height)
    picture._element.nvPicPr.cNvPr.set("descr", f"{chart.title}. {chart.subtitle}")  # alt text
    _textbox(slide, source_top, source_height, source, SOURCE_PT)
    slide.notes_slide.notes_text_frame.text = _notes(chart)


def deck_bytes(charts: list[Chart], title: str = DECK_TITLE, subtitle: str | None = None, *,
               claims: pd.DataFrame | None = None) -> bytes:
    """A 16:9 PowerPoint deck: a title slide, one slide per chart (image, title, units, sources; the quotes in
    the speaker notes) and closing Sources slides citing every article. PNG images (PowerPoint takes no SVG).

    subtitle defaults to the company and the latest article date. claims, the loaded claims frame, supplies
    the articles' urls when the charts' claim frames lack a source_url column. Raises ExportUnavailable.
    """
    if not charts:
        raise ValueError("a deck needs at least one chart")
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    deck.core_properties.title = title
    title_layout, title_only = deck.slide_layouts[0], deck.slide_layouts[5]

    cover = deck.slides.add_slide(title_layout)
    _title(cover, title, 44, Inches(2.2), Inches(1.4))
    body = cover.placeholders[1]
    _place(body, MARGIN, Inches(3.7), CONTENT_W, Inches(1.2))
    body.text_frame.text = subtitle if subtitle is not None else _default_subtitle(charts)
    body.text_frame.word_wrap = True
    _style(body.text_frame.paragraphs[0], 24, MUTED_RGB)

    for chart in charts:
        _chart_slide(deck.slides.add_slide(title_only), chart)

    citations = _citations(charts, claims)
    pages = max(1, math.ceil(len(citations) / CITATIONS_PER_SLIDE))
    for page in range(pages):
        slide = deck.slides.add_slide(title_only)
        _title(slide, "Sources" if pages == 1 else f"Sources ({page + 1}/{pages})", 30, Inches(0.25), Inches(0.7))
        frame = _textbox(slide, Inches(1.2), Inches(5.9), "", 16, INK_RGB)
        chunk = citations.iloc[page * CITATIONS_PER_SLIDE:(page + 1) * CITATIONS_PER_SLIDE]
        for number, (_, article) in enumerate(chunk.iterrows()):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            when = "undated" if pd.isna(article["source_published"]) else article["source_published"].date().isoformat()
            paragraph.text = f"{article['source_publisher']}. “{article['source_title']}”. {when}."
            url = article["source_url"]
            if isinstance(url, str) and url:
                run = paragraph.add_run()
                run.text = f" {url}"
                run.hyperlink.address = url
            paragraph.space_after = Pt(8)
            _style(paragraph, 16, INK_RGB)
        if chunk.empty:
            frame.text = "No articles: no claims match these settings."
            _style(frame.paragraphs[0], 16, INK_RGB)

    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- command line

def _formats(text: str) -> list[str]:
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {','.join(FORMATS)}")
    return list(dict.fromkeys(chosen))


def _number(minimum: float, what: str, strict: bool = False):
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < minimum or (strict and value == minimum):
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        return value
    return parse


def _months(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of months >= 1")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lib.export",
        description="Write every Burnboard chart as PNG, SVG and CSV, plus deck.pptx, into a directory.",
    )
    money = _number(0, "an amount of US dollars >= 0")
    growth = _number(-1, "a yearly growth fraction > -1 (0.5 = +50%)", strict=True)
    parser.add_argument("--out", required=True, type=Path, help="directory to write into (created if missing)")
    parser.add_argument("--formats", type=_formats, default=list(FORMATS), help="comma-separated: png,svg,csv,pptx (default: all)")
    parser.add_argument("--company", default="OpenAI", help="company to chart (default: OpenAI)")
    parser.add_argument("--claims", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "claims.yaml",
                        help="claims file (default: the bundled data/claims.yaml)")
    parser.add_argument("--cash", dest="cash_usd", type=money, help="runway: starting cash, USD")
    parser.add_argument("--monthly-revenue", dest="monthly_revenue_usd", type=money, help="runway: revenue per month, USD")
    parser.add_argument("--monthly-cost", dest="monthly_cost_usd", type=money, help="runway: costs per month, USD")
    parser.add_argument("--revenue-growth", dest="revenue_growth_yoy", type=growth, help="runway: revenue growth a year, e.g. 0.5")
    parser.add_argument("--cost-growth", dest="cost_growth_yoy", type=growth, help="runway: cost growth a year, e.g. 0.2")
    parser.add_argument("--horizon", dest="horizon_months", type=_months, help="runway: months to project")
    return parser


RUNWAY_OPTIONS = ("cash_usd", "monthly_revenue_usd", "monthly_cost_usd", "revenue_growth_yoy", "cost_growth_yoy", "horizon_months")


WRITERS = {"png": png_bytes, "svg": svg_bytes, "csv": csv_bytes}


class _Failure(Exception):
    """A failure the command line reports as these lines on stderr."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def _export(args: argparse.Namespace) -> list[Path]:
    """Write the requested files; raises _Failure with the lines to print."""
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        probe = args.out / ".burnboard-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise _Failure([f"error: cannot write to {args.out}: {err.strerror or err}"]) from err
    try:
        claims = load_claims(args.claims)
    except ClaimsError as err:
        raise _Failure(err.problems + [f"error: {args.claims} is not a valid claims file ({len(err.problems)} problems)"]) from err
    settings = {name: getattr(args, name) for name in RUNWAY_OPTIONS if getattr(args, name) is not None}
    try:
        charts = build_charts(claims, args.company, settings or None)
    except ValueError as err:
        raise _Failure([f"error: {err}"]) from err
    if set(args.formats) & {"png", "svg", "pptx"}:
        available, reason = renderer_status()
        if not available:
            raise _Failure([f"error: {reason}"])
    jobs = [(args.out / file_names(chart)[kind], lambda c=chart, k=kind: WRITERS[k](c))
            for chart in charts for kind in ("png", "svg", "csv") if kind in args.formats]
    if "pptx" in args.formats:
        jobs.append((args.out / "deck.pptx", lambda: deck_bytes(charts, claims=claims)))
    written = []
    for path, make in jobs:
        try:
            path.write_bytes(make())
        except (ExportUnavailable, OSError) as err:
            raise _Failure([f"error: cannot write {path}: {getattr(err, 'strerror', None) or err}"]) from err
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Exit 0 listing the files written; 1 with one line per problem on stderr; 2 for bad options (argparse)."""
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    try:
        written = _export(args)
    except _Failure as failure:
        print("\n".join(failure.lines), file=sys.stderr)
        return 1
    except Exception as err:  # the promise is: never a traceback
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path} ({path.stat().st_size / 1024:,.1f} KB)")
    print(f"{len(written)} files in {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
