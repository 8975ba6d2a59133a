"""lib.claims: strict validation with file, line and field in every message; the frame it builds."""
from __future__ import annotations

import copy

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.claims import (
    METRICS, Acknowledged, Acknowledgement, ClaimsError, Dismissal, Dismissed, ExchangeRate, load_claims, parse_claims,
    appended, parse_documents,
)
from tests.conftest import CLAIMS_PATH, articles_for, make_claims

VALID = """\
sources:
  - id: src-a
    file: a.txt
    title: Article A
    publisher: Publisher A
    source_type: news_outlet
    language: en
    published: 2024-06-01
    url: https://example.com/a
    note: A test source.
claims:
  - id: claim-1
    entity: OpenAI
    metric: net_loss
    value: 5_000_000_000
    unit: USD
    per: year
    period: "2024"
    basis: estimated
    qualifier: approximately
    source: src-a
    quote: a loss of $5 billion
    quote_en: a loss of $5 billion
"""


ARTICLES = {"a.txt": "Article A reports a loss of $5 billion for the year.\n"}  # VALID's article, which holds its quote


def replaced(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def problems_of(text: str | bytes) -> list[str]:
    with pytest.raises(ClaimsError) as caught:
        parse_claims(text, "test.yaml", ARTICLES)
    return caught.value.problems


SECOND_CLAIM = VALID[VALID.index("  - id: claim-1") :]
BILLION_LAUGHS = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" if i else 'l0: &l0 ["lol", "lol", "lol"]\n' for i in range(10)
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (VALID + "    colour: red\n", "test.yaml:24: claims[0].colour: unknown field"),
        (VALID + "    unit: EUR\n", "test.yaml:24: claims[0].unit: duplicate key (first at line 16)"),
        (VALID + SECOND_CLAIM, "test.yaml:24: claims[1].id: duplicate id 'claim-1' (first at line 12)"),
        (replaced("value: 5_000_000_000", "value: yes"), "test.yaml:15: claims[0].value: expected a number, got boolean true"),
        (replaced("value: 5_000_000_000", "value: 5.0e9"), "test.yaml:15: claims[0].value: expected a number, got string '5.0e9'"),
        (replaced("value: 5_000_000_000", "value: five"), "test.yaml:15: claims[0].value: expected a number, got string 'five'"),
        (replaced("value: 5_000_000_000", "value: -5"), "test.yaml:15: claims[0].value: must be >= 0, got -5"),
        (replaced("value: 5_000_000_000", "value: .nan"), "test.yaml:15: claims[0].value: must be a finite number"),
        (replaced("value: 5_000_000_000", "value: .inf"), "test.yaml:15: claims[0].value: must be a finite number"),
        (replaced("metric: net_loss", "metric: burn"), "test.yaml:14: claims[0].metric: unknown metric 'burn'"),
        (replaced("unit: USD", "unit: dollars"), "test.yaml:16: claims[0].unit: unknown unit 'dollars'"),
        (replaced("unit: USD", "unit: GW"), "test.yaml:16: claims[0].unit: GW does not fit net_loss"),
        (replaced("basis: estimated", "basis: rumoured"), "test.yaml:19: claims[0].basis: unknown basis 'rumoured'"),
        (replaced("qualifier: approximately", "qualifier: roughly"), "test.yaml:20: claims[0].qualifier: unknown qualifier"),
        (replaced("source: src-a", "source: src-b"), "test.yaml:21: claims[0].source: unknown source 'src-b'"),
        (replaced("published: 2024-06-01", "published: 2024-6-1"), "test.yaml:8: sources[0].published: expected a date YYYY-MM-DD"),
        (replaced("published: 2024-06-01", "published: 2023-02-29"), "test.yaml:8: sources[0].published: impossible date '2023-02-29'"),
        (replaced('period: "2024"', 'period: "24"'), "test.yaml:18: claims[0].period: expected a period like"),
        (replaced('period: "2024"', "period: 2024-13"), "test.yaml:18: claims[0].period: impossible month in '2024-13'"),
        (replaced('period: "2024"', "period: 2024-04-31"), "test.yaml:18: claims[0].period: impossible date '2024-04-31'"),
        (replaced("url: https://example.com/a", "url: javascript:alert(1)"), "test.yaml:9: sources[0].url: must be an http:// or https:// address"),
        (replaced("url: https://example.com/a", "url: ftp://example.com/a"), "test.yaml:9: sources[0].url: must be an http:// or https:// address"),
        (replaced("value: 5_000_000_000", "value: 1" + "0" * 309),
         "test.yaml:15: claims[0].value: must be a finite number, got 10000000000000000000...00000000000000000000 (310 characters)"),
        (replaced("value: 5_000_000_000", "value: 1.0e+400"), "test.yaml:15: claims[0].value: must be a finite number, got 1.0e+400"),
        (replaced("value: 5_000_000_000", "value: 1.0e+19"), "test.yaml:15: claims[0].value: must be at most 10^18, got 1.0e+19"),
        (replaced("qualifier: approximately", "qualifier: approximately\n    tolerance: 1" + "0" * 400),
         "test.yaml:21: claims[0].tolerance: must be a finite number"),
        (replaced('period: "2024"', 'period: "9999-12"'), "test.yaml:18: claims[0].period: the year of '9999-12' is outside 1900 to 2100"),
        (replaced('period: "2024"', 'period: "9999-Q4"'), "test.yaml:18: claims[0].period: the year of '9999-Q4' is outside 1900 to 2100"),
        (replaced('period: "2024"', 'period: "0000"'), "test.yaml:18: claims[0].period: the year of '0000' is outside 1900 to 2100"),
        (replaced('period: "2024"', "period: 1899-12-31"), "test.yaml:18: claims[0].period: the year of '1899-12-31' is outside 1900 to 2100"),
        (replaced("published: 2024-06-01", "published: 2101-01-01"), "test.yaml:8: sources[0].published: the year of '2101-01-01' is outside 1900 to 2100"),
        (replaced("published: 2024-06-01", "published: null\n    written: 0001-H2"), "test.yaml:9: sources[0].written: the year of '0001-H2' is outside"),
        (replaced("url: https://example.com/a", 'url: "https://example.org\\njavascript:alert(1)"'),
         "test.yaml:9: sources[0].url: must be one address without whitespace, control characters, quotes or angle brackets; found U+000A"),
        (replaced("url: https://example.com/a", """url: 'https://x/"><script>'"""),
         "test.yaml:9: sources[0].url: must be one address without whitespace, control characters, quotes or angle brackets; found '\"', '<', '>'"),
        (replaced("url: https://example.com/a", 'url: "https://example.com/a b"'), "test.yaml:9: sources[0].url: must be one address without whitespace"),
        (replaced("url: https://example.com/a", 'url: "https://example.com/\\u202e"'), "test.yaml:9: sources[0].url: must be one address without whitespace, control characters, quotes or angle brackets; found U+202E"),
        (replaced("url: https://example.com/a", "url: https://example.com\\@evil"), "test.yaml:9: sources[0].url: must be one address"),
        (replaced("url: https://example.com/a", "url: https:///a"), "test.yaml:9: sources[0].url: must be an http:// or https:// address with a host"),
        (replaced("url: https://example.com/a", "url: http://[::1"), "test.yaml:9: sources[0].url: not a valid address"),
        (replaced("url: https://example.com/a", "url: https://example.com:port/a"), "test.yaml:9: sources[0].url: not a valid address"),
        (replaced("language: en", "language: english"), "test.yaml:7: sources[0].language: not an ISO 639-1 code"),
        (replaced("    quote_en: a loss of $5 billion\n", ""), "test.yaml:12: claims[0].quote_en: missing"),
        (replaced("    per: year\n", ""), "test.yaml:14: claims[0].per: missing (a net_loss is a rate: day, month or year)"),
        (replaced("metric: net_loss", "metric: valuation"), "test.yaml:17: claims[0].per: a valuation is a stock (a level at a date) and takes no per"),
        (replaced("metric: net_loss", "metric: ipo_plan"), "test.yaml:15: claims[0].value: events (ipo_plan) take value: null"),
        (replaced("    qualifier: approximately\n", ""), "test.yaml:14: claims[0].qualifier: missing"),
        (replaced("    url: https://example.com/a\n", ""), "test.yaml:2: sources[0].url: missing (write null when unknown)"),
        (
            replaced("quote: a loss of $5 billion", 'quote: !!python/object/apply:os.system ["echo owned"]'),
            "test.yaml:22: claims[0].quote: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ),
        (replaced("quote: a loss of $5 billion", "quote: !custom text"), "test.yaml:22: claims[0].quote: YAML tag '!custom' is not allowed"),
        (replaced("  - id: claim-1\n", "  - &c\n    id: claim-1\n") + "  - <<: *c\n", "test.yaml:25: claims[1]: merge keys (<<) are not allowed"),
        (replaced("title: Article A", "title: [Article, A]"), "test.yaml:4: sources[0].title: expected a single value, got a list"),
        (replaced("entity: OpenAI", "entity: 42"), "test.yaml:13: claims[0].entity: expected text, got int 42"),
        (VALID + "extra: 1\n", "test.yaml:24: extra: unknown field; allowed: sources, claims"),
        (VALID.replace("claims:", "claim:"), "test.yaml:11: claim: unknown field"),
        ("- just\n- a list\n", "test.yaml:1: top level: expected a mapping, got a list"),
        ("", "test.yaml:1: file: the file is empty"),
        ("  \n\n", "test.yaml:1: file: the file is empty"),
        ("sources: [\n", "test.yaml:2: file: not valid YAML"),
        (VALID.encode().replace(b"Article A", b"Article \xff"), "test.yaml:4: file: not valid UTF-8 (byte 0xff"),
        (BILLION_LAUGHS, "test.yaml:1: file: aliases expand"),
        ("sources: &s [*s]\nclaims: []\n", "test.yaml:1: file: not valid YAML: the alias *s is inside the node it names (a recursive structure)"),
        (replaced("  - id: claim-1\n", "  - &c\n    id: claim-1\n") + "    relates_to: *c\n", "test.yaml:25: file: not valid YAML: the alias *c is inside the node it names"),
        (VALID + "    note: *nowhere\n", "test.yaml:24: file: not valid YAML: found undefined alias 'nowhere'"),
        (VALID + "---\nsources: []\n", "test.yaml:24: file: not valid YAML: but found another document"),
        ("# only a comment\n", "test.yaml:1: file: the file holds no YAML document"),
        (replaced("title: Article A", "title: Article\x07 A"),
         "test.yaml:4: file: character U+0007 (a control character) at column 19: YAML does not allow it in a file; remove it, "
         'or write it escaped inside double quotes ("\\u0007")'),
        (replaced("title: Article A", "title: Article\u2028 A"),
         "test.yaml:4: file: character U+2028 (LINE SEPARATOR) at column 19: YAML reads it as a line break"),
        (replaced("title: Article A", "title: Article\x85 A"), "test.yaml:4: file: character U+0085 (a control character) at column 19: "
         "YAML reads it as a line break"),
        (VALID.encode("utf-16-le"), "test.yaml:1: file: the file is UTF-16 or UTF-32"),
        (replaced("value: 5_000_000_000", "value: &v 5_000_000_000").replace("quote_en: a loss of $5 billion", "quote_en: *v"),
         "test.yaml:23: claims[0].quote_en: expected text, got int 5000000000"),
        (replaced("entity: OpenAI", "entity: " + "[" * 70 + "]" * 70), "test.yaml:13: file: not valid YAML: lists and mappings nested more than 64 deep"),
        (replaced("entity: OpenAI", "entity: Open\rAI"), "test.yaml:14: file: not valid YAML: could not find expected ':'"),
        (VALID + '    note: "never closed\n', "test.yaml:24: file: not valid YAML: found unexpected end of stream"),
        (VALID + "    'col our': red\n", "test.yaml:24: claims[0]: unknown field 'col our'; allowed: id, entity"),
        (VALID + "1: x\n", "test.yaml:24: top level: keys must be field names, got int 1"),
        (VALID + "    [a]: red\n", "test.yaml:24: claims[0]: keys must be field names, got a list"),
    ],
    ids=lambda value: None,
)
def test_bad_input_names_file_line_and_field(text, expected):
    problems = problems_of(text)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    "text, expected",
    [
        (replaced("    source_type: news_outlet\n", ""), "test.yaml:2: sources[0].source_type: missing"),
        (replaced("source_type: news_outlet", "source_type: tabloid"),
         "test.yaml:6: sources[0].source_type: unknown source_type 'tabloid'; allowed: company_disclosure, regulatory_filing, "
         "news_outlet, analyst_report, blog, translation, repost"),
        (replaced("published: 2024-06-01", "published: null"),
         "test.yaml:2: sources[0].written: missing (an undated source needs the period it was written in, e.g. 2024 or 2024-H2)"),
        (replaced("published: 2024-06-01", "published: null\n    written: last year"),
         "test.yaml:9: sources[0].written: expected a period like 2024, 2024-H2, 2024-Q3, 2024-10 or 2024-10-02, got 'last year'"),
        (replaced("published: 2024-06-01", "published: 2024-06-01\n    written: 2024"),
         "test.yaml:9: sources[0].written: only for undated sources (published is set)"),
        (replaced("metric: net_loss", "metric: net_loss\n    includes: [staff_cost, rent]"),
         "test.yaml:15: claims[0].includes[1]: unknown metric 'rent'; allowed: net_loss, revenue, compute_cost, "
         "operating_cost, training_cost, staff_cost, data_cost"),
        (replaced("metric: net_loss", "metric: net_loss\n    includes: [staff_cost, staff_cost]"),
         "test.yaml:15: claims[0].includes[1]: staff_cost is listed twice"),
        (replaced("metric: net_loss", "metric: net_loss\n    includes: [net_loss]"),
         "test.yaml:15: claims[0].includes: must name a metric other than the claim's own"),
        (replaced("metric: net_loss", "metric: net_loss\n    includes: []"),
         "test.yaml:15: claims[0].includes: must not be an empty list (leave the field out)"),
        (replaced("metric: net_loss", "metric: net_loss\n    includes: staff_cost"),
         "test.yaml:15: claims[0].includes: expected a list, got the value 'staff_cost'"),
        (replaced("qualifier: approximately", "qualifier: approximately\n    tolerance: 5"),
         "test.yaml:21: claims[0].tolerance: must be a fraction between 0 and 1 (0.05 = 5%), got 5"),
        (replaced("qualifier: approximately", "qualifier: at_least\n    tolerance: 0.05"),
         "test.yaml:21: claims[0].tolerance: at_least is open on one side and takes no tolerance"),
        (replaced("qualifier: approximately", "qualifier: approximately\n    tolerance: null"),
         "test.yaml:21: claims[0].tolerance: expected a number, got null"),
        (replaced("qualifier: approximately", "qualifier: approximately\n    tolerance: lots"),
         "test.yaml:21: claims[0].tolerance: expected a number, got string 'lots'"),
        (replaced("quote_en: a loss of $5 billion", "quote_en: a loss of $5 billion\n    inferred: [period, mood]"),
         "test.yaml:24: claims[0].inferred[1]: unknown field 'mood'; allowed: period, per, unit, entity, counterparty, value"),
        (replaced("metric: net_loss", "metric: ipo_plan\n    includes: [staff_cost]"),
         "test.yaml:15: claims[0].includes: events (ipo_plan) take no includes"),
        (replaced("metric: net_loss", "metric: funding_round"),
         "test.yaml:17: claims[0].per: a funding_round is one amount over its period and takes no per"),
        (replaced("    per: year\n", "").replace("metric: net_loss", "metric: training_cost").replace("    per: year\n", ""), None),
    ],
    ids=lambda value: None,
)
def test_schema_fields_for_scope_bundles_hedges_and_dates(text, expected):
    if expected is None:  # training_cost takes per or not
        assert parse_claims(text, "test.yaml", ARTICLES).loc[0, "per"] is None or pd.isna(parse_claims(text, "test.yaml", ARTICLES).loc[0, "per"])
        return
    assert expected in problems_of(text)


