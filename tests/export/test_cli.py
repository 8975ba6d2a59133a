"""lib.export.cli: ``python -m lib.export`` writes every chart and the deck, stamped, or says why not."""
from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest
from PIL import Image

from lib.dashboard import build_charts
from lib.export.cli import PEERS, main
from lib.export.theme import file_names
from lib.peers import load_peers
from tests.conftest import CLAIMS_PATH, ROOT, write_claims
from tests.export.conftest import NoChromium, needs_chromium

BUNDLED_VERSION = "407b66bc6c"  # dataset_version(data/claims.yaml): update it with the data


@needs_chromium
def test_cli_writes_png_and_csv_for_every_chart(tmp_path, capsys, real_claims):
    out = tmp_path / "exports"
    assert main(["--out", str(out), "--formats", "png,csv", "--claims", str(CLAIMS_PATH)]) == 0
    charts = build_charts(real_claims, "OpenAI", peers=load_peers(PEERS))
    expected = {file_names(c)[kind] for c in charts for kind in ("png", "csv")}
    assert {p.name for p in out.iterdir()} == expected
    assert {"epoch-compute-vs-revenue.png", "epoch-compute-vs-revenue.csv"} <= expected
    assert Image.open(out / file_names(charts[0])["png"]).size == (1920, 1080)
    printed = capsys.readouterr().out
    assert all(name in printed for name in expected) and f"{len(expected)} files" in printed


