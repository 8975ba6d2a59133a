"""AppTests of the Add an article page: an article in, its figures as candidates, a row's problems beside it, the
draft used in the session, kept and shared by a link, and never lost."""
from __future__ import annotations

import datetime as dt
import difflib
import re

import pytest
from streamlit.delta_generator import DeltaGenerator

from lib import store
from lib.bundle import read_bundle
from tests.conftest import CLAIMS_PATH
from tests.test_pages import page

ARTICLE = "OpenAI lost $5 billion in 2024, Reuters reported. Its revenue reached $3.7 billion in 2024."
EDITOR = "article_candidates"
LOSS = {"accept": True, "entity": "OpenAI", "metric": "net_loss", "per": "year", "period": "2024", "basis": "reported",
        "quote_en": "OpenAI lost $5 billion in 2024, Reuters reported."}
REVENUE = {"accept": True, "entity": "OpenAI", "metric": "revenue", "per": "year", "period": "2024", "basis": "reported",
           "quote_en": "Its revenue reached $3.7 billion in 2024."}


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    """Each test keeps its bundles in a database of its own."""
    monkeypatch.setenv("BURNBOARD_STORE", str(tmp_path / "store.sqlite3"))


def pasted(text: str = ARTICLE):
    at = page("add_article")
    at.text_area(key="article_paste").set_value(text)
    return at.button(key="article_find").click().run()


def edit(at, rows: dict):
    """Edit cells of the candidate table as a reader does ({row: {column: value}}) and rerun."""
    at.session_state[EDITOR] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def described(at):
    """The source's fields a reader fills in for the Reuters article."""
    at.text_input(key="article_source_publisher").set_value("Reuters")
    at.text_input(key="article_source_note").set_value("Test article.")
    return at.date_input(key="article_source_published").set_value(dt.date(2025, 1, 10)).run()


def checked(at):
    """Run the audit of the accepted claims among the data in force, as the page asks before they are used."""
    return at.button(key="article_audit").click().run()


def column(at, name: str) -> list:
    return list(at.data_editor(key=EDITOR).value[name])


def test_the_page_asks_for_an_article():
    at = page("add_article")
    assert not at.exception
    assert at.title[0].value == "Add an article"
    assert [b.label for b in at.button] == ["Find the figures"]


def test_pasting_an_article_lists_its_figures_and_highlights_them_in_place():
    at = pasted()
    assert not at.exception
    assert column(at, "figure") == ["$5 billion", "$3.7 billion"]
    assert column(at, "value") == [5e9, 3.7e9]
    assert column(at, "quote") == ["OpenAI lost $5 billion in 2024, Reuters reported.", "Its revenue reached $3.7 billion in 2024."]
    assert column(at, "accept") == [False, False]
    assert ("OpenAI lost :orange-background[**\\$5 billion**] in 2024, Reuters reported\\. Its revenue reached "
            ":orange-background[**\\$3\\.7 billion**] in 2024\\.") in [m.value for m in at.markdown]


@pytest.mark.parametrize("name, payload", [
    ("pasted", b""),
    ("pasted", b"   \n\t "),
    ("pasted", b"OpenAI lost $5 billion. " * 450_000),  # a 10 MB paste
    ("blob.txt", bytes(range(256)) * 40),  # binary
])
def test_bad_input_gets_a_message_and_no_draft(name, payload):
    at = page("add_article")
    if name == "pasted":
        at.text_area(key="article_paste").set_value(payload.decode("utf-8"))
    else:
        at.file_uploader(key="article_upload").set_value((name, payload, "text/plain"))
    at.button(key="article_find").click().run()
    assert not at.exception
    assert len(at.error) == 1 and at.error[0].value
    assert "article_draft" not in at.session_state


def test_an_html_article_is_read_as_its_text_and_its_scripts_never_reach_the_page():
    html = (b"<html><head><script>window.pwned = 1</script></head><body><article><h1>OpenAI's year</h1>"
            b"<p>OpenAI lost $5 billion in 2024, Reuters reported, after a year of heavy spending on servers.</p>"
            b"<p onclick=\"window.pwned = 2\">Its revenue reached $3.7 billion in 2024.</p></article></body></html>")
    at = page("add_article")
    at.file_uploader(key="article_upload").set_value(("story.html", html, "text/html"))
    at.button(key="article_find").click().run()
    assert not at.exception
    text = at.session_state["article_draft"].text
    assert "OpenAI lost $5 billion in 2024" in text
    assert "pwned" not in text and "<" not in text
    assert not [m.value for m in at.markdown if "pwned" in m.value or "<script" in m.value]


def test_a_rows_problems_are_shown_beside_it_until_fixed():
    at = described(pasted())
    edit(at, {0: {"accept": True, "entity": "OpenAI", "metric": "net_loss"}})
    assert column(at, "problems") == [
        "period: missing · basis: missing · per: missing (a net_loss is a rate: day, month or year) · quote_en: must not be empty",
        "",
    ]
    assert [w.value for w in at.warning] == ["4 problems in the accepted rows: see the Problems column."]
    assert at.button(key="article_use").disabled
    edit(at, {0: LOSS})
    assert column(at, "problems") == ["", ""]
    assert not at.error
    assert at.button(key="article_use").disabled  # not before the audit has run on these claims
    checked(at)
    assert not at.button(key="article_use").disabled


