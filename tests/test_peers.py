"""lib.peers: importing Epoch AI's CSV files (mapping, bad rows, line numbers, CLI) and loading the extract."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lib import peers
from lib.i18n import speaking
from lib.peers import COLUMNS, KINDS, PeersError, as_of, confidence_interval, import_epoch, load_peers, write_extract
from tests.conftest import ROOT

EXTRACT = ROOT / "data" / "peers" / "epoch-ai.csv"
SNAPSHOT = Path("/work/shared/peers/epoch-ai-companies")

COMPANIES = "ai_companies.csv"
REVENUE = "ai_companies_revenue_reports.csv"
FUNDING = "ai_companies_funding_rounds.csv"
COMPUTE = "ai_companies_compute_spend.csv"
HEADERS = {  # Epoch's column layout, as in the snapshot
    COMPANIES: ["Name", "Organization (from Organizations)", "Company type", "Product Domain(s)", "Founding date",
                "Founding source/notes"],
    REVENUE: ["Id", "Company", "Date", "Revenue amount (normalize to annual)", "Annualized revenue (USD)", "Type",
              "Revenue info (non-annualized)", "Confidence", "Source 1", "Source 2", "Source 3", "Notes",
              "Report date", "Source type", "Graph note"],
    FUNDING: ["Id", "Company", "Close date", "Status", "Funding (equity)", "Funding (debt)", "Valuation (post-money)",
              "Report date", "Source 1", "Source 2", "Source 3", "Graph note", "Notes", "Type", "Confidence",
              "Exclude from graph view"],
    COMPUTE: ["Id", "Notes", "Company", "Amount", "Category", "Period type", "Source 1", "Source 2", "Source 3",
              "Date", "Report date", "Confidence", "Source Type", "Exclude from graph view",
              "Inference compute spend", "R&D compute spend", "Total compute spend"],
}
NOTES = 'Reported by "The Information".\nA second line.\nA third line.'  # every good row spans three lines

RUN_RATE = {
    "Id": "Aug 2023 1B", "Company": "OpenAI", "Date": "2023-08-29",
    "Revenue amount (normalize to annual)": "1000000000.0", "Annualized revenue (USD)": "1000000000.0",
    "Type": "Annualized revenue", "Confidence": "Likely", "Source 1": "https://example.com/1b", "Notes": NOTES,
    "Report date": "2023-08-29", "Source type": "Media report",
}
ROUND = {
    "Id": "Oct 2024 157B", "Company": "OpenAI", "Close date": "2024-10-02", "Status": "Closed",
    "Funding (equity)": "6600000000.0", "Funding (debt)": "4000000000.0", "Valuation (post-money)": "157000000000.0",
    "Report date": "2024-09-30", "Source 1": "https://example.com/round", "Source 2": "https://example.com/debt ",
    "Notes": NOTES, "Type": "Primary,Debt", "Confidence": "Confident",
}
SPEND = {
    "Id": "OpenAI 2022 compute + data", "Notes": NOTES, "Company": "OpenAI", "Amount": "416000000",
    "Category": "R&D cloud compute,Inference cloud compute,Data", "Period type": "Year",
    "Source 1": "https://example.com/spend", "Date": "2022-12-31", "Report date": "2023-05-04", "Confidence": "Likely",
    "Source Type": "Media report", "Total compute spend": "416000000.0",
}
GOOD = {REVENUE: RUN_RATE, FUNDING: ROUND, COMPUTE: SPEND}


def write_epoch(folder: Path, rows: dict[str, list[dict]] | None = None, companies=("OpenAI", "Anthropic", "xAI")) -> Path:
    """Write the four files in Epoch's layout into folder; rows maps a file name to its rows (default: none)."""
    rows = {COMPANIES: [{"Name": name, "Organization (from Organizations)": name} for name in companies], **(rows or {})}
    for name, header in HEADERS.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            writer.writerows([row.get(column, "") for column in header] for row in rows.get(name, []))
    return folder


