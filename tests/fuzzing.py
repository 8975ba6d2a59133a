"""Mutations of a claims file, for the fuzzer in tests/test_fuzz.py.

Each mutant is the file with a few lines edited, and says what the loader must do with it: `refuse` True (it must
be refused), False (it must be accepted) or None (either), and `lines`, the lines at which a refusal may be
reported, in the mutant's own numbering. A line is what an editor counts: lines end at \\n, \\r\\n or a lone \\r.

Which lines are expected, by mutation:
- a value replaced on line L: L, and the lines a rule ties that field to (DEPENDS: a claim's metric decides its
  unit, per, qualifier, value, includes and tolerance; its value decides whether the qualifier, reported at the
  metric, is needed; its source decides the article its quote must stand in; a source's published date decides
  its written period, reported at the item's first line; a source's file is the article of its claims' quotes,
  reported at their quote lines), and for an id the lines that name the old id (the references that now dangle);
- a character inserted into line L: L; a line break (a lone \\r) also L+1, the line it makes, and L+2, where YAML
  finds that line's key at the wrong indent; into the key or its colon, also the lines for the field lost (below)
  and L+1 (the line read as text running on); a quote, bracket or comment sign that opens something YAML closes
  only later: every line from L to the one after the line where it closes;
- an inserted line (an unknown field, a merge key, a duplicated line): that line; a duplicated first line of an
  item makes an item of one line, whose missing fields are reported there, above the copy: both lines;
- a deleted field line: the item's first line, where missing fields are reported (for a unit, per or qualifier,
  the metric's line; for a source's file, also its claims' quote lines, which can no longer be checked); a deleted first line of an item: the rest of that item (its fields join the item above,
  where they collide), the first line of the next item (where YAML fails when there is no item above), and the
  references to its id; a deleted part header (`claims:`): every line of that part, line 1 (the top level's
  missing part), the next header and the references to the part's ids;
- two lines swapped: within one item, nothing (the loader must accept the same data); the same field of two items:
  both lines and what DEPENDS ties to them; the last line of an item with the first of the next: both items;
- an id made equal to another's: the first line of the later item (the duplicate), and the references to the id
  that was replaced; a reference changed to an unknown id: its line; an item deleted: the lines that referred to
  it; an item duplicated: the copy's first line.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field

import yaml

from lib.claims import ID_WORD, SAME_FIGURE

PARTS = ("sources", "claims", "acknowledged", "dismissed")
FIRST = "<first line>"  # in DEPENDS: the item's first line
DEPENDS = {
    ("claims", "metric"): ("unit", "per", "qualifier", "value", "includes", "tolerance"),
    ("claims", "value"): ("metric",),
    ("claims", "qualifier"): ("tolerance",),
    ("claims", "source"): ("quote",),
    ("sources", "published"): ("written", FIRST),
    ("acknowledged", "kind"): (FIRST,),
    ("acknowledged", "claims"): (FIRST,),
}
REQUIRED = {
    "sources": ("id", "file", "title", "publisher", "source_type", "language", "published", "url", "note"),
    "claims": ("id", "entity", "metric", "value", "period", "basis", "source", "quote", "quote_en"),
    "acknowledged": ("kind", "claims", "reason"),
    "dismissed": ("source", "text", "reason"),
}
REPORTED_AT_METRIC = ("unit", "per", "qualifier")  # a claim missing one of these is told so at its metric's line
PROBLEM = re.compile(r"^(?P<path>[^\n\r]+?):(?P<line>\d+): (?P<field>top level|[^\s:]+): (?P<message>[^\n\r]+)$")
LINE_BREAK = re.compile(r"\r\n|\r|\n")

TYPE_VALUES = [
    "[a, b]", "{a: 1}", "[]", "{}", "42", "-7", "4.2", "yes", "no", "on", "off", "true", "null", "~", "", '""', '" "',
    "2024-01-01", "2024-01-01T10:00:00Z", '"5"', "!!str 5", "!!int 5", "!!float 5", "!!binary aGVsbG8=", "!!set {a: null}",
    "!!omap [{a: 1}]", "!custom x", '!!python/object/apply:os.system ["true"]', "!!python/name:os.system", "&x", "|", ">",
    "- a", "? a", "=", "<<", "'single'", "0x1F", "1:30", "@x", "`x", "%x", "*", "'it''s'", '"a\\tb"', "a: b", "[a, [b, [c]]]",
]
NUMBERS = [
    "1" + "0" * 309, "1" + "0" * 18, "1" + "0" * 17 + "1", "1000000000000000001", "1.0e+18", "1.0e+19", "9.99e+17",
    "1.0e+308", "1.7976931348623157e+308", "1.0e+309", "1.0e-308", "5.0e-324", "1.0e-400", "0", "0.0", "-0.0", "-1",
    "-1.0e-300", "0x7fffffffffffffff", "0o777", "0b1010", "1_000_000", "190:20:30", ".5", "+12", "1e3", "1E+3", "12e",
    "99999999999999999999999999.0", "0.", "00012", "0.000000000001", "1_0000_0000_0000_0000_0000",
]
REFUSED_NUMBERS = {  # out of range for any value or tolerance: negative, above 10^18 or not finite
    "1" + "0" * 309, "1000000000000000001", "1.0e+19", "1.0e+308", "1.7976931348623157e+308", "1.0e+309", "-1",
    "-1.0e-300", "99999999999999999999999999.0", "1_0000_0000_0000_0000_0000",
}
NAN_INF = [".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "+.inf", "-.Inf"]
NAN_WORDS = ["nan", "inf", "NaN", "Infinity", '"nan"', "-inf"]
BAD_PERIODS = [
    "9999-12", "9999-Q4", "0000", "1899", "1899-12-31", "2101", "2101-H1", "2024-13", "2024-00", "2024-02-30", "2023-02-29",
    "2024-H3", "2024-Q5", "2024-Q0", "2024-W01", "24", "-2024", "20240", "2024-1", "2024/01", "2024-01-01T00:00:00",
    "2024-1-1", "0001-01-01", "1900-00", "2100-12-32",
]
GOOD_PERIODS = ["1900", "2100", "1900-01-01", "2100-12-31", "2100-Q4", "1900-H1", "2024-02-29", "2000-02-29", "1900-12"]
BAD_DATES = [
    "1899-12-31", "2101-01-01", "9999-12-31", "0000-01-01", "2023-02-29", "2024-13-01", "2024-00-10", "2024-6-1", "2024",
    "2024-06", "20240601", "2024-06-01T00:00:00Z", "2024-06-01 10:00", "2024-06-31",
]
GOOD_DATES = ["1900-01-01", "2100-12-31", "2024-02-29", "2000-02-29"]
CHARACTERS = [  # inserted into text, escaped inside double quotes or raw
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\u202e", "\u200b",
    "\u200d", "\u0301", "\ufeff", "\ufffe", "\uffff", "\U0001F600", "\U0010FFFF", "\ud800", "\udfff", "é", "Ω", "中",
    "\u00a0", "\t", "\r", "\n", "=", "+", "-", "@",
]
SYNTAX = ['"', "'", "#", " #", ":", ": ", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "\\", "?", "- "]
UNKNOWN_NAMES = ["colour", "Value", "valeu", "source_url", "ID", "id2", "\u0456d", "x-y", "_", "1", "true", "null",
                 "[a]", "'note '", "quote_EN", "relates-to", "ünit"]
FAMILIES = {}  # name -> (weight, function), filled by @family


@dataclass(frozen=True)
class Item:
    """One entry of a top-level list: where it is and which line holds each field."""

    part: str
    index: int
    number: int  # its place among every item of the file
    first: int
    last: int
    fields: dict[str, int]
    values: dict[str, object]  # the scalar values, as YAML reads them (lists and mappings left out)
    id: str | None


@dataclass(frozen=True)
class Model:
    """The original file: its lines, items, the part headers and which lines name each id."""

    text: str
    lines: list[str]  # lines[0] is line 1
    items: list[Item]
    headers: dict[str, int]
    refs: dict[tuple[str, str], list[int]]  # (part, id) -> the lines that name it

    @classmethod
    def of(cls, text: str) -> Model:
        root = yaml.compose(text)
        items, headers, refs = [], {}, {}
        for key_node, value_node in root.value:
            part = key_node.value
            headers[part] = key_node.start_mark.line + 1
            for index, node in enumerate(value_node.value):
                fields = {k.value: k.start_mark.line + 1 for k, _ in node.value}
                values = {k.value: yaml.safe_load(yaml.serialize(v)) for k, v in node.value if isinstance(v, yaml.ScalarNode)}
                last = max(v.end_mark.line + 1 - (v.end_mark.column == 0) for _, v in node.value)
                item = Item(part, index, len(items), node.start_mark.line + 1, last, fields, values,
                            str(values["id"]) if "id" in values else None)
                items.append(item)
                if part == "dismissed":  # names a source, and its text is checked against that source's article
                    refs.setdefault(("sources", str(values["source"])), []).append(fields["source"])
                    refs.setdefault(("quotes of", str(values["source"])), []).append(fields["text"])
                if part == "claims":
                    refs.setdefault(("sources", str(values["source"])), []).append(fields["source"])
                    if "quote" in fields:
                        refs.setdefault(("quotes of", str(values["source"])), []).append(fields["quote"])
                    if "same_as" in values:
                        refs.setdefault(("claims", str(values["same_as"])), []).append(fields["same_as"])
                        refs.setdefault(("same_as", str(values["same_as"])), []).append(fields["same_as"])
                for name in ("relates_to", "claims"):
                    for _, v in ((k, v) for k, v in node.value if k.value == name and isinstance(v, yaml.SequenceNode)):
                        for element in v.value:
                            refs.setdefault(("claims", element.value), []).append(element.start_mark.line + 1)
        for item in items:  # a note may take its figures from the claims and sources it names, and is read
            if item.part == "claims" and "note" in item.fields:  # against its source's article
                for word in ID_WORD.findall(str(item.values.get("note", ""))):
                    refs.setdefault(("note", word), []).append(item.fields["note"])
                refs.setdefault(("note of", str(item.values.get("source"))), []).append(item.fields["note"])
        return cls(text, text.split("\n"), items, headers, refs)

    def references(self, item: Item) -> set[int]:
        """The lines that name item by its id; for a source also its claims' quotes and dismissed texts, which are
        read against the article of whatever source the id then names."""
        if item.part in ("acknowledged", "dismissed"):
            return set()
        named = set(self.refs.get((item.part, item.id), []))
        return named | set(self.refs.get(("quotes of", item.id), [])) if item.part == "sources" else named

    def notes(self, item: Item) -> set[int]:
        """The note lines that may be judged again when item changes: its own note, the notes that name it, and
        for a source the notes of its claims (lib.claims checks a note's figures against its article and the
        claims it names)."""
        naming = set(self.refs.get(("note", item.id), []))
        if item.part == "sources":
            return naming | set(self.refs.get(("note of", item.id), []))
        own = {item.fields["note"]} if "note" in item.fields else set()
        return own | naming | set(self.refs.get(("note", str(item.values.get("source"))), []))

    def twins(self, item: Item, key: str) -> set[int]:
        """The same_as lines that tie a claim to its main record or its repeats, where a figure field (SAME_FIGURE)
        that no longer matches is reported."""
        if item.part != "claims" or key not in SAME_FIGURE:
            return set()
        own = {item.fields["same_as"]} if "same_as" in item.fields else set()
        return own | set(self.refs.get(("same_as", item.id), []))

    def quotes(self, item: Item, key: str) -> set[int]:
        """For a source's file, the quote lines of its claims: each quote is checked against that article."""
        if item.part != "sources" or key != "file":
            return set()
        return set(self.refs.get(("quotes of", item.id), []))

    def item_at(self, line: int) -> Item | None:
        return next((item for item in self.items if item.first <= line <= item.last), None)

    def next_start(self, line: int) -> int:
        """The first line after `line` that starts an item or a part (the last line when none does)."""
        starts = sorted({item.first for item in self.items} | set(self.headers.values()))
        return next((start for start in starts if start > line), len(self.lines))

    def lost(self, item: Item, key: str) -> set[int]:
        """The lines at which item without its field key may be told so: its first line, or its metric's for a
        unit, per or qualifier; and for an id the references to it."""
        lines = {item.first}
        if key in REPORTED_AT_METRIC and "metric" in item.fields:
            lines.add(item.fields["metric"])
        if key == "id":
            lines |= self.references(item)
        return lines | self.twins(item, key) | self.quotes(item, key)

    def depends(self, item: Item, key: str) -> set[int]:
        """The lines a problem with item's key may be reported at: its own line and those DEPENDS ties to it."""
        lines = {item.fields[key]} if key in item.fields else {item.first}
        for other in DEPENDS.get((item.part, key), ()):
            if other == FIRST:
                lines.add(item.first)
            elif other in item.fields:
                lines.add(item.fields[other])
        if key == "id":
            lines |= self.references(item)
        return lines | self.twins(item, key) | self.quotes(item, key)


