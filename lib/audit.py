"""The audit: where the articles contradict themselves or each other, computed from the claims.

A reader of one article never sees these; computing them (rather than keeping them as prose in notes) makes
them hold for an uploaded file too. Each finding has a kind with a fixed severity (KINDS), the claims involved
and a message with the numbers and the arithmetic. The checks call the rules the pages use
(transforms.unfinished, transforms.conflicts, transforms.implied_fx_rates, waterfall.reconcile,
runway_inputs.runway_inputs), so the audit and the pages cannot drift apart.

Command line: `python -m lib.audit [FILE ...] [--json] [--as-of YYYY-MM-DD]`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from collections import Counter

from typing import Mapping

import pandas as pd

from lib import coverage, runway_inputs, strict_json, transforms as tf, waterfall
from lib.claims import ClaimsError, load_claims
from lib.formatting import and_list, format_usd, format_value
from lib.i18n import _, ngettext
from lib.locale_forms import decimal, percent, qualified
from lib.vocabulary import (
    ARITHMETIC_POINTS, ARITHMETIC_SHARE, COMPANY, FX_SPREAD, MONEY_UNITS, PER_AMOUNT, QUALIFIERS, SEVERITIES, STALE_AFTER_MONTHS,
    WATERFALL_LINES, interval, metric_label, overlaps,
)
from lib.vocabulary import FINDING_KINDS as KINDS

COLUMNS = ["kind", "severity", "claims", "message", "acknowledged", "reason"]
DEFAULT_FILE = "data/claims.yaml"


def audit(claims: pd.DataFrame, as_of=None, articles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every finding in a claims frame (as loaded), one row each (COLUMNS), by severity then kind.

    claims is a tuple of claim ids. acknowledged says whether the frame's attrs["acknowledged"] list expects
    the finding (same kind, same set of claims), with its reason; an entry that matches nothing is itself a
    finding, unless some of its claims are not in the frame (an as-of view cannot judge it). as_of (default:
    today) is the date stale runway inputs are judged at; the claims are not filtered by it. articles: an
    upload's own article texts (file name -> text), whose figures are checked for coverage with the stored ones.
    """
    as_of = pd.Timestamp(dt.date.today() if as_of is None else as_of).normalize()
    prepared = tf.prepare(claims)
    originals = prepared[~prepared["derived"]]
    found = [
        *_arithmetic(originals), *_reconcile(prepared), *_unfinished(originals), *_disagreement(prepared),
        *_conversion(originals), *_stale_input(prepared, as_of), *_uncurated(claims, articles), *_echo(originals),
    ]
    return _acknowledge(found, claims.attrs.get("acknowledged", ()), set(claims["id"]))


def claims_with_findings(findings: pd.DataFrame) -> dict[str, list[str]]:
    """The messages of the error and warning findings about each claim (an acknowledged one ends with its
    reason), for marking claims on the pages."""
    out: dict[str, list[str]] = {}
    serious = findings[findings["severity"].isin(["error", "warning"])]
    for row in serious.itertuples(index=False):
        text = (_("{message} (acknowledged: {reason})").format(message=row.message, reason=row.reason) if row.acknowledged
                else row.message)
        for claim_id in row.claims:
            out.setdefault(claim_id, []).append(text)
    return out


# ---------------------------------------------------------------- the checks, each yields (kind, claims, message)

def _amount(claim: pd.Series) -> float:
    """The comparable amount: USD for money (NaN without a rate), the value otherwise."""
    return float(claim["value_usd"]) if claim["unit"] in MONEY_UNITS else float(claim["value"])


def _shown(claim: pd.Series, amount: float | None = None) -> str:
    """An amount as a reader writes it, in USD for money: '$700.0K', '170.0M users'."""
    amount = _amount(claim) if amount is None else amount
    return format_usd(amount) if claim["unit"] in MONEY_UNITS else format_value(amount, claim["unit"])


def _rate(text: str, per) -> str:
    """An amount with its rate, when it has one: '$1.0B a year'."""
    return _(PER_AMOUNT[per]).format(amount=text) if per in PER_AMOUNT else text


def _stated(claim: pd.Series) -> tuple[float, float]:
    """What a stated figure allows: its value when it is a point (exact, about, nearly), its interval when it is
    open on one side (at least, up to), since 'more than 13' is not contradicted by 14."""
    amount = _amount(claim)
    qualifier = QUALIFIERS[claim["qualifier"]]
    if qualifier.below is not None and qualifier.above is not None:
        return amount, amount
    return interval(amount, claim["qualifier"])


