"""Checks: the audit's findings (lib.audit) grouped by kind, each with its claims' quotes in the original and in
English (one table per finding), acknowledged ones with their reason; downloadable as CSV and JSON."""
import streamlit as st

import ui
from lib import checks, formatting, vocabulary
from lib.i18n import _
from lib.locale_forms import day
from ui import cached

SEVERITY_ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}


def quote_table(claims_quoted: tuple[checks.Quote, ...]) -> str:
    """A finding's claims with their quotes in the original and in English, the reader's own language first
    (lib.formatting.quotes_in_order): one table, a row per claim, each quote under its language's code."""
    def cell(text: str) -> str:
        return ui.md_escape(" ".join(str(text).split()))  # a line break would end the table's row

    def row(quote: checks.Quote) -> str:
        texts = [f"**{cell(language)}** · {cell(text)}" for language, text in
                 formatting.quotes_in_order(quote.original, quote.english, quote.language)]
        return " | ".join([cell(quote.heading), *texts, *[""] * (2 - len(texts))])
    rows = [f"| {row(q)} |" for q in claims_quoted]
    header = " | ".join([_("Claim"), _("Quote"), _("In the other language")])
    return "\n".join([f"| {header} |", "|---|---|---|", *rows])


def draw(ctx: ui.Context) -> None:
    st.title(_("Checks: where the articles contradict themselves or each other"))
    st.caption(_("The audit of the claims published by {date}, stale inputs judged at that date. Errors: the "
                 "figures cannot all be right; warnings: know this before trusting a number; info: often harmless. A finding the "
                 "data acknowledges stays listed, with its reason. The company filter starts on the sidebar's company: clear it "
                 "to see every finding. The Method page gives the rules.").format(date=day(ctx.as_of)))

    claims = ctx.prepared[~ctx.prepared["derived"]]
    companies = sorted(set(claims["entity"]))
    picked = ui.url_persist(st.multiselect, default=[ctx.entity], parse=ui.subset(companies), param="f_entities")(
        _("Company"), companies, key=f"checks_entities@{ctx.entity}", placeholder=_("Every company"))
    shown = checks.about(ctx.findings, claims, picked)
    st.markdown(f"**{checks.summary(shown)}**")
    left, right = st.columns(2)
    with left:
        ui.csv_download(_("Download findings (CSV)"), checks.table(shown), file_name="burnboard-findings.csv",
                        key="download_findings_csv")
    with right:
        ui.json_download(_("Download findings (JSON)"), lambda stamp: checks.to_json(shown, stamp.text),
                         file_name="burnboard-findings.json", key="download_findings_json")


    quotes = cached.finding_quotes(ctx.dataset_key, ctx.findings, claims, ctx.as_of, ctx.include_undated)
    for kind, group in checks.by_kind(shown):
        st.subheader(f"{_(kind.label)} ({len(group)})")
        st.caption(f"{_(vocabulary.SEVERITY_LABELS[kind.severity])}: {kind.description}.")
        for finding in group.itertuples(index=False):
            with st.container(border=True):
                st.markdown(f"{SEVERITY_ICONS[finding.severity]} **{_(vocabulary.SEVERITY_LABELS[finding.severity])}** · "
                            f"{ui.md_escape(finding.message)}")
                if finding.acknowledged:
                    st.success(_("Acknowledged in the data: {reason}").format(reason=ui.md_escape(finding.reason)),
                               icon=":material/check_circle:")
                if finding.claims:
                    st.markdown(quote_table(quotes[tuple(finding.claims)]))


ui.run_page("Checks", draw)