def test_new_fields_reach_the_frame():
    text = (replaced("metric: net_loss", "metric: training_cost\n    scope: ChatGPT\n    includes: [training_cost, compute_cost]")
            .replace("qualifier: approximately", "qualifier: approximately\n    tolerance: 0.25")
            .replace("quote_en: a loss of $5 billion", "quote_en: a loss of $5 billion\n    inferred: [period, per]")
            .replace("published: 2024-06-01", "published: null\n    written: 2024-H2"))
    frame = parse_claims(text, "test.yaml", ARTICLES)
    row = frame.iloc[0]
    assert (row["scope"], row["includes"], row["tolerance"], row["inferred"]) == ("ChatGPT", "training_cost,compute_cost", 0.25, "period,per")
    assert (row["source_written"], row["source_source_type"]) == ("2024-H2", "news_outlet") and pd.isna(row["source_published"])


def test_a_file_too_big_to_keep_is_read_afresh_to_the_same_result(monkeypatch):
    """Above READ_ONCE_BYTES the loader reads without its cache: the same claims, the same problems."""
    good = CLAIMS_PATH.read_bytes()
    bad = replaced("value: 5_000_000_000", "value: yes").replace("basis: estimated", "basis: rumoured")
    kept = load_claims(CLAIMS_PATH)
    monkeypatch.setattr("lib.claims.READ_ONCE_BYTES", 0)
    pd.testing.assert_frame_equal(parse_claims(good, str(CLAIMS_PATH)), kept)
    assert [p.split(": ")[1] for p in problems_of(bad)] == ["claims[0].value", "claims[0].basis"]


