"""lib.article_draft: the candidate table from the finder's figures, the claims YAML it makes, and the loader's
problems led back to their rows."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from lib import article_draft
from lib.article_draft import Layout, Source
from lib.claims import ClaimsError, parse_documents

ARTICLE = "OpenAI lost about $5 billion in 2024. It spends $700,000 a day."
FIGURES = [  # as lib.curate.figures gives them (the fields the table reads)
    SimpleNamespace(value=5e9, unit="USD", qualifier="approximately", per=None, text="about $5 billion",
                    sentence="OpenAI lost about $5 billion in 2024.", start=12, end=28),
    SimpleNamespace(value=7e5, unit="USD", qualifier="exact", per="day", text="$700,000 a day",
                    sentence="It spends $700,000 a day.", start=48, end=62),
]
SOURCE = Source(file="0123456789abcdef.txt", title="OpenAI's year", publisher="Reuters", language="en",
                published="2025-01-10", note="A note.")
LOSS = {"accept": True, "entity": "OpenAI", "metric": "net_loss", "per": "year", "period": "2024", "basis": "estimated",
        "quote_en": "OpenAI lost about $5 billion in 2024."}


def table(**rows: dict) -> pd.DataFrame:
    """The candidates of FIGURES with some rows edited: row0={...}, row1={...}."""
    out = article_draft.candidates(FIGURES)
    for name, changes in rows.items():
        for column, value in changes.items():
            out.at[int(name[3:]), column] = value
    return article_draft.typed(out)


def test_candidates_fill_what_the_finder_knows_and_leave_the_judgement_empty():
    expected = pd.DataFrame({
        "figure": ["about $5 billion", "$700,000 a day"], "start": [12, 48], "end": [28, 62], "accept": [False, False],
        "entity": ["", ""], "metric": ["", ""], "scope": ["company", "company"], "value": [5e9, 7e5], "unit": ["USD", "USD"],
        "per": ["", "day"], "period": ["", ""], "basis": ["", ""], "qualifier": ["approximately", "exact"],
        "quote": ["OpenAI lost about $5 billion in 2024.", "It spends $700,000 a day."], "quote_en": ["", ""],
    })
    pd.testing.assert_frame_equal(article_draft.candidates(FIGURES), article_draft.typed(expected))


def test_no_figures_make_an_empty_table_of_the_same_columns():
    assert list(article_draft.candidates([]).columns) == list(article_draft.COLUMNS)
    assert article_draft.candidates([]).empty


@pytest.mark.parametrize("source, expected", [
    (SOURCE, "en-2025-reuters"),
    (Source(file="f.txt", publisher="디지털타임스 (Digital Times)", language="ko", published="2026-02-01"), "ko-2026-digital-times"),
    (Source(file="f.txt", title="A blog post", language="fr", written="2024-H2"), "fr-2024-a-blog-post"),
    (Source(file="abc.txt", language="en"), "en-undated-abc"),
    (Source(file="f.txt", publisher="Reuters", id=" my-own-id "), "my-own-id"),
])
def test_the_source_id_is_the_one_given_else_language_year_publisher(source, expected):
    assert source.source_id() == expected


def test_the_article_file_is_named_by_a_hash_of_its_text():
    assert article_draft.article_file("abc") == "ba7816bf8f01cfea.txt"  # SHA-256 of "abc", first 16 digits


def test_only_accepted_rows_become_claims_in_the_data_files_layout():
    text, layout = article_draft.to_yaml(SOURCE, table(row0=LOSS))
    assert text == """sources:
  - id: en-2025-reuters
    file: 0123456789abcdef.txt
    title: OpenAI's year
    publisher: Reuters
    source_type: news_outlet
    language: en
    published: '2025-01-10'
    url: null
    note: A note.
claims:
  - id: en-2025-reuters-1
    entity: OpenAI
    metric: net_loss
    value: 5000000000
    unit: USD
    per: year
    period: '2024'
    basis: estimated
    qualifier: approximately
    source: en-2025-reuters
    quote: OpenAI lost about $5 billion in 2024.
    quote_en: OpenAI lost about $5 billion in 2024.
"""
    assert layout == Layout(range(2, 11), [12], [0])


def test_an_undated_source_gives_its_period_and_no_rows_an_empty_list():
    source = Source(file="f.txt", title="T", publisher="P", language="en", written="2024", note="N")
    text, layout = article_draft.to_yaml(source, table())
    assert text == """sources:
  - id: en-2024-p
    file: f.txt
    title: T
    publisher: P
    source_type: news_outlet
    language: en
    published: null
    written: '2024'
    url: null
    note: N
