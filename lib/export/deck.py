"""The deck: a 16:9 PowerPoint of charts, with the quotes behind the numbers in the speaker notes and closing
Sources slides that cite every article and carry the stamp. Images are PNG (PowerPoint takes no SVG), drawn by
the renderer passed in.
"""
from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from lib.chart_layout import Chart
from lib.export.renderer import Renderer
from lib.export.stamp import Stamp, is_address
from lib.export.theme import fitted_source_line, slide_figure, wrap
from lib.formatting import claim_figure, format_usd, quotes_in_order, source_kind_label
from lib.i18n import N_, _, ngettext
from lib.locale_forms import day
from lib.peers import CITATION, EPOCH_PAGE, FULL_CITATION, KINDS, LICENCE, confidence_text

DECK_TITLE = N_("Burnboard: AI burn rates")
SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 in x 7.5 in, PowerPoint's 16:9
MARGIN = Inches(0.5)
CONTENT_W = SLIDE_W - 2 * MARGIN
CONTENT_PT = CONTENT_W / Pt(1)
IMAGE_PX = 1600  # layout width of deck images: type stays readable at 12.3 in, drawn at 2x for sharpness
SOURCE_PT = 12
DECK_FONT = "Arial"  # on every PowerPoint; LibreOffice substitutes the metric-compatible Liberation Sans
DECK_EM = 1.15  # slide text runs wider than the chart font
INSET = Inches(0.1)  # a text box's top and bottom insets together
CITATIONS_PER_SLIDE = 8
INK_RGB, MUTED_RGB = RGBColor(0x1A, 0x1A, 0x1A), RGBColor(0x55, 0x55, 0x55)


SLIDES = {  # the deck's slides a reader may choose, in the order lib.dashboard.build_charts makes them; shown through _()
    "timeline": N_("Money over time"),
    "waterfall": N_("Waterfall: revenue to loss"),
    "runway": N_("Cash runway"),
    "runway-sensitivity": N_("Runway: sensitivity"),
    "runway-uncertainty": N_("Runway: uncertainty fan"),
    "runway-scenarios": N_("Runway: saved scenarios"),
    "then-and-now": N_("Runway: then vs now"),
    "by-year": N_("Revenue, loss and burn by year"),
    "burn-rate": N_("Burn per day and month"),
    "disagreements": N_("Where the sources disagree"),
    "compute-vs-revenue": N_("Compute beside revenue (Epoch AI)"),
}


def slide_kind(chart_name: str) -> str:
    """Which of SLIDES a chart is, by its name: 'openai-waterfall-2024' is 'waterfall'; '' for none."""
    name = re.sub(r"-waterfall-[^-]+$", "-waterfall", chart_name.removesuffix("-epoch"))
    return next((kind for kind in sorted(SLIDES, key=len, reverse=True) if name == kind or name.endswith(f"-{kind}")), "")


def default_slides(retitled: Iterable[str]) -> list[str]:
    """Every slide kind, those of the charts the reader retitled (retitled: chart names) first, each group in
    SLIDES' order."""
    first = {slide_kind(name) for name in retitled}
    return [kind for kind in SLIDES if kind in first] + [kind for kind in SLIDES if kind not in first]


def chosen_charts(charts: Sequence[Chart], kinds: Sequence[str]) -> list[Chart]:
    """The charts of the kinds chosen, in the order chosen; a kind none of the charts is (the data cannot draw it
    for this company) is left out."""
    return [chart for kind in dict.fromkeys(kinds) for chart in charts if slide_kind(chart.name) == kind]


def _style(paragraph, size: float, colour: RGBColor, bold: bool = False) -> None:
    paragraph.alignment = PP_ALIGN.LEFT
    for run in paragraph.runs:
        run.font.name, run.font.size, run.font.bold, run.font.color.rgb = DECK_FONT, Pt(size), bold, colour


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _fit(text: str, sizes: tuple[float, ...], max_lines: int, bold: bool = False) -> tuple[float, int]:
    """The largest of sizes (pt) at which text wraps to max_lines lines across the slide, and its lines."""
    for size in sizes:
        lines = len(wrap(text, size * DECK_EM * (1.1 if bold else 1), CONTENT_PT))
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
    peers = next((chart.peers for chart in charts if chart.uses_peers), None)
    if used.empty and peers is not None:
        return _("{company} · Epoch AI's data on AI companies ({licence})").format(
            company=peers["company"].value_counts().index[0], licence=LICENCE)
    if used.empty:
        return _("No claims match these settings")
    company = used["entity"].value_counts().index[0]
    articles = used.drop_duplicates(["source_publisher", "source_title"])
    latest = articles["source_published"].max()
    undated = int(articles["source_published"].isna().sum())
    figures = ngettext("figures from {count} article", "figures from {count} articles", len(articles)).format(count=len(articles))
    if not pd.isna(latest):
        figures = _("{figures} published up to {date}").format(figures=figures, date=day(latest))
    if undated:
        figures = _("{figures} ({count} undated)").format(figures=figures, count=undated)
    return f"{company} · {figures}"