def test_every_problem_is_reported_at_once():
    text = replaced("value: 5_000_000_000", "value: yes").replace("basis: estimated", "basis: rumoured") + "    colour: red\n"
    problems = problems_of(text)
    assert [p.split(": ")[1] for p in problems] == ["claims[0].value", "claims[0].basis", "claims[0].colour"]
    assert [int(p.split(":")[1]) for p in problems] == [15, 19, 24]


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda text: "\ufeff" + text, id="utf8-bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: text.replace('period: "2024"', "period: 2024"), id="unquoted-year"),
        pytest.param(lambda text: text.replace("url: https://example.com/a", "url: null"), id="null-url"),
        pytest.param(lambda text: text.replace("published: 2024-06-01", "published: null\n    written: 2024-H2"), id="undated"),
        pytest.param(lambda text: text.replace("quote: a loss of $5 billion", "quote: &q a loss of $5 billion")
                     .replace("quote_en: a loss of $5 billion", "quote_en: *q"), id="scalar-alias"),
        pytest.param(lambda text: text.replace("sources:", "sources: !!seq").replace("claims:", "claims: !!seq"), id="explicit-tags"),
    ],
)
def test_accepted_variants(transform):
    frame = parse_claims(transform(VALID).encode("utf-8"), "test.yaml", ARTICLES)
    assert frame.loc[0, "id"] == "claim-1"
    assert frame.loc[0, "period"] == "2024"


