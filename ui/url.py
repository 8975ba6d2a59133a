"""URL state: every widget that a copied link should reproduce is drawn through url_persist.

    scale = url_persist(st.radio, default="Log", parse=choice(["Log", "Linear"]))("Scale", ["Log", "Linear"], key="scale")

One call seeds the widget's state from the URL parameter (once per session), draws the widget and writes its
value back into the URL, so no page can forget the second half (after owid/etl's ``url_persist``).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import streamlit as st

from lib.export.stamp import view_link


def url_persist(widget: Callable[..., Any], *, default: Any, parse: Callable[[str], Any] = str,
                param: str | None = None) -> Callable[..., Any]:
    """Wrap a keyed Streamlit widget so its value lives in the URL parameter `param` (default: the key).

    A missing or invalid URL value (parse raises TypeError or ValueError) gives `default`. The wrapped call
    takes the widget's own arguments, `key` included, and returns the widget's value.
    """
    def draw(*args: Any, key: str, **kwargs: Any) -> Any:
        name = param or key
        if key not in st.session_state:
            raw = st.query_params.get(name)
            try:
                st.session_state[key] = default if raw is None else parse(raw)
            except (TypeError, ValueError):
                st.session_state[key] = default
        value = widget(*args, key=key, **kwargs)
        _publish(name, value)
        return value
    return draw


def url_state(key: str, *, param: str, default: Any, parse: Callable[[str], Any],
              text: Callable[[Any], str]) -> tuple[Any, str]:
    """State that no single widget holds (a list of raises, saved scenarios), kept in st.session_state[key] and in
    the URL parameter `param`: seeded from the URL once per session, written back (as `text` gives it) on every run.
    Returns the value and, on the run that seeded it from a URL value that `parse` refused (ValueError), why."""
    problem = ""
    if key not in st.session_state:
        raw = st.query_params.get(param)
        try:
            st.session_state[key] = default if raw is None else parse(raw)
        except ValueError as err:
            st.session_state[key], problem = default, str(err)
    _publish(param, text(st.session_state[key]))
    return st.session_state[key], problem


def _text(value: Any) -> str:
    """A widget value as URL text: dates in ISO 8601, lists comma-separated, booleans 1 or 0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return str(value)


def _publish(param: str, value: Any) -> None:
    """Write one value into the URL; an empty one removes the parameter."""
    text = _text(value)
    if not text:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != text:
        st.query_params[param] = text


def choice(options: list[str]) -> Callable[[str], str]:
    """A URL value that must be one of options."""
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(raw)
        return raw
    return parse


def subset(options: list[str]) -> Callable[[str], list[str]]:
    """A comma-separated URL value, keeping only known options."""
    return lambda raw: [value for value in raw.split(",") if value in options]


def date_between(lo: dt.date, hi: dt.date) -> Callable[[str], dt.date]:
    """An ISO date from the URL, clamped to [lo, hi]."""
    def parse(raw: str) -> dt.date:
        return min(max(dt.date.fromisoformat(raw), lo), hi)
    return parse


def flag(raw: str) -> bool:
    """A boolean URL value: 1, true or yes."""
    return raw.lower() in ("1", "true", "yes")


def link(**overrides: str) -> str:
    """This view's address with its URL parameters (overrides replace or add some), for the downloads' stamp."""
    return view_link(st.context.url or "", {**st.query_params.to_dict(), **overrides})
