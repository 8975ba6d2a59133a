"""Burnboard benchmark: `make bench` (or `.venv/bin/python scripts/bench.py`).

Prints one markdown table (measure | value | baseline | ratio | target | ok) and writes it, with the date and
the machine, to docs/performance.md. Each measure is taken side by side with its baseline in the same run and
judged by their ratio where there is one, because the machine is noisy; times are medians of several runs.
`--only runway,laughs` runs only those sections (keys: claims, audit, synthetic, scale, laughs, runway, exports,
pages, server, session, browser)
and prints their rows, leaving docs/performance.md alone.

Exit status: 0 when the bench ran, even if a target is MISSED (the table says so); 1 when a measurement
crashed (its row says ERROR and the traceback is printed on stderr).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # AppTest and `streamlit run` resolve app.py and pages/ from here

import yaml  # noqa: E402

from lib import claims as claims_module  # noqa: E402
from lib.claims import ClaimsError, load_claims, parse_claims  # noqa: E402

CLAIMS_PATH = ROOT / "data" / "claims.yaml"
MINIMAL_PAGE = ROOT / "scripts" / "minimal_page.py"
OUT = ROOT / "docs" / "performance.md"
PAGES = ["overview", "timeline", "waterfall", "runway", "sources"]
CHROMIUM = shutil.which("chromium") or os.environ.get("BROWSER_PATH")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SESSIONS = 10


# ---------------------------------------------------------------- table

@dataclass
class Row:
    measure: str
    value: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    ok: str = "—"


ROWS: list[Row] = []
SECTIONS: dict[str, Callable[[], None]] = {}  # key for --only -> the section, in the order the bench runs them
NOTES: list[str] = []
CRASHED: list[str] = []


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def judge(passed: bool) -> str:
    return "ok" if passed else "MISSED"


def median_time(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(calls: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median time of each call, the calls taken in turn (a, b, a, b, ...) so that noise hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def section(name: str, key: str):
    """Run one group of measures (`--only KEY` selects it); a crash is reported as an ERROR row and the bench goes on."""
    def decorate(function):
        def run():
            started = time.perf_counter()
            print(f"... {name}", file=sys.stderr, flush=True)
            try:
                function()
            except Exception as err:  # noqa: BLE001 - reported, then the exit status says so
                traceback.print_exc()
                CRASHED.append(name)
                ROWS.append(Row(name, f"ERROR: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"[:160], ok="ERROR"))
            print(f"    {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        SECTIONS[key] = run
        return run
    return decorate


# ---------------------------------------------------------------- data

METRIC_CYCLE = [  # (metric, unit, per or None, value or None)
    ("net_loss", "USD", "year", 5_000_000_000), ("revenue", "USD", "year", 3_700_000_000),
    ("valuation", "USD", None, 157_000_000_000), ("cash_burn", "USD", "month", 700_000_000),
    ("operating_cost", "KRW", "day", 930_000_000), ("funding_round", "USD", None, 6_600_000_000),
    ("users", "users", None, 200_000_000), ("product_launch", None, None, None),
    ("training_cost", "EUR", None, 3_000_000_000), ("compute_capacity", "GW", None, 10),
]


def synthetic_claims(count: int, sources: int = 20) -> bytes:
    """A valid claims document with `count` claims over `sources` articles, every kind of metric in turn."""
    lines = ["sources:"]
    for s in range(sources):
        published = "null" if s % 5 == 4 else f"{2023 + s % 3}-{1 + s % 12:02d}-{1 + s % 28:02d}"
        lines += [
            f"  - id: src-{s}", f"    file: {s:03d}_article.txt", f'    title: "Article {s}: how much did it cost?"',
            f"    publisher: Publisher {s}", "    source_type: news_outlet", f"    language: {'en' if s % 2 else 'ko'}",
            f"    published: {published}", *(["    written: 2024"] if published == "null" else []),
            f"    url: https://example.com/article-{s}" if s % 3 else "    url: null",
            f'    note: "Synthetic article {s} for the benchmark."',
        ]
    lines.append("claims:")
    for c in range(count):
        metric, unit, per, value = METRIC_CYCLE[c % len(METRIC_CYCLE)]
        lines += [f"  - id: claim-{c}", f"    entity: Company {c % 50}", f"    metric: {metric}",
                  f"    value: {'null' if value is None else value + c}"]
        if unit:
            lines.append(f"    unit: {unit}")
        if per:
            lines.append(f"    per: {per}")
        basis = "forecast" if value is None else ("reported", "estimated", "projected")[c % 3]
        lines += [f'    period: "{2020 + c % 7}"', f"    basis: {basis}"]
        if value is not None:
            lines.append(f"    qualifier: {('exact', 'approximately', 'at_least')[c % 3]}")
        lines += [f"    source: src-{c % sources}", f'    quote: "Figure number {c} as the article printed it."',
                  f'    quote_en: "Figure number {c} as the article printed it."']
        if c % 4 == 0:
            lines.append(f'    note: "Synthetic claim {c}."')
    return ("\n".join(lines) + "\n").encode("utf-8")


def billion_laughs(depth: int = 9) -> bytes:
    layers = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, depth + 1):
        previous, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        layers.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return ("\n".join(layers) + "\n").encode("utf-8")


def unread(call: Callable[[], object]) -> Callable[[], object]:
    """call with the loader's read-once cache emptied first, so that each timed load reads and checks its file as a
    file not seen before (lib.claims reads the same bytes only once per process)."""
    def run() -> object:
        claims_module._read_once.cache_clear()
        return call()
    return run


@section("loading data/claims.yaml", key="claims")
def bench_bundled() -> None:
    data = CLAIMS_PATH.read_bytes()
    timed = interleaved({
        "load": unread(lambda: load_claims(CLAIMS_PATH)),
        "safe_load": lambda: yaml.safe_load(data),
        "c_load": lambda: yaml.load(data, Loader=yaml.CSafeLoader),
    }, repeat=15)
    ratio = timed["load"] / timed["safe_load"]
    ROWS.append(Row("load+validate data/claims.yaml (lib.claims.load_claims)", seconds(timed["load"]),
                    f"{seconds(timed['safe_load'])} (yaml.safe_load)", f"{ratio:.2f}x", "≤ 1.5x", judge(ratio <= 1.5)))
    ROWS.append(Row("  same, vs libyaml yaml.load(CSafeLoader) (information)", seconds(timed["load"]),
                    seconds(timed["c_load"]), f"{timed['load'] / timed['c_load']:.2f}x"))
    NOTES.append("yaml.safe_load is PyYAML's pure-Python loader; lib.claims parses with libyaml (CSafeLoader) into "
                 "nodes and validates them, hence the second, informational row against a bare libyaml load.")


@section("auditing data/claims.yaml", key="audit")
def bench_audit() -> None:
    from lib.audit import audit

    claims = load_claims(CLAIMS_PATH)
    timed = interleaved({"audit": lambda: audit(claims, "2026-02-01"), "load": unread(lambda: load_claims(CLAIMS_PATH))}, repeat=7)
    ROWS.append(Row("audit of data/claims.yaml (lib.audit.audit, claims already loaded)", seconds(timed["audit"]),
                    f"{seconds(timed['load'])} (load_claims)", f"{timed['audit'] / timed['load']:.0f}x", "< 1 s",
                    judge(timed["audit"] < 1)))


def synthetic_articles(count: int, sources: int = 20) -> dict[str, str]:
    """The articles of synthetic_claims(count, sources): each holds the quotes of the claims citing it."""
    return {f"{s:03d}_article.txt": "\n".join(f"Figure number {c} as the article printed it." for c in range(s, count, sources))
            for s in range(sources)}


@section("synthetic claims", key="synthetic")
def bench_synthetic() -> None:
    small, large = synthetic_claims(1_000), synthetic_claims(10_000)
    articles = {1_000: synthetic_articles(1_000), 10_000: synthetic_articles(10_000)}
    assert len(parse_claims(small, "synthetic-1k.yaml", articles[1_000])) == 1_000
    assert len(parse_claims(large, "synthetic-10k.yaml", articles[10_000])) == 10_000
    timed: dict[str, list[float]] = {"1k": [], "10k": []}
    for _ in range(3):
        for name, data, given in (("1k", small, articles[1_000]), ("10k", large, articles[10_000])):
            claims_module._read_once.cache_clear()  # a load of a file not read before (see unread)
            start = time.perf_counter()
            parse_claims(data, f"synthetic-{name}.yaml", given)
            timed[name].append(time.perf_counter() - start)
    one, ten = (statistics.median(timed[k]) for k in ("1k", "10k"))
    ROWS.append(Row("load+validate 1,000 synthetic claims", seconds(one), target="—"))
    ratio = ten / one
    ROWS.append(Row("load+validate 10,000 synthetic claims", seconds(ten), f"{seconds(one)} (1,000 claims)",
                    f"{ratio:.1f}x", "< 2 s, ratio ≤ 13 (linear ≈ 10)", judge(ten < 2 and ratio <= 13)))


SCALE = (10_000, 100_000)  # claims in the two files validated side by side


def replicated_claims(count: int) -> bytes:
    """data/claims.yaml with its claims copied until there are `count`, each copy's ids (and the ids its relations
    name) given a suffix of their own, so that the file validates; its sources are the bundled ones."""
    text = CLAIMS_PATH.read_text(encoding="utf-8")
    head, rest = text.split("\nclaims:\n", 1)
    body = rest.split("\nacknowledged:\n", 1)[0]
    claims = ["  - id:" + part.rstrip("\n") + "\n" for part in body.split("  - id:")[1:]]
    copies, copy = [], 0
    while len(copies) < count:
        for claim in claims[: count - len(copies)]:
            suffixed = re.sub(r"(  - id: [\w-]+)", rf"\1-c{copy}", claim)
            suffixed = re.sub(r"relates_to: \[(.*)\]", lambda m: "relates_to: [" + ", ".join(
                f"{name}-c{copy}" for name in m.group(1).split(", ")) + "]", suffixed)
            copies.append(suffixed if copy else claim)
        copy += 1
    return (head + "\nclaims:\n" + "".join(copies)).encode("utf-8")


# VmHWM, the peak resident set of the process's own memory (ru_maxrss would also count the bench's, forked from)
VALIDATE = """import json, re, sys, time
from lib.validate import main
start = time.perf_counter()
code = main(sys.argv[1:])
took = time.perf_counter() - start
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1))
print(json.dumps({"code": code, "seconds": took, "peak_kb": peak}))"""


def validated_in_a_process(path: Path) -> tuple[float, int]:
    """`python -m lib.validate PATH` in a process of its own: the seconds its validation took (imports left out)
    and the process's peak resident memory in bytes."""
    done = subprocess.run([sys.executable, "-c", VALIDATE, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise AssertionError(f"{path.name} did not validate: {done.stderr[:500]}")
    return result["seconds"], result["peak_kb"] * 1024


@section("validate 10,000 vs 100,000 claims", key="scale")
def bench_scale() -> None:
    small, large = SCALE
    with tempfile.TemporaryDirectory(prefix="burnboard-scale-") as folder:
        paths = {count: Path(folder) / f"claims-{count}.yaml" for count in SCALE}
        for count, path in paths.items():
            path.write_bytes(replicated_claims(count))
        runs: dict[int, list[tuple[float, int]]] = {count: [] for count in SCALE}
        for _ in range(5):  # in turn, so that noise hits both alike
            for count, path in paths.items():
                runs[count].append(validated_in_a_process(path))
        sizes = {count: path.stat().st_size for count, path in paths.items()}
    took = {count: statistics.median(t for t, _ in runs[count]) for count in SCALE}
    peak = {count: max(m for _, m in runs[count]) for count in SCALE}
    ratio = took[large] / took[small]
    mb = 2**20
    ROWS.append(Row(f"validate {small:,} claims (python -m lib.validate, {sizes[small] / mb:.0f} MB file)", seconds(took[small]),
                    ratio="—", target="—"))
    ROWS.append(Row(f"validate {large:,} claims ({sizes[large] / mb:.0f} MB file)", seconds(took[large]),
                    f"{seconds(took[small])} ({small:,} claims)", f"{ratio:.1f}x", "≤ 12x (linear = 10x)", judge(ratio <= 12)))
    ROWS.append(Row(f"  same, peak memory of the process validating {large:,} claims", f"{peak[large] / mb:.0f} MB",
                    f"{peak[small] / mb:.0f} MB ({small:,} claims)", f"{peak[large] / peak[small]:.1f}x", "< 800 MB",
                    judge(peak[large] < 800 * mb)))
    NOTES.append(f"Validate at scale: data/claims.yaml's claims copied (ids given a suffix per copy) into files of "
                 f"{small:,} and {large:,} claims, each validated by `python -m lib.validate` in a process of its own, five "
                 "times in turn; the time is the median of the validation alone (the process's imports left out), the "
                 "memory the largest peak resident set (VmHWM) of those processes, imports included.")


@section("billion laughs", key="laughs")
def bench_laughs() -> None:
    data = billion_laughs()

    def refuse() -> None:
        try:
            parse_claims(data, "laughs.yaml")
        except ClaimsError as err:
            assert "aliases expand" in str(err), err
        else:
            raise AssertionError("a billion-laughs document was accepted")

    refused = median_time(refuse, 5)
    ROWS.append(Row(f"billion-laughs refusal ({len(data)} bytes, 9 levels)", seconds(refused), target="< 1 s",
                    ok=judge(refused < 1)))


# ---------------------------------------------------------------- runway model

@section("runway fan", key="runway")
def bench_runway() -> None:
    from lib import runway

    inputs = (10e9, 300e6, 700e6, 1.0, 0.3, dt.date(2025, 1, 1), 120)  # cash, revenue, cost, their growth, start
    raises = [(dt.date(2025, 10, 1), 6.6e9)]
    spread = dict(
        relative_intervals={"cash_usd": [(0.9, 1.1)], "monthly_revenue_usd": [(0.9, 1.1), (0.8, 1.0)],
                            "monthly_cost_usd": [(0.85, 1.2)]},
        growth_intervals={"revenue_growth_yoy": [(-0.1, 0.1)], "cost_growth_yoy": [(-0.1, 0.1)]},
    )
    drawn = runway.fan(*inputs, raises=raises, **spread)
    assert drawn.draws == 1000 and len(drawn.paths) == 120 and drawn.inputs["varies"].all(), "fan is not 1,000 x 120"
    timed = interleaved({
        "fan": lambda: runway.fan(*inputs, raises=raises, **spread),
        "project": lambda: runway.project(*inputs, raises=raises),
    }, repeat=21)
    ROWS.append(Row("runway fan, 1,000 draws x 120 months", seconds(timed["fan"]),
                    f"{seconds(timed['project'])} (one project call)", f"{timed['fan'] / timed['project']:.1f}x",
                    "< 100 ms", judge(timed["fan"] < 0.1)))
    NOTES.append("Runway fan: lib.runway.fan with every input varying (money by ratios, revenue with two disagreeing "
                 "intervals; growth by ±10 pp) and one raise, 1,000 draws over 120 months, beside one "
                 "lib.runway.project call on the same inputs; medians of 21, taken in turn.")


# ---------------------------------------------------------------- figure finder

ARTICLE_CHARS = 20_000
STORED_BY_LANGUAGE = {  # the stored articles an article of each language is built from
    "ko": ["000_e792e22bbf10f206.txt", "001_7cb1e7e9e4dfd3cd.txt", "003_b33c1ca5114b02ac.txt"],
    "en": ["002_ab2e4416028fa48c.txt"],
    "fr": ["004_7f9be757b3d4b38a.txt"],
}


def long_article(files: list[str], chars: int = ARTICLE_CHARS) -> str:
    """An article of exactly chars characters: the stored articles' texts (as lib.curate reads them), in turn, over
    and over."""
    from lib.curate import reading

    texts = [reading.read((ROOT / "data" / "sources" / name).read_bytes(), name) for name in files]
    article = ""
    while len(article) < chars:
        article += "\n\n".join(texts) + "\n\n"
    return article[:chars]


@section("figure finder", key="curate")
def bench_curate() -> None:
    from lib.curate import figures, sentences

    for language, files in STORED_BY_LANGUAGE.items():
        article = long_article(files)
        started = time.perf_counter()
        found = figures(article)  # the first call of the process builds pysbd's and lingua's models
        cold = time.perf_counter() - started
        timed = interleaved({"figures": lambda: figures(article), "split": lambda: sentences.split(article, language)},
                            repeat=7)
        ROWS.append(Row(f"figures of a {len(article):,}-character {language} article (lib.curate.figures, "
                        f"{len(found)} figures)", seconds(timed["figures"]), f"{seconds(timed['split'])} (sentences alone)",
                        f"{timed['figures'] / timed['split']:.1f}x", "< 300 ms", judge(timed["figures"] < 0.3)))
        ROWS.append(Row("  same, the process's first call (information)", seconds(cold)))
    NOTES.append(f"Figure finder: lib.curate.figures with the language detected, on an article of {ARTICLE_CHARS:,} "
                 "characters made of the stored articles of one language (Korean: 000, 001 and 003; English: 002; "
                 "French: 004) repeated, beside lib.curate.sentences.split alone on the same text; medians of 7, taken "
                 "in turn. The first call of the process, which builds the sentence splitter and the language models, "
                 "is shown apart.")


# ---------------------------------------------------------------- exports

@section("exports", key="exports")
def bench_exports() -> None:
    if CHROMIUM is None:
        ROWS.append(Row("PNG/deck exports", "skipped: Chromium is not installed", ok="skipped"))
        return
    import datetime as dt

    from lib.dashboard import build_charts
    from lib.export.deck import deck_bytes
    from lib.export.images import png_bytes
    from lib.export.renderer import shared
    from lib.export.stamp import Stamp, dataset_version

    charts = build_charts(load_claims(CLAIMS_PATH))
    stamp = Stamp(dataset_version(CLAIMS_PATH.read_bytes()), False, dt.date(2026, 2, 1), "http://localhost:8501/")
    start = time.perf_counter()
    first = png_bytes(charts[0], stamp=stamp, renderer=shared())
    cold = time.perf_counter() - start
    assert first.startswith(b"\x89PNG"), "png_bytes did not return a PNG"
    ROWS.append(Row(f"PNG export, first (cold: starts kaleido's Chromium), {charts[0].name}", seconds(cold)))
    for chart in charts:
        warm = median_time(lambda chart=chart: png_bytes(chart, stamp=stamp, renderer=shared()), 3)
        ROWS.append(Row(f"PNG export, warm: {chart.name}", seconds(warm), f"{seconds(cold)} (cold)",
                        f"{warm / cold:.2f}x", "≤ 0.5 s", judge(warm <= 0.5)))
    start = time.perf_counter()
    deck = deck_bytes(charts, stamp=stamp, renderer=shared())
    took = time.perf_counter() - start
    ROWS.append(Row(f"deck ({len(charts)} charts, {len(deck) / 1e6:.1f} MB .pptx)", seconds(took), target="≤ 10 s",
                    ok=judge(took <= 10)))


# ---------------------------------------------------------------- page reruns

@section("page reruns (AppTest)", key="pages")
def bench_pages() -> None:
    from streamlit.testing.v1 import AppTest

    minimal = AppTest.from_file(str(MINIMAL_PAGE), default_timeout=60).run()
    assert not minimal.exception, minimal.exception
    tests = {}
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.switch_page(f"pages/{name}.py")
        at.run()
        assert not at.exception, f"{name}: {at.exception}"
        tests[name] = at
    steps = {"minimal": 0, "runway": 0}

    def new_cash(name: str) -> float:
        """A cash value not set before, so no cache answers the rerun (the slider steps by 0.1)."""
        steps[name] += 1
        return round(5.0 + 0.1 * steps[name], 1)

    def minimal_rerun() -> None:
        minimal.slider(key="cash").set_value(new_cash("minimal")).run()

    def runway_rerun() -> None:
        tests["runway"].slider(key="cash@OpenAI").set_value(new_cash("runway")).run()

    calls = {"minimal": minimal_rerun, "runway": runway_rerun}
    calls.update({name: tests[name].run for name in PAGES if name != "runway"})
    for call in calls.values():  # one warm-up each: first widget changes fill caches
        call()
    timed = interleaved(calls, repeat=7)
    for name, at in tests.items():
        assert not at.exception, f"{name}: {at.exception}"
    base = timed["minimal"]
    ROWS.append(Row("rerun: minimal page (slider change; scripts/minimal_page.py)", seconds(base)))
    for name in PAGES:
        ratio = timed[name] / base
        if name == "runway":
            ROWS.append(Row("rerun: runway page (cash slider change)", seconds(timed[name]), seconds(base),
                            f"{ratio:.1f}x", "≤ 1.5x minimal", judge(ratio <= 1.5)))
        else:
            ROWS.append(Row(f"rerun: {name} page", seconds(timed[name]), seconds(base), f"{ratio:.1f}x", "report"))
    NOTES.append("Page reruns are timed with streamlit.testing.v1.AppTest in this process (no browser, no "
                 "websocket): the minimal page after a slider change; each dashboard page opened through app.py "
                 "(at.switch_page) and rerun after a cash-slider change to a value not set before (runway) or a plain "
                 "at.run() (others); "
                 "medians of 7, taken in turn. AppTest reruns the whole page script even when the widget sits in an "
                 "st.fragment, so a fragment's saving in the browser does not show in these rows.")


# ---------------------------------------------------------------- add an article

CANDIDATES = 50


def fifty_figure_article() -> str:
    """An article of CANDIDATES sentences, one money figure each."""
    return " ".join(f"In its filing for quarter {n}, OpenAI said it spent ${n + 1} billion on servers." for n in range(CANDIDATES))


@section("add an article: editing the candidate table (AppTest)", key="add_article")
def bench_add_article() -> None:
    from streamlit.testing.v1 import AppTest

    minimal = AppTest.from_file(str(MINIMAL_PAGE), default_timeout=60).run()
    page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    page.switch_page("pages/add_article.py")
    page.run()
    page.text_area(key="article_paste").set_value(fifty_figure_article())
    page.button(key="article_find").click().run()
    for name, value in [("publisher", "Bench"), ("written", "2025"), ("note", "Benchmark article.")]:
        page.text_input(key=f"article_source_{name}").set_value(value)
    accepted = {row: {"accept": True, "entity": "OpenAI", "metric": "compute_cost", "per": "year", "period": "2024",
                      "basis": "reported", "quote_en": f"Row {row}."} for row in range(5)}
    edits = {"edited_rows": accepted, "added_rows": [], "deleted_rows": []}
    page.session_state["article_candidates"] = edits
    page.run()
    assert not page.exception, page.exception
    shown = page.data_editor(key="article_candidates").value
    assert len(shown) == CANDIDATES, f"{len(shown)} candidates found, not {CANDIDATES}"
    assert list(shown["problems"][:5]) == [""] * 5, list(shown["problems"][:5])
    step = {"minimal": 0, "table": 0}

    def minimal_rerun() -> None:
        step["minimal"] += 1
        minimal.slider(key="cash").set_value(round(5.0 + 0.1 * step["minimal"], 1)).run()

    def table_edit() -> None:
        """The English quote of an accepted row retyped, a text not typed before: the draft changes, so it is
        validated again with the data in force (the audit waits for the reader to ask)."""
        step["table"] += 1
        edits["edited_rows"][step["table"] % 5]["quote_en"] = f"Row {step['table'] % 5}, edit {step['table']}."
        page.session_state["article_candidates"] = edits
        page.run()

    for call in (minimal_rerun, table_edit):  # one warm-up each
        call()
    timed = interleaved({"minimal": minimal_rerun, "table": table_edit}, repeat=7)
    assert not page.exception, page.exception
    ratio = timed["table"] / timed["minimal"]
    ROWS.append(Row(f"rerun: add an article, a cell of a {CANDIDATES}-candidate table edited (5 accepted; whole page, "
                    "information)", seconds(timed["table"]), f"{seconds(timed['minimal'])} (minimal)", f"{ratio:.1f}x", "report"))
    NOTES.append(f"Add an article: the page opened through app.py in AppTest with an article of {CANDIDATES} sentences, "
                 f"one dollar figure each, {CANDIDATES} candidates found; five rows accepted and filled in, the source's "
                 "fields given; each measured rerun retypes the English quote of one accepted row (a text not typed "
                 "before, so the draft is validated again with the data in force by the loader's rules; the audit runs "
                 "when the reader asks for it), taken in turn with the minimal page's slider change, medians of 7. "
                 "AppTest runs the whole page for an edit, the source's fields and the sidebar included; in the browser "
                 "an edit reruns only the page's fragment below the source's fields, and the browser row is the one "
                 "judged.")
    if CHROMIUM is None:
        ROWS.append(Row("add an article in the browser", "skipped: Chromium is not installed", ok="skipped"))
        return
    parts, base = table_edits_in_browser()
    edits = [edit["shown"] for edit in parts]
    ratios = [edit / minimal for edit, minimal in zip(edits, base)]
    ROWS.append(Row(f"add an article: Use ticked in a {CANDIDATES}-candidate table, key press to the row's problems "
                    f"shown (n={len(edits)})", f"{seconds(statistics.median(edits))} (IQR {spread(edits, times=True)})",
                    f"{seconds(statistics.median(base))} (minimal: key press to metric, IQR {spread(base, times=True)})",
                    f"{statistics.median(ratios):.2f}x (IQR {spread(ratios)})", "≤ 1.5x minimal",
                    judge(statistics.median(ratios) <= 1.5)))
    timed = [edit for edit in parts if "running" in edit and "notRunning" in edit]  # a run's start or end can fall between frames
    for measure, values in [("key press to the run's start (the grid sends the edit)", [e["running"] for e in timed]),
                            ("the run, start to end (the page's fragment on the server)", [e["notRunning"] - e["running"] for e in timed]),
                            ("the run's end to the row's problems shown (the grid draws the new data)",
                             [e["shown"] - e["notRunning"] for e in timed])]:
        ROWS.append(Row(f"  of which {measure} (information; n={len(values)})",
                        f"{seconds(statistics.median(values))} (IQR {spread(values, times=True)})"))
    NOTES.append(f"Add an article in the browser: headless Chromium on /add_article of a server started for the run, "
                 f"the {CANDIDATES}-sentence article pasted and its figures found, the source's publisher, period "
                 f"and note typed. Each measured edit selects a Use cell of one of the first {len(GRAY_ROWS_BITS)} rows "
                 f"(a click in its Problems cell, then the left arrow; the grid still), and presses Space: the row is "
                 f"ticked or unticked, the rows stepping through a Gray code so that every edit makes a draft not seen "
                 f"before. Stamped inside the page: from the keydown until the row's Problems cell (the grid's "
                 f"accessible table) shows the loader's new verdict. Taken in turn with a key press on the minimal "
                 f"page's slider (key press to metric, as in the browser section), after one warm-up each; median of "
                 f"the paired ratios. Streamlit's data editor holds an edit for 150 ms before it sends it (a debounce "
                 f"in its frontend, which reruns once for a burst of edits), so the key press to the run's start cannot "
                 f"fall under 150 ms, whatever the page does; the minimal page's slider sends at once.")


GRAY_ROWS_BITS = range(5)  # the rows ticked and unticked: 2**5 drafts, each visited once
WATCH_TABLE_EDIT = """row => {
  // In-page timestamps for one edit of the candidate table: the keydown, and when the row's Problems cell changes.
  const cell = () => {
    const cells = document.querySelectorAll(`[data-testid=stDataFrame] [role=row][aria-rowindex='${row + 2}'] [role=gridcell]`);
    return cells.length > 1 ? cells[1].innerText : null;
  };
  const stamps = {before: cell()};
  window.tableEdit = stamps;
  document.addEventListener('keydown', () => { stamps.key = performance.now(); }, {capture: true, once: true});
  const watch = new MutationObserver(() => {
    if (stamps.key !== undefined && cell() !== stamps.before) { stamps.shown = performance.now(); watch.disconnect(); }
  });
  watch.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  // and when the run the edit starts begins and ends, as the app's script state shows them
  const app = document.querySelector('[data-testid=stApp]');
  new MutationObserver(() => {
    const state = app.getAttribute('data-test-script-state');
    if (stamps.key !== undefined && stamps[state] === undefined) stamps[state] = performance.now();
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def gray_code_rows(edits: int) -> list[int]:
    """The row whose Use box each edit toggles, so that the set of ticked rows walks a Gray code: no set twice."""
    assert edits < 2 ** len(GRAY_ROWS_BITS), "more edits than drafts"
    return [(step & -step).bit_length() - 1 for step in range(1, edits + 1)]


def table_edits_in_browser() -> tuple[list[dict[str, float]], list[float]]:
    """For SLIDER_STEPS edits of the candidate table, seconds from the key press to the run's start ("running"),
    to its end ("notRunning") and to the Problems cell updated ("shown"); and seconds from a key press to the
    metric updated on the minimal page, taken in turn."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.test_add_article import QUIET, STILL, Candidates

    app, app_url, _, app_log = start_server()
    minimal, minimal_root, _, minimal_log = start_server(str(MINIMAL_PAGE.relative_to(ROOT)))
    edits, base = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                base_page = slider_page(browser.new_context(viewport={"width": 1400, "height": 1000}),
                                        f"{minimal_root}/minimal", "chart")
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.goto(f"{app_url}/add_article", timeout=90_000)
                page.wait_for_function(RUN_DONE, timeout=90_000, polling=10)
                page.get_by_label("Paste the article's text").fill(fifty_figure_article())
                page.get_by_role("button", name="Find the figures").click()
                table = Candidates(page)
                table.grid.wait_for(timeout=90_000)
                for label, text in [("Publisher", "Bench"), ("Written (undated only)", "2025"),
                                    ("Note on the source", "Benchmark article.")]:
                    page.wait_for_function(QUIET, timeout=30_000)
                    box = page.get_by_label(label, exact=True)
                    box.fill(text)
                    box.press("Enter")
                page.wait_for_function(QUIET, timeout=30_000)
                for step, row in enumerate(gray_code_rows(SLIDER_STEPS + 1)):
                    minimal_time = key_press_time(base_page)[0]
                    page.bring_to_front()
                    table.select(row, "accept")
                    page.evaluate(WATCH_TABLE_EDIT, row)
                    page.keyboard.press("Space")
                    page.wait_for_function("() => window.tableEdit.shown !== undefined", timeout=30_000, polling=20)
                    page.wait_for_function(RUN_DONE, timeout=30_000, polling=20)
                    page.wait_for_function(STILL, timeout=30_000)
                    stamps = page.evaluate("() => window.tableEdit")
                    if step:  # the first edit warms up the session
                        edits.append({part: (stamps[part] - stamps["key"]) / 1000 for part in ("running", "notRunning", "shown")
                                      if part in stamps})
                        base.append(minimal_time)
            finally:
                browser.close()
    finally:
        stop_server(app, app_log)
        stop_server(minimal, minimal_log)
    return edits, base


# ---------------------------------------------------------------- server

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(app: str = "app.py") -> tuple[subprocess.Popen, str, float, Path]:
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="burnboard-bench-", suffix=".log", delete=False)
    command = [sys.executable, "-m", "streamlit", "run", app, "--server.port", str(port), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    log.close()
    url = f"http://127.0.0.1:{port}"
    while time.perf_counter() - start < 90:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited ({process.returncode}): {Path(log.name).read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return process, url, time.perf_counter() - start, Path(log.name)
        except OSError:
            pass
        time.sleep(0.05)
    stop_server(process, Path(log.name))
    raise TimeoutError("streamlit was not healthy within 90 s")


def stop_server(process: subprocess.Popen, log: Path) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    log.unlink(missing_ok=True)


@dataclass
class Memory:
    rss: int  # the process and all its descendants
    pss: int  # the same, shared pages divided among the processes sharing them (Linux)
    own_rss: int  # the streamlit (Python) process alone
    children: list[str]  # names of the descendant processes


def memory(pid: int) -> Memory:
    import psutil

    parent = psutil.Process(pid)
    children = parent.children(recursive=True)
    rss = pss = 0
    names = []
    for process in children:
        try:
            names.append(process.name())
        except psutil.NoSuchProcess:
            pass
    for process in [parent, *children]:
        try:
            info = process.memory_full_info()
        except psutil.NoSuchProcess:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return Memory(rss, pss, parent.memory_info().rss, names)


@section("server start and memory", key="server")
def bench_server() -> None:
    starts = []
    for _ in range(2):  # two cold starts to take the median of (plus the one used for memory below)
        process, _, took, log = start_server()
        starts.append(took)
        stop_server(process, log)
    process, url, took, log = start_server()
    starts.append(took)
    try:
        ROWS.append(Row("server start to healthy (Popen to /_stcore/health ok)", seconds(statistics.median(starts)),
                        target="report"))
        if CHROMIUM is None:
            ROWS.append(Row(f"server RSS after {SESSIONS} browser sessions", "skipped: Chromium is not installed", ok="skipped"))
            return
        idle = memory(process.pid)
        loaded = memory_under_sessions(process.pid, url)
        mb = 2**20
        ROWS.append(Row(f"server RSS incl. children after {SESSIONS} browser sessions (/runway?cash=N)",
                        f"{loaded.rss / mb:.0f} MB", f"{idle.rss / mb:.0f} MB (idle after start)", f"{loaded.rss / idle.rss:.1f}x",
                        "< 300 MB", judge(loaded.rss < 300 * mb)))
        ROWS.append(Row("  same, PSS incl. children (shared pages split; information)", f"{loaded.pss / mb:.0f} MB",
                        f"{idle.pss / mb:.0f} MB (idle)", f"{loaded.pss / idle.pss:.1f}x"))
        ROWS.append(Row("  same, the streamlit (Python) process alone (information)", f"{loaded.own_rss / mb:.0f} MB",
                        f"{idle.own_rss / mb:.0f} MB (idle)", f"{loaded.own_rss / idle.own_rss:.1f}x"))
        kinds = ", ".join(f"{count} {name}" for name, count in sorted(Counter(loaded.children).items())) or "none"
        NOTES.append(f"Memory: resident set of the streamlit process plus all its descendant processes (here: {kinds}) "
                     f"with {SESSIONS} sessions open, each a browser context of its own at /runway?cash=N, after every "
                     "page has finished its run. Descendants are kaleido's headless Chromium when the server has "
                     "started it to draw PNG/SVG downloads. RSS counts pages shared between processes once per process "
                     "(an upper bound); PSS divides them among the sharers.")
    finally:
        stop_server(process, log)


# opens of each page, each beside an open of the minimal page (with 7, the median ratio moved by ±0.03 between runs)
OPENS = 11
SLIDER_STEPS = 25  # key presses on each slider, taken in turn with the minimal page's
BROWSER_PAGES = ["overview", "timeline", "waterfall", "runway", "sources", "checks", "method"]
DRAWN = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    const main = document.querySelector('[data-testid=stMain] [data-testid=stElementContainer]');
    if (!app || !main || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-stale=true]')) return false;
    // An element whose component code is still loading shows a skeleton, a plotly chart included: wait for all.
    if (document.querySelector('[data-testid=stSkeleton]')) return false;
    return [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg .cartesianlayer'));
}"""
WATCH_KEY_PRESS = """chartKey => {
  // In-page timestamps for a key press: when "Months of runway" shows a new value, and when anything inside the
  // plotly chart with that key first changes (its redraw begins).
  const value = () => [...document.querySelectorAll('[data-testid=stMetric]')]
    .find(m => m.innerText.includes('Months of runway')).querySelector('[data-testid=stMetricValue]').innerText;
  const inChart = record => {
    const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    return element !== null && element.closest(`.st-key-${chartKey} .js-plotly-plot`) !== null;
  };
  window.keyPress = {};
  document.addEventListener('keydown', () => { window.keyPress = {key: performance.now(), before: value()}; }, true);
  new MutationObserver(records => {
    const t = window.keyPress;
    if (t.key === undefined) return;
    if (t.metric === undefined && value() !== t.before) t.metric = performance.now();
    if (t.chart === undefined && records.some(inChart)) t.chart = performance.now();
  }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
}"""
KEY_PRESS_SEEN = "() => window.keyPress.metric !== undefined && window.keyPress.chart !== undefined"
RUN_DONE = """() => document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'"""


def spread(values: list[float], times: bool = False) -> str:
    """The middle half of the samples, 25th to 75th percentile: '0.95–1.30' for ratios, '310–420 ms' for times."""
    low, _, high = statistics.quantiles(values, n=4)
    return f"{low * 1000:.0f}–{high * 1000:.0f} ms" if times else f"{low:.2f}–{high:.2f}"


def open_time(context, url: str) -> float:
    """Seconds from asking for a page in a new tab until its script has run and every chart on it is drawn."""
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=90_000)
        page.wait_for_function(DRAWN, timeout=90_000, polling=10)
        return time.perf_counter() - start
    finally:
        page.close()


def focused_slider(context, url: str):
    """A tab at url, drawn, with its "Starting cash" slider focused."""
    page = context.new_page()
    page.goto(url, timeout=90_000)
    page.wait_for_function(DRAWN, timeout=90_000, polling=10)
    page.wait_for_function(RUN_DONE, timeout=30_000, polling=10)
    page.locator("[data-testid=stSlider]").filter(has_text="Starting cash").locator("input[type=range]").focus()
    return page


def slider_page(context, url: str, chart_key: str):
    """A tab at url with the "Starting cash" slider focused, its chart drawn and the key press watcher installed."""
    page = focused_slider(context, url)
    page.locator(f".st-key-{chart_key} .js-plotly-plot .main-svg").first.wait_for(timeout=90_000)
    page.evaluate(WATCH_KEY_PRESS, chart_key)
    return page


def key_press_time(page) -> tuple[float, float]:
    """Seconds from a key press on the focused slider until the metric shows the new value, and until the chart
    begins to redraw, both stamped inside the page (performance.now() in a keydown listener and a
    MutationObserver), so the polling does not add to them. Each press moves to a value not seen before, so no
    cache can answer it."""
    page.bring_to_front()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(KEY_PRESS_SEEN, timeout=30_000, polling=20)
    page.wait_for_function(RUN_DONE, timeout=30_000, polling=20)
    stamps = page.evaluate("() => window.keyPress")
    return (stamps["metric"] - stamps["key"]) / 1000, (stamps["chart"] - stamps["key"]) / 1000


@section("pages in the browser", key="browser")
def bench_browser() -> None:
    if CHROMIUM is None:
        ROWS.append(Row("pages in the browser", "skipped: Chromium is not installed", ok="skipped"))
        return
    from playwright.sync_api import sync_playwright

    app, app_url, _, app_log = start_server()
    minimal, minimal_root, _, minimal_log = start_server(str(MINIMAL_PAGE.relative_to(ROOT)))
    # Opened by a one-segment path, as every dashboard page but the default one is: on such a path Streamlit's
    # frontend first looks for its server under the path (a 404) and then at the root, and both sides pay that.
    minimal_url = f"{minimal_root}/minimal"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                for url in [minimal_url, *(f"{app_url}/{name}" for name in BROWSER_PAGES)]:  # warm: assets cached, caches filled
                    open_time(context, url)
                opens: dict[str, list[float]] = {name: [] for name in BROWSER_PAGES}
                base_opens: dict[str, list[float]] = {name: [] for name in BROWSER_PAGES}
                root_opens: list[float] = []
                for _ in range(OPENS):
                    for name in BROWSER_PAGES:  # minimal, page, minimal, page, ...: noise hits both alike
                        base_opens[name].append(open_time(context, minimal_url))
                        opens[name].append(open_time(context, f"{app_url}/{name}"))
                    root_opens.append(open_time(context, minimal_root))
                base_page = slider_page(browser.new_context(viewport={"width": 1400, "height": 1000}), minimal_url, "chart")
                runway_page = slider_page(browser.new_context(viewport={"width": 1400, "height": 1000}), f"{app_url}/runway",
                                          "runway_chart")
                presses: dict[str, list[tuple[float, float]]] = {"minimal": [], "runway": []}
                for step in range(SLIDER_STEPS + 1):
                    base_time = key_press_time(base_page)
                    runway_time = key_press_time(runway_page)
                    if step:  # the first press warms up each session
                        presses["minimal"].append(base_time)
                        presses["runway"].append(runway_time)
            finally:
                browser.close()
    finally:
        stop_server(app, app_log)
        stop_server(minimal, minimal_log)
    every_base = [t for times in base_opens.values() for t in times]
    ROWS.append(Row(f"open: minimal page at /minimal until its chart is drawn (n={len(every_base)})",
                    f"{seconds(statistics.median(every_base))} (IQR {spread(every_base, times=True)})"))
    ROWS.append(Row(f"  same page at / (no look for the server under a path; information; n={len(root_opens)})",
                    f"{seconds(statistics.median(root_opens))} (IQR {spread(root_opens, times=True)})"))
    for name in BROWSER_PAGES:
        ratios = [page / base for page, base in zip(opens[name], base_opens[name])]
        ROWS.append(Row(f"open: {name} page until all its charts are drawn (n={OPENS})",
                        f"{seconds(statistics.median(opens[name]))} (IQR {spread(opens[name], times=True)})",
                        f"{seconds(statistics.median(base_opens[name]))} (minimal, beside it)",
                        f"{statistics.median(ratios):.2f}x (IQR {spread(ratios)})", "≤ 1.25x minimal",
                        judge(statistics.median(ratios) <= 1.25)))
    for index, (measure, most) in enumerate([("runway slider: key press to metric updated", 1.25),
                                             ("runway slider: key press to chart redrawn", 1.5)]):
        ours, base = [p[index] for p in presses["runway"]], [p[index] for p in presses["minimal"]]
        ratios = [page / base for page, base in zip(ours, base)]
        ROWS.append(Row(f"{measure} (n={SLIDER_STEPS})", f"{seconds(statistics.median(ours))} (IQR {spread(ours, times=True)})",
                        f"{seconds(statistics.median(base))} (minimal, IQR {spread(base, times=True)})",
                        f"{statistics.median(ratios):.2f}x (IQR {spread(ratios)})", f"≤ {most}x minimal",
                        judge(statistics.median(ratios) <= most)))
    NOTES.append(f"Browser rows: headless Chromium (one browser, a 1400x1000 window) against two servers started for the "
                 f"run, the dashboard and scripts/minimal_page.py. Pages are opened by their paths (/overview, ...) and the minimal page "
                 f"by /minimal: on a path, Streamlit's frontend first asks for its server under that path, gets a 404 and "
                 f"retries at the root, about 0.1 s that a page opened at / does not pay, so the minimal page pays it too "
                 f"(its time at / is the information row). An open is a new tab in one warm context (assets "
                 f"cached, as for a returning reader) from the request until the script has finished, nothing is stale, "
                 f"no element still shows the skeleton Streamlit draws while that element's code loads (plotly's is "
                 f"the largest, evaluated anew in each tab) and every plotly chart on the page has drawn its axes; "
                 f"each page is opened {OPENS} times, each open right after an open of the minimal page, and judged by "
                 f"the median of those paired ratios (IQR: 25th to 75th percentile). The slider rows time {SLIDER_STEPS} key presses on the 'Starting cash' slider "
                 f"of each page, in turn (the tab brought to the front), each press a step right to a value not seen "
                 f"before, after one warm-up press, stamped inside the page (performance.now() in a keydown listener and a "
                 f"MutationObserver): until 'Months of runway' shows the new value, and until the first change inside the "
                 f"plotly chart (its redraw begins); same paired ratio. Nothing in the run pauses on purpose: the cards "
                 f"and the chart are sent as soon as they are computed.")


LONG_SESSION = (50, 300)  # slider moves after which the server's memory is read
COUNT_RUNS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    window.burnboardRuns = 0;
    new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') === 'running') window.burnboardRuns += 1;
    }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
RAN_AGAIN = """runs => window.burnboardRuns > runs && !document.querySelector('[data-stale=true]')
    && document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'"""


def move_and_wait(page) -> None:
    """One step right on the focused slider, waited for until the run it starts has finished (the page counts its
    runs: the metric alone stops changing once the runway passes the horizon)."""
    from playwright.sync_api import TimeoutError as NoRun

    runs = page.evaluate("() => window.burnboardRuns")
    page.keyboard.press("ArrowRight")
    try:
        page.wait_for_function(RAN_AGAIN, arg=runs, timeout=10_000, polling=5)
    except NoRun:  # now and then the slider drops a key press that comes as its last run ends: press again
        page.keyboard.press("ArrowRight")
        page.wait_for_function(RAN_AGAIN, arg=runs, timeout=60_000, polling=5)


@section("server memory over a long session", key="session")
def bench_session() -> None:
    if CHROMIUM is None:
        ROWS.append(Row("server memory over a long session", "skipped: Chromium is not installed", ok="skipped"))
        return
    from playwright.sync_api import sync_playwright

    process, url, _, log = start_server()
    read: dict[int, Memory] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                page = focused_slider(browser.new_context(viewport={"width": 1400, "height": 1000}), f"{url}/runway")
                value = page.locator("[data-testid=stMetric]").filter(has_text="Months of runway").locator("[data-testid=stMetricValue]")
                page.evaluate(COUNT_RUNS)
                for move in range(1, LONG_SESSION[-1] + 1):
                    move_and_wait(page)
                    if move in LONG_SESSION:
                        read[move] = memory(process.pid)
                shown = value.inner_text()
            finally:
                browser.close()
    finally:
        stop_server(process, log)
    early, late = (read[n] for n in LONG_SESSION)
    mb = 2**20
    growth = late.own_rss / early.own_rss - 1
    ROWS.append(Row(f"server RSS after {LONG_SESSION[1]} runway slider moves in one session (the streamlit process)",
                    f"{late.own_rss / mb:.0f} MB", f"{early.own_rss / mb:.0f} MB (after {LONG_SESSION[0]})", f"{growth:+.1%}",
                    "< 10% more", judge(growth < 0.10)))
    ROWS.append(Row("  same, incl. children (information)", f"{late.rss / mb:.0f} MB", f"{early.rss / mb:.0f} MB",
                    f"{late.rss / early.rss - 1:+.1%}"))
    NOTES.append(f"Long session: one headless Chromium tab on /runway of a server started for the run; the 'Starting "
                 f"cash' slider is focused and moved one step right {LONG_SESSION[1]} times by the arrow key, each move "
                 f"waited for until the run it started has finished (the tab counts its runs; at the end 'Months of "
                 f"runway' showed {shown}); the "
                 f"server's resident set is read after {LONG_SESSION[0]} and after {LONG_SESSION[1]} moves.")


def memory_under_sessions(pid: int, url: str) -> Memory:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            pages = []
            for amount in range(1, SESSIONS + 1):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.goto(f"{url}/runway?cash={amount}", wait_until="commit", timeout=90_000)
                pages.append(page)
            values = []
            for page in pages:
                page.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(state="attached", timeout=90_000)
                value = page.locator("[data-testid=stMetric]").filter(has_text="Months of runway").locator("[data-testid=stMetricValue]")
                value.wait_for(timeout=90_000)
                values.append(value.inner_text())
            if len(set(values)) != len(values):
                raise AssertionError(f"sessions did not keep their own cash: {values}")
            return memory(pid)
        finally:
            browser.close()


# ---------------------------------------------------------------- report

def machine() -> list[str]:
    versions = []
    for package in ("streamlit", "pandas", "plotly", "kaleido", "PyYAML", "playwright"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    chromium = "not installed"
    if CHROMIUM:
        try:
            chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=20).stdout.strip() or CHROMIUM
        except (OSError, subprocess.SubprocessError):
            chromium = CHROMIUM
    return [
        f"- uname: `{' '.join(platform.uname())}`",
        f"- nproc: {os.cpu_count()}",
        f"- python: {platform.python_version()} ({sys.executable})",
        f"- packages: {', '.join(versions)}",
        f"- chromium: {chromium}",
    ]


def table() -> str:
    header = ["measure", "value", "baseline", "ratio", "target", "ok"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in ROWS:
        cells = [row.measure, row.value, row.baseline, row.ratio, row.target, row.ok]
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Burnboard benchmark; by default every section, written to "
                                                 "docs/performance.md.")
    parser.add_argument("--only", metavar="KEY[,KEY]", help=f"run only these sections ({', '.join(SECTIONS)}); "
                        "print their rows and leave docs/performance.md alone")
    args = parser.parse_args(argv)
    chosen = list(SECTIONS) if args.only is None else [key.strip() for key in args.only.split(",")]
    unknown = [key for key in chosen if key not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    started = time.perf_counter()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    for key in chosen:
        SECTIONS[key]()
    total = time.perf_counter() - started
    rendered = table()
    print(rendered)
    if args.only is not None:
        return 1 if CRASHED else 0
    missed = [row.measure.strip() for row in ROWS if row.ok == "MISSED"]
    document = "\n".join([
        "# Performance",
        "",
        f"Latest `make bench` (scripts/bench.py), {when}, {total:.0f} s in all. Times are medians of several runs; "
        "each measure is taken beside its baseline in the same run and judged by the ratio where there is one.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Results",
        "",
        rendered,
        "",
        f"Targets missed: {', '.join(missed) if missed else 'none'}.",
        "",
        "## How it is measured",
        "",
        *[f"- {note}" for note in NOTES],
        "- Exports: lib.dashboard.build_charts(load_claims(data/claims.yaml)) drawn by lib.export.images.png_bytes (1920x1080) "
        "and deck_bytes; cold is the first image of the process, which starts kaleido's Chromium; warm is the median of 3.",
        "- Server start: `python -m streamlit run app.py` from Popen until /_stcore/health answers ok, median of 3 starts.",
        "",
    ])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(document, encoding="utf-8")
    print(f"\nwritten to {OUT.relative_to(ROOT)} ({total:.0f} s)", file=sys.stderr)
    if CRASHED:
        print(f"crashed: {', '.join(CRASHED)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
