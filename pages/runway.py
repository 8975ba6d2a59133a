"""Runway: how long the cash lasts under the user's assumptions, and what an earlier reader would have seen."""

import streamlit as st

import ui
from lib import formatting, runway_inputs, second_opinion, vocabulary
from lib.i18n import _
from lib.locale_forms import day, decimal, month
from ui import cached, runway


def draw(ctx: ui.Context) -> None:
    st.title(_("{company}: how long does the cash last?").format(company=ctx.entity))
    ui.missing_rates(ctx)
    inputs = cached.runway_inputs(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
    if ctx.peer_only:
        st.info(ui.md_escape(second_opinion.peer_only_note(ctx.entity)), icon=":material/group:")
        st.stop()
    if inputs is None:
        st.info(ui.md_escape(cached.runway_problem(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)),
                icon=":material/info:")
        st.stop()
    defaults = _("Defaults from the claims: {explanation}.").format(explanation=inputs.explanation)


    @ui.fragment
    def projection():
        """The three numbers that answer the page's question, then the chart beside the sliders, then what else the
        sliders' values imply: a slider move reruns only this part of the page, and only the chart on view. On such a
        rerun the cards and the chart are sent before the sliders are redrawn (runway.settings)."""
        view = (ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity, inputs, ctx.peers)
        events = cached.funding_events(*view)
        answer = st.container()
        charts, controls = st.columns([5, 2], gap="medium")
        with controls:
            flag = st.container()  # the warning that the cash ran out before the as-of date, over the sliders
            st.caption(ui.md_escape(defaults))
            slider_box = st.container()

        def sliders():
            with slider_box:
                return runway.sliders(inputs, ctx.entity, events, cached.epoch_repeats(*view))

        known = runway.settings(inputs, ctx.entity)
        assumptions = known if known is not None else sliders()
        try:
            result = runway_inputs.scenario(inputs, assumptions, events)
        except ValueError as err:
            answer.warning(_("These assumptions cannot be projected: {problem}").format(problem=ui.md_escape(err)),
                           icon=":material/warning:")
            result = None
        if result is not None:
            cards(answer, flag, result.base, assumptions, ctx.as_of)
            growth = cached.alive_growth(assumptions, inputs.start)  # a search over growth rates, for the chart and a card
            with charts:
                chart_views(ctx, inputs, result, growth, assumptions, events)
        if known is not None:
            sliders()
        if result is not None:
            with controls:
                implied(inputs, result.base, growth, assumptions, events)
        runway.hold_for_deck(inputs, ctx.entity, assumptions)  # last: the reader waits for the cards and charts, not for this


    def then_and_now() -> None:
        """The projection an earlier reader could have made beside the one from every claim."""
        st.caption(_("The same model, fed only with what had been published by an earlier date (no growth assumed), beside "
                     "the projection from every claim. The 2023 article predicted bankruptcy by the end of 2024."))
        then = ui.url_persist(st.date_input, default=ctx.first_published, parse=ui.date_between(ctx.first_published, ctx.as_of))(
            _("Projection made with claims published by"), min_value=ctx.first_published, max_value=ctx.as_of, key="then")
        comparison = cached.then_vs_now(ctx.dataset_key, ctx.claims, ctx.entity, then)
        headings = _("Then: claims published by {day}").format(day=day(then)), _("Now: every claim")
        for column, key, heading in zip(st.columns(2), ("then", "now"), headings):
            column.markdown(f"**{heading}**")
            if comparison[key] is None:
                column.caption(ui.md_escape(comparison["why"][key]))
                continue
            known, projected = comparison[key]
            column.caption(ui.md_escape(known.explanation))
            months = (_("beyond 10 years") if projected.runway_months is None
                      else _("{months} months").format(months=decimal(projected.runway_months)))
            zero = (None if projected.zero_cash_date is None
                    else _("zero cash {month}").format(month=month(projected.zero_cash_date)))
            column.metric(_("Runway"), months, delta=zero, delta_color="off")
        then_chart = cached.then_and_now_chart(ctx.dataset_key, ctx.claims, ctx.entity, then)
        if then_chart is not None:
            ui.show_chart(then_chart, "then_and_now")
        for _index, prediction in comparison["predictions"].iterrows():  # not `_`, which is the translation
            st.caption(ui.md_escape(_("Predicted then: {metric} by {period} ({source}): {quote}").format(
                metric=vocabulary.metric_label(prediction["metric"]), period=prediction["period"],
                source=formatting.source_label(prediction), quote=prediction["quote_en"])))
        if not comparison["later"].empty:
            st.markdown(_("**What later claims show**"))
            later = comparison["later"].assign(value=comparison["later"]["value"].map(formatting.format_usd))
            st.dataframe(later[["period", "metric", "value", "basis", "source_publisher", "id"]], hide_index=True, width="stretch")


    ui.lazy_views({_("Your projection"): projection, _("Then vs now"): then_and_now}, key="runway_page", label=_("Section"))


def cards(answer, flag, base, assumptions, as_of) -> None:
    """Months of runway, the zero-cash date and default alive or dead; over the sliders, the warning that the cash
    ran out before the as-of date."""
    cards = answer.columns(3)
    cards[0].metric(_("Months of runway"), decimal(base.runway_months) if base.runway_months is not None
                    else f"> {assumptions.horizon_months}", border=True)
    cards[1].metric(_("Zero-cash date"), month(base.zero_cash_date) if base.zero_cash_date else _("never"), border=True,
                    help=_("When the cash balance crosses zero; 'never' means not within the horizon."))
    cards[2].metric(_("Default"), _("alive") if base.default_alive else _("dead"), border=True,
                    help=_("Alive: break-even comes before the cash runs out (Paul Graham's 'default alive')."))
    stale = runway_inputs.ran_out_warning(base.zero_cash_date, as_of)
    if stale:
        flag.warning(ui.md_escape(stale), icon=":material/history:")


def chart_views(ctx: ui.Context, inputs, result, growth, assumptions, events) -> None:
    """The chart picked: the cash runway, what moves the zero-cash date, saved scenarios, or the sources' uncertainty."""
    cash, sensitivity, compare, uncertainty = ui.views([_("Cash runway"), _("Sensitivity"), _("Scenarios"), _("Uncertainty")],
                                                       key="runway_view", label=_("Chart"))
    if cash:
        ui.show_chart(cached.runway_chart(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity, inputs,
                                          result, growth, assumptions, events), "runway")
    if sensitivity:
        ui.show_chart(runway_inputs.sensitivity_chart(ctx.prepared, ctx.entity, inputs, assumptions, events), "sensitivity")
    if compare:
        saved = runway.scenarios(assumptions, inputs, ctx.entity)
        ui.show_chart(runway_inputs.scenarios_chart(ctx.prepared, ctx.entity, inputs, assumptions, saved, events), "scenarios")
    if uncertainty:
        intervals = cached.fan_intervals(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
        ui.show_chart(runway_inputs.fan_chart(ctx.prepared, ctx.entity, inputs, assumptions, intervals, events), "uncertainty")


def implied(inputs, base, growth, assumptions, events) -> None:
    """Under the sliders: break-even, the capital it takes, the revenue growth needed and what the raises do."""
    st.metric(_("Break-even"), month(base.breakeven_date) if base.breakeven_date else _("never"),
              help=_("The first month in which revenue covers costs; 'never' means not within the horizon."))
    st.metric(_("Capital to break even"),
              _("never") if base.capital_needed_usd is None else formatting.format_usd(base.capital_needed_usd),
              help=_("Extra cash needed to reach break-even without running out; 'never' when break-even does not come "
                     "within the horizon."))
    st.metric(_("Revenue growth needed"), runway_inputs.alive_growth_text(growth),
              help=_("To be default alive: the least yearly revenue growth at which break-even comes before the cash runs "
                     "out, with these costs, cost growth and raises ({raises}).").format(
                  raises=runway_inputs.describe_raises(assumptions.raises, events)))
    effect = runway_inputs.raises_effect(inputs, assumptions, events)
    if effect:
        st.caption(ui.md_escape(effect))


ui.run_page("Runway", draw)