def _outside(value: float, bounds: tuple[float, float]) -> float:
    return max(bounds[0] - value, value - bounds[1], 0.0)


def _related(claim: pd.Series, claims: pd.DataFrame) -> pd.DataFrame | None:
    """The figures a derived claim is computed from: its relates_to, or for a percentage without links, the
    two quantified figures its own sentence gives ('from 170 million to 150 million, about 16%'). None when
    there are none, or when a linked claim is not in this view of the data."""
    if isinstance(claim["relates_to"], str):
        ids = claim["relates_to"].split(",")
        return claims.set_index("id").loc[ids].reset_index() if set(ids) <= set(claims["id"]) else None
    if claim["unit"] != "percent":
        return None
    same = claims[(claims["source"] == claim["source"]) & (claims["quote"] == claim["quote"])
                  & (claims["id"] != claim["id"]) & (claims["unit"] != "percent") & claims["value"].notna()]
    return same if len(same) == 2 else None


def _percentage(related: pd.DataFrame) -> tuple[float, str] | None:
    """The percentage two figures of one unit give, with the working: the change from the earlier to the later,
    or for one period the smaller's share of the larger. None when they cannot give one."""
    if len(related) != 2 or related["unit"].nunique() != 1 or related["unit"].iloc[0] == "percent":
        return None
    first, second = (row for _, row in related.sort_values("period_start", kind="mergesort").iterrows())
    a, b = _amount(first), _amount(second)
    if first["period"] == second["period"]:
        part, whole = sorted((a, b))
        if not whole:
            return None
        return 100 * part / whole, _("{part} of {whole} is {share}%").format(
            part=_shown(first, part), whole=_shown(first, whole), share=decimal(100 * part / whole))
    if not a:
        return None
    change = 100 * abs(b - a) / a
    working = (_("{earlier} ({earlier_period}) to {later} ({later_period}) is a fall of {change}% ({difference} / {earlier})")
               if b < a else
               _("{earlier} ({earlier_period}) to {later} ({later_period}) is a rise of {change}% ({difference} / {earlier})"))
    return change, working.format(earlier=_shown(first), earlier_period=first["period"], later=_shown(second),
                                  later_period=second["period"], change=decimal(change), difference=_shown(first, abs(b - a)))


def _arithmetic(claims: pd.DataFrame):
    """A stated percentage (see _percentage) or total (the sum of its parts, in one unit) that the figures it
    relates to contradict by more than ARITHMETIC_POINTS points or ARITHMETIC_SHARE of the sum."""
    for _index, claim in claims[claims["value"].notna()].iterrows():  # not `_`, which is the translation
        related = _related(claim, claims)
        if related is None or related.apply(_amount, axis=1).isna().any():
            continue
        says = {"claim_id": claim["id"], "value": qualified(_shown(claim), claim["qualifier"])}
        ids = (claim["id"], *related["id"])
        percentage = _percentage(related) if claim["unit"] == "percent" else None
        if percentage is not None:
            off = _outside(percentage[0], _stated(claim))
            if off > ARITHMETIC_POINTS:
                yield "arithmetic", ids, _("{claim_id} says {value}, but {working}: {points} points out.").format(
                    **says, working=percentage[1], points=decimal(off))
        elif {_unit(claim)} == set(related.apply(_unit, axis=1)):
            total = float(related.apply(_amount, axis=1).sum())
            off = _outside(total, _stated(claim))
            if total and off / total > ARITHMETIC_SHARE:
                parts = " + ".join(f"{_shown(row)} ({row['id']})" for _, row in related.iterrows())
                yield "arithmetic", ids, _("{claim_id} says {value}, but {parts} = {total}: {share} out.").format(
                    **says, parts=parts, total=_shown(claim, total), share=percent(off / total, 1))


def _unit(claim: pd.Series) -> str:
    return "USD" if claim["unit"] in MONEY_UNITS else claim["unit"]


