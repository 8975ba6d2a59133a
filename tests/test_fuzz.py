"""The fuzzer: mutants of the bundled claims file (tests/fuzzing.py), each refused with `FILE:LINE: field: message`
at the line it broke, or accepted, and then audited, exported as CSV and shown on every page without an exception.

FUZZ_MUTANTS (default 2,000) and FUZZ_SEED choose the run; `make fuzz` runs 20,000 with another seed. Accepted
mutants are checked downstream in files that each combine many of them (edits on different lines, few to one
item), because one export takes seconds: a file that fails is split until the mutant that breaks it alone is found.
"""
from __future__ import annotations

import contextlib
import io
import os
import time
from collections import Counter
from dataclasses import dataclass

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import audit, strict_json
from lib.claims import ClaimsError, parse_claims
from lib.export import cli
from tests import fuzzing
from tests.conftest import CLAIMS_PATH, ROOT, upload

MUTANTS = int(os.environ.get("FUZZ_MUTANTS", "2000"))
SEED = int(os.environ.get("FUZZ_SEED", "23"))
PAGE_RUNS = max(1, MUTANTS // 2000)  # combined files shown on every page
BATCH = 250  # accepted mutants combined into one file at most
PER_ITEM = 5  # of them editing the same source, claim or acknowledged entry
PATH = "mutant.yaml"
PAGES = ["overview", "timeline", "waterfall", "runway", "sources", "checks", "method"]


@dataclass
class Outcome:
    mutant: fuzzing.Mutant
    problems: list[str] | None  # None: accepted
    frame: pd.DataFrame | None
    crash: str | None = None


def reproduce(mutant: fuzzing.Mutant) -> str:
    return f"[seed {SEED}, {mutant.family}] {mutant.what}"


def load(data: bytes) -> Outcome:
    try:
        return Outcome(None, None, parse_claims(data, PATH))
    except ClaimsError as err:
        return Outcome(None, err.problems, None)
    except Exception as err:  # noqa: BLE001 - a crash of the loader is what the fuzzer looks for
        return Outcome(None, None, None, f"{type(err).__name__}: {err}")


@pytest.fixture(scope="module")
def fuzzed():
    text = CLAIMS_PATH.read_text(encoding="utf-8")
    model = fuzzing.Model.of(text)
    original = parse_claims(CLAIMS_PATH.read_bytes(), PATH)
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = []
    for mutant in fuzzing.mutants(text, SEED, MUTANTS):
        outcome = load(mutant.data)
        outcome.mutant = mutant
        outcomes.append(outcome)
    print(f"\nfuzz: {MUTANTS} mutants (seed {SEED}) loaded in {time.perf_counter() - started:.1f} s "
          f"({time.process_time() - cpu:.1f} s of CPU): "
          f"{sum(o.problems is not None for o in outcomes)} refused, {sum(o.frame is not None for o in outcomes)} accepted")
    return model, original, outcomes


def judged(outcome: Outcome, original: pd.DataFrame) -> str | None:
    """What is wrong with the loader's answer to one mutant, or None."""
    mutant = outcome.mutant
    if outcome.crash:
        return f"the loader crashed: {outcome.crash}"
    if outcome.problems is None:
        if mutant.refuse is True:
            return "accepted, but it must be refused"
        if mutant.same and not (outcome.frame.equals(original) and outcome.frame.attrs == original.attrs):
            return "accepted, but not as the same data as the original file"
        return None
    if mutant.refuse is False:
        return f"refused, but it must be accepted: {outcome.problems[:3]}"
    wrong = []
    for problem in outcome.problems:
        parts = fuzzing.PROBLEM.match(problem)
        if not parts or parts["path"] != PATH:
            wrong.append(f"not one `{PATH}:LINE: field: message` line: {problem!r}")
        elif int(parts["line"]) not in mutant.lines:
            wrong.append(f"at line {parts['line']}, expected {sorted(mutant.lines)}: {problem!r}")
    return "; ".join(wrong[:3]) or None


def test_each_mutant_is_refused_at_its_line_or_accepted(fuzzed):
    _, original, outcomes = fuzzed
    failures = [(o.mutant, why) for o in outcomes if (why := judged(o, original))]
    by_family = Counter(mutant.family for mutant, _ in failures)
    shown = [next((m, why) for m, why in failures if m.family == name) for name in by_family]  # the first of each family
    report = "\n".join(f"{reproduce(mutant)}\n    {why}" for mutant, why in shown)
    assert not failures, f"{len(failures)} of {len(outcomes)} mutants wrong ({dict(by_family)}); the first of each:\n{report}"


def test_every_family_makes_mutants_refused_and_accepted(fuzzed):
    _, _, outcomes = fuzzed
    refused = Counter(o.mutant.family for o in outcomes if o.problems is not None)
    accepted = Counter(o.mutant.family for o in outcomes if o.frame is not None)
    assert set(refused) == set(fuzzing.FAMILIES), f"families never refused: {set(fuzzing.FAMILIES) - set(refused)}"
    assert sum(accepted.values()) >= MUTANTS // 20, accepted


SMALL = """sources:
  - id: src-a
    title: A
claims:
  # a comment
  - id: claim-1
    source: src-a
    metric: net_loss
    unit: USD
  - id: claim-2
    source: src-a
    relates_to: [claim-1]
"""


def test_the_model_knows_each_items_lines_and_the_lines_naming_each_id():
    model = fuzzing.Model.of(SMALL)
    assert [(i.part, i.first, i.last, i.id) for i in model.items] == [
        ("sources", 2, 3, "src-a"), ("claims", 6, 9, "claim-1"), ("claims", 10, 12, "claim-2")]
    assert model.headers == {"sources": 1, "claims": 4}
    assert model.refs == {("sources", "src-a"): [7, 11], ("claims", "claim-1"): [12]}
    claim = model.items[1]
    assert model.depends(claim, "metric") == {8, 9}  # the metric decides the unit
    assert model.depends(claim, "id") == {6, 12}  # and an id is named by a relation
    assert model.lost(claim, "unit") == {6, 8}  # a claim without a unit is told so at its first line or metric
    assert model.next_start(9) == 10


@pytest.mark.parametrize(
    "edits, line, expected",
    [
        ((fuzzing.Edit(3, 3, ()),), 5, 4),  # a line deleted above
        ((fuzzing.Edit(3, 2, ("x",)),), 5, 6),  # a line inserted above
        ((fuzzing.Edit(3, 3, ("a\rb",)),), 5, 6),  # a lone carriage return ends a line
        ((fuzzing.Edit(7, 7, ()),), 5, 5),  # below: nothing moves
    ],
)
def test_shifted_follows_a_line_through_the_edits_above_it(edits, line, expected):
    assert fuzzing.shifted(line, edits) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (['  note: "abc"', "  x: 1"], 1),
        (['  note: "abc', '  x: "1"'], 2),  # the quote opened on line 1 closes on line 2
        (["  list: [a, #b]", "  x: 1", "  y: ]"], 3),  # a comment leaves the bracket open
        (["  q: 'it''s", "  x: 1'"], 2),  # '' is a quote inside single quotes
        (['  q: "a \\" b', '  x: "'], 2),  # so is \" inside double quotes
    ],
)
def test_scan_end_finds_where_quotes_and_brackets_close(lines, expected):
    assert fuzzing.scan_end(lines, 1) == expected


