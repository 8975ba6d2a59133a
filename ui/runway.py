"""The runway assumptions on screen: one URL-backed slider per field of lib.assumptions, the funding raises and the
saved scenarios (each kept in the URL too), and the same values held for the sidebar's deck, so the page and its
downloads project the same numbers."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict

import streamlit as st

from lib.assumptions import (
    FIELDS, MAX_RAISES, MAX_SCENARIOS, RAISE_MAX_USD, RAISES_PARAM, SCENARIOS_PARAM, Field, RunwayAssumptions,
    SavedScenario, check_raises, check_scenario_name, check_scenario_names, parse_raises, parse_scenarios, raises_text,
    scenarios_text, to_query,
)
from lib.i18n import _
from lib.locale_forms import month
from lib.peers import LICENCE
from lib.runway_inputs import EPOCH, FundingEvent, RunwayInputs, closed_rounds, describe_assumptions
from ui import data
from ui.blocks import md_escape
from ui.url import settled, url_persist, url_state

DECK = "runway_for_deck"  # session state: what the sidebar's deck projects
SHARED = {"horizon"}  # how far to look is not a claim: it stays when the company changes
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # the raise date pickers' range


def _key(field: Field, entity: str) -> str:
    """The other sliders keep their state per company, so each company starts from its own claims."""
    return field.param if field.param in SHARED else f"{field.param}@{entity}"


def _raises_key(entity: str) -> str:
    return f"{RAISES_PARAM}@{entity}"


def _scenarios_key(entity: str) -> str:
    return f"{SCENARIOS_PARAM}@{entity}"


def sliders(inputs: RunwayInputs, entity: str, events: list[FundingEvent], repeats: list[str] = ()) -> RunwayAssumptions:
    """One slider per field, one under the other, each seeded from the URL, clamped to its range and written back;
    then the funding raises (see raises_editor). The deck's copy of them is held by hold_for_deck."""
    values = {}
    for field in FIELDS:
        lowest, highest = field.bounds(inputs)
        draw = url_persist(st.slider, default=field.default(inputs), param=field.param,
                           parse=lambda raw, f=field: f.read(raw, inputs))
        value = draw(_(field.label), min_value=lowest, max_value=highest, step=field.step,
                     format=field.format and _(field.format), key=_key(field, entity))
        values[field.name] = field.to_model(value)
    values["raises"] = raises_editor(inputs, entity, events, repeats)
    _saved(inputs, entity)  # seeded from the link here, so that a bad link's warning stands under the sliders
    return RunwayAssumptions.resolve(inputs, values)


def settings(inputs: RunwayInputs, entity: str) -> RunwayAssumptions | None:
    """The sliders' values before the sliders are drawn, or None on a run that will seed one of them (the page's
    first, another company's). On a run that a slider move started, every value is in the session state already, so
    the page sends the cards and the chart first and redraws the sliders after them: the browser draws what the
    reader watches without waiting for the sliders it already shows."""
    keys = [_key(field, entity) for field in FIELDS]
    if not all(settled(key) for key in keys) or _raises_key(entity) not in st.session_state:
        return None
    values = {field.name: field.to_model(st.session_state[key]) for field, key in zip(FIELDS, keys)}
    return RunwayAssumptions.resolve(inputs, values | {"raises": st.session_state[_raises_key(entity)]})


def hold_for_deck(inputs: RunwayInputs, entity: str, assumptions: RunwayAssumptions) -> None:
    """Hold the sliders' values and the saved scenarios for the sidebar's deck. The page calls it after the cards
    and the chart are sent: it reads the dataset for the download's stamp, which the reader need not wait for."""
    _hold(asdict(assumptions), _saved(inputs, entity))


