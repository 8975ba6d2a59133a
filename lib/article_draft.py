"""The "Add an article" page's draft as data: the source's fields and the table of candidate claims, the claims YAML
they make, and the loader's problems with it led back to the row or the field they are about.

The page keeps a Draft in the session and builds everything else from it, so what it shows, validates, downloads
and keeps are the same text. The YAML is written in data/claims.yaml's own layout (two-space lists), so its source
entry and its claims can be appended under that file's `sources:` and `claims:` as they are.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

import pandas as pd
import yaml

from lib.i18n import _
from lib.vocabulary import COMPANY, METRICS

DRAFT_PATH = "draft.yaml"  # the name the loader's problems give the draft
# The table's columns: the finder's figure and its place, then the curator's fields, in the order the page shows them.
FIGURE_COLUMNS = ("figure", "start", "end")
CLAIM_COLUMNS = ("accept", "entity", "metric", "scope", "value", "unit", "per", "period", "basis", "qualifier", "quote",
                 "quote_en")
COLUMNS = (*FIGURE_COLUMNS, *CLAIM_COLUMNS)
TEXT_COLUMNS = ("figure", "entity", "metric", "scope", "unit", "per", "period", "basis", "qualifier", "quote", "quote_en")
CURATED = ("accept", "entity", "metric", "scope", "period", "basis", "quote_en")  # what only the curator sets
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, where PyYAML was built with it: the same text, faster
PROBLEM = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.*)$", re.DOTALL)
SLUG_PART = re.compile(r"[^a-z0-9]+")
ITEM = re.compile(r"^(?:claims|sources)\[\d+\]\.?")  # a problem's field without the item it is in


@dataclass(frozen=True)
class Source:
    """The article's entry under `sources:`. id empty: made from the language, the year and the publisher."""

    file: str
    title: str = ""
    publisher: str = ""
    source_type: str = "news_outlet"
    language: str = "en"
    published: str = ""  # YYYY-MM-DD; empty for an undated article, which then needs `written`
    written: str = ""  # the period an undated article was evidently written in (2024, 2024-H2)
    url: str = ""
    note: str = ""
    id: str = ""

    def source_id(self) -> str:
        """The id the claims cite: the one given, else language-year-publisher ('en-2025-reuters')."""
        if self.id.strip():
            return self.id.strip()
        year = (self.published or self.written)[:4] or "undated"
        name = SLUG_PART.sub("-", (self.publisher or self.title).lower()).strip("-")[:40].strip("-") or self.file.split(".")[0]
        return f"{self.language}-{year}-{name}"


@dataclass
class Draft:
    """One article being curated: its text, its source's fields and the candidate table (COLUMNS) as last edited.

    shown: the table the candidate editor was last given as its data, whose edits the editor holds (None: give it
    the table). It changes only when the editor starts afresh, so an edit never matches the data it is drawn over,
    and the editor keeps it rather than dropping it and running the page again while the reader types the next.
    shared: the digest the draft's bundle was kept under by "Keep and share", when it was. used: while the draft is
    in use in the session, the key of the data it made and what that data was added to (the page's to read).
    audited: the claims YAML the audit last judged; the draft can be used once its current text is audited."""

    text: str
    name: str
    source: Source
    table: pd.DataFrame
    shown: pd.DataFrame | None = None
    shared: str = ""
    used: tuple | None = None
    audited: str = ""


def article_file(text: str) -> str:
    """The article's file name under data/sources/: a hash of its text, as the bundled articles are named."""
    return f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"


def candidates(figures: Iterable) -> pd.DataFrame:
    """The candidate table from the finder's figures (lib.curate.Figure): the figure, its value, unit, qualifier and
    per filled in, its sentence as the quote; the judgement fields empty and nothing accepted."""
    rows = [{"figure": f.text, "start": f.start, "end": f.end, "accept": False, "entity": "", "metric": "", "scope": COMPANY,
             "value": float(f.value), "unit": f.unit, "per": f.per or "", "period": "", "basis": "",
             "qualifier": f.qualifier, "quote": f.sentence, "quote_en": ""} for f in figures]
    return typed(pd.DataFrame(rows, columns=list(COLUMNS)))