def downstream(data: bytes, tmp_path) -> str | None:
    """Audit an accepted file as `python -m lib.audit` does (text and strict JSON), then export its CSVs as
    `python -m lib.export --formats csv`; what failed, or None."""
    path = tmp_path / PATH
    path.write_bytes(data)
    claims = parse_claims(data, PATH)
    try:
        findings = audit.audit(claims)
        audit.text_report(findings, pd.Timestamp.today())
        strict_json.loads(audit.json_report(findings))
    except Exception as err:  # noqa: BLE001
        return f"audit: {type(err).__name__}: {err}"
    errors = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(errors):
        code = cli.main(["--out", str(tmp_path / "csv"), "--formats", "csv", "--claims", str(path)])
    return None if code == 0 else f"export (exit {code}): {errors.getvalue().strip()}"


def pages(data: bytes) -> str | None:
    """Every page with the file uploaded: what failed (an exception, or the upload set aside), or None."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    upload(at, PATH, data)
    for name in PAGES:
        at.switch_page(f"pages/{name}.py").run()
        if at.exception:
            return f"{name} page: {at.exception[0].message}"
        if "upload" not in at.session_state or at.session_state["upload_problems"]:
            return f"{name} page: the upload was not in force: {list(at.session_state['upload_problems'])[:2]}"
    return None


def data_key(frame: pd.DataFrame) -> tuple:
    """What the audit, the export and the pages are given: the frame's cells, dtypes and attrs (hashed)."""
    return (int(pd.util.hash_pandas_object(frame, index=False).sum()), tuple(map(str, frame.dtypes)), repr(frame.attrs))


