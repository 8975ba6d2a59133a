"""Add an article: paste or upload one, pick the figures the finder highlights, fill in what only a person can judge,
see the loader's and the audit's verdict at once, then use the draft in this session, download it or keep and
share it. The draft stays in the session whatever is typed (ui.article)."""
import streamlit as st

import ui
from lib import article_draft
from lib.i18n import _, ngettext
from lib.vocabulary import COMPANY
from ui import article


def draw(ctx: ui.Context) -> None:
    st.title(_("Add an article"))
    st.caption(_("Paste an article in English, Korean or French, or upload it. Every figure in it is found and offered as a "
                 "claim: tick the ones to keep, choose the company, metric, period and basis, and type the English quote. "
                 "The loader's own rules check each row as you type; nothing is used until you say so."))
    article.article_input(article.current())
    draft = article.current()
    if draft is None:
        return

    st.subheader(_("The source"))
    source = article.source_fields(draft)
    article.shared_store()  # opened before the fragment: a cache_resource first called inside one can drop a widget
    candidates(ctx, draft, source)


@ui.fragment
def candidates(ctx: ui.Context, draft: article_draft.Draft, source: article_draft.Source) -> None:
    """The source's problems, the marked article, the candidate table, the audit and the buttons: an edit in the
    table reruns only this part of the page, which is all an edit changes."""
    table = article.pending(draft)
    if source.language != draft.source.language:
        table = article.refound(draft, table, source.language)
    draft.source, draft.table = source, table
    draft_yaml, layout = article_draft.to_yaml(source, table)
    merged, found = article.checked(draft, draft_yaml)
    problems = article_draft.sorted_out(found, layout)
    article.problems_shown(problems)

    st.subheader(ngettext("The article: {count} figure found", "The article: {count} figures found", len(table)).format(
        count=len(table)))
    st.container(border=True, height=320 if len(draft.text) > 1500 else "content").markdown(article.marked_article(draft.text, table))

    st.subheader(_("Candidate claims"))
    companies = article.company_options(ctx.claims)
    scopes = sorted({COMPANY, *ctx.claims["scope"].dropna()})
    article.candidate_table(draft, problems, companies, scopes)
    accepted = int(draft.table["accept"].sum())
    ids = [article_draft.claim_id(source.source_id(), index) for index in draft.table.index[draft.table["accept"]]]

    st.subheader(_("Against the data in force"))
    checkable = merged is not None and accepted > 0
    if checkable and st.button(_("Check against the data in force"), key="article_audit", icon=":material/rule:",
                               disabled=draft.audited == draft_yaml,
                               help=_("Run the audit on these claims among the data in force.")):
        draft.audited = draft_yaml
    ready = checkable and draft.audited == draft_yaml
    if ready:
        article.audit_shown(article.base(draft).key, merged, draft_yaml, ids, ctx.as_of)
    else:
        st.caption(_("Once the accepted claims pass the loader's checks, check them against the data in force: echoes and "
                     "disagreements with the claims already there are shown before anything is used."))
    use, download, keep = st.columns(3)
    if use.button(_("Use in this session"), key="article_use", type="primary", disabled=not ready, icon=":material/play_arrow:",
                  help=_("Every page then shows the data with these claims, marked as uploaded.")):
        article.use_in_session(draft, draft_yaml)
    if article.in_use(draft):
        use.caption(":material/check_circle: " + _("In use in this session."))
    download.download_button(_("Download (zip)"), lambda: article.bundle_of_draft(draft, draft_yaml),
                             file_name=f"{source.source_id()}.zip", mime="application/zip", key="article_download",
                             on_click="ignore", icon=":material/download:",
                             help=_("claims.yaml (the source entry and the claims, to append to data/claims.yaml) and "
                                    "sources/ (the article's text for data/sources/); at any moment, finished or not."))
    if keep.button(_("Keep and share"), key="article_keep", disabled=not ready, icon=":material/share:",
                   help=_("Keep the data with these claims on this server and get a link that opens it.")):
        article.keep_and_share(draft, draft_yaml)
    with keep:
        article.shared_link(draft)


ui.run_page("Add an article", draw)
