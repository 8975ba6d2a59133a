"""Command line: the figures in an article, and a claims YAML skeleton for the ones a curator picks.

    python -m lib.curate figures FILE [--language ko|en|fr] [--json]
    python -m lib.curate draft FILE --source-id ID [--pick 1,3,5] [--language ko|en|fr] [--source-entry]

`figures` prints a numbered table (or, with --json, a strict-JSON list of objects with the keys of
lib.curate.Figure, in order); `draft` writes the YAML for the figures numbered as in that table. A problem is
one line on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import unicodedata
from pathlib import Path

from lib import strict_json
from lib.curate import Figure, figures, languages
from lib.curate.drafts import draft_yaml
from lib.curate.reading import Unreadable, read
from lib.curate.sentences import LANGUAGES

USAGE_ERROR = 2
SENTENCE_COLUMNS = 80  # of a long sentence shown in the table, around its figure


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """A usage problem as one line (argparse's own prints the usage as well)."""
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lib.curate", description="Find the figures in an article; draft claims for them.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    found = commands.add_parser("figures", help="list the figures in an article")
    drafted = commands.add_parser("draft", help="write a claims YAML skeleton for the chosen figures")
    for command in (found, drafted):
        command.add_argument("file", metavar="FILE", help="the article: plain text, Markdown or HTML")
        command.add_argument("--language", choices=LANGUAGES, help="the article's language (detected when not given)")
    found.add_argument("--json", action="store_true", help="a strict-JSON list instead of a table")
    drafted.add_argument("--source-id", required=True, metavar="ID", help="the id of the article's source entry")
    drafted.add_argument("--pick", type=_picks, metavar="1,3,5", help="the figures' numbers, as `figures` lists them "
                                                                      "(all when not given)")
    drafted.add_argument("--source-entry", action="store_true", help="add a sources: entry for the article")
    return parser


def _picks(text: str) -> list[int]:
    try:
        picks = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected figure numbers like 1,3,5, got {text!r}") from None
    return picks


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _fail(f"{args.file}: no such file")
    except OSError as err:
        return _fail(f"{args.file}: cannot be read ({err.strerror or err})")
    try:
        text = read(data, path.name)
        language = args.language or languages.detect(text)
        found = figures(text, language)
        if args.command == "figures":
            output = (strict_json.dumps([dataclasses.asdict(figure) for figure in found]) + "\n" if args.json
                      else table(found, args.file, language) + "\n")
        else:
            source = {"file": path.name, "language": language} if args.source_entry else None
            output = draft_yaml(found, args.source_id, args.pick, source)
    except Unreadable as err:  # its message names the file
        return _fail(str(err))
    except ValueError as err:
        return _fail(f"{args.file}: {err}")
    except Exception as err:  # the promise is: never a traceback (as lib.validate)
        return _fail(f"{args.file}: its figures could not be found ({type(err).__name__}: {err})")
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading (`| head`): nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so Python's own flush at exit is quiet
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return USAGE_ERROR


def table(found: list[Figure], name: str, language: str) -> str:
    """The figures as a numbered table a person reads in a terminal, a long sentence cut around its figure."""
    header = ("#", "value", "unit", "qualifier", "per", "usd", "figure", "sentence")
    rows = [(str(number), _amount(figure.value), figure.unit, figure.qualifier, figure.per or "-",
             "-" if figure.usd is None else _amount(figure.usd), figure.text, _around(figure))
            for number, figure in enumerate(found, 1)]
    widths = [max(_width(row[column]) for row in [header, *rows]) for column in range(len(header) - 1)]
    lines = [f"{name}: {len(found)} figure{'' if len(found) == 1 else 's'} (language {language})"]
    for row in [header, *rows]:
        padded = (cell + " " * (width - _width(cell)) for cell, width in zip(row, widths))
        lines.append("  ".join(padded) + "  " + row[-1])
    return "\n".join(lines)


def _amount(value: float) -> str:
    """A value in full with its thousands marked: 100,000,000,000; 3.5."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _around(figure: Figure) -> str:
    """The figure's sentence, cut to about SENTENCE_COLUMNS terminal columns around the figure ('…' where cut)."""
    sentence = figure.sentence
    if _width(sentence) <= SENTENCE_COLUMNS:
        return sentence
    at = max(sentence.find(figure.text), 0)
    end = at + len(figure.text)
    room = max(SENTENCE_COLUMNS - _width(figure.text), 0)
    start = at
    while start > 0 and _width(sentence[start - 1:at]) <= room // 2:
        start -= 1
    stop = end
    while stop < len(sentence) and _width(sentence[start:at]) + _width(sentence[end:stop + 1]) <= room:
        stop += 1
    return ("…" if start > 0 else "") + sentence[start:stop] + ("…" if stop < len(sentence) else "")


def _width(text: str) -> int:
    """The columns text takes in a terminal: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


if __name__ == "__main__":
    sys.exit(main())