claims: []
"""
    assert layout == Layout(range(2, 12), [], [])


def test_an_event_takes_no_amount_and_a_narrower_scope_is_written():
    rows = table(row0={**LOSS, "metric": "ipo_plan", "scope": "ChatGPT"}, row1={**LOSS, "metric": "operating_cost", "per": "day"})
    text, layout = article_draft.to_yaml(SOURCE, rows)
    claims = text.split("claims:\n")[1]
    assert claims.splitlines()[:6] == ["  - id: en-2025-reuters-1", "    entity: OpenAI", "    metric: ipo_plan",
                                       "    scope: ChatGPT", "    value: null", "    period: '2024'"]
    assert "    per: day" in claims.split("  - id: en-2025-reuters-2")[1]
    assert layout.claim_rows == [0, 1]


def test_the_draft_passes_the_loader_beside_other_data_once_complete():
    text, _ = article_draft.to_yaml(SOURCE, table(row0=LOSS))
    frame = parse_documents([(text, article_draft.DRAFT_PATH)], articles={SOURCE.file: ARTICLE})
    assert list(frame["id"]) == ["en-2025-reuters-1"]
    assert frame.loc[0, "value"] == 5e9


def test_the_loaders_problems_go_to_the_row_they_are_about():
    rows = table(row0={**LOSS, "basis": ""}, row1={"accept": True, "entity": "OpenAI"})
    text, layout = article_draft.to_yaml(SOURCE, rows)
    with pytest.raises(ClaimsError) as raised:
        parse_documents([(text, article_draft.DRAFT_PATH)], articles={SOURCE.file: ARTICLE})
    problems = article_draft.sorted_out(raised.value.problems, layout)
    assert problems.rows[0] == ["basis: missing"]
    assert problems.rows[1][:3] == ["metric: missing", "period: missing", "basis: missing"]
    assert problems.source == [] and problems.other == []


@pytest.mark.parametrize("problem, rows, source, other", [
    ("draft.yaml:3: sources[0].file: must be a plain file name (no folders)", {}, ["file: must be a plain file name (no folders)"], []),
    ("draft.yaml:12: claims[0].entity: missing", {4: ["entity: missing"]}, [], []),
    ("draft.yaml:20: claims[0].quote_en: must not be empty", {4: ["quote_en: must not be empty"]}, [], []),
    ("draft.yaml:26: claims[1].id: duplicate id 'x' (first at data/claims.yaml:51)",
     {7: ["id: duplicate id 'x' (first at data/claims.yaml:51)"]}, [], []),
    ("data/claims.yaml:51: claims[0].id: duplicate id", {}, [], ["data/claims.yaml:51: claims[0].id: duplicate id"]),
    ("draft.yaml:1: file: the file is empty", {}, [], ["draft.yaml:1: file: the file is empty"]),
])
def test_each_problem_is_placed_by_its_line(problem, rows, source, other):
    layout = Layout(range(2, 11), [12, 25], [4, 7])
    placed = article_draft.sorted_out([problem], layout)
    assert (placed.rows, placed.source, placed.other) == (rows, source, other)


@pytest.mark.parametrize("edits, accept, entity, value", [
    (None, [False, False], ["", ""], [5e9, 7e5]),
    ({"edited_rows": {}}, [False, False], ["", ""], [5e9, 7e5]),
    ({"edited_rows": {"1": {"accept": True, "entity": "Anthropic"}}}, [False, True], ["", "Anthropic"], [5e9, 7e5]),
    ({"edited_rows": {0: {"value": 6e9, "figure": "ignored: not the curator's"}}}, [False, False], ["", ""], [6e9, 7e5]),
    ({"edited_rows": {5: {"accept": True}}}, [False, False], ["", ""], [5e9, 7e5]),  # a row that is not there
])
def test_pending_edits_are_applied_to_the_curators_columns(edits, accept, entity, value):
    edited = article_draft.with_edits(table(), edits)
    assert (list(edited["accept"]), list(edited["entity"]), list(edited["value"])) == (accept, entity, value)
    assert list(edited["figure"]) == ["about $5 billion", "$700,000 a day"]


def test_finding_again_keeps_what_the_curator_set_for_the_same_figures():
    old = table(row1={"accept": True, "entity": "OpenAI", "quote_en": "It spends $700,000 a day.", "qualifier": "exact"})
    new = article_draft.candidates([FIGURES[1], SimpleNamespace(**{**vars(FIGURES[0]), "start": 13, "end": 28})])
    carried = article_draft.carry_over(old, new)
    assert list(carried["accept"]) == [True, False]
    assert list(carried["entity"]) == ["OpenAI", ""]
    assert list(carried["quote_en"]) == ["It spends $700,000 a day.", ""]