def _reconcile(prepared: pd.DataFrame):
    """Each year's waterfall that does not add up within the qualifiers (waterfall.reconcile), for the
    headline choice and for the low and high choices; choices that fail alike are one finding. Only the years
    waterfall.waterfall_years offers (a loss, a revenue figure and a cost line, none of them recycled) have
    anything to reconcile."""
    for entity in sorted(set(prepared.loc[prepared["metric"] == "net_loss", "entity"])):
        own = prepared[prepared["entity"] == entity]
        for year in sorted(waterfall.waterfall_years(own, entity)):
            candidates = waterfall.waterfall_candidates(own, entity, year)
            failed: dict[tuple, list[str]] = {}
            for choice in waterfall.CHOICES:
                lines = waterfall.waterfall_lines(own, entity, year, dict.fromkeys(WATERFALL_LINES, choice), candidates)
                result = waterfall.reconcile(lines)
                if not result["ok"]:
                    ids = tuple(dict.fromkeys(f"{result['cost_claims']}, {result['total_claims']}".split(", ")))
                    failed.setdefault((ids, result["message"]), []).append(choice.lower())
            for (ids, message), choices in failed.items():
                yield "reconcile", ids, ngettext("{entity} {year} ({choices} choice): {message}",
                                                 "{entity} {year} ({choices} choices): {message}", len(choices)).format(
                    entity=entity, year=year, choices=and_list(choices), message=message)


def _unfinished(claims: pd.DataFrame):
    """A rate marked reported or estimated for a period that had not ended when its article appeared
    (transforms.unfinished): only a projection can be given for it."""
    flagged = claims[tf.unfinished(claims) & claims["basis"].isin(["reported", "estimated"])]
    for _index, claim in flagged.iterrows():  # not `_`, which is the translation
        message = (_("{claim_id} gives {amount} for {period} as {basis}, but its article was published on {published}, "
                     "when the period (to {end}) had not ended: it can only be projected.")
                   if claim["source_dated_by"] == "published" else
                   _("{claim_id} gives {amount} for {period} as {basis}, but its article was written in {written} (undated), "
                     "when the period (to {end}) had not ended: it can only be projected."))
        yield "unfinished_period", (claim["id"],), message.format(
            claim_id=claim["id"], amount=_rate(_shown(claim), claim["per"]), period=claim["period"], basis=claim["basis"],
            published=f"{claim['source_date']:%Y-%m-%d}", written=claim["source_written"], end=f"{claim['period_end']:%Y-%m-%d}")


def _reading(claim: pd.Series) -> str:
    """A claim's period, and its interval where the qualifier makes it wider than the value: '2024, $0 to $3.0B'."""
    low, high = claim["low"], claim["high"]
    if low == high:
        return claim["period"]
    if math.isinf(high):
        return _("{period}, {low} or more").format(period=claim["period"], low=_shown(claim, low))
    return _("{period}, {low} to {high}").format(period=claim["period"], low=_shown(claim, low), high=_shown(claim, high))


def _disagreement(prepared: pd.DataFrame):
    """Figures from different articles for one entity, metric, scope and period whose intervals do not
    overlap (transforms.conflicts): each claim's reading, then the pairs that cannot both hold."""
    by_id = prepared.set_index("id", drop=False)
    for group in tf.conflicts(prepared).itertuples(index=False):
        members = [by_id.loc[i] for i in group.claim_ids.split(", ")]
        readings = ", ".join(f"{m['id']} {qualified(_shown(m), m['qualifier'])} ({_reading(m)})" for m in members)
        clashes = "; ".join(
            _("{claim_id} and {other_id} do not overlap").format(claim_id=a["id"], other_id=b["id"])
            for i, a in enumerate(members) for b in members[i + 1:]
            if a["source"] != b["source"] and not overlaps((a["low"], a["high"]), (b["low"], b["high"]))
        )
        scope = "" if group.scope == COMPANY else f" ({group.scope})"
        yield "disagreement", tuple(m["id"] for m in members), (
            f"{group.entity} {metric_label(group.metric).lower()}{scope}, {group.period}: {readings}; {clashes}.")


