"""The interface language: gettext catalogs under locale/, and the language the code in progress speaks.

Every message the reader sees is English in the code, marked with _() where it is said (ngettext() when it
counts something), or with N_() where it is defined once, in a table, and said later through _():

    st.title(_("{company}: how long does the cash last?").format(company=entity))

The catalogs are locale/<language>/LC_MESSAGES/burnboard.po, refreshed from the code by `make i18n` (Babel's
extract, update and compile); a .po is compiled to its .mo at first use when the .mo is missing or older. The
pseudo language wraps every message in ⟦…⟧, so a test can tell English the code produced without a message.
Money, months and days in each language are lib.locale_forms'.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "burnboard"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = {"en": "English", "ko": "한국어", "fr": "Français"}  # code -> the language's own name
TRANSLATED = ("ko", "fr")  # the languages with a catalog; English is the code's own
PSEUDO = "pseudo"  # every message wrapped in ⟦…⟧

T = TypeVar("T")

_speaking: contextvars.ContextVar[str] = contextvars.ContextVar("language", default="en")


def language() -> str:
    """The language of the code in progress: English unless set."""
    return _speaking.get()


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block (an unknown code means English), then the language before it again."""
    token = _speaking.set(lang if lang in LANGUAGES or lang == PSEUDO else "en")
    try:
        yield
    finally:
        _speaking.reset(token)


def later(make: Callable[[], T]) -> Callable[[], T]:
    """make, to be called later and elsewhere (a download built when clicked, on the server's own thread), in the
    language spoken now."""
    lang = language()

    def in_language() -> T:
        with speaking(lang):
            return make()
    return in_language


def N_(message: str) -> str:
    """Mark a message defined once (a label in a table) for the catalogs; _() says it where it is shown."""
    return message


def _(message: str) -> str:
    """The message in the language of the code in progress."""
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for `count`, by the language's plural rule (Korean has one form)."""
    return _translations(language()).ngettext(singular, plural, count)


class _Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return f"⟦{singular if count == 1 else plural}⟧"


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == PSEUDO:
        return _Pseudo()
    if lang not in TRANSLATED:
        return gettext.NullTranslations()
    compile_catalog(lang)
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def catalog_path(lang: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def compile_catalog(lang: str) -> Path:
    """Write the language's .mo from its .po when the .mo is missing or older; returns the .mo's path."""
    po, mo = catalog_path(lang), catalog_path(lang, ".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        with po.open("rb") as source:
            catalog = read_po(source, locale=lang, domain=DOMAIN)
        partial = mo.with_name(mo.name + ".partial")
        with partial.open("wb") as target:
            write_mo(target, catalog)
        partial.replace(mo)  # whole or not at all, should two servers compile at once
    return mo