def test_frame_joins_the_source_fields():
    frame = parse_claims(VALID, "test.yaml", ARTICLES)
    expected = pd.DataFrame(
        {
            "id": ["claim-1"], "entity": ["OpenAI"], "counterparty": [None], "metric": ["net_loss"],
            "scope": ["company"], "includes": [None], "value": [5e9], "unit": ["USD"], "per": ["year"],
            "period": ["2024"], "basis": ["estimated"], "qualifier": ["approximately"], "tolerance": [float("nan")],
            "source": ["src-a"], "quote": ["a loss of $5 billion"], "quote_en": ["a loss of $5 billion"],
            "inferred": [None], "relates_to": [None], "same_as": [None], "note": [None], "line": [12], "source_file": ["a.txt"], "source_title": ["Article A"],
            "source_publisher": ["Publisher A"], "source_source_type": ["news_outlet"], "source_language": ["en"],
            "source_published": pd.to_datetime(["2024-06-01"]), "source_written": [None],
            "source_url": ["https://example.com/a"], "source_note": ["A test source."],
        }
    ).astype({"counterparty": "str", "includes": "str", "inferred": "str", "relates_to": "str", "same_as": "str",
              "note": "str", "source_written": "str"})
    pd.testing.assert_frame_equal(frame, expected)
    assert frame.attrs["acknowledged"] == ()


def test_load_claims_names_a_missing_file(tmp_path):
    with pytest.raises(ClaimsError, match=r"nope\.yaml:1: file: cannot read"):
        load_claims(tmp_path / "nope.yaml")


def test_yaml_tags_never_execute(tmp_path):
    marker = tmp_path / "owned"
    text = replaced("quote: a loss of $5 billion", f'quote: !!python/object/apply:os.system ["touch {marker}"]')
    problems_of(text)
    assert not marker.exists()


def test_billion_laughs_is_refused_without_expanding():
    problems = problems_of(BILLION_LAUGHS)
    assert problems == [problems[0]] and "billion laughs" in problems[0]


money_metrics = sorted(n for n, m in METRICS.items() if m.per == "required" and m.is_money)
claim_strategy = st.fixed_dictionaries(
    {
        "entity": st.sampled_from(["OpenAI", "Microsoft", "Nvidia"]),
        "metric": st.sampled_from(money_metrics),
        "value": st.one_of(st.integers(0, 10**15), st.floats(0, 1e15, allow_nan=False)),
        "unit": st.sampled_from(["USD", "KRW", "EUR"]),
        "per": st.sampled_from(["day", "month", "year"]),
        "period": st.sampled_from(["2023", "2024-H2", "2024-Q3", "2025-01", "2026-02-01"]),
        "basis": st.sampled_from(["reported", "estimated", "projected"]),
        "qualifier": st.sampled_from(["exact", "nearly", "more_than"]),
        "quote": st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip),
        "note": st.one_of(st.just(...), st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(str.strip)),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(claim_strategy, min_size=1, max_size=8))
def test_any_valid_dataset_loads(claims):
    rows = [{**c, "id": f"c{i}", "quote_en": c["quote"]} for i, c in enumerate(claims)]
    frame = make_claims(rows)
    assert list(frame["id"]) == [r["id"] for r in rows]


TWO_CLAIMS = VALID + SECOND_CLAIM.replace("id: claim-1", "id: claim-2")  # claim-2 starts at line 24
ACKNOWLEDGED = "acknowledged:\n  - kind: echo\n    claims: [claim-1, claim-2]\n    reason: A known slip.\n"  # from line 36


