"""Burnboard: how fast AI companies burn cash, every number traced to the sentence it came from."""
import streamlit as st

from ui import PAGES

pages = [st.Page(path, title=title, icon=icon, default=index == 0) for index, (path, title, icon) in enumerate(PAGES)]
st.navigation(pages, position="hidden").run()
