"""The frame every page shares: sidebar (navigation, company, as-of date, data upload), URL state, chart blocks.

Each page calls page_setup() first. Rendering the navigation here rather than relying on st.navigation's
sidebar means a deep link on a freshly started server (which Streamlit runs without app.py) looks the same.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd
import streamlit as st

from lib import cached, claims as claims_lib, dashboard, export, transforms as tf
from lib.charts import Chart

PAGES = [
    ("pages/overview.py", "Overview", ":material/dashboard:"),
    ("pages/timeline.py", "Timeline", ":material/timeline:"),
    ("pages/waterfall.py", "Waterfall", ":material/waterfall_chart:"),
    ("pages/runway.py", "Runway", ":material/flight_takeoff:"),
    ("pages/sources.py", "Sources", ":material/format_quote:"),
]
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")


def md_escape(text: Any) -> str:
    """Text from data or uploads, made inert for st.markdown/captions/help (no links, HTML or formatting)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


@dataclass(frozen=True)
class Context:
    """What every page needs: the claims in force and the sidebar's choices."""

    claims: pd.DataFrame
    prepared: pd.DataFrame
    dataset_key: str
    entity: str
    as_of: dt.date
    include_undated: bool
    dataset_label: str
    first_published: dt.date
    last_published: dt.date


def url_state(key: str, default: Any, parse: Callable[[str], Any] = str, param: str | None = None) -> str:
    """Seed a widget's state from the URL parameter (`param`, default the key) once and return the key.

    Invalid URL values fall back to the default rather than failing the page.
    """
    if key not in st.session_state:
        raw = st.query_params.get(param or key)
        try:
            st.session_state[key] = default if raw is None else parse(raw)
        except (TypeError, ValueError):
            st.session_state[key] = default
    return key


def publish(**values: Any) -> None:
    """Write widget values into the URL so a copied link reproduces the view."""
    for key, value in values.items():
        text = value.isoformat() if isinstance(value, dt.date) else ",".join(value) if isinstance(value, (list, tuple)) else str(value)
        if not text:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != text:
            st.query_params[key] = text


