"""Which claim of a dataset that passed validation makes the dashboard's computations fail.

A page that breaks on an accepted upload is a loader bug (the loader should have refused the claim): the app
names the claim beside the error so that it can be fixed in the file and in the loader. The search replays what
the pages compute at their defaults (lib only, no Streamlit) on ever shorter prefixes of the claims.
"""
from __future__ import annotations

import pandas as pd

from lib import audit, checks, dashboard, headline, transforms as tf


def replay(claims: pd.DataFrame, entity: str | None) -> None:
    """Compute what the pages show at their defaults for one company (every chart, the cards, the figures, the
    audit and its flags), as of the latest article; raises whatever they raise."""
    published = claims["source_published"].dropna()
    as_of = published.max().date() if not published.empty else None
    prepared = tf.prepare(claims)
    findings = audit.audit(claims, as_of)
    flagged = checks.flags(findings, prepared)
    checks.quotes(findings, claims)
    tf.comparisons(prepared)
    tf.implied_fx_rates(claims)
    if entity in set(prepared["entity"]):
        headline.headline_figures(prepared, entity, as_of)
        headline.figures_table(prepared, entity)
        dashboard.overview_charts(prepared, entity, as_of)
        for chart in dashboard.build_charts(claims, entity, as_of=as_of):
            checks.annotate(chart, flagged)


def _fails(claims: pd.DataFrame, entity: str | None) -> bool:
    try:
        replay(claims, entity)
    except Exception:  # noqa: BLE001 - any failure is what is looked for
        return True
    return False


def find(claims: pd.DataFrame, entity: str | None) -> pd.Series | None:
    """The claim (a row of claims) that completes the shortest failing prefix of the claims: with it replay
    fails, without it (and every claim after it) it does not. None when replay does not fail on them all (the
    page failed on something replay does not compute, such as a widget's setting)."""
    if not _fails(claims, entity):
        return None
    good, bad = 0, len(claims)  # replay passes on claims[:good] (an empty frame is taken to pass), fails on [:bad]
    while bad - good > 1:
        middle = (good + bad) // 2
        if _fails(claims.iloc[:middle], entity):
            bad = middle
        else:
            good = middle
    return claims.iloc[bad - 1]
