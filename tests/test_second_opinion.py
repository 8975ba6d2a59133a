"""lib.second_opinion: Epoch AI's rows beside the articles, on small hand-built frames with hand-worked values."""
from __future__ import annotations

import pandas as pd
import pytest

from lib import second_opinion as so, transforms as tf
from lib.i18n import speaking
from tests.conftest import make_claims, make_peers as epoch

B = 1e9


def revenue(id_, date, value, kind="revenue_yearly", confidence="Likely", **more):
    return {"id": id_, "kind": kind, "date": date, "value_usd": value, "confidence": confidence, "source_type": "Media report", **more}


def funding(id_, kind, date, value, confidence="Confident"):
    return {"id": id_, "kind": kind, "date": date, "value_usd": value, "confidence": confidence, "status": "closed"}


def compute(id_, kind, date, value, period_type="Year", company="OpenAI", exclude="False"):
    includes = {"compute_rnd": "R&D cloud compute", "compute_inference": "Inference cloud compute",
                "compute_rnd_inference": "R&D cloud compute; Inference cloud compute"}[kind]
    return {"id": id_, "company": company, "kind": kind, "date": date, "value_usd": value, "type": period_type, "includes": includes,
            "confidence": "Likely", "source_type": "Media report", "exclude_from_graph": exclude}


CLAIMS = [  # the articles' figures for OpenAI
    {"id": "rev-2024", "metric": "revenue", "value": 5 * B, "period": "2024", "qualifier": "approximately"},  # 4.5B to 5.5B
    {"id": "rev-2024-h2", "metric": "revenue", "value": 3 * B, "period": "2024-H2", "qualifier": "exact"},
    {"id": "val-2024", "metric": "valuation", "value": 80 * B, "period": "2024", "per": ..., "qualifier": "exact"},
    {"id": "round-2024-10", "metric": "funding_round", "value": 6 * B, "period": "2024-10", "per": ..., "qualifier": "exact"},
]
EPOCH = [
    revenue("2024 5.4B", "2024-12-31", 5.4 * B),  # Likely: 4.86B to 5.94B, overlaps 4.5B to 5.5B
    revenue("Dec 2024 5B", "2024-12-31", 5 * B, kind="revenue_run_rate", confidence="Confident", type="Annualized revenue"),
    funding("Oct 2024 157B", "valuation", "2024-10-02", 157 * B),  # a date within 2024: 157B against 80B
    funding("Feb 2024 80B", "valuation", "2024-02-16", 80 * B, "Likely"),  # 72B to 88B
    funding("Feb 2023 29B", "valuation", "2023-02-16", 80 * B),  # another year
    funding("Oct 2024 round", "equity_funding", "2024-10-02", 6.7 * B, "Likely"),  # 6.03B to 7.37B: misses 6B by 30M
    funding("Oct 2024 round", "debt_funding", "2024-10-02", 6 * B),  # debt is not a funding round
    funding("Oct 2024 tender", "equity_funding", "2024-10-20", 0),  # a secondary sale raises no money
]


@pytest.fixture
def compared(tmp_path):
    prepared = tf.prepare(make_claims(CLAIMS))
    return so.comparisons(prepared, epoch(tmp_path, EPOCH), "OpenAI")


def test_comparisons_pair_like_with_like_and_read_confidence_as_an_interval(compared):
    expected = pd.DataFrame([
        # metric, period, claim, ours, epoch row, its period, epoch, confidence, verdict
        ["Revenue", "2024", "rev-2024", "≈ $5.0B", "2024 5.4B", "2024", "$5.4B", "Likely", "agrees"],
        ["Funding round", "2024-10", "round-2024-10", "$6.0B", "Oct 2024 round", "2024-10-02", "$6.7B", "Likely", "disagrees"],
        ["Valuation", "2024", "val-2024", "$80.0B", "Feb 2024 80B", "2024-02-16", "$80.0B", "Likely", "agrees"],
        # the 2024 figure matches February's level: October's is a level at another date
        ["Valuation", "2024", "val-2024", "$80.0B", "Oct 2024 157B", "2024-10-02", "$157.0B", "Confident", "another date"],
    ], columns=["metric", "period", "claim_id", "ours", "epoch_id", "epoch_period", "epoch", "confidence", "verdict"])
    got = compared[expected.columns].sort_values(["metric", "epoch_id"], kind="mergesort").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected.sort_values(["metric", "epoch_id"], kind="mergesort").reset_index(drop=True))