def _conversion(claims: pd.DataFrame):
    """A conversion whose implied rate (transforms.implied_fx_rates) is more than FX_SPREAD from the median of
    the other conversions into the same currency in its article or in articles of its year."""
    rates = tf.implied_fx_rates(claims)
    years = claims.drop_duplicates("source").set_index("source")["source_date"].dt.year
    rates = rates.assign(year=rates["source"].map(years))
    by_id = claims.set_index("id", drop=False)
    for index, rate in rates.iterrows():
        peers = rates[(rates.index != index) & (rates["currency"] == rate["currency"])
                      & ((rates["source"] == rate["source"]) | (rates["year"] == rate["year"]))]
        if peers.empty:
            continue
        reference = float(peers["rate"].median())
        off = rate["rate"] / reference - 1
        if abs(off) > FX_SPREAD:
            usd, other = by_id.loc[rate["usd_claim"]], by_id.loc[rate["claim"]]
            message = (_("{claim_id} converts {usd} into {amount}: {rate} {currency} per USD, {off} above the {reference} of "
                         "the other conversions in its article or year ({peers}).") if off > 0 else
                       _("{claim_id} converts {usd} into {amount}: {rate} {currency} per USD, {off} below the {reference} of "
                         "the other conversions in its article or year ({peers})."))
            yield "conversion", (rate["usd_claim"], rate["claim"]), message.format(
                claim_id=other["id"], usd=format_usd(usd["value"]), amount=format_value(other["value"], other["unit"]),
                rate=f"{rate['rate']:,.4g}", currency=rate["currency"], off=percent(abs(off)), reference=f"{reference:,.4g}",
                peers=", ".join(peers["claim"]))


def _stale_input(prepared: pd.DataFrame, as_of: pd.Timestamp):
    """Runway inputs (runway_inputs.runway_inputs) whose period ended more than STALE_AFTER_MONTHS before as_of,
    with runway_inputs.ran_out_warning when, by the Runway page's own projection (runway_inputs.default_projection), the
    cash had run out by then."""
    limit = as_of - pd.DateOffset(months=STALE_AFTER_MONTHS)
    for entity in sorted(set(prepared.loc[prepared["metric"] == "net_loss", "entity"])):
        inputs = runway_inputs.runway_inputs(prepared, entity, as_of)
        if inputs is None:
            continue
        used = prepared[prepared["id"].isin(inputs.claim_ids)].set_index("id").loc[list(inputs.claim_ids)]
        stale = used[used["period_end"] < limit]
        if stale.empty:
            continue
        ran_out = runway_inputs.ran_out_warning(runway_inputs.default_projection(inputs).zero_cash_date, as_of)
        listed = ", ".join(_("{claim_id} ({metric}, {period}, ended {end})").format(
            claim_id=claim_id, metric=metric_label(row["metric"]).lower(), period=row["period"],
            end=f"{row['period_end']:%Y-%m-%d}") for claim_id, row in stale.iterrows())
        message = _("{company}'s runway starts from inputs that ended more than {months} months before {as_of}: {inputs}.")
        message = message.format(company=entity, months=STALE_AFTER_MONTHS, as_of=f"{as_of:%Y-%m-%d}", inputs=listed)
        yield "stale_input", tuple(stale.index), message + (f" {ran_out}" if ran_out else "")


def _echo(claims: pd.DataFrame):
    """The same amount, unit and rate for the same entity given by another article for a later period
    (transforms.echoes), whatever the metric or scope: often a stale figure relabelled."""
    by_id = claims.set_index("id", drop=False)
    for later_id, earlier in tf.echoes(claims).items():
        later = by_id.loc[later_id]
        said = "; ".join(f"{i} ({_what(by_id.loc[i])}, {by_id.loc[i, 'period']})" for i in earlier)
        yield "echo", (*earlier, later_id), _(
            "{claim_id} ({what}, {period}) gives {amount}, the amount other articles give for an earlier period: {earlier}."
        ).format(claim_id=later_id, what=_what(later), period=later["period"],
                 amount=_rate(format_value(later["value"], later["unit"]), later["per"]), earlier=said)


def _uncurated(claims: pd.DataFrame, articles: Mapping[str, str] | None):
    """A figure of a cited article that no claim carries and no dismissal covers (lib.coverage): it names no claim."""
    for figure in coverage.uncurated(claims, articles):
        yield "uncurated", (), _(
            "{figure} in {source} ({file}) is carried by no claim of that article and is not dismissed: \"{sentence}\". "
            "Make a claim of it, or list it under dismissed: with the reason it deserves none."
        ).format(figure=figure.text, source=figure.source, file=figure.file, sentence=_shorten(figure.sentence))


def _shorten(sentence: str, keep: int = 160) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= keep else flat[:keep].rsplit(" ", 1)[0] + " …"