def expected(*rows: dict) -> pd.DataFrame:
    """A hand-built extract frame; each row names its non-empty columns, the rest are empty."""
    frame = pd.DataFrame([{column: row.get(column) for column in COLUMNS} for row in rows], columns=list(COLUMNS))
    text = [c for c in COLUMNS if c not in ("date", "report_date", "value_usd", "exclude_from_graph")]
    return frame.astype({**{c: "str" for c in text}, "value_usd": "float64"}).assign(
        date=pd.to_datetime(frame["date"]).astype("datetime64[us]"),
        report_date=pd.to_datetime(frame["report_date"]).astype("datetime64[us]"),
        exclude_from_graph=[row.get("exclude_from_graph", False) for row in rows],
    )


OPENAI_1B = {
    "id": "Aug 2023 1B", "company": "OpenAI", "kind": "revenue_run_rate", "date": "2023-08-29",
    "report_date": "2023-08-29", "value_usd": 1e9, "type": "Annualized revenue", "confidence": "Likely",
    "source_type": "Media report", "url_1": "https://example.com/1b",
}
ROUND_FACTS = {
    "id": "Oct 2024 157B", "company": "OpenAI", "date": "2024-10-02", "report_date": "2024-09-30",
    "type": "Primary; Debt", "status": "closed", "confidence": "Confident", "url_1": "https://example.com/round",
    "url_2": "https://example.com/debt",
}


@pytest.mark.parametrize(
    "name, row, facts",
    [
        pytest.param(REVENUE, RUN_RATE, [OPENAI_1B], id="annualized-is-run-rate"),
        pytest.param(
            REVENUE, {**RUN_RATE, "Type": "Annual recurring revenue"},
            [{**OPENAI_1B, "type": "Annual recurring revenue"}], id="arr-is-run-rate",
        ),
        pytest.param(
            REVENUE,
            {**RUN_RATE, "Id": "2024 3.7B", "Date": "2024-12-31", "Revenue amount (normalize to annual)": "3700000000.0",
             "Annualized revenue (USD)": "", "Type": "Yearly revenue", "Report date": "2025-03-26"},
            [{**OPENAI_1B, "id": "2024 3.7B", "kind": "revenue_yearly", "date": "2024-12-31", "report_date": "2025-03-26",
              "value_usd": 3.7e9, "type": "Yearly revenue"}],
            id="yearly",
        ),
        pytest.param(
            REVENUE,
            {**RUN_RATE, "Id": "Q1 2025 52M", "Company": "xAI", "Date": "2025-03-31",
             "Revenue amount (normalize to annual)": "208000000.0", "Type": "Quarterly revenue",
             "Source type": "Company disclosure,Other", "Report date": ""},
            [{**OPENAI_1B, "id": "Q1 2025 52M", "company": "xAI", "kind": "revenue_other", "date": "2025-03-31",
              "report_date": None, "value_usd": 2.08e8, "type": "Quarterly revenue",
              "source_type": "Company disclosure; Other"}],
            id="quarterly-is-other-with-its-type",
        ),
        pytest.param(
            REVENUE, {**RUN_RATE, "Type": "Product/division revenue", "Confidence": "", "Source 1": " https://example.com/1b "},
            [{**OPENAI_1B, "kind": "revenue_other", "type": "Product/division revenue", "confidence": None}],
            id="product-is-other",
        ),
        pytest.param(
            FUNDING, ROUND,
            [{**ROUND_FACTS, "kind": "equity_funding", "value_usd": 6.6e9},
             {**ROUND_FACTS, "kind": "debt_funding", "value_usd": 4e9},
             {**ROUND_FACTS, "kind": "valuation", "value_usd": 1.57e11}],
            id="equity-debt-valuation-at-close",
        ),
        pytest.param(
            FUNDING,
            {**ROUND, "Id": "750B", "Close date": "", "Status": "Early discussions", "Funding (equity)": "",
             "Funding (debt)": "", "Valuation (post-money)": "750000000000.0", "Report date": "2025-12-17",
             "Type": "", "Confidence": "", "Source 2": "", "Exclude from graph view": "True"},
            [{**ROUND_FACTS, "id": "750B", "kind": "valuation", "date": "2025-12-17", "report_date": "2025-12-17",
              "value_usd": 7.5e11, "type": None, "status": "in discussion", "confidence": None, "url_2": None,
              "exclude_from_graph": True}],
            id="in-discussion-at-report-date",
        ),
        pytest.param(
            FUNDING, {**ROUND, "Status": "Late discussions", "Funding (debt)": "", "Valuation (post-money)": "", "Report date": ""},
            [{**ROUND_FACTS, "kind": "equity_funding", "value_usd": 6.6e9, "report_date": None, "status": "in discussion"}],
            id="equity-only-no-report-date",
        ),
        pytest.param(
            COMPUTE, SPEND,
            [{"id": "OpenAI 2022 compute + data", "company": "OpenAI", "kind": "compute_rnd_inference", "date": "2022-12-31",
              "report_date": "2023-05-04", "value_usd": 4.16e8, "type": "Year",
              "includes": "R&D cloud compute; Inference cloud compute; Data", "confidence": "Likely",
              "source_type": "Media report", "url_1": "https://example.com/spend"}],
            id="rnd-and-inference-includes-both",
        ),
        pytest.param(
            COMPUTE,
            {**SPEND, "Id": "Anthropic July inference", "Company": "Anthropic", "Amount": "2000000000",
             "Category": "Inference cloud compute", "Period type": "Annualized", "Report date": "",
             "Source Type": "Other", "Exclude from graph view": "True"},
            [{"id": "Anthropic July inference", "company": "Anthropic", "kind": "compute_inference", "date": "2022-12-31",
              "value_usd": 2e9, "type": "Annualized", "includes": "Inference cloud compute", "confidence": "Likely",
              "source_type": "Other", "exclude_from_graph": True, "url_1": "https://example.com/spend"}],
            id="inference-excluded-from-graph",
        ),
        pytest.param(
            COMPUTE, {**SPEND, "Category": "R&D cloud compute", "Id": " OpenAI   R&D "},
            [{"id": "OpenAI R&D", "company": "OpenAI", "kind": "compute_rnd", "date": "2022-12-31",
              "report_date": "2023-05-04", "value_usd": 4.16e8, "type": "Year", "includes": "R&D cloud compute",
              "confidence": "Likely", "source_type": "Media report", "url_1": "https://example.com/spend"}],
            id="rnd-only",
        ),
    ],
)
def test_mapping(tmp_path, name, row, facts):
    frame, bad = import_epoch(write_epoch(tmp_path, {name: [row]}))
    assert bad == []
    pd.testing.assert_frame_equal(frame, expected(*facts))


