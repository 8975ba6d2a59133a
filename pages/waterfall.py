"""Waterfall: one year's revenue, minus each cost line the articles give, down to the reported net loss."""
import streamlit as st

import ui
from lib import second_opinion, waterfall
from ui import cached


def draw(ctx: ui.Context) -> None:
    st.title(f"{ctx.entity}: where the money went")
    ui.missing_rates(ctx)
    years = cached.waterfall_years(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
    if ctx.peer_only:
        st.info(ui.md_escape(second_opinion.peer_only_note(ctx.entity)), icon=":material/group:")
        st.stop()
    gaps = waterfall.waterfall_gaps_text(cached.waterfall_gaps(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated,
                                                               ctx.entity))
    if not years:
        st.info(ui.md_escape(f"No year of {ctx.entity} has a net loss, a revenue figure and a cost line in the claims in force, "
                             "so no waterfall would explain anything" + (f": {gaps}." if gaps else ".")), icon=":material/info:")
        st.stop()
    if gaps:
        st.caption(ui.md_escape(f"A year is offered when it has a net loss, a revenue figure and a cost line. Not offered: {gaps}."))

    year = ui.url_persist(st.segmented_control, default=years[0], parse=ui.choice(years))("Year", sorted(years), key="year", required=True)
    candidates = cached.waterfall_candidates(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity, year)
    usable = candidates[candidates["left_out"] == ""]  # a recycled figure is listed below, never picked
    contested = [line for line, group in usable.groupby("line", sort=False) if group["value_usd"].nunique() > 1]
    choices = {}
    if contested:
        st.caption("Articles give different figures for these lines: pick the low or high figure, or one article's. "
                   "Headline = the most reliable basis, then the latest article, then the lower figure. A figure that bundles "
                   "several lines replaces them.")
    for column, line in zip(st.columns(max(len(contested), 1)), contested):
        options = list(waterfall.CHOICES) + list(dict.fromkeys(usable.loc[usable["line"] == line, "source"]))
        key = "pick_" + "".join(c for c in line.lower() if c.isalnum())
        choices[line] = ui.url_persist(column.selectbox, default="Headline", parse=ui.choice(options))(line, options, key=key)

    lines, check, chart = cached.waterfall(ctx.dataset_key, ctx.prepared, ctx.flagged, ctx.as_of, ctx.include_undated, ctx.entity,
                                           year, tuple(choices.items()))
    for _, bundle in lines[lines["covers"].notna()].iterrows():
        st.caption(ui.md_escape(f"{bundle['covers']}: inside the bundled figure {bundle['claim_ids']} ({bundle['label']}), "
                                "so not drawn as a line of its own."))
    for _, out in candidates[candidates["left_out"] != ""].iterrows():
        st.caption(ui.md_escape(f"{out['line']}: {out['id']} ({out['source']}) is {out['left_out']}."))
    if not check["ok"]:
        st.warning(ui.md_escape(check["message"]), icon=":material/calculate:")
    ui.show_chart(chart, "waterfall")  # diamonds: audit findings, on screen only
    every = st.expander("Every figure that could fill a line", key="waterfall_candidates", on_change="rerun")
    if every.open:  # sent only when asked for
        every.dataframe(waterfall.candidates_table(candidates), hide_index=True, width="stretch",
                        column_config={"value_usd": st.column_config.NumberColumn("USD a year", format="dollar"),
                                       "finite_low": st.column_config.NumberColumn("Low end", format="dollar"),
                                       "finite_high": st.column_config.NumberColumn("High end", format="dollar"),
                                       "left_out": st.column_config.TextColumn("Left out", width="medium"),
                                       "includes": st.column_config.TextColumn("Includes", width="medium")})


ui.run_page("Waterfall", draw)