@pytest.mark.parametrize("epoch_id, ours, theirs", [
    ("2024 5.4B", (4.5 * B, 5.5 * B), (4.86 * B, 5.94 * B)),  # agreeing: ±10% beside ±10%
    ("Oct 2024 round", (6 * B, 6 * B), (6.03 * B, 7.37 * B)),  # the near miss: 30M apart
    ("Oct 2024 157B", (80 * B, 80 * B), (157 * B, 157 * B)),  # Confident: the figure as stated
])
def test_the_intervals_compared(compared, epoch_id, ours, theirs):
    row = compared[compared["epoch_id"] == epoch_id].iloc[0]
    assert (row["ours_low"], row["ours_high"]) == pytest.approx(ours)
    assert (row["epoch_low"], row["epoch_high"]) == pytest.approx(theirs)


def test_a_run_rate_is_never_compared_with_a_years_revenue(compared):
    # Epoch's December 2024 run-rate is exactly 5B, inside the articles' "about $5B" for 2024: still no pair
    assert "Dec 2024 5B" not in set(compared["epoch_id"])
    assert set(compared.loc[compared["metric"] == "Revenue", "claim_id"]) == {"rev-2024"}  # not the 2024-H2 rate


def test_a_near_miss_becomes_an_agreement_once_the_intervals_touch(tmp_path):
    prepared = tf.prepare(make_claims(CLAIMS))
    touching = funding("Oct 2024 round", "equity_funding", "2024-10-02", 6 * B / 0.9, "Likely")  # low end exactly 6B
    found = so.comparisons(prepared, epoch(tmp_path, [touching]), "OpenAI")
    assert list(found["verdict"]) == ["agrees"]


def test_summary_names_each_disagreement_and_each_level_at_another_date(compared):
    assert so.summary(compared) == (
        "Epoch AI agrees on 2 of 3 pairs of the same metric and period; it disagrees on "
        "Funding round 2024-10 ($6.0B, round-2024-10, against Epoch's $6.7B of 2024-10-02, Oct 2024 round). "
        "Valuation 2024 ($80.0B, val-2024) matches Epoch's $80.0B of 2024-02-16 (Feb 2024 80B), so Epoch's $157.0B of "
        "2024-10-02 (Oct 2024 157B) is a level at another date, not a disagreement.")
    assert so.summary(compared.iloc[0:0]) == "Epoch AI's data has no figure of the same metric and period as the articles' figures."


LEVELS_2024 = [funding("Feb 2024 80B", "valuation", "2024-02-16", 80 * B, "Likely"),
               funding("Oct 2024 157B", "valuation", "2024-10-02", 157 * B)]


@pytest.mark.parametrize("claims, rows, verdicts", [
    # a valuation "in 2024" that matches February's level: October's is at another date
    ([{"id": "v", "metric": "valuation", "value": 80 * B, "period": "2024", "per": ..., "qualifier": "exact"}], LEVELS_2024,
     [("v", "Feb 2024 80B", "agrees"), ("v", "Oct 2024 157B", "another date")]),
    # near miss: a 2024 figure that matches no level of 2024 disagrees with each
    ([{"id": "v", "metric": "valuation", "value": 100 * B, "period": "2024", "per": ..., "qualifier": "exact"}], LEVELS_2024,
     [("v", "Feb 2024 80B", "disagrees"), ("v", "Oct 2024 157B", "disagrees")]),
    # a figure of October is compared with October's level only
    ([{"id": "v", "metric": "valuation", "value": 157 * B, "period": "2024-10", "per": ..., "qualifier": "exact"}], LEVELS_2024,
     [("v", "Oct 2024 157B", "agrees")]),
    # near miss: a flow is one amount for its year, never at another date
    ([{"id": "r", "metric": "revenue", "value": 5 * B, "period": "2024", "qualifier": "exact"}],
     [revenue("2024 5.4B", "2024-12-31", 5.4 * B), revenue("2024 9B", "2024-12-31", 9 * B)],
     [("r", "2024 5.4B", "agrees"), ("r", "2024 9B", "disagrees")]),
])
def test_point_in_time_figures_are_compared_at_their_dates(tmp_path, claims, rows, verdicts):
    found = so.comparisons(tf.prepare(make_claims(claims)), epoch(tmp_path, rows), "OpenAI")
    assert sorted(zip(found["claim_id"], found["epoch_id"], found["verdict"])) == sorted(verdicts)


