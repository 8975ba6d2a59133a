"""lib.curate.drafts: a claims YAML skeleton the curator completes, which lib.validate checks field by field."""
from __future__ import annotations

import pytest
import yaml

from lib.claims import ClaimsError, parse_claims
from lib.curate import Figure
from lib.curate.drafts import draft_yaml

LOSS = Figure(8e9, "USD", "at_least", None, "80억달러", "지난해 오픈AI는 막대한 투자에 따라 80억달러 이상의 손실을 봤다.", 10, 16, 8e9)
COST = Figure(700_000.0, "USD", "exact", "day", "$700,000", "According to a report, ChatGPT costs $700,000 per day to operate.",
              37, 45, 700_000.0)
WON = Figure(1.45e14, "KRW", "approximately", None, "145조원", "엔비디아는 이에 필요한 비용 1000억달러(약 145조원)을 지원한다는 내용이었다.",
             27, 32, 1e11)
EXECUTIVES = Figure(300.0, "명", "more_than", None, "300명", "런던에서 300명이 넘는 기업 임원들을 만났다.", 5, 9, None)
SHARE = Figure(16.5, "percent", "approximately", None, "16.5%", "유저수가 16.5% 줄었다.", 5, 10, None)
FIGURES = [LOSS, COST, WON, EXECUTIVES, SHARE]

JUDGED = {"id": None, "entity": None, "metric": None}  # the fields left for the curator, in the order written
LATER = {"period": None, "basis": None}


@pytest.mark.parametrize("picks, claims", [
    ([1], [{**JUDGED, "value": 8_000_000_000, "unit": "USD", **LATER, "qualifier": "at_least", "source": "src-a",
            "quote": "지난해 오픈AI는 막대한 투자에 따라 80억달러 이상의 손실을 봤다.", "quote_en": None}]),
    ([2], [{**JUDGED, "value": 700_000, "unit": "USD", "per": "day", **LATER, "qualifier": "exact", "source": "src-a",
            "quote": "According to a report, ChatGPT costs $700,000 per day to operate.", "quote_en": None}]),
    ([5, 4], [{**JUDGED, "value": 16.5, "unit": "percent", **LATER, "qualifier": "approximately", "source": "src-a",
               "quote": "유저수가 16.5% 줄었다.", "quote_en": None},
              {**JUDGED, "value": 300, "unit": "명", **LATER, "qualifier": "more_than", "source": "src-a",
               "quote": "런던에서 300명이 넘는 기업 임원들을 만났다.", "quote_en": None}]),
])
def test_the_picked_figures_fill_their_claims(picks, claims):
    document = yaml.safe_load(draft_yaml(FIGURES, "src-a", picks))
    assert document == {"claims": claims}
    assert [list(claim) for claim in document["claims"]] == [list(claim) for claim in claims]  # the schema's order


def test_every_figure_when_none_is_picked():
    assert [c["value"] for c in yaml.safe_load(draft_yaml(FIGURES, "src-a"))["claims"]] == [8e9, 7e5, 1.45e14, 300, 16.5]


def test_no_figures_give_an_empty_list():
    assert yaml.safe_load(draft_yaml([], "src-a")) == {"claims": []}


@pytest.mark.parametrize("picks, count, message", [
    ([0], 5, "--pick 0: no such figure in the article (its figures are numbered 1 to 5)"),
    ([2, 6, 9], 5, "--pick 6, 9: no such figure in the article (its figures are numbered 1 to 5)"),
    ([1], 0, "--pick 1: no such figure in the article (it has no figures)"),
])
def test_a_pick_that_names_no_figure_is_refused(picks, count, message):
    with pytest.raises(ValueError) as raised:
        draft_yaml(FIGURES[:count], "src-a", picks)
    assert str(raised.value) == message


