"""Claims: the schema, strict loading with line numbers, and writing back to YAML.

The file is parsed into YAML nodes (never into Python objects), so nothing in it can execute, every problem
can name its line, and duplicate keys and runaway aliases are caught before any value is built. Every quote (and
every dismissed figure) must stand verbatim, whitespace aside, in its source's article: an upload's own, one in
the sources/ folder beside a file on disk, or one stored in data/sources/.
"""
from __future__ import annotations

import datetime as dt
import functools
import gc
import io
import math
import re
import unicodedata
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Mapping, NamedTuple

import pandas as pd
import yaml
from ruamel.yaml import YAML
from yaml.constructor import SafeConstructor

from lib import notes
from lib.i18n import N_, _, language
from lib.sources import ARTICLES, ArticleUnavailable, article_of, flattened, read_article
from lib.vocabulary import (
    BASES, COMPANY, FINDING_KINDS, INFERABLE_FIELDS, METRICS, MONEY_UNITS, PERS, QUALIFIERS, SOURCE_TYPES, UNITS,
)

from yaml.composer import ComposerError
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, \
    StreamEndEvent
from yaml.resolver import Resolver

try:  # libyaml's parser is several times faster; the pure-Python one behaves the same
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):
        def __init__(self, stream: str):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

SOURCE_FIELDS = ("id", "file", "title", "publisher", "source_type", "language", "published", "written", "url", "note")
CLAIM_FIELDS = (
    "id", "entity", "counterparty", "metric", "scope", "includes", "value", "unit", "per", "period", "basis",
    "qualifier", "tolerance", "source", "quote", "quote_en", "inferred", "relates_to", "same_as", "note",
)
CLAIM_REQUIRED = ("id", "entity", "metric", "value", "period", "basis", "source", "quote", "quote_en")
LIST_FIELDS = ("includes", "inferred", "relates_to")  # kept in the frame as comma-separated text
ACKNOWLEDGED_FIELDS = ("kind", "claims", "reason")
DISMISSED_FIELDS = ("source", "text", "reason")
EXCHANGE_RATE_FIELDS = ("currency", "per_usd", "date", "source", "citation")
CONVERTED_CURRENCIES = tuple(unit for unit in MONEY_UNITS if unit != "USD")  # the currencies a rate may be given for
TOP_FIELDS = ("sources", "claims", "acknowledged", "dismissed", "exchange_rates")
FRAME_COLUMNS = list(CLAIM_FIELDS) + ["line"] + [f"source_{f}" for f in SOURCE_FIELDS if f != "id"]

ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # a key that can stand in a problem's field as it is
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
PERIOD = re.compile(r"^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FILE_NAME = re.compile(r"^[\w.-]+$")
YEARS = (1900, 2100)  # the years a date or period may fall in: every page, the audit and the export handle them
MAX_VALUE = 10**18  # the largest value (a billion billion): sums, rates and projections of it stay finite
URL_SCHEMES = ("http", "https")
URL_FORBIDDEN = frozenset("\"'`<>\\")  # quotes, angle brackets, and a backslash (browsers read it as a slash)
MAX_EXPANSION = 20  # how many times bigger than the file aliases may make the document
MAX_DEPTH = 64  # how deeply lists and mappings may nest (the schema needs 4): deeper ones would exhaust Python's stack
# Characters YAML refuses (control characters, U+FFFE, U+FFFF) and those it reads as line breaks where editors do
# not (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: every line after them would be misnumbered): refused before parsing.
UNREADABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")
LINE_BREAKS = re.compile(r"\r\n|\r|\n")
EMPTY_LIST = N_("must not be an empty list (leave the field out)")

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CORE_TAGS = _SCALAR_TAGS | {_TAG + "map", _TAG + "seq"}


class Acknowledgement(NamedTuple):
    """A finding the file expects and explains (a known slip in an article): it matches an audit finding of
    the same kind about exactly the same claims. Carried in the claims frame's attrs["acknowledged"]; a named
    tuple, so frames that carry it still serialise (Streamlit writes attrs as JSON)."""

    kind: str
    claims: tuple[str, ...]
    reason: str


class Shared(tuple):
    """A tuple a frame's attrs hold that copies share: pandas deep-copies a frame's attrs on nearly every operation,
    and copying these each time cost more than the operations themselves. Immutable, so sharing is safe."""

    def __deepcopy__(self, memo: dict) -> Shared:
        return self


class Acknowledged(Shared):
    """A file's acknowledged findings, a tuple of Acknowledgement, as attrs["acknowledged"] holds them."""


class Dismissal(NamedTuple):
    """A figure an article gives that deserves no claim (a GPU count in passing), with the reason: its source's id
    and the figure's text as the article writes it. Carried in attrs["dismissed"]."""

    source: str
    text: str
    reason: str


class Dismissed(Shared):
    """A file's dismissed figures, a tuple of Dismissal, as attrs["dismissed"] holds them."""


class ExchangeRate(NamedTuple):
    """A rate the file gives for converting a currency to dollars: units of currency per USD on a date, from one of
    the file's sources (source, its id) or from elsewhere (citation, where it comes from). Carried in
    attrs["exchange_rates"]."""

    currency: str
    per_usd: float
    date: str
    source: str | None
    citation: str | None


class ExchangeRates(Shared):
    """A file's exchange rates, a tuple of ExchangeRate, as attrs["exchange_rates"] holds them."""


class ClaimsError(ValueError):
    """Every problem found in a claims file, one `PATH:LINE: field: message` line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Problems:
    """Collects problems for one file, formatted with its path."""

    def __init__(self, path: str):
        self.path = path
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.items.append((line, f"{self.path}:{line}: {field}: {message}"))

    def sorted(self) -> list[str]:
        return [text for _, text in sorted(self.items, key=lambda item: item[0])]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _describe(value) -> str:
    """Name a wrongly typed value the way a reader of the YAML sees it."""
    if isinstance(value, bool):
        return _("boolean {value} (YAML reads yes/no/on/off/true/false as booleans)").format(value=str(value).lower())
    if isinstance(value, str):
        return _("string {value}").format(value=repr(value))
    if value is None:
        return "null"
    return f"{type(value).__name__} {value!r}"


def _decode(data: bytes, problems: _Problems) -> bytes | None:
    """The file's UTF-8 bytes (a byte-order mark left out) when YAML can read every character of them, else None
    after a problem. The parser reads the bytes: a decoded copy of a large file would double what it holds."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:1000]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and head.count(b"\x00") * 4 >= len(head)):
        problems.add(1, "file", _("the file is UTF-16 or UTF-32 (a byte-order mark or NUL bytes between the characters); "
                                  "save it as UTF-8"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = len(re.findall(rb"\r\n|\r|\n", data[: err.start])) + 1
        problems.add(line, "file", _("not valid UTF-8 (byte 0x{byte} at offset {offset})").format(
            byte=f"{data[err.start]:02x}", offset=err.start))
        return None
    if not text.strip():
        problems.add(1, "file", _("the file is empty"))
        return None
    if UNREADABLE.search(text):
        _unreadable(text, problems)
        return None
    return data


def _unreadable(text: str, problems: _Problems) -> None:
    """One problem for each line (the first 20) holding a character in UNREADABLE, at the line an editor shows."""
    line, counted, reported = 1, 0, set()
    for found in UNREADABLE.finditer(text):
        line += len(LINE_BREAKS.findall(text, counted, found.start()))
        counted = found.start()
        if line in reported:
            continue
        reported.add(line)
        char = found.group()
        name = unicodedata.name(char, None) or _("a control character")
        why = _("YAML reads it as a line break") if char in "\x85\u2028\u2029" else _("YAML does not allow it in a file")
        column = found.start() - max(text.rfind("\n", 0, found.start()), text.rfind("\r", 0, found.start()))
        problems.add(line, "file", _("character U+{code} ({name}) at column {column}: {why}; remove it, or write it escaped "
                                     "inside double quotes (\"\\u{escape}\")").format(
            code=f"{ord(char):04X}", name=name, column=column, why=why, escape=f"{ord(char):04x}"))
        if len(reported) == 20:
            return


class _Events(_Parser, Resolver):
    """The parser's events composed into nodes one at a time (as yaml.composer does), so that the validator can
    take the document one top-level item after another and drop each item's nodes once it is read: the nodes of
    a whole file take many times its size. Counts the nodes composed and the nodes their aliases stand for (the
    billion-laughs limit), and refuses an alias inside the node it names (a recursive structure)."""

    def __init__(self, text: bytes):
        _Parser.__init__(self, text)
        Resolver.__init__(self)
        self.anchors: dict[str, yaml.Node] = {}
        self.distinct = 0
        self.expanded = 0
        self._sizes: dict[int, int] = {}  # per node an alias names (kept alive by anchors): its expanded size
        self._open: set[str] = set()  # anchors of the collections being composed
        self._depth = 0
        self._tags: dict[tuple[str, tuple[bool, bool]], str] = {}  # short scalars' resolved tags

    def compose_node(self) -> yaml.Node:
        """The next node, with everything inside it."""
        event = self.get_event()
        kind = type(event)
        if kind is AliasEvent:
            return self._alias(event)
        self.distinct += 1
        self.expanded += 1
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise ComposerError(f"found duplicate anchor {anchor!r}; first occurrence", self.anchors[anchor].start_mark,
                                "second occurrence", event.start_mark)
        tag = event.tag
        if kind is ScalarEvent:
            if tag is None or tag == "!":
                value = event.value
                if len(value) <= 32:  # field names and vocabulary repeat on every item: resolved once each
                    tag = self._tags.get((value, event.implicit))
                    if tag is None:
                        tag = self._tags[value, event.implicit] = self.resolve(yaml.ScalarNode, value, event.implicit)
                else:
                    tag = self.resolve(yaml.ScalarNode, value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            if anchor is not None:
                self.anchors[anchor] = node
            return node
        mapping = kind is MappingStartEvent
        if tag is None or tag == "!":
            tag = self.resolve(yaml.MappingNode if mapping else yaml.SequenceNode, None, event.implicit)
        node = (yaml.MappingNode if mapping else yaml.SequenceNode)(tag, [], event.start_mark, None, flow_style=event.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
            self._open.add(anchor)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ComposerError(None, None, _("lists and mappings nested more than {depth} deep; not allowed").format(
                depth=MAX_DEPTH), event.start_mark)
        items = node.value
        end = MappingEndEvent if mapping else SequenceEndEvent
        while not self.check_event(end):
            items.append((self.compose_node(), self.compose_node()) if mapping else self.compose_node())
        node.end_mark = self.get_event().end_mark
        self._depth -= 1
        self._open.discard(anchor)
        return node

    def _alias(self, event) -> yaml.Node:
        if event.anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        if event.anchor in self._open:
            raise ComposerError(None, None, _("the alias *{anchor} is inside the node it names (a recursive structure); "
                                              "not allowed").format(anchor=event.anchor), event.start_mark)
        node = self.anchors[event.anchor]
        if id(node) not in self._sizes:
            self._sizes[id(node)] = _expanded_size(node)[1]
        self.expanded += self._sizes[id(node)]
        if self.too_big():
            raise _TooBig(self.distinct, self.expanded)
        return _relocated(node, event.start_mark, event.end_mark)

    def too_big(self) -> bool:
        return self.expanded > MAX_EXPANSION * self.distinct + 1000

    def end_of_document(self, start: yaml.Mark) -> None:
        """After the top-level node: the document's end, and nothing after it (one document per file)."""
        self.get_event()
        if not self.check_event(StreamEndEvent):
            raise ComposerError("expected a single document in the stream", start, "but found another document",
                                self.get_event().start_mark)


def _relocated(node: yaml.Node, start: yaml.Mark, end: yaml.Mark) -> yaml.Node:
    """A copy of the node an alias names, and of everything in it, placed at the alias: a problem with the value
    is reported where it is used, not where the anchor happens to be."""
    if isinstance(node, yaml.ScalarNode):
        return yaml.ScalarNode(node.tag, node.value, start, end, style=node.style)
    if isinstance(node, yaml.MappingNode):
        pairs = [(_relocated(key, start, end), _relocated(value, start, end)) for key, value in node.value]
        return yaml.MappingNode(node.tag, pairs, start, end, flow_style=node.flow_style)
    return yaml.SequenceNode(node.tag, [_relocated(item, start, end) for item in node.value], start, end, flow_style=node.flow_style)


class _TooBig(Exception):
    """Aliases would make the document far bigger than the file: (nodes composed, nodes they stand for)."""


def _expanded_size(root: yaml.Node) -> tuple[int, int]:
    """Count distinct nodes and nodes after alias expansion, without expanding anything."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = 1
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else node.value
        if children_done:
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 0) for c in children)
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return len(sizes), sizes[id(root)]


class _Builder:
    """Turns YAML nodes into plain Python values, reporting problems with line numbers."""

    _constructor = SafeConstructor()
    _construct = {
        _TAG + "str": lambda c, n: n.value,
        _TAG + "int": SafeConstructor.construct_yaml_int,
        _TAG + "float": SafeConstructor.construct_yaml_float,
        _TAG + "bool": SafeConstructor.construct_yaml_bool,
        _TAG + "null": lambda c, n: None,
        _TAG + "timestamp": lambda c, n: n.value,  # dates are checked as text
    }

    def __init__(self, problems: _Problems):
        self.problems = problems

    def scalar(self, node: yaml.Node, field: str):
        """A scalar's value, or a problem when the node is a list, a mapping or has a custom tag."""
        if node.tag not in _CORE_TAGS:
            self.problems.add(_line(node), field, _tag_refused(node))
            return _INVALID
        if not isinstance(node, yaml.ScalarNode):
            self.problems.add(_line(node), field, _("expected a single value, got {kind}").format(kind=_node_kind(node)))
            return _INVALID
        if node.tag not in _SCALAR_TAGS:
            self.problems.add(_line(node), field, _tag_refused(node))
            return _INVALID
        try:
            return self._construct[node.tag](self._constructor, node)
        except (ValueError, yaml.YAMLError) as err:
            self.problems.add(_line(node), field, _("cannot read {value}: {error}").format(value=repr(node.value), error=err))
            return _INVALID

    def mapping(self, node: yaml.Node, field: str, allowed: tuple[str, ...]) -> dict | None:
        """A mapping's keys and nodes; unknown, duplicate and non-string keys are problems."""
        if not isinstance(node, yaml.MappingNode):
            self.problems.add(_line(node), field or "top level",
                              _("expected a mapping, got {kind}").format(kind=_node_kind(node)))
            return None
        if node.tag != _TAG + "map":
            self.problems.add(_line(node), field or "top level", _tag_refused(node))
            return None
        result: dict[str, yaml.Node] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, field, allowed, lines, _line(value_node))
            if key is not None:
                result[key] = value_node
        return result

    def key(self, key_node: yaml.Node, field: str, allowed: tuple[str, ...], lines: dict[str, int], value_line: int):
        """A mapping key's field name, or None after a problem (a merge key, a key that is not text, a repeat or an
        unknown field). lines maps the keys read so far to their values' lines, and gets this one."""
        where = field or "top level"
        if key_node.tag == _TAG + "merge":
            self.problems.add(_line(key_node), where, _("merge keys (<<) are not allowed"))
            return None
        if not isinstance(key_node, yaml.ScalarNode):
            self.problems.add(_line(key_node), where, _("keys must be field names, got {kind}").format(kind=_node_kind(key_node)))
            return None
        key = self.scalar(key_node, where)
        if key is _INVALID:
            return None
        if not isinstance(key, str):
            self.problems.add(_line(key_node), where, _("keys must be field names, got {kind}").format(kind=_describe(key)))
        elif key in lines:
            self.problems.add(_line(key_node), _join(field, key),
                              _("duplicate key (first at line {line})").format(line=lines[key]))
        elif key not in allowed:
            if FIELD_NAME.match(key):
                self.problems.add(_line(key_node), _join(field, key),
                                  _("unknown field; allowed: {allowed}").format(allowed=", ".join(allowed)))
            else:  # a name with spaces, colons or invisible characters is quoted in the message, not the field
                self.problems.add(_line(key_node), where,
                                  _("unknown field {key}; allowed: {allowed}").format(key=repr(key), allowed=", ".join(allowed)))
        else:
            lines[key] = value_line
            return key
        return None

    def sequence(self, node: yaml.Node, field: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode) or node.tag != _TAG + "seq":
            self.problems.add(_line(node), field, _("expected a list, got {kind}").format(kind=_node_kind(node)))
            return []
        return node.value


class _Invalid:
    """Marks a value that already produced a problem, so no second message is given for it."""


_INVALID = _Invalid()


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return "null" if node.tag == _TAG + "null" else _("the value {value}").format(value=repr(node.value))
    if node.tag not in _CORE_TAGS:
        return _("a value tagged {tag}").format(tag=repr(node.tag))
    return _("a list") if isinstance(node, yaml.SequenceNode) else _("a mapping")


def _tag_refused(node: yaml.Node) -> str:
    return _("YAML tag {tag} is not allowed (plain values only)").format(tag=repr(node.tag))


def _shorten(text: str, keep: int = 40) -> str:
    """A value as the file writes it, its middle left out when it is long (a number of 309 digits)."""
    if len(text) <= keep:
        return text
    return _("{start}...{end} ({count} characters)").format(start=text[:keep // 2], end=text[-keep // 2:], count=len(text))


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _check_date(text: str) -> str | None:
    """The problem with a YYYY-MM-DD text, or None when it is a real date."""
    if not DATE.match(text):
        return _("expected a date YYYY-MM-DD, got {text}").format(text=repr(text))
    try:
        dt.date.fromisoformat(text)
    except ValueError as err:
        return _("impossible date {text} ({error})").format(text=repr(text), error=err)
    return _check_year(text)


def _check_year(text: str) -> str | None:
    """The problem with a date or period whose year is outside YEARS, or None."""
    if not YEARS[0] <= int(text[:4]) <= YEARS[1]:
        return _("the year of {text} is outside {first} to {last}").format(text=repr(text), first=YEARS[0], last=YEARS[1])
    return None


def _check_period(text: str) -> str | None:
    """The problem with a period (YYYY, YYYY-H1, YYYY-Q3, YYYY-MM, YYYY-MM-DD), or None."""
    match = PERIOD.match(text)
    if not match:
        return _("expected a period like 2024, 2024-H2, 2024-Q3, 2024-10 or 2024-10-02, got {text}").format(text=repr(text))
    month, day = match.group(4, 5)
    if month and not 1 <= int(month) <= 12:
        return _("impossible month in {text}").format(text=repr(text))
    if day:
        return _check_date(text)
    return _check_year(text)


def _check_url(text: str) -> str | None:
    """The problem with a source's address, or None: one http or https address with a host, nothing in it that
    could end it or start another (whitespace, control characters, quotes, angle brackets)."""
    refused = sorted({c for c in text if c.isspace() or unicodedata.category(c).startswith("C") or c in URL_FORBIDDEN})
    if refused:
        shown = ", ".join(repr(c) if c.isprintable() else f"U+{ord(c):04X}" for c in refused)
        return _("must be one address without whitespace, control characters, quotes or angle brackets; found {shown} "
                 "in {text}").format(shown=shown, text=repr(text))
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # raises on a port that is not a number
    except ValueError as err:
        return _("not a valid address {text} ({error})").format(text=repr(text), error=err)
    if parts.scheme.lower() not in URL_SCHEMES or not parts.hostname:
        return _("must be an http:// or https:// address with a host, got {text}").format(text=repr(text))
    return None


class _Validator:
    """Checks one parsed document against the schema and builds the rows of the frame."""

    def __init__(self, path: str, problems: _Problems):
        self.problems = problems
        self.build = _Builder(problems)
        self.path = path

    def text(self, nodes: dict, key: str, field: str, *, required: bool = True, nullable: bool = False):
        node = nodes.get(key)
        where = _join(field, key)
        if node is None:
            if required:
                self.problems.add(self.line, where, _("missing"))
            return None
        value = self.build.scalar(node, where)
        if value is _INVALID:
            return None
        if value is None and nullable:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and key in ("period", "written"):
            value = str(value)  # an unquoted year
        if not isinstance(value, str):
            self.problems.add(_line(node), where, _("expected text, got {value}").format(value=_describe(value)))
            return None
        if not value.strip():
            self.problems.add(_line(node), where, _("must not be empty"))
            return None
        return value

    def choice(self, nodes: dict, key: str, field: str, options, *, required: bool = True):
        value = self.text(nodes, key, field, required=required)
        if value is not None and value not in options:
            self.problems.add(_line(nodes[key]), _join(field, key), _("unknown {key} {value}; allowed: {allowed}").format(
                key=key, value=repr(value), allowed=", ".join(options)))
            return None
        return value

    def source(self, node: yaml.Node, index: int) -> dict | None:
        field = f"sources[{index}]"
        nodes = self.build.mapping(node, field, SOURCE_FIELDS)
        if nodes is None:
            return None
        self.line = _line(node)
        row = {"line": self.line, "index": index, "at": self.problems}
        row["id"] = self.slug(nodes, field)
        row["file"] = self.text(nodes, "file", field)
        if row["file"] and not FILE_NAME.match(row["file"]):
            self.problems.add(_line(nodes["file"]), f"{field}.file", _("must be a plain file name (no folders)"))
            row["file"] = None  # no article is read under it
        row["title"] = self.text(nodes, "title", field)
        row["publisher"] = self.text(nodes, "publisher", field)
        row["source_type"] = self.choice(nodes, "source_type", field, SOURCE_TYPES)
        row["language"] = self.text(nodes, "language", field)
        if row["language"] and row["language"] not in ISO_639_1:
            self.problems.add(_line(nodes["language"]), f"{field}.language",
                              _("not an ISO 639-1 code: {code}").format(code=repr(row["language"])))
        self.required_key(nodes, "published", field)
        published = self.text(nodes, "published", field, required=False, nullable=True)
        if published is not None:
            problem = _check_date(published)
            if problem:
                self.problems.add(_line(nodes["published"]), f"{field}.published", problem)
            else:
                row["published"] = published
        self.written(nodes, field, row, dated="published" in nodes and published is not None)
        self.required_key(nodes, "url", field)
        url = self.text(nodes, "url", field, required=False, nullable=True)
        problem = _check_url(url) if url is not None else None
        if problem:
            self.problems.add(_line(nodes["url"]), f"{field}.url", problem)
        row["url"] = None if problem else url
        row["note"] = self.text(nodes, "note", field)
        return row

    def written(self, nodes: dict, field: str, row: dict, dated: bool) -> None:
        """`written`: the period an undated article was evidently written in; required without a date, and
        refused beside one (the date says more)."""
        if dated:
            if "written" in nodes:
                self.problems.add(_line(nodes["written"]), f"{field}.written", _("only for undated sources (published is set)"))
            return
        if "written" not in nodes:
            if "published" in nodes:
                self.problems.add(self.line, f"{field}.written",
                                  _("missing (an undated source needs the period it was written in, e.g. 2024 or 2024-H2)"))
            return
        row["written"] = self.period(nodes, "written", field)

    def period(self, nodes: dict, key: str, field: str) -> str | None:
        value = self.text(nodes, key, field, required=False)
        if value:
            problem = _check_period(value)
            if problem:
                self.problems.add(_line(nodes[key]), f"{field}.{key}", problem)
                return None
        return value

    def names(self, nodes: dict, key: str, field: str, allowed, what: str) -> str | None:
        """A list of names from a vocabulary (what: its kind, marked with N_), kept as comma-separated text; empty
        lists and repeats are refused."""
        if key not in nodes:
            return None
        items = self.build.sequence(nodes[key], _join(field, key))
        names = []
        for position, node in enumerate(items):
            value = self.build.scalar(node, f"{field}.{key}[{position}]")
            if value is _INVALID:
                continue
            if not isinstance(value, str):
                self.problems.add(_line(node), f"{field}.{key}[{position}]",
                                  _("expected a {what} name, got {value}").format(what=_(what), value=_describe(value)))
            elif value not in allowed:
                self.problems.add(_line(node), f"{field}.{key}[{position}]",
                                  _("unknown {what} {value}; allowed: {allowed}").format(
                                      what=_(what), value=repr(value), allowed=", ".join(allowed)))
            elif value in names:
                self.problems.add(_line(node), f"{field}.{key}[{position}]", _("{value} is listed twice").format(value=value))
            else:
                names.append(value)
        if not items and isinstance(nodes[key], yaml.SequenceNode):
            self.problems.add(_line(nodes[key]), _join(field, key), _(EMPTY_LIST))
        return ",".join(names) or None

    def ids(self, nodes: dict, key: str, field: str, empty: str = EMPTY_LIST) -> list[tuple[str, int, str]] | None:
        """A list of claim ids as (id, line, field) for checking against every claim once all are read;
        empty lists (the `empty` problem, marked with N_) and repeats are refused."""
        if key not in nodes:
            return None
        items = self.build.sequence(nodes[key], _join(field, key))
        found: list[tuple[str, int, str]] = []
        for position, node in enumerate(items):
            where = f"{field}.{key}[{position}]"
            value = self.build.scalar(node, where)
            if value is _INVALID:
                continue
            if not isinstance(value, str):
                self.problems.add(_line(node), where, _("expected a claim id, got {value}").format(value=_describe(value)))
            elif value in [f[0] for f in found]:
                self.problems.add(_line(node), where, _("{value} is listed twice").format(value=value))
            else:
                found.append((value, _line(node), where))
        if not items and isinstance(nodes[key], yaml.SequenceNode):
            self.problems.add(_line(nodes[key]), _join(field, key), _(empty))
        return found

    def required_key(self, nodes: dict, key: str, field: str) -> None:
        if key not in nodes:
            self.problems.add(self.line, _join(field, key), _("missing (write null when unknown)"))

    def slug(self, nodes: dict, field: str) -> str | None:
        value = self.text(nodes, "id", field)
        if value is not None and not SLUG.match(value):
            self.problems.add(_line(nodes["id"]), f"{field}.id",
                              _("must be a slug of a-z, 0-9, - and _, got {value}").format(value=repr(value)))
        return value

    def number(self, nodes: dict, field: str, key: str = "value"):
        node = nodes.get(key)
        if node is None:
            self.problems.add(self.line, f"{field}.value", _("missing (write null for events)"))
            return _INVALID
        value = self.build.scalar(node, f"{field}.{key}")
        if value is None or value is _INVALID:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problems.add(_line(node), f"{field}.{key}", _("expected a number, got {value}").format(value=_describe(value)))
            return _INVALID
        try:
            finite = math.isfinite(value)  # an int too large for a float raises OverflowError
        except OverflowError:
            finite = False
        if not finite:
            self.problems.add(_line(node), f"{field}.{key}",
                              _("must be a finite number, got {value}").format(value=_shorten(node.value)))
            return _INVALID
        if value < 0:
            self.problems.add(_line(node), f"{field}.{key}", _("must be >= 0, got {value}").format(value=_shorten(node.value)))
            return _INVALID
        if value > MAX_VALUE:
            self.problems.add(_line(node), f"{field}.{key}",
                              _("must be at most 10^18, got {value}").format(value=_shorten(node.value)))
            return _INVALID
        return value

    def claim(self, node: yaml.Node, index: int) -> dict | None:
        field = f"claims[{index}]"
        nodes = self.build.mapping(node, field, CLAIM_FIELDS)
        if nodes is None:
            return None
        self.line = _line(node)
        for key in CLAIM_REQUIRED:
            if key not in nodes and key != "value":
                self.problems.add(self.line, f"{field}.{key}", _("missing"))
        row = {"line": self.line, "index": index, "at": self.problems, "id": self.slug(nodes, field)}
        row["entity"] = self.text(nodes, "entity", field, required=False)
        row["counterparty"] = self.text(nodes, "counterparty", field, required=False)
        row["metric"] = self.choice(nodes, "metric", field, METRICS, required=False)
        row["scope"] = self.text(nodes, "scope", field, required=False)
        row["includes"] = self.names(nodes, "includes", field, [m for m, d in METRICS.items() if d.waterfall], N_("metric"))
        if row["includes"] and not set(row["includes"].split(",")) - {row["metric"]}:
            self.problems.add(_line(nodes["includes"]), f"{field}.includes", _("must name a metric other than the claim's own"))
        value = self.number(nodes, field)
        row["value"] = None if value is _INVALID else value
        row["unit"] = self.choice(nodes, "unit", field, UNITS, required=False)
        row["per"] = self.choice(nodes, "per", field, PERS, required=False)
        row["period"] = self.period(nodes, "period", field)
        row["basis"] = self.choice(nodes, "basis", field, BASES, required=False)
        row["qualifier"] = self.choice(nodes, "qualifier", field, QUALIFIERS, required=False)
        row["tolerance"] = self.tolerance(nodes, field, row["qualifier"])
        row["source"] = self.text(nodes, "source", field, required=False)
        row["source_line"] = _line(nodes["source"]) if "source" in nodes else self.line
        row["quote"] = self.text(nodes, "quote", field, required=False)
        row["quote_line"] = _line(nodes["quote"]) if "quote" in nodes else self.line
        row["quote_en"] = self.text(nodes, "quote_en", field, required=False)
        row["inferred"] = self.names(nodes, "inferred", field, INFERABLE_FIELDS, N_("field"))
        row["relates_to"] = self.ids(nodes, "relates_to", field)
        row["same_as"] = self.text(nodes, "same_as", field, required=False)
        row["same_as_line"] = _line(nodes["same_as"]) if "same_as" in nodes else self.line
        row["note"] = self.text(nodes, "note", field, required=False)
        row["note_line"] = _line(nodes["note"]) if "note" in nodes else self.line
        if row["metric"]:
            self.metric_rules(nodes, field, row, value)
        return row

    def tolerance(self, nodes: dict, field: str, qualifier: str | None) -> float | None:
        """A claim's own interval width (0.05 = 5%), replacing its qualifier's default where it has one."""
        if "tolerance" not in nodes:
            return None
        value = self.number(nodes, field, "tolerance")
        if value is _INVALID or value is None:
            if value is None:
                self.problems.add(_line(nodes["tolerance"]), f"{field}.tolerance", _("expected a number, got null"))
            return None
        where = _line(nodes["tolerance"])
        if not 0 < value < 1:
            self.problems.add(where, f"{field}.tolerance",
                              _("must be a fraction between 0 and 1 (0.05 = 5%), got {value}").format(value=value))
            return None
        if qualifier and not QUALIFIERS[qualifier].tolerant:
            self.problems.add(where, f"{field}.tolerance",
                              _("{qualifier} is open on one side and takes no tolerance").format(qualifier=qualifier))
            return None
        return float(value)

    def metric_rules(self, nodes: dict, field: str, row: dict, value) -> None:
        """Unit, per and qualifier must fit the metric's kind."""
        metric = METRICS[row["metric"]]
        where = _line(nodes["metric"])
        if metric.kind == "event":
            for key in ("unit", "per", "includes", "tolerance"):
                if key in nodes:
                    self.problems.add(_line(nodes[key]), f"{field}.{key}",
                                      _("events ({metric}) take no {key}").format(metric=metric.name, key=key))
            if value not in (None, _INVALID):
                self.problems.add(_line(nodes["value"]), f"{field}.value",
                                  _("events ({metric}) take value: null").format(metric=metric.name))
            return
        units = ", ".join(metric.units)
        if "unit" not in nodes:
            self.problems.add(where, f"{field}.unit",
                              _("missing (a {metric} needs one of {units})").format(metric=metric.name, units=units))
        elif row["unit"] and row["unit"] not in metric.units:
            self.problems.add(_line(nodes["unit"]), f"{field}.unit", _("{unit} does not fit {metric}; allowed: {units}").format(
                unit=row["unit"], metric=metric.name, units=units))
        if metric.per == "required" and "per" not in nodes:
            self.problems.add(where, f"{field}.per",
                              _("missing (a {metric} is a rate: day, month or year)").format(metric=metric.name))
        if metric.per == "forbidden" and "per" in nodes:
            what = _("a stock (a level at a date)") if metric.kind == "stock" else _("one amount over its period")
            self.problems.add(_line(nodes["per"]), f"{field}.per",
                              _("a {metric} is {what} and takes no per").format(metric=metric.name, what=what))
        if value is not None and value is not _INVALID and "qualifier" not in nodes:
            self.problems.add(where, f"{field}.qualifier", _("missing (exact, approximately, at_least, ...)"))

    def acknowledgement(self, node: yaml.Node, index: int) -> dict | None:
        """One entry of the acknowledged list: a finding's kind, its claims and why it is expected."""
        field = f"acknowledged[{index}]"
        nodes = self.build.mapping(node, field, ACKNOWLEDGED_FIELDS)
        if nodes is None:
            return None
        self.line = _line(node)
        row = {"line": self.line, "index": index, "at": self.problems}
        row["kind"] = self.choice(nodes, "kind", field, FINDING_KINDS)
        if "claims" not in nodes:
            self.problems.add(self.line, f"{field}.claims", _("missing"))
        row["claims"] = self.ids(nodes, "claims", field, empty=N_("must name at least one claim")) or []
        row["reason"] = self.text(nodes, "reason", field)
        return row

    def dismissal(self, node: yaml.Node, index: int) -> dict | None:
        """One entry of the dismissed list: a figure of a source's article, as written, and why it has no claim."""
        field = f"dismissed[{index}]"
        nodes = self.build.mapping(node, field, DISMISSED_FIELDS)
        if nodes is None:
            return None
        self.line = _line(node)
        row = {"line": self.line, "index": index, "at": self.problems}
        row["source"] = self.text(nodes, "source", field)
        row["source_line"] = _line(nodes["source"]) if "source" in nodes else self.line
        row["text"] = self.text(nodes, "text", field)
        row["text_line"] = _line(nodes["text"]) if "text" in nodes else self.line
        row["reason"] = self.text(nodes, "reason", field)
        return row

    def exchange_rate(self, node: yaml.Node, index: int) -> dict | None:
        """One entry of the exchange_rates list: units of a currency per USD on a date, and where the rate comes
        from: one of the file's sources (source) or a citation, not both."""
        field = f"exchange_rates[{index}]"
        nodes = self.build.mapping(node, field, EXCHANGE_RATE_FIELDS)
        if nodes is None:
            return None
        self.line = _line(node)
        row = {"line": self.line, "index": index, "at": self.problems}
        row["currency"] = self.choice(nodes, "currency", field, CONVERTED_CURRENCIES)
        row["per_usd"] = None
        if "per_usd" not in nodes:
            self.problems.add(self.line, f"{field}.per_usd", _("missing (units of the currency that one US dollar buys)"))
        else:
            value = self.number(nodes, field, "per_usd")
            if value is None:
                self.problems.add(_line(nodes["per_usd"]), f"{field}.per_usd", _("expected a number, got null"))
            elif value is not _INVALID and value == 0:
                self.problems.add(_line(nodes["per_usd"]), f"{field}.per_usd", _("must be more than 0"))
            elif value is not _INVALID:
                row["per_usd"] = float(value)
        row["date"] = self.text(nodes, "date", field)
        if row["date"] is not None:
            problem = _check_date(row["date"])
            if problem:
                self.problems.add(_line(nodes["date"]), f"{field}.date", problem)
                row["date"] = None
        row["source"] = self.text(nodes, "source", field, required=False)
        row["source_line"] = _line(nodes["source"]) if "source" in nodes else self.line
        row["citation"] = self.text(nodes, "citation", field, required=False)
        if "source" in nodes and "citation" in nodes:
            self.problems.add(_line(nodes["citation"]), f"{field}.citation",
                              _("give source or citation, not both (source: a source id of this file)"))
        elif "source" not in nodes and "citation" not in nodes:
            self.problems.add(self.line, f"{field}.source",
                              _("missing (where the rate comes from: source, a source id of this file, or citation)"))
        return row

    def document(self, root: yaml.Node) -> tuple[list[dict], ...]:
        """The rows of each top-level list (TOP_FIELDS), each checked on its own (see _cross_check for the rest)."""
        top = self.build.mapping(root, "", TOP_FIELDS)
        if top is None:
            return _NOTHING
        self.missing_parts(top, _line(root))
        return tuple(self.items(key, self.build.sequence(top[key], key)) if key in top else [] for key in TOP_FIELDS)

    def stream(self, events: _Events) -> tuple[list[dict], ...]:
        """As document, reading the top-level lists one item at a time as the parser composes it: only the rows
        stay in memory. A top level that is not a plain mapping is composed whole and read by document. Raises
        _TooBig as soon as aliases make the document far bigger than the file."""
        events.get_event()  # the stream's start
        if events.check_event(StreamEndEvent):
            self.problems.add(1, "file", _("the file holds no YAML document"))
            return _NOTHING
        start = events.get_event().start_mark  # the document's start
        first = events.peek_event()
        if not isinstance(first, MappingStartEvent) or first.anchor is not None or first.tag not in (None, "!"):
            root = events.compose_node()
            if events.too_big():
                raise _TooBig(events.distinct, events.expanded)
            events.end_of_document(start)
            return self.document(root)
        events.get_event()
        parts: dict[str, list[dict]] = {key: [] for key in TOP_FIELDS}
        lines: dict[str, int] = {}
        while not events.check_event(MappingEndEvent):
            key = self.build.key(events.compose_node(), "", TOP_FIELDS, lines, events.peek_event().start_mark.line + 1)
            ahead = events.peek_event()
            if key is not None and isinstance(ahead, SequenceStartEvent) and ahead.anchor is None and ahead.tag in (None, "!"):
                events.get_event()
                index = 0
                while not events.check_event(SequenceEndEvent):
                    parts[key] += self.items(key, [events.compose_node()], start=index)
                    index += 1
                    if events.too_big():
                        raise _TooBig(events.distinct, events.expanded)
                events.get_event()
            else:
                value = events.compose_node()
                if key is not None:
                    parts[key] = self.items(key, self.build.sequence(value, key))
            if events.too_big():
                raise _TooBig(events.distinct, events.expanded)
        events.get_event()
        events.end_of_document(start)
        self.missing_parts(lines, first.start_mark.line + 1)
        return tuple(parts[key] for key in TOP_FIELDS)

    def missing_parts(self, present, line: int) -> None:
        for key in ("sources", "claims"):
            if key not in present:
                self.problems.add(line, key, _("missing"))

    def items(self, key: str, nodes: list[yaml.Node], start: int = 0) -> list[dict]:
        """The rows of the items of one top-level list, from its item number start on; items with no row (not a
        mapping) are left out."""
        read = {"sources": self.source, "claims": self.claim, "acknowledged": self.acknowledgement,
                "dismissed": self.dismissal, "exchange_rates": self.exchange_rate}[key]
        rows = (read(node, index) for index, node in enumerate(nodes, start))
        return [row for row in rows if row]


_NOTHING = ((),) * len(TOP_FIELDS)  # the rows of a document that could not be read


def _cross_check(sources: list[dict], claims: list[dict], acknowledged: list[dict], dismissed: list[dict],
                 rates: list[dict]) -> None:
    """What needs every file read: unique ids; every source, related claim and acknowledged claim known; each
    figure dismissed once, and rates given once per currency and date. A problem is reported in the file that has
    it; one found across files names the other file."""
    _unique(sources, "sources")
    _unique(claims, "claims")
    known_sources = {s["id"] for s in sources}
    known_claims = {c["id"] for c in claims}
    for claim in claims:
        if claim["source"] and claim["source"] not in known_sources:
            claim["at"].add(claim["source_line"], f"claims[{claim['index']}].source", _unknown_source(claim["source"]))
        for claim_id, line, where in claim["relates_to"] or []:
            if claim_id == claim["id"]:
                claim["at"].add(line, where, _("a claim cannot relate to itself"))
            elif claim_id not in known_claims:
                claim["at"].add(line, where, _unknown_claim(claim_id))
    _check_same_as(claims)
    first: dict[tuple, dict] = {}
    for entry in acknowledged:
        for claim_id, line, where in entry["claims"]:
            if claim_id not in known_claims:
                entry["at"].add(line, where, _unknown_claim(claim_id))
        key = (entry["kind"], frozenset(c[0] for c in entry["claims"]))
        if key in first:
            entry["at"].add(entry["line"], f"acknowledged[{entry['index']}]",
                            _("acknowledges the same finding as the entry {place}").format(place=_place(first[key], entry)))
        elif entry["kind"] and entry["claims"]:
            first[key] = entry
    for entry in (*dismissed, *rates):
        if entry["source"] and entry["source"] not in known_sources:
            part = "dismissed" if "text" in entry else "exchange_rates"
            entry["at"].add(entry["source_line"], f"{part}[{entry['index']}].source", _unknown_source(entry["source"]))
    _once(dismissed, ("source", "text"), "dismissed", _("dismisses the same figure as the entry {place}"))
    _once(rates, ("currency", "date"), "exchange_rates", _("gives a rate for the same currency and date as the entry {place}"))


def _unknown_source(source_id: str) -> str:
    return _("unknown source {source}").format(source=repr(source_id))


def _unknown_claim(claim_id: str) -> str:
    return _("unknown claim {claim}").format(claim=repr(claim_id))


def _once(entries: list[dict], keys: tuple[str, ...], part: str, message: str) -> None:
    """Each entry's keys given once: a later entry with the same ones is refused with message, its {place}
    naming the first."""
    first: dict[tuple, dict] = {}
    for entry in entries:
        key = tuple(entry[k] for k in keys)
        if None in key:
            continue
        if key in first:
            entry["at"].add(entry["line"], f"{part}[{entry['index']}]", message.format(place=_place(first[key], entry)))
        else:
            first[key] = entry


class _Articles:
    """The article texts quotes are checked against, by file name: those given (an upload's own sources/), then
    those in the folders given (the sources/ folder beside a claims file loaded from disk), then those stored in
    data/sources/; each read, reduced to text (lib.sources.article_of) and flattened once."""

    def __init__(self, given: Mapping[str, str] | None, folders: tuple[Path, ...] = ()):
        self.given = given or {}
        self.folders = folders
        self.flat: dict[str, str | None] = {}
        self.found: dict[tuple[str, str], bool] = {}  # (file, text) -> whether the article holds it: repeats are many

    def holds(self, file: str, text: str) -> bool:
        """Whether the (given or stored) article holds text, whitespace aside."""
        key = (file, text)
        if key not in self.found:
            self.found[key] = flattened(text) in self.text(file)
        return self.found[key]

    def text(self, file: str) -> str | None:
        """The article's flattened text, or None when it is neither given nor stored."""
        if file not in self.flat:
            self.flat[file] = self._read(file)
        return self.flat[file]

    def _read(self, file: str) -> str | None:
        if file in self.given:
            return flattened(article_of(file, self.given[file]).text)
        for folder in self.folders:
            try:
                return flattened(read_article(file, folder).text)
            except ArticleUnavailable:
                continue
        return _stored_flat(file, _stamp(file))


@functools.lru_cache(maxsize=256)
def _stored_flat(file: str, stamp: tuple[int, int] | None) -> str | None:
    """A stored article's flattened text, or None when it is not stored."""
    if stamp is None:
        return None
    try:
        return flattened(read_article(file).text)
    except ArticleUnavailable:
        return None


def _unverified(text: str, source: dict, articles: _Articles) -> str | None:
    """Why a text (a quote, a dismissed figure) cannot be taken as its source's article's own words, or None."""
    if not source["file"]:
        return _("cannot be checked: its source {source} names no article file it can be read from; give the source's "
                 "file and include the article").format(source=source["id"])
    article = articles.text(source["file"])
    if article is None:
        return _("cannot be checked: the article {file} of source {source} is in no sources/ folder beside the claims file "
                 "(in the upload's zip, or on disk) nor stored in data/sources/; include it as sources/{file} beside "
                 "claims.yaml").format(file=source["file"], source=source["id"])
    if not articles.holds(source["file"], text):
        return _("not found in the article {file} of source {source} (whitespace aside); copy it exactly as the article "
                 "writes it").format(file=source["file"], source=source["id"])
    return None


def _check_verbatim(sources: list[dict], claims: list[dict], dismissed: list[dict], articles: _Articles) -> None:
    """Every claim's quote and every dismissed figure stands verbatim (whitespace aside) in its source's article.
    A text whose source is unknown, or whose id is given twice, is left alone: its source line says why."""
    counts = Counter(s["id"] for s in sources if s["id"])
    by_id = {s["id"]: s for s in sources if s["id"] and counts[s["id"]] == 1}
    for rows, key, part in ((claims, "quote", "claims"), (dismissed, "text", "dismissed")):
        for row in rows:
            source = by_id.get(row["source"])
            if source is None or not row[key]:
                continue
            problem = _unverified(row[key], source, articles)
            if problem:
                row["at"].add(row[f"{key}_line"], f"{part}[{row['index']}].{key}", problem)


SAME_FIGURE = ("source", "entity", "metric", "scope", "value", "unit", "per", "period")  # what same_as must share


def _check_same_as(claims: list[dict]) -> None:
    """same_as names the main record of the same figure in the same article: a known claim, not the claim
    itself, not one that is itself a repeat (no chains). That the two give the same figure: _check_same_figures."""
    by_id = {c["id"]: c for c in claims if c["id"]}
    for claim in claims:
        target_id = claim["same_as"]
        if target_id is None:
            continue
        where = (claim["same_as_line"], f"claims[{claim['index']}].same_as")
        target = by_id.get(target_id)
        if target_id == claim["id"]:
            claim["at"].add(*where, _("a claim cannot be the same figure as itself"))
        elif target is None:
            claim["at"].add(*where, _unknown_claim(target_id))
        elif target["same_as"] is not None:
            claim["at"].add(*where, _("{claim} is itself the same figure as {main}; name {main}, the figure's main "
                                      "record").format(claim=target_id, main=target["same_as"]))


def _check_same_figures(claims: list[dict]) -> None:
    """A claim and the main record its same_as names give the same source, entity, metric, scope, value, unit,
    per and period; a difference is reported at the same_as line. Judged on a file otherwise valid, so that a
    field refused on its own line is not reported again as a difference."""
    by_id = {c["id"]: c for c in claims if c["id"]}
    for claim in claims:
        target = by_id.get(claim["same_as"]) if claim["same_as"] not in (None, claim["id"]) else None
        if target is None or target["same_as"] is not None:
            continue
        differs = [_("{key} {here} here, {there} there").format(key=key, here=_shown(claim.get(key)),
                                                                 there=_shown(target.get(key)))
                   for key in SAME_FIGURE if claim.get(key) != target.get(key)]
        if differs:
            claim["at"].add(claim["same_as_line"], f"claims[{claim['index']}].same_as",
                            _("{claim} is not the same figure: {differences}").format(claim=target["id"],
                                                                                       differences="; ".join(differs)))


def _shown(value) -> str:
    """A field's value as the file writes it, for a message: 5000000000, 2024, none."""
    return _("none") if value is None else str(_plain(value))


def _check_notes(sources: list[dict], claims: list[dict]) -> None:
    """A note that gives, before its Outside knowledge marker, a figure or a name its stored article does not
    (lib.notes) needs the marker. Judged only where the article is stored with Burnboard and holds the claim's
    quote (a note is read against its own article). A note may use the values of the claims, or of every claim
    of the sources, it names by id."""
    by_source = {s["id"]: s for s in sources if s["id"]}
    values: dict[str, list[float]] = {}
    for claim in claims:
        for key in (claim["id"], claim["source"]):
            values.setdefault(key, []).append(claim["value"])
    articles: dict[str, notes.Article | None] = {}
    pools: dict[frozenset[str], list[float]] = {}  # the ids a note names -> the values it may use, sorted
    for claim in claims:
        source = by_source.get(claim["source"])
        if not claim["note"] or source is None or not source["file"]:
            continue
        if source["file"] not in articles:
            articles[source["file"]] = _stored_article(source["file"], _stamp(source["file"]))
        article = articles[source["file"]]
        if article is None or not claim["quote"] or not article.holds(claim["quote"]):
            continue
        words = frozenset(ID_WORD.findall(claim["note"]))
        if words not in pools:  # a source named by many notes is pooled once, not once per note
            pools[words] = sorted(notes.finite(v for word in words for v in values.get(word, ())))
        named = pools[words]
        known = (claim["quote"], claim["quote_en"], claim["entity"], claim["counterparty"], claim["scope"],
                 source["title"], source["publisher"], source["note"])
        outside = notes.outside_facts(claim["note"], article, known, named, source["language"] in notes.LATIN_SCRIPT)
        if outside:
            claim["at"].add(claim["note_line"], f"claims[{claim['index']}].note",
                            _("gives {facts}, which its article does not; put a fact from outside the article after "
                              "\"{marker}\"").format(facts=", ".join(outside), marker=notes.MARKER))


def _stamp(file: str) -> tuple[int, int] | None:
    """When and how big the stored article is (None when it is not stored), so a changed file is read again."""
    try:
        stat = (ARTICLES / file).stat() if Path(file).name == file else None
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size) if stat else None


@functools.lru_cache(maxsize=256)
def _stored_article(file: str, stamp: tuple[int, int] | None) -> notes.Article | None:
    """A stored article with what notes may take from it worked out once (its numbers and words), or None."""
    if stamp is None:
        return None
    try:
        return notes.Article(read_article(file).text)
    except ArticleUnavailable:
        return None


ID_WORD = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def _unique(rows: list[dict], field: str) -> None:
    first: dict[str, dict] = {}
    for row in rows:
        if row["id"] is None:
            continue
        if row["id"] in first:
            row["at"].add(row["line"], f"{field}[{row['index']}].id",
                          _("duplicate id {id} ({place})").format(id=repr(row["id"]),
                                                                  place=_place(first[row["id"]], row, first=True)))
        else:
            first[row["id"]] = row


def _place(earlier: dict, row: dict, first: bool = False) -> str:
    """Where an earlier row is, seen from a later one: 'at line 12', or 'at other.yaml:12' in another file (first:
    'first at ...')."""
    if earlier["at"] is row["at"]:
        where = _("line {line}").format(line=earlier["line"])
    else:
        where = f"{earlier['at'].path}:{earlier['line']}"
    return (_("first at {place}") if first else _("at {place}")).format(place=where)


def parse_claims(data: bytes | str, path: str = "<upload>", articles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Validate a claims document given as bytes or text; return one row per claim with its source joined in, and
    in attrs the file's acknowledged findings ("acknowledged", a tuple of Acknowledgement), dismissed figures
    ("dismissed", of Dismissal) and exchange rates ("exchange_rates", of ExchangeRate).

    Every quote must stand verbatim (whitespace aside) in its source's article: articles maps a file name to its
    text (an upload's own articles) and is consulted before the articles stored in data/sources/.

    Raises ClaimsError listing every problem found, each as `PATH:LINE: field: message`.
    """
    return parse_documents([(data, path)], articles)


def parse_documents(documents: list[tuple[bytes | str, str]], articles: Mapping[str, str] | None = None,
                    folders: tuple[Path, ...] = ()) -> pd.DataFrame:
    """Validate several (data, path) documents as one dataset, as if their top-level lists were written in one
    file: ids must be unique across them, and a claim may cite a source, relate to a claim or be acknowledged in
    another. Articles are looked up in articles, then in folders, then in data/sources/. See parse_claims."""
    everything: list[list[dict]] = [[] for _ in TOP_FIELDS]
    reports = []
    collecting = gc.isenabled()
    gc.disable()  # a large file makes millions of short-lived nodes: pausing the cycle collector keeps loading linear
    try:
        for data, path in documents:
            problems, parts = _read(data.encode("utf-8") if isinstance(data, str) else data, path)
            for collected, rows in zip(everything, parts):
                collected.extend(rows)
            reports.append(problems)
        _cross_check(*everything)
        _check_verbatim(everything[0], everything[1], everything[3], _Articles(articles, folders))
        if not any(problems.items for problems in reports):  # what compares claims with each other and with
            _check_same_figures(everything[1])  # their articles is judged on a file otherwise valid
            _check_notes(everything[0], everything[1])
    finally:
        if collecting:
            gc.enable()
    if any(problems.items for problems in reports):
        raise ClaimsError([line for problems in reports for line in problems.sorted()])
    return _frame(*everything)


READ_ONCE_BYTES = 2_000_000  # documents up to this size are read once per content (the bundled file is about 60 KB)


def _read(data: bytes, path: str) -> tuple[_Problems, tuple[list[dict], ...]]:
    """A document's rows, each checked on its own, and its problems so far: a fresh copy of what _read_once found,
    so the checks across documents add their problems to this call's alone. A document larger than READ_ONCE_BYTES
    is read afresh instead: the cache would hold its rows twice over (a 100,000-claim file, about 100 MB more)."""
    if len(data) > READ_ONCE_BYTES:
        problems = _Problems(path)
        return problems, tuple(list(rows) for rows in _validated(_decode(data, problems), path, problems))
    found, parts = _read_once(data, path, language())
    problems = _Problems(path)
    problems.items = list(found)
    return problems, tuple([{**row, "at": problems} for row in rows] for rows in parts)


@functools.lru_cache(maxsize=8)
def _read_once(data: bytes, path: str, lang: str) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[dict, ...], ...]]:
    """Decode, parse and validate one document on its own, once per content, path and language (lang: its problems
    are in it): the data in force is read again with every draft or upload checked against it, and only the other
    document changes."""
    problems = _Problems(path)
    parts = _validated(_decode(data, problems), path, problems)
    return tuple(problems.items), tuple(tuple(rows) for rows in parts)


# Scanner problems found where the scanner gave up, lines after the fault: they are reported at the start of the
# token it was reading (the context: a key with no colon, a quote never closed).
_GAVE_UP = ("could not find expected ':'", "found unexpected end of stream")


def _validated(text: bytes | None, path: str, problems: _Problems) -> tuple[list[dict], ...]:
    """Parse the file's bytes into nodes and validate them on their own; problems are collected, not raised."""
    if text is None:
        return _NOTHING
    try:
        return _Validator(path, problems).stream(_Events(text))
    except yaml.MarkedYAMLError as err:
        gave_up = isinstance(err, yaml.scanner.ScannerError) and err.problem in _GAVE_UP
        mark = (err.context_mark if gave_up else None) or err.problem_mark or err.context_mark
        problem = (mark.line + 1 if mark else 1, "file", _("not valid YAML: {error}").format(error=err.problem or err.context))
    except yaml.YAMLError as err:
        problem = (1, "file", _("not valid YAML: {error}").format(error=err))
    except _TooBig as big:
        problem = (1, "file", _("aliases expand {nodes} nodes into {expanded}; refused (possible 'billion laughs')").format(
            nodes=big.args[0], expanded=big.args[1]))
    problems.items.clear()  # a file that cannot be read whole is reported for that alone, as before any item
    problems.add(*problem)
    return _NOTHING


def load_claims(*paths: str | Path, articles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Load and validate one or more claims files as one dataset; see parse_claims and parse_documents. A file's
    articles are looked up in articles, then in the sources/ folder beside it, then in data/sources/."""
    documents, unreadable = [], []
    for path in map(Path, paths):
        try:
            documents.append((path.read_bytes(), str(path)))
        except OSError as err:
            message = _("cannot read ({error})").format(error=err.strerror)
            unreadable.append(f"{path}:1: file: {message}")
    if unreadable:
        raise ClaimsError(unreadable)
    folders = tuple(dict.fromkeys(Path(path).resolve().parent / "sources" for path in paths))
    return parse_documents(documents, articles, tuple(folder for folder in folders if folder != ARTICLES.resolve()))


def _frame(sources: list[dict], claims: list[dict], acknowledged: list[dict], dismissed: list[dict],
           rates: list[dict]) -> pd.DataFrame:
    """Join each claim with its source's fields (prefixed source_) into a typed frame; the acknowledged
    findings, dismissed figures and exchange rates go in attrs. Built a column at a time, each typed as it is made: a frame of object columns typed
    afterwards would hold every text twice."""
    by_id = {s["id"]: s for s in sources}
    cited = [by_id[claim["source"]] for claim in claims]
    numbers = ("value", "tolerance")
    columns = {}
    for name in FRAME_COLUMNS:
        if name == "relates_to":
            values = [",".join(c[0] for c in claim["relates_to"] or []) or None for claim in claims]
        elif name.startswith("source_"):
            values = [source.get(name[len("source_"):]) for source in cited]
        else:
            values = [claim.get(name) for claim in claims]
        if name in numbers:
            columns[name] = pd.array(pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce"), dtype="float64")
        elif name == "line":
            columns[name] = pd.array(values, dtype="int64")
        elif name == "source_published":
            columns[name] = pd.to_datetime(pd.Series(values, dtype="object"), format="%Y-%m-%d").array
        else:
            columns[name] = pd.array([COMPANY if v is None else v for v in values] if name == "scope" else values, dtype="str")
    frame = pd.DataFrame(columns, columns=FRAME_COLUMNS)
    frame.attrs["acknowledged"] = Acknowledged(
        Acknowledgement(entry["kind"], tuple(c[0] for c in entry["claims"]), entry["reason"]) for entry in acknowledged
    )
    frame.attrs["dismissed"] = Dismissed(Dismissal(entry["source"], entry["text"], entry["reason"]) for entry in dismissed)
    frame.attrs["exchange_rates"] = ExchangeRates(
        ExchangeRate(entry["currency"], entry["per_usd"], entry["date"], entry["source"], entry["citation"]) for entry in rates
    )
    return frame


def appended(document: str, addition: str) -> str:
    """The claims document with another's entries added at the end of its lists (sources, claims, dismissed, ...),
    the document's own text kept byte for byte: each list's new items go in after its last item, a list written
    empty or inline (`claims: []`) is written out again as a block with them, and a top-level list the document
    lacks goes at its end. A diff against the document shows only what was added. Both are claims documents
    (top-level mappings of lists)."""
    lines = document.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    root = yaml.compose(document)
    entries = {key.value: (key, value) for key, value in (root.value if root is not None else [])}
    writer = _round_trip()
    edits: list[tuple[int, int, str]] = []  # (first line, line after the last, the text there instead)
    for key, items in (writer.load(addition) or {}).items():
        if not items:
            continue
        if key not in entries:
            edits.append((len(lines), len(lines), _written(writer, {key: items})))
            continue
        key_node, value = entries[key]
        if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
            after = _after_last_item(value)
            items_text = _written(writer, {key: items}).split("\n", 1)[1]  # the items, without the "key:" line
            edits.append((after, after, _indented(items_text, value.start_mark.column)))
        else:
            kept = yaml.safe_load("".join(lines[key_node.start_mark.line:_after_last_item(value)]))[key] or []
            edits.append((key_node.start_mark.line, _after_last_item(value), _written(writer, {key: [*kept, *items]})))
    for start, _order, stop, text in sorted(((start, order, stop, text) for order, (start, stop, text) in enumerate(edits)), reverse=True):
        lines[start:stop] = [text]  # from the end, so earlier places stay put; at one place, in the addition's order
    return "".join(lines)


def _written(writer: YAML, document: dict) -> str:
    out = io.StringIO()
    writer.dump(document, out)
    return out.getvalue()


def _indented(items: str, column: int) -> str:
    """Block list items written with their dashes at column 2, moved to the column the document's list uses."""
    shift = column - 2
    return "".join(" " * shift + line if shift >= 0 else line[-shift:] for line in items.splitlines(keepends=True))


def _after_last_item(node: yaml.Node) -> int:
    """The line index just after the last value inside node (its trailing comments and blank lines not included)."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.line + (node.end_mark.column > 0)


def _round_trip() -> YAML:
    """ruamel.yaml set to write entries as data/claims.yaml writes them: its indents, each value on one line, the
    quotes the entries were given in."""
    writer = YAML()
    writer.preserve_quotes = True
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.width = 4096
    writer.representer.add_representer(type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"))
    return writer


def sources_of(claims: pd.DataFrame) -> list[dict]:
    """The sources the claims cite, as source mappings, in order of first citation."""
    sources = {}
    for _index, row in claims.drop_duplicates("source").iterrows():
        published = row["source_published"]
        sources[row["source"]] = {
            "id": row["source"],
            **{key: _plain(row[f"source_{key}"]) for key in SOURCE_FIELDS[1:]},
            "published": None if pd.isna(published) else published.date().isoformat(),
        }
        if sources[row["source"]]["written"] is None:
            del sources[row["source"]]["written"]
    return list(sources.values())


def _plain(value):
    """A frame cell as a plain YAML-friendly value: NaN -> None, whole floats -> int."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
