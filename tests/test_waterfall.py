"""lib.waterfall: the years offered and what the others lack, each line's candidates, the bars and their reconciliation.

Each rule runs on a small dataset built to trigger it, beside a near miss that must not."""
from __future__ import annotations

import pandas as pd
import pytest

from lib import transforms as tf, waterfall
from lib.i18n import speaking
from lib.vocabulary import WATERFALL_LINES
from tests.conftest import make_claims
from tests.small_claims import BASE, BUNDLE, SOURCES


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(BASE, SOURCES))


@pytest.mark.parametrize(
    "choices, servers_label, servers, training, other",
    [
        # headline training: same basis, the undated article counts from 31 Dec 2024, after the dated one
        ({}, "Servers & inference", -4e9, -6e9, -5e9 - (3e9 - 4e9 - 6e9)),
        ({"Training": "Low"}, "Servers & inference", -4e9, -2e9, -5e9 - (3e9 - 4e9 - 2e9)),
        ({"Servers & inference": "Low", "Training": "Low"}, "Servers & inference", -365e6, -2e9, -5e9 - (3e9 - 365e6 - 2e9)),
        ({"Training": "Publisher A (written 2024)"}, "Servers & inference", -4e9, -6e9, -5e9 - (3e9 - 4e9 - 6e9)),
    ],
)
def test_waterfall_lines_reconcile_to_the_loss(prepared, choices, servers_label, servers, training, other):
    got = waterfall.waterfall_lines(prepared, "OpenAI", "2024", choices)
    expected = pd.DataFrame({
        "label": ["Revenue", servers_label, "Training", "Other / unexplained", "Net loss (estimated)"],
        "kind": ["revenue", "cost", "cost", "other", "total"],
        "amount_usd": [3e9, servers, training, other, -5e9],
    })
    pd.testing.assert_frame_equal(got[["label", "kind", "amount_usd"]], expected)
    assert got["amount_usd"].iloc[:-1].sum() == pytest.approx(-5e9)


def test_a_bundled_figure_replaces_the_lines_it_covers():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "bundle", "metric": "training_cost", "includes": ["training_cost", "compute_cost"], "value": 7e9,
         "period": "2024", "source": "old", "qualifier": "at_least"},
    ], SOURCES))
    got = waterfall.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"})
    assert got["label"].tolist() == ["Revenue", "Training + Servers & inference", "Other / unexplained", "Net loss (estimated)"]
    assert got["amount_usd"].tolist() == [3e9, -7e9, -5e9 - (3e9 - 7e9), -5e9]
    assert got["covers"].fillna("").tolist() == ["", "Servers & inference", "", ""]


@pytest.mark.parametrize("lang, labels, covers", [
    ("ko", ["매출", "학습 + 서버·추론", "기타·설명되지 않은 부분", "순손실(추정)"], "서버·추론"),
    ("fr", ["Chiffre d’affaires", "Entraînement + Serveurs et inférence", "Autres / non expliqué", "Perte nette (estimé)"],
     "Serveurs et inférence"),
])
def test_the_bars_are_labelled_in_the_language_spoken(lang, labels, covers):
    prepared = tf.prepare(make_claims(BASE + [BUNDLE], SOURCES))
    with speaking(lang):
        got = waterfall.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"})
    assert got["label"].tolist() == labels and got["covers"].fillna("").tolist() == ["", covers, "", ""]


def test_every_waterfall_line_has_a_label_for_the_catalogs():
    assert set(waterfall.LINE_LABELS) == set(WATERFALL_LINES)


@pytest.mark.parametrize(
    "choices, ok, gap",
    [
        # low training: costs at least 3.6 + 0 = 3.6B against revenue + loss of 8B: fits
        ({"Training": "Low"}, True, 3.6e9 - 8e9),
        # training "at least 6B" + servers "nearly 4B" (3.6B at the least) = 9.6B > 8B even at the limits
        ({"Training": "High"}, False, 9.6e9 - 8e9),
        ({}, False, 9.6e9 - 8e9),
    ],
)
def test_reconcile(prepared, choices, ok, gap):
    check = waterfall.reconcile(waterfall.waterfall_lines(prepared, "OpenAI", "2024", choices))
    assert check["ok"] is ok
    assert check["gap_usd"] == pytest.approx(gap)
    if not ok:
        assert check["message"] == (
            "The costs listed come to at least $9.6B (compute-2024, train-hi), more than revenue plus loss can reach "
            "($8.0B: revenue-2024, loss-2024), by $1.6B even at the limits of their qualifiers: these figures cannot "
            "all hold for the same year and scope.")


def test_reconcile_reads_the_qualifiers_before_warning():
    # near miss: exact figures would overshoot by 0.3B, but "approximately 5B" of loss can reach 5.5B
    prepared = tf.prepare(make_claims([
        {"id": "rev", "metric": "revenue", "value": 3e9, "qualifier": "exact"},
        {"id": "staff", "metric": "staff_cost", "value": 8.3e9, "qualifier": "exact"},
        {"id": "loss", "value": 5e9, "qualifier": "approximately"},
    ]))
    check = waterfall.reconcile(waterfall.waterfall_lines(prepared, "OpenAI", "2024"))
    assert check["ok"] and check["gap_usd"] == pytest.approx(8.3e9 - 8.5e9)