def batches(outcomes: list[Outcome], original: pd.DataFrame) -> list[list[fuzzing.Mutant]]:
    """The accepted mutants whose data differ from the original file's and from one another's, packed into groups
    whose edits are on different lines, with at most PER_ITEM of a group editing one item: those on the lines most
    mutants edit first, so that they spread over the groups and the rest fill them."""
    seen, chosen = {data_key(original)}, []
    for outcome in outcomes:
        key = data_key(outcome.frame)
        if outcome.mutant.edits and not outcome.mutant.same and key not in seen:
            seen.add(key)
            mutant = outcome.mutant
            chosen.append((mutant, edited(mutant)))
    crowd = Counter(n for _, lines in chosen for n in lines)
    chosen.sort(key=lambda pair: -max(crowd[n] for n in pair[1]))
    packed = []
    for mutant, lines in chosen:
        for group, used, items in packed:
            if len(group) < BATCH and not used & lines and all(items[n] < PER_ITEM for n in mutant.touched):
                break
        else:
            group, used, items = [], set(), Counter()
            packed.append((group, used, items))
        group.append(mutant)
        used |= lines
        items.update(mutant.touched)
    return [group for group, _, _ in packed]


def accepted_together(model, group: list[fuzzing.Mutant]) -> tuple[list[fuzzing.Mutant], list[fuzzing.Mutant]]:
    """As many of group as the loader accepts together (added by halves, a half that clashes split again), and
    the rest."""
    kept, moved = [], []

    def grow(candidates: list[fuzzing.Mutant]) -> None:
        if load(fuzzing.combine(model, kept + candidates)).frame is not None:
            kept.extend(candidates)
        elif len(candidates) == 1:
            moved.extend(candidates)
        else:
            grow(candidates[:len(candidates) // 2])
            grow(candidates[len(candidates) // 2:])

    grow(group)
    return kept, moved


def edited(mutant: fuzzing.Mutant) -> set[int]:
    return {n for edit in mutant.edits for n in range(edit.first, max(edit.first, edit.last) + 1)}


def files(model, groups: list[list[fuzzing.Mutant]]) -> list[list[fuzzing.Mutant]]:
    """The groups made into files the loader accepts: a mutant whose edits clash with others' moves on to a later
    group whose edits are on other lines, or to a new one."""
    done, waiting = [], [list(group) for group in groups]
    while waiting:
        kept, moved = accepted_together(model, waiting.pop(0))
        done.append(kept)
        for mutant in moved:
            later = next((group for group in waiting if not edited(mutant) & set().union(*map(edited, group))), None)
            if later is None:
                waiting.append(later := [])
            later.append(mutant)
    return done


def failing(model, group: list[fuzzing.Mutant], check) -> list[tuple[list[fuzzing.Mutant], str]]:
    """Run check on the file combining group; on a refusal or a failure, split it until single mutants (which are
    accepted alone) show what fails."""
    data = group[0].data if len(group) == 1 else fuzzing.combine(model, group)
    if len(group) > 1 and load(data).frame is None:  # two edits that are fine alone clash: try them apart
        half = len(group) // 2
        return failing(model, group[:half], check) + failing(model, group[half:], check)
    problem = check(data)
    if problem is None:
        return []
    if len(group) == 1:
        return [(group, problem)]
    half = len(group) // 2
    found = failing(model, group[:half], check) + failing(model, group[half:], check)
    return found or [(group, problem)]


def test_accepted_mutants_are_audited_exported_and_shown_on_every_page(fuzzed, tmp_path):
    model, original, outcomes = fuzzed
    groups = files(model, batches([o for o in outcomes if o.frame is not None], original))
    assert groups
    failures = []
    started = time.perf_counter()
    for group in groups:
        failures += failing(model, group, lambda data: downstream(data, tmp_path))
    audited = time.perf_counter()
    for group in groups[:PAGE_RUNS]:
        failures += failing(model, group, pages)
    print(f"\nfuzz: {sum(map(len, groups))} accepted mutants with data other than the original's, in {len(groups)} files: audited and "
          f"exported in {audited - started:.1f} s; {sum(map(len, groups[:PAGE_RUNS]))} of them on every page in "
          f"{time.perf_counter() - audited:.1f} s")
    report = "\n".join(f"{' + '.join(reproduce(m) for m in group[:3])}\n    {why}" for group, why in failures[:12])
    assert not failures, f"{len(failures)} accepted mutants fail downstream:\n{report}"