@dataclass(frozen=True)
class Edit:
    """Lines first..last (1-based, inclusive; last = first - 1 inserts before first) replaced by `new`."""

    first: int
    last: int
    new: tuple[str, ...]


@dataclass
class Mutant:
    family: str
    what: str
    edits: tuple[Edit, ...]
    lines: frozenset[int]  # where a refusal may be reported, in the mutant's numbering
    refuse: bool | None
    same: bool = False  # accepted, it must load into the same data as the original file
    touched: frozenset = frozenset()  # the items (numbers) and other lines it edits, for combining mutants
    prefix: bytes = b""  # bytes written before the text (a byte-order mark)
    encoding: str = "utf-8"
    data: bytes = field(default=b"", repr=False)


def apply(model: Model, edits) -> str:
    lines = list(model.lines)
    for edit in sorted(edits, key=lambda e: e.first, reverse=True):
        lines[edit.first - 1:edit.last] = edit.new
    return "\n".join(lines)


def encode(model: Model, mutant: Mutant) -> bytes:
    return mutant.prefix + apply(model, mutant.edits).encode(mutant.encoding, "surrogatepass")


def combine(model: Model, mutants: list[Mutant]) -> bytes:
    """One file holding the edits of several mutants that touch different items."""
    return apply(model, [edit for mutant in mutants for edit in mutant.edits]).encode("utf-8", "surrogatepass")


