"""Overview: the headline figures for one company, each with the claim behind it, and what changed."""

import streamlit as st

import ui
from lib import formatting, headline, peers, second_opinion, vocabulary
from lib.i18n import _
from lib.locale_forms import day
from lib.textsize import text_px
from ui import cached

CARD_PX = 250  # a headline card: wide enough for its longest value ('15.8 months') and label at Streamlit's metric size
METRIC_PX = 36  # the type of a metric's value; a longer value (6억 6,700만 달러) widens the cards


def draw(ctx: ui.Context) -> None:
    st.title(_("{company} at a glance").format(company=ctx.entity))
    st.caption(_("Headline figures from claims published by {date}. Hover a figure for its quote; "
                 "the basis says how sure the source was.").format(date=day(ctx.as_of)))

    ui.missing_rates(ctx)
    figures = cached.headline_figures(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
    if ctx.peer_only:
        st.info(ui.md_escape(second_opinion.peer_only_note(ctx.entity)), icon=":material/group:")
    elif figures.empty:
        st.info(_("The claims in force give no valuation, loss, revenue or burn in dollars for {company}: "
                  "its other figures are under 'Every figure'.").format(company=ui.md_escape(ctx.entity)), icon=":material/info:")
    cards = st.container(horizontal=True, wrap=True, gap="medium")  # as many a row as the window holds, none cut off
    width = max([CARD_PX, *(round(text_px(display, METRIC_PX)) + 40 for display in figures["display"])])
    for _row, figure in figures.iterrows():
        column = cards.container(width=width)
        column.metric(figure["label"], figure["display"], border=True,
                      help="\n\n".join(ui.md_escape(text) for _language, text in
                                     formatting.quotes_in_order(figure["quote"], figure["quote_en"], figure["language"])))
        column.caption(ui.md_escape(" · ".join(part for part in (
            vocabulary.basis_label(figure["basis"]), "" if figure["scope"] == "company" else _("scope: {scope}").format(scope=figure["scope"]),
            figure["source"], _("claim {claim_id}").format(claim_id=figure["claim_id"]), figure["explanation"]) if part)))
        if figure["warning"]:
            column.warning(ui.md_escape(figure["warning"]), icon=":material/history:")
    if not ctx.peer_only and not figures.empty and "runway" not in set(figures["key"]):
        st.caption(ui.md_escape(cached.runway_problem(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)))


    def overview_chart(key: str, missing: str) -> None:
        chart = cached.overview_charts(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)[key]
        if chart is None:
            st.caption(missing)
        else:
            ui.show_chart(chart, key)


    def what_changed() -> None:
        since = ui.url_persist(st.date_input, default=ctx.first_published, parse=ui.date_between(ctx.first_published, ctx.as_of))(
            _("Compare with what was known on"), min_value=ctx.first_published, max_value=ctx.as_of, key="since")
        changes = cached.changes_since(ctx.dataset_key, ctx.claims, ctx.entity, since, ctx.as_of, ctx.include_undated)
        st.caption(_("A figure is compared only with the same figure for the same period and scope; one whose period moved on "
                     "is a new figure, and one whose inputs changed kind (another year or metric) is not comparable."))
        known_on = _("Known on {date}")
        st.dataframe(changes.drop(columns=["key", "change"]), hide_index=True, width="stretch",
                     column_config={"label": _("Figure"), "then": known_on.format(date=day(since)),
                                    "now": known_on.format(date=day(ctx.as_of)), "status": _("Compared")})


    def disagreements() -> None:
        st.caption(_("Figures two or more articles give for the same period and scope. They disagree only when their ranges, "
                     "read from their qualifiers, do not overlap; {cap_note}. Point-in-time figures (valuations) "
                     "of different dates that the file acknowledges as both holding are compared at their dates: 'different "
                     "dates', with the reason.").format(cap_note=vocabulary.cap_note()))
        compared = cached.comparisons(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
        if compared.empty:
            st.caption(_("No figure is given by more than one article among the claims in force for this company."))
            return
        overview_chart("disagreements", "")
        st.dataframe(headline.readable_comparisons(compared).drop(columns=["conflict_id", "entity"]), hide_index=True,
                     width="stretch", column_config={
                         **{column: _(label) for column, label in headline.COMPARISON_LABELS.items()},
                         "low": st.column_config.NumberColumn(_("Low (USD)"), format="dollar"),
                         "high": st.column_config.NumberColumn(_("High (USD)"), format="dollar")})


    def every_figure() -> None:
        st.caption(_("One row per metric and period, chosen by the headline rule; the Sources page lists every claim."))
        st.dataframe(cached.figures_table(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity),
                     hide_index=True, width="stretch",
                     column_config={"includes": st.column_config.TextColumn(_("Includes"), width="medium", help=_(
                         "What a bundled figure stands for: one amount for several metrics."))})


    def second_opinion_of_epoch(epoch_rows) -> None:
        st.caption(ui.md_escape(_("The newest figure of each kind in Epoch AI's data reported by {date}. {citation}").format(
            date=day(ctx.as_of), citation=peers.FULL_CITATION)))
        st.dataframe(second_opinion.latest_figures(epoch_rows), hide_index=True, width="stretch",
                     column_config={"figure": _("Figure"), "period": _("Period"), "value": _("Value"),
                                    "confidence": _("Confidence"), "status": _("Status"), "epoch_id": _("Epoch row"),
                                    "source": st.column_config.LinkColumn(_("Source"))})
        if ctx.peer_only:
            return
        compared = cached.epoch_comparisons(ctx.dataset_key, ctx.prepared, ctx.peers, ctx.as_of, ctx.include_undated, ctx.entity)
        st.markdown(ui.md_escape(second_opinion.summary(compared)))
        st.caption(ui.md_escape(second_opinion.comparison_rule()))
        if not compared.empty:
            shown = second_opinion.in_words(compared).drop(columns=["ours_low", "ours_high", "epoch_low", "epoch_high"])
            st.dataframe(shown, hide_index=True, width="stretch",
                         column_config={"metric": _("Figure"), "period": _("Period"), "claim_id": _("Claim"),
                                        "ours": _("Articles"), "epoch_id": _("Epoch row"), "epoch_period": _("Epoch date"),
                                        "epoch": _("Epoch AI"), "confidence": _("Confidence"), "epoch_status": _("Status"),
                                        "verdict": _("Verdict")})


    sections = {}
    if not ctx.peer_only:
        sections[_("Year by year")] = lambda: overview_chart(
            "by_year", _("No yearly revenue, cost or loss for this company in the claims in force."))
        sections[_("Burn per day and month")] = lambda: overview_chart(
            "burn_rate", _("No loss or burn figure for this company in the claims in force."))
        if not figures.empty:
            sections[_("What changed since")] = what_changed
        sections[_("Where the sources disagree")] = disagreements
        sections[_("Every figure")] = every_figure
    epoch_rows = cached.epoch_rows(ctx.as_of, ctx.include_undated, ctx.entity)
    if not epoch_rows.empty:
        sections[_("Second opinion: Epoch AI")] = lambda: second_opinion_of_epoch(epoch_rows)
    ui.lazy_tabs(sections, key="overview_view")  # a page opens with the cards and one chart


ui.run_page("Overview", draw)