def test_the_extract_reads_back_as_the_same_frame(tmp_path):
    frame, _ = import_epoch(write_epoch(tmp_path, {REVENUE: [RUN_RATE], FUNDING: [ROUND], COMPUTE: [SPEND]}))
    write_extract(frame, tmp_path / "out" / "epoch-ai.csv")
    pd.testing.assert_frame_equal(load_peers(tmp_path / "out" / "epoch-ai.csv"), frame)
    assert list(frame["kind"]) == ["revenue_run_rate", "equity_funding", "debt_funding", "valuation", "compute_rnd_inference"]


@pytest.mark.parametrize(
    "name, change, expected_problem",
    [
        (REVENUE, {"Date": "2023-02-30"}, "Date: impossible date '2023-02-30' (day is out of range for month)"),
        (REVENUE, {"Date": "29/08/2023"}, "Date: expected a date YYYY-MM-DD, got '29/08/2023'"),
        (REVENUE, {"Date": ""}, "Date: empty date"),
        (COMPUTE, {"Report date": "0202-07-30"}, "Report date: implausible date '0202-07-30' (before 2000)"),
        (FUNDING, {"Close date": "1999-12-31"}, "Close date: implausible date '1999-12-31' (before 2000)"),
        (REVENUE, {"Revenue amount (normalize to annual)": ""}, "Revenue amount (normalize to annual): empty amount"),
        (REVENUE, {"Revenue amount (normalize to annual)": "-5"}, "Revenue amount (normalize to annual): expected a non-negative number, got '-5'"),
        (REVENUE, {"Revenue amount (normalize to annual)": "1.2B"}, "Revenue amount (normalize to annual): expected a non-negative number, got '1.2B'"),
        (COMPUTE, {"Amount": "nan"}, "Amount: expected a non-negative number, got 'nan'"),
        (COMPUTE, {"Amount": "1_000"}, "Amount: expected a non-negative number, got '1_000'"),
        (FUNDING, {"Funding (debt)": "inf"}, "Funding (debt): expected a non-negative number, got 'inf'"),
        (FUNDING, {"Funding (equity)": "", "Funding (debt)": "", "Valuation (post-money)": ""},
         "Funding (equity): empty amount, and so are Funding (debt) and Valuation (post-money)"),
        (REVENUE, {"Source 2": "ftp://example.com/a"}, "Source 2: expected an http:// or https:// address, got 'ftp://example.com/a'"),
        (FUNDING, {"Source 3": "javascript:alert(1)"}, "Source 3: expected an http:// or https:// address, got 'javascript:alert(1)'"),
        (COMPUTE, {"Source 1": "example.com/spend"}, "Source 1: expected an http:// or https:// address, got 'example.com/spend'"),
        (REVENUE, {"Company": ""}, "Company: empty company"),
        (FUNDING, {"Company": " \n "}, "Company: empty company"),
        (COMPUTE, {"Company": "Acme"}, "Company: unknown company 'Acme' (not a Name in ai_companies.csv)"),
        (FUNDING, {"Status": "Rumoured"}, "Status: unknown status 'Rumoured'; known: Closed, Early discussions, Late discussions"),
        (FUNDING, {"Close date": "", "Report date": ""}, "Close date: empty, and so is Report date: the round has no date"),
        (FUNDING, {"Exclude from graph view": "yes"}, "Exclude from graph view: expected True, False or empty, got 'yes'"),
        (REVENUE, {"Type": ""}, "Type: empty type: a run-rate cannot be told from yearly revenue"),
        (COMPUTE, {"Category": "Data"}, "Category: neither 'R&D cloud compute' nor 'Inference cloud compute': got 'Data'"),
    ],
)
def test_a_bad_row_is_reported_at_the_line_it_starts_and_skipped(tmp_path, monkeypatch, name, change, expected_problem):
    good = {**GOOD[name], "Id": "good"}
    write_epoch(tmp_path, {name: [good, {**GOOD[name], **change}, good | {"Id": "after"}]})
    monkeypatch.chdir(tmp_path)
    frame, bad = import_epoch(".")
    assert bad == [f"{name}:5: {expected_problem}"]  # the good row before it spans lines 2-4
    assert set(frame["id"]) == {"good", "after"}


