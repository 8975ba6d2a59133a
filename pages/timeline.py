"""Timeline: valuations, losses, revenue, funding and commitments on one time axis, with events."""
import streamlit as st

import ui
from lib import charts, checks

ctx = ui.page_setup("Timeline")
st.title(f"{ctx.entity}: the money over time")
available = charts.timeline_metrics(ctx.prepared, ctx.entity)
if not available:
    st.info(f"No money figures for {ui.md_escape(ctx.entity)} in the claims in force.", icon=":material/info:")
    st.stop()

left, middle, right = st.columns([3, 1, 1])
metrics = ui.url_persist(left.multiselect, default=charts.default_timeline_metrics(available), parse=ui.subset(available))(
    "Metrics", available, format_func=charts.metric_label, key="metrics")
scale = ui.url_persist(middle.radio, default="Log", parse=ui.choice(["Log", "Linear"]))("Scale", ["Log", "Linear"], horizontal=True, key="scale")
events = ui.url_persist(right.toggle, default=True, parse=ui.flag)("Show events", key="events")

chart = charts.timeline(ctx.prepared, ctx.entity, metrics, log_y=scale == "Log", events=events)
ui.show_chart(checks.mark_timeline(chart, ctx.flagged), "timeline")  # rings: audit findings, on screen only
