"""How every page runs: the shared sidebar and data, then the page's own drawing, guarded.

An accepted upload that makes a page raise is a loader bug. The page is not left showing Streamlit's error box:
the upload is set aside (ui.data.set_aside, which names the claim that breaks it) and the page runs again on
the bundled data, under a notice with the error and the file to download.
"""
from __future__ import annotations

import functools
from typing import Callable

import streamlit as st

from lib.i18n import speaking
from ui import data
from ui.blocks import set_aside_notice
from ui.language import reader_language
from ui.sidebar import Context, page_setup


def run_page(title: str, draw: Callable[[Context], None]) -> None:
    """Set up the page (page_setup), then draw(ctx), in the reader's language. Streamlit's stop and rerun signals
    are BaseExceptions and pass through; an error on the bundled data is the app's own and is raised as it is."""
    with speaking(reader_language()):  # the notice of an upload set aside too
        try:
            ctx = page_setup(title)
            set_aside_notice()
            draw(ctx)
        except Exception as error:
            if not data.set_aside(error):
                raise
            st.rerun()


def fragment(draw: Callable[..., None]) -> Callable[..., None]:
    """draw as an st.fragment, guarded as run_page guards the page: a fragment's own reruns do not pass through
    run_page, so an upload that makes the fragment raise is set aside here, and the whole app runs again. It speaks
    the reader's language, as the page does."""
    @st.fragment
    @functools.wraps(draw)
    def guarded(*args, **kwargs) -> None:
        with speaking(reader_language()):
            try:
                draw(*args, **kwargs)
            except Exception as error:
                if not data.set_aside(error):
                    raise
                st.rerun(scope="app")
    return guarded