def test_every_problem_of_every_row_is_reported_in_file_order(tmp_path, monkeypatch):
    revenue = [{**RUN_RATE, "Date": "2023-02-30", "Source 1": "ftp://a"}, {**RUN_RATE, "Company": ""}]
    write_epoch(tmp_path, {REVENUE: revenue, COMPUTE: [{**SPEND, "Amount": "x"}]})
    monkeypatch.chdir(tmp_path)
    assert import_epoch(".")[1] == [
        f"{REVENUE}:2: Date: impossible date '2023-02-30' (day is out of range for month)",
        f"{REVENUE}:2: Source 1: expected an http:// or https:// address, got 'ftp://a'",
        f"{REVENUE}:5: Company: empty company",
        f"{COMPUTE}:2: Amount: expected a non-negative number, got 'x'",
    ]


def test_physical_lines_count_quoted_newlines_and_blank_lines(tmp_path, monkeypatch):
    write_epoch(tmp_path)
    text = (
        ",".join(HEADERS[COMPUTE]) + "\n"
        '"first",one line,OpenAI,1,R&D cloud compute,Year,,,,2024-12-31,,,,,,,\n'
        "\n"
        '"two\nline id","notes\r\nwith\rthree breaks\n",OpenAI,-1,R&D cloud compute,Year,,,,2024-12-31,,,,,,,\n'
        'third,,OpenAI,2,R&D cloud compute,Year,,,,2024-12-31,,,,True,,,,extra\n'
        'fourth,,OpenAI,oops,R&D cloud compute,Year,,,,2024-12-31,,,,,,,\n'
    )
    (tmp_path / COMPUTE).write_text(text, newline="")
    monkeypatch.chdir(tmp_path)
    frame, bad = import_epoch(".")
    assert bad == [
        f"{COMPUTE}:4: Amount: expected a non-negative number, got '-1'",
        f"{COMPUTE}:9: row: 18 cells, but the header has 17",
        f"{COMPUTE}:10: Amount: expected a non-negative number, got 'oops'",
    ]
    assert list(frame["id"]) == ["first"]


