"""CSV downloads that are safe to open in a spreadsheet and say where they come from.

Text from claims, uploads included, reaches these files: any line of a cell that a spreadsheet would read as a
formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, OWASP's advice for CSV
injection. A cell that holds a line break, of any kind, is quoted, so no reader takes it for a new row. Numbers
stay numbers. The first line is a comment with the stamp. Column names stay English for scripts; the values that
are words (a basis, a qualifier) are in the language spoken, and the stamp's line says which.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from lib.chart_layout import Chart
from lib.export.stamp import Stamp
from lib.i18n import LANGUAGES, _, language
from lib.peers import FULL_CITATION
from lib.vocabulary import basis_label, qualifier_words

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_LINE = re.compile("(?:^|(?<=[\r\n]))(?=[" + re.escape("".join(FORMULA_START)) + "])")
_NEEDS_QUOTES = re.compile('[",\r\n]')


def neutralise(value):
    """A text cell a spreadsheet would run, made literal: a leading apostrophe on each of its lines that starts
    like a formula; anything else unchanged."""
    return _FORMULA_LINE.sub("'", value) if isinstance(value, str) else value


def _cell(value) -> str:
    """One CSV field: empty for a missing value, quoted when it holds a delimiter, a quote or any line break."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if _NEEDS_QUOTES.search(text) else text


def _fields(row) -> tuple[str, ...]:
    """A row's fields; a row of one empty field is written "" (as the csv module does), not as a blank line."""
    return tuple(map(_cell, row))


WORD_COLUMNS = {"basis": basis_label, "qualifier": qualifier_words}  # column -> its key in the reader's words


def _word_columns(frame: pd.DataFrame) -> list[str]:
    """The frame's columns whose values are words to say in the reader's language; none in English, whose words
    are the keys that scripts read."""
    return [] if language() == "en" else [column for column in WORD_COLUMNS if column in frame.columns]


def _said(key, column: str):
    return WORD_COLUMNS[column](key) if isinstance(key, str) else key


def in_reader_words(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its word columns (a basis, a qualifier) in the language spoken."""
    return frame.assign(**{column: frame[column].map(_said, column=column) for column in _word_columns(frame)})


def _language_note(frame: pd.DataFrame) -> str:
    """What the stamp's line adds to say the language of the frame's words ('' when it has none to say)."""
    columns = _word_columns(frame)
    if not columns:
        return ""
    lang = language()
    return " · " + _("words in the {columns} columns in {language}; column names in English").format(
        columns=", ".join(columns), language=f"{LANGUAGES.get(lang, lang)} ({lang})")


def table_csv(frame: pd.DataFrame, *, stamp: Stamp, comments: tuple[str, ...] = ()) -> bytes:
    """A frame as UTF-8 CSV after a '# stamp' line (which names the language of its words, when not English) and a
    '# ' line per comment: text neutralised, dates in ISO 8601 (a plain date when there is no time), numbers as
    numbers, lines ended with \\n."""
    language_note = _language_note(frame)
    frame = in_reader_words(frame).copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            present = values.dropna()
            midnight = bool((present == present.dt.normalize()).all())
            frame[column] = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
        elif not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)):
            frame[column] = values.map(neutralise)
    rows = [[neutralise(str(name)) for name in frame.columns], *frame.itertuples(index=False, name=None)]
    body = "".join((",".join(row) if row != ("",) else '""') + "\n" for row in map(_fields, rows))
    head = "".join(f"# {line}\n" for line in (stamp.text + language_note, *comments))
    return f"{head}{body}".encode("utf-8")


def csv_bytes(chart: Chart, *, stamp: Stamp) -> bytes:
    """The data a chart draws, as table_csv; the full citation of Epoch AI's data when the chart draws it."""
    peers = (_("Peer data: {citation}").format(citation=FULL_CITATION),) if chart.uses_peers else ()
    return table_csv(chart.data, stamp=stamp, comments=peers)