def test_rows_for_places_yearly_amounts_at_their_year_and_leaves_out_what_epoch_does_not_draw(tmp_path):
    peers = epoch(tmp_path, [
        revenue("2024 5.4B", "2024-12-31", 5.4 * B),
        revenue("Dec 2024 5B", "2024-12-31", 5 * B, kind="revenue_run_rate", confidence="", type="Annualized revenue"),
        revenue("ChatGPT 2024", "2024-12-31", 3 * B, kind="revenue_other", type="Product/division revenue"),
        compute("R&D 2024", "compute_rnd", "2024-12-31", 4 * B),
        compute("Inference July", "compute_inference", "2025-07-31", 2 * B, period_type="Annualized", exclude="True"),
        funding("Oct 2024 157B", "valuation", "2024-10-02", 157 * B, "Uncertain"),
    ])
    drawn = so.rows_for(peers, "OpenAI")
    assert list(zip(drawn["id"], drawn["period"], drawn["period_mid"].dt.strftime("%Y-%m-%d"))) == [  # in KINDS order
        ("Dec 2024 5B", "2024-12-31", "2024-12-31"), ("2024 5.4B", "2024", "2024-07-01"),
        ("Oct 2024 157B", "2024-10-02", "2024-10-02"), ("R&D 2024", "2024", "2024-07-01"),
    ]
    # no confidence and Uncertain: ±25%; Likely: ±10%
    assert list(drawn["low"]) == pytest.approx([3.75 * B, 4.86 * B, 117.75 * B, 3.6 * B])
    assert list(drawn["high"]) == pytest.approx([6.25 * B, 5.94 * B, 196.25 * B, 4.4 * B])
    assert set(so.rows_for(peers, "OpenAI", everything=True)["id"]) == set(drawn["id"]) | {"ChatGPT 2024", "Inference July"}


def test_compute_beside_revenue_uses_the_years_revenue_else_its_last_run_rate(tmp_path):
    peers = epoch(tmp_path, [
        compute("R&D 2024", "compute_rnd", "2024-12-31", 4 * B),
        compute("Inference 2024", "compute_inference", "2024-12-31", 1.8 * B),
        compute("Inference July", "compute_inference", "2025-07-31", 2 * B, period_type="Annualized"),
        compute("R&D 2025", "compute_rnd", "2025-12-31", 9 * B),
        revenue("2024 3.7B", "2024-12-31", 3.7 * B),
        revenue("Dec 2024 5.5B", "2024-12-31", 5.5 * B, kind="revenue_run_rate", type="Annualized revenue"),
        revenue("June 2025 10B", "2025-06-09", 10 * B, kind="revenue_run_rate", type="Annualized revenue"),
        revenue("Dec 2025 19B", "2025-12-18", 19 * B, kind="revenue_run_rate", type="Annualized revenue"),
        compute("Beta 2024", "compute_rnd", "2024-12-31", 1 * B, company="Beta"),  # no revenue: left out
        revenue("Gamma 2024", "2024-12-31", 1 * B, company="Gamma"),  # no compute: left out
    ])
    table = so.compute_beside_revenue(peers)
    assert [tuple(row) for row in table[["company", "year", "series", "value_usd", "epoch_id", "note"]].itertuples(index=False)] == [
        ("OpenAI", "2024", "R&D compute spend", 4 * B, "R&D 2024", ""),
        ("OpenAI", "2024", "Inference compute spend", 1.8 * B, "Inference 2024", ""),
        ("OpenAI", "2024", "Yearly revenue", 3.7 * B, "2024 3.7B", ""),
        ("OpenAI", "2025", "R&D compute spend", 9 * B, "R&D 2025", ""),
        ("OpenAI", "2025", "Revenue run-rate (last of the year)", 19 * B, "Dec 2025 19B",
         "run-rate on 2025-12-18 (a month's revenue x 12), not the year's revenue"),
    ]
    assert set(so.used_rows(peers, table)["id"]) == {"R&D 2024", "Inference 2024", "2024 3.7B", "R&D 2025", "Dec 2025 19B"}


def test_peer_only_companies_are_told_what_the_data_cannot_show():
    note = so.peer_only_note("Anthropic")
    assert note.startswith("Anthropic is peer data only: ")
    assert "no loss figures" in note and "no runway" in note and "no waterfall" in note and "CC BY 4.0" in note