@pytest.mark.parametrize(
    "second, report, kept",
    [
        pytest.param({**RUN_RATE, "Notes": "other notes"}, f"{REVENUE}:5: Id: duplicate id 'Aug 2023 1B' with the same facts as line 2; skipped", 1, id="same-facts"),
        pytest.param({**RUN_RATE, "Date": "2023-09-01"}, f"{REVENUE}:5: Id: duplicate id 'Aug 2023 1B' (first at line 2); kept, the facts differ", 2, id="different-facts"),
        pytest.param({**RUN_RATE, "Company": "xAI"}, f"{REVENUE}:5: Id: duplicate id 'Aug 2023 1B' (first at line 2); kept, the facts differ", 2, id="other-company"),
    ],
)
def test_duplicate_ids_are_reported(tmp_path, monkeypatch, second, report, kept):
    write_epoch(tmp_path, {REVENUE: [RUN_RATE, second], FUNDING: [{**ROUND, "Id": "Aug 2023 1B"}]})
    monkeypatch.chdir(tmp_path)
    frame, bad = import_epoch(".")
    assert bad == [report]  # ids are Epoch's per table: the funding round of the same id is no duplicate
    assert (frame["kind"] == "revenue_run_rate").sum() == kept


def test_missing_files_and_columns_are_all_named(tmp_path, monkeypatch):
    write_epoch(tmp_path)
    (tmp_path / COMPANIES).unlink()
    (tmp_path / FUNDING).write_text(",".join(c for c in HEADERS[FUNDING] if c not in ("Status", "Report date")) + "\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PeersError) as caught:
        import_epoch(".")
    assert caught.value.problems == [
        f"{COMPANIES}:1: file: cannot read (No such file or directory)",
        f"{FUNDING}:1: Status: missing required column",
        f"{FUNDING}:1: Report date: missing required column",
    ]


def test_unreadable_files_stop_the_import(tmp_path, monkeypatch):
    write_epoch(tmp_path, {FUNDING: [ROUND]})
    (tmp_path / FUNDING).write_bytes((tmp_path / FUNDING).read_bytes().replace(b"A second line", b"A second \xff line"))
    (tmp_path / COMPUTE).write_text(",".join(HEADERS[COMPUTE]) + '\nfirst,,OpenAI,1\nsecond,"never closed,OpenAI\n\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PeersError) as caught:
        import_epoch(".")
    assert caught.value.problems == [
        f"{FUNDING}:3: file: not valid UTF-8 (byte 0xff)",
        f"{COMPUTE}:3: file: not valid CSV in the row starting here (unexpected end of data)",
    ]


def run_cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib.peers", *args], cwd=folder, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize(
    "setup, args, code, stdout, stderr",
    [
        ("good", ["import-epoch", ".", "--out", "out/epoch.csv"], 0, "out/epoch.csv: 4 rows for 1 company; 0 problems reported\n", ""),
        ("bad-row", ["import-epoch", ".", "--out", "out/epoch.csv"], 0, "out/epoch.csv: 3 rows for 1 company; 1 problem reported\n",
         f"{REVENUE}:2: Date: impossible date '2023-02-30' (day is out of range for month)\n"),
        ("missing-file", ["import-epoch", ".", "--out", "out/epoch.csv"], 1, "", f"{COMPUTE}:1: file: cannot read (No such file or directory)\n"),
        ("missing-column", ["import-epoch", ".", "--out", "out/epoch.csv"], 1, "", f"{REVENUE}:1: Company: missing required column\n"),
        ("good", ["import-epoch", "nowhere", "--out", "out/epoch.csv"], 1, "",
         "".join(f"nowhere/{name}:1: file: cannot read (No such file or directory)\n" for name in HEADERS)),
        ("good", ["import-epoch", ".", "--out", "ai_companies.csv/x.csv"], 1, "", "ai_companies.csv/x.csv:1: file: cannot write (File exists: ai_companies.csv)\n"),
        ("good", [], 2, "", "error: the following arguments are required: COMMAND"),
        ("good", ["import-epoch", "."], 2, "", "error: the following arguments are required: --out"),
        ("good", ["export-epoch", "."], 2, "", "error: argument COMMAND: invalid choice: 'export-epoch'"),
        ("good", ["import-epoch", ".", "--out", "x.csv", "--colour", "red"], 2, "", "error: unrecognized arguments: --colour red"),
    ],
)
def test_cli(tmp_path, setup, args, code, stdout, stderr):
    write_epoch(tmp_path, {REVENUE: [RUN_RATE], FUNDING: [ROUND]})
    if setup == "bad-row":
        write_epoch(tmp_path, {REVENUE: [{**RUN_RATE, "Date": "2023-02-30"}], FUNDING: [ROUND]})
    elif setup == "missing-file":
        (tmp_path / COMPUTE).unlink()
    elif setup == "missing-column":
        (tmp_path / REVENUE).write_text(",".join(c for c in HEADERS[REVENUE] if c != "Company") + "\n")
    result = run_cli(tmp_path, *args)
    assert (result.returncode, result.stdout) == (code, stdout)
    assert result.stderr == stderr if code != 2 else stderr in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "epoch.csv").exists() == (code == 0)


