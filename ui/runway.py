"""The runway assumptions on screen: one URL-backed slider per field of lib.assumptions, and the same values held
for the sidebar's deck, so the page and its downloads project the same numbers."""
from __future__ import annotations

from dataclasses import asdict
from itertools import cycle

import streamlit as st

from lib.assumptions import FIELDS, Field, RunwayAssumptions, to_query
from lib.dashboard import RunwayInputs
from ui import data
from ui.url import url_persist

DECK = "runway_for_deck"  # session state: what the sidebar's deck projects
SHARED = {"horizon"}  # how far to look is not a claim: it stays when the company changes


def _key(field: Field, entity: str) -> str:
    """The other sliders keep their state per company, so each company starts from its own claims."""
    return field.param if field.param in SHARED else f"{field.param}@{entity}"


def sliders(inputs: RunwayInputs, entity: str) -> RunwayAssumptions:
    """One slider per field, in three columns, each seeded from the URL, clamped to its range and written back."""
    values = {}
    for column, field in zip(cycle(st.columns(3)), FIELDS):
        lowest, highest = field.bounds(inputs)
        draw = url_persist(column.slider, default=field.default(inputs), param=field.param,
                           parse=lambda raw, f=field: f.read(raw, inputs))
        value = draw(field.label, min_value=lowest, max_value=highest, step=field.step, format=field.format,
                     key=_key(field, entity))
        values[field.name] = field.to_model(value)
    assumptions = RunwayAssumptions.resolve(inputs, values)
    _hold(asdict(assumptions))
    return assumptions


def for_deck(inputs: RunwayInputs, entity: str) -> dict:
    """What the deck projects, in a holder it reads when clicked: "settings" (the sliders' values by name, in the
    model's units: their state, else the URL) and "stamp" (linking to them). The sidebar is drawn before the
    sliders, and a slider move reruns only the sliders' fragment, so the sliders update the holder themselves;
    otherwise the deck would download the values of the last full run."""
    query = {field.param: st.session_state.get(_key(field, entity), st.query_params.get(field.param)) for field in FIELDS}
    return _hold(asdict(RunwayAssumptions.from_query({k: v for k, v in query.items() if v is not None}, inputs)))


def _hold(settings: dict) -> dict:
    holder = st.session_state.setdefault(DECK, {})
    holder.update(settings=settings, stamp=data.stamp(**to_query(settings)))
    return holder