NOTES_HEADINGS = (N_("The numbers on this slide"), N_("Where they come from"), N_("Caveats"))


def _quote(claim) -> str:
    """The quote and its English translation, when it differs, after a slash: the one in the reader's language
    first (lib.formatting.quotes_in_order)."""
    return " / ".join(text for _language, text in quotes_in_order(claim["quote"], claim["quote_en"], claim["source_language"]))


def _article(claim) -> str:
    """'News outlet: Digital Times, “Title” (2026-02-01)': the kind of source, its publisher, title and date."""
    label = source_kind_label(claim)
    publisher = str(claim["source_publisher"])
    title = claim.get("source_title")
    return label.replace(f"{publisher} (", f"{publisher}, “{title}” (", 1) if isinstance(title, str) and title else label


def _notes(chart: Chart) -> str:
    """Speaker notes in three headed sections: the numbers on the slide (the subtitle; the chart's description, with
    the exact assumptions the subtitle leaves out; each claim's figure and basis; each Epoch AI row drawn); where they
    come from (each quote once, with its article and date, and Epoch AI's citation); the caveats (each audit finding
    once, when the claims carry a findings column, lib.checks.annotate)."""
    numbers, sources, caveats = [chart.subtitle, *([chart.description] if chart.description else [])], [], []
    quoted: dict[str, dict[str, list[str]]] = {}  # article -> quote -> the claims that quote it
    for _index, claim in chart.claims.iterrows():  # not `_`, which is the translation
        figure = claim_figure(claim)
        numbers.append(f"- {claim['id']}: {f'{figure}, ' if figure else ''}{claim['basis']}")
        quoted.setdefault(_article(claim), {}).setdefault(_quote(claim), []).append(str(claim["id"]))
        findings = claim.get("findings")
        caveats += [f for f in findings.split("\n") if f not in caveats] if isinstance(findings, str) and findings else []
    for article, quotes in quoted.items():
        sources += [article, *(f"- {quote} ({', '.join(ids)})" for quote, ids in quotes.items())]
    if chart.uses_peers:
        for _index, row in chart.peers.iterrows():
            confidence = confidence_text(row["confidence"], _("no confidence given"))
            numbers.append(f"- {row['id']}: " + _("{value}, Epoch AI's {kind} on {date} ({confidence})").format(
                value=format_usd(row["value_usd"]), kind=_(KINDS[row["kind"]].label).lower(), date=f"{row['date']:%Y-%m-%d}",
                confidence=confidence))
        urls = list(dict.fromkeys(url for url in chart.peers["url_1"] if isinstance(url, str) and url))
        sources += [_("Peer data: {citation}").format(citation=FULL_CITATION), *(f"- {url}" for url in urls)]
    sections = (numbers, sources or [_("No claims behind this chart.")],
                [f"- {finding}" for finding in caveats] or ["- " + _("The audit found nothing about these claims.")])
    return "\n\n".join("\n".join([_(heading), *lines]) for heading, lines in zip(NOTES_HEADINGS, sections))


