"""Peers: Epoch AI's data on AI companies as one flat table of facts, its importer and its strict loader.

`python -m lib.peers import-epoch DIR --out data/peers/epoch-ai.csv` reads Epoch's four CSV files (in Epoch's
own column layout) and writes the extract: one row per number, with its kind, dates, sources and Epoch's row id,
and none of Epoch's free-text notes. A bad row is reported as `FILE:LINE: column: message` (the physical line
where the row starts, since cells can hold several lines) and skipped. `load_peers` checks the extract as
strictly as `lib.claims` checks the claims.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import re
import sys
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lib.i18n import N_, _
from lib.vocabulary import interval


@dataclass(frozen=True)
class Kind:
    """A kind of number in the extract: its label, stock (a level at a date) or flow (an amount a year),
    whether the dashboard draws it by default, and the Epoch table it comes from."""

    name: str
    label: str
    measure: str
    drawn: bool
    table: str


KINDS = {
    k.name: k
    for k in [
        Kind("revenue_run_rate", N_("Revenue run-rate"), "flow", True, "revenue"),
        Kind("revenue_yearly", N_("Yearly revenue"), "flow", True, "revenue"),
        Kind("revenue_other", N_("Other revenue (quarterly, product or division)"), "flow", False, "revenue"),
        Kind("equity_funding", N_("Equity funding"), "stock", True, "funding"),
        Kind("debt_funding", N_("Debt funding"), "stock", True, "funding"),
        Kind("valuation", N_("Post-money valuation"), "stock", True, "funding"),
        Kind("compute_rnd", N_("R&D compute spend"), "flow", True, "compute"),
        Kind("compute_inference", N_("Inference compute spend"), "flow", True, "compute"),
        Kind("compute_rnd_inference", N_("R&D + inference compute spend"), "flow", True, "compute"),
    ]
}

EPOCH_PAGE = "https://epoch.ai/data/ai-companies"
LICENCE = "CC BY 4.0"
CITATION = ("Epoch AI, 'Data on AI Companies'. Published online at epoch.ai. "
            "Retrieved from 'https://epoch.ai/data/ai-companies' [online resource].")
FULL_CITATION = f"{CITATION} Licence: {LICENCE}."  # on CSVs, speaker notes and sources slides
SHORT_CITATION = f"Epoch AI ({LICENCE})"  # on images and source lines

# How sure Epoch is of a number, read as an interval the way an article's qualifier is (lib.vocabulary.interval):
# a tolerance either side of the value. "Confident" stands behind the figure as stated, like an unhedged claim;
# "Likely" is read as "about" (±10%, the approximately qualifier); "Uncertain" or no confidence as ±25%.
CONFIDENCE_TOLERANCE = {"Confident": 0.0, "Likely": 0.10, "Uncertain": 0.25, "": 0.25}
CONFIDENCE_WORDS = {"Confident": N_("Confident"), "Likely": N_("Likely"), "Uncertain": N_("Uncertain")}  # said through _()


def confidence_text(confidence, missing: str) -> str:
    """Epoch's confidence in the reader's words; `missing` when Epoch gives none; a level it adds later, as it is."""
    if not isinstance(confidence, str) or not confidence:
        return missing
    return _(CONFIDENCE_WORDS[confidence]) if confidence in CONFIDENCE_WORDS else confidence


def confidence_interval(value: float, confidence) -> tuple[float, float]:
    """The closed interval an Epoch number stands for, from its confidence (see CONFIDENCE_TOLERANCE)."""
    tolerance = CONFIDENCE_TOLERANCE[confidence if isinstance(confidence, str) else ""]
    return interval(value, "approximately", tolerance)
FILES = {
    "companies": "ai_companies.csv",
    "revenue": "ai_companies_revenue_reports.csv",
    "funding": "ai_companies_funding_rounds.csv",
    "compute": "ai_companies_compute_spend.csv",
}
SOURCES = ("Source 1", "Source 2", "Source 3")
REVENUE_AMOUNT = "Revenue amount (normalize to annual)"
FUNDING_AMOUNTS = {"equity_funding": "Funding (equity)", "debt_funding": "Funding (debt)", "valuation": "Valuation (post-money)"}
REQUIRED = {
    "companies": ("Name",),
    "revenue": ("Id", "Company", "Date", REVENUE_AMOUNT, "Type", "Confidence", *SOURCES, "Report date", "Source type"),
    "funding": (
        "Id", "Company", "Close date", "Status", *FUNDING_AMOUNTS.values(), "Report date", *SOURCES, "Type",
        "Confidence", "Exclude from graph view",
    ),
    "compute": (
        "Id", "Company", "Amount", "Category", "Period type", *SOURCES, "Date", "Report date", "Confidence",
        "Source Type", "Exclude from graph view",
    ),
}
RUN_RATE_TYPES = ("Annualized revenue", "Annual recurring revenue")
YEARLY_TYPES = ("Yearly revenue",)
STATUSES = {"Closed": "closed", "Early discussions": "in discussion", "Late discussions": "in discussion"}
RND, INFERENCE = "R&D cloud compute", "Inference cloud compute"
FLAGS = {"": False, "False": False, "True": True}
EARLIEST = dt.date(2000, 1, 1)
SEPARATOR = "; "  # between the values of a multi-valued cell (includes, source_type)

COLUMNS = (
    "id", "company", "kind", "date", "report_date", "value_usd", "type", "includes", "status", "confidence",
    "source_type", "exclude_from_graph", "url_1", "url_2", "url_3",
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_URL = re.compile(r"^https?://[^\s/]+")


class PeersError(ValueError):
    """Problems that stop a file from being read, one `PATH:LINE: column: message` line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Problems:
    """Collects problems for one file, formatted with its path, to list by line and then by column."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        self.header: list[str] = []
        self.items: list[tuple[int, int, str]] = []

    def add(self, line: int, column: str, message: str) -> None:
        order = self.header.index(column) if column in self.header else -1
        self.items.append((line, order, f"{self.path}:{line}: {column}: {message}"))

    def sorted(self) -> list[str]:
        return [text for _, _, text in sorted(self.items, key=lambda item: item[:2])]


def date_problem(text: str) -> str | None:
    """The problem with a YYYY-MM-DD text, or None when it is a real date in 2000 or later."""
    if not _DATE.match(text):
        return f"expected a date YYYY-MM-DD, got {text!r}"
    try:
        date = dt.date.fromisoformat(text)
    except ValueError as err:
        return f"impossible date {text!r} ({err})"
    if date < EARLIEST:
        return f"implausible date {text!r} (before 2000)"
    return None


def amount_problem(text: str) -> str | None:
    """The problem with an amount in USD, or None when it is a finite, non-negative number."""
    if not text:
        return "empty amount"
    if not _NUMBER.match(text) or not math.isfinite(float(text)) or float(text) < 0:
        return f"expected a non-negative number, got {text!r}"
    return None


def url_problem(text: str) -> str | None:
    """The problem with a source address, or None when it is empty or http(s)."""
    if text and not _URL.match(text):
        return f"expected an http:// or https:// address, got {text!r}"
    return None


def compute_kind(categories: list[str]) -> str | None:
    """The kind of a compute-spend row covering these Epoch categories, or None when it has no compute."""
    rnd, inference = RND in categories, INFERENCE in categories
    if rnd and inference:
        return "compute_rnd_inference"
    if rnd or inference:
        return "compute_rnd" if rnd else "compute_inference"
    return None


def _read_table(path: Path, required: tuple[str, ...], file_problems: _Problems, row_problems: _Problems):
    """The header and rows of one CSV file, each row as (starting line, {column: cell}).

    File problems (unreadable, not UTF-8 or CSV, a missing column) leave no rows; a row problem skips the row.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        file_problems.add(1, "file", f"cannot read ({err.strerror})")
        return [], []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        file_problems.add(data[: err.start].count(b"\n") + 1, "file", f"not valid UTF-8 (byte 0x{data[err.start]:02x})")
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] = []
    rows = []
    line = 1
    try:
        header = row_problems.header = next(reader, [])
        missing = [column for column in required if column not in header]
        for column in missing:
            file_problems.add(1, column, "missing required column")
        if missing:
            return header, []
        while True:
            line = reader.line_num + 1  # where the next row starts, however many lines its cells span
            cells = next(reader, None)
            if cells is None:
                break
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                row_problems.add(line, "row", f"{len(cells)} cells, but the header has {len(header)}")
                continue
            rows.append((line, dict(zip(header, cells))))
    except csv.Error as err:
        file_problems.add(line, "file", f"not valid CSV in the row starting here ({err})")
        return header, []
    return header, rows


