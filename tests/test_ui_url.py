"""ui.url: url_persist seeds a widget from the URL, draws it and writes its value back."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest


def widgets():
    """One widget of each kind the pages keep in the URL."""
    import datetime as dt

    import streamlit as st

    from ui.url import choice, date_between, flag, subset, url_persist

    url_persist(st.radio, default="Log", parse=choice(["Log", "Linear"]))("Scale", ["Log", "Linear"], key="scale")
    url_persist(st.toggle, default=True, parse=flag)("Events", key="events")
    url_persist(st.multiselect, default=["a"], parse=subset(["a", "b", "c"]))("Metrics", ["a", "b", "c"], key="metrics")
    url_persist(st.date_input, default=dt.date(2024, 6, 1), parse=date_between(dt.date(2023, 1, 1), dt.date(2024, 12, 31)))(
        "Since", min_value=dt.date(2023, 1, 1), max_value=dt.date(2024, 12, 31), key="since")
    url_persist(st.selectbox, default="x", parse=choice(["x", "y"]), param="pick")("Pick", ["x", "y"], key="pick@Acme")
    url_persist(st.segmented_control, default=None, parse=choice(["2023", "2024"]))("Year", ["2023", "2024"], key="year")
    url_persist(st.slider, default=6.6, parse=float)("Cash", min_value=0.0, max_value=50.0, step=0.1, format="$%.1fB", key="cash")


def opened(**query) -> AppTest:
    at = AppTest.from_function(widgets, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


DEFAULT_URL = {"scale": "Log", "events": "1", "metrics": "a", "since": "2024-06-01", "pick": "x", "cash": "6.6"}


@pytest.mark.parametrize("query, key, value, url", [
    ({}, "scale", "Log", DEFAULT_URL),
    ({"scale": "Linear"}, "scale", "Linear", {**DEFAULT_URL, "scale": "Linear"}),
    ({"scale": "Nope"}, "scale", "Log", DEFAULT_URL),
    ({"events": "0"}, "events", False, {**DEFAULT_URL, "events": "0"}),
    ({"events": "true"}, "events", True, DEFAULT_URL),
    ({"metrics": "c,zz,b"}, "metrics", ["c", "b"], {**DEFAULT_URL, "metrics": "c,b"}),
    ({"metrics": ""}, "metrics", [], {k: v for k, v in DEFAULT_URL.items() if k != "metrics"}),
    ({"since": "2030-01-01"}, "since", dt.date(2024, 12, 31), {**DEFAULT_URL, "since": "2024-12-31"}),
    ({"since": "yesterday"}, "since", dt.date(2024, 6, 1), DEFAULT_URL),
    ({"pick": "y"}, "pick@Acme", "y", {**DEFAULT_URL, "pick": "y"}),
    ({"year": "2023"}, "year", "2023", {**DEFAULT_URL, "year": "2023"}),
])
def test_the_url_seeds_the_widget_and_is_written_back(query, key, value, url):
    at = opened(**query)
    assert not at.exception
    assert at.session_state[key] == value
    assert {k: at.query_params[k] for k in at.query_params} == url


@pytest.mark.parametrize("query, toasts", [
    ({"scale": "Nope"}, ["This link gives “Scale” the value “Nope”, which this page does not offer: it starts from Log."]),
    ({"since": "yesterday"}, ["This link gives “Since” the value “yesterday”, which this page does not offer: it starts "
                              "from 2024\\-06\\-01."]),
    ({"pick": "z", "year": "1999"}, ["This link gives “Pick” the value “z”, which this page does not offer: it starts from x.",
                                     "This link gives “Year” the value “1999”, which this page does not offer: it starts "
                                     "from nothing."]),
    ({"cash": "lots"}, ["This link gives “Cash” the value “lots”, which this page does not offer: it starts from \\$6\\.6B."]),
    ({"scale": "Linear", "since": "2030-01-01", "metrics": "c,zz"}, []),  # used, clamped or filtered: nothing to say
    ({}, []),
])
def test_a_link_value_the_page_cannot_use_is_named_in_a_toast(query, toasts):
    at = opened(**query)
    assert [toast.value for toast in at.toast] == toasts
    assert not at.run().toast  # said once: the next run draws from the kept setting


@pytest.mark.parametrize("kind, key, value, param, text", [
    ("radio", "scale", "Linear", "scale", "Linear"),
    ("toggle", "events", False, "events", "0"),
    ("multiselect", "metrics", ["b", "a"], "metrics", "b,a"),
    ("date_input", "since", dt.date(2023, 3, 4), "since", "2023-03-04"),
    ("selectbox", "pick@Acme", "y", "pick", "y"),
])
def test_moving_a_widget_writes_the_url(kind, key, value, param, text):
    at = opened()
    getattr(at, kind)(key=key).set_value(value).run()
    assert not at.exception
    assert at.query_params[param] == text


def test_the_url_is_read_once_then_the_widget_leads():
    at = opened(scale="Linear")
    at.radio(key="scale").set_value("Log").run()
    assert at.radio(key="scale").value == "Log" and at.query_params["scale"] == "Log"