def _chart_slide(slide, chart: Chart, renderer: Renderer) -> None:
    """Title, units, the image in whatever height the text leaves, the source line, the quotes in the notes."""
    title_pt, title_lines = _fit(chart.title, (30, 26, 22), 2, bold=True)
    subtitle_pt, subtitle_lines = _fit(chart.subtitle, (16, 14, 12), 3)
    source = fitted_source_line(chart, SOURCE_PT * DECK_EM, CONTENT_PT)
    top = Inches(0.25)
    _title(slide, chart.title, title_pt, top, _height(title_pt, title_lines))
    top += _height(title_pt, title_lines)
    _textbox(slide, top, _height(subtitle_pt, subtitle_lines), chart.subtitle, subtitle_pt)
    top += _height(subtitle_pt, subtitle_lines) + Inches(0.1)
    source_height = _height(SOURCE_PT, len(wrap(source, SOURCE_PT * DECK_EM, CONTENT_PT)))
    source_top = SLIDE_H - Inches(0.15) - source_height
    image_height = Emu(source_top - Inches(0.05) - top)
    figure = slide_figure(chart, IMAGE_PX, round(IMAGE_PX * image_height / CONTENT_W), frame=False)
    picture = slide.shapes.add_picture(io.BytesIO(renderer.render(figure, "png", scale=2)), MARGIN, top, CONTENT_W, image_height)
    picture._element.nvPicPr.cNvPr.set("descr", chart.alt_text)  # what a screen reader says for the picture
    _textbox(slide, source_top, source_height, source, SOURCE_PT)
    slide.notes_slide.notes_text_frame.text = _notes(chart)


def _peer_citation(paragraph) -> None:
    """Epoch AI's data cited as Epoch asks, its page linked, on the last Sources slide."""
    paragraph.text = _("Peer data: {citation} Licence: {licence}.").format(citation=CITATION, licence=LICENCE)
    run = paragraph.add_run()
    run.text = f" {EPOCH_PAGE}"
    run.hyperlink.address = EPOCH_PAGE
    _style(paragraph, 16, INK_RGB)


def _stamp(slide, stamp: Stamp) -> None:
    """The small print that makes the deck reproducible, its link clickable."""
    text = _("To reproduce: {stamp}").format(stamp=stamp.text)
    size = 11
    height = _height(size, len(wrap(text, size * DECK_EM, CONTENT_PT)))
    before, _link, after = text.rpartition(stamp.link)  # the link where the language puts it, last in English
    paragraph = _textbox(slide, SLIDE_H - Inches(0.2) - height, height, before, size).paragraphs[0]
    link = paragraph.add_run()
    link.text = stamp.link
    if is_address(stamp.link):
        link.hyperlink.address = stamp.link
    if after:
        paragraph.add_run().text = after
    _style(paragraph, size, MUTED_RGB)


def deck_bytes(charts: list[Chart], title: str | None = None, subtitle: str | None = None, *, stamp: Stamp,
               renderer: Renderer, claims: pd.DataFrame | None = None) -> bytes:
    """A 16:9 PowerPoint deck: a title slide, one slide per chart (image, title, units, sources; the quotes in
    the speaker notes) and closing Sources slides citing every article, the stamp at their foot.

    title defaults to DECK_TITLE, subtitle to the company and the latest article date. claims, the loaded claims frame, supplies
    the articles' urls when the charts' claim frames lack a source_url column. Raises ExportUnavailable.
    """
    if not charts:
        raise ValueError("a deck needs at least one chart")
    title = _(DECK_TITLE) if title is None else title
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
        _chart_slide(deck.slides.add_slide(title_only), chart, renderer)

    citations = _citations(charts, claims)
    peer_data = any(chart.uses_peers for chart in charts)
    pages = max(1, math.ceil((len(citations) + peer_data) / CITATIONS_PER_SLIDE))
    for page in range(pages):
        slide = deck.slides.add_slide(title_only)
        heading = _("Sources") if pages == 1 else _("Sources ({page}/{pages})").format(page=page + 1, pages=pages)
        _title(slide, heading, 30, Inches(0.25), Inches(0.7))
        frame = _textbox(slide, Inches(1.2), Inches(5.5), "", 16, INK_RGB)
        chunk = citations.iloc[page * CITATIONS_PER_SLIDE:(page + 1) * CITATIONS_PER_SLIDE]
        for number, (_index, article) in enumerate(chunk.iterrows()):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            when = _("undated") if pd.isna(article["source_published"]) else article["source_published"].date().isoformat()
            paragraph.text = f"{article['source_publisher']}. “{article['source_title']}”. {when}."
            url = article["source_url"]
            if isinstance(url, str) and url:
                run = paragraph.add_run()
                run.text = f" {url}"
                run.hyperlink.address = url
            paragraph.space_after = Pt(8)
            _style(paragraph, 16, INK_RGB)
        if citations.empty and not peer_data:
            frame.text = _("No articles: no claims match these settings.")
            _style(frame.paragraphs[0], 16, INK_RGB)
        if page == pages - 1 and peer_data:
            _peer_citation(frame.paragraphs[0] if chunk.empty else frame.add_paragraph())
        _stamp(slide, stamp)

    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
