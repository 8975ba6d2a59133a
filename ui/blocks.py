"""What pages draw besides their own widgets: chart blocks with their downloads, CSV downloads, inert text.

Downloads are built when clicked; kaleido and python-pptx are loaded only then. Every file carries the stamp
of the view it was downloaded from.
"""
from __future__ import annotations

import re
from typing import Any, Callable

import pandas as pd
import streamlit as st

from lib import bundle
from lib.chart_layout import Chart
from lib.export import images, renderer, tables
from lib.export.stamp import Stamp
from lib.export.theme import file_names, toolbar_config
from lib.i18n import _, later
from lib.peers import FULL_CITATION
from ui import cached, data
from ui.url import kept_text, remembered_tab, url_persist

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")
# Where GitHub-flavoured markdown would turn plain text into a link (www., scheme://, an e-mail address), whatever
# the escapes: an invisible word joiner (U+2060) goes there.
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\\\.)|(?=\\://)|(?=@)")


def md_escape(text: Any) -> str:
    """Text from data or uploads, made inert for st.markdown/captions/help (no links, HTML or formatting)."""
    return _AUTOLINK.sub("\u2060", _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)))


def md_highlight(before: Any, match: Any, after: Any) -> str:
    """Text from data with one part highlighted, all of it inert (md_escape), its line breaks kept; the
    highlighted part on one line."""
    before, match = str(before), str(match)
    return md_marks(before + match + str(after), [(len(before), len(before) + len(match), "orange")])