def shifted(line: int, edits) -> int:
    """Where an original line (not itself edited) is in the mutant: moved by the lines the edits above it add."""
    for edit in edits:
        if edit.last < line:
            line += sum(len(LINE_BREAK.split(text)) for text in edit.new) - (edit.last - edit.first + 1)
    return line


def family(name: str, weight: float):
    def register(function):
        FAMILIES[name] = (weight, function)
        return function
    return register


def mutants(text: str, seed: int, count: int):
    """count mutants of text, the same ones for the same seed."""
    model = Model.of(text)
    rng = random.Random(seed)
    names = list(FAMILIES)
    weights = [FAMILIES[name][0] for name in names]
    made = 0
    while made < count:
        name = rng.choices(names, weights)[0]
        mutant = FAMILIES[name][1](rng, model)
        if mutant is None:
            continue
        mutant.family = name
        mutant.data = encode(model, mutant)
        made += 1
        yield mutant


# ---------------------------------------------------------------- helpers

FIELD_LINE = re.compile(r"^(?P<lead>\s*(?:- )?(?:&\w+ )?)(?P<key>[\w]+):(?P<gap>\s*)(?P<value>.*)$")


def split(line: str) -> re.Match:
    found = FIELD_LINE.match(line)
    assert found, f"not a field line: {line!r}"
    return found