def test_update_help_says_it_needs_the_network_and_is_untested(tmp_path):
    result = run_cli(tmp_path, "update-epoch", "--help")
    assert result.returncode == 0
    assert "Needs the network: the tests never run it and it cannot be tested offline." in " ".join(result.stdout.split())


EXTRACT_TEXT = (
    ",".join(COLUMNS) + "\n"
    "Aug 2023 1B,OpenAI,revenue_run_rate,2023-08-29,2023-08-29,1000000000,Annualized revenue,,,Likely,Media report,False,https://example.com/1b,,\n"
    "Oct 2024 157B,OpenAI,valuation,2024-10-02,,157000000000,Primary,,closed,Confident,,False,https://example.com/round,,\n"
    "July inference,Anthropic,compute_inference,2025-07-31,,2000000000,Annualized,Inference cloud compute,,Likely,Other,True,,,\n"
)


def extract_with(old: str, new: str) -> str:
    assert old in EXTRACT_TEXT, old
    return EXTRACT_TEXT.replace(old, new, 1)


@pytest.mark.parametrize(
    "text, problem",
    [
        (extract_with("revenue_run_rate", "burn"), "2: kind: unknown kind 'burn'; known: " + ", ".join(KINDS)),
        (extract_with("2023-08-29,2023", "2023-02-30,2023"), "2: date: impossible date '2023-02-30' (day is out of range for month)"),
        (extract_with(",2023-08-29,1", ",0202-07-30,1"), "2: report_date: implausible date '0202-07-30' (before 2000)"),
        (extract_with("2023-08-29,2023-08-29", ",2023-08-29"), "2: date: expected a date YYYY-MM-DD, got ''"),
        (extract_with("1000000000", "-1"), "2: value_usd: expected a non-negative number, got '-1'"),
        (extract_with("1000000000", ""), "2: value_usd: empty amount"),
        (extract_with("Media report,False", "Media report,false"), "2: exclude_from_graph: expected True or False, got 'false'"),
        (extract_with("https://example.com/1b", "file:///etc/passwd"), "2: url_1: expected an http:// or https:// address, got 'file:///etc/passwd'"),
        (extract_with("Aug 2023 1B,OpenAI", "Aug 2023 1B,"), "2: company: empty company"),
        (extract_with("Annualized revenue,,,Likely", "Annualized revenue,,closed,Likely"), "2: status: a revenue_run_rate takes status '', got 'closed'"),
        (extract_with(",closed,", ",Closed,"), "3: status: a valuation takes status 'closed' or 'in discussion', got 'Closed'"),
        (extract_with("Confident,,False", "Confident,Media report,False"), "3: source_type: Epoch's funding rounds have no source type, got 'Media report'"),
        (extract_with("Primary,,closed", "Primary,Data,closed"), "3: includes: only compute spend lists categories, got 'Data'"),
        (extract_with("Annualized,Inference cloud compute", "Annualized,R&D cloud compute"), "4: includes: 'R&D cloud compute' does not fit compute_inference"),
        (extract_with("July inference", '"July\ninference"'), "4: id: must be one line without surrounding or repeated spaces, got 'July\\ninference'"),
        (EXTRACT_TEXT + EXTRACT_TEXT.splitlines(keepends=True)[2], "5: row: the same as line 3"),
        ("".join(line[:-1] + (",note\n" if line[0] == "i" else ",\n") for line in EXTRACT_TEXT.splitlines(keepends=True)),
         "1: note: unknown column; allowed: " + ", ".join(COLUMNS)),
        (EXTRACT_TEXT.replace(",url_3\n", "\n"), "1: url_3: missing required column"),
        (extract_with("Likely,Other,True,,,", "Likely,Other,True,,"), "4: row: 14 cells, but the header has 15"),
    ],
)
def test_load_peers_reports_path_line_and_column(tmp_path, monkeypatch, text, problem):
    (tmp_path / "peers.csv").write_text(text, newline="")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PeersError) as caught:
        load_peers("peers.csv")
    assert caught.value.problems == [f"peers.csv:{problem}"]