class _Row:
    """One Epoch row being turned into facts; every problem is reported and marks the row bad."""

    def __init__(self, line: int, cells: dict[str, str], problems: _Problems):
        self.line, self.cells, self.problems = line, cells, problems
        self.bad = False

    def problem(self, column: str, message: str) -> None:
        self.problems.add(self.line, column, message)
        self.bad = True

    def text(self, column: str) -> str:
        """The cell on one line, with runs of whitespace made single spaces."""
        return " ".join(self.cells[column].split())

    def values(self, column: str) -> list[str]:
        """The values of a multi-select cell (Epoch separates them with commas)."""
        return [" ".join(value.split()) for value in self.cells[column].split(",") if value.strip()]

    def date(self, column: str, *, required: bool) -> str:
        text = self.text(column)
        if not text:
            if required:
                self.problem(column, "empty date")
            return ""
        problem = date_problem(text)
        if problem:
            self.problem(column, problem)
            return ""
        return text

    def amount(self, column: str) -> str:
        text = self.text(column)
        problem = amount_problem(text)
        if problem:
            self.problem(column, problem)
            return ""
        return _number_text(float(text))

    def flag(self, column: str) -> str:
        text = self.text(column)
        if text not in FLAGS:
            self.problem(column, f"expected True, False or empty, got {text!r}")
            return "False"
        return str(FLAGS[text])

    def common(self, companies: set[str], source_type: str | None) -> dict[str, str]:
        """The fields every kind of row has: id, company, report date, confidence, source type and sources."""
        company = self.text("Company")
        if not company:
            self.problem("Company", "empty company")
        elif company not in companies:
            self.problem("Company", f"unknown company {company!r} (not a Name in {FILES['companies']})")
        facts = {
            "id": self.text("Id"), "company": company, "report_date": self.date("Report date", required=False),
            "confidence": self.text("Confidence"), "includes": "", "status": "", "exclude_from_graph": "False",
            "source_type": SEPARATOR.join(self.values(source_type)) if source_type else "",
        }
        for number, column in enumerate(SOURCES, start=1):
            url = self.text(column)
            problem = url_problem(url)
            if problem:
                self.problem(column, problem)
            facts[f"url_{number}"] = url
        return facts


