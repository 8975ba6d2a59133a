"""Text formatting shared by charts, tables, checks and exports: money, a claim's figure, and its source.

Pure string work on claim rows (pandas Series or dicts); nothing here draws a figure.
"""
from __future__ import annotations

import math

import pandas as pd

from lib.i18n import _
from lib.locale_forms import CURRENCIES, day, money, number, spoken
from lib.peers import SHORT_CITATION
from lib.locale_forms import qualified
from lib.vocabulary import FX_BASES, PER_AMOUNT, SOURCE_TYPES, bundle_text


def format_usd(value: float | None, digits: int = 1) -> str:
    """Dollars the way slides in the language spoken write them: $5.0B, 50억 달러, 5,0 Md$ (lib.locale_forms.money)."""
    return money(value, digits=digits)


def format_value(value: float | None, unit: str | None) -> str:
    """A claim's value in its own unit, in the language spoken: $5.0B for USD, ₩930.0B for KRW, 100.0M users, 10 GW."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _("not quantified")
    if unit in CURRENCIES:
        return money(value, currency=unit)
    count = number(value, digits=1 if value >= 1e3 else 0)
    return f"{count}%" if unit == "percent" else f"{count} {unit}"


def quotes_in_order(quote, english, article_language: str, lang: str | None = None) -> list[tuple[str, str]]:
    """A claim's quote and its English translation as (language, text), in the order the reader reads them: the
    original first when the reader's language (lang None: the language spoken) is the article's, else the English
    first. One when the two are the same or there is no translation."""
    original = (article_language, str(quote).strip())
    translation = ("en", english.strip()) if isinstance(english, str) and english.strip() else None
    if translation is None or translation[1] == original[1]:
        return [original]
    return [original, translation] if spoken(lang) == article_language else [translation, original]


def claim_figure(row) -> str:
    """A claim's number as the article gave it, with its qualifier and rate: '≈ $5.0B a year'; '' for events."""
    if pd.isna(row["value"]):
        return ""
    per = row["per"] if isinstance(row["per"], str) else None
    bundle = bundle_text(row.get("includes")) if hasattr(row, "get") else ""
    figure = qualified(format_value(row["value"], row["unit"]), row["qualifier"])
    return (_(PER_AMOUNT[per]).format(amount=figure) if per in PER_AMOUNT else figure) + (f" ({bundle})" if bundle else "")


def conversion_text(row) -> str:
    """Which rate made a money claim's dollars (transforms.to_usd's fx_basis), '' for dollars and figures that are
    not money: 'EUR at 0.9200 per USD (the file's rate)'."""
    basis = row.get("fx_basis") if hasattr(row, "get") else None
    how = FX_BASES.get(basis) if isinstance(basis, str) else None
    return _("{unit} at {rate} per USD ({how})").format(unit=row["unit"], rate=f"{row['fx_rate']:,.4g}", how=_(how)) if how else ""


def source_kind_label(row) -> str:
    """'News outlet: Digital Times (2026-02-01)': the kind of source beside the article, as every number shows it."""
    kind = row.get("source_source_type") if hasattr(row, "get") else None
    label = _(SOURCE_TYPES[kind].label) if isinstance(kind, str) and kind in SOURCE_TYPES else _("Source")
    return f"{label}: {source_label(row)}"


def source_label(row) -> str:
    """'Publisher (2024-06-01)', or for an undated article the period it was written in: 'Publisher (written 2024)'."""
    published = row["source_published"]
    if not pd.isna(published):
        return f"{row['source_publisher']} ({pd.Timestamp(published).date().isoformat()})"
    written = row.get("source_written") if hasattr(row, "get") else None
    return f"{row['source_publisher']} ({_written(written)})"


def source_date(row) -> str:
    """'1 Feb 2026', or for an undated article 'written 2024' (or 'undated')."""
    published = row["source_published"]
    if not pd.isna(published):
        return day(pd.Timestamp(published).date())
    written = row.get("source_written") if hasattr(row, "get") else None
    return _written(written)


def _written(written) -> str:
    """'written 2024' for an undated article with the period it was written in, else 'undated'."""
    return _("written {period}").format(period=written) if isinstance(written, str) else _("undated")


def source_line(claims: pd.DataFrame, peers: bool = False) -> str:
    """'Sources: Digital Times, 1 Feb 2026; LEBIGDATA.FR, written 2024; Epoch AI (CC BY 4.0).': each article
    once, oldest first (undated last). Claim ids stay off the image: they are in the CSV, the notes and the
    claims table."""
    if claims.empty and not peers:
        return _("Sources: none (no claims match these settings).")
    ordered = claims.sort_values("source_published", na_position="last", kind="mergesort")
    sources = list(dict.fromkeys(f"{row['source_publisher']}, {source_date(row)}" for _index, row in ordered.iterrows()))
    return _("Sources: {sources}.").format(sources="; ".join(sources + ([SHORT_CITATION] if peers else [])))


def and_list(words: list[str]) -> str:
    """'revenue', 'revenue and funding', 'revenue, funding and compute spend'."""
    if len(words) < 2:
        return "".join(words)
    return _("{items} and {last}").format(items=", ".join(words[:-1]), last=words[-1])
