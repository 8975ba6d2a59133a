"""ui.runway: the sliders' values read before the sliders are drawn are the values the sliders then give."""
from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest


def settings_then_sliders():
    """What the Runway page's fragment does on a rerun: read the settings, then draw the sliders."""
    import datetime as dt

    import streamlit as st

    from lib.runway_inputs import RunwayInputs
    from ui import runway

    inputs = RunwayInputs(cash_usd=6.6e9, monthly_revenue_usd=3.08e8, monthly_cost_usd=7.25e8, start=dt.date(2024, 10, 1),
                          cost_low_ratio=1.0, cost_high_ratio=1.0, claim_ids=("c",), explanation="e")
    entity = st.session_state.get("entity", "OpenAI")
    st.session_state["read"] = runway.settings(inputs, entity)
    st.session_state["drawn"] = runway.sliders(inputs, entity, [])


def test_the_first_run_draws_the_sliders_first_and_a_move_is_read_before_them():
    at = AppTest.from_function(settings_then_sliders, default_timeout=30).run()
    assert not at.exception
    assert at.session_state["read"] is None  # nothing seeded yet: the sliders are drawn first
    at.slider(key="cash@OpenAI").set_value(20.0).run()
    read, drawn = at.session_state["read"], at.session_state["drawn"]
    assert (read.cash_usd, read.monthly_cost_usd, read.horizon_months, read.raises) == (20e9, 7.25e8, 60, ())
    assert read == drawn
    at.session_state["raises@OpenAI"] = ((dt.date(2025, 3, 1), 10e9),)  # as the raise editor's buttons leave them
    at.run()
    assert at.session_state["read"].raises == ((dt.date(2025, 3, 1), 10e9),) == at.session_state["drawn"].raises


def test_another_company_is_seeded_before_it_is_read():
    at = AppTest.from_function(settings_then_sliders, default_timeout=30).run()
    at.slider(key="cash@OpenAI").set_value(20.0).run()
    at.session_state["entity"] = "Anthropic"
    at.run()
    assert at.session_state["read"] is None  # its sliders have no state yet: they are drawn, and seeded, first
    at.run()
    assert at.session_state["read"] == at.session_state["drawn"]