def _number_text(value: float) -> str:
    """A USD amount as text: a whole number as plain digits (no decimal point, no exponent)."""
    return str(int(value)) if value.is_integer() else repr(value)


def _revenue_facts(row: _Row, companies: set[str]) -> list[dict[str, str]]:
    """A revenue report: a run-rate, a yearly revenue, or another revenue type kept with its type."""
    facts = row.common(companies, "Source type")
    date = row.date("Date", required=True)
    value = row.amount(REVENUE_AMOUNT)
    revenue_type = row.text("Type")
    if not revenue_type:
        row.problem("Type", "empty type: a run-rate cannot be told from yearly revenue")
    if revenue_type in RUN_RATE_TYPES:
        kind = "revenue_run_rate"
    else:
        kind = "revenue_yearly" if revenue_type in YEARLY_TYPES else "revenue_other"
    return [dict(facts, kind=kind, date=date, value_usd=value, type=revenue_type)]


def _funding_facts(row: _Row, companies: set[str]) -> list[dict[str, str]]:
    """A funding round: one row each for its equity, its debt and its post-money valuation, where given."""
    facts = row.common(companies, None)
    status = row.text("Status")
    if status not in STATUSES:
        row.problem("Status", f"unknown status {status!r}; known: {', '.join(STATUSES)}")
    close = row.date("Close date", required=False)
    date = close or facts["report_date"]
    if not row.text("Close date") and not row.text("Report date"):
        row.problem("Close date", "empty, and so is Report date: the round has no date")
    if not any(row.text(column) for column in FUNDING_AMOUNTS.values()):
        row.problem(FUNDING_AMOUNTS["equity_funding"], f"empty amount, and so are {' and '.join(list(FUNDING_AMOUNTS.values())[1:])}")
        return []
    amounts = {kind: row.amount(column) for kind, column in FUNDING_AMOUNTS.items() if row.text(column)}
    shared = dict(
        facts, date=date, status=STATUSES.get(status, ""), type=SEPARATOR.join(row.values("Type")),
        exclude_from_graph=row.flag("Exclude from graph view"),
    )
    return [dict(shared, kind=kind, value_usd=value) for kind, value in amounts.items()]


