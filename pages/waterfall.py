"""Waterfall: one year's revenue, minus each cost line the articles give, down to the reported net loss."""
import streamlit as st

import ui
from lib import second_opinion, waterfall
from lib.i18n import N_, _
from ui import cached

# waterfall.CHOICES: English in the URL, shown in the reader's language
CHOICE_LABELS = {"Headline": N_("Headline"), "Low": N_("Low"), "High": N_("High")}


def draw(ctx: ui.Context) -> None:
    st.title(_("{company}: where the money went").format(company=ctx.entity))
    ui.missing_rates(ctx)
    years = cached.waterfall_years(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
    if ctx.peer_only:
        st.info(ui.md_escape(second_opinion.peer_only_note(ctx.entity)), icon=":material/group:")
        st.stop()
    gaps = waterfall.waterfall_gaps_text(cached.waterfall_gaps(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated,
                                                               ctx.entity))
    if not years:
        nothing = (_("No year of {company} has a net loss, a revenue figure and a cost line in the claims in force, so no "
                     "waterfall would explain anything: {gaps}.") if gaps else
                   _("No year of {company} has a net loss, a revenue figure and a cost line in the claims in force, so no "
                     "waterfall would explain anything."))
        st.info(ui.md_escape(nothing.format(company=ctx.entity, gaps=gaps)), icon=":material/info:")
        st.stop()
    if gaps:
        st.caption(ui.md_escape(_("A year is offered when it has a net loss, a revenue figure and a cost line. Not offered: "
                                  "{gaps}.").format(gaps=gaps)))

    year = ui.url_persist(st.segmented_control, default=years[0], parse=ui.choice(years))(
        _("Year"), sorted(years), key="year", required=True)
    candidates = cached.waterfall_candidates(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity, year)
    usable = candidates[candidates["left_out"] == ""]  # a recycled figure is listed below, never picked
    contested = [line for line, group in usable.groupby("line", sort=False) if group["value_usd"].nunique() > 1]
    choices = {}
    if contested:
        st.caption(_("Articles give different figures for these lines: pick the low or high figure, or one article's. "
                     "Headline = the most reliable basis, then the latest article, then the lower figure. A figure that bundles "
                     "several lines replaces them."))
    for column, line in zip(st.columns(max(len(contested), 1)), contested):
        options = list(waterfall.CHOICES) + list(dict.fromkeys(usable.loc[usable["line"] == line, "source"]))
        key = "pick_" + "".join(c for c in line.lower() if c.isalnum())
        choices[line] = ui.url_persist(column.selectbox, default="Headline", parse=ui.choice(options))(
            _(line), options, key=key,
            format_func=lambda option: _(CHOICE_LABELS[option]) if option in CHOICE_LABELS else option)  # sources as they are

    lines, check, chart = cached.waterfall(ctx.dataset_key, ctx.prepared, ctx.flagged, ctx.as_of, ctx.include_undated, ctx.entity,
                                           year, tuple(choices.items()))
    for bundle in lines[lines["covers"].notna()].itertuples(index=False):
        st.caption(ui.md_escape(_("{lines}: inside the bundled figure {claim_ids} ({label}), so not drawn as a line of its own.")
                                .format(lines=bundle.covers, claim_ids=bundle.claim_ids, label=bundle.label)))
    for out in candidates[candidates["left_out"] != ""].itertuples(index=False):
        st.caption(ui.md_escape(_("{line}: {claim_id} ({source}) is {reason}.").format(
            line=_(out.line), claim_id=out.id, source=out.source, reason=out.left_out)))
    if not check["ok"]:
        st.warning(ui.md_escape(check["message"]), icon=":material/calculate:")
    ui.show_chart(chart, "waterfall")  # diamonds: audit findings, on screen only
    every = st.expander(_("Every figure that could fill a line"), key="waterfall_candidates", on_change="rerun")
    if every.open:  # sent only when asked for
        every.dataframe(waterfall.candidates_table(candidates), hide_index=True, width="stretch",
                        column_config={"value_usd": st.column_config.NumberColumn(_("USD a year"), format="dollar"),
                                       "finite_low": st.column_config.NumberColumn(_("Low end"), format="dollar"),
                                       "finite_high": st.column_config.NumberColumn(_("High end"), format="dollar"),
                                       "left_out": st.column_config.TextColumn(_("Left out"), width="medium"),
                                       "includes": st.column_config.TextColumn(_("Includes"), width="medium")})


ui.run_page("Waterfall", draw)