@pytest.mark.parametrize(
    "text, expected",
    [
        (TWO_CLAIMS + "    relates_to: [claim-9]\n", "test.yaml:36: claims[1].relates_to[0]: unknown claim 'claim-9'"),
        (TWO_CLAIMS + "    relates_to: [claim-2]\n", "test.yaml:36: claims[1].relates_to[0]: a claim cannot relate to itself"),
        (TWO_CLAIMS + "    relates_to: [claim-1, claim-1]\n", "test.yaml:36: claims[1].relates_to[1]: claim-1 is listed twice"),
        (TWO_CLAIMS + "    relates_to: []\n", "test.yaml:36: claims[1].relates_to: must not be an empty list (leave the field out)"),
        (TWO_CLAIMS + "    relates_to: [7]\n", "test.yaml:36: claims[1].relates_to[0]: expected a claim id, got int 7"),
        (TWO_CLAIMS + ACKNOWLEDGED.replace("kind: echo", "kind: ecko"),
         "test.yaml:37: acknowledged[0].kind: unknown kind 'ecko'; allowed: arithmetic, reconcile, unfinished_period, "
         "disagreement, conversion, stale_input, uncurated, unmatched_acknowledgement, echo"),
        (TWO_CLAIMS + ACKNOWLEDGED.replace("claim-2]", "claim-9]"), "test.yaml:38: acknowledged[0].claims[1]: unknown claim 'claim-9'"),
        (TWO_CLAIMS + ACKNOWLEDGED.replace("[claim-1, claim-2]", "[]"), "test.yaml:38: acknowledged[0].claims: must name at least one claim"),
        (TWO_CLAIMS + ACKNOWLEDGED.replace("    claims: [claim-1, claim-2]\n", ""), "test.yaml:37: acknowledged[0].claims: missing"),
        (TWO_CLAIMS + ACKNOWLEDGED.replace("A known slip.", '""'), "test.yaml:39: acknowledged[0].reason: must not be empty"),
        (TWO_CLAIMS + ACKNOWLEDGED.replace("    reason: A known slip.\n", ""), "test.yaml:37: acknowledged[0].reason: missing"),
        (TWO_CLAIMS + ACKNOWLEDGED + "    colour: red\n",
         "test.yaml:40: acknowledged[0].colour: unknown field; allowed: kind, claims, reason"),
        (TWO_CLAIMS + ACKNOWLEDGED + ACKNOWLEDGED[len("acknowledged:\n"):].replace("[claim-1, claim-2]", "[claim-2, claim-1]"),
         "test.yaml:40: acknowledged[1]: acknowledges the same finding as the entry at line 37"),
        (TWO_CLAIMS + "acknowledged: echo\n", "test.yaml:36: acknowledged: expected a list, got the value 'echo'"),
    ],
    ids=lambda value: None,
)
def test_relations_and_acknowledgements_are_checked_strictly(text, expected):
    assert problems_of(text) == [expected]


def test_relations_and_acknowledgements_reach_the_frame():
    frame = parse_claims(TWO_CLAIMS + "    relates_to: [claim-1]\n" + ACKNOWLEDGED, "test.yaml", ARTICLES)
    assert frame["relates_to"].fillna("").tolist() == ["", "claim-1"]
    assert frame.attrs["acknowledged"] == (Acknowledgement("echo", ("claim-1", "claim-2"), "A known slip."),)


def test_several_files_load_as_one_dataset():
    second = ("sources: []\nclaims:\n" + SECOND_CLAIM.replace("id: claim-1", "id: claim-2")
              + "    relates_to: [claim-1]\n" + ACKNOWLEDGED)
    frame = parse_documents([(VALID, "a.yaml"), (second, "b.yaml")], ARTICLES)
    assert frame["id"].tolist() == ["claim-1", "claim-2"]
    assert frame.attrs["acknowledged"][0].claims == ("claim-1", "claim-2")


def test_a_file_read_again_beside_another_keeps_only_that_reading_s_problems():
    """The data in force is read once and reused beside each draft: a problem one draft causes in it (a duplicate id)
    is not carried into the next reading, and a draft that is fine then passes."""
    clashing = "sources: []\nclaims:\n" + SECOND_CLAIM
    fine = "sources: []\nclaims:\n" + SECOND_CLAIM.replace("id: claim-1", "id: claim-2")
    expected = ["b.yaml:3: claims[0].id: duplicate id 'claim-1' (first at a.yaml:12)"]
    for _ in range(2):
        with pytest.raises(ClaimsError) as caught:
            parse_documents([(VALID, "a.yaml"), (clashing, "b.yaml")], ARTICLES)
        assert caught.value.problems == expected
    assert parse_documents([(VALID, "a.yaml"), (fine, "b.yaml")], ARTICLES)["id"].tolist() == ["claim-1", "claim-2"]


def test_ids_repeated_across_files_name_both_places(tmp_path):
    (tmp_path / "a.yaml").write_text(VALID)
    (tmp_path / "b.yaml").write_text(VALID)
    with pytest.raises(ClaimsError) as caught:
        load_claims(tmp_path / "a.yaml", tmp_path / "b.yaml")
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert caught.value.problems == [
        f"{b}:2: sources[0].id: duplicate id 'src-a' (first at {a}:2)",
        f"{b}:12: claims[0].id: duplicate id 'claim-1' (first at {a}:12)",
    ]


def test_acknowledged_findings_are_shared_by_derived_frames_not_copied():
    claims = load_claims(CLAIMS_PATH)
    acknowledged = claims.attrs["acknowledged"]
    assert isinstance(acknowledged, Acknowledged) and acknowledged[0].kind == "arithmetic"
    derived = claims[claims["entity"] == "OpenAI"].sort_values("id").assign(twice=lambda f: f["value"] * 2)
    assert derived.attrs["acknowledged"] is acknowledged, "pandas deep-copies attrs on each operation: they must not be copied"
    assert copy.deepcopy(acknowledged) is acknowledged


ENGLISH_ARTICLE = (VALID.replace("file: a.txt", "file: 002_ab2e4416028fa48c.txt")  # a stored article that holds the
                   .replace("quote: a loss of $5 billion", "quote: loss of approximately $5 billion in 2024"))  # quote: judged
