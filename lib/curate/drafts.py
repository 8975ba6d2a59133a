"""A claims YAML skeleton for the figures a curator picked: what the finder read (the quote, value, unit,
qualifier and per) is filled in, and every field that needs a person's judgement is written empty, with a hint
of what it takes, so `python -m lib.validate` names, field by field, what is still to do.

Written with ruamel.yaml, which keeps the order of the fields and writes the hints as comments.
"""
from __future__ import annotations

import io
from collections.abc import Mapping

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarint import ScalarInt

from lib.claims import SOURCE_FIELDS
from lib.curate import Figure
from lib.vocabulary import BASES, METRICS, SOURCE_TYPES, UNITS

HINT_COLUMN = 24
HEADER = ("Drafted by `python -m lib.curate draft`: each quote, value, unit, qualifier and per is the figure finder's\n"
          "reading of the article; check them, fill in every empty field, then run `python -m lib.validate` on the\n"
          "file, which names each field still missing. data/README.md describes every field.")
SOURCE_HINTS = {
    "id": "a slug, e.g. en-2025-outlet-topic",
    "file": "the article's file under data/sources/",
    "title": "the article's headline",
    "publisher": "who published it",
    "source_type": ", ".join(SOURCE_TYPES),
    "language": "ISO 639-1: en, ko, fr, ...",
    "published": "YYYY-MM-DD; if undated, leave empty and add written: 2024",
    "url": "the article's https:// address, or leave empty",
    "note": "how the date and publisher were found, anything a reader should know",
}
CLAIM_HINTS = {
    "id": "a slug, e.g. openai-net-loss-2024-en",
    "entity": "who the figure is about, e.g. OpenAI",
    "period": "in quotes: \"2024\", \"2024-H2\", \"2024-Q3\", \"2024-10\" or \"2024-10-02\"",
    "basis": ", ".join(BASES),
    "quote_en": "the quote in English",
}


def draft_yaml(figures: list[Figure], source_id: str, picks: list[int] | None = None,
               source: Mapping | None = None) -> str:
    """A claims YAML document with one claim per picked figure (picks: 1-based numbers in figures, all when None),
    each naming source_id as its source; with a `sources:` entry when source is given (its known fields, such as
    file and language; id is source_id). Raises ValueError for a pick that names no figure."""
    chosen = [figures[number - 1] for number in _checked(picks, len(figures))] if picks is not None else figures
    document = CommentedMap()
    document.yaml_set_start_comment(HEADER)
    if source is not None:
        document["sources"] = CommentedSeq([_source(source_id, source)])
    document["claims"] = CommentedSeq([_claim(figure, source_id) for figure in chosen])
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # a quote stays on one line, as the article has it
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _checked(picks: list[int], count: int) -> list[int]:
    wrong = [number for number in picks if not 1 <= number <= count]
    if wrong:
        found = f"its figures are numbered 1 to {count}" if count else "it has no figures"
        raise ValueError(f"--pick {', '.join(map(str, wrong))}: no such figure in the article ({found})")
    return picks


def _source(source_id: str, known: Mapping) -> CommentedMap:
    fields = (key for key in SOURCE_FIELDS if key != "written")  # published's hint says when written is needed
    entry = CommentedMap((key, source_id if key == "id" else known.get(key)) for key in fields)
    for key, hint in SOURCE_HINTS.items():
        if entry[key] is None:
            entry.yaml_add_eol_comment(hint, key, column=HINT_COLUMN)
    return entry


def _claim(figure: Figure, source_id: str) -> CommentedMap:
    fitting = [name for name, metric in METRICS.items() if figure.unit in metric.units]
    claim = CommentedMap([("id", None), ("entity", None), ("metric", None), ("value", _number(figure.value)),
                          ("unit", figure.unit)])
    if figure.per is not None:
        claim["per"] = figure.per
    claim.update([("period", None), ("basis", None), ("qualifier", figure.qualifier), ("source", source_id),
                  ("quote", figure.sentence), ("quote_en", None)])
    for key, hint in CLAIM_HINTS.items():
        claim.yaml_add_eol_comment(hint, key, column=HINT_COLUMN)
    claim.yaml_add_eol_comment(", ".join(fitting) if fitting else "the metric of this figure (see data/README.md)",
                               "metric", column=HINT_COLUMN)
    written = f"as written: {figure.text}"
    if figure.usd is not None and figure.unit != "USD":
        written += f"; its dollar twin in the sentence: {_number(figure.usd):,} USD"
    claim.yaml_add_eol_comment(written, "value", column=HINT_COLUMN)
    if figure.unit not in UNITS:
        claim.yaml_add_eol_comment(f"as written; the vocabulary's units: {', '.join(UNITS)}", "unit",
                                   column=HINT_COLUMN)
    return claim


def _number(value: float) -> int | float:
    """A whole value as an integer with its thousands marked (3_700_000_000, as data/claims.yaml writes them)."""
    return ScalarInt(int(value), underscore=(3, False, False)) if float(value).is_integer() else value