def test_load_peers_names_a_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PeersError) as caught:
        load_peers("missing.csv")
    assert caught.value.problems == ["missing.csv:1: file: cannot read (No such file or directory)"]


def test_the_bundled_extract_is_valid_and_holds_known_rows():
    peers = load_peers(EXTRACT)
    assert len(peers) == 116
    assert set(peers["company"]) == {"OpenAI", "Anthropic", "xAI", "Mistral AI", "Z.ai"}
    # skipped as bad: compute line 34 (report date 0202-07-30), funding line 31 (no amount), revenue lines 2 and 12
    assert not peers["id"].isin(["OpenAI 2025 cloud compute", "2019 LP seed (Other)"]).any()
    assert not peers["id"].isna().any() and "2024" not in set(peers["id"])
    known = peers[peers["id"].isin(["Oct 2024 157B", "Dec 2025 19B", "2024 3.7B", "750B", "Anthropic 2025 July inference"])]
    round_facts = {"id": "Oct 2024 157B", "company": "OpenAI", "date": "2024-10-02", "report_date": "2024-10-02",
                   "type": "Primary", "status": "closed", "confidence": "Confident",
                   "url_1": "https://openai.com/index/scale-the-benefits-of-ai/",
                   "url_2": "https://openai.com/index/new-credit-facility-enhances-financial-flexibility/",
                   "url_3": "https://www.reuters.com/technology/artificial-intelligence/openai-closes-66-billion-funding-haul-valuation-157-billion-with-investment-2024-10-02/"}
    pd.testing.assert_frame_equal(
        known.reset_index(drop=True),
        expected(
            {"id": "Anthropic 2025 July inference", "company": "Anthropic", "kind": "compute_inference", "date": "2025-07-31",
             "value_usd": 2e9, "type": "Annualized", "includes": "Inference cloud compute", "confidence": "Likely",
             "source_type": "Other", "exclude_from_graph": True,
             "url_1": "https://www.theinformation.com/articles/anthropic-revenue-pace-nears-5-billion-run-mega-round?rc=9mzoog",
             "url_2": "https://www.businessinsider.com/amazon-anthropic-billions-cloud-revenue-growth-2025-7",
             "url_3": "https://www.anthropic.com/news/anthropic-raises-series-f-at-usd183b-post-money-valuation"},
            {"id": "Dec 2025 19B", "company": "OpenAI", "kind": "revenue_run_rate", "date": "2025-12-18",
             "report_date": "2025-12-18", "value_usd": 1.9e10, "type": "Annualized revenue", "confidence": "Likely",
             "source_type": "Media report",
             "url_1": "https://www.theinformation.com/articles/openais-organizational-problems-hurt-chatgpt?rc=9mzoog"},
            {"id": "2024 3.7B", "company": "OpenAI", "kind": "revenue_yearly", "date": "2024-12-31",
             "report_date": "2025-03-26", "value_usd": 3.7e9, "type": "Yearly revenue", "confidence": "Likely",
             "source_type": "Media report",
             "url_1": "https://www.bloomberg.com/news/articles/2025-03-26/openai-expects-revenue-will-triple-to-12-7-billion-this-year"},
            {**round_facts, "kind": "equity_funding", "value_usd": 6.6e9},
            {**round_facts, "kind": "debt_funding", "value_usd": 4e9},
            {**round_facts, "kind": "valuation", "value_usd": 1.57e11},
            {"id": "750B", "company": "OpenAI", "kind": "valuation", "date": "2025-12-17", "report_date": "2025-12-17",
             "value_usd": 7.5e11, "status": "in discussion",
             "url_1": "https://www.theinformation.com/articles/openai-discussed-raising-tens-billions-valuation-around-750-billion?rc=9mzoog"},
        ),
    )


