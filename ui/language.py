"""The reader's interface language: from the sidebar's picker, kept across pages and in the URL (`lang=ko`), so a
shared link opens in it; the browser's language when nothing says otherwise, else English.

Every page run and every fragment run speaks it (lib.i18n.speaking), from its first line: the page title is a message.
"""
from __future__ import annotations

import streamlit as st

from lib.i18n import LANGUAGES, _
from ui.url import choice, kept_text, url_persist

KEY = PARAM = "lang"


def browser_language() -> str:
    """The browser's language where the interface has it (navigator.language 'ko-KR' gives Korean), else English."""
    code = (st.context.locale or "").split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def reader_language() -> str:
    """The language this run speaks: the picker's value (set before the run when the reader just picked), else the
    reader's kept setting or the link's, else the browser's."""
    for given in (st.session_state.get(KEY), kept_text(KEY, PARAM)):
        if given in LANGUAGES:
            return given
    return browser_language()


def picker() -> None:
    """The sidebar's language picker, each language in its own name."""
    url_persist(st.sidebar.selectbox, default=browser_language(), parse=choice(list(LANGUAGES)))(
        f":material/translate: {_('Language')}", list(LANGUAGES), key=KEY, format_func=LANGUAGES.get)