def test_hints_say_what_each_empty_field_takes():
    lines = draft_yaml(FIGURES, "src-a", [1, 3, 4]).splitlines()
    assert lines[0].startswith("# Drafted by `python -m lib.curate draft`")
    hints = [line.strip() for line in lines if "#" in line and not line.startswith("#")]
    money = ("valuation, net_loss, revenue, cash_burn, funding_round, investment, investment_to_date, investment_commitment, "
             "compute_cost, operating_cost, training_cost, staff_cost, data_cost, compute_contract, hardware_purchase, "
             "acquisition_cost, subscription_price, ipo_revenue_threshold, donation")
    period = 'period:             # in quotes: "2024", "2024-H2", "2024-Q3", "2024-10" or "2024-10-02"'
    assert hints == [
        "- id:                 # a slug, e.g. openai-net-loss-2024-en", "entity:             # who the figure is about, e.g. OpenAI",
        f"metric:             # {money}", "value: 8_000_000_000 # as written: 80억달러", period,
        "basis:              # reported, estimated, projected, commitment, forecast", "quote_en:           # the quote in English",
        "- id:                 # a slug, e.g. openai-net-loss-2024-en", "entity:             # who the figure is about, e.g. OpenAI",
        f"metric:             # {money}",
        "value: 145_000_000_000_000 # as written: 145조원; its dollar twin in the sentence: 100,000,000,000 USD", period,
        "basis:              # reported, estimated, projected, commitment, forecast", "quote_en:           # the quote in English",
        "- id:                 # a slug, e.g. openai-net-loss-2024-en", "entity:             # who the figure is about, e.g. OpenAI",
        "metric:             # the metric of this figure (see data/README.md)", "value: 300          # as written: 300명",
        "unit: 명             # as written; the vocabulary's units: USD, KRW, EUR, users, GPUs, GW, devices, people, percent, years",
        period, "basis:              # reported, estimated, projected, commitment, forecast",
        "quote_en:           # the quote in English",
    ]


def test_validation_names_each_field_left_for_the_curator():
    with pytest.raises(ClaimsError) as raised:
        parse_claims(draft_yaml(FIGURES, "src-a", [1, 2]), "draft.yaml")
    assert raised.value.problems == [
        "draft.yaml:4: sources: missing",
        "draft.yaml:5: claims[0].id: expected text, got null",
        "draft.yaml:6: claims[0].entity: expected text, got null",
        "draft.yaml:7: claims[0].metric: expected text, got null",
        "draft.yaml:10: claims[0].period: expected text, got null",
        "draft.yaml:11: claims[0].basis: expected text, got null",
        "draft.yaml:13: claims[0].source: unknown source 'src-a'",  # a claims-only draft is for a file that has it
        "draft.yaml:15: claims[0].quote_en: expected text, got null",
        "draft.yaml:16: claims[1].id: expected text, got null",
        "draft.yaml:17: claims[1].entity: expected text, got null",
        "draft.yaml:18: claims[1].metric: expected text, got null",
        "draft.yaml:22: claims[1].period: expected text, got null",
        "draft.yaml:23: claims[1].basis: expected text, got null",
        "draft.yaml:25: claims[1].source: unknown source 'src-a'",
        "draft.yaml:27: claims[1].quote_en: expected text, got null",
    ]


def test_a_source_entry_when_asked():
    draft = draft_yaml([LOSS], "ko-2026-dt", source={"file": "article.txt", "language": "ko"})
    assert yaml.safe_load(draft)["sources"] == [{
        "id": "ko-2026-dt", "file": "article.txt", "title": None, "publisher": None, "source_type": None, "language": "ko",
        "published": None, "url": None, "note": None,
    }]
    with pytest.raises(ClaimsError) as raised:
        parse_claims(draft, "draft.yaml")
    assert raised.value.problems[:5] == [
        "draft.yaml:5: sources[0].written: missing (an undated source needs the period it was written in, e.g. 2024 or 2024-H2)",
        "draft.yaml:7: sources[0].title: expected text, got null",
        "draft.yaml:8: sources[0].publisher: expected text, got null",
        "draft.yaml:9: sources[0].source_type: expected text, got null",
        "draft.yaml:13: sources[0].note: expected text, got null",
    ]


def test_a_completed_draft_validates():
    # the stored article the quote is from, so the loader can check the quote against it
    draft = draft_yaml([LOSS], "ko-2026-dt", source={"file": "003_b33c1ca5114b02ac.txt", "language": "ko"})
    filled = {"title:": "title: 오픈AI 위기", "publisher:": "publisher: 디지털타임스", "source_type:": "source_type: news_outlet",
              "published:": "published: 2026-02-01", "note:": "note: A test article.", "- id:": "- id: openai-net-loss-2025-ko",
              "entity:": "entity: OpenAI", "metric:": "metric: net_loss\n    per: year", "period:": 'period: "2025"',
              "basis:": "basis: reported", "quote_en:": "quote_en: Last year OpenAI lost more than $8 billion."}
    lines = []
    for line in draft.splitlines():
        key = line.split("#")[0].strip()
        lines.append(line.split(key)[0] + filled[key] if key in filled else line)
    claims = parse_claims("\n".join(lines), "draft.yaml")
    assert claims[["id", "value", "unit", "qualifier", "per", "source"]].values.tolist() == [
        ["openai-net-loss-2025-ko", 8e9, "USD", "at_least", "year", "ko-2026-dt"]]
