"""Every chart of the dashboard gathered: build_charts for export (slides, images, the command line) and
overview_charts for the overview page, each from the figures headline, waterfall and runway_inputs compute.

Pure pandas; the pages only add widgets.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib import history_charts, second_opinion, transforms as tf
from lib.assumptions import RunwayAssumptions, SavedScenario
from lib.chart_layout import Chart
from lib.figures import entities
from lib.headline import burn_rates, compared_figures, yearly_figures
from lib.runway_inputs import (
    alive_growth, fan_chart, fan_intervals, funding_events, runway_chart, runway_inputs, scenario, scenarios_chart,
    sensitivity_chart, then_and_now_chart,
)
from lib.waterfall import waterfall_lines, waterfall_years


def build_charts(claims: pd.DataFrame, entity: str = "OpenAI", runway_settings: dict | None = None,
                 as_of=None, scenarios: Sequence[tuple[str, dict]] = (), peers: pd.DataFrame | None = None) -> list[Chart]:
    """Every chart of the dashboard at its default settings, for export. claims are those in force; as_of
    (default: none) keeps headline figures to periods started by then. runway_settings gives runway assumptions
    by name in the model's units (cash_usd=..., raises=...); RunwayAssumptions.resolve checks them and clamps them
    to the sliders' ranges, so the deck and the command line project what the Runway page would show. scenarios,
    (name, values by name in the model's units, the others runway_settings'), adds the scenario chart. peers,
    Epoch AI's rows in force, add its points to a timeline with no article figures (as the Timeline page does by
    default) and the compute-beside-revenue chart, and offer its rounds as raises (funding_events): a raise in
    runway_settings that is one of them is noted and cited on the runway charts, as on the page."""
    prepared = tf.prepare(claims)
    covered = second_opinion.companies(peers) if peers is not None else []
    if entity not in set(prepared["entity"]) and entity not in covered:
        raise ValueError(f"unknown company {entity!r}; the data has: {', '.join(entities(prepared) + covered)}")
    available = history_charts.timeline_metrics(prepared, entity)
    timeline = history_charts.timeline(prepared, entity, history_charts.default_timeline_metrics(available))
    built = [history_charts.with_peers(timeline, second_opinion.rows_for(peers, entity)) if not available and entity in covered else timeline]
    years = waterfall_years(prepared, entity, as_of)
    if years:
        built.append(history_charts.waterfall(waterfall_lines(prepared, entity, years[0]), prepared, entity, years[0]))
    inputs = runway_inputs(prepared, entity, as_of)
    if inputs is not None:
        assumptions = RunwayAssumptions.resolve(inputs, runway_settings or {})
        events = funding_events(prepared, entity, inputs, peers)
        built.append(runway_chart(prepared, entity, inputs, scenario(inputs, assumptions, events),
                                  alive_growth(assumptions, inputs.start), assumptions, events))
        built.append(sensitivity_chart(prepared, entity, inputs, assumptions, events))
        built.append(fan_chart(prepared, entity, inputs, assumptions, fan_intervals(prepared, entity, as_of), events))
        if scenarios:
            saved = [SavedScenario(name, RunwayAssumptions.resolve(inputs, {**(runway_settings or {}), **values}))
                     for name, values in scenarios]
            built.append(scenarios_chart(prepared, entity, inputs, assumptions, saved, events))
        first = claims["source_published"].min()
        then = then_and_now_chart(claims, entity, first.date() if pd.notna(first) else None)
        if then is not None:
            built.append(then)
    built += [chart for chart in overview_charts(prepared, entity, as_of).values() if chart is not None]
    compute = compute_chart(peers, entity) if peers is not None else None
    return built + ([compute] if compute is not None else [])


def overview_charts(prepared: pd.DataFrame, entity: str, as_of=None) -> dict[str, Chart | None]:
    """The overview's charts by key: revenue, loss and burn by year; burn per day and month; where the sources
    disagree. None where the claims in force give nothing to draw."""
    figures = yearly_figures(prepared, entity, as_of)
    rates = burn_rates(prepared, entity, as_of)
    compared = compared_figures(prepared, entity)
    return {
        "by_year": None if figures.empty else history_charts.yearly(figures, prepared, entity),
        "burn_rate": None if rates.empty else history_charts.burn(rates, prepared, entity),
        "disagreements": None if compared.empty else history_charts.disagreements(compared, prepared, entity),
    }


def compute_chart(peers: pd.DataFrame, entity: str | None = None) -> Chart | None:
    """Epoch AI's compute spend by year beside revenue, for the companies that have both, the company in view
    (entity) first and the others named as there for comparison; None when none has."""
    table = second_opinion.compute_beside_revenue(peers)
    return None if table.empty else history_charts.compute_vs_revenue(table, second_opinion.used_rows(peers, table), entity)
