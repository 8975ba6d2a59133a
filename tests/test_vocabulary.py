"""lib.vocabulary: the one table of metrics, bases, qualifiers and source types, and the interval logic."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import vocabulary as v
from lib.i18n import speaking


@pytest.mark.parametrize(
    "qualifier, tolerance, expected",
    [
        ("exact", None, (100.0, 100.0)),
        ("exact", 0.02, (98.0, 102.0)),
        ("approximately", None, (90.0, 110.0)),
        ("approximately", 0.3, (70.0, 130.0)),
        ("nearly", None, (90.0, 100.0)),
        ("nearly", 0.05, (95.0, 100.0)),
        ("at_least", None, (100.0, math.inf)),
        ("more_than", None, (100.0, math.inf)),
        ("up_to", None, (0.0, 100.0)),
        ("less_than", None, (0.0, 100.0)),
        (None, None, (100.0, 100.0)),
    ],
)
def test_interval(qualifier, tolerance, expected):
    assert v.interval(100, qualifier, tolerance) == pytest.approx(expected)


@pytest.mark.parametrize(
    "qualifier, expected",
    [("at_least", (100.0, 150.0)), ("more_than", (100.0, 150.0)), ("up_to", (0.0, 100.0)), ("approximately", (90.0, 110.0))],
)
def test_finite_interval_caps_an_open_end_at_one_and_a_half(qualifier, expected):
    assert v.finite_interval(100, qualifier) == pytest.approx(expected)


def test_no_value_has_no_interval():
    assert all(math.isnan(x) for x in v.interval(None, "exact")) and all(math.isnan(x) for x in v.interval(math.nan, "exact"))


@pytest.mark.parametrize(
    "a, b, expected",
    [((0, 3), (7, 10.5), False), ((4.5, 5.5), (5, 5), True), ((10, math.inf), (13, 13), True), ((1, 2), (2, 3), True),
     ((1, 2), (2.0001, 3), False)],
)
def test_overlaps(a, b, expected):
    assert v.overlaps(a, b) is expected and v.overlaps(b, a) is expected


values = st.floats(0, 1e13, allow_nan=False)
qualifiers = st.sampled_from(sorted(v.QUALIFIERS))
tolerances = st.one_of(st.none(), st.floats(0.001, 0.99))


@given(values, qualifiers, tolerances)
def test_an_interval_holds_its_value_and_its_finite_form_lies_within_it(value, qualifier, tolerance):
    tolerance = tolerance if v.QUALIFIERS[qualifier].tolerant else None
    low, high = v.interval(value, qualifier, tolerance)
    finite_low, finite_high = v.finite_interval(value, qualifier, tolerance)
    assert 0 <= low <= value <= high
    assert low == finite_low and math.isfinite(finite_high) and value <= finite_high <= high
    assert math.isinf(high) == v.QUALIFIERS[qualifier].open_above


@given(values, qualifiers, values, qualifiers)
def test_overlap_is_symmetric_and_every_value_agrees_with_itself(a, qa, b, qb):
    first, second = v.interval(a, qa), v.interval(b, qb)
    assert v.overlaps(first, second) == v.overlaps(second, first)
    assert v.overlaps(first, v.interval(a, "exact"))


def test_every_metric_is_coherent():
    for metric in v.METRICS.values():
        assert metric.kind in ("stock", "flow", "event") and metric.per in ("required", "optional", "forbidden")
        if metric.kind != "flow":
            assert metric.per == "forbidden", metric.name
        if metric.waterfall or metric.accrues:
            assert metric.kind == "flow" and metric.is_money, metric.name
        assert metric.colour.startswith("#") and len(metric.colour) == 7


def test_bases_rank_from_most_to_least_reliable():
    assert sorted(v.BASES, key=lambda name: v.BASES[name].rank) == ["reported", "estimated", "projected", "commitment", "forecast"]
    assert len({b.marker for b in v.BASES.values()}) == len(v.BASES)


def test_waterfall_lines_and_colours_are_distinct_where_they_share_a_chart():
    assert v.WATERFALL_LINES == ("Net loss", "Revenue", "Servers & inference", "Training", "Staff", "Data")
    assert v.COST_LINES == ("Servers & inference", "Training", "Staff", "Data")
    drawn = [m.colour for m in v.METRICS.values() if m.timeline]
    assert len(drawn) == len(set(drawn))


def test_labels_fall_back_for_names_outside_the_vocabulary():
    assert v.metric_label("net_loss") == "Net loss" and v.metric_label("made_up_thing") == "Made up thing"
    assert v.metric_colour("made_up_thing") == v.OTHER_COLOUR and v.metric_colour("net_loss") == "#d55e00"


# Colour-vision deficiency simulation: Machado, Oliveira & Fernandes (2009), full severity, on linear RGB.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    "normal": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
}


def _lab(colour: str, matrix) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour as a reader with that vision sees it."""
    srgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    seen = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear)))) for row in matrix]
    xyz = [sum(m * c for m, c in zip(row, seen)) / white for row, white in zip(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]], [0.95047, 1.0, 1.08883])]
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


