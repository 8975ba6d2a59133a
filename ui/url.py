"""URL state: every widget that a copied link should reproduce is drawn through url_persist.

    scale = url_persist(st.radio, default="Log", parse=choice(["Log", "Linear"]))("Scale", ["Log", "Linear"], key="scale")

One call seeds the widget from the reader's setting, draws it and writes its value back into the URL, so no page
can forget the second half (after owid/etl's ``url_persist``).

The reader's settings are kept in session state under a key no widget owns, beside the page that last drew each
one, so they survive page switches. Streamlit gives a widget on each page an identity of its own (the page's script
is part of it), and it drops a widget's value in the first run that does not draw it. So on the first run of a new
page a sidebar widget is a new widget: its key still holds the previous page's value, about to be dropped, and the
new widget would start from its built-in default (an unticked box, the first company). Page links also drop the
URL's parameters, so the URL cannot restore the value either. Hence the widget is seeded from the kept setting
whenever its key is missing or was last drawn on another page; the URL is read only for a setting not yet kept (a
new session: a copied link or a reload).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Callable, NamedTuple
from urllib.parse import urlsplit

import streamlit as st
from streamlit import config

from lib.export.stamp import public_address, view_link
from lib.i18n import _

KEPT = "reader_settings"  # session state: widget key -> Kept
PAGE = "reader_page"  # session state: the title of the page being drawn


class Kept(NamedTuple):
    """One reader's setting: its value as URL text, its URL parameter (None: not in the URL) and the page that last
    drew its widget."""

    text: str
    param: str | None
    page: str | None


ONE_ENTRY_PER_PAGE = (  # the script, and a style that takes its empty element out of the page's layout
    "<style>.stElementContainer:has(> .stHtml > #one-entry-per-page) { display: none; }</style>"
    f'<script id="one-entry-per-page">{(Path(__file__).parent / "one_entry_per_page.js").read_text()}</script>'
)


def on_page(title: str) -> None:
    """Say which page this run draws; page_setup calls it first on every page."""
    st.session_state[PAGE] = title


def one_history_entry_per_page() -> None:
    """Keep the browser's history to one entry per page (ui/one_entry_per_page.js), so Back goes to the previous
    page; page_setup calls it first on every page, before any setting is written to the URL."""
    st.html(ONE_ENTRY_PER_PAGE, unsafe_allow_javascript=True)


def _kept() -> dict[str, Kept]:
    return st.session_state.setdefault(KEPT, {})


def kept_text(key: str, param: str | None) -> str | None:
    """The reader's setting of a widget, as URL text: kept in this session, else the URL parameter `param`."""
    kept = _kept().get(key)
    if kept is not None:
        return kept.text
    return None if param is None else st.query_params.get(param)


def _seed(key: str, value: Callable[[], Any]) -> None:
    """Give a widget about to be drawn the reader's setting when its key holds nothing of this page's widget."""
    if not settled(key):
        st.session_state[key] = value()


def settled(key: str) -> bool:
    """Whether a widget's key holds the reader's setting for this page already, so that drawing the widget will
    not seed it anew (see _seed): its value can be read before it is drawn."""
    kept = _kept().get(key)
    return key in st.session_state and (kept is None or kept.page == st.session_state.get(PAGE))


def _keep(key: str, param: str | None, value: Any) -> None:
    _kept()[key] = Kept(_text(value), param, st.session_state.get(PAGE))


def forget(keep: tuple[str, ...]) -> None:
    """Drop every URL-backed setting but those whose parameter is in `keep`: from the URL, the kept settings and
    the widgets, so the widgets of the page on screen start again from their defaults too (open tabs stay open)."""
    for param in [param for param in st.query_params if param not in keep]:
        del st.query_params[param]
    kept = _kept()
    for key in [key for key, setting in kept.items() if setting.param is not None and setting.param not in keep]:
        del kept[key]
        st.session_state.pop(key, None)


def url_persist(widget: Callable[..., Any], *, default: Any, parse: Callable[[str], Any] = str,
                param: str | None = None) -> Callable[..., Any]:
    """Wrap a keyed Streamlit widget so its value is the reader's setting, kept across pages and in the URL
    parameter `param` (default: the key).

    A missing or invalid value (parse raises TypeError or ValueError) gives `default`; a kept value is parsed again
    on the runs that seed the widget, so it is checked against the options of the moment. The wrapped call takes
    the widget's own arguments, `key` included, and returns the widget's value.
    """
    def draw(*args: Any, key: str, **kwargs: Any) -> Any:
        name = param or key
        _seed(key, lambda: _setting(key, name, parse, default, args[0] if args else kwargs.get("label", key),
                                    kwargs.get("format")))
        value = widget(*args, key=key, **kwargs)
        _keep(key, name, value)
        _publish(name, value)
        return value
    return draw


def remembered_tab(key: str, labels: list[str]) -> Callable[[str], None]:
    """Seed keyed tabs with the tab the reader last opened on this page (the first otherwise); returns the call that
    keeps the tab open after drawing."""
    _seed(key, lambda: _setting(key, None, choice(labels), labels[0], key, None))
    return lambda label: _keep(key, None, label)


def _setting(key: str, param: str | None, parse: Callable[[str], Any], default: Any, label: str, printf: str | None) -> Any:
    """The reader's setting for a widget about to be seeded: kept, else from the URL, else the default (and the
    default for a value parse refuses). A link's value the page cannot use is not dropped in silence: a toast
    names it and what the widget starts from instead."""
    from ui.blocks import md_escape  # ui.blocks imports this module

    raw = kept_text(key, param)
    if raw is None:
        return default
    try:
        return parse(raw)
    except (TypeError, ValueError):
        if key not in _kept():  # the link's value, not one the reader set in this session
            st.toast(_("This link gives “{setting}” the value “{value}”, which this page does not offer: "
                       "it starts from {default}.").format(setting=md_escape(label), value=md_escape(raw),
                                                           default=md_escape(_shown(default, printf))),
                     icon=":material/link_off:", duration="long")
        return default


def _shown(value: Any, printf: str | None) -> str:
    """A widget's value as the widget shows it: a number in the slider's own printf format ($6.6B), else its URL
    text; 'nothing' for none."""
    if printf and isinstance(value, (int, float)) and not isinstance(value, bool):
        return printf % value
    return _text(value) or _("nothing")


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


def _explicit(option: str) -> Any:
    """A Streamlit option's value when the configuration sets it, else None (its default guesses the address)."""
    return config.get_option(option) if config.is_manually_set(option) else None


def link(**overrides: str) -> str:
    """This view's link with its URL parameters (overrides replace or add some), for the downloads' stamp: on the
    configured public address (lib.export.stamp.public_address), else the path on the server serving it."""
    path = urlsplit(st.context.url or "").path or "/"
    base = config.get_option("server.baseUrlPath") or ""
    public = public_address(os.environ, _explicit("browser.serverAddress") or "", _explicit("browser.serverPort"), base)
    prefix = "/" + base.strip("/")  # the public address holds it already
    if public and prefix != "/" and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix):] or "/"
    return view_link(public + path, {**st.query_params.to_dict(), **overrides})