def raises_editor(inputs: RunwayInputs, entity: str, events: list[FundingEvent],
                  repeats: list[str] = ()) -> tuple[tuple[dt.date, float], ...]:
    """The raises, kept in the URL: each with its date, amount and a remove button; a row to add one; the claims'
    funding and Epoch AI's rounds after the projection start, each added with one click; and every closed round
    added with one click (never a commitment or a round still in discussion). repeats names the Epoch rounds left
    out because they are the starting cash or a claim's deal."""
    key = _raises_key(entity)
    raises, problem = url_state(key, param=RAISES_PARAM, default=(), parse=parse_raises, text=raises_text)
    if problem:
        st.warning(_("The link's raises were ignored: {problem}").format(problem=md_escape(problem)), icon=":material/warning:")
    # Drawn only while open, as each slider move redraws it; its label and starting state never change, so it keeps
    # its state (the caption under the metrics lists the raises in force).
    box = st.expander(_("Funding raises, and the claims' rounds to add in one click"), icon=":material/savings:",
                      key=f"raises_box@{entity}", on_change="rerun")
    if not box.open:
        return st.session_state[key]
    with box:
        st.caption(_("Cash added at the start of the month of its date (before {month}: in the first month).").format(
            month=month(inputs.start)))
        for k, (when, usd) in enumerate(raises):
            row = st.columns([3, 3, 2], vertical_alignment="bottom")
            shown = "visible" if k == 0 else "collapsed"
            row[0].date_input(_("Date"), value=when, min_value=EARLIEST, max_value=LATEST, key=f"raise_date_{k}@{entity}",
                              on_change=_edit, args=(entity, k), label_visibility=shown)
            row[1].number_input(_("Amount ($B)"), value=usd / 1e9, min_value=0.0, max_value=RAISE_MAX_USD / 1e9, step=1.0,
                                format="%.2f", key=f"raise_amount_{k}@{entity}", on_change=_edit, args=(entity, k),
                                label_visibility=shown)
            row[2].button(_("Remove"), key=f"raise_remove_{k}@{entity}", on_click=_remove, args=(entity, k),
                          icon=":material/delete:")
        full = len(raises) >= MAX_RAISES
        row = st.columns([3, 3, 2], vertical_alignment="bottom")
        row[0].date_input(_("New raise: date"), value=inputs.start + dt.timedelta(days=365), min_value=EARLIEST, max_value=LATEST,
                          key=f"new_raise_date@{entity}")
        row[1].number_input(_("New raise: amount ($B)"), value=10.0, min_value=0.0, max_value=RAISE_MAX_USD / 1e9, step=1.0,
                            format="%.2f", key=f"new_raise_amount@{entity}")
        row[2].button(_("Add raise"), key=f"raise_add@{entity}", on_click=_add, args=(entity,), disabled=full,
                      icon=":material/add:", help=_("At most {limit} raises.").format(limit=MAX_RAISES) if full else None)
        closed = [pair for pair in closed_rounds(events) if pair not in raises]
        if closed:
            room = MAX_RAISES - len(raises)
            hint = _("Every round below that closed (no commitment, no round still in discussion).")
            if room < len(closed):
                hint += " " + _("Room for {room} more raises only (at most {limit}).").format(room=room, limit=MAX_RAISES)
            st.button(_("Add all closed rounds ({count})").format(count=len(closed)), key=f"raise_all_closed@{entity}",
                      on_click=_add_closed, args=(entity, closed), disabled=room < len(closed), icon=":material/library_add:",
                      help=hint)
        epoch = _("From {source}'s data ({licence}), rounds after the projection start:").format(source=EPOCH, licence=LICENCE)
        for heading, group in ((_("From the claims, dated after the projection start:"), [e for e in events if e.peer is None]),
                               (epoch, [e for e in events if e.peer is not None])):
            if group:
                st.caption(heading)
            for event in group:
                _event_button(event, entity, raises, full)
        if repeats:
            st.caption(md_escape(_("Not offered twice, as the same deal is above or is the starting cash: {source}'s {rounds}.")
                                 .format(source=EPOCH, rounds="; ".join(repeats))))
    return st.session_state[key]


def _event_button(event: FundingEvent, entity: str, raises, full: bool) -> None:
    """One offered raise: a button that adds it, and its source (and what it assumes) under it."""
    taken = event.pair in raises
    st.button(_("Add: {round}").format(round=event.label), key=f"event_{event.claim_id}@{entity}", on_click=_add_event,
              args=(entity, event), disabled=taken or full, icon=":material/add_card:",
              help=f"{event.source}. " + (_("Already added.") if taken else ""))
    origin = "" if event.peer is not None else " · " + _("claim {claim_id}").format(claim_id=event.claim_id)
    caveat = " · " + _("not closed: {caveat}").format(caveat=event.caveat) if event.unpaid else ""
    st.caption(md_escape(f"{event.source}{origin}{caveat}"))


def _set_raises(entity: str, raises) -> None:
    """Store the raises, sorted, and forget the rows' widgets, which are redrawn from them."""
    st.session_state[_raises_key(entity)] = check_raises(raises)
    for name in [name for name in st.session_state if name.startswith(("raise_date_", "raise_amount_")) and name.endswith(f"@{entity}")]:
        del st.session_state[name]


def _edit(entity: str, k: int) -> None:
    raises = list(st.session_state[_raises_key(entity)])
    raises[k] = (st.session_state[f"raise_date_{k}@{entity}"], st.session_state[f"raise_amount_{k}@{entity}"] * 1e9)
    _set_raises(entity, raises)


def _remove(entity: str, k: int) -> None:
    raises = list(st.session_state[_raises_key(entity)])
    del raises[k]
    _set_raises(entity, raises)


