"""Sources: every claim with its quote in the original language and in English, filterable, searchable and
downloadable, the audit's findings beside it; any quote opened in its stored article."""
import streamlit as st

import ui
from lib import claims as claims_lib, formatting, headline, sources as sources_lib, transforms, vocabulary
from lib.i18n import _, ngettext
from ui import cached


ROW_HEIGHT, HEADER_HEIGHT, ROWS_SHOWN = 100, 38, 10  # pixels; rows in view before the table scrolls


def draw(ctx: ui.Context) -> None:
    st.title(_("Sources and claims"))
    st.caption(_("Each row is one figure as an article gave it. Red rows have an audit error or warning (the Findings column "
                 "says why; see Checks); yellow rows belong to a group where sources disagree. The company filter starts on the "
                 "sidebar's company: clear it to see every claim."))

    claims = ctx.prepared[~ctx.prepared["derived"]]
    articles = claims_lib.sources_of(ctx.claims)
    undated = _("undated")
    sources = {s["id"]: f"{s['publisher']} ({s['published'] or undated})" for s in articles}
    filters = st.columns(5)
    picked = {
        name: ui.url_persist(column.multiselect, default=[ctx.entity] if name == "entities" and ctx.entity in options else [], parse=ui.subset(options), param=f"f_{name}")(
            label, options, format_func=fmt, key=f"f_{name}@{ctx.entity}" if name == "entities" else f"f_{name}")
        for column, (name, label, options, fmt) in zip(filters, [
            ("entities", _("Company"), sorted(set(claims["entity"])), str),
            ("metrics", _("Metric"), sorted(set(claims["metric"])), vocabulary.metric_label),
            ("sources", _("Article"), sorted(set(claims["source"])), lambda s: sources.get(s, s)),
            ("bases", _("Basis"), sorted(set(claims["basis"])), vocabulary.basis_label),
            ("languages", _("Language"), sorted(set(claims["source_language"])), str),
        ])
    }
    searched, flagged_only = st.columns([3, 1], vertical_alignment="bottom")
    text = ui.url_persist(searched.text_input, default="", param="q")(
        _("Search quotes, translations and notes"), key="search", placeholder=_("every word must appear, e.g. loss 2024"))
    only_flagged = ui.url_persist(flagged_only.toggle, default=False, parse=ui.flag, param="f_findings")(
        _("Only claims with findings"), key="f_findings")
    table = sources_lib.with_findings(sources_lib.search(headline.filter_claims(ctx.prepared, **picked), text), ctx.flagged,
                                      only_flagged)
    shown = sources_lib.readable(table)
    st.dataframe(  # rows tall enough for a quote to wrap onto four lines (Streamlit wraps text in rows over 4rem)
        shown.style.apply(sources_lib.row_styles, axis=None),
        hide_index=True, width="stretch", row_height=ROW_HEIGHT, height=HEADER_HEIGHT + ROW_HEIGHT * min(len(shown), ROWS_SHOWN),
        column_config={"id": st.column_config.TextColumn(_("Claim"), pinned=True, width="medium"),
                       "figure": st.column_config.TextColumn(_("Figure"), help=_("As the article gave it, with its qualifier.")),
                       "findings": st.column_config.TextColumn(
                           _("Findings"), width="large", help=_("Why the audit flags this claim (hover a cell for all of it).")),
                       "value": st.column_config.NumberColumn(_("Value"), format="compact"),
                       "source_published": st.column_config.DateColumn(_("Published")),
                       "quote": st.column_config.TextColumn(_("Quote (original)"), width="large"),
                       "quote_en": st.column_config.TextColumn(_("Quote (English)"), width="large"),
                       "metric": _("Metric"), "period": _("Period"), "basis": _("Basis"), "source_publisher": _("Article"),
                       "source_source_type": _("Source type"), "source_written": _("Written (undated)"),
                       "source_language": _("Language"), "inferred": _("Not stated in the article"),
                       "conflict_id": _("Disagreement"),
                       "includes": st.column_config.TextColumn(
                           _("Includes"), width="medium",
                           help=_("What a bundled figure stands for: one amount for several metrics."))},
    )
    ui.csv_download(_("Download these claims (CSV)"), table, file_name="burnboard-claims.csv", key="download_claims_csv")
    st.caption(_("{shown} of {total} claims shown.").format(shown=len(table), total=len(claims)))

    st.subheader(_("A quote in its article"))
    ids = list(table["id"])
    if st.session_state.get("claim") not in ids:  # a filter left it out
        st.session_state.pop("claim", None)
    claim_id = ui.url_persist(st.selectbox, default=None, parse=ui.choice(ids))(
        _("Open the quote of"), ids, key="claim", placeholder=_("Choose a claim from the table"))
    if claim_id:
        claim = claims.set_index("id").loc[claim_id]
        st.caption(ui.md_escape(_("{source} · {title} · file {file}").format(
            source=formatting.source_kind_label(claim), title=claim["source_title"], file=claim["source_file"])))
        try:
            article = sources_lib.read_article(claim["source_file"], given=ctx.articles)
        except sources_lib.ArticleUnavailable as err:
            st.info(ui.md_escape(err), icon=":material/draft:")
            st.markdown(ui.md_escape(claim["quote"]))
        else:
            found = sources_lib.locate(article.text, claim["quote"])
            if found is None:
                st.warning(_("The quote was not found in the stored article {file}: it reads {quote}").format(
                    file=ui.md_escape(article.file), quote=ui.md_escape(claim["quote"])), icon=":material/search_off:")
            else:
                st.container(border=True).markdown(ui.md_highlight(*found))
            uploaded = claim["source_file"] in ctx.articles
            kept = _("The whole article as uploaded") if uploaded else _("The whole article as stored")
            uncurated = [(f.start, f.end, "red") for f in cached.uncurated(ctx.dataset_key, ctx.claims, ctx.articles)
                         if f.source == claim["source"]]
            if uncurated:
                st.warning(ngettext("{count} figure in this article is carried by no claim and not dismissed: highlighted in red "
                                    "in the whole article; see Checks.",
                                    "{count} figures in this article are carried by no claim and not dismissed: highlighted in "
                                    "red in the whole article; see Checks.", len(uncurated)).format(count=len(uncurated)),
                           icon=":material/playlist_remove:")
            whole = st.expander(_("{article} (its HTML tags removed)").format(article=kept) if article.from_html else kept,
                                key="whole_article", on_change="rerun")
            if whole.open:  # sent only when asked for
                if uncurated:
                    whole.markdown(ui.md_marks(article.text, uncurated))
                else:
                    whole.code(article.text, language=None, wrap_lines=True)



    def comparisons() -> None:
        st.caption(_("Figures two or more articles give for the same entity, metric, scope and period: they disagree only when "
                     "their ranges, read from their qualifiers, do not overlap ({cap_note}). Point-in-time figures "
                     "(valuations) of different dates that the file acknowledges as both holding are 'different dates', with "
                     "the reason.").format(cap_note=vocabulary.cap_note()))
        compared = cached.comparisons(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated)
        st.dataframe(headline.readable_comparisons(compared), hide_index=True, width="stretch", column_config={
            **{column: _(label) for column, label in headline.COMPARISON_LABELS.items()},
            "low": st.column_config.NumberColumn(_("Low"), format="compact"),
            "high": st.column_config.NumberColumn(_("High"), format="compact")})


    def exchange_rates() -> None:
        st.caption(_("Won amounts are converted with the rate their own article implies where it gives the dollar figure too; "
                     "a figure no article converts, with the file's own rate nearest its period, then with a rate given for "
                     "the session. Each figure's conversion is named under 'Every figure' on the Overview."))
        st.dataframe(cached.implied_fx_rates(ctx.dataset_key, ctx.claims), hide_index=True, width="stretch")
        given = transforms.file_rates(ctx.claims)
        if not given.empty:
            st.dataframe(given, hide_index=True, width="stretch",
                         column_config={"per_usd": st.column_config.NumberColumn(_("Per USD")), "date": _("Date"),
                                        "source": _("Source"), "citation": _("Citation"), "currency": _("Currency")})


    across = st.expander(_("Across the articles: where they disagree, the articles, the exchange rates they imply"),
                         icon=":material/compare_arrows:", key="across_articles", on_change="rerun")
    if across.open:
        with across:
            ui.lazy_tabs({_("Where the sources disagree, and where they agree"): comparisons,
                          _("Articles"): lambda: st.dataframe(articles, hide_index=True, width="stretch"),
                          _("Exchange rates the articles imply"): exchange_rates}, key="sources_view")


ui.run_page("Sources", draw)