def test_the_source_fields_are_checked_too():
    at = pasted()
    edit(at, {0: LOSS})
    assert [e.value for e in at.error] == ["The source's fields:\n"
                                           "- written\\: missing \\(an undated source needs the period it was written in, e\\.g\\. 2024 or 2024\\-H2\\)\n"
                                           "- publisher\\: must not be empty\n"
                                           "- note\\: must not be empty"]
    described(at)
    assert not at.error


def test_use_in_session_puts_the_draft_on_every_page_and_keeps_it():
    at = described(pasted())
    edit(at, {0: LOSS, 1: REVENUE})
    checked(at)
    at.button(key="article_use").click().run()
    assert not at.exception
    assert [w.value for w in at.sidebar.warning] == ["Using uploaded file en\\-2025\\-reuters\\.zip for this browser session only."]
    assert ":material/check_circle: In use in this session." in [c.value for c in at.caption]
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    ids = list(at.dataframe[0].value["id"])
    assert {"en-2025-reuters-1", "en-2025-reuters-2"} <= set(ids)
    at.switch_page("pages/add_article.py").run()
    assert column(at, "accept") == [True, True]
    assert column(at, "problems") == ["", ""]  # checked against the data it was added to, not against itself


def test_the_data_used_is_the_file_it_was_added_to_with_only_the_draft_added(monkeypatch):
    offered = []
    monkeypatch.setattr(DeltaGenerator, "download_button", lambda self, label, data, *a, **kw: offered.append((label, data)))
    at = described(pasted())
    edit(at, {0: LOSS})
    checked(at)
    at.button(key="article_use").click().run()
    offered.clear()
    at.run()
    [data] = [data for label, data in offered if label == "Download the data (zip)"]  # the sidebar's, of the data in force
    written = read_bundle(data, "en-2025-reuters.zip").claims.decode("utf-8").splitlines(keepends=True)
    base = CLAIMS_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
    added = [(tag, "".join(written[j1:j2])) for tag, i1, i2, j1, j2 in
             difflib.SequenceMatcher(None, base, written, autojunk=False).get_opcodes() if tag != "equal"]
    assert [tag for tag, _ in added] == ["insert", "insert"]
    assert added[0][1].startswith("  - id: en-2025-reuters\n") and "    publisher: Reuters\n" in added[0][1]
    assert added[1][1].startswith("  - id: en-2025-reuters-1\n") and "    metric: net_loss\n" in added[1][1]


def test_the_draft_survives_a_bad_field_and_a_page_switch():
    at = described(pasted())
    edit(at, {0: {**LOSS, "per": "fortnight", "quote_en": "Half typed"}})
    assert column(at, "problems")[0] == "per: unknown per 'fortnight'; allowed: day, month, year"
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/add_article.py").run()
    assert not at.exception
    assert column(at, "quote_en") == ["Half typed", ""]
    assert at.text_input(key="article_source_publisher").value == "Reuters"
    assert column(at, "problems")[0] == "per: unknown per 'fortnight'; allowed: day, month, year"


def test_keep_and_share_gives_a_link_that_reopens_it_until_forgotten():
    at = described(pasted())
    edit(at, {0: LOSS})
    checked(at)
    at.button(key="article_keep").click().run()
    assert not at.exception
    link = at.code[0].value
    digest = re.fullmatch(r"http://[^/]+/\?data=([0-9a-f]{64})", link).group(1)

    reopened = page("overview", data=digest)
    assert not reopened.exception
    assert [w.value for w in reopened.sidebar.warning] == [f"Using uploaded file shared\\-{digest[:12]}\\.zip for this browser session only."]
    assert reopened.query_params["data"] == digest

    at.button(key="article_forget").click().run()
    assert not at.code
    gone = page("overview", data=digest)
    assert [e.value for e in gone.sidebar.error] == [
        f"The link's data \\({digest[:12]}\\.\\.\\.\\) is not kept on this server\\: it was forgotten, is older than the store "
        "keeps anything, or was kept on another server\\."]
    assert not gone.sidebar.warning


def test_nothing_is_kept_unless_asked():
    at = described(pasted())
    edit(at, {0: LOSS})
    checked(at)
    at.button(key="article_use").click().run()
    assert not store.configured_path().exists()


def test_the_audit_shows_a_disagreement_with_the_claims_already_there_before_use():
    at = described(pasted("OpenAI lost $50 billion in 2024, Reuters reported."))
    edit(at, {0: {**LOSS, "quote_en": "OpenAI lost $50 billion in 2024, Reuters reported.", "qualifier": "exact"}})
    assert not at.warning  # nothing is audited before it is asked for
    checked(at)
    said = [w.value for w in at.warning]
    assert len(said) == 1
    assert said[0].startswith("Sources disagree\\: OpenAI net loss, 2024\\: ")
    assert "en\\-2025\\-reuters\\-1 \\$50\\.0B" in said[0]
    edit(at, {0: {**LOSS, "quote_en": "OpenAI lost $50 billion in 2024 (Reuters).", "qualifier": "exact"}})
    assert at.button(key="article_use").disabled  # an edited draft is audited again before use