def with_value(line: str, value: str) -> str:
    parts = split(line)
    return f"{parts['lead']}{parts['key']}:{' ' if value else ''}{value}"


def pick_field(rng: random.Random, model: Model, keys=None, parts=PARTS) -> tuple[Item, str] | None:
    candidates = [(item, key) for item in model.items if item.part in parts for key in item.fields
                  if keys is None or key in keys]
    return rng.choice(candidates) if candidates else None


def value_mutant(model: Model, item: Item, key: str, value: str, what: str, refuse: bool | None, extra=()) -> Mutant:
    line = item.fields[key]
    new = with_value(model.lines[line - 1], value)
    edit = Edit(line, line, (new,))
    lines = model.depends(item, key) | set(extra)
    judged_again = model.notes(item) | model.twins(item, key)
    if refuse is False and judged_again:  # valid on its own, it may no longer match a note or a same_as record
        refuse = None
    lines |= judged_again
    return Mutant("", f"{what}: line {line} {new.strip()!r}", (edit,), frozenset(shifted(n, [edit]) if n != line else n for n in lines),
                  refuse, touched=frozenset({item.number}))


def scan_end(lines: list[str], start: int) -> int:
    """The line (1-based) at whose end YAML's quotes and brackets opened from line `start` on are all closed."""
    quote, depth = None, 0
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        position = 0
        while position < len(text):
            char = text[position]
            if quote == '"':
                if char == "\\":
                    position += 1
                elif char == '"':
                    quote = None
            elif quote == "'":
                if char == "'" and text[position + 1:position + 2] == "'":
                    position += 1
                elif char == "'":
                    quote = None
            elif char == "#" and (position == 0 or text[position - 1] in " \t"):
                break
            elif char in "\"'" and (position == 0 or text[position - 1] in " \t[{,:"):
                quote = char
            elif char in "[{":
                depth += 1
            elif char in "]}" and depth:
                depth -= 1
            position += 1
        if quote is None and depth == 0:
            return number
    return len(lines)


