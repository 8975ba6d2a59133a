"""Timeline: valuations, losses, revenue, funding and commitments on one time axis, with events."""
import streamlit as st

import ui
from lib import charts

ctx = ui.page_setup("Timeline")
st.title(f"{ctx.entity}: the money over time")
available = charts.timeline_metrics(ctx.prepared, ctx.entity)
if not available:
    st.info(f"No money figures for {ui.md_escape(ctx.entity)} in the claims in force.", icon=":material/info:")
    st.stop()

left, middle, right = st.columns([3, 1, 1])
metrics = left.multiselect("Metrics", available, format_func=charts.metric_label,
                           key=ui.url_state("metrics", charts.default_timeline_metrics(available), lambda raw: [m for m in raw.split(",") if m in available]))
scale = middle.radio("Scale", ["Log", "Linear"], horizontal=True, key=ui.url_state("scale", "Log", ui.parse_choice(["Log", "Linear"])))
events = right.toggle("Show events", key=ui.url_state("events", True, ui.parse_bool))
ui.publish(metrics=metrics, scale=scale, events=int(events))

chart = charts.timeline(ctx.prepared, ctx.entity, metrics, log_y=scale == "Log", events=events)
ui.show_chart(chart, "timeline")
