"""Money no rate converts: the figures a page leaves out for want of an exchange rate, named, and a rate for the
session from the reader.

A figure in a currency that neither its article (a dollar twin, a rate it implies) nor the file (exchange_rates:)
converts has no dollar value, so no card or chart can show it. Rather than drop it in silence, a page that would
have shown it calls missing_rates(): the figures are listed with what is missing, and a number input per currency
takes a rate for this session (kept by ui.data under a key no widget owns, applied to every prepared view).
"""
from __future__ import annotations

import streamlit as st

from lib.i18n import _, ngettext
from ui import cached, data
from ui.blocks import md_escape
from ui.sidebar import Context


def missing_rates(ctx: Context) -> None:
    """The company's figures no rate converts, and an input for each currency without a rate or with one given for
    this session (so that a rate once given can still be changed)."""
    missing = cached.unconverted_figures(ctx.dataset_key, ctx.prepared, ctx.as_of, ctx.include_undated, ctx.entity)
    given = data.session_rates()
    currencies = sorted(set(missing["currency"]) | set(given))
    if not currencies:
        return
    if not missing.empty:
        lacking = ", ".join(sorted(set(missing["currency"])))
        figures = "; ".join(_("{figure}: {value} (claim {claim}, {source})").format(
            figure=row.figure, value=row.value, claim=row.claim_id, source=row.source) for row in missing.itertuples())
        count = len(missing)
        st.warning(md_escape(ngettext(
            "{count} figure of {company} in {currencies} cannot be shown in dollars: neither the articles nor the file give "
            "a {currencies} exchange rate, so the cards and charts leave it out. {figures}. Give a rate below for this "
            "session, or add an exchange_rates: entry to the file (see data/README.md).",
            "{count} figures of {company} in {currencies} cannot be shown in dollars: neither the articles nor the file give "
            "a {currencies} exchange rate, so the cards and charts leave them out. {figures}. Give a rate below for this "
            "session, or add an exchange_rates: entry to the file (see data/README.md).",
            count).format(count=count, company=ctx.entity, currencies=lacking, figures=figures)),
                   icon=":material/currency_exchange:")
    for column, currency in zip(st.columns(max(len(currencies), 3)), currencies):  # a narrow input each
        column.number_input(
            _("{currency} per US dollar, for this session").format(currency=currency), min_value=0.000001,
            value=given.get(currency), step=None, format="%.6g", key=f"fx_rate_{currency}",
            placeholder=_("e.g. units of {currency} one dollar buys").format(currency=currency),
            on_change=lambda currency=currency: data.give_rate(currency, st.session_state[f"fx_rate_{currency}"]),
            help=_("How many {currency} one US dollar buys. Used only in this browser session, for figures no article or "
                   "file rate converts; each converted figure says so.").format(currency=currency))