# ---------------------------------------------------------------- families

@family("change type", 3)
def change_type(rng, model):
    item, key = pick_field(rng, model)
    return value_mutant(model, item, key, rng.choice(TYPE_VALUES), f"{item.part}[{item.index}].{key}", None)


@family("huge and tiny numbers", 2)
def numbers(rng, model):
    item, key = pick_field(rng, model, ("value", "tolerance") if rng.random() < 0.85 else None)
    value = rng.choice(NUMBERS)
    refuse = True if key in ("value", "tolerance") and value in REFUSED_NUMBERS else None
    return value_mutant(model, item, key, value, f"{item.part}[{item.index}].{key}", refuse)


@family("NaN and inf", 1)
def nan_inf(rng, model):
    item, key = pick_field(rng, model, ("value", "tolerance") if rng.random() < 0.8 else None)
    value = rng.choice(NAN_INF + NAN_WORDS)
    numeric = key in ("value", "tolerance")  # a number field takes neither NaN, inf nor their names (text)
    return value_mutant(model, item, key, value, f"{item.part}[{item.index}].{key}", True if numeric else None)


def insert_raw(model: Model, line: int, column: int, char: str, what: str, item: Item | None) -> Mutant:
    text = model.lines[line - 1]
    new = text[:column] + char + text[column:]
    edit = Edit(line, line, (new,))
    lines = {line}
    breaks = len(LINE_BREAK.split(new)) - 1
    if breaks:  # the rest of the line becomes a line of its own: a key at the wrong indent shows at the next token
        lines |= set(range(line, line + breaks + 2))
    else:
        lines |= set(range(line, scan_end(model.lines[:line - 1] + [new] + model.lines[line:], line) + 1))
        if max(lines) > line:
            lines.add(max(lines) + 1)
    if item is not None:
        parts = split(text)
        key = parts["key"]
        lines |= {shifted(n, [edit]) if n != line else n for n in model.depends(item, key)}
        if column <= parts.end("key") + 1:  # in the key or its colon: the field is lost, or the line runs on as text
            lines |= {shifted(n, [edit]) for n in model.lost(item, key)} | {line + 1}
    return Mutant("", f"{what}: {char!r} at line {line} column {column}: {new!r}", (edit,), frozenset(lines), None,
                  touched=frozenset({item.number} if item else {("line", line)}))


@family("Unicode and control characters", 3)
def characters(rng, model):
    item, key = pick_field(rng, model)
    line = item.fields[key]
    char = rng.choice(CHARACTERS)
    value = item.values.get(key)
    if rng.random() < 0.5 and isinstance(value, str):  # escaped inside double quotes, the value otherwise as it was
        position = rng.randrange(len(value) + 1)
        written = json.dumps(value[:position] + char + value[position:], ensure_ascii=rng.random() < 0.5)
        return value_mutant(model, item, key, written, f"{item.part}[{item.index}].{key} escaped", None)
    text = model.lines[line - 1]
    start = len(split(text)["lead"])
    return insert_raw(model, line, rng.randrange(start, len(text) + 1), char, f"{item.part}[{item.index}].{key} raw", item)


@family("YAML syntax characters", 1.5)
def syntax(rng, model):
    item, key = pick_field(rng, model)
    line = item.fields[key]
    text = model.lines[line - 1]
    return insert_raw(model, line, rng.randrange(len(text) + 1), rng.choice(SYNTAX), f"{item.part}[{item.index}].{key}", item)


