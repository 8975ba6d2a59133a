"""The "Add an article" page's parts: the article in, the draft (lib.article_draft) kept in the session, the
source's fields, the candidate table with the loader's problems beside each row, the audit of the draft among the
data in force, and what can be done with it (use it in this session, download it, keep and share it).

The draft lives in st.session_state[DRAFT], a key no widget owns: every widget is seeded from it when its own key
is missing (a page switch drops widget keys) and written back into it after drawing, so reruns, page switches and
bad fields lose nothing.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import urllib.parse
from typing import NamedTuple

import pandas as pd
import streamlit as st

from lib import article_draft, bundle, claims as claims_lib, curate, store as store_lib
from lib.article_draft import Draft, Problems, Source
from lib.curate import language as language_lib, reading
from lib.i18n import _, ngettext
from lib.vocabulary import BASES, FINDING_KINDS, METRICS, PERS, QUALIFIERS, SOURCE_TYPES, UNITS
from ui import cached, data
from ui.blocks import md_escape, md_marks

DRAFT = "article_draft"  # session state: the Draft, owned by no widget
INPUT_PROBLEM = "article_input_problem"  # session state: why the last article offered could not be read
EDITOR = "article_candidates"  # the candidate table's widget key
COMPANIES = "article_companies"  # the widget naming companies the article is about (new ones allowed)
LANGUAGES = ("en", "ko", "fr")
FIELD = "article_source_{}"  # the source fields' widget keys


def current() -> Draft | None:
    """The draft of this session, if an article was read."""
    return st.session_state.get(DRAFT)


def article_input(draft: Draft | None) -> None:
    """Paste or upload an article and find its figures; while a draft exists this sits in a closed box, as reading
    another article starts a new draft (download the current one first)."""
    box = st.expander(_("Another article (starts a new draft: download this one first)"), icon=":material/note_add:") if draft \
        else st.container(border=True)
    with box:
        pasted = st.text_area(_("Paste the article's text"), key="article_paste", height=180,
                              placeholder=_("The article as plain text, Markdown or HTML (its scripts are never run)."))
        file = st.file_uploader(_("or upload it"), type=["txt", "md", "html", "htm"], key="article_upload",
                                help=_("Plain text, Markdown or HTML; HTML is read as its visible text and never shown as HTML."))
        if st.button(_("Find the figures"), key="article_find", type="primary", icon=":material/search:"):
            payload, name = (file.getvalue(), file.name) if file is not None else (pasted.encode("utf-8"), "pasted.txt")
            if begin(payload, name):
                st.rerun()
        problem = st.session_state.get(INPUT_PROBLEM)
        if problem:
            st.error(md_escape(problem), icon=":material/error:")


def begin(payload: bytes, name: str) -> bool:
    """Read an article (lib.curate.reading) and start a draft from the figures found in it; an unreadable one leaves
    its message and the current draft as it was."""
    try:
        text = reading.read(payload, name)
    except reading.Unreadable as err:
        st.session_state[INPUT_PROBLEM] = str(err)
        return False
    language = language_lib.detect(text)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]
    source = Source(file=article_draft.article_file(text), title=title, language=language)
    st.session_state[DRAFT] = Draft(text, name, source, article_draft.candidates(curate.figures(text, language)))
    st.session_state.pop(INPUT_PROBLEM, None)
    for key in [key for key in st.session_state if str(key).startswith(FIELD.format("")) or key in (EDITOR, COMPANIES)]:
        del st.session_state[key]
    return True


def _seeded(widget, key: str, value, *args, **kwargs):
    """A keyed widget that starts from the draft's value whenever its own key is missing."""
    if key not in st.session_state:
        st.session_state[key] = value
    return widget(*args, key=key, **kwargs)


def source_fields(draft: Draft) -> Source:
    """The source's fields, each seeded from the draft; the language is the one detected until changed."""
    source = draft.source
    left, right = st.columns(2)
    title = _seeded(left.text_input, FIELD.format("title"), source.title, _("Title"))
    publisher = _seeded(right.text_input, FIELD.format("publisher"), source.publisher, _("Publisher"),
                        placeholder=_("The outlet, company or blog that published it"))
    kind, language, published, written = st.columns(4)
    source_type = _seeded(kind.selectbox, FIELD.format("source_type"), source.source_type, _("Source type"),
                          list(SOURCE_TYPES), format_func=lambda name: _(SOURCE_TYPES[name].label))
    languages = LANGUAGES if source.language in LANGUAGES else (*LANGUAGES, source.language)
    chosen_language = _seeded(language.selectbox, FIELD.format("language"), source.language, _("Language"), languages,
                              help=_("Detected from the text; changing it finds the figures again in that language."))
    date = _seeded(published.date_input, FIELD.format("published"),
                   dt.date.fromisoformat(source.published) if source.published else None, _("Published"),
                   min_value=dt.date(1990, 1, 1), max_value=dt.date.today(), help=_("Leave empty for an undated article."))
    period = _seeded(written.text_input, FIELD.format("written"), source.written, _("Written (undated only)"),
                     placeholder=_("2024 or 2024-H2"), disabled=date is not None,
                     help=_("For an undated article: the period it was evidently written in."))
    url_column, id_column = st.columns([2, 1])
    url = _seeded(url_column.text_input, FIELD.format("url"), source.url, _("Address (url)"), placeholder="https://...")
    source_id = _seeded(id_column.text_input, FIELD.format("id"), source.id, _("Source id"),
                        placeholder=dataclasses.replace(source, id="").source_id(),
                        help=_("Leave empty for one made from the language, the year and the publisher."))
    note = _seeded(st.text_input, FIELD.format("note"), source.note, _("Note on the source"),
                   placeholder=_("How the date and publisher are known, what the article cites"))
    return dataclasses.replace(source, title=title, publisher=publisher, source_type=source_type, language=chosen_language,
                               published=date.isoformat() if date else "", written="" if date else period.strip(),
                               url=url.strip(), id=source_id.strip(), note=note)