def test_cli_unknown_company_fails_cleanly(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "lib.export", "--out", str(tmp_path), "--company", "Nope", "--formats", "csv"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: unknown company 'Nope'; the data has: OpenAI")
    assert "Traceback" not in result.stderr and result.stdout == ""


def _bad_claims(tmp_path):
    path = write_claims(tmp_path / "bad.yaml", [{"metric": "not_a_metric"}, {"id": "claim-2", "basis": "guessed"}])
    return ["--claims", str(path)]


def _file_as_out(tmp_path):
    (tmp_path / "taken").write_text("a file, not a directory")
    return ["--out", str(tmp_path / "taken")]


def _under_a_file(tmp_path):
    (tmp_path / "taken").write_text("a file, not a directory")
    return ["--out", str(tmp_path / "taken" / "exports")]


def _no_chromium(tmp_path):
    return ["--formats", "png"]


@pytest.mark.parametrize("make_args, messages", [
    (_bad_claims, [r"^\S*bad.yaml:\d+: claims\[0\]\.metric: .*not_a_metric", r"^\S*bad.yaml:\d+: claims\[1\]\.basis: .*guessed",
                   r"^error: \S*bad.yaml is not a valid claims file \(2 problems\)$"]),
    (_file_as_out, [r"^error: cannot write to \S*taken: "]),
    (_under_a_file, [r"^error: cannot write to \S*exports: "]),
    (_no_chromium, [r"^error: Chromium is not installed: install the 'chromium' package"]),
], ids=["invalid-claims", "out-is-a-file", "out-under-a-file", "no-chromium"])
def test_cli_failures_print_one_line_per_problem(tmp_path, capsys, make_args, messages):
    argv = ["--out", str(tmp_path / "out"), *make_args(tmp_path)]
    assert main(argv, renderer=NoChromium()) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == len(messages) and captured.out == ""
    for line, pattern in zip(lines, messages):
        assert re.search(pattern, line), line


def test_cli_csv_needs_no_chromium(tmp_path):
    assert main(["--out", str(tmp_path), "--formats", "csv", "--cash", "1e10", "--horizon", "24"], renderer=NoChromium()) == 0
    runway = pd.read_csv(tmp_path / "openai-runway.csv", skiprows=1)
    assert len(runway) == 24 and runway["cash_start"].iloc[0] == 1e10


PAGE_OF = {  # each chart's CSV: the page its link opens
    "openai-timeline.csv": "timeline", "openai-waterfall-2024.csv": "waterfall", "openai-runway.csv": "runway",
    "openai-runway-sensitivity.csv": "runway", "openai-runway-uncertainty.csv": "runway",
    "openai-by-year.csv": "", "openai-burn-rate.csv": "", "openai-disagreements.csv": "", "epoch-compute-vs-revenue.csv": "timeline",
}


@pytest.mark.parametrize("argv, environ, where, runway_params", [
    ([], {}, "open on the Burnboard server: ", ""),
    ([], {"BURNBOARD_PUBLIC_URL": "https://burnboard.example"}, "https://burnboard.example", ""),
    (["--cash", "1e10", "--revenue-growth", "0.5", "--horizon", "24", "--url", "https://burnboard.example/"],
     {"BURNBOARD_PUBLIC_URL": "https://elsewhere.example"}, "https://burnboard.example", "&cash=10.0&rg=50.0&horizon=24"),
])
def test_every_csv_carries_the_stamp_with_a_link_to_its_own_view(tmp_path, monkeypatch, argv, environ, where, runway_params):
    monkeypatch.delenv("BURNBOARD_PUBLIC_URL", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(["--out", str(tmp_path), "--formats", "csv", *argv], renderer=NoChromium()) == 0
    assert sorted(path.name for path in tmp_path.glob("*.csv")) == sorted(PAGE_OF)
    for name, page in PAGE_OF.items():
        link = f"{where}/{page}?lang=en&company=OpenAI&asof=2026-02-01&undated=1" + (runway_params if page == "runway" else "")
        first = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# Burnboard data, version {BUNDLED_VERSION[:7]} (claims published by 1 Feb 2026) · {link}", name


@pytest.mark.parametrize("argv, message", [
    (["--formats", "png,gif"], "unknown format gif"),
    (["--cash", "-5"], "'-5' is not an amount of US dollars >= 0"),
    (["--revenue-growth", "-1"], "is not a yearly growth fraction > -1"),
    (["--horizon", "0"], "is not a whole number of months"),
    (["--horizon", "2.5"], "'2.5' is not a whole number of months >= 1"),
    (["--cash", "lots"], "'lots' is not an amount"),
    (["--cash", "nan"], "'nan' is not an amount"),
    (["--as-of", "2024-12-32"], "argument --as-of: expected a date YYYY-MM-DD, got '2024-12-32'"),
    (["--undated", "maybe"], "argument --undated: expected yes or no, got 'maybe'"),
])
def test_cli_bad_options_exit_2(tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        main(["--out", str(tmp_path), *argv])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_raises_and_scenarios_reach_the_csv_and_the_stamp(tmp_path):
    argv = ["--out", str(tmp_path), "--formats", "csv", "--raise", "2025-03-01:40e9", "--raise", "2026-01-01:10e9",
            "--scenario", "costs grow 30%:cg=0.3", "--scenario", "no raises:raises="]
    assert main(argv, renderer=NoChromium()) == 0
    runway = pd.read_csv(tmp_path / "openai-runway.csv", skiprows=1)
    # 1 Mar 2025 is day 151 from 1 Oct 2024: month 4 (days 121-151); 1 Jan 2026 is day 457: month 15 (from day 456)
    assert runway.loc[runway["raised"] > 0, ["month", "raised"]].values.tolist() == [[4, 40e9], [15, 10e9]]
    scenarios = pd.read_csv(tmp_path / "openai-runway-scenarios.csv", skiprows=1)
    assert list(dict.fromkeys(scenarios["assumptions"])) == [
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +0%/yr, raises $40.0B 1 Mar 2025, $10.0B 1 Jan 2026, 60 months",
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +30%/yr, raises $40.0B 1 Mar 2025, $10.0B 1 Jan 2026, 60 months",
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +0%/yr, no raises, 60 months",
    ]
    stamp = (tmp_path / "openai-runway-scenarios.csv").read_text(encoding="utf-8").splitlines()[0]
    assert stamp.endswith("&raises=2025-03-01%3A40e9%2C2026-01-01%3A10e9&scenarios=costs+grow+30%25%3Acg%3D30.0%2C"
                          "raises%3D2025-03-01%3A40e9%3B2026-01-01%3A10e9%7Cno+raises%3A")


@pytest.mark.parametrize("argv, message", [
    (["--raise", "2025-03-01"], "argument --raise: '2025-03-01' is not DATE:AMOUNT (e.g. 2025-03-01:40e9)"),
    (["--raise", "2025-03-01:-5"], "argument --raise: '2025-03-01:-5': '-5' is not an amount of US dollars from 0 to 1e13 ($10T)"),
    (["--scenario", "x:cash=lots"], "argument --scenario: scenario 'x': cash: 'lots' is not an amount of US dollars >= 0"),
    (["--scenario", "x:speed=3"], "argument --scenario: scenario 'x': 'speed=3' is not key=value with a key among cash, revenue, "
                                  "cost, rg, cg, horizon, raises"),
    (["--scenario", "a:", "--scenario", "A:"], "error: scenario names must differ; repeated: a"),
    (["--scenario", "a:", "--scenario", "b:", "--scenario", "c:", "--scenario", "d:"], "error: at most 3 saved scenarios, got 4"),
])
def test_cli_bad_raises_and_scenarios_exit_2(tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        main(["--out", str(tmp_path), *argv])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_raises_from_epoch_adds_its_closed_rounds_and_cites_it(tmp_path):
    assert main(["--out", str(tmp_path), "--formats", "csv", "--raises-from", "epoch"], renderer=NoChromium()) == 0
    lines = (tmp_path / "openai-runway.csv").read_text(encoding="utf-8").splitlines()
    # Epoch's closed rounds after 1 Oct 2024: the $4B debt facility (2 Oct 2024, month 0), $10B (31 Mar 2025, day 181:
    # month 5), $8.3B (1 Aug 2025, day 304: month 10), $1B and $22.5B (11 and 30 Dec 2025, days 436 and 455: month 14);
    # not its $6.6B of Oct 2024 (the starting cash) nor the Nvidia round still in discussion
    assert "raises=2024-10-02%3A4e9%2C2025-03-31%3A10e9%2C2025-08-01%3A8.3e9%2C2025-12-11%3A1e9%2C2025-12-30%3A22.5e9" in lines[0]
    assert lines[1] == "# Peer data: Epoch AI, 'Data on AI Companies'. Published online at epoch.ai. Retrieved from " \
                       "'https://epoch.ai/data/ai-companies' [online resource]. Licence: CC BY 4.0."
    runway = pd.read_csv(tmp_path / "openai-runway.csv", skiprows=2).set_index("month")
    raised = runway[runway["raised"] > 0]
    assert list(raised.index) == [0, 5, 10, 14]
    assert list(raised["raised"]) == [4e9, 10e9, 8.3e9, 23.5e9]
    assert list(raised["raise_notes"]) == [
        "Epoch AI, debt funding 'Oct 2024 157B'", "Epoch AI, equity funding 'Mar 2025 300B Stage 1'",
        "Epoch AI, equity funding '300B Stage 2'", "Epoch AI, equity funding '1B Disney'; Epoch AI, equity funding '300B final stage'"]
    assert (runway["cash_end"] > 0).all()  # $52.4B at a net $417M a month lasts past the 60-month horizon


def test_raises_from_epoch_needs_a_runway(tmp_path, capsys):
    assert main(["--out", str(tmp_path), "--formats", "csv", "--raises-from", "epoch", "--undated", "no"], renderer=NoChromium()) == 1
    assert capsys.readouterr().err == (
        "error: --raises-from epoch: The claims in force give no cash, revenue and loss for OpenAI from the same or adjacent "
        "years, so the runway cannot be projected: the 2025 loss has no revenue figure for 2025 or 2024; the 2023 loss has no "
        "revenue figure for 2023 or 2022.\n")
