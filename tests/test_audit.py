"""lib.audit: each kind of finding on a small dataset that triggers it and on a near miss that must not, with
the exact message written by hand; acknowledgements; the bundled data's findings; the command line."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from lib import audit as au, strict_json
from tests.conftest import ROOT, make_claims, real_claims, write_claims  # noqa: F401  (fixture)

SOURCES = [
    {"id": "a", "published": "2024-06-01"},
    {"id": "b", "published": "2025-03-01"},
    {"id": "c", "published": "2024-09-01"},
    {"id": "u", "published": None, "written": "2024"},
]
STOCK = {"per": ...}
SENTENCE = "from 170 million to 150 million, about 16%"


def claim(id_: str, metric: str = "net_loss", value: float = 5e9, **fields) -> dict:
    """A reported, exact figure from article a, unless fields say otherwise."""
    return {"id": id_, "metric": metric, "value": value, "qualifier": "exact", "basis": "reported", "source": "a", **fields}


def users(id_: str, value: float, period: str, **fields) -> dict:
    return claim(id_, "users", value, unit="users", period=period, **{"quote": SENTENCE, **STOCK, **fields})


def decline(value: float, **fields) -> dict:
    return claim("decline", "user_decline", value, unit="percent", period="2023-07",
                 **{"qualifier": "approximately", "quote": SENTENCE, **STOCK, **fields})


USERS = [users("users-06", 170e6, "2023-06"), users("users-07", 150e6, "2023-07")]
LINKED = {"relates_to": ["users-06", "users-07"]}
SHARE = [users("plus", 20e6, "2024-01", scope="ChatGPT Plus", quote="q1"), users("all", 100e6, "2024-01", scope="ChatGPT", quote="q2")]
TRANCHES = [claim("tranche-1", "investment", 10e9, period="2023", **STOCK), claim("tranche-2", "investment", 1e9, period="2024-10", **STOCK)]
TO_DATE = {"relates_to": ["tranche-1", "tranche-2"], **STOCK}
COST_2023 = claim("cost-2023", "operating_cost", 700_000, per="day", period="2023", scope="ChatGPT")
ECHO = [COST_2023, claim("cost-2024", "operating_cost", 700_000, per="day", period="2024", source="b")]
YEAR = [claim("loss", value=1e9, period="2023"), claim("revenue", "revenue", 1e9, period="2023")]
HIGH_ONLY = [claim("loss", value=2e9, period="2023"), claim("revenue", "revenue", 3e9, period="2023"),
             claim("compute", "compute_cost", 1e9, period="2023"),
             claim("train-lo", "training_cost", 1e9, period="2023", source="b"),
             claim("train-hi", "training_cost", 5e9, period="2023", source="b")]
RUNWAY = [claim("round", "funding_round", 1e9, period="2023-01", **STOCK), claim("revenue", "revenue", 0.5e9, period="2023"),
          claim("loss", value=1.2e9, period="2023")]


def conversion(name: str, krw: float, source: str = "a") -> list[dict]:
    """A sentence giving $1M and its won amount, about an entity of its own (so no two figures compare)."""
    quote = f"{name}: $1 million ({krw:,.0f} won)"
    common = {"entity": name, "period": "2024", "source": source, "quote": quote, **STOCK}
    return [claim(f"{name}-usd", "investment", 1e6, **common), claim(f"{name}-krw", "investment", krw, unit="KRW", **common)]


PEERS = conversion("p1", 1.30e9) + conversion("p2", 1.31e9) + conversion("p3", 1.32e9)
RECONCILE_MESSAGE = ("The costs listed come to at least {cost} ({cost_ids}), more than revenue plus loss can reach "
                     "({total}: revenue, loss), by $1.0B even at the limits of their qualifiers: these figures cannot "
                     "all hold for the same year and scope.")
STALE = ("OpenAI's runway starts from inputs that ended more than 12 months before {as_of}: {inputs}. By these figures the "
         "cash ran out in Nov 2023, before the as-of date ({as_of_long}); funding not in the claims is implied.")
ROUND = "round (funding round, 2023-01, ended 2023-01-31)"

CASES = [
    pytest.param(USERS + [decline(16, **LINKED)], "2024-06-01", [(
        "arithmetic", ("decline", "users-06", "users-07"),
        "decline says ≈ 16%, but 170.0M users (2023-06) to 150.0M users (2023-07) is a fall of 11.8% "
        "(20.0M users / 170.0M users): 4.2 points out.")], id="arithmetic: a stated fall"),
    pytest.param(USERS + [decline(12, **LINKED)], "2024-06-01", [], id="near miss: 12% is within a point of 11.8%"),
    pytest.param(USERS + [decline(16)], "2024-06-01", [(
        "arithmetic", ("decline", "users-06", "users-07"),
        "decline says ≈ 16%, but 170.0M users (2023-06) to 150.0M users (2023-07) is a fall of 11.8% "
        "(20.0M users / 170.0M users): 4.2 points out.")], id="arithmetic: paired automatically within one sentence"),
    pytest.param(USERS + [decline(16, quote="about 16%")], "2024-06-01", [],
                 id="near miss: no link and another sentence, so nothing to compute"),
    pytest.param(SHARE + [claim("share", "jobs_at_risk", 25, unit="percent", period="2024-01", relates_to=["plus", "all"], **STOCK)],
                 "2024-06-01", [("arithmetic", ("share", "plus", "all"), "share says 25%, but 20.0M users of 100.0M users is 20.0%: 5.0 points out.")],
                 id="arithmetic: a share of the same period"),
    pytest.param(SHARE + [claim("share", "jobs_at_risk", 20.5, unit="percent", period="2024-01", relates_to=["plus", "all"], **STOCK)],
                 "2024-06-01", [], id="near miss: a share half a point out"),
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 14e9, period="2024-Q4", **TO_DATE)], "2024-06-01", [(
        "arithmetic", ("to-date", "tranche-1", "tranche-2"),
        "to-date says $14.0B, but $10.0B (tranche-1) + $1.0B (tranche-2) = $11.0B: 27.3% out.")], id="arithmetic: a total"),
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 11.1e9, period="2024-Q4", **TO_DATE)], "2024-06-01", [],
                 id="near miss: a total 0.9% out"),
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 10.5e9, period="2024-Q4", qualifier="at_least", **TO_DATE)],
                 "2024-06-01", [], id="near miss: 'at least $10.5B' holds for $11B"),
    pytest.param(TRANCHES + [claim("tranche-3", "investment", None, period="2024-11", qualifier=..., **STOCK),
                             claim("to-date", "investment_to_date", 14e9, period="2024-Q4",
                                   **{**TO_DATE, "relates_to": ["tranche-1", "tranche-2", "tranche-3"]})],
                 "2024-06-01", [], id="near miss: a part the article does not quantify"),
    pytest.param(ECHO, "2024-06-01", [(
        "echo", ("cost-2023", "cost-2024"),
        "cost-2024 (operating cost, 2024) gives $700.0K a day, the amount other articles give for an earlier period: "
        "cost-2023 (operating cost, ChatGPT, 2023).")], id="echo: relabelled for a later year"),
    pytest.param([COST_2023, {**ECHO[1], "per": "month"}], "2024-06-01", [], id="near miss: a month is not a day"),
    pytest.param([{**COST_2023, "source": "b"}, ECHO[1]], "2024-06-01", [], id="near miss: one article"),
    pytest.param([claim("loss", period="2024")], "2024-06-01", [(
        "unfinished_period", ("loss",),
        "loss gives $5.0B a year for 2024 as reported, but its article was published on 2024-06-01, when the period "
        "(to 2024-12-31) had not ended: it can only be projected.")], id="unfinished_period: dated"),
    pytest.param([claim("loss", period="2024", source="u", basis="estimated")], "2024-06-01", [(
        "unfinished_period", ("loss",),
        "loss gives $5.0B a year for 2024 as estimated, but its article was written in 2024 (undated), when the period "
        "(to 2024-12-31) had not ended: it can only be projected.")], id="unfinished_period: undated"),
    pytest.param([claim("loss", period="2024", basis="projected")], "2024-06-01", [], id="near miss: projected"),
    pytest.param([claim("loss", period="2023")], "2024-06-01", [], id="near miss: a year that had ended"),
    pytest.param(YEAR + [claim("compute", "compute_cost", 3e9, period="2023")], "2024-06-01", [(
        "reconcile", ("compute", "revenue", "loss"),
        "OpenAI 2023 (headline, low and high choices): "
        + RECONCILE_MESSAGE.format(cost="$3.0B", cost_ids="compute", total="$2.0B"))], id="reconcile: every choice"),
    pytest.param(YEAR + [claim("compute", "compute_cost", 2.2e9, period="2023", qualifier="approximately")], "2024-06-01", [],
                 id="near miss: about $2.2B can be $2B"),
    pytest.param([YEAR[0], claim("compute", "compute_cost", 3e9, period="2023")], "2024-06-01", [],
                 id="near miss: costs above the loss, but no revenue figure to reconcile them with"),
    pytest.param(YEAR + [claim("compute-2022", "compute_cost", 3e9, period="2022", source="b"),
                         claim("compute", "compute_cost", 3e9, period="2023")], "2024-06-01", [(
        "echo", ("compute-2022", "compute"),
        "compute (compute cost, 2023) gives $3.0B a year, the amount other articles give for an earlier period: "
        "compute-2022 (compute cost, 2022).")], id="near miss: the only cost line is recycled, so nothing to reconcile"),
    pytest.param(HIGH_ONLY, "2024-06-01", [(
        "reconcile", ("compute", "train-hi", "revenue", "loss"),
        "OpenAI 2023 (high choice): " + RECONCILE_MESSAGE.format(cost="$6.0B", cost_ids="compute, train-hi", total="$5.0B"))],
        id="reconcile: the high choice only"),
    pytest.param([claim("v-80", "valuation", 80e9, period="2024", **STOCK), claim("v-157", "valuation", 157e9, period="2024-10", source="b", **STOCK)],
                 "2024-06-01", [("disagreement", ("v-80", "v-157"),
                                 "OpenAI valuation, 2024, 2024-10: v-80 $80.0B (2024), v-157 $157.0B (2024-10); v-80 and v-157 do not overlap.")],
                 id="disagreement: a stock within the other's period"),
    pytest.param([claim("v-80", "valuation", 80e9, period="2024", qualifier="approximately", **STOCK),
                  claim("v-88", "valuation", 88e9, period="2024", qualifier="approximately", source="b", **STOCK)],
                 "2024-06-01", [], id="near miss: about $80B and about $88B overlap"),
    pytest.param([claim("t-3", "training_cost", 3e9, period="2024", qualifier="up_to", basis="projected"),
                  claim("t-7", "training_cost", 7e9, period="2024", qualifier="at_least", source="b")],
                 "2024-06-01", [("disagreement", ("t-3", "t-7"),
                                 "OpenAI training cost, 2024: t-3 ≤ $3.0B (2024, $0 to $3.0B), t-7 ≥ $7.0B (2024, $7.0B or more); "
                                 "t-3 and t-7 do not overlap.")], id="disagreement: open ends"),
    pytest.param([claim("t-3", "training_cost", 3e9, period="2024", qualifier="up_to", basis="projected"),
                  claim("t-7", "training_cost", 3e9, period="2024", qualifier="at_least", source="b")],
                 "2024-06-01", [], id="near miss: up to $3B and at least $3B share a bound"),
    pytest.param(PEERS + conversion("p4", 1.0e9, "c"), "2024-06-01", [(
        "conversion", ("p4-usd", "p4-krw"),
        "p4-krw converts $1.0M into ₩1.0B: 1,000 KRW per USD, 24% below the 1,310 of the other conversions in its "
        "article or year (p1-krw, p2-krw, p3-krw).")], id="conversion: another article of the same year"),
    pytest.param(PEERS + conversion("p4", 1.2e9, "c"), "2024-06-01", [], id="near miss: 8% from the others"),
    pytest.param(PEERS + conversion("p4", 1.0e9, "b"), "2024-06-01", [], id="near miss: an article of another year"),
    pytest.param(RUNWAY, "2025-06-01", [(
        "stale_input", ("round", "revenue", "loss"),
        STALE.format(as_of="2025-06-01", as_of_long="1 Jun 2025", inputs=f"{ROUND}, revenue (revenue, 2023, ended "
                     "2023-12-31), loss (net loss, 2023, ended 2023-12-31)"))], id="stale_input: every input"),
    pytest.param(RUNWAY, "2024-06-01", [(
        "stale_input", ("round",), STALE.format(as_of="2024-06-01", as_of_long="1 Jun 2024", inputs=ROUND))],
        id="stale_input: only the round"),
    pytest.param(RUNWAY, "2024-01-15", [], id="near miss: the round ended less than 12 months before"),
    # ---- the stated figure on either side of its parts, open-sided figures, currencies
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 9e9, period="2024-Q4", **TO_DATE)], "2024-06-01", [(
        "arithmetic", ("to-date", "tranche-1", "tranche-2"),
        "to-date says $9.0B, but $10.0B (tranche-1) + $1.0B (tranche-2) = $11.0B: 18.2% out.")],
        id="arithmetic: a total below its parts"),
    pytest.param(USERS + [decline(8, **LINKED)], "2024-06-01", [(
        "arithmetic", ("decline", "users-06", "users-07"),
        "decline says ≈ 8%, but 170.0M users (2023-06) to 150.0M users (2023-07) is a fall of 11.8% "
        "(20.0M users / 170.0M users): 3.8 points out.")], id="arithmetic: a percentage below what its figures give"),
    pytest.param(SHARE + [claim("share", "jobs_at_risk", 25, unit="percent", period="2024-01", relates_to=["all", "plus"], **STOCK)],
                 "2024-06-01", [("arithmetic", ("share", "all", "plus"), "share says 25%, but 20.0M users of 100.0M users is 20.0%: 5.0 points out.")],
                 id="arithmetic: a share is the smaller of the larger, whatever the order of the links"),
    pytest.param(SHARE + [claim("share", "jobs_at_risk", 15, unit="percent", period="2024-01", relates_to=["plus", "all"], **STOCK)],
                 "2024-06-01", [("arithmetic", ("share", "plus", "all"), "share says 15%, but 20.0M users of 100.0M users is 20.0%: 5.0 points out.")],
                 id="arithmetic: a share below"),
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 12e9, period="2024-Q4", qualifier="at_least", **TO_DATE)],
                 "2024-06-01", [("arithmetic", ("to-date", "tranche-1", "tranche-2"),
                                 "to-date says ≥ $12.0B, but $10.0B (tranche-1) + $1.0B (tranche-2) = $11.0B: 9.1% out.")],
                 id="arithmetic: 'at least' that its parts fall short of"),
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 10e9, period="2024-Q4", qualifier="up_to", **TO_DATE)],
                 "2024-06-01", [("arithmetic", ("to-date", "tranche-1", "tranche-2"),
                                 "to-date says ≤ $10.0B, but $10.0B (tranche-1) + $1.0B (tranche-2) = $11.0B: 9.1% out.")],
                 id="arithmetic: 'up to' that its parts exceed"),
    pytest.param(TRANCHES + [claim("to-date", "investment_to_date", 11e9, period="2024-Q4", qualifier="up_to", **TO_DATE)],
                 "2024-06-01", [], id="near miss: 'up to $11B' holds for $11B"),
    pytest.param(conversion("rate", 1.3e9) + [  # 1,300 KRW per USD in article a: 13,000M won is $10.0M, 1,300M won $1.0M
        claim("k1", "investment", 13e9, unit="KRW", period="2023", **STOCK),
        claim("k2", "investment", 1.3e9, unit="KRW", period="2024-10", **STOCK),
        claim("to-date", "investment_to_date", 25e9, unit="KRW", period="2024-Q4", relates_to=["k1", "k2"], **STOCK)],
        "2024-06-01", [("arithmetic", ("to-date", "k1", "k2"),  # 25,000M won is $19.2M; (19.23 - 11) / 11 = 74.8%
                        "to-date says $19.2M, but $10.0M (k1) + $1.0M (k2) = $11.0M: 74.8% out.")],
        id="arithmetic: parts in won, compared in USD"),
    pytest.param(conversion("rate", 1.3e9) + [
        claim("k1", "investment", 13e9, unit="KRW", period="2023", **STOCK),
        claim("u2", "investment", 1e6, period="2024-10", **STOCK),
        claim("to-date", "investment_to_date", 20e6, period="2024-Q4", relates_to=["k1", "u2"], **STOCK)],
        "2024-06-01", [("arithmetic", ("to-date", "k1", "u2"), "to-date says $20.0M, but $10.0M (k1) + $1.0M (u2) = $11.0M: 81.8% out.")],
        id="arithmetic: won and dollar parts"),
    pytest.param([claim("e1", "investment", 10e6, unit="EUR", period="2023", **STOCK),
                  claim("to-date", "investment_to_date", 99e6, period="2024-Q4", relates_to=["e1"], **STOCK)],
                 "2024-06-01", [], id="near miss: a part in a currency with no rate is not computed"),
    # ---- the percentage guards and the rise
    pytest.param([users("users-06", 150e6, "2023-06"), users("users-07", 170e6, "2023-07"), decline(16, **LINKED)], "2024-06-01", [(
        "arithmetic", ("decline", "users-06", "users-07"),
        "decline says ≈ 16%, but 150.0M users (2023-06) to 170.0M users (2023-07) is a rise of 13.3% "
        "(20.0M users / 150.0M users): 2.7 points out.")], id="arithmetic: a rise"),
    pytest.param([users("users-06", 0, "2023-06"), users("users-07", 150e6, "2023-07"), decline(16, **LINKED)], "2024-06-01", [],
                 id="near miss: no change in percent from zero"),
    pytest.param([users("plus", 0, "2024-01", scope="ChatGPT Plus", quote="q1"), users("all", 0, "2024-01", scope="ChatGPT", quote="q2"),
                  claim("share", "jobs_at_risk", 25, unit="percent", period="2024-01", relates_to=["plus", "all"], **STOCK)],
                 "2024-06-01", [], id="near miss: no share of zero"),
    pytest.param([users("users-06", 170e6, "2023-06"),
                  claim("devices", "installed_devices", 150e6, unit="devices", period="2023-07", quote=SENTENCE, **STOCK),
                  decline(16, relates_to=["users-06", "devices"])], "2024-06-01", [],
                 id="near miss: no percentage from figures of two units"),
    pytest.param([claim("p-06", "jobs_at_risk", 10, unit="percent", period="2023-06", quote="q1", **STOCK),
                  claim("p-07", "jobs_at_risk", 20, unit="percent", period="2023-07", quote="q2", **STOCK),
                  claim("sum", "jobs_at_risk", 30, unit="percent", period="2023-07", quote="q3", relates_to=["p-06", "p-07"], **STOCK)],
                 "2024-06-01", [], id="near miss: percentages add up; no change in percent is taken between two of them"),
    pytest.param(USERS + [users("users-08", 140e6, "2023-08"),
                          decline(16, relates_to=["users-06", "users-07", "users-08"])], "2024-06-01", [],
                 id="near miss: no percentage from three figures"),
    # ---- two subjects: one that is skipped must not stop the other
    pytest.param([claim("loss-23", value=1e9, period="2023", source="b"), claim("revenue-23", "revenue", 1e9, period="2023", source="b"),
                  claim("loss", value=1e9, period="2024", source="b"), claim("revenue", "revenue", 1e9, period="2024", source="b"),
                  claim("compute", "compute_cost", 3e9, period="2024", source="b")], "2025-06-01", [(
        "reconcile", ("compute", "revenue", "loss"),
        "OpenAI 2024 (headline, low and high choices): "
        + RECONCILE_MESSAGE.format(cost="$3.0B", cost_ids="compute", total="$2.0B"))],
        id="reconcile: a year with no cost line does not stop the later years"),
    pytest.param([claim("acme-loss", value=3e9, period="2026", basis="projected", entity="Acme")] + RUNWAY, "2025-06-01", [(
        "stale_input", ("round", "revenue", "loss"),
        STALE.format(as_of="2025-06-01", as_of_long="1 Jun 2025", inputs=f"{ROUND}, revenue (revenue, 2023, ended "
                     "2023-12-31), loss (net loss, 2023, ended 2023-12-31)"))],
        id="stale_input: an entity with no inputs yet does not stop the next"),
    pytest.param([claim("acme-round", "funding_round", 9e9, period="2025-01", entity="Acme", source="b", **STOCK),
                  claim("acme-revenue", "revenue", 2e9, period="2024", entity="Acme", source="b"),
                  claim("acme-loss", value=3e9, period="2024", entity="Acme", source="b")] + RUNWAY, "2025-06-01", [(
        "stale_input", ("round", "revenue", "loss"),
        STALE.format(as_of="2025-06-01", as_of_long="1 Jun 2025", inputs=f"{ROUND}, revenue (revenue, 2023, ended "
                     "2023-12-31), loss (net loss, 2023, ended 2023-12-31)"))],
        id="stale_input: an entity with fresh inputs does not stop the next"),
    pytest.param(conversion("lone", 1.0e9, "b") + PEERS + conversion("p4", 1.0e9, "c"), "2024-06-01", [(
        "conversion", ("p4-usd", "p4-krw"),
        "p4-krw converts $1.0M into ₩1.0B: 1,000 KRW per USD, 24% below the 1,310 of the other conversions in its "
        "article or year (p1-krw, p2-krw, p3-krw).")], id="conversion: a pair with no others to compare does not stop the rest"),
    pytest.param(ECHO + [{**COST_2023, "id": "cost-2023-again", "same_as": "cost-2023"}], "2024-06-01", [(
        "echo", ("cost-2023", "cost-2024"),
        "cost-2024 (operating cost, 2024) gives $700.0K a day, the amount other articles give for an earlier period: "
        "cost-2023 (operating cost, ChatGPT, 2023).")], id="same_as: a figure recorded twice is one earlier figure"),
    pytest.param(RUNWAY + [claim("loss-heading", value=1.2e9, period="2023", same_as="loss")], "2025-06-01", [(
        "stale_input", ("round", "revenue", "loss"),
        STALE.format(as_of="2025-06-01", as_of_long="1 Jun 2025", inputs=f"{ROUND}, revenue (revenue, 2023, ended "
                     "2023-12-31), loss (net loss, 2023, ended 2023-12-31)"))], id="same_as: a repeated input is listed once"),
]


@pytest.mark.parametrize("claims, as_of, expected", CASES)
def test_each_kind_triggers_and_its_near_miss_does_not(claims, as_of, expected):
    found = au.audit(make_claims(claims, SOURCES), as_of)
    assert list(zip(found["kind"], found["claims"], found["message"])) == expected
    assert list(found["severity"]) == [au.KINDS[kind].severity for kind, _, _ in expected]
    assert not found["acknowledged"].any()


def test_stale_inputs_are_judged_at_today_by_default():
    today = dt.date.today()
    found = au.audit(make_claims(RUNWAY, SOURCES))
    assert list(zip(found["kind"], found["message"])) == [("stale_input", STALE.format(
        as_of=f"{today:%Y-%m-%d}", as_of_long=f"{today.day} {today:%b %Y}", inputs=f"{ROUND}, revenue (revenue, 2023, ended "
        "2023-12-31), loss (net loss, 2023, ended 2023-12-31)"))]


def test_each_entity_is_audited_on_its_own_claims():
    # Acme's 2023 costs of $3B exceed its revenue plus loss ($2B); OpenAI's 2023 adds up ($1B of compute against
    # $2B). Were the claims not taken entity by entity, Acme's compute would sink OpenAI's year too. Only entities
    # with a loss have a waterfall or a runway: Beta, with a round and revenue alone, has neither.
    claims = [claim("loss", value=1e9, period="2023", entity="Acme"), claim("revenue", "revenue", 1e9, period="2023", entity="Acme"),
              claim("compute", "compute_cost", 3e9, period="2023", entity="Acme"),
              claim("o-loss", value=1e9, period="2023"), claim("o-revenue", "revenue", 1e9, period="2023"),
              claim("o-compute", "compute_cost", 1e9, period="2023"),
              claim("b-round", "funding_round", 1e9, period="2023-01", entity="Beta", **STOCK),
              claim("b-revenue", "revenue", 1e9, period="2023", entity="Beta")]
    found = au.audit(make_claims(claims, SOURCES), "2024-06-01")
    assert list(zip(found["kind"], found["claims"], found["message"])) == [(
        "reconcile", ("compute", "revenue", "loss"),
        "Acme 2023 (headline, low and high choices): "
        + RECONCILE_MESSAGE.format(cost="$3.0B", cost_ids="compute", total="$2.0B"))]


def test_an_acknowledged_finding_is_shown_with_its_reason():
    acknowledged = [{"kind": "echo", "claims": ["cost-2024", "cost-2023"], "reason": "Recycled."}]
    found = au.audit(make_claims(ECHO, SOURCES, acknowledged), "2024-06-01")
    assert found[["kind", "acknowledged", "reason"]].values.tolist() == [["echo", True, "Recycled."]]


def test_an_acknowledgement_that_matches_nothing_is_a_warning():
    acknowledged = [{"kind": "disagreement", "claims": ["cost-2023", "cost-2024"], "reason": "Wrong kind."}]
    found = au.audit(make_claims(ECHO, SOURCES, acknowledged), "2024-06-01")
    assert found[["kind", "severity", "claims", "message", "acknowledged"]].values.tolist() == [
        ["unmatched_acknowledgement", "warning", ("cost-2023", "cost-2024"),
         "the acknowledged disagreement finding about cost-2023, cost-2024 matches no finding: remove the entry or "
         "correct its kind or claims.", False],
        ["echo", "info", ("cost-2023", "cost-2024"), found["message"].iloc[1], False],
    ]


def test_an_acknowledgement_about_claims_left_out_is_not_judged():
    acknowledged = [{"kind": "echo", "claims": ["cost-2023", "cost-2024"], "reason": "Recycled."}]
    claims = make_claims(ECHO, SOURCES, acknowledged)
    assert au.audit(claims[claims["id"] == "cost-2023"], "2024-06-01").empty


def test_a_link_to_a_claim_left_out_is_not_computed():
    claims = make_claims(TRANCHES + [claim("to-date", "investment_to_date", 14e9, period="2024-Q4", **TO_DATE)], SOURCES)
    assert au.audit(claims[claims["id"] != "tranche-2"], "2024-06-01").empty


def test_the_frame_has_one_row_per_finding_with_typed_columns():
    found = au.audit(make_claims(ECHO, SOURCES), "2024-06-01")
    assert list(found.columns) == au.COLUMNS
    assert found["acknowledged"].dtype == bool and isinstance(found["claims"].iloc[0], tuple)
    assert list(au.audit(make_claims([claim("loss", period="2023")], SOURCES), "2024-06-01").columns) == au.COLUMNS


def test_claims_with_findings_lists_warnings_and_errors_per_claim():
    findings = pd.DataFrame({
        "kind": ["arithmetic", "echo", "disagreement"], "severity": ["error", "info", "warning"],
        "claims": [("x", "y"), ("x",), ("y", "z")], "message": ["m1", "m2", "m3"],
        "acknowledged": [True, False, False], "reason": ["r1", None, None],
    })
    assert au.claims_with_findings(findings) == {"x": ["m1 (acknowledged: r1)"], "y": ["m1 (acknowledged: r1)", "m3"], "z": ["m3"]}


def test_every_kind_and_severity_is_documented():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for kind in au.KINDS.values():
        assert f"| `{kind.name}` | {kind.severity} |" in readme, kind.name


BUNDLED = [  # kind, claims, acknowledged: see docs/audit.md
    ("arithmetic", ("openai-chatgpt-user-decline-2023-07-ko", "openai-chatgpt-users-2023-06-ko", "openai-chatgpt-users-2023-07-ko"), True),
    ("disagreement", ("openai-valuation-2024-10-ko", "openai-valuation-2024-fr"), True),
    ("stale_input", ("openai-funding-round-2024-10-ko", "openai-revenue-2024-en", "openai-net-loss-2024-en",
                     "openai-net-loss-2024-fr"), False),  # the French heading repeats the body (same_as): listed once
    ("echo", ("openai-chatgpt-operating-cost-2023-ko-usd", "openai-server-operating-cost-2024-fr"), True),
    ("echo", ("openai-microsoft-investment-2023-ko", "openai-microsoft-investment-fr", "openai-oracle-compute-contract-2024-ko"), True),
]


def test_the_bundled_data_has_the_findings_docs_audit_lists(real_claims):
    found = au.audit(real_claims, "2026-02-01")
    assert list(zip(found["kind"], found["claims"], found["acknowledged"])) == BUNDLED
    documented = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    for _, claims, _ in BUNDLED:
        assert claims[-1] in documented


# ---------------------------------------------------------------- command line

def run(capsys, *argv) -> tuple[int, str, str]:
    code = au.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


ECHO_LINE = ("info echo: cost-2024 (operating cost, 2024) gives $700.0K a day, the amount other articles give for an "
             "earlier period: cost-2023 (operating cost, ChatGPT, 2023). [cost-2023, cost-2024]")


@pytest.fixture
def files(tmp_path):
    """echo.yaml holds both claims; early.yaml and late.yaml split them; bad.yaml fails validation. Their articles
    are in sources/ beside them."""
    write_claims(tmp_path / "echo.yaml", ECHO, SOURCES)
    write_claims(tmp_path / "early.yaml", [COST_2023], SOURCES[:1])
    write_claims(tmp_path / "late.yaml", [ECHO[1]], SOURCES[1:2])
    write_claims(tmp_path / "acknowledged.yaml", ECHO, SOURCES,
                 [{"kind": "echo", "claims": ["cost-2023", "cost-2024"], "reason": "Recycled."}])
    write_claims(tmp_path / "bad.yaml", [{"value": True}])
    write_claims(tmp_path / "huge.yaml", [{"value": 10**309}])
    write_claims(tmp_path / "stale.yaml", RUNWAY, SOURCES)
    return tmp_path


def test_cli_text(capsys, files):
    assert run(capsys, str(files / "echo.yaml"), "--as-of", "2024-06-01") == (
        0, f"{ECHO_LINE}\n1 finding as of 2024-06-01: echo 1\n", "")


def test_cli_text_shows_acknowledged_findings(capsys, files):
    assert run(capsys, str(files / "acknowledged.yaml"), "--as-of", "2024-06-01") == (
        0, f"{ECHO_LINE} (acknowledged: Recycled.)\n1 finding as of 2024-06-01: echo 1 (1 acknowledged)\n", "")


def test_cli_json(capsys, files):
    code, out, err = run(capsys, str(files / "echo.yaml"), "--json", "--as-of", "2024-06-01")
    assert (code, err) == (0, "")
    assert json.loads(out) == [{
        "kind": "echo", "severity": "info", "claims": ["cost-2023", "cost-2024"],
        "message": ECHO_LINE[len("info echo: "):-len(" [cost-2023, cost-2024]")], "acknowledged": False, "reason": None,
    }]


def test_cli_audits_several_files_as_one_dataset(capsys, files):
    assert run(capsys, str(files / "early.yaml"), str(files / "late.yaml"), "--as-of", "2024-06-01") == (
        0, f"{ECHO_LINE}\n1 finding as of 2024-06-01: echo 1\n", "")


def test_cli_nothing_found(capsys, files):
    assert run(capsys, str(files / "early.yaml"), "--as-of", "2024-06-01") == (0, "0 findings as of 2024-06-01\n", "")


def test_cli_as_of_decides_what_is_stale(capsys, files):
    assert run(capsys, str(files / "stale.yaml"), "--as-of", "2024-01-15") == (0, "0 findings as of 2024-01-15\n", "")
    code, out, _ = run(capsys, str(files / "stale.yaml"), "--as-of", "2024-06-01")
    assert (code, out.splitlines()[-1]) == (0, "1 finding as of 2024-06-01: stale_input 1")
    assert out.startswith("warning stale_input: OpenAI's runway starts from inputs that ended more than 12 months before 2024-06-01: round")


def test_cli_exit_1_for_a_file_that_fails_validation(capsys, files):
    assert run(capsys, str(files / "bad.yaml")) == (1, "", f"{files / 'bad.yaml'}:15: claims[0].value: expected a number, got boolean true "
                                                      "(YAML reads yes/no/on/off/true/false as booleans)\n")
    assert run(capsys, str(files / "echo.yaml"), str(files / "acknowledged.yaml")) == (1, "", "".join(
        f"{files / 'acknowledged.yaml'}:{line}: {field}: duplicate id '{name}' (first at {files / 'echo.yaml'}:{line})\n"
        for line, field, name in [(2, "sources[0].id", "a"), (11, "sources[1].id", "b"), (20, "sources[2].id", "c"),
                                  (29, "sources[3].id", "u"), (40, "claims[0].id", "cost-2023"), (53, "claims[1].id", "cost-2024")]))
    assert run(capsys, str(files / "missing.yaml")) == (1, "", f"{files / 'missing.yaml'}:1: file: cannot read (No such file or directory)\n")
    assert run(capsys, str(files / "huge.yaml")) == (1, "", f"{files / 'huge.yaml'}:15: claims[0].value: must be a finite number, got "
                                                       "10000000000000000000...00000000000000000000 (310 characters)\n")


@pytest.mark.parametrize("argv, error", [
    (["--as-of", "2024-13-01"], "argument --as-of: expected a date YYYY-MM-DD, got '2024-13-01'"),
    (["--as-of"], "argument --as-of: expected one argument"),
    (["--xml"], "unrecognized arguments: --xml"),
])
def test_cli_exit_2_for_bad_arguments(capsys, argv, error):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("usage: python -m lib.audit [-h] [--json] [--as-of YYYY-MM-DD] [FILE ...]\n")
    assert err.endswith(f"python -m lib.audit: error: {error}\n")


def test_cli_module_audits_the_bundled_data_by_default():
    result = subprocess.run([sys.executable, "-m", "lib.audit", "--as-of", "2026-02-01"], cwd=ROOT, capture_output=True,
                            text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert [re.match(r"(\w+ \w+):", line).group(1) for line in lines[:-1]] == [
        "error arithmetic", "warning disagreement", "warning stale_input", "info echo", "info echo"]
    assert lines[-1] == ("5 findings as of 2026-02-01: arithmetic 1 (1 acknowledged), disagreement 1 (1 acknowledged), "
                         "stale_input 1, echo 2 (2 acknowledged)")


def test_cli_json_is_strict_json_with_null_for_no_reason():
    result = subprocess.run([sys.executable, "-m", "lib.audit", "--json", "--as-of", "2026-02-01"], cwd=ROOT, capture_output=True,
                            text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stderr) == (0, "")
    findings = strict_json.loads(result.stdout)
    assert [(f["kind"], f["acknowledged"], f["reason"] is None) for f in findings] == [
        ("arithmetic", True, False), ("disagreement", True, False), ("stale_input", False, True), ("echo", True, False),
        ("echo", True, False)]


def test_a_figure_no_claim_carries_is_an_uncurated_finding_that_names_its_article_and_sentence():
    article = "OpenAI lost $5 billion in 2023. Revenue was $3.7 billion, a rise."
    claims = make_claims([claim("loss", period="2023", quote="OpenAI lost $5 billion in 2023.")], SOURCES)
    found = au.audit(claims, "2025-01-01", {"a.txt": article})
    assert found[["kind", "severity", "claims", "message"]].to_dict("records") == [{
        "kind": "uncurated", "severity": "warning", "claims": (),
        "message": "$3.7 billion in a (a.txt) is carried by no claim of that article and is not dismissed: \"Revenue was $3.7 "
                   "billion, a rise.\". Make a claim of it, or list it under dismissed: with the reason it deserves none."}]
    assert au.text_report(found, "2025-01-01").splitlines()[0] == (
        "warning uncurated: $3.7 billion in a (a.txt) is carried by no claim of that article and is not dismissed: \"Revenue was "
        "$3.7 billion, a rise.\". Make a claim of it, or list it under dismissed: with the reason it deserves none.")
