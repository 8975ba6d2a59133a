"""Command line: ``python -m lib.export --out DIR`` writes every chart as PNG, SVG and CSV plus deck.pptx, each
stamped with the dataset's version, the as-of date and the link that opens the same view in the dashboard: the
page that draws the chart, and for the runway charts and the deck the Runway page with every assumption. The
CSVs and the deck's speaker notes say what the audit (lib.audit) found about the claims behind each chart.

Runway assumptions are the Runway page's (lib.assumptions): the same options, checks and slider ranges.
``--raise 2025-03-01:40e9`` (repeatable) adds a funding raise; ``--raises-from epoch`` adds every closed equity and debt
round in Epoch AI's data after the projection start (as the Runway page's one-click raises; the charts then cite
Epoch); ``--scenario "NAME:cg=0.3,raises=2025-03-01:40e9"``
(up to three) adds a saved scenario beside the command line's assumptions, its values in the options' units.
``--as-of 2024-12-31 --undated no`` exports the view the sidebar's "Claims published by" and "Include undated
articles" make: the same claims, audit, Epoch AI rows and links.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

from lib import checks, transforms as tf
from lib.assumptions import (
    FIELDS, MAX_SCENARIOS, SCENARIOS_PARAM, check_raises, check_scenario_names, parse_raise, scenario_url, scenario_values,
    to_query,
)
from lib.audit import audit
from lib.chart_layout import RUNWAY
from lib.claims import ClaimsError, load_claims
from lib.dashboard import build_charts
from lib.export.deck import deck_bytes
from lib.export.images import png_bytes, svg_bytes
from lib.export.renderer import ExportUnavailable, Renderer, shared
from lib.export.stamp import PUBLIC_URL, Stamp, dataset_version, view_link
from lib.export.tables import csv_bytes
from lib.export.theme import file_names
from lib.i18n import LANGUAGES, speaking
from lib.peers import PeersError, as_of as peers_as_of, load_peers
from lib.runway_inputs import closed_rounds, funding_events, runway_inputs, runway_problem

FORMATS = ("png", "svg", "csv", "pptx")
RAISE_SOURCES = ("epoch",)
BUNDLED = Path(__file__).resolve().parents[2] / "data" / "claims.yaml"
PEERS = BUNDLED.parent / "peers" / "epoch-ai.csv"  # Epoch AI's data, as of the same date as the claims


def _formats(text: str) -> list[str]:
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {','.join(FORMATS)}")
    return list(dict.fromkeys(chosen))


def _checked(field):
    """An argparse type for one runway assumption, checked by its field (the message says what is valid)."""
    def parse(text: str):
        try:
            return field.check(text)
        except ValueError as err:
            raise argparse.ArgumentTypeError(str(err)) from None
    return parse


def _date(text: str) -> dt.date:
    """An argparse type for --as-of YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _yes_no(text: str) -> bool:
    """An argparse type for --undated yes|no."""
    answer = text.strip().lower()
    if answer not in ("yes", "no"):
        raise argparse.ArgumentTypeError(f"expected yes or no, got {text!r}")
    return answer == "yes"


