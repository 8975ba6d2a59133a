"""lib.i18n: the catalogs are complete and current, and each language speaks its own words."""
from __future__ import annotations

import ast
import os
import re
import string

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from lib import i18n
from lib.formatting import source_kind_label
from lib.i18n import LOCALE_DIR, N_, PSEUDO, TRANSLATED, _, catalog_path, ngettext, speaking
from lib.vocabulary import METRICS, SOURCE_TYPES, metric_label

ROOT = LOCALE_DIR.parent


def catalog(lang: str):
    with catalog_path(lang).open("rb") as source:
        return read_po(source, locale=lang, domain=i18n.DOMAIN)


def extracted() -> list[str | tuple[str, str]]:
    """Every message the code marks, extracted as `make i18n` extracts them (babel.cfg, with N_): a text, or a
    singular and plural pair."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    return [message[2] for message in extract_from_dir(ROOT, method_map, options_map, keywords=keywords)]


def code_messages() -> set[str]:
    """The catalogs' keys the code gives: each message, a plural pair by its singular."""
    return {message if isinstance(message, str) else message[0] for message in extracted()}


def marked_messages() -> set[str]:
    """Every literal passed to _(), N_() or ngettext() anywhere in the code, by Python's own parser: it also sees
    a call inside an f-string, which Babel's extractor (and so the catalogs) would miss."""
    found = set()
    for path in [ROOT / "app.py", *(file for folder in ("lib", "ui", "pages") for file in (ROOT / folder).rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_", "ngettext"):
                found |= {arg.value for arg in node.args[:2 if node.func.id == "ngettext" else 1]
                          if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    return found


def test_every_marked_message_reaches_the_catalogs():
    """A message the extractor cannot see (a _() inside an f-string) would stay English in every language."""
    forms = {form for message in extracted() for form in ((message,) if isinstance(message, str) else message)}
    assert marked_messages() - forms == set()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_reviewed_translation(lang):
    messages = [message for message in catalog(lang) if message.id]
    assert messages
    assert [message.id for message in messages if not message.string or message.fuzzy] == []
    assert "docs/number-forms.md" in catalog(lang).header_comment  # the note on how they were checked, and the forms


def fields(text: str) -> list[str]:
    """The named placeholders of a message, as str.format reads them."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translation_keeps_the_placeholders_of_its_message(lang):
    """A translation that drops, adds or misspells a {placeholder} would fail when formatted: none does."""
    wrong = []
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wrong += [(ids[0], text) for text in strings if fields(text) != fields(ids[-1])]
    assert wrong == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalogs_hold_what_the_code_says(lang):
    """A message added to the code, or one it no longer says, fails here until `make i18n` and a translation."""
    assert {message.id if isinstance(message.id, str) else message.id[0] for message in catalog(lang) if message.id} == code_messages()


def test_the_catalogs_hold_every_label_of_the_vocabulary():
    assert {m.label for m in METRICS.values()} | {s.label for s in SOURCE_TYPES.values()} <= code_messages()


@pytest.mark.parametrize("lang, metric, source_type, expected", [
    ("en", "net_loss", "news_outlet", ("Net loss", "News outlet: Digital Times (2026-02-01)")),
    ("ko", "net_loss", "news_outlet", ("순손실", "언론사: Digital Times (2026-02-01)")),
    ("fr", "net_loss", "news_outlet", ("Perte nette", "Média d’information: Digital Times (2026-02-01)")),
    ("ko", "cash_burn", None, ("현금 소진", "출처: Digital Times (2026-02-01)")),
    ("fr", "revenue", "company_disclosure", ("Chiffre d’affaires", "Communication de l’entreprise: Digital Times (2026-02-01)")),
    ("ko", "no_such_metric", "blog", ("No such metric", "블로그: Digital Times (2026-02-01)")),
    ("pseudo", "valuation", "repost", ("⟦Valuation⟧", "⟦Repost⟧: Digital Times (2026-02-01)")),
])
def test_labels_in_the_language_spoken(lang, metric, source_type, expected):
    row = {"source_source_type": source_type, "source_publisher": "Digital Times",
           "source_published": "2026-02-01", "source_written": None}
    with speaking(lang):
        assert (metric_label(metric), source_kind_label(row)) == expected


def test_speaking_returns_to_the_language_before():
    with speaking("ko"):
        with speaking("fr"):
            assert (i18n.language(), _("Revenue")) == ("fr", "Chiffre d’affaires")
        assert (i18n.language(), _("Revenue")) == ("ko", "매출")
    assert (i18n.language(), _("Revenue")) == ("en", "Revenue")


@pytest.mark.parametrize("code, expected", [("ko", "ko"), ("fr", "fr"), ("en", "en"), (PSEUDO, PSEUDO), ("de", "en"), ("", "en")])
def test_an_unknown_language_is_english(code, expected):
    with speaking(code):
        assert i18n.language() == expected


@pytest.mark.parametrize("lang, count, expected", [
    ("en", 1, "1 claim"), ("en", 2, "2 claims"), ("en", 0, "0 claims"),
    (PSEUDO, 1, "⟦1 claim⟧"), (PSEUDO, 5, "⟦5 claims⟧"),
])
def test_ngettext_picks_the_form_for_the_count(lang, count, expected):
    with speaking(lang):
        assert ngettext("{n} claim", "{n} claims", count).format(n=count) == expected


def test_n_marks_without_translating():
    with speaking("ko"):
        assert N_("Revenue") == "Revenue"


def test_a_catalog_is_compiled_when_its_mo_is_missing_or_older(tmp_path, monkeypatch):
    folder = tmp_path / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "burnboard.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Revenue"\nmsgstr "매출"\n',
                  encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    mo = i18n.compile_catalog("ko")
    assert mo == folder / "burnboard.mo" and mo.exists()
    os.utime(mo, (1, 1))  # older than its .po
    i18n.compile_catalog("ko")
    assert mo.stat().st_mtime > 1
    os.utime(po, (0, 0))  # now the .po is older: left as it is
    before = mo.stat().st_mtime
    i18n.compile_catalog("ko")
    assert mo.stat().st_mtime == before
    assert sorted(path.name for path in folder.iterdir()) == ["burnboard.mo", "burnboard.po"]  # nothing left half-written


METHOD_DOCUMENTS = ("how-burnboard-computes.md", "audit.md")  # what the Method page shows


def outline(text: str) -> tuple[list[str], list[int], list[str]]:
    """A Markdown document's shape: its heading levels, the cells of each table row, and its code spans."""
    lines = text.splitlines()
    return ([line.split(" ", 1)[0] for line in lines if line.startswith("#")],
            [line.count("|") for line in lines if line.startswith("|")],
            re.findall(r"`[^`]+`", text))


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("name", METHOD_DOCUMENTS)
def test_the_method_pages_documents_are_translated_whole(lang, name):
    """Each language's copy of a document has the original's headings, tables and code spans: nothing dropped,
    no function name or command translated."""
    original = (ROOT / "docs" / name).read_text(encoding="utf-8")
    translated = (ROOT / "docs" / lang / name).read_text(encoding="utf-8")
    assert outline(translated) == outline(original)