SHARED_CHARTS = {
    "timeline (default metrics)": [m.colour for m in v.METRICS.values() if m.timeline_default],
    "waterfall": [v.metric_colour("revenue"), v.metric_colour("net_loss"), "#444444"],
}


@pytest.mark.parametrize("vision", sorted(CVD))
@pytest.mark.parametrize("chart", sorted(SHARED_CHARTS))
def test_colours_that_share_a_chart_stay_apart_for_colour_blind_readers(chart, vision):
    colours = SHARED_CHARTS[chart]
    closest = min(math.dist(_lab(a, CVD[vision]), _lab(b, CVD[vision]))
                  for i, a in enumerate(colours) for b in colours[i + 1:])
    assert closest >= 15, f"{chart} under {vision}: two colours only {closest:.1f} apart (CIE76 delta E)"


@pytest.mark.parametrize("includes, text", [
    ("training_cost,compute_cost", "bundle of training cost + compute cost"),
    ("staff_cost", "bundle of staff cost"),
    (None, ""),
    (float("nan"), ""),
    ("", ""),
])
def test_bundle_text(includes, text):
    assert v.bundle_text(includes) == text


@pytest.mark.parametrize("metric, basis, in_hand", [
    ("funding_round", "reported", True),
    ("funding_round", "estimated", True),
    ("investment", "reported", True),  # a tranche paid
    ("funding_round", "projected", False),  # a round not yet closed
    ("funding_round", "forecast", False),
    ("investment_commitment", "commitment", False),  # the Nvidia MOU
    ("investment", "commitment", False),
    ("investment_to_date", "reported", False),  # a cumulative total, not money received at its date
    ("valuation", "reported", False),
])
def test_cash_in_hand_is_money_received(metric, basis, in_hand):
    assert v.cash_in_hand(metric, basis) is in_hand


@pytest.mark.parametrize("lang, name, expected", [
    ("en", "reported", "Reported"), ("en", "derived", "Derived"), ("ko", "projected", "전망"), ("ko", "derived", "산출"),
    ("fr", "estimated", "Estimé"), ("fr", "derived", "Dérivé"),
])
def test_basis_label_in_each_language(lang, name, expected):
    with speaking(lang):
        assert v.basis_label(name) == expected


@pytest.mark.parametrize("lang, basis, word", [
    ("en", "estimated", "estimated"), ("en", "commitment", "commitment"), ("en", "derived", "derived"),  # as the keys
    ("ko", "estimated", "추정"), ("ko", "derived", "산출"), ("fr", "projected", "projeté"), ("fr", "derived", "dérivé"),
])
def test_basis_word_is_the_label_mid_sentence(lang, basis, word):
    with speaking(lang):
        assert v.basis_word(basis) == word