def _what(claim: pd.Series) -> str:
    scope = "" if claim["scope"] == COMPANY else f", {claim['scope']}"
    return f"{metric_label(claim['metric']).lower()}{scope}"


# ---------------------------------------------------------------- acknowledgements and the frame

def _acknowledge(found: list[tuple], acknowledged, present: set[str]) -> pd.DataFrame:
    """Findings as a frame, each marked acknowledged when an entry has its kind and set of claims; an entry
    that matches nothing becomes an unmatched_acknowledgement finding."""
    reasons = {(a.kind, frozenset(a.claims)): a.reason for a in acknowledged}
    rows = []
    for kind, claims, message in found:
        reason = reasons.get((kind, frozenset(claims)))
        rows.append({"kind": kind, "severity": KINDS[kind].severity, "claims": tuple(claims), "message": message,
                     "acknowledged": reason is not None, "reason": reason})
    matched = {(row["kind"], frozenset(row["claims"])) for row in rows}
    for entry in acknowledged:
        if (entry.kind, frozenset(entry.claims)) not in matched and set(entry.claims) <= present:
            rows.append({"kind": "unmatched_acknowledgement", "severity": KINDS["unmatched_acknowledgement"].severity,
                         "claims": entry.claims, "acknowledged": False, "reason": None,
                         "message": _("the acknowledged {kind} finding about {claims} matches no finding: remove the entry "
                                      "or correct its kind or claims.").format(kind=entry.kind, claims=", ".join(entry.claims))})
    order = list(KINDS)
    rows.sort(key=lambda row: (SEVERITIES.index(row["severity"]), order.index(row["kind"])))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"kind": "str", "severity": "str", "message": "str", "acknowledged": "bool"})


# ---------------------------------------------------------------- command line

def text_report(findings: pd.DataFrame, as_of) -> str:
    """One line per finding, `severity kind: message [claim ids]`, then the count by kind."""
    lines = [
        f"{row.severity} {row.kind}: {row.message}" + (f" [{', '.join(row.claims)}]" if row.claims else "")
        + (f" (acknowledged: {row.reason})" if row.acknowledged else "")
        for row in findings.itertuples(index=False)
    ]
    counts = Counter(findings["kind"])
    acknowledged = Counter(findings.loc[findings["acknowledged"], "kind"])
    by_kind = ", ".join(f"{kind} {counts[kind]}" + (f" ({acknowledged[kind]} acknowledged)" if acknowledged[kind] else "")
                        for kind in KINDS if counts[kind])
    count = f"{len(findings)} finding{'' if len(findings) == 1 else 's'}"
    lines.append(f"{count} as of {pd.Timestamp(as_of):%Y-%m-%d}" + (f": {by_kind}" if by_kind else ""))
    return "\n".join(lines)


def json_report(findings: pd.DataFrame) -> str:
    """The findings as a strict JSON list of objects: kind, severity, claims, message, acknowledged, reason (null
    when not acknowledged)."""
    return strict_json.dumps(findings.to_dict("records"))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when the audit ran (whatever it found), 1 when a file fails validation (its problems on stderr,
    as lib.validate prints them), 2 for bad arguments."""
    parser = argparse.ArgumentParser(prog="python -m lib.audit", description=(
        "Audit claims files as one dataset: contradictions within and between the articles."))
    parser.add_argument("files", nargs="*", metavar="FILE", default=[DEFAULT_FILE], help=f"claims files (default {DEFAULT_FILE})")
    parser.add_argument("--json", action="store_true", help="print only a JSON list of the findings")
    parser.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="the date stale inputs are judged at (default: today)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the problem
        return int(exit_.code or 0)
    as_of = args.as_of or dt.date.today()
    try:
        claims = load_claims(*args.files)
    except ClaimsError as err:
        print("\n".join(err.problems), file=sys.stderr)
        return 1
    except Exception as err:  # a loader bug: still no traceback
        print(f"{args.files[0]}:1: file: could not be checked ({type(err).__name__}: {err})", file=sys.stderr)
        return 1
    try:
        findings = audit(claims, as_of)
    except Exception as err:  # the promise is: never a traceback
        print(f"audit failed: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    print(json_report(findings) if args.json else text_report(findings, as_of))
    return 0


if __name__ == "__main__":
    sys.exit(main())
