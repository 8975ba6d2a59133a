"""Burnboard's data layer: pure Python and pandas, no Streamlit."""