def _compute_facts(row: _Row, companies: set[str]) -> list[dict[str, str]]:
    """A compute-spend row: one fact for its set of categories, `includes` naming every category it covers."""
    facts = row.common(companies, "Source Type")
    categories = row.values("Category")
    kind = compute_kind(categories)
    if kind is None:
        row.problem("Category", f"neither {RND!r} nor {INFERENCE!r}: got {row.text('Category')!r}")
    return [
        dict(
            facts, kind=kind or "", date=row.date("Date", required=True), value_usd=row.amount("Amount"),
            type=row.text("Period type"), includes=SEPARATOR.join(categories),
            exclude_from_graph=row.flag("Exclude from graph view"),
        )
    ]


_FACTS = {"revenue": _revenue_facts, "funding": _funding_facts, "compute": _compute_facts}


def import_epoch(directory: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """Read Epoch's four CSV files from `directory`; return the extract and the bad-row reports.

    Raises PeersError, naming them, when a file is missing or unreadable or lacks a required column.
    """
    directory = Path(directory)
    file_problems: list[str] = []
    tables, reports = {}, {}
    for table, name in FILES.items():
        problems, reports[table] = _Problems(directory / name), _Problems(directory / name)
        _, tables[table] = _read_table(directory / name, REQUIRED[table], problems, reports[table])
        file_problems += problems.sorted()
    if file_problems:
        raise PeersError(file_problems)
    companies = {" ".join(cells["Name"].split()) for _, cells in tables["companies"]}
    records: list[dict[str, str]] = []
    for table, to_facts in _FACTS.items():
        first: dict[str, tuple[int, list[dict[str, str]]]] = {}
        for line, cells in tables[table]:
            row = _Row(line, cells, reports[table])
            facts = to_facts(row, companies)
            if row.bad:
                continue
            row_id = facts[0]["id"]
            if row_id in first:
                first_line, first_facts = first[row_id]
                same = facts == first_facts
                outcome = f"with the same facts as line {first_line}; skipped" if same else f"(first at line {first_line}); kept, the facts differ"
                reports[table].add(line, "Id", f"duplicate id {row_id!r} {outcome}")
                if same:
                    continue
            elif row_id:
                first[row_id] = (line, facts)
            records += facts
    order = list(KINDS)
    records.sort(key=lambda r: (r["company"], order.index(r["kind"]), r["date"], r["report_date"], r["id"]))
    return _frame(records), [line for table in _FACTS for line in reports[table].sorted()]


def _frame(records: list[dict[str, str]]) -> pd.DataFrame:
    """The typed frame of extract rows given as text: dates as timestamps, value as float, the flag as bool."""
    frame = pd.DataFrame(records, columns=list(COLUMNS), dtype="str")
    frame = frame.replace("", pd.NA).astype("str")
    for column in ("date", "report_date"):  # one resolution, even for a column that is all empty
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d").astype("datetime64[us]")
    frame["value_usd"] = frame["value_usd"].astype("float64")
    frame["exclude_from_graph"] = frame["exclude_from_graph"].map({"True": True, "False": False}).astype("bool")
    return frame


def _cell(value) -> str:
    """One frame value as extract text."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return "" if math.isnan(value) else _number_text(value)
    return "" if pd.isna(value) else str(value)


def write_extract(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the extract as CSV, in COLUMNS order, so that load_peers reads back the same frame."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in frame[list(COLUMNS)].itertuples(index=False):
            writer.writerow([_cell(value) for value in row])


def _check_extract_row(line: int, cells: dict[str, str], problems: _Problems) -> None:
    """Report every value of one extract row that the importer could not have written."""
    for column, value in cells.items():
        if value != " ".join(value.split()):
            problems.add(line, column, f"must be one line without surrounding or repeated spaces, got {value!r}")
    if not cells["company"]:
        problems.add(line, "company", "empty company")
    kind = KINDS.get(cells["kind"])
    if kind is None:
        problems.add(line, "kind", f"unknown kind {cells['kind']!r}; known: {', '.join(KINDS)}")
    for column, required in (("date", True), ("report_date", False)):
        if cells[column] or required:
            problem = date_problem(cells[column])
            if problem:
                problems.add(line, column, problem)
    problem = amount_problem(cells["value_usd"])
    if problem:
        problems.add(line, "value_usd", problem)
    if cells["exclude_from_graph"] not in ("True", "False"):
        problems.add(line, "exclude_from_graph", f"expected True or False, got {cells['exclude_from_graph']!r}")
    for column in ("url_1", "url_2", "url_3"):
        problem = url_problem(cells[column])
        if problem:
            problems.add(line, column, problem)
    if kind is None:
        return
    statuses = sorted(set(STATUSES.values())) if kind.table == "funding" else [""]
    if cells["status"] not in statuses:
        problems.add(line, "status", f"a {kind.name} takes status {' or '.join(map(repr, statuses))}, got {cells['status']!r}")
    if kind.table == "funding" and cells["source_type"]:
        problems.add(line, "source_type", f"Epoch's funding rounds have no source type, got {cells['source_type']!r}")
    includes = cells["includes"].split(SEPARATOR) if cells["includes"] else []
    if kind.table == "compute" and compute_kind(includes) != kind.name:
        problems.add(line, "includes", f"{cells['includes']!r} does not fit {kind.name}")
    if kind.table != "compute" and includes:
        problems.add(line, "includes", f"only compute spend lists categories, got {cells['includes']!r}")


def load_peers(path: str | Path) -> pd.DataFrame:
    """Load and validate an extract written by import-epoch; raise PeersError listing every problem."""
    path = Path(path)
    problems = _Problems(path)
    header, rows = _read_table(path, COLUMNS, problems, problems)
    for column in header:
        if column not in COLUMNS:
            problems.add(1, column, f"unknown column; allowed: {', '.join(COLUMNS)}")
    first: dict[tuple, int] = {}
    for line, cells in rows:
        _check_extract_row(line, cells, problems)
        key = tuple(cells.get(column) for column in COLUMNS)
        if key in first:
            problems.add(line, "row", f"the same as line {first[key]}")
        first.setdefault(key, line)
    if problems.items:
        raise PeersError(problems.sorted())
    return _frame([{column: cells[column] for column in COLUMNS} for _, cells in rows])


def as_of(frame: pd.DataFrame, date, include_undated: bool = False) -> pd.DataFrame:
    """Keep the rows Epoch had reported on or before `date`, as transforms.as_of does for articles.

    A row with no report date cannot be placed in time, so it is kept only when include_undated.
    A `date` of None keeps everything.
    """
    if date is None:
        return frame.copy()
    reported = frame["report_date"]
    keep = reported <= pd.Timestamp(date)
    if include_undated:
        keep |= reported.isna()
    return frame[keep].copy()


def _fetch(url: str, timeout: float) -> bytes:
    """The body at `url`, or PeersError saying the network is needed."""
    request = urllib.request.Request(url, headers={"User-Agent": "Burnboard (make update-peers)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except OSError as err:  # URLError, HTTPError and timeouts are all OSErrors
        reason = getattr(err, "reason", err)
        raise PeersError([
            f"{url}: cannot download ({reason}). update-epoch needs the network: run it where epoch.ai can be "
            f"reached, or download the four CSV files by hand and run import-epoch on their folder."
        ]) from err


def download_epoch(directory: Path, timeout: float) -> None:
    """Save into `directory` the four CSV files that Epoch's data page links to."""
    page = _fetch(EPOCH_PAGE, timeout).decode("utf-8", "replace")
    links: dict[str, str] = {}
    for href in re.findall(r"""href\s*=\s*["']([^"']+)["']""", page):
        url = urllib.parse.urljoin(EPOCH_PAGE, href)
        links.setdefault(urllib.parse.urlparse(url).path.rsplit("/", 1)[-1], url)
    missing = [name for name in FILES.values() if name not in links]
    if missing:
        raise PeersError([f"{EPOCH_PAGE}: the page links no {', '.join(missing)}; download them by hand and run import-epoch"])
    for name in FILES.values():
        (directory / name).write_bytes(_fetch(links[name], timeout))


def _import(directory: str | Path, out: str) -> int:
    """Import Epoch's files and write the extract; bad rows go to stderr and still exit 0."""
    frame, bad_rows = import_epoch(directory)
    for line in bad_rows:
        print(line, file=sys.stderr)
    try:
        write_extract(frame, out)
    except OSError as err:
        print(f"{out}:1: file: cannot write ({err.strerror}: {err.filename})", file=sys.stderr)
        return 1
    companies, problems = frame["company"].nunique(), len(bad_rows)
    print(f"{out}: {len(frame)} rows for {companies} compan{'y' if companies == 1 else 'ies'}; "
          f"{problems} problem{'' if problems == 1 else 's'} reported")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lib.peers", description="Epoch AI's data on AI companies.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    imported = commands.add_parser(
        "import-epoch", help="turn Epoch's four CSV files into the extract",
        description="Read the four CSV files in DIR (Epoch's column layout) and write the extract to --out. "
        "Bad rows are reported on stderr as FILE:LINE: column: message and skipped; the exit status is 0 "
        "when the files were read, 1 when one is missing or lacks a required column.",
    )
    imported.add_argument("directory", metavar="DIR")
    imported.add_argument("--out", required=True, metavar="PATH", help="where to write the extract (CSV)")
    update = commands.add_parser(
        "update-epoch", help="download Epoch's current files and import them (needs the network)",
        description=f"Download the four CSV files linked from {EPOCH_PAGE} and import them into --out. "
        "Needs the network: the tests never run it and it cannot be tested offline. Exits 1 with a message "
        "when the page or a file cannot be downloaded; the extract is then left unchanged.",
    )
    update.add_argument("--out", required=True, metavar="PATH", help="where to write the extract (CSV)")
    update.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per download (default 30)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; every problem is one line on stderr, never a traceback. Bad arguments exit 2."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "import-epoch":
            return _import(args.directory, args.out)
        with tempfile.TemporaryDirectory() as folder:
            download_epoch(Path(folder), args.timeout)
            return _import(folder, args.out)
    except PeersError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    except Exception as err:  # the promise is: never a traceback
        print(f"{args.command}: failed ({type(err).__name__}: {err})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