@pytest.mark.skipif(not SNAPSHOT.is_dir(), reason="Epoch's snapshot is not on this machine")
def test_the_bundled_extract_is_what_the_importer_makes_of_the_snapshot(tmp_path):
    frame, bad = import_epoch(SNAPSHOT)
    assert [line.split(": ")[0].rsplit("/", 1)[1] for line in bad] == [
        f"{REVENUE}:2", f"{REVENUE}:2", f"{REVENUE}:2", f"{REVENUE}:12", f"{REVENUE}:12", f"{REVENUE}:12",
        f"{FUNDING}:31", f"{COMPUTE}:34",
    ]
    write_extract(frame, tmp_path / "epoch-ai.csv")
    assert (tmp_path / "epoch-ai.csv").read_bytes() == EXTRACT.read_bytes()


@pytest.mark.parametrize(
    "date, include_undated, ids",
    [
        (None, False, ["Aug 2023 1B", "Oct 2024 157B", "July inference"]),
        ("2023-08-28", False, []),
        ("2023-08-29", False, ["Aug 2023 1B"]),
        ("2030-01-01", False, ["Aug 2023 1B"]),
        ("2023-08-29", True, ["Aug 2023 1B", "Oct 2024 157B", "July inference"]),
        ("2023-08-28", True, ["Oct 2024 157B", "July inference"]),
    ],
)
def test_as_of_filters_by_report_date(tmp_path, date, include_undated, ids):
    (tmp_path / "peers.csv").write_text(EXTRACT_TEXT)
    peers = load_peers(tmp_path / "peers.csv")
    kept = as_of(peers, date, include_undated)
    assert list(kept["id"]) == ids
    assert len(peers) == 3  # the input is not changed


def test_every_kind_is_documented():
    readme = (ROOT / "data" / "peers" / "README.md").read_text()
    for kind in KINDS.values():
        assert f"| `{kind.name}` | {kind.label} | {kind.measure} | {'yes' if kind.drawn else 'no'} |" in readme


@pytest.mark.parametrize("confidence, expected", [
    ("Confident", (100.0, 100.0)),  # as stated, like an unhedged claim
    ("Likely", (90.0, 110.0)),  # as "about": ±10%
    ("Uncertain", (75.0, 125.0)),
    ("", (75.0, 125.0)),
    (float("nan"), (75.0, 125.0)),  # none given, as the loader reads an empty cell
])
def test_confidence_reads_as_an_interval(confidence, expected):
    assert confidence_interval(100.0, confidence) == pytest.approx(expected)


@pytest.mark.parametrize("lang, confidence, expected", [
    ("en", "Likely", "Likely"), ("ko", "Confident", "확실"), ("fr", "Uncertain", "Incertain"),
    ("ko", None, "없음"), ("fr", "", "none"), ("ko", "Speculative", "Speculative"),  # a level Epoch adds later, as it is
])
def test_confidence_in_the_readers_words(lang, confidence, expected):
    with speaking(lang):
        assert peers.confidence_text(confidence, "없음" if lang == "ko" else "none") == expected
