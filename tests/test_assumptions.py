"""lib.assumptions: one table of runway assumptions, parsed from the URL and the command line, checked, clamped."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lib import runway
from lib.assumptions import FIELDS, RunwayAssumptions, to_query
from lib.runway_inputs import RunwayInputs

START = dt.date(2024, 10, 1)


def inputs(cash=6.6e9, revenue=308.333e6, cost=725.25e6) -> RunwayInputs:
    return RunwayInputs(cash, revenue, cost, START, 0.9, 1.2, ("a",), "test")


CLAIMS = inputs()
RICH = inputs(cash=40e9, revenue=2.2e9, cost=1.75e9)  # the claims' figures above the sliders' usual highest
FIELD = {field.param: field for field in FIELDS}
DEFAULTS = RunwayAssumptions(6.6e9, 308e6, 725e6, 0.0, 0.0, 60)


def test_one_row_per_model_keyword():
    assert [f.name for f in FIELDS] == ["cash_usd", "monthly_revenue_usd", "monthly_cost_usd", "revenue_growth_yoy",
                                        "cost_growth_yoy", "horizon_months"]
    assert [f.name for f in dataclasses.fields(RunwayAssumptions)] == [f.name for f in FIELDS] + ["raises"]  # raises: no slider


@pytest.mark.parametrize("param, claims, default, bounds", [
    ("cash", CLAIMS, 6.6, (0.0, 50.0)),
    ("cash", RICH, 40.0, (0.0, 80.0)),
    ("revenue", CLAIMS, 308.0, (0.0, 3000.0)),
    ("revenue", RICH, 2200.0, (0.0, 4400.0)),
    ("cost", CLAIMS, 725.0, (0.0, 3000.0)),
    ("rg", RICH, 0.0, (-90.0, 300.0)),
    ("cg", CLAIMS, 0.0, (-90.0, 300.0)),
    ("horizon", RICH, 60, (12, 120)),
])
def test_default_and_slider_range_follow_the_claims(param, claims, default, bounds):
    field = FIELD[param]
    assert field.default(claims) == default
    assert field.bounds(claims) == bounds
    assert type(field.default(claims)) is type(bounds[0]) is type(bounds[1]) is type(field.step)


@pytest.mark.parametrize("query, expected", [
    ({}, DEFAULTS),
    ({"cash": "12.5"}, dataclasses.replace(DEFAULTS, cash_usd=12.5e9)),
    ({"cash": "1e9"}, dataclasses.replace(DEFAULTS, cash_usd=50e9)),  # clamped to the slider's $50B
    ({"cash": "-5"}, dataclasses.replace(DEFAULTS, cash_usd=0.0)),
    ({"cash": "not-a-number"}, DEFAULTS),
    ({"cash": "nan"}, DEFAULTS),
    ({"cash": "-inf"}, DEFAULTS),
    ({"cash": ""}, DEFAULTS),
    ({"revenue": "800", "cost": "5000"}, dataclasses.replace(DEFAULTS, monthly_revenue_usd=800e6, monthly_cost_usd=3000e6)),
    ({"rg": "50", "cg": "-95"}, dataclasses.replace(DEFAULTS, revenue_growth_yoy=0.5, cost_growth_yoy=-0.9)),
    ({"horizon": "24"}, dataclasses.replace(DEFAULTS, horizon_months=24)),
    ({"horizon": "24.9"}, dataclasses.replace(DEFAULTS, horizon_months=24)),
    ({"horizon": "500"}, dataclasses.replace(DEFAULTS, horizon_months=120)),
    ({"horizon": 36}, dataclasses.replace(DEFAULTS, horizon_months=36)),  # a slider's state is a number
    ({"cash": 20.0, "unrelated": "x"}, dataclasses.replace(DEFAULTS, cash_usd=20e9)),
])
def test_from_query(query, expected):
    assert RunwayAssumptions.from_query(query, CLAIMS) == expected


def test_the_same_url_value_clamps_higher_when_the_claims_need_room():
    assert RunwayAssumptions.from_query({"cash": "1e9"}, RICH).cash_usd == 80e9


@pytest.mark.parametrize("given, expected", [
    ({}, DEFAULTS),
    ({"cash_usd": 1e10, "horizon_months": 24}, dataclasses.replace(DEFAULTS, cash_usd=1e10, horizon_months=24)),
    ({"cash_usd": 1e18}, dataclasses.replace(DEFAULTS, cash_usd=50e9)),
    ({"revenue_growth_yoy": -0.95}, dataclasses.replace(DEFAULTS, revenue_growth_yoy=-0.9)),
    ({"cost_growth_yoy": "0.25"}, dataclasses.replace(DEFAULTS, cost_growth_yoy=0.25)),
    ({"monthly_cost_usd": None}, DEFAULTS),
])
def test_resolve(given, expected):
    assert RunwayAssumptions.resolve(CLAIMS, given) == expected


@pytest.mark.parametrize("given, message", [
    ({"cash_usd": -5}, "-5 is not an amount of US dollars >= 0"),
    ({"monthly_revenue_usd": float("inf")}, "inf is not an amount of US dollars >= 0"),
    ({"revenue_growth_yoy": -1}, "-1 is not a yearly growth fraction > -1 (0.5 = +50%)"),
    ({"horizon_months": 0}, "0 is not a whole number of months >= 1"),
    ({"horizon_months": 2.5}, "2.5 is not a whole number of months >= 1"),
    ({"cash_usd": True}, "True is not an amount of US dollars >= 0"),
    ({"cash_usd": "lots"}, "'lots' is not an amount of US dollars >= 0"),
])
def test_resolve_refuses_invalid_values(given, message):
    with pytest.raises(ValueError) as err:
        RunwayAssumptions.resolve(CLAIMS, given)
    assert str(err.value) == message


@pytest.mark.parametrize("values, message", [
    ((-1.0, 0.0, 0.0, 0.0, 0.0, 60), "-1.0 is not an amount of US dollars >= 0"),
    ((0.0, 0.0, 0.0, 0.0, -1.5, 60), "-1.5 is not a yearly growth fraction > -1 (0.5 = +50%)"),
    ((0.0, 0.0, 0.0, 0.0, 0.0, 0), "0 is not a whole number of months >= 1"),
])
def test_the_object_checks_itself(values, message):
    with pytest.raises(ValueError) as err:
        RunwayAssumptions(*values)
    assert str(err.value) == message


@pytest.mark.parametrize("values, expected", [
    (dataclasses.asdict(DEFAULTS), {"cash": "6.6", "revenue": "308.0", "cost": "725.0", "rg": "0.0", "cg": "0.0", "horizon": "60"}),
    ({"cash_usd": 1e10, "revenue_growth_yoy": 0.05, "horizon_months": 24}, {"cash": "10.0", "rg": "5.0", "horizon": "24"}),
    ({"cash_usd": 1e18}, {"cash": "1000000000.0"}),
    ({"cost_growth_yoy": None}, {}),
])
def test_to_query(values, expected):
    assert to_query(values) == expected


def test_to_query_opens_the_same_values():
    chosen = RunwayAssumptions(12.3e9, 410e6, 990e6, 0.35, -0.1, 42)
    assert RunwayAssumptions.from_query(to_query(dataclasses.asdict(chosen)), CLAIMS) == chosen


@pytest.mark.parametrize("cost_scale", [1.0, 1.2])
def test_project_runs_the_model(cost_scale):
    chosen = RunwayAssumptions(6e9, 250e6, 700e6, 0.1, 0.05, 48)
    assert chosen.project(START, cost_scale) == runway.project(6e9, 250e6, 700e6 * cost_scale, 0.1, 0.05, START, 48)


from lib.assumptions import (  # noqa: E402  (the raises and scenarios half of the module)
    SavedScenario, check_raises, parse_raises, parse_scenarios, raises_text, scenario_values, scenarios_text,
)

MAR, JAN = dt.date(2025, 3, 1), dt.date(2026, 1, 1)


@pytest.mark.parametrize("text, expected", [
    ("", ()),
    ("2025-03-01:40e9", ((MAR, 40e9),)),
    ("2026-01-01:10e9,2025-03-01:40e9", ((MAR, 40e9), (JAN, 10e9))),  # sorted by date
    (" 2025-03-01 : 40000000000 ; 2026-01-01:1.5e9 ", ((MAR, 40e9), (JAN, 1.5e9))),  # ';' separates too
    ("2025-03-01:0", ((MAR, 0.0),)),
])
def test_parse_raises(text, expected):
    assert parse_raises(text) == expected


@pytest.mark.parametrize("text, message", [
    ("40e9", "'40e9' is not DATE:AMOUNT (e.g. 2025-03-01:40e9)"),
    ("2025-3-1:40e9", "'2025-3-1:40e9': '2025-3-1' is not a date written YYYY-MM-DD"),
    ("2025-02-30:1", "'2025-02-30:1': '2025-02-30' is not a date written YYYY-MM-DD"),
    ("2025-03-01:-1", "'2025-03-01:-1': '-1' is not an amount of US dollars from 0 to 1e13 ($10T)"),
    ("2025-03-01:2e13", "'2025-03-01:2e13': '2e13' is not an amount of US dollars from 0 to 1e13 ($10T)"),
    ("2025-03-01:inf", "'2025-03-01:inf': 'inf' is not an amount of US dollars from 0 to 1e13 ($10T)"),
    (",".join(["2025-03-01:1"] * 13), "at most 12 raises, got 13"),
])
def test_parse_raises_refuses(text, message):
    with pytest.raises(ValueError) as err:
        parse_raises(text)
    assert str(err.value) == message


@pytest.mark.parametrize("raises, text", [
    (((MAR, 40e9), (JAN, 10e9)), "2025-03-01:40e9,2026-01-01:10e9"),
    (((MAR, 6.6e9),), "2025-03-01:6.6e9"),
    (((MAR, 750e6),), "2025-03-01:750e6"),
    (((MAR, 1234.5),), "2025-03-01:1234.5"),
])
def test_raises_text_reads_back(raises, text):
    assert raises_text(raises) == text
    assert parse_raises(text) == raises


def test_raises_join_the_url_and_the_model():
    chosen = RunwayAssumptions(6e9, 250e6, 700e6, 0.1, 0.05, 48, raises=((JAN, 10e9), (MAR, 40e9)))
    assert chosen.raises == ((MAR, 40e9), (JAN, 10e9))  # kept sorted
    assert to_query(dataclasses.asdict(chosen))["raises"] == "2025-03-01:40e9,2026-01-01:10e9"
    assert RunwayAssumptions.from_query({"raises": "2025-03-01:40e9"}, CLAIMS).raises == ((MAR, 40e9),)
    assert RunwayAssumptions.from_query({"raises": "junk"}, CLAIMS).raises == ()  # like any bad URL value
    assert chosen.project(START) == runway.project(6e9, 250e6, 700e6, 0.1, 0.05, START, 48, raises=((MAR, 40e9), (JAN, 10e9)))


@pytest.mark.parametrize("raises, message", [
    ([(dt.datetime(2025, 3, 1), 1.0)], "raise 1: datetime.datetime(2025, 3, 1, 0, 0) is not a date"),
    ([(MAR, -1.0)], "raise 1: -1.0 is not an amount of US dollars from 0 to 1e13 ($10T)"),
    ([(MAR,)], "raise 1 must be a (date, amount) pair, got (datetime.date(2025, 3, 1),)"),
    ("2025-03-01:1", "raises must be (date, amount) pairs, got '2025-03-01:1'"),
])
def test_check_raises(raises, message):
    with pytest.raises(ValueError) as err:
        check_raises(raises)
    assert str(err.value) == message


def model(field, raw):
    return field.check(raw)


@pytest.mark.parametrize("text, expected", [
    ("costs grow 30%:cg=0.3", ("costs grow 30%", {"cost_growth_yoy": 0.3})),
    ("big raise:cash=40e9, raises=2025-03-01:40e9;2026-01-01:10e9",
     ("big raise", {"cash_usd": 40e9, "raises": ((MAR, 40e9), (JAN, 10e9))})),
    ("plain:", ("plain", {})),
    ("no raises:raises=", ("no raises", {"raises": ()})),
])
def test_scenario_values(text, expected):
    assert scenario_values(text, model) == expected


@pytest.mark.parametrize("text, message", [
    ("nocolon", "scenario 'nocolon' is not NAME:key=value,... (e.g. \"costs grow 30%:cg=0.3\")"),
    (":cg=0.3", "scenario ':cg=0.3' is not NAME:key=value,... (e.g. \"costs grow 30%:cg=0.3\")"),
    ("Current:cg=0.3", "the name 'Current' is taken by the live sliders; choose another"),
    ("x" * 41 + ":", f"a scenario name must have 1 to 40 characters, without ':' or '|'; got {'x' * 41!r}"),
    ("a:speed=3", "scenario 'a': 'speed=3' is not key=value with a key among cash, revenue, cost, rg, cg, horizon, raises"),
    ("a:cg=0.1,cg=0.2", "scenario 'a': cg is given twice"),
    ("a:cash=-5", "scenario 'a': cash: '-5' is not an amount of US dollars >= 0"),
    ("a:raises=2025-03-01", "scenario 'a': raises: '2025-03-01' is not DATE:AMOUNT (e.g. 2025-03-01:40e9)"),
])
def test_scenario_values_refuses(text, message):
    with pytest.raises(ValueError) as err:
        scenario_values(text, model)
    assert str(err.value) == message


def test_saved_scenarios_round_trip_through_the_url():
    saved = (SavedScenario("article figures", DEFAULTS),
             SavedScenario("$40B raise", dataclasses.replace(DEFAULTS, cost_growth_yoy=0.3, raises=((MAR, 40e9), (JAN, 10e9)))))
    text = scenarios_text(saved)
    assert text == ("article figures:cash=6.6,revenue=308.0,cost=725.0,rg=0.0,cg=0.0,horizon=60|"
                    "$40B raise:cash=6.6,revenue=308.0,cost=725.0,rg=0.0,cg=30.0,horizon=60,raises=2025-03-01:40e9;2026-01-01:10e9")
    assert parse_scenarios(text, CLAIMS) == saved


@pytest.mark.parametrize("text, expected", [
    ("a:cash=1e9", dataclasses.replace(DEFAULTS, cash_usd=50e9)),  # URL units ($B), clamped like the slider
    ("a:horizon=500", dataclasses.replace(DEFAULTS, horizon_months=120)),
    ("a:rg=50", dataclasses.replace(DEFAULTS, revenue_growth_yoy=0.5)),  # missing values: the claims' defaults
])
def test_url_scenarios_clamp_like_the_sliders(text, expected):
    assert parse_scenarios(text, CLAIMS)[0].assumptions == expected


@pytest.mark.parametrize("text, message", [
    ("a:|b:|c:|d:", "at most 3 saved scenarios, got 4"),
    ("a:|A:", "scenario names must differ; repeated: a"),
    ("a:cash=lots", "scenario 'a': cash: 'lots' is not a finite number"),
])
def test_url_scenarios_refuse(text, message):
    with pytest.raises(ValueError) as err:
        parse_scenarios(text, CLAIMS)
    assert str(err.value) == message