def test_funding_rounds_are_every_round_that_raised_money_oldest_first(tmp_path):
    peers = epoch(tmp_path, [
        {"id": "B", "kind": "equity_funding", "date": "2025-03-01", "value_usd": "10", "status": "closed", "exclude_from_graph": "True"},
        {"id": "A", "kind": "debt_funding", "date": "2024-10-02", "value_usd": "4", "status": "closed"},
        {"id": "A", "kind": "equity_funding", "date": "2024-10-02", "value_usd": "6", "status": "closed"},
        {"id": "A", "kind": "valuation", "date": "2024-10-02", "value_usd": "157", "status": "closed"},  # not money raised
        {"id": "Tender", "kind": "equity_funding", "date": "2024-12-01", "value_usd": "0", "status": "closed"},  # a secondary sale
        {"id": "C", "kind": "equity_funding", "date": "2025-09-22", "value_usd": "100", "status": "in discussion"},
        {"id": "D", "company": "Anthropic", "kind": "equity_funding", "date": "2025-01-01", "value_usd": "3", "status": "closed"},
    ])
    rounds = so.funding_rounds(peers, "OpenAI")
    assert rounds[["id", "kind", "value_usd", "status"]].values.tolist() == [
        ["A", "debt_funding", 4.0, "closed"], ["A", "equity_funding", 6.0, "closed"], ["B", "equity_funding", 10.0, "closed"],
        ["C", "equity_funding", 100.0, "in discussion"]]
    assert rounds["low"].tolist() == [4.0, 6.0, 10.0, 100.0]  # Confident: the figure as stated


PICKER_CLAIMS = [  # one article about Acme (five claims), another about Beta (two)
    *({"id": f"acme-{k}", "entity": "Acme", "source": "src-a" if k < 3 else "src-b", "period": str(2020 + k)} for k in range(5)),
    {"id": "beta-ipo", "entity": "Beta", "metric": "ipo_revenue_threshold", "value": 1 * B, "source": "src-b"},
    {"id": "beta-devices", "entity": "Beta", "metric": "installed_devices", "value": 2e9, "unit": "devices", "per": ...,
     "source": "src-b"},
    {"id": "beta-devices-2025", "entity": "Beta", "metric": "installed_devices", "value": 3e9, "unit": "devices", "per": ...,
     "period": "2025", "source": "src-b"},
]


def test_the_company_picker_says_what_each_company_has(tmp_path):
    claims = make_claims(PICKER_CLAIMS + [
        {"id": "eps-loss", "entity": "Epsilon", "source": "src-a"},
        *({"id": f"zeta-{k}", "entity": "Zeta", "source": "src-a", "period": str(2020 + k)} for k in range(2)),
    ], [{"id": "src-a"}, {"id": "src-b", "file": "b.txt"}])
    peers = epoch(tmp_path, [
        {**revenue("acme-rev", "2024-12-31", 1 * B), "company": "Acme"},
        {**revenue("gamma-other", "2024-06-30", 1 * B, kind="revenue_other"), "company": "Gamma"},
        {**funding("gamma-round", "equity_funding", "2024-03-01", 2 * B), "company": "Gamma"},
        compute("gamma-compute", "compute_rnd", "2024-12-31", 3 * B, company="Gamma"),
        {**funding("delta-value", "valuation", "2024-03-01", 5 * B), "company": "Delta"},
    ])
    # asked in one go, a company with no data before the others, as the sidebar asks
    covered = so.company_coverage(claims, peers, ["Nobody", "Gamma", "Acme", "Beta", "Delta", "Epsilon", "Zeta"])
    assert covered == {
        "Nobody": ("Nobody", "No article is about Nobody. Not in Epoch AI's data."),
        "Gamma": ("Gamma · peer data only", "No article is about Gamma. Epoch AI's data: revenue, funding and compute spend."),
        "Acme": ("Acme · 5 claims", "5 claims from 2 articles. Epoch AI's data: revenue."),
        "Beta": ("Beta · 3 claims", "3 claims from 1 article: IPO revenue threshold and installed devices. Not in Epoch AI's data."),
        "Delta": ("Delta · peer data only", "No article is about Delta. Epoch AI's data: funding."),
        "Epsilon": ("Epsilon · 1 claim", "1 claim from 1 article: net loss. Not in Epoch AI's data."),
        "Zeta": ("Zeta · 2 claims", "2 claims from 1 article: net loss. Not in Epoch AI's data."),
    }


@pytest.mark.parametrize("lang, expected", [
    ("en", ["agrees", "disagrees", "another date"]), ("ko", ["일치", "불일치", "다른 시점"]),
    ("fr", ["concorde", "diverge", "autre date"]),
])
def test_verdicts_in_the_readers_words(lang, expected):
    compared = pd.DataFrame({"claim_id": ["a", "b", "c"], "verdict": ["agrees", "disagrees", so.ANOTHER_DATE]})
    with speaking(lang):
        assert list(so.in_words(compared)["verdict"]) == expected
    assert list(compared["verdict"]) == ["agrees", "disagrees", "another date"], "the keys the code compares stay"