MARKER_ADVICE = 'which its article does not; put a fact from outside the article after "Outside knowledge:"'


@pytest.mark.parametrize(
    "text, expected",
    [
        (ENGLISH_ARTICLE + '    note: "Counted by SimilarWeb, at $20 a month."\n',
         [f"test.yaml:24: claims[0].note: gives $20, SimilarWeb, {MARKER_ADVICE}"]),
        (ENGLISH_ARTICLE + '    note: "A loss of about $540 million for 2022."\n',
         [f"test.yaml:24: claims[0].note: gives $540 million, {MARKER_ADVICE}"]),
        (ENGLISH_ARTICLE + '    note: "Kept as printed. Outside knowledge: counted by SimilarWeb, at $20 a month."\n', []),
        (ENGLISH_ARTICLE + '    note: "Server rentals from Microsoft of nearly $4 billion; revenue $3.7 billion."\n', []),
        (ENGLISH_ARTICLE + '    note: "Against $9 billion (claim-1)."\n', [f"test.yaml:24: claims[0].note: gives $9 billion, {MARKER_ADVICE}"]),
        (ENGLISH_ARTICLE + '    note: "Against $5 billion (claim-1)."\n', []),  # the value of a claim it names
        (VALID + '    note: "Counted by SimilarWeb, at $20 a month."\n', []),  # the article is not stored: cannot tell
        # a stored article without the claim's quote is not its article (a file name swapped): the quote is refused,
        # and the note is not judged against it
        (VALID.replace("file: a.txt", "file: 002_ab2e4416028fa48c.txt") + '    note: "Counted by SimilarWeb, at $20 a month."\n',
         ["test.yaml:22: claims[0].quote: not found in the article 002_ab2e4416028fa48c.txt of source src-a (whitespace "
          "aside); copy it exactly as the article writes it"]),
    ],
    ids=lambda value: None,
)
def test_a_note_that_brings_in_outside_facts_needs_the_marker(text, expected):
    if expected:
        assert problems_of(text) == expected
    else:
        assert len(parse_claims(text, "test.yaml", ARTICLES)) == 1


THIRD_CLAIM = SECOND_CLAIM.replace("id: claim-1", "id: claim-3")  # from line 36 after TWO_CLAIMS


@pytest.mark.parametrize(
    "text, expected",
    [
        (TWO_CLAIMS + "    same_as: claim-9\n", "test.yaml:36: claims[1].same_as: unknown claim 'claim-9'"),
        (TWO_CLAIMS + "    same_as: claim-2\n", "test.yaml:36: claims[1].same_as: a claim cannot be the same figure as itself"),
        (TWO_CLAIMS + "    same_as: claim-1\n" + THIRD_CLAIM + "    same_as: claim-2\n",
         "test.yaml:49: claims[2].same_as: claim-2 is itself the same figure as claim-1; name claim-1, the figure's main record"),
        (VALID + SECOND_CLAIM.replace("id: claim-1", "id: claim-2").replace("value: 5_000_000_000", "value: 6_000_000_000")
         + "    same_as: claim-1\n",
         "test.yaml:36: claims[1].same_as: claim-1 is not the same figure: value 6000000000 here, 5000000000 there"),
        (VALID + SECOND_CLAIM.replace("id: claim-1", "id: claim-2").replace('period: "2024"', 'period: "2023"')
         .replace("per: year", "per: month") + "    same_as: claim-1\n",
         "test.yaml:36: claims[1].same_as: claim-1 is not the same figure: per month here, year there; period 2023 here, 2024 there"),
        (TWO_CLAIMS + "    same_as: [claim-1]\n", "test.yaml:36: claims[1].same_as: expected a single value, got a list"),
    ],
    ids=lambda value: None,
)
def test_same_as_names_the_main_record_of_the_same_figure(text, expected):
    assert problems_of(text) == [expected]


def test_same_as_reaches_the_frame():
    frame = parse_claims(TWO_CLAIMS + "    same_as: claim-1\n", "test.yaml", ARTICLES)
    assert frame["same_as"].fillna("").tolist() == ["", "claim-1"]


def test_same_as_across_files_and_sources():
    other_source = VALID[:VALID.index("claims:")].replace("id: src-a", "id: src-b").replace("sources:\n", "")
    text = VALID.replace("claims:\n", other_source + "claims:\n") + SECOND_CLAIM.replace("id: claim-1", "id: claim-2") \
        .replace("source: src-a", "source: src-b") + "    same_as: claim-1\n"
    assert problems_of(text) == ["test.yaml:45: claims[1].same_as: claim-1 is not the same figure: source src-b here, src-a there"]
    second = "sources: []\nclaims:\n" + SECOND_CLAIM.replace("id: claim-1", "id: claim-2") + "    same_as: claim-1\n"
    assert parse_documents([(VALID, "a.yaml"), (second, "b.yaml")], ARTICLES)["same_as"].fillna("").tolist() == ["", "claim-1"]


NOT_IN_A = "not found in the article a.txt of source src-a (whitespace aside); copy it exactly as the article writes it"
NOT_FOUND_A = ("cannot be checked: the article a.txt of source src-a is in no sources/ folder beside the claims file (in the "
               "upload's zip, or on disk) nor stored in data/sources/; include it as sources/a.txt beside claims.yaml")