LOSS_2023, REVENUE_2023 = ({"id": "loss-2023", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue-2023", "metric": "revenue", "value": 0.5e9, "period": "2023", "source": "old"})
STAFF_2023 = {"id": "staff-2023", "metric": "staff_cost", "value": 0.2e9, "period": "2023", "source": "old"}
# the same $1M a day, given first for 2023's ChatGPT and again by another article as 2024's company servers
CHATGPT_DAY_2023 = {"id": "chatgpt-day-2023", "metric": "operating_cost", "scope": "ChatGPT", "value": 1e6, "per": "day",
                    "period": "2023", "source": "old"}


@pytest.mark.parametrize("claims, as_of, years, gaps", [
    (BASE, None, ["2024"], {"2023": "no revenue figure and no cost line"}),
    (BASE, "2023-12-31", [], {"2023": "no revenue figure and no cost line"}),
    ([LOSS_2023, REVENUE_2023], None, [], {"2023": "no cost line"}),
    ([LOSS_2023, STAFF_2023], None, [], {"2023": "no revenue figure"}),
    ([REVENUE_2023, STAFF_2023], None, [], {"2023": "no net loss figure"}),
    ([STAFF_2023], None, [], {"2023": "no net loss figure and no revenue figure"}),
    # two years that explain something: the one with more cost lines first, although it is older; else the latest
    ([c for c in BASE if c["id"] != "loss-2023"] + [LOSS_2023, REVENUE_2023, STAFF_2023], None, ["2024", "2023"], {}),
    ([LOSS_2023, REVENUE_2023, STAFF_2023, {"id": "loss-2024", "value": 2e9, "period": "2024", "source": "new"},
      {"id": "revenue-2024", "metric": "revenue", "value": 1.2e9, "period": "2024", "source": "new"},
      {"id": "staff-2024", "metric": "staff_cost", "value": 0.4e9, "period": "2024", "source": "new"}], None, ["2024", "2023"], {}),
    # a year whose only cost line repeats an earlier figure has no cost line
    ([c for c in BASE if c["id"] in ("loss-2024", "revenue-2024", "servers-2024")] + [CHATGPT_DAY_2023], None, [],
     {"2024": "no cost line"}),
])
def test_waterfall_years_offer_only_a_year_that_explains_something(claims, as_of, years, gaps):
    prepared = tf.prepare(make_claims(claims, SOURCES))
    assert waterfall.waterfall_years(prepared, "OpenAI", as_of) == years
    assert waterfall.waterfall_gaps(prepared, "OpenAI", as_of) == gaps


@pytest.mark.parametrize("gaps, text", [
    ({}, ""),
    ({"2023": "no revenue figure"}, "2023: no revenue figure"),
    ({"2023": "no revenue figure", "2025": "no cost line"}, "2023: no revenue figure; 2025: no cost line"),
])
def test_waterfall_gaps_text(gaps, text):
    assert waterfall.waterfall_gaps_text(gaps) == text


def test_a_recycled_figure_is_listed_but_never_fills_a_line():
    prepared = tf.prepare(make_claims(BASE + [CHATGPT_DAY_2023], SOURCES))
    candidates = waterfall.waterfall_candidates(prepared, "OpenAI", "2024")
    servers = candidates[candidates["line"] == "Servers & inference"][["id", "value_usd", "left_out"]].reset_index(drop=True)
    expected = pd.DataFrame({"id": ["compute-2024", "servers-2024-annualised"], "value_usd": [4e9, 365e6],
                             "left_out": ["", "recycled from chatgpt-day-2023, left out"]})
    pd.testing.assert_frame_equal(servers, expected)
    assert set(candidates.loc[candidates["line"] != "Servers & inference", "left_out"]) == {""}
    # Low picked the $365M a year before; now the only servers figure left is the compute cost
    for choice in waterfall.CHOICES:
        lines = waterfall.waterfall_lines(prepared, "OpenAI", "2024", {"Servers & inference": choice})
        assert lines.loc[lines["label"] == "Servers & inference", ["amount_usd", "claim_ids"]].values.tolist() == [
            [-4e9, "compute-2024"]], choice


def test_the_candidates_table_puts_why_first_and_names_a_bundle():
    prepared = tf.prepare(make_claims(BASE + [CHATGPT_DAY_2023, BUNDLE], SOURCES))
    table = waterfall.candidates_table(waterfall.waterfall_candidates(prepared, "OpenAI", "2024"))
    assert list(table.columns[:4]) == ["line", "id", "left_out", "metric"]
    training = table[table["line"] == "Training"][["id", "includes"]].values.tolist()
    assert training == [["train-hi", ""], ["train-lo", ""], ["bundle", "bundle of training cost + compute cost"]]


def test_waterfall_without_a_loss_is_refused(prepared):
    with pytest.raises(ValueError, match="no net loss for OpenAI in 2022"):
        waterfall.waterfall_lines(prepared, "OpenAI", "2022")


def test_reconcile_at_exactly_revenue_plus_loss_is_fine():
    prepared = tf.prepare(make_claims([
        {"id": "rev", "metric": "revenue", "value": 3e9, "qualifier": "exact"},
        {"id": "staff", "metric": "staff_cost", "value": 8e9, "qualifier": "exact"},
        {"id": "loss", "value": 5e9, "qualifier": "exact"},
    ]))
    check = waterfall.reconcile(waterfall.waterfall_lines(prepared, "OpenAI", "2024"))
    assert check == {"gap_usd": 0.0, "ok": True, "message": "", "cost_claims": "staff", "total_claims": "rev, loss"}
