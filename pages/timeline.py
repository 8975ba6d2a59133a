"""Timeline: valuations, losses, revenue, funding and commitments on one time axis, with events, and Epoch AI's
data as a second opinion."""
import streamlit as st

import ui
from lib import history_charts, second_opinion, vocabulary
from lib.i18n import N_, _
from ui import cached


def draw(ctx: ui.Context) -> None:
    st.title(_("{company}: the money over time").format(company=ctx.entity))
    ui.missing_rates(ctx)
    available = history_charts.timeline_metrics(ctx.prepared, ctx.entity)
    covered = ctx.entity in set(ctx.peers["company"])
    if not available and not covered:
        st.info(_("No money figures for {company} in the claims in force or in Epoch AI's data.").format(
            company=ui.md_escape(ctx.entity)), icon=":material/info:")
        st.stop()
    if ctx.peer_only:
        st.info(ui.md_escape(second_opinion.peer_only_note(ctx.entity)), icon=":material/group:")


    def money_over_time() -> None:
        left, middle, right, far = st.columns([3, 1, 1, 1.6])
        metrics = ui.url_persist(left.multiselect, default=history_charts.default_timeline_metrics(available), parse=ui.subset(available))(
            _("Metrics"), available, format_func=vocabulary.metric_label, key="metrics")
        scales = [N_("Log"), N_("Linear")]  # the values in the URL; shown in the reader's language
        scale = ui.url_persist(middle.segmented_control, default="Log", parse=ui.choice(scales))(
            _("Scale"), scales, format_func=lambda option: _(option), key="scale", required=True)
        events = ui.url_persist(right.toggle, default=True, parse=ui.flag)(_("Show events"), key="events")
        epoch = ui.url_persist(far.toggle, default=not available, parse=ui.flag, param="epoch")(
            _("Second opinion: Epoch AI"), key=f"epoch@{ctx.entity}", disabled=not covered,
            help=_("Epoch AI's figures for this company as stars (CC BY 4.0): run-rates, yearly revenue, funding, valuations, "
                   "compute spend. Hover a star for its kind, confidence, status and source."))
        everything = epoch and ui.url_persist(far.checkbox, default=False, parse=ui.flag)(
            _("Also rows Epoch hides"), key="epoch_all",
            help=_("Rows Epoch leaves out of its own charts: other revenue (quarterly, product or division) and rows it flags "
                   "exclude-from-graph."))

        chart = cached.timeline_chart(ctx.dataset_key, ctx.prepared, ctx.peers, ctx.flagged, ctx.as_of, ctx.include_undated, ctx.entity,
                                      tuple(metrics), scale == "Log", events, epoch and covered, everything)
        ui.show_chart(chart, "timeline")  # rings: audit findings, on screen only


    def compute_beside_revenue() -> None:
        st.caption(_("For every company in Epoch AI's data with both, the one in view first. A run-rate (a month's revenue "
                     "x 12) stands in only where Epoch has no revenue for the year, hatched and labelled; it is never added to "
                     "a year's revenue."))
        chart = cached.compute_chart(ctx.as_of, ctx.include_undated, ctx.entity)
        if chart is None:
            st.caption(_("No company in Epoch AI's data in force has both compute spend and revenue."))
        else:
            ui.show_chart(chart, "compute")


    ui.lazy_tabs({_("The money over time"): money_over_time,
                  _("Compute spend beside revenue (Epoch AI)"): compute_beside_revenue}, key="timeline_view")


ui.run_page("Timeline", draw)