def _raise(text: str):
    """An argparse type for --raise DATE:AMOUNT."""
    try:
        return parse_raise(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _scenario(text: str) -> tuple[str, dict]:
    """An argparse type for --scenario NAME:key=value,...: the name and the values in the model's units, checked."""
    try:
        return scenario_values(text, lambda field, raw: field.check(raw))
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lib.export",
        description="Write every Burnboard chart as PNG, SVG and CSV, plus deck.pptx, into a directory. Runway "
                    "assumptions outside the Runway page's slider ranges are clamped to them, as on the page.",
    )
    parser.add_argument("--out", required=True, type=Path, help="directory to write into (created if missing)")
    parser.add_argument("--formats", type=_formats, default=list(FORMATS), help="comma-separated: png,svg,csv,pptx (default: all)")
    parser.add_argument("--company", default="OpenAI", help="company to chart (default: OpenAI)")
    parser.add_argument("--lang", choices=list(LANGUAGES), default="en",
                        help="language of the titles, axes, notes, stamps and CSV words: "
                             + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items()) + " (default: en)")
    parser.add_argument("--claims", type=Path, default=BUNDLED, help="claims file (default: the bundled data/claims.yaml)")
    parser.add_argument("--as-of", dest="as_of", type=_date, metavar="YYYY-MM-DD",
                        help="only claims from articles published by this date, as the sidebar's 'Claims published by' "
                             "(default: the latest article's date; clamped to the first and latest articles' dates, as there)")
    parser.add_argument("--undated", type=_yes_no, default=True, metavar="yes|no",
                        help="include undated articles, as the sidebar's checkbox (default: yes)")
    parser.add_argument("--url", default=os.environ.get(PUBLIC_URL, ""),
                        help=f"the dashboard's public address, for the links in the stamp (default: ${PUBLIC_URL}; without "
                             "it, each link is the view's path on the Burnboard server, e.g. /runway?company=OpenAI&...)")
    for field in FIELDS:
        parser.add_argument(field.option, dest=field.name, type=_checked(field),
                            help=f"runway: {field.label.split(' (')[0].lower()}, {field.kind.meaning}".replace('%', '%%'))
    parser.add_argument("--raise", dest="raises", action="append", type=_raise, default=[], metavar="DATE:AMOUNT",
                        help="runway: a funding raise, e.g. 2025-03-01:40e9 (USD); repeat for several")
    parser.add_argument("--raises-from", dest="raises_from", choices=RAISE_SOURCES,
                        help="runway: add every closed round in Epoch AI's data after the projection start (equity and "
                             "debt; never a round still in discussion), beside any --raise")
    keys = ", ".join(f"{field.param} ({field.option})" for field in FIELDS)
    parser.add_argument("--scenario", dest="scenarios", action="append", type=_scenario, default=[], metavar="NAME:KEY=VALUE,...",
                        help=f"runway: a saved scenario drawn beside the assumptions above (up to {MAX_SCENARIOS}), e.g. "
                             f"\"costs grow 30%%:cg=0.3\" or \"$40B raise:raises=2025-03-01:40e9\"; keys {keys} in those "
                             "options' units, and raises (DATE:AMOUNT separated by ';'); the others as above")
    return parser


def _as_of(claims, asked: dt.date | None) -> dt.date:
    """The as-of date of an export, as the sidebar picks it: the date asked for, clamped to the first and latest
    articles' publication dates; by default the latest (the dashboard's default)."""
    published = claims["source_published"].dropna()
    first = published.min().date() if not published.empty else dt.date(2000, 1, 1)
    last = max(published.max().date() if not published.empty else dt.date.today(), first)
    return last if asked is None else min(max(asked, first), last)


def _stamp(args: argparse.Namespace, as_of: dt.date, settings: dict, page: str) -> Stamp:
    """The view of this export on a page (lib.chart_layout's page paths): the company, the as-of date, whether undated
    articles count, and on the Runway page these assumptions and scenarios."""
    params = {"lang": args.lang, "company": args.company, "asof": as_of.isoformat(), "undated": "1" if args.undated else "0"}
    if page == RUNWAY:
        params |= to_query(settings)
        if args.scenarios:
            params[SCENARIOS_PARAM] = "|".join(scenario_url(name, {**settings, **values}) for name, values in args.scenarios)
    other = args.claims.name if args.claims.resolve() != BUNDLED else ""
    return Stamp(dataset_version(args.claims.read_bytes()), False, as_of, view_link(f"{args.url.strip().rstrip('/')}/{page}", params),
                 other)