@pytest.mark.parametrize(
    "text, articles, expected",
    [
        (VALID, ARTICLES, []),
        (replaced("quote: a loss of $5 billion", 'quote: "a  loss\\tof\\n $5 billion"'), ARTICLES, []),  # whitespace aside
        (replaced("quote: a loss of $5 billion", "quote: a loss of $6 billion"), ARTICLES,
         [f"test.yaml:22: claims[0].quote: {NOT_IN_A}"]),
        (replaced("quote: a loss of $5 billion", "quote: A loss of $5 billion"), ARTICLES,  # case counts
         [f"test.yaml:22: claims[0].quote: {NOT_IN_A}"]),
        (VALID, None, [f"test.yaml:22: claims[0].quote: {NOT_FOUND_A}"]),
        (VALID, {"b.txt": "a loss of $5 billion"}, [f"test.yaml:22: claims[0].quote: {NOT_FOUND_A}"]),
        (replaced("file: a.txt", "file: ../a.txt"), ARTICLES,
         ["test.yaml:3: sources[0].file: must be a plain file name (no folders)",
          "test.yaml:22: claims[0].quote: cannot be checked: its source src-a names no article file it can be read from; give "
          "the source's file and include the article"]),
        (replaced("    file: a.txt\n", ""), ARTICLES,
         ["test.yaml:2: sources[0].file: missing",
          "test.yaml:21: claims[0].quote: cannot be checked: its source src-a names no article file it can be read from; give "
          "the source's file and include the article"]),
        (replaced("source: src-a", "source: src-b"), None, ["test.yaml:21: claims[0].source: unknown source 'src-b'"]),
        # an HTML article is read as its text: tags and line breaks aside, scripts left out
        (VALID, {"a.txt": "<html><body><p>It made a loss of <b>$5</b>\n billion.</p></body></html>"}, []),
        (VALID, {"a.txt": "<html><body><p>Nothing here.</p><script>a loss of $5 billion</script></body></html>"},
         [f"test.yaml:22: claims[0].quote: {NOT_IN_A}"]),
        # the upload's article comes before the stored one of the same name
        (replaced("file: a.txt", "file: 002_ab2e4416028fa48c.txt"), {"002_ab2e4416028fa48c.txt": "a loss of $5 billion"}, []),
        (ENGLISH_ARTICLE, None, []),
        (ENGLISH_ARTICLE, {"002_ab2e4416028fa48c.txt": "a loss of $5 billion"},
         ["test.yaml:22: claims[0].quote: not found in the article 002_ab2e4416028fa48c.txt of source src-a (whitespace "
          "aside); copy it exactly as the article writes it"]),
    ],
    ids=lambda value: None,
)
def test_every_quote_stands_verbatim_in_its_article(text, articles, expected):
    if expected:
        with pytest.raises(ClaimsError) as caught:
            parse_claims(text, "test.yaml", articles)
        assert caught.value.problems == expected
    else:
        assert parse_claims(text, "test.yaml", articles)["id"].tolist() == ["claim-1"]


def test_each_claim_whose_quote_is_not_in_its_article_is_told_so():
    text = TWO_CLAIMS.replace("quote: a loss of $5 billion", "quote: a loss of $9 billion")
    with pytest.raises(ClaimsError) as caught:
        parse_claims(text, "test.yaml", ARTICLES)
    assert caught.value.problems == [f"test.yaml:22: claims[0].quote: {NOT_IN_A}", f"test.yaml:34: claims[1].quote: {NOT_IN_A}"]


def test_a_file_on_disk_reads_its_articles_from_the_sources_folder_beside_it(tmp_path):
    (tmp_path / "claims.yaml").write_text(VALID, encoding="utf-8")
    with pytest.raises(ClaimsError):
        load_claims(tmp_path / "claims.yaml")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    assert load_claims(tmp_path / "claims.yaml")["id"].tolist() == ["claim-1"]


DISMISSED = "dismissed:\n  - source: src-a\n    text: $5 billion\n    reason: Counted by claim-1.\n"  # lines 24-27


@pytest.mark.parametrize(
    "text, expected",
    [
        (VALID + DISMISSED.replace("$5 billion", "$7 billion"), [f"test.yaml:26: dismissed[0].text: {NOT_IN_A}"]),
        (VALID + DISMISSED.replace("source: src-a", "source: src-b"), ["test.yaml:25: dismissed[0].source: unknown source 'src-b'"]),
        (VALID + DISMISSED + "    colour: red\n", ["test.yaml:28: dismissed[0].colour: unknown field; allowed: source, text, reason"]),
        (VALID + DISMISSED.replace("Counted by claim-1.", '""'), ["test.yaml:27: dismissed[0].reason: must not be empty"]),
        (VALID + DISMISSED.replace("    reason: Counted by claim-1.\n", ""), ["test.yaml:25: dismissed[0].reason: missing"]),
        (VALID + DISMISSED.replace("    text: $5 billion\n", ""), ["test.yaml:25: dismissed[0].text: missing"]),
        (VALID + DISMISSED + DISMISSED[len("dismissed:\n"):].replace("Counted by claim-1.", "Another reason."),
         ["test.yaml:28: dismissed[1]: dismisses the same figure as the entry at line 25"]),
        (VALID + "dismissed: none\n", ["test.yaml:24: dismissed: expected a list, got the value 'none'"]),
    ],
    ids=lambda value: None,
)
def test_dismissed_figures_are_checked_strictly(text, expected):
    assert problems_of(text) == expected


def test_dismissed_figures_reach_the_attrs():
    frame = parse_claims(VALID + DISMISSED, "test.yaml", ARTICLES)
    assert frame.attrs["dismissed"] == (Dismissal("src-a", "$5 billion", "Counted by claim-1."),)
    assert isinstance(frame.attrs["dismissed"], Dismissed) and copy.deepcopy(frame.attrs["dismissed"]) is frame.attrs["dismissed"]
    assert parse_claims(VALID, "test.yaml", ARTICLES).attrs["dismissed"] == ()


RATES = ("exchange_rates:\n  - currency: EUR\n    per_usd: 0.92\n    date: 2024-06-28\n"  # lines 24-28
         "    citation: ECB euro reference rate, 28 June 2024\n")