def typed(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its columns in order and of one type each (text, bool, float, int), so the editor keeps
    treating it as the same table from one run to the next."""
    out = table.reindex(columns=list(COLUMNS)).reset_index(drop=True)
    for column in TEXT_COLUMNS:
        out[column] = out[column].fillna("").astype("object").map(str)
    out["accept"] = out["accept"].fillna(False).astype(bool)
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype("float64")
    out[["start", "end"]] = out[["start", "end"]].fillna(-1).astype("int64")
    return out


def with_edits(table: pd.DataFrame, edits: dict | None) -> pd.DataFrame:
    """The table with a data editor's pending edits ({"edited_rows": {row: {column: value}}}) applied, each value
    made of its column's type (a cleared cell is empty text): the page validates what the reader has just typed
    before it draws the table again."""
    changed = [(int(row), column, value) for row, changes in ((edits or {}).get("edited_rows") or {}).items()
               for column, value in changes.items() if column in CLAIM_COLUMNS and int(row) < len(table)]
    if not changed:
        return table
    out = table.copy()
    for row, column, value in changed:
        out.at[row, column] = _cell(column, value)
    return out


def _cell(column: str, value):
    if column == "accept":
        return bool(value)
    if column == "value":
        return float("nan") if value is None or value == "" else float(value)
    return "" if value is None else str(value)


def carry_over(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The new candidates (the finder run again, in another language) with the curator's fields of the old rows
    for the same figure (same place in the text), so nothing typed is lost."""
    kept = old.set_index(["start", "end"])
    out = new.copy()
    for index, row in out.iterrows():
        if (row["start"], row["end"]) in kept.index:
            earlier = kept.loc[(row["start"], row["end"])]
            for column in CURATED:
                out.at[index, column] = earlier[column]
    return typed(out)


def claim_id(source_id: str, row: int) -> str:
    """A candidate's claim id: its source's and its row's number, unique and stable as rows are accepted."""
    return f"{source_id}-{row + 1}"


def _source_mapping(source: Source) -> dict:
    mapping = {"id": source.source_id(), "file": source.file, "title": source.title, "publisher": source.publisher,
               "source_type": source.source_type, "language": source.language, "published": source.published or None}
    if not source.published:
        mapping["written"] = source.written
    mapping["url"] = source.url or None
    mapping["note"] = source.note
    return {key: value for key, value in mapping.items() if value != "" or key in ("title", "publisher", "note")}


def _claim_mapping(source_id: str, index: int, row: pd.Series) -> dict:
    """One accepted row as a claim: blank fields are left out, so the loader names what is missing; an event
    takes no amount."""
    metric = METRICS.get(row["metric"])
    event = metric is not None and metric.kind == "event"
    mapping = {"id": claim_id(source_id, index), "entity": row["entity"].strip(), "metric": row["metric"],
               "scope": "" if row["scope"].strip() in ("", COMPANY) else row["scope"].strip(),
               "value": None if event or pd.isna(row["value"]) else _number(row["value"]),
               "unit": "" if event else row["unit"], "per": "" if event else row["per"], "period": row["period"].strip(),
               "basis": row["basis"], "qualifier": "" if event else row["qualifier"], "source": source_id,
               "quote": row["quote"], "quote_en": row["quote_en"].strip()}
    return {key: value for key, value in mapping.items() if value != "" or key in ("quote", "quote_en")}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


class Layout(NamedTuple):
    """Where each part of a draft's YAML is: the source entry's lines, and each claim's first line with its row."""

    source: range
    claim_starts: list[int]
    claim_rows: list[int]


def to_yaml(source: Source, table: pd.DataFrame) -> tuple[str, Layout]:
    """The claims document of the source and the accepted rows, and where each of them is in it."""
    lines = ["sources:"]
    entry = _items(_source_mapping(source))
    source_lines = range(len(lines) + 1, len(lines) + 1 + len(entry))
    lines += [*entry, "claims:"]
    starts, rows = [], []
    for index, row in table[table["accept"]].iterrows():
        starts.append(len(lines) + 1)
        rows.append(int(index))
        lines += _items(_claim_mapping(source.source_id(), int(index), row))
    if not rows:
        lines[-1] = "claims: []"
    return "\n".join(lines) + "\n", Layout(source_lines, starts, rows)


def _items(mapping: dict) -> list[str]:
    """One list item in data/claims.yaml's layout ('  - id: ...', its fields under it)."""
    text = yaml.dump([mapping], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    return ["  " + line for line in text.splitlines()]


def neighbours(claims: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """The claims the audit needs to judge the draft's claims (ids) against the others: the draft's own, and the
    others' of the same company with the same metric (a disagreement) or the same amount, unit and rate (an echo).
    Auditing these rather than the whole data keeps each edit's check quick; the whole data is audited, as every
    upload is, once the draft is used."""
    mine = claims[claims["id"].isin(list(ids))]
    same_metric = pd.MultiIndex.from_frame(mine[["entity", "metric"]])
    same_amount = pd.MultiIndex.from_frame(mine[["entity", "value", "unit", "per"]].fillna({"per": ""}))
    near = (pd.MultiIndex.from_frame(claims[["entity", "metric"]]).isin(same_metric)
            | pd.MultiIndex.from_frame(claims[["entity", "value", "unit", "per"]].fillna({"per": ""})).isin(same_amount))
    return claims[near | claims["id"].isin(list(ids))]


@dataclass
class Problems:
    """The loader's problems with a draft: by row of the table, about the source, and any other."""

    rows: dict[int, list[str]] = field(default_factory=dict)
    source: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.rows or self.source or self.other)


def sorted_out(problems: Iterable[str], layout: Layout, path: str = DRAFT_PATH) -> Problems:
    """Each `PATH:LINE: field: message` problem of the draft's file put with its row (by the claim whose lines hold
    LINE) or with the source, shown as 'field: message'; problems of other files, or that cannot be placed, as
    they are."""
    out = Problems()
    for problem in problems:
        match = PROBLEM.match(problem)
        if match is None or match["path"] != path:
            out.other.append(problem)
            continue
        line = int(match["line"])
        where = ITEM.sub("", match["field"]) or _("entry")
        shown = f"{where}: {match['message']}"
        at = bisect.bisect_right(layout.claim_starts, line) - 1
        if line in layout.source or match["field"].startswith("sources["):
            out.source.append(shown)
        elif at >= 0:
            out.rows.setdefault(layout.claim_rows[at], []).append(shown)
        else:
            out.other.append(problem)
    return out