def parse_choice(options: list[str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(raw)
        return raw
    return parse


def parse_date(lo: dt.date, hi: dt.date) -> Callable[[str], dt.date]:
    def parse(raw: str) -> dt.date:
        return min(max(dt.date.fromisoformat(raw), lo), hi)
    return parse


def parse_bool(raw: str) -> bool:
    return raw.lower() in ("1", "true", "yes")


def parse_number(lo: float, hi: float) -> Callable[[str], float]:
    """A finite number from the URL, clamped to [lo, hi]; nan and inf are refused."""
    def parse(raw: str) -> float:
        value = float(raw)
        if not math.isfinite(value):
            raise ValueError(raw)
        return min(max(value, lo), hi)
    return parse


SIDEBAR_PARAMS = ("company", "asof", "undated")
UPLOAD_STATE = ("upload", "upload_problems", "upload_seen", "upload_generation")


def _forget_page_params() -> None:
    """A new company starts from its own claims: drop the previous company's page settings from the URL."""
    for key in [k for k in st.query_params if k not in SIDEBAR_PARAMS]:
        del st.query_params[key]


def _forget_dataset_state() -> None:
    """Another dataset has other companies and dates: every setting starts again from its defaults."""
    for key in [k for k in st.session_state if k not in UPLOAD_STATE and not str(k).startswith("upload_file")]:
        del st.session_state[key]
    st.query_params.clear()


def _dataset() -> tuple[pd.DataFrame, str, str]:
    """The claims in force for this browser session (an accepted upload, else the bundled file), its cache key
    and a label."""
    upload = st.session_state.get("upload")
    if upload:
        name, data, key = upload
        return cached.uploaded_claims(key, name, data), key, f"uploaded file {name}"
    return cached.bundled_claims(), cached.BUNDLED, "bundled data"


def _upload_box() -> None:
    """Sidebar upload of a claims YAML; problems are listed with their lines, a valid file replaces the data."""
    with st.sidebar.expander("Use your own data", expanded=False):
        generation = st.session_state.get("upload_generation", 0)  # a new key empties the uploader on reset
        file = st.file_uploader("Claims YAML (max 5 MB)", type=["yaml", "yml"], key=f"upload_file_{generation}",
                                help="Same format and rules as data/claims.yaml; see data/README.md.")
        if file is not None and st.session_state.get("upload_seen") != file.file_id:
            st.session_state["upload_seen"] = file.file_id
            data = file.getvalue()
            if len(data) > MAX_UPLOAD_BYTES:
                st.session_state["upload_problems"] = [f"{file.name}: the file is {len(data) / 1e6:.1f} MB; the limit is 5 MB."]
            else:
                key = cached.upload_key(data)
                try:
                    cached.uploaded_claims(key, file.name, data)
                except claims_lib.ClaimsError as err:
                    st.session_state["upload_problems"] = err.problems
                else:
                    st.session_state["upload"] = (file.name, data, key)
                    st.session_state["upload_problems"] = []
                    _forget_dataset_state()
        problems = st.session_state.get("upload_problems", [])
        for problem in problems[:50]:  # problems quote the file's own text: shown inert
            st.error(md_escape(problem), icon=":material/error:")
        if len(problems) > 50:
            st.error(f"... and {len(problems) - 50} more problems.", icon=":material/error:")
        if problems:
            st.caption("Nothing was changed: the data in use stays as it was.")
        if st.session_state.get("upload") and st.button("Reset to bundled data", key="upload_reset", icon=":material/restart_alt:"):
            for key in ("upload", "upload_problems", "upload_seen"):
                st.session_state.pop(key, None)
            st.session_state["upload_generation"] = generation + 1
            _forget_dataset_state()
            st.rerun()


def page_setup(title: str) -> Context:
    """Page config, the shared sidebar and the data in force; call first on every page."""
    st.set_page_config(page_title=f"{title} · Burnboard", page_icon=":material/local_fire_department:", layout="wide")
    sidebar = st.sidebar
    sidebar.markdown("### :material/local_fire_department: Burnboard")
    for path, label, icon in PAGES:
        sidebar.page_link(path, label=label, icon=icon)
    sidebar.divider()
    _upload_box()
    claims, dataset_key, dataset_label = _dataset()
    published = claims["source_published"].dropna()
    first = published.min().date() if not published.empty else dt.date(2000, 1, 1)
    last = max(published.max().date() if not published.empty else dt.date.today(), first)
    every = cached.prepared(dataset_key, claims, None, True)
    companies = dashboard.entities(every) or sorted(set(claims["entity"]))
    default_company = "OpenAI" if "OpenAI" in companies else companies[0]
    entity = sidebar.selectbox("Company", companies, key=url_state("company", default_company, parse_choice(companies)),
                               on_change=_forget_page_params)
    as_of = sidebar.date_input("Claims published by", min_value=first, max_value=last,
                               key=url_state("asof", last, parse_date(first, last)),
                               help="Only claims from articles published on or before this date are used.")
    include_undated = sidebar.checkbox("Include undated articles", key=url_state("undated", True, parse_bool),
                                       help="Three articles give no date (they were written in 2024); they cannot be placed in time.")
    publish(company=entity, asof=as_of, undated=int(include_undated))
    if st.session_state.get("upload"):
        sidebar.warning(f"Using {md_escape(dataset_label)} for this browser session only.", icon=":material/upload_file:")
    sidebar.download_button("Download the data (YAML)", lambda: claims_lib.to_yaml(claims), file_name="claims.yaml",
                            mime="application/x-yaml", icon=":material/download:", key="download_yaml", on_click="ignore",
                            help="Extend it and upload it again under 'Use your own data'.")
    articles = claims["source"].nunique()
    _deck_button(claims, entity, as_of, include_undated)
    sidebar.caption(
        f"{len(claims)} claim{'s' * (len(claims) != 1)} from {articles} article{'s' * (articles != 1)} ({md_escape(dataset_label)}). "
        "Every number links to the sentence it came from: see Sources."
    )
    prepared = cached.prepared(dataset_key, claims, as_of, include_undated)
    return Context(claims, prepared, dataset_key, entity, as_of, include_undated, dataset_label, first, last)


@st.cache_resource(show_spinner=False)
def _renderer_found() -> tuple[bool, str]:
    """Whether image downloads can be offered; Chromium itself starts on the first download."""
    return export.renderer_found()


RUNWAY_SLIDERS = {  # URL parameter: (runway setting, unit of the slider, lowest and highest slider value)
    "cash": ("cash_usd", 1e9, 0.0, 1e4), "revenue": ("monthly_revenue_usd", 1e6, 0.0, 1e6),
    "cost": ("monthly_cost_usd", 1e6, 0.0, 1e6), "rg": ("revenue_growth_yoy", 0.01, -90.0, 300.0),
    "cg": ("cost_growth_yoy", 0.01, -90.0, 300.0), "horizon": ("horizon_months", 1, 12, 120),
}


def _deck_button(claims: pd.DataFrame, entity: str, as_of: dt.date, include_undated: bool) -> None:
    """A .pptx of every chart for this company and as-of date, with the runway sliders' values when set."""
    available, reason = _renderer_found()
    if not available:
        st.sidebar.caption(f"Deck download unavailable: {md_escape(reason)}")
        return
    runway = {}
    for param, (name, scale, lowest, highest) in RUNWAY_SLIDERS.items():
        key = param if param == "horizon" else f"{param}@{entity}"
        try:  # the sliders are drawn after the sidebar: on a page's first run only the URL holds their values
            value = parse_number(lowest, highest)(str(st.session_state.get(key, st.query_params.get(param))))
        except (TypeError, ValueError):
            continue
        runway[name] = int(value) if param == "horizon" else value * scale
    known = tf.as_of(claims, as_of, include_undated)
    st.sidebar.download_button(
        "Download deck (.pptx)", lambda: export.deck_bytes(dashboard.build_charts(known, entity, runway), claims=known),
        file_name=f"burnboard-{re.sub(r'[^a-z0-9]+', '-', entity.lower()).strip('-')}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
        key="download_deck", on_click="ignore", help="Every chart as a 16:9 slide with its sources; the quotes are in the speaker notes.",
    )


def show_chart(chart: Chart, key: str) -> None:
    """A chart with its source line, downloads (PNG, SVG, CSV) and the data behind it."""
    st.plotly_chart(chart.figure, config=export.toolbar_config(chart), key=f"{key}_chart", width="stretch")
    st.caption(md_escape(chart.source_line))
    names = export.file_names(chart)
    available, reason = _renderer_found()
    columns = st.columns(4)
    if available:
        columns[0].download_button("PNG (slides)", lambda: export.png_bytes(chart), file_name=names["png"],
                                   mime="image/png", icon=":material/image:", key=f"{key}_png", on_click="ignore")
        columns[1].download_button("SVG (print)", lambda: export.svg_bytes(chart), file_name=names["svg"],
                                   mime="image/svg+xml", icon=":material/draw:", key=f"{key}_svg", on_click="ignore")
    else:
        columns[0].caption(f"Image downloads unavailable: {md_escape(reason)} The camera icon on the chart still saves a PNG.")
    columns[2].download_button("CSV (data drawn)", lambda: export.csv_bytes(chart), file_name=names["csv"], mime="text/csv",
                               icon=":material/table:", key=f"{key}_csv", on_click="ignore")
    with st.expander("Data and claims behind this chart"):
        st.dataframe(chart.data, hide_index=True, width="stretch")
        st.dataframe(chart.claims, hide_index=True, width="stretch")
    st.caption("To cite: name the article(s) above, not Burnboard; each claim id leads to its quote on the Sources page.")