@pytest.mark.parametrize(
    "text, expected",
    [
        (VALID + RATES.replace("currency: EUR", "currency: USD"),
         ["test.yaml:25: exchange_rates[0].currency: unknown currency 'USD'; allowed: KRW, EUR"]),
        (VALID + RATES.replace("per_usd: 0.92", "per_usd: 0"), ["test.yaml:26: exchange_rates[0].per_usd: must be more than 0"]),
        (VALID + RATES.replace("per_usd: 0.92", "per_usd: -1"), ["test.yaml:26: exchange_rates[0].per_usd: must be >= 0, got -1"]),
        (VALID + RATES.replace("per_usd: 0.92", "per_usd: null"), ["test.yaml:26: exchange_rates[0].per_usd: expected a number, got null"]),
        (VALID + RATES.replace("per_usd: 0.92", "per_usd: lots"),
         ["test.yaml:26: exchange_rates[0].per_usd: expected a number, got string 'lots'"]),
        (VALID + RATES.replace("    per_usd: 0.92\n", ""),
         ["test.yaml:25: exchange_rates[0].per_usd: missing (units of the currency that one US dollar buys)"]),
        (VALID + RATES.replace("date: 2024-06-28", "date: 2024-06-31"),
         ["test.yaml:27: exchange_rates[0].date: impossible date '2024-06-31' (day is out of range for month)"]),
        (VALID + RATES.replace("    date: 2024-06-28\n", ""), ["test.yaml:25: exchange_rates[0].date: missing"]),
        (VALID + RATES + "    source: src-a\n",
         ["test.yaml:28: exchange_rates[0].citation: give source or citation, not both (source: a source id of this file)"]),
        (VALID + RATES.replace("    citation: ECB euro reference rate, 28 June 2024\n", ""),
         ["test.yaml:25: exchange_rates[0].source: missing (where the rate comes from: source, a source id of this file, or "
          "citation)"]),
        (VALID + RATES.replace("citation: ECB euro reference rate, 28 June 2024", "source: src-b"),
         ["test.yaml:28: exchange_rates[0].source: unknown source 'src-b'"]),
        (VALID + RATES + "    colour: red\n",
         ["test.yaml:29: exchange_rates[0].colour: unknown field; allowed: currency, per_usd, date, source, citation"]),
        (VALID + RATES + RATES[len("exchange_rates:\n"):].replace("0.92", "0.93"),
         ["test.yaml:29: exchange_rates[1]: gives a rate for the same currency and date as the entry at line 25"]),
    ],
    ids=lambda value: None,
)
def test_exchange_rates_are_checked_strictly(text, expected):
    assert problems_of(text) == expected


def test_exchange_rates_reach_the_attrs():
    text = VALID + RATES + RATES[len("exchange_rates:\n"):].replace("citation: ECB euro reference rate, 28 June 2024",
                                                                    "source: src-a").replace("2024-06-28", "2024-12-31")
    frame = parse_claims(text, "test.yaml", ARTICLES)
    assert frame.attrs["exchange_rates"] == (
        ExchangeRate("EUR", 0.92, "2024-06-28", None, "ECB euro reference rate, 28 June 2024"),
        ExchangeRate("EUR", 0.92, "2024-12-31", "src-a", None),
    )


@pytest.mark.parametrize("document, addition, expected", [
    pytest.param("claims:\n  - id: a\n    value: 1\n", "claims:\n  - id: b\n    value: null\n    note: 'kept as quoted'\n",
                 "claims:\n  - id: a\n    value: 1\n  - id: b\n    value: null\n    note: 'kept as quoted'\n",
                 id="after the list's last item, quotes and null as the addition wrote them"),
    pytest.param("sources:\n  - id: s  # first\n\n  # more to come\n\nclaims:\n  - id: a\n", "sources:\n  - id: t\nclaims:\n  - id: b\n",
                 "sources:\n  - id: s  # first\n  - id: t\n\n  # more to come\n\nclaims:\n  - id: a\n  - id: b\n",
                 id="comments and blank lines after a list stay where they were"),
    pytest.param("claims:\n  - id: a\n", "claims:\n  - id: b\ndismissed:\n  - text: x\n",
                 "claims:\n  - id: a\n  - id: b\ndismissed:\n  - text: x\n", id="a list the document lacks goes at its end"),
    pytest.param("claims:\n  - id: a", "dismissed:\n  - text: x\n", "claims:\n  - id: a\ndismissed:\n  - text: x\n",
                 id="a document without a final newline"),
    pytest.param("sources: []  # none yet\nclaims:\n- id: a\n", "sources:\n  - id: s\nclaims:\n  - id: b\n    value: 2\n",
                 "sources:\n  - id: s\nclaims:\n- id: a\n- id: b\n  value: 2\n",
                 id="an inline empty list is written out as a block; items follow the document's indent"),
    pytest.param("claims:\n    - id: a\nacknowledged:\n", "acknowledged:\n  - kind: echo\n",
                 "claims:\n    - id: a\nacknowledged:\n  - kind: echo\n", id="a list left empty gets the items"),
    pytest.param("# The data.\nclaims:\n  - id: a\n", "claims: []\ndismissed: []\n", "# The data.\nclaims:\n  - id: a\n",
                 id="nothing to add leaves the text as it was"),
])
def test_appended_adds_at_the_end_of_each_list_and_keeps_the_documents_own_text(document, addition, expected):
    assert appended(document, addition) == expected


def test_the_real_file_with_a_draft_appended_loads_as_the_two_files_together():
    base = CLAIMS_PATH.read_text(encoding="utf-8")
    draft = VALID.replace("src-a", "src-new").replace("claim-1", "claim-new")
    merged = appended(base, draft)
    assert merged.startswith(base[:base.index("\nclaims:\n")]) and appended(base, "claims: []\n") == base
    pd.testing.assert_frame_equal(parse_claims(merged, "merged.yaml", ARTICLES).drop(columns="line"),
                                  parse_documents([(base, "merged.yaml"), (draft, "merged.yaml")], ARTICLES).drop(columns="line"))
