"""lib.dashboard: the export chart set and the overview's charts."""
from __future__ import annotations

import datetime as dt

import pytest

from lib import dashboard, transforms as tf
from lib.peers import load_peers
from tests.conftest import ROOT, make_claims
from tests.small_claims import BASE, SOURCES


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(BASE, SOURCES))


def test_build_charts_on_the_real_data(real_claims):
    built = dashboard.build_charts(real_claims, "OpenAI")
    # no then-and-now: the first article (2023) gives a loss and a tranche but no revenue, so it cannot be projected
    assert [c.name for c in built] == ["openai-timeline", "openai-waterfall-2024", "openai-runway", "openai-runway-sensitivity",
                                       "openai-runway-uncertainty", "openai-by-year", "openai-burn-rate", "openai-disagreements"]
    for chart in built:
        assert chart.source_line.startswith("Sources: ") and chart.alt_text.startswith(f"Chart: {chart.title}.")
        assert not chart.data.empty and not chart.claims.empty


def test_alt_text_gives_the_key_numbers(real_claims):
    timeline, waterfall, runway, *_ = dashboard.build_charts(real_claims, "OpenAI", as_of="2026-02-01")
    assert "Net loss > $8.0B (2025, reported)" in timeline.alt_text
    assert ("Revenue $3.7B; Servers & inference ≲ $4.0B; Training ≤ $3.0B; Staff ≲ $1.5B; Other / unexplained -$200.0M; "
            "Net loss (projected) ≈ $5.0B.") in waterfall.alt_text
    assert "Starting with $6.6B in Oct 2024, the cash runs out in Jan 2026, after 15.8 months" in runway.alt_text
    assert all(chart.alt_text.endswith(chart.source_line) for chart in (timeline, waterfall, runway))


def test_build_charts_rejects_an_unknown_company(real_claims):
    with pytest.raises(ValueError, match="unknown company 'Nope'"):
        dashboard.build_charts(real_claims, "Nope")


@pytest.mark.parametrize("company, names, epoch_points", [
    ("OpenAI", ["openai-timeline", "openai-waterfall-2024", "openai-runway", "openai-runway-sensitivity",
                "openai-runway-uncertainty", "openai-by-year", "openai-burn-rate", "openai-disagreements",
                "epoch-compute-vs-revenue"], 0),
    # no article figures: the timeline shows Epoch's points, as the page does by default; no waterfall, no runway
    ("Anthropic", ["anthropic-timeline-epoch", "epoch-compute-vs-revenue"], 33 - 3),  # less 1 product revenue, 2 excluded
])
def test_build_charts_with_epochs_data(real_claims, company, names, epoch_points):
    peers = load_peers(ROOT / "data" / "peers" / "epoch-ai.csv")
    built = dashboard.build_charts(real_claims, company, peers=peers)
    assert [c.name for c in built] == names
    assert (built[0].data["source_publisher"] == "Epoch AI").sum() == epoch_points
    assert built[-1].uses_peers and built[-1].source_line == "Sources: Epoch AI (CC BY 4.0)."


def test_build_charts_draws_saved_scenarios_beside_the_settings(real_claims):
    built = dashboard.build_charts(real_claims, "OpenAI", {"cost_growth_yoy": 0.2},
                                   scenarios=[("flat costs", {"cost_growth_yoy": 0.0}), ("raise", {"raises": ((dt.date(2025, 3, 1), 40e9),)})])
    chart = next(c for c in built if c.name == "openai-runway-scenarios")
    assert list(dict.fromkeys(chart.data["scenario"])) == ["current", "flat costs", "raise"]
    assert list(dict.fromkeys(chart.data["assumptions"])) == [
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +20%/yr, no raises, 60 months",
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +0%/yr, no raises, 60 months",
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +20%/yr, raises $40.0B 1 Mar 2025, 60 months",
    ]


def test_overview_charts_draw_what_the_claims_allow(prepared):
    drawn = dashboard.overview_charts(prepared, "OpenAI")
    assert [chart.name if chart else None for chart in drawn.values()] == ["openai-by-year", "openai-burn-rate", "openai-disagreements"]
    assert dashboard.overview_charts(prepared, "Nobody") == {"by_year": None, "burn_rate": None, "disagreements": None}


@pytest.mark.parametrize("entity, title, subtitle", [
    ("OpenAI", "OpenAI and Anthropic: compute spend beside revenue, by year",
     "US dollars a year, Epoch AI's data · Anthropic shown for comparison · "),
    ("Anthropic", "Anthropic and OpenAI: compute spend beside revenue, by year",
     "US dollars a year, Epoch AI's data · OpenAI shown for comparison · "),
    (None, "OpenAI and Anthropic: compute spend beside revenue, by year",
     "US dollars a year, Epoch AI's data, every company it covers with both, side by side for comparison · "),
])
def test_compute_chart_puts_the_company_in_view_first(entity, title, subtitle):
    chart = dashboard.compute_chart(load_peers(ROOT / "data" / "peers" / "epoch-ai.csv"), entity)
    assert chart.title == title and chart.subtitle.startswith(subtitle)
