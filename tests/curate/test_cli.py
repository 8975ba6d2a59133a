"""python -m lib.curate: the figures as a table or strict JSON, a draft for the picked ones, and errors as one
line with exit code 2, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from typing import NamedTuple

import pytest
import yaml

from lib import strict_json
from lib.curate import Figure
from lib.curate.__main__ import main, table
from tests.conftest import ROOT

ARTICLE = "Intro.\nOpenAI lost $5 billion in 2024. Revenue was $3.7 billion."
KEYS = ["value", "unit", "qualifier", "per", "text", "sentence", "start", "end", "usd"]


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def curate(tmp_path, monkeypatch, capsys):
    """Runs the command line in tmp_path, which holds a.txt, page.html and scan.pdf, and returns what it did."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>La perte atteint <b>5 milliards de dollars</b>.</p></body></html>",
                                        encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF\x00\x01")
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's way out
            code = stop.code
        out = capsys.readouterr()
        return Result(code, out.out, out.err)
    return run


def test_figures_as_strict_json(curate):
    result = curate("figures", "a.txt", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    found = strict_json.loads(result.stdout)
    assert [list(figure) for figure in found] == [KEYS, KEYS]
    assert found == [
        {"value": 5e9, "unit": "USD", "qualifier": "exact", "per": None, "text": "$5 billion",
         "sentence": "OpenAI lost $5 billion in 2024.", "start": 19, "end": 29, "usd": 5e9},
        {"value": 3.7e9, "unit": "USD", "qualifier": "exact", "per": None, "text": "$3.7 billion",
         "sentence": "Revenue was $3.7 billion.", "start": 51, "end": 63, "usd": 3.7e9},
    ]


def test_figures_of_an_html_page_in_the_language_given(curate):
    result = curate("figures", "page.html", "--language", "fr", "--json")
    assert [(f["value"], f["text"], f["sentence"]) for f in strict_json.loads(result.stdout)] == [
        (5e9, "5 milliards de dollars", "La perte atteint 5 milliards de dollars.")]


def test_figures_as_a_table(curate):
    result = curate("figures", "a.txt")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "a.txt: 2 figures (language en)",
        "#  value          unit  qualifier  per  usd            figure        sentence",
        "1  5,000,000,000  USD   exact      -    5,000,000,000  $5 billion    OpenAI lost $5 billion in 2024.",
        "2  3,700,000,000  USD   exact      -    3,700,000,000  $3.7 billion  Revenue was $3.7 billion.",
    ]


def test_draft_the_picked_figures(curate):
    result = curate("draft", "a.txt", "--source-id", "src-a", "--pick", "2")
    assert (result.returncode, result.stderr) == (0, "")
    assert yaml.safe_load(result.stdout) == {"claims": [{
        "id": None, "entity": None, "metric": None, "value": 3_700_000_000, "unit": "USD", "period": None, "basis": None,
        "qualifier": "exact", "source": "src-a", "quote": "Revenue was $3.7 billion.", "quote_en": None}]}


def test_draft_with_a_source_entry(curate):
    result = curate("draft", "a.txt", "--source-id", "src-a", "--source-entry")
    document = yaml.safe_load(result.stdout)
    assert (document["sources"][0]["id"], document["sources"][0]["file"], document["sources"][0]["language"]) == (
        "src-a", "a.txt", "en")
    assert [claim["value"] for claim in document["claims"]] == [5e9, 3.7e9]


@pytest.mark.parametrize("args, message", [
    (["figures", "missing.txt"], "missing.txt: no such file"),
    (["figures", "."], ".: cannot be read (Is a directory)"),
    (["figures", "scan.pdf"], "scan.pdf is not text (it holds NUL bytes, as images, PDFs and word-processor files do): "
                              "save the article as plain text, Markdown or HTML."),
    (["draft", "a.txt", "--source-id", "src-a", "--pick", "1,3"],
     "a.txt: --pick 3: no such figure in the article (its figures are numbered 1 to 2)"),
    (["draft", "a.txt", "--source-id", "src-a", "--pick", "one"],
     "python -m lib.curate draft: argument --pick: expected figure numbers like 1,3,5, got 'one' (see --help)"),
    (["draft", "a.txt"], "python -m lib.curate draft: the following arguments are required: --source-id (see --help)"),
    (["figures", "a.txt", "--language", "de"],
     "python -m lib.curate figures: argument --language: invalid choice: 'de' (choose from 'en', 'ko', 'fr') (see --help)"),
    ([], "python -m lib.curate: the following arguments are required: command (see --help)"),
])
def test_errors_are_one_line_with_exit_code_2(curate, args, message):
    result = curate(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


@pytest.mark.parametrize("args, code, out, err", [
    (["figures", "a.txt", "--json"], 0, '"text": "$5 billion"', ""),
    (["figures", "missing.txt"], 2, "", "missing.txt: no such file\n"),
])
def test_python_m_lib_curate(tmp_path, args, code, out, err):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lib.curate", *args], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stderr) == (code, err)
    assert out in result.stdout


LONG = "In a long report that nobody read to the end, the company said that it lost $5 billion in 2024, and that it will lose more."


@pytest.mark.parametrize("sentence, shown", [
    (LONG, "…end, the company said that it lost $5 billion in 2024, and that it will lose mor…"),  # 35 columns each side
    ("It lost $5 billion.", "It lost $5 billion."),
    ("가" * 30 + "$5 billion" + "나" * 30, "…" + "가" * 17 + "$5 billion" + "나" * 18 + "…"),  # Hangul takes two columns
    ("It lost $5 billion" + " and more" * 10 + ".", "It lost $5 billion" + " and more" * 6 + " and mor…"),  # 8 + 10 + 62 columns
])
def test_a_long_sentence_is_shown_around_its_figure(sentence, shown):
    figure = Figure(5e9, "USD", "exact", None, "$5 billion", sentence, 0, 10, 5e9)
    assert table([figure], "a.txt", "en").splitlines()[2].split("  ")[-1] == shown
