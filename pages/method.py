"""Method: how each number is made (docs/how-burnboard-computes.md) and the audit of the bundled data
(docs/audit.md), as the repository gives them, in the reader's language where docs/<language>/ translates them."""
import re
from pathlib import Path

import streamlit as st

import ui
from lib.i18n import _
from lib.locale_forms import spoken

DOCS = Path(__file__).resolve().parent.parent / "docs"


def draw(_ctx: ui.Context) -> None:
    st.title(_("Method: how each number is made"))
    st.caption(_("The repository's own documents, shown as they are: every rule names the function in lib/ that applies it, "
                 "and the pages, the downloads and the audit use the same functions."))


    def document(name: str) -> None:
        translated = DOCS / spoken() / name
        if translated.exists():
            st.caption(_("Translated from the English original in the repository's docs/ folder, which is the reference."))
        path = translated if translated.exists() else DOCS / name
        st.markdown(re.sub(r"^#", "##", path.read_text(encoding="utf-8"), flags=re.MULTILINE))  # under the page's title


    ui.lazy_tabs({_("How Burnboard computes"): lambda: document("how-burnboard-computes.md"),
                  _("The audit of the bundled data"): lambda: document("audit.md")}, key="method_view")


ui.run_page("Method", draw)
