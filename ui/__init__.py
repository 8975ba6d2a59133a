"""The frame every page shares, by job: ``url`` (URL state), ``data`` (the data in force, bundled or uploaded),
``sidebar`` (navigation, upload, company, as-of date, data and deck downloads), ``page`` (every page run under
the sidebar, an upload that breaks it set aside), ``blocks`` (chart blocks, CSV and
JSON downloads, inert text), ``runway`` (the runway sliders), ``rates`` (figures no exchange rate converts, and the reader's rates) and ``cached`` (the Streamlit cache wrappers).

Pages use the names below; ``lib/`` never imports Streamlit.
"""
from ui.blocks import csv_download, json_download, lazy_tabs, lazy_views, md_escape, md_highlight, md_marks, show_chart, views
from ui.sidebar import PAGES, Context, page_setup
from ui.page import fragment, run_page
from ui.rates import missing_rates
from ui.url import choice, date_between, flag, subset, url_persist

__all__ = ["PAGES", "Context", "choice", "csv_download", "date_between", "flag", "fragment", "json_download", "lazy_tabs", "lazy_views", "md_escape", "md_highlight", "md_marks", "missing_rates", "page_setup", "run_page", "show_chart",
           "subset", "url_persist", "views"]
