"""Nothing left out of the catalogs: every page, each of its tabs and expanders, drawn in the pseudo language, in
which every message is wrapped in ⟦…⟧. Any English word left outside the marks on screen, in a chart or in a widget
came from the code without a message. Words the data hold (quotes, titles, publishers, companies, ids, notes) and
Epoch AI's citation, which stays English, are not the code's."""
from __future__ import annotations

import json
import re
from functools import cache

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from lib import i18n, peers
from tests.conftest import ROOT
from tests.test_pages import PAGES
import ui.page

WORD = re.compile(r"(?<!\w)[^\W\d_][^\W\d_']{2,}(?![\w])")  # a word of three letters or more, not part of a digest
ENGLISH = re.compile(r"[A-Za-z']+")
ENUM = re.compile(r"[A-Z0-9_]+|[a-z]+(?:[A-Z][a-z]+)+")  # a proto's enum value or a camelCase option: not shown
MESSAGE = re.compile(r"⟦[^⟦⟧]*⟧")
NOT_WORDS = re.compile(r":material/[a-z_]+:|:[a-z]+(?:-background)?\[|https?://\S+|\S+\.(?:txt|html|yaml|zip|csv|png|svg|pptx)\b"
                       r"|%\{[^}]*\}|<[^>]+>"  # icons, colours, links, files, plotly's placeholders and HTML tags
                       r"|\S*\d\S*-\S+|\S+-\S*\d\S*")  # and ids: a claim's, or one derived from it (…-2024-en-annualised)
SKIPPED_KEYS = {"id", "formId", "icon", "type", "key", "deferredFileId", "url", "arrowData", "data", "spec", "styler",
                "fragmentId", "widthConfig", "heightConfig", "theme", "selectionMode", "columnOrder", "editingMode", "format",
                "config", "columns", "page", "pageScriptHash", "pageName", "urlPath", "queryString", "width"}
SHOWN_COLUMN_KEYS = {"label", "help"}  # what a table shows of its column configuration
PLOTLY_TEXT = {"text", "name", "hovertemplate", "customdata", "ticktext", "texttemplate"}
MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}  # English date forms


@cache
def data_words() -> frozenset[str]:
    """Every word in the data the pages show: the claims file, Epoch AI's file and the stored articles."""
    texts = [(ROOT / "data" / "claims.yaml").read_text(), (ROOT / "data" / "peers" / "epoch-ai.csv").read_text(),
             *(path.read_text() for path in (ROOT / "data" / "sources").iterdir()), peers.FULL_CITATION, "Burnboard"]
    return frozenset(word.lower() for text in texts for word in WORD.findall(text)) | {m.lower() for m in MONTHS}


@cache
def documents() -> frozenset[str]:
    """The repository's documents as the Method page shows them (in English, for a language docs/ does not translate)."""
    return frozenset(re.sub(r"^#", "##", path.read_text(encoding="utf-8"), flags=re.MULTILINE).strip()
                     for path in (ROOT / "docs").glob("*.md"))


def unwrapped(text: str) -> list[str]:
    """The words of `text` outside every ⟦message⟧ that the data do not hold (none in a document)."""
    if text.strip() in documents():
        return []
    while MESSAGE.search(text):
        text = MESSAGE.sub(" ", text)
    text = NOT_WORDS.sub(" ", text)
    return [word for word in WORD.findall(text) if ENGLISH.fullmatch(word) and word.lower().strip("'") not in data_words()]


def _strings(value, key: str = ""):
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in SKIPPED_KEYS:
                yield from _strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, str) and not ENUM.fullmatch(value):
        yield value


def _plotly_strings(value, key: str = ""):
    """The texts a reader sees in a plotly figure: titles, names, labels, hover texts, tick texts."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _plotly_strings(item, name if name in PLOTLY_TEXT else key)
    elif isinstance(value, list):
        for item in value:
            yield from _plotly_strings(item, key)
    elif isinstance(value, str) and key in PLOTLY_TEXT:
        yield value


def texts(node):
    """Every text an element and its children show."""
    proto = getattr(node, "proto", None)
    if getattr(node, "type", None) == "html":  # the page's own script (ui/one_entry_per_page.js), not shown
        return
    if proto is not None and hasattr(proto, "DESCRIPTOR"):
        fields = MessageToDict(proto)
        yield from _strings(fields)
        if "spec" in fields:
            yield from _plotly_strings(json.loads(fields["spec"]))
        if isinstance(fields.get("columns"), str):
            yield from (text for column in json.loads(fields["columns"]).values() for key, text in column.items()
                        if key in SHOWN_COLUMN_KEYS)
    if type(node).__name__ == "Dataframe":  # a table's cells
        yield from (cell for cell in node.value.to_numpy().ravel() if isinstance(cell, str))
    for child in getattr(node, "children", {}).values():
        yield from texts(child)


def leaks(at: AppTest, where: str) -> set[tuple[str, str, str]]:
    """(where, the word, the text it is in) for each word of the code's own left unwrapped."""
    return {(where, word, text[:160]) for text in texts(at._tree) for word in unwrapped(text)}


def _keyed(node, kind: str):
    if getattr(node, "type", None) == kind and getattr(node, "key", None):
        yield node
    for child in getattr(node, "children", {}).values():
        yield from _keyed(child, kind)


@pytest.mark.parametrize("name", PAGES)
def test_every_message_of_a_page_and_its_tabs_is_in_the_catalogs(name, monkeypatch):
    monkeypatch.setattr(ui.page, "reader_language", lambda: i18n.PSEUDO)  # what each page run speaks
    with i18n.speaking(i18n.PSEUDO):  # and the test's own thread, where AppTest formats a widget's options
        found = _leaks_of_every_view(name)
    assert not found, sorted(found)[:60]


def _leaks_of_every_view(name: str) -> set[tuple[str, str, str]]:
    """The page, then each of its tabs (or views) and each of its expanders opened in turn."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(f"pages/{name}.py")
    at.run()
    assert not at.exception
    found = leaks(at, name)
    views = [(tabs.key, [tab.label for tab in tabs.children.values()]) for tabs in _keyed(at._tree, "tab_container")]
    views += [(group.key, list(group.options)) for group in _keyed(at._tree, "button_group")]  # ui.views
    for key, labels in views:
        for label in labels:
            at.session_state[key] = label
            at.run()
            assert not at.exception, (name, label)
            found |= leaks(at, f"{name} · {label}")
        at.session_state[key] = labels[0]  # back to the first, under which the next views are drawn
    for expander in list(_keyed(at._tree, "expander")):
        at.session_state[expander.key] = True
        at.run()
        found |= leaks(at, f"{name} · {expander.key}")
    return found