@family("byte-order marks", 1)
def boms(rng, model):
    choice = rng.randrange(5)
    if choice == 0:
        return Mutant("", "a UTF-8 byte-order mark before the file", (), frozenset(), False, same=True, prefix=b"\xef\xbb\xbf")
    if choice == 1:
        return Mutant("", "two UTF-8 byte-order marks before the file", (), frozenset({1}), None, prefix=b"\xef\xbb\xbf" * 2)
    if choice == 2:
        return Mutant("", "the file in UTF-16 with its byte-order mark", (), frozenset({1}), True, encoding="utf-16")
    if choice == 3:
        return Mutant("", "the file in UTF-16 with no byte-order mark", (), frozenset({1}), True, encoding="utf-16-le")
    line = rng.randrange(1, len(model.lines))
    item = model.item_at(line)
    text = model.lines[line - 1]
    return insert_raw(model, line, rng.choice([0, len(text) - len(text.lstrip()), len(text)]), "\ufeff", "a byte-order mark in a line",
                      item if item and FIELD_LINE.match(text) else None)


@family("tabs", 1)
def tabs(rng, model):
    item, key = pick_field(rng, model)
    line = item.fields[key]
    text = model.lines[line - 1]
    indent = len(text) - len(text.lstrip(" "))
    parts = split(text)
    choice = rng.randrange(4)
    if choice == 0:
        new, refuse, what = "\t" + text.lstrip(" "), True, "indented by a tab"
    elif choice == 1:
        new, refuse, what = text[:indent // 2] + "\t" + text[indent // 2:], True, "a tab in the indentation"
    elif choice == 2:
        new, refuse, what = f"{parts['lead']}{parts['key']}:\t{parts['value']}", None, "a tab after the colon"
    else:
        new, refuse, what = text + "\t", None, "a tab at the end"
    edit = Edit(line, line, (new,))
    return Mutant("", f"{what}: line {line}", (edit,), frozenset(model.depends(item, key)), refuse, touched=frozenset({item.number}))


@family("anchors, aliases and merge keys", 2)
def anchors(rng, model):
    name = f"m{rng.randrange(10**6)}"
    choice = rng.randrange(7)
    item, key = pick_field(rng, model)
    line = item.fields[key]
    text = model.lines[line - 1]
    parts = split(text)
    anchored = f"{parts['lead']}{parts['key']}: &{name} {parts['value']}".rstrip()
    if choice == 0:  # an anchor alone changes nothing
        edit = Edit(line, line, (anchored,))
        return Mutant("", f"anchor &{name} on line {line}", (edit,), frozenset(), False, same=True, touched=frozenset({item.number}))
    if choice in (1, 2):  # an alias of it on another line: after the anchor it copies the value, before it is unknown
        other, other_key = pick_field(rng, model)
        if other.number == item.number:
            return None
        target = other.fields[other_key]
        aliased = with_value(model.lines[target - 1], f"*{name}")
        edits = (Edit(line, line, (anchored,)), Edit(target, target, (aliased,)))
        lines = {target} if target < line else model.depends(other, other_key)
        return Mutant("", f"anchor &{name} on line {line}, alias on line {target}", edits, frozenset(lines),
                      True if target < line else None, touched=frozenset({item.number, other.number}))
    if choice == 3:
        return value_mutant(model, item, key, f"*{name}", f"{item.part}[{item.index}].{key} an undefined alias", True)
    if choice == 4:  # a merge key, inline or through an alias
        merged = rng.choice(["{note: x}", "[{note: x}]", f"*{name}", "{}"])
        edit = Edit(line + 1, line, (f"    <<: {merged}",))
        return Mutant("", f"merge key <<: {merged} after line {line}", (edit,), frozenset({line + 1}), True,
                      touched=frozenset({item.number}))
    if choice == 5:  # the same anchor twice
        other, other_key = pick_field(rng, model)
        target = other.fields[other_key]
        if target == line:
            return None
        other_parts = split(model.lines[target - 1])
        twice = f"{other_parts['lead']}{other_parts['key']}: &{name} {other_parts['value']}".rstrip()
        edits = (Edit(line, line, (anchored,)), Edit(target, target, (twice,)))
        return Mutant("", f"anchor &{name} on lines {line} and {target}", edits, frozenset({max(line, target)}), True,
                      touched=frozenset({item.number, other.number}))
    return value_mutant(model, item, key, f"&{name} [*{name}]", f"{item.part}[{item.index}].{key} a recursive alias", True)


@family("unknown fields", 1)
def unknown_fields(rng, model):
    name = rng.choice(UNKNOWN_NAMES)
    if rng.random() < 0.15:  # at the top level, before a part
        header = rng.choice(list(model.headers.values()))
        edit = Edit(header, header - 1, (f"{name}: 1",))
        return Mutant("", f"top-level field {name!r} before line {header}", (edit,), frozenset({header}), True,
                      touched=frozenset({("line", header)}))
    item = rng.choice(model.items)
    after = rng.randrange(item.first, item.last + 1)
    edit = Edit(after + 1, after, (f"    {name}: {rng.choice(['red', '1', 'null', '[a]'])}",))
    return Mutant("", f"field {name!r} after line {after}", (edit,), frozenset({after + 1}), True, touched=frozenset({item.number}))


@family("out-of-range dates and periods", 2)
def dates(rng, model):
    item, key = pick_field(rng, model, ("period", "published", "written"))
    quote = rng.choice(['"', "'", ""])
    if key == "published" and item.values["published"] is None:  # any date: bad, or it leaves `written` refused
        return value_mutant(model, item, key, rng.choice(BAD_DATES + GOOD_DATES), "an undated source dated", True)
    if key == "published":
        if rng.random() < 0.8:
            return value_mutant(model, item, key, f"{quote}{rng.choice(BAD_DATES)}{quote}", "published", True)
        return value_mutant(model, item, key, rng.choice(GOOD_DATES), "published, at the edge", False)
    if rng.random() < 0.75:
        return value_mutant(model, item, key, f"{quote}{rng.choice(BAD_PERIODS)}{quote}", key, True)
    return value_mutant(model, item, key, f"{quote}{rng.choice(GOOD_PERIODS)}{quote}", f"{key}, at the edge", False)


@family("colliding ids", 1)
def colliding_ids(rng, model):
    part = rng.choice(["sources", "claims"])
    one, other = rng.sample([item for item in model.items if item.part == part], 2)
    spelling = rng.choice(['{}', '"{}"', "'{}'", "{} ", "{}  # the same"])
    mutant = value_mutant(model, other, "id", spelling.format(one.id), f"{part}[{other.index}].id made {one.id!r}", True,
                          extra={max(one.first, other.first)})
    mutant.lines = frozenset((mutant.lines - {other.first}) | {max(one.first, other.first)} | model.references(other))
    mutant.touched = frozenset({one.number, other.number})
    return mutant


@family("dangling references", 1.5)
def dangling(rng, model):
    choice = rng.randrange(5)
    if choice == 0:
        item, _ = pick_field(rng, model, ("source",))
        unknown = rng.choice(["nope", item.values["source"].upper(), item.values["source"] + "-x", item.values["source"][:-1]])
        return value_mutant(model, item, "source", unknown, f"claims[{item.index}].source made unknown", True)
    if choice in (1, 2):  # an element of a relates_to or acknowledged claims list
        lines = sorted({line for lines in model.refs.values() for line in lines
                        if "relates_to:" in model.lines[line - 1] or "claims:" in model.lines[line - 1]})
        line = rng.choice(lines)
        item = model.item_at(line)
        text = model.lines[line - 1]
        ids = re.findall(r"[\w-]+(?=[,\]])", text)
        old = rng.choice(ids)
        new_id = rng.choice(["claim-nowhere", old + "-x", item.id or "claim-nowhere"])
        if new_id == old or new_id in ids:
            return None
        edit = Edit(line, line, (re.sub(rf"(?<=[\[ ]){re.escape(old)}(?=[,\]])", new_id, text, count=1),))
        return Mutant("", f"{old!r} made {new_id!r} on line {line}", (edit,), frozenset({line, item.first}), True,
                      touched=frozenset({item.number}))
    part = "sources" if choice == 3 else rng.choice(["claims", "acknowledged"])
    item = rng.choice([i for i in model.items if i.part == part])
    edit = Edit(item.first, item.last, ())
    referring = model.references(item)
    noted = model.notes(item) - set(range(item.first, item.last + 1))
    return Mutant("", f"{part}[{item.index}] ({item.id}) deleted, lines {item.first}-{item.last}", (edit,),
                  frozenset(shifted(n, [edit]) for n in referring | noted), True if referring else (None if noted else False),
                  touched=frozenset({item.number}))


@family("delete a line", 2)
def delete_line(rng, model):
    line = rng.randrange(1, len(model.lines))
    edit = Edit(line, line, ())
    text = model.lines[line - 1]
    item = model.item_at(line)
    where = f"line {line} deleted: {text.strip()[:60]!r}"
    if line in model.headers.values():
        part = next(p for p, at in model.headers.items() if at == line)
        own = [i for i in model.items if i.part == part]
        span = set(range(line, (own[-1].last if own else line) + 1))
        lines = {shifted(n, [edit]) for n in span | {model.next_start(own[-1].last if own else line)}}
        lines |= {1} | {shifted(n, [edit]) for i in own for n in model.references(i)}
        return Mutant("", where, (edit,), frozenset(lines), True, touched=frozenset({("line", line), *[i.number for i in own]}))
    if item is None or not FIELD_LINE.match(text):
        return Mutant("", where, (edit,), frozenset(), False, touched=frozenset({("line", line)}))
    key = split(text)["key"]
    if line == item.first:
        following = model.next_start(item.last)
        lines = set(range(line, following)) | {following - 1} | {shifted(n, [edit]) for n in model.references(item)}
        return Mutant("", where, (edit,), frozenset(lines), True, touched=frozenset({item.number, item.number - 1}))
    lines = {shifted(n, [edit]) for n in model.lost(item, key)}
    return Mutant("", where, (edit,), frozenset(lines), True if key in REQUIRED[item.part] else None,
                  touched=frozenset({item.number}))


@family("duplicate a line", 1.5)
def duplicate_line(rng, model):
    line = rng.randrange(1, len(model.lines))
    text = model.lines[line - 1]
    edit = Edit(line + 1, line, (text,))
    item = model.item_at(line)
    where = f"line {line} duplicated: {text.strip()[:60]!r}"
    if line in model.headers.values():
        part = next(p for p, at in model.headers.items() if at == line)
        own = [i for i in model.items if i.part == part]
        lines = {line, line + 1} | {shifted(n, [edit]) for i in own for n in model.references(i)}
        return Mutant("", where, (edit,), frozenset(lines), True, touched=frozenset({("line", line), *[i.number for i in own]}))
    if item is None or not FIELD_LINE.match(text):
        return Mutant("", where, (edit,), frozenset(), False, touched=frozenset({("line", line)}))
    lines = {line, line + 1} if line == item.first else {line + 1}
    return Mutant("", where, (edit,), frozenset(lines), True, touched=frozenset({item.number}))


@family("swap lines", 1.5)
def swap_lines(rng, model):
    choice = rng.randrange(3)
    if choice == 0:  # two fields of one item: the same data
        item = rng.choice([i for i in model.items if len(i.fields) > 2])
        a, b = rng.sample([line for line in item.fields.values() if line != item.first], 2)
        edits = (Edit(a, a, (model.lines[b - 1],)), Edit(b, b, (model.lines[a - 1],)))
        return Mutant("", f"lines {a} and {b} of one item swapped", edits, frozenset(), False, same=True,
                      touched=frozenset({item.number}))
    if choice == 1:  # the same field of two items of one part
        part = rng.choice(PARTS)
        one, other = rng.sample([i for i in model.items if i.part == part], 2)
        shared = sorted(set(one.fields) & set(other.fields))
        key = rng.choice(shared)
        a, b = one.fields[key], other.fields[key]
        edits = (Edit(a, a, (model.lines[b - 1],)), Edit(b, b, (model.lines[a - 1],)))
        lines = model.depends(one, key) | model.depends(other, key) | model.notes(one) | model.notes(other)
        return Mutant("", f"{key} of lines {a} and {b} swapped", edits, frozenset(lines), None,
                      touched=frozenset({one.number, other.number}))
    pairs = [(i, j) for i, j in zip(model.items, model.items[1:]) if j.first == i.last + 1]
    one, other = rng.choice(pairs)
    a, b = one.last, other.first
    edits = (Edit(a, a, (model.lines[b - 1],)), Edit(b, b, (model.lines[a - 1],)))
    lines = set(range(one.first, other.last + 1)) | {model.next_start(other.last)} | model.references(one) | model.references(other)
    return Mutant("", f"lines {a} and {b} (the end of one item, the start of the next) swapped", edits, frozenset(lines), None,
                  touched=frozenset({one.number, other.number}))


@family("duplicate an item", 0.7)
def duplicate_item(rng, model):
    item = rng.choice(model.items)
    edit = Edit(item.last + 1, item.last, tuple(model.lines[item.first - 1:item.last]))
    return Mutant("", f"{item.part}[{item.index}] duplicated after line {item.last}", (edit,), frozenset({item.last + 1}), True,
                  touched=frozenset({item.number}))
