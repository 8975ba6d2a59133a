"""CSV downloads that are safe to open in a spreadsheet and say where they come from.

Text from claims, uploads included, reaches these files: a cell that a spreadsheet would read as a formula
(starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, OWASP's advice for CSV
injection. Numbers stay numbers. The first line is a comment with the stamp.
"""
from __future__ import annotations

import pandas as pd

from lib.charts import Chart
from lib.export.stamp import Stamp
from lib.peers import FULL_CITATION

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell a spreadsheet would run, made literal with a leading apostrophe; anything else unchanged."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def table_csv(frame: pd.DataFrame, *, stamp: Stamp, comments: tuple[str, ...] = ()) -> bytes:
    """A frame as UTF-8 CSV after a '# stamp' line and a '# ' line per comment: text neutralised, dates in ISO
    8601 (a plain date when there is no time), numbers as numbers."""
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            present = values.dropna()
            midnight = bool((present == present.dt.normalize()).all())
            frame[column] = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
        elif not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)):
            frame[column] = values.map(neutralise)
    body = frame.to_csv(index=False, lineterminator="\n")
    head = "".join(f"# {line}\n" for line in (stamp.text, *comments))
    return f"{head}{body}".encode("utf-8")


def csv_bytes(chart: Chart, *, stamp: Stamp) -> bytes:
    """The data a chart draws, as table_csv; the full citation of Epoch AI's data when the chart draws it."""
    return table_csv(chart.data, stamp=stamp, comments=(f"Peer data: {FULL_CITATION}",) if chart.uses_peers else ())