def refound(draft: Draft, table: pd.DataFrame, language: str) -> pd.DataFrame:
    """The candidates found again in another language, the curator's fields kept for the same figures; the editor
    starts afresh on them."""
    st.session_state.pop(EDITOR, None)
    draft.shown = article_draft.carry_over(table, article_draft.candidates(curate.figures(draft.text, language)))
    return draft.shown


def pending(draft: Draft) -> pd.DataFrame:
    """The table with the edits the reader has made in the editor applied to the data it was given (validated
    before it is drawn again); an editor without state (a new draft, a page switch) is given the table as it is."""
    if draft.shown is None or EDITOR not in st.session_state:
        draft.shown = draft.table
    return article_draft.with_edits(draft.shown, st.session_state.get(EDITOR))


def marked_article(text: str, table: pd.DataFrame) -> str:
    """The article as inert markdown with every figure found highlighted in place (accepted ones in green)."""
    return md_marks(text, [(row.start, row.end, "green" if row.accept else "orange") for row in table.itertuples()])


def company_options(claims: pd.DataFrame) -> list[str]:
    """The companies the entity column offers: those in the data in force, and those the reader adds."""
    known = sorted(set(claims["entity"]))
    added = st.multiselect(_("Companies this article is about"), known, key=COMPANIES, accept_new_options=True,
                           placeholder=_("Pick or type a company name, then choose it in the table's Company column"),
                           help=_("The table's Company column offers the companies in the data and those added here."))
    return [*added, *[company for company in known if company not in added]]


def candidate_table(draft: Draft, problems: Problems, companies: list[str], scopes: list[str]) -> None:
    """The editable candidates: the data the editor holds its edits over (pending), each row's current problems
    beside it."""
    shown = draft.shown.assign(problems=[" · ".join(problems.rows.get(index, [])) for index in range(len(draft.shown))])
    st.data_editor(
        shown, key=EDITOR, hide_index=True, width="stretch", num_rows="fixed",
        column_order=["accept", "problems", "figure", "entity", "metric", "scope", "value", "unit", "per", "period", "basis",
                      "qualifier", "quote", "quote_en"],
        disabled=["figure", "problems"],
        column_config={
            "accept": st.column_config.CheckboxColumn(_("Use"), help=_("Make a claim of this figure."), pinned=True),
            "problems": st.column_config.TextColumn(_("Problems"), width="large", pinned=True,
                                                    help=_("What the loader says about this claim, by field.")),
            "figure": st.column_config.TextColumn(_("Figure"), help=_("The figure as the article writes it.")),
            "entity": st.column_config.SelectboxColumn(_("Company"), options=companies),
            "metric": st.column_config.SelectboxColumn(_("Metric"), options=list(METRICS), width="medium"),
            "scope": st.column_config.SelectboxColumn(_("Scope"), options=scopes,
                                                      help=_("company: the whole company; else the product the figure is about.")),
            "value": st.column_config.NumberColumn(_("Value"), format="compact",
                                                   help=_("In base units: $3.7 billion is 3700000000.")),
            "unit": st.column_config.SelectboxColumn(_("Unit"), options=list(UNITS)),
            "per": st.column_config.SelectboxColumn(_("Per"), options=["", *PERS],
                                                    help=_("For a rate: a day, a month or a year.")),
            "period": st.column_config.TextColumn(
                _("Period"), help=_("The period the figure is for: 2024, 2024-H2, 2024-Q3, 2024-10 or 2024-10-02.")),
            "basis": st.column_config.SelectboxColumn(_("Basis"), options=list(BASES),
                                                      help="; ".join(f"{b.name}: {_(b.meaning)}" for b in BASES.values())),
            "qualifier": st.column_config.SelectboxColumn(_("Qualifier"), options=list(QUALIFIERS)),
            "quote": st.column_config.TextColumn(_("Quote"), width="large",
                                                 help=_("Verbatim from the article (shorten it, never reword it).")),
            "quote_en": st.column_config.TextColumn(_("Quote in English"), width="large",
                                                    help=_("Your English translation (the quote itself for an English article).")),
        },
    )


class Base(NamedTuple):
    """The data a draft is added to: its cache key, its claims file, that file's name and the articles it carries."""

    key: str
    claims: bytes
    name: str
    articles: dict[str, str]


