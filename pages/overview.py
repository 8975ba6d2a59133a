"""Overview: the headline figures for one company, each with the claim behind it, and what changed."""

import streamlit as st

import ui
from lib import peers, second_opinion, vocabulary
from ui import cached

ctx = ui.page_setup("Overview")
st.title(f"{ctx.entity} at a glance")
st.caption(f"Headline figures from claims published by {ctx.as_of:%d %b %Y}. Hover a figure for its quote; "
           "the basis says how sure the source was.")

figures = cached.headline_figures(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
if ctx.peer_only:
    st.info(ui.md_escape(second_opinion.peer_only_note(ctx.entity)), icon=":material/group:")
elif figures.empty:
    st.info(f"The claims in force give no valuation, loss, revenue or burn for {ui.md_escape(ctx.entity)}: "
            "its other figures are listed below.", icon=":material/info:")
for row_of_cards in (figures.iloc[:4], figures.iloc[4:]):
    for column, (_, figure) in zip(st.columns(4), row_of_cards.iterrows()):
        column.metric(figure["label"], figure["display"], border=True,
                      help=f"{ui.md_escape(figure['quote'])}\n\n{ui.md_escape(figure['quote_en'])}")
        column.caption(ui.md_escape(" · ".join(part for part in (
            figure["basis"], "" if figure["scope"] == "company" else f"scope: {figure['scope']}", figure["source"],
            f"claim {figure['claim_id']}", figure["explanation"]) if part)))
        if figure["warning"]:
            column.warning(ui.md_escape(figure["warning"]), icon=":material/history:")

overview = cached.overview_charts(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
for key, heading in (("by_year", "Year by year"), ("burn_rate", "Burn per day and per month")):
    if overview[key] is not None:
        st.subheader(heading)
        ui.show_chart(overview[key], key)

if not figures.empty:
    st.subheader("What changed since")
    since = ui.url_persist(st.date_input, default=ctx.first_published, parse=ui.date_between(ctx.first_published, ctx.as_of))(
        "Compare with what was known on", min_value=ctx.first_published, max_value=ctx.as_of, key="since")
    changes = cached.changes_since(ctx.dataset_key, ctx.claims, ctx.entity, since, ctx.as_of, ctx.include_undated)
    st.caption("A figure is compared only with the same figure for the same period and scope; one whose period moved on "
               "is a new figure.")
    st.dataframe(changes.drop(columns=["key", "change"]), hide_index=True, width="stretch",
                 column_config={"label": "Figure", "then": f"Known on {since:%d %b %Y}", "now": f"Known on {ctx.as_of:%d %b %Y}",
                                "status": "Compared"})

epoch_rows = second_opinion.rows_for(ctx.peers, ctx.entity)
if not epoch_rows.empty:
    st.subheader("Second opinion: Epoch AI")
    st.caption(ui.md_escape(f"The newest figure of each kind in Epoch AI's data reported by {ctx.as_of:%d %b %Y}. "
                            f"{peers.FULL_CITATION}"))
    st.dataframe(second_opinion.latest_figures(epoch_rows), hide_index=True, width="stretch",
                 column_config={"figure": "Figure", "period": "Period", "value": "Value", "confidence": "Confidence",
                                "status": "Status", "epoch_id": "Epoch row", "source": st.column_config.LinkColumn("Source")})
if not ctx.peer_only and not epoch_rows.empty:
    compared = cached.epoch_comparisons(ctx.dataset_key, ctx.prepared, ctx.peers, ctx.as_of, ctx.include_undated, ctx.entity)
    st.markdown(ui.md_escape(second_opinion.summary(compared)))
    st.caption(ui.md_escape(second_opinion.COMPARISON_RULE))
    if not compared.empty:
        st.dataframe(compared.drop(columns=["ours_low", "ours_high", "epoch_low", "epoch_high"]), hide_index=True, width="stretch",
                     column_config={"metric": "Figure", "period": "Period", "claim_id": "Claim", "ours": "Articles",
                                    "epoch_id": "Epoch row", "epoch_period": "Epoch date", "epoch": "Epoch AI",
                                    "confidence": "Confidence", "epoch_status": "Status", "verdict": "Verdict"})

if ctx.peer_only:
    st.stop()
st.subheader(f"Every figure for {ctx.entity}")
st.caption("One row per metric and period, chosen by the headline rule; the Sources page lists every claim.")
st.dataframe(cached.figures_table(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity), hide_index=True, width="stretch")

st.subheader("Where the sources disagree, and where they agree")
st.caption("Figures two or more articles give for the same period and scope. They disagree only when their ranges, "
           f"read from their qualifiers, do not overlap; {vocabulary.CAP_NOTE}.")
compared = cached.comparisons(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
if compared.empty:
    st.caption("No figure is given by more than one article among the claims in force for this company.")
else:
    ui.show_chart(overview["disagreements"], "disagreements")
    st.dataframe(compared.drop(columns=["conflict_id", "entity"]), hide_index=True, width="stretch",
                 column_config={"low": st.column_config.NumberColumn("Low (USD)", format="dollar"),
                                "high": st.column_config.NumberColumn("High (USD)", format="dollar")})