def _add(entity: str) -> None:
    """Add the new raise's row and empty that row back to its defaults, so a second click does not add it twice."""
    raise_ = (st.session_state.pop(f"new_raise_date@{entity}"), st.session_state.pop(f"new_raise_amount@{entity}") * 1e9)
    _set_raises(entity, [*st.session_state[_raises_key(entity)], raise_])


def _add_event(entity: str, event: FundingEvent) -> None:
    _set_raises(entity, [*st.session_state[_raises_key(entity)], event.pair])


def _add_closed(entity: str, closed: list[tuple[dt.date, float]]) -> None:
    _set_raises(entity, [*st.session_state[_raises_key(entity)], *closed])


def _saved(inputs: RunwayInputs, entity: str) -> tuple[SavedScenario, ...]:
    """The saved scenarios, kept in the URL; a link with a bad one gets a warning and none."""
    saved, problem = url_state(_scenarios_key(entity), param=SCENARIOS_PARAM, default=(),
                               parse=lambda raw: parse_scenarios(raw, inputs), text=scenarios_text)
    if problem:
        st.warning(_("The link's saved scenarios were ignored: {problem}").format(problem=md_escape(problem)),
                   icon=":material/warning:")
    return saved


def scenarios(current: RunwayAssumptions, inputs: RunwayInputs, entity: str) -> tuple[SavedScenario, ...]:
    """Save the sliders (raises included) under a name, up to three; each saved one listed with a remove button."""
    saved = _saved(inputs, entity)
    row = st.columns([4, 3], vertical_alignment="bottom")
    row[0].text_input(_("Scenario name"), key=f"scenario_name@{entity}", max_chars=40, placeholder=_("e.g. costs grow 30%"))
    row[1].button(_("Save the sliders as a scenario"), key=f"scenario_save@{entity}", on_click=_save, args=(entity, current),
                  disabled=len(saved) >= MAX_SCENARIOS, icon=":material/bookmark_add:",
                  help=_("At most {limit} saved scenarios.").format(limit=MAX_SCENARIOS)
                  if len(saved) >= MAX_SCENARIOS else None)
    problem = st.session_state.pop(f"scenario_problem@{entity}", "")
    if problem:
        st.warning(md_escape(problem), icon=":material/warning:")
    for k, scenario in enumerate(saved):
        row = st.columns([6, 1], vertical_alignment="center")
        row[0].markdown(md_escape(f"{scenario.name}: {describe_assumptions(scenario.assumptions)}"))
        row[1].button(_("Remove"), key=f"scenario_remove_{k}@{entity}", on_click=_unsave, args=(entity, k),
                      icon=":material/delete:")
    return saved


def _save(entity: str, current: RunwayAssumptions) -> None:
    key = _scenarios_key(entity)
    try:
        name = check_scenario_name(st.session_state.get(f"scenario_name@{entity}", ""))
        check_scenario_names([s.name for s in st.session_state[key]] + [name])
    except ValueError as err:
        st.session_state[f"scenario_problem@{entity}"] = _("Not saved: {problem}.").format(problem=err)
        return
    st.session_state[key] = (*st.session_state[key], SavedScenario(name, current))
    st.session_state[f"scenario_name@{entity}"] = ""


def _unsave(entity: str, k: int) -> None:
    key = _scenarios_key(entity)
    st.session_state[key] = tuple(s for i, s in enumerate(st.session_state[key]) if i != k)


def for_deck(inputs: RunwayInputs, entity: str) -> dict:
    """What the deck projects, in a holder it reads when clicked: "settings" (the sliders' values and raises by
    name, in the model's units: their state, else the URL), "scenarios" (name, settings) and "stamp" (linking to
    them). The sidebar is drawn before the sliders, and a slider move reruns only the sliders' fragment, so the
    sliders update the holder themselves; otherwise the deck would download the values of the last full run."""
    query = {field.param: st.session_state.get(_key(field, entity), st.query_params.get(field.param)) for field in FIELDS}
    held_raises = st.session_state.get(_raises_key(entity))
    query[RAISES_PARAM] = raises_text(held_raises) if held_raises is not None else st.query_params.get(RAISES_PARAM)
    saved = st.session_state.get(_scenarios_key(entity))
    if saved is None:
        try:
            saved = parse_scenarios(st.query_params.get(SCENARIOS_PARAM, ""), inputs)
        except ValueError:
            saved = ()
    return _hold(asdict(RunwayAssumptions.from_query({k: v for k, v in query.items() if v is not None}, inputs)), saved)


def _hold(settings: dict, saved: tuple[SavedScenario, ...]) -> dict:
    holder = st.session_state.setdefault(DECK, {})
    links = to_query(settings)
    if saved:
        links[SCENARIOS_PARAM] = scenarios_text(saved)
    holder.update(settings=settings, scenarios=[(s.name, asdict(s.assumptions)) for s in saved], stamp=data.stamp(**links))
    return holder