class _Failure(Exception):
    """A failure the command line reports as these lines on stderr."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def _epoch_raises(known, company: str, when: dt.date, peers) -> tuple:
    """Epoch AI's closed rounds after the projection start, as the Runway page offers them; raises _Failure when the
    claims give the company no runway to add them to."""
    prepared = tf.prepare(known)
    inputs = runway_inputs(prepared, company, when)
    if inputs is None:
        raise _Failure([f"error: --raises-from epoch: {runway_problem(prepared, company, when) or f'no runway for {company}'}"])
    return closed_rounds([event for event in funding_events(prepared, company, inputs, peers) if event.peer is not None])


def _export(args: argparse.Namespace, renderer: Renderer) -> list[Path]:
    """Write the requested files; raises _Failure with the lines to print."""
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        probe = args.out / ".burnboard-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise _Failure([f"error: cannot write to {args.out}: {err.strerror or err}"]) from err
    try:
        claims = load_claims(args.claims)
    except ClaimsError as err:
        raise _Failure(err.problems + [f"error: {args.claims} is not a valid claims file ({len(err.problems)} problems)"]) from err
    when = _as_of(claims, args.as_of)
    known = tf.as_of(claims, when, args.undated)  # the claims in force, as the sidebar's date and checkbox leave them
    try:
        peers = peers_as_of(load_peers(PEERS), when, include_undated=args.undated)
    except PeersError as err:
        raise _Failure(err.problems + [f"error: {PEERS} is not a valid extract ({len(err.problems)} problems)"]) from err
    settings = {field.name: getattr(args, field.name) for field in FIELDS if getattr(args, field.name) is not None}
    raises = tuple(args.raises) + (_epoch_raises(known, args.company, when, peers) if args.raises_from == "epoch" else ())
    if raises:
        try:
            settings["raises"] = check_raises(tuple(dict.fromkeys(raises)))
        except ValueError as err:
            raise _Failure([f"error: {err}"]) from err
    try:
        charts = build_charts(known, args.company, settings, when, args.scenarios, peers)
        flagged = checks.flags(audit(known, when), tf.prepare(known))
        charts = [checks.annotate(chart, flagged) for chart in charts]  # the findings go into the CSVs and notes
    except ValueError as err:
        raise _Failure([f"error: {err}"]) from err
    stamps = {page: _stamp(args, when, settings, page) for page in {chart.page for chart in charts} | {RUNWAY}}
    if set(args.formats) & {"png", "svg", "pptx"}:
        available, reason = renderer.status()
        if not available:
            raise _Failure([f"error: {reason}"])
    writers = {"png": lambda c: png_bytes(c, stamp=stamps[c.page], renderer=renderer),
               "svg": lambda c: svg_bytes(c, stamp=stamps[c.page], renderer=renderer),
               "csv": lambda c: csv_bytes(c, stamp=stamps[c.page])}
    jobs = [(args.out / file_names(chart)[kind], lambda c=chart, k=kind: writers[k](c))
            for chart in charts for kind in ("png", "svg", "csv") if kind in args.formats]
    if "pptx" in args.formats:
        jobs.append((args.out / "deck.pptx", lambda: deck_bytes(charts, stamp=stamps[RUNWAY], renderer=renderer, claims=known)))
    written = []
    for path, make in jobs:
        try:
            path.write_bytes(make())
        except (ExportUnavailable, OSError) as err:
            raise _Failure([f"error: cannot write {path}: {getattr(err, 'strerror', None) or err}"]) from err
        written.append(path)
    return written


def main(argv: list[str] | None = None, renderer: Renderer | None = None) -> int:
    """Exit 0 listing the files written; 1 with one line per problem on stderr; 2 for bad options (argparse).
    Images are drawn by `renderer` (default: the shared warm Chromium)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        check_scenario_names([name for name, _ in args.scenarios])
        check_raises(args.raises)
    except ValueError as err:
        parser.error(str(err))
    started = time.perf_counter()
    try:
        with speaking(args.lang):
            written = _export(args, renderer or shared())
    except _Failure as failure:
        print("\n".join(failure.lines), file=sys.stderr)
        return 1
    except Exception as err:  # the promise is: never a traceback
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path} ({path.stat().st_size / 1024:,.1f} KB)")
    print(f"{len(written)} files in {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0