def md_marks(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Text from data with the parts at spans (start, end, colour) highlighted in their colour, all of it inert
    (md_escape), its line breaks kept; a span that overlaps an earlier one is left unmarked."""
    def lines(part: str) -> str:
        return md_escape(part).replace("\n", "  \n")

    pieces, at = [], 0
    for start, end, colour in sorted(spans):
        if start < at or end > len(text):
            continue
        pieces += [lines(text[at:start]), f":{colour}-background[**{md_escape(' '.join(text[start:end].split()))}**]"]
        at = end
    return "".join([*pieces, lines(text[at:])])


WORDS = "chart_words"  # session state: each chart's own title and subtitle by chart name, for the deck
MAX_WORDS = 200


def held_words() -> dict[str, tuple[str, str]]:
    """The titles and subtitles readers gave their charts in this session, read by the deck when clicked."""
    return st.session_state.setdefault(WORDS, {})


def _own_words(chart: Chart, key: str) -> Chart:
    """The chart's title and subtitle as the reader wrote them (kept in the URL), defaults from the data. The
    editor is drawn only while open; closed, the URL holds the words."""
    title_param, subtitle_param = f"{key}_title", f"{key}_subtitle"
    given = {param: kept_text(param, param) or "" for param in (title_param, subtitle_param)}
    editor = st.expander(_("Title and subtitle for your slides"), icon=":material/edit:", key=f"{key}_words", on_change="rerun")
    if editor.open:
        with editor:
            title = url_persist(st.text_input, default="")(
                _("Title"), key=title_param, placeholder=chart.title, max_chars=MAX_WORDS,
                help=_("Leave empty for the title from the data. PNG, SVG and the deck use what you write."))
            subtitle = url_persist(st.text_input, default="")(
                _("Subtitle"), key=subtitle_param, placeholder=chart.subtitle, max_chars=MAX_WORDS * 2)
    else:
        title, subtitle = given[title_param][:MAX_WORDS], given[subtitle_param][:MAX_WORDS * 2]
    held_words()[chart.name] = (title, subtitle)
    return chart.in_words(title, subtitle)


def show_chart(chart: Chart, key: str) -> None:
    """A chart under its title and subtitle (the reader's own, if given), with its source line, then what goes with
    it onto a slide: the editor of its title and subtitle, alt text, downloads (PNG, SVG, CSV) and the data behind it.
    The editor sits under the chart, by the downloads, so that the chart comes first on a small screen."""
    head = st.container()  # filled once the editor below has said which title and subtitle
    st.plotly_chart(chart.figure, config=toolbar_config(chart), key=f"{key}_chart", width="stretch")
    st.caption(md_escape(" ".join([chart.source_line,
                                   *([_("Peer data: {citation}").format(citation=FULL_CITATION)] if chart.uses_peers else []),
                                   _("To cite: name the article(s), not Burnboard; each claim id leads to its quote on the "
                                     "Sources page.")])))
    chart = _own_words(chart, key)
    head.markdown(f"**{md_escape(chart.title)}**")
    head.caption(md_escape(chart.subtitle))
    described = st.expander(_("Text description (alt text)"), key=f"{key}_alt", on_change="rerun")
    if described.open:  # drawn only when asked for, like the tables below
        described.markdown(md_escape(chart.alt_text))
    names = file_names(chart)
    stamp = data.stamp()
    available, reason = cached.renderer_found()
    downloads = st.container(horizontal=True)  # one row of buttons: fewer elements to draw than columns
    if available:
        png = later(lambda: images.png_bytes(chart, stamp=stamp, renderer=renderer.shared()))
        svg = later(lambda: images.svg_bytes(chart, stamp=stamp, renderer=renderer.shared()))
        downloads.download_button(_("PNG (slides)"), png, file_name=names["png"], mime="image/png", icon=":material/image:",
                                  key=f"{key}_png", on_click="ignore")
        downloads.download_button(_("SVG (print)"), svg, file_name=names["svg"], mime="image/svg+xml", icon=":material/draw:",
                                  key=f"{key}_svg", on_click="ignore")
    else:
        downloads.caption(_("Image downloads unavailable: {reason} The camera icon on the chart still saves a PNG.").format(
            reason=md_escape(reason)))
    downloads.download_button(_("CSV (data drawn)"), later(lambda: tables.csv_bytes(chart, stamp=stamp)), file_name=names["csv"],
                              mime="text/csv", icon=":material/table:", key=f"{key}_csv", on_click="ignore")
    behind = st.expander(_("Data and claims behind this chart"), key=f"{key}_behind", on_change="rerun")
    if behind.open:  # two tables per chart: built and sent only when asked for
        behind.dataframe(tables.in_reader_words(chart.data), hide_index=True, width="stretch")
        behind.dataframe(tables.in_reader_words(chart.claims), hide_index=True, width="stretch")


def lazy_tabs(sections: dict[str, Callable[[], None]], key: str) -> None:
    """Tabs, one per section, that build only the open one: its callable draws inside it and the others are neither
    computed nor sent, so a page opens with one section drawn. A click reruns the page with the new tab open; coming
    back to the page, the tab last open is open again."""
    if not sections:
        return
    for tab, draw in zip(tabs(list(sections), key), sections.values()):
        if tab.open:
            with tab:
                draw()


def tabs(labels: list[str], key: str) -> list:
    """Keyed tabs that rerun the page when clicked and, when the reader comes back to the page, open on the tab
    last open."""
    keep_open = remembered_tab(key, labels)
    drawn = st.tabs(labels, key=key, on_change="rerun")
    for label, tab in zip(labels, drawn):
        if tab.open:
            keep_open(label)
    return drawn


def views(labels: list[str], key: str, label: str) -> list[bool]:
    """A row of buttons (a segmented control) that shows one view at a time, for a part of a page that a slider
    reruns: whether each label's view is open. It keeps the tab last open as tabs() does, but has no panel to watch:
    Streamlit's tab panels look through their content for a focusable element after every change inside them, and a
    slider step that redraws a chart paid for that twice, in the metric's time and in the chart's."""
    keep_open = remembered_tab(key, labels)
    shown = st.segmented_control(label, labels, required=True, key=key, label_visibility="collapsed")
    keep_open(shown)
    return [name == shown for name in labels]


def lazy_views(sections: dict[str, Callable[[], None]], key: str, label: str) -> None:
    """lazy_tabs drawn as views(): only the open section is built and sent."""
    for is_open, draw in zip(views(list(sections), key, label), sections.values()):
        if is_open:
            draw()


def csv_download(label: str, frame: pd.DataFrame, file_name: str, key: str) -> None:
    """A download of a table as safe CSV, stamped."""
    stamp = data.stamp()
    st.download_button(label, later(lambda: tables.table_csv(frame, stamp=stamp)), file_name=file_name, mime="text/csv",
                       icon=":material/download:", on_click="ignore", key=key)


def json_download(label: str, make: Callable[[Stamp], str], file_name: str, key: str) -> None:
    """A download of JSON text that make() builds, when clicked, with this view's stamp."""
    stamp = data.stamp()
    st.download_button(label, later(lambda: make(stamp).encode("utf-8")), file_name=file_name, mime="application/json",
                       icon=":material/data_object:", on_click="ignore", key=key)


def set_aside_notice() -> None:
    """Above every page while an upload a page broke on is set aside: what broke, and the file to download."""
    held = data.set_aside_upload()
    if held is None:
        return
    name, payload, message = held
    st.error(md_escape(message), icon=":material/bug_report:")
    st.download_button(_("Download {file} (set aside)").format(file=name), payload, file_name=name,
                       mime="application/zip" if bundle.is_zip(payload, name) else "application/x-yaml",
                       icon=":material/download:", on_click="ignore", key="download_set_aside")
