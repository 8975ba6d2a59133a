"""One company's figures as every page reads them: the companies, their whole-company USD figures, those per
calendar year, and what kind each input of a derived figure is (so two derived figures compare like with like).

Pure pandas; headline, waterfall and runway_inputs all select their claims through these.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib import transforms as tf
from lib.i18n import _
from lib.vocabulary import COMPANY, METRICS, metric_label


TIMELINE_METRICS = [name for name, metric in METRICS.items() if metric.timeline]


def entities(prepared: pd.DataFrame) -> list[str]:
    """Companies: entities with a company money figure (not a donation or a rule of thumb), most claims first."""
    money = prepared[prepared["value_usd"].notna() & prepared["metric"].isin(TIMELINE_METRICS)]
    counts = money.groupby("entity").size().sort_values(ascending=False, kind="mergesort")
    return list(counts.index)


def company_figures(prepared: pd.DataFrame, entity: str, metrics) -> pd.DataFrame:
    """An entity's whole-company USD figures of some metrics: no narrower scope, no currency twins."""
    return tf.drop_twins(prepared[
        (prepared["entity"] == entity) & prepared["metric"].isin(list(metrics)) & prepared["value_usd"].notna()
        & (prepared["scope"] == COMPANY)
    ])


def annual_figures(prepared: pd.DataFrame, entity: str, metrics, year: str | None = None) -> pd.DataFrame:
    """Whole-company figures per calendar year (stated per year or annualised from a rate)."""
    rows = company_figures(prepared, entity, metrics)
    rows = rows[(rows["per"] == "year") & (rows["period"].str.len() == 4)]
    return rows if year is None else rows[rows["period"] == year]


def input_kinds(prepared: pd.DataFrame, claim_ids) -> tuple[str, ...]:
    """What each claim behind a figure is, as its kind: metric and period ('cash burn 2024'), once each, in order.
    claim_ids is an iterable of ids or a card's comma-separated claim_id."""
    ids = [i.strip() for i in claim_ids.split(",")] if isinstance(claim_ids, str) else list(claim_ids)
    by_id = prepared.drop_duplicates("id").set_index("id")
    return tuple(dict.fromkeys(f"{metric_label(by_id.loc[i, 'metric']).lower()} {by_id.loc[i, 'period']}"
                               for i in ids if i in by_id.index))


def kind_change(before: Sequence[str], after: Sequence[str]) -> str:
    """Why a derived figure cannot be compared across two dates: its inputs changed kind ('cash burn 2024 became net
    loss 2025'); '' when they are of the same kinds."""
    dropped, added = [k for k in before if k not in after], [k for k in after if k not in before]
    if not dropped and not added:
        return ""
    if not added:
        return _("it no longer uses {kinds}").format(kinds=", ".join(dropped))
    if not dropped:
        return _("it now also uses {kinds}").format(kinds=", ".join(added))
    return _("{before} became {after}").format(before=", ".join(dropped), after=", ".join(added))