def base(draft: Draft) -> Base:
    """The data in force without the draft: the data it was used with while it is in use, else the upload's or the
    bundled claims (so a draft in use is not checked against its own claims)."""
    upload = st.session_state.get("upload")
    if upload and draft.used is not None and upload[2] == draft.used[0]:
        return draft.used[1]
    if upload:
        name, payload, key = upload
        held = bundle.read_bundle(payload, name)
        return Base(key, held.claims, name, held.articles)
    return Base(cached.BUNDLED, cached.BUNDLED_PATH.read_bytes(), "data/claims.yaml", {})


def checked(draft: Draft, draft_yaml: str) -> tuple[pd.DataFrame | None, list[str]]:
    """The data in force with the draft, validated by the loader's own rules (the draft's article given as text):
    the merged claims, or None and the problems."""
    under = base(draft)
    return cached.draft_validation(under.key, draft_yaml, under.claims, under.name,
                                   {**under.articles, draft.source.file: draft.text})


def in_use(draft: Draft) -> bool:
    """Whether the data in force is this draft's, as last used."""
    upload = st.session_state.get("upload")
    return bool(upload and draft.used is not None and upload[2] == draft.used[0])


def problems_shown(problems: Problems) -> None:
    """The source's problems and any that belong to no row (the rows' own are in the table)."""
    if problems.source:
        st.error(_("The source's fields:") + "\n" + "\n".join(f"- {md_escape(problem)}" for problem in problems.source),
                 icon=":material/error:")
    for problem in problems.other:
        st.error(md_escape(problem), icon=":material/error:")
    count = sum(len(found) for found in problems.rows.values())
    if count:
        st.warning(ngettext("{count} problem in the accepted rows: see the Problems column.",
                            "{count} problems in the accepted rows: see the Problems column.", count).format(count=count),
                   icon=":material/edit_note:")


def audit_shown(dataset_key: str, merged: pd.DataFrame, draft_yaml: str, ids: list[str], as_of: dt.date) -> None:
    """The audit of the draft among the data in force: the findings about the draft's claims (echoes, disagreements
    with claims already in the data), before anything is used."""
    findings = cached.draft_findings(dataset_key, draft_yaml, merged, tuple(ids), as_of)
    mine = findings[findings["claims"].map(lambda claims: bool(set(claims) & set(ids)))]
    if mine.empty:
        st.success(_("The audit finds nothing about these claims among the data in force."), icon=":material/check:")
    for finding in mine.itertuples():
        show = {"error": st.error, "warning": st.warning}.get(finding.severity, st.info)
        show(md_escape(f"{_(FINDING_KINDS[finding.kind].label)}: {finding.message}"), icon=":material/rule:")


def bundle_of_draft(draft: Draft, draft_yaml: str) -> bytes:
    """The download: the draft's source entry and claims (ready to append to data/claims.yaml) with its article."""
    return bundle.write_bundle(draft_yaml, {draft.source.file: draft.text})


def merged_bundle(draft: Draft, draft_yaml: str) -> bytes:
    """The data the draft is added to, with the draft's entries appended to its file (whose own text is kept, so a
    diff shows only the draft) and every article it carries, as one bundle."""
    under = base(draft)
    return bundle.write_bundle(claims_lib.appended(under.claims.decode("utf-8"), draft_yaml),
                               {**under.articles, draft.source.file: draft.text})


def use_in_session(draft: Draft, draft_yaml: str) -> None:
    """Put the data with the draft into force for this session (stamped as an upload on every page)."""
    under, payload = base(draft), merged_bundle(draft, draft_yaml)
    if data.offer(f"{draft.source.source_id()}.zip", payload):
        draft.used = (cached.upload_key(payload), under)
        st.rerun()
    st.error(md_escape(" ".join(data.problems())), icon=":material/error:")


def shared_store() -> store_lib.Store:
    """The store behind "Keep and share", at the configured path."""
    return cached.shared_store(str(store_lib.configured_path()))


def keep_and_share(draft: Draft, draft_yaml: str) -> None:
    """Keep the data with the draft in the shared store; the draft remembers its digest for the link and the button
    that forgets it."""
    try:
        draft.shared = shared_store().keep(merged_bundle(draft, draft_yaml))
    except store_lib.StoreError as err:
        st.error(md_escape(err), icon=":material/error:")


def shared_link(draft: Draft) -> None:
    """The link that reopens the kept draft, and the button that forgets it."""
    if not draft.shared:
        return
    address = urllib.parse.urlsplit(st.context.url or "")
    link = f"{address.scheme or 'http'}://{address.netloc or 'localhost:8501'}/?{data.SHARED_PARAM}={draft.shared}"
    st.caption(_("Anyone who opens this link on a server with the same database sees the data with your article:"))
    st.code(link, language=None)
    if st.button(_("Forget it"), key="article_forget", icon=":material/delete:",
                 help=_("Remove it from the store: the link stops working.")):
        shared_store().forget(draft.shared)
        draft.shared = ""
        st.rerun()
