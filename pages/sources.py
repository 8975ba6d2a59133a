"""Sources: every claim with its quote in the original language and in English, filterable and downloadable."""
import streamlit as st

import ui
from lib import charts, claims as claims_lib, dashboard, transforms as tf, vocabulary

ctx = ui.page_setup("Sources")
st.title("Sources and claims")
st.caption("Each row is one figure as an article gave it. Highlighted rows belong to a group where sources disagree. "
           "The company filter starts on the sidebar's company: clear it to see every claim.")

claims = ctx.prepared[~ctx.prepared["derived"]]
articles = claims_lib.sources_of(ctx.claims)
sources = {s["id"]: f"{s['publisher']} ({s['published'] or 'undated'})" for s in articles}
filters = st.columns(5)
picked = {
    name: ui.url_persist(column.multiselect, default=[ctx.entity] if name == "entities" and ctx.entity in options else [], parse=ui.subset(options), param=f"f_{name}")(
        label, options, format_func=fmt, key=f"f_{name}@{ctx.entity}" if name == "entities" else f"f_{name}")
    for column, (name, label, options, fmt) in zip(filters, [
        ("entities", "Company", sorted(set(claims["entity"])), str),
        ("metrics", "Metric", sorted(set(claims["metric"])), charts.metric_label),
        ("sources", "Article", sorted(set(claims["source"])), lambda s: sources.get(s, s)),
        ("bases", "Basis", sorted(set(claims["basis"])), str),
        ("languages", "Language", sorted(set(claims["source_language"])), str),
    ])
}
table = dashboard.filter_claims(ctx.prepared, **picked)
st.dataframe(
    table.style.apply(lambda row: ["background-color: #fff3cd" if isinstance(row["conflict_id"], str) else ""] * len(row), axis=1),
    hide_index=True, width="stretch", height=480,
    column_config={"id": st.column_config.TextColumn("Claim", pinned=True), "value": st.column_config.NumberColumn("Value", format="compact"),
                   "source_published": st.column_config.DateColumn("Published"),
                   "quote": st.column_config.TextColumn("Quote (original)", width="large"),
                   "quote_en": st.column_config.TextColumn("Quote (English)", width="large"),
                   "source_publisher": "Article", "source_source_type": "Source type", "source_written": "Written (undated)",
                   "source_language": "Language", "inferred": "Not stated in the article", "conflict_id": "Disagreement"},
)
ui.csv_download("Download these claims (CSV)", table, file_name="burnboard-claims.csv", key="download_claims_csv")
st.caption(f"{len(table)} of {len(claims)} claims shown.")

st.subheader("Where the sources disagree, and where they agree")
st.caption("Figures two or more articles give for the same entity, metric, scope and period: they disagree only when "
           f"their ranges, read from their qualifiers, do not overlap ({vocabulary.CAP_NOTE}).")
st.dataframe(tf.comparisons(ctx.prepared), hide_index=True, width="stretch",
             column_config={"low": st.column_config.NumberColumn(format="compact"), "high": st.column_config.NumberColumn(format="compact")})
st.subheader("Articles")
st.dataframe(articles, hide_index=True, width="stretch")
st.subheader("Exchange rates the articles imply")
st.caption("Won amounts are converted with the rate their own article implies where it gives the dollar figure too.")
st.dataframe(tf.implied_fx_rates(ctx.claims), hide_index=True, width="stretch")
