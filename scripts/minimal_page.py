"""The benchmark's baseline page: one slider, one metric, one plotly chart of 120 points, nothing else.

scripts/bench.py times a rerun of this page after a slider change and compares each dashboard page with it,
so the ratio shows what the dashboard adds on top of Streamlit's own cost for a page of this shape.
Run it alone with `streamlit run scripts/minimal_page.py`.
"""
import plotly.graph_objects as go
import streamlit as st

cash = st.slider("Starting cash ($B)", min_value=0.0, max_value=50.0, value=12.5, step=0.1, key="cash")
burn = 0.42  # $B a month
months = list(range(120))
balance = [cash - burn * month for month in months]
st.metric("Months of runway", f"{cash / burn:.1f}")
st.plotly_chart(go.Figure(go.Scatter(x=months, y=balance, mode="lines", name="Cash")), key="chart")
