"""The figures of one sentence: money in USD, KRW and EUR, percentages, and counts with their unit word, each
read into base units, as English, Korean and French write them.

Written by hand: the Korean 만/억/조 grammar is in no library, and Recognizers-Text, weighed for English and
French, missed forms the articles use and was too slow (docs/curation-numbers.md gives the measurements).

A number is a figure only with a currency, a percent sign or a unit word, so years, dates and bare counts never
are. A bare amount with an English or French scale word ("2000 milliards") takes the currency of the nearest
money in its sentence;
the first number of a range ("$3-5 billion", "3~5억 달러") takes the second's scale and unit. A figure in one
currency beside the same figure in another ("70만 달러(9억 3천만원)") is its twin: the non-dollar one carries
the dollar value in `usd`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from lib.curate import qualifiers

LANGUAGES = ("en", "ko", "fr")
USD, KRW, EUR, PERCENT = "USD", "KRW", "EUR", "percent"
MONEY = (USD, KRW, EUR)
_FOREIGN = "other currency"  # money in another currency (£, yen, Canadian dollars): never a figure here, but
# recognised, so that its number is not read as bare and given a dollar neighbour's currency


@dataclass(frozen=True)
class Amount:
    """A figure found in a sentence: its value in base units, unit, hedge, rate, and where it is written."""

    value: float
    unit: str
    qualifier: str
    per: str | None
    text: str
    start: int
    end: int
    usd: float | None


@dataclass(frozen=True)
class _Token:
    """A number with what is written around it; unit None for a bare number (kept only to resolve others)."""

    start: int
    end: int
    number: Decimal  # the number as written, before its scale word
    scale: Decimal  # 1 without a scale word
    word_scale: bool  # the scale is an English or French word (billion, milliards), which may stand without its
    #                   currency ("2000 milliards"); Korean repeats 달러 instead, and a bare 1억 is often a count
    unit: str | None

    @property
    def value(self) -> Decimal:
        return self.number * self.scale


_SP = "[ \u00a0\u202f]"  # a space, a no-break space or a narrow no-break space
_EN_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_FR_NUMBER = rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?"
_KO_COEFFICIENT = rf"(?:{_EN_NUMBER})(?:[천백십](?:{_EN_NUMBER})?)*"  # 3천, 5백, 3천5백, 1,000, 1.5
_KO_PLACE_ALONE = "[천백십](?=[만억조])"  # 천만, 백억: one thousand 만, one hundred 억 (not 수백만, 몇천억: vague)
# 9억 3천만, 1조5천억, 70만, 1억 5000, 천만, 1억 천만
_KO_NUMBER = (rf"(?:{_KO_COEFFICIENT}|(?<![가-힣]){_KO_PLACE_ALONE})"
              rf"(?:[조억만](?:\s?(?:{_KO_COEFFICIENT}|{_KO_PLACE_ALONE})[조억만])*(?:\s?{_KO_COEFFICIENT})?)?")
_NOT_AFTER = r"(?<![A-Za-z0-9_.,À-ÿ])"  # a number starts a word: not "A100", "ai2024", the "000" of "700 000"
# "a billion dollars", "un milliard de dollars": one, written as a word before a scale word
_EN_ONE = r"(?<![\w'’])(?:an?|one)(?=\s(?:thousand|million|billion|trillion)(?![A-Za-z]))"
_FR_ONE = rf"(?<!\w)(?:un|une)(?={_SP}(?:million|milliard|billion)(?![A-Za-zÀ-ÿ]))"
_NUMBER = {
    "en": re.compile(rf"{_NOT_AFTER}(?:{_KO_NUMBER})|{_EN_ONE}", re.IGNORECASE),
    "fr": re.compile(rf"{_NOT_AFTER}(?:{_FR_NUMBER})|{_FR_ONE}", re.IGNORECASE),
    "ko": re.compile(rf"{_NOT_AFTER}(?:{_KO_NUMBER})|{_EN_ONE}", re.IGNORECASE),
}
_ONE_WORDS = {"a", "an", "one", "un", "une"}
_KO_BIG_WRITTEN = re.compile("[만억조]")
_KO_FRACTION = re.compile(r"(?<![\d.,])(\d+)\s?분의\s?(\d+(?:\.\d+)?)")  # 4분의 1: a quarter
_PREFIX = re.compile(r"(?:(?<![A-Za-z0-9])(?P<usd>US\$|U\.S\.\s?\$|\$|USD\s?)|(?P<eur>€|(?<![A-Za-z])EUR\s?)"
                     r"|(?P<krw>₩|(?<![A-Za-z])KRW\s?)"
                     r"|(?P<foreign>[£¥₹₽]|(?<![A-Za-z])(?:HK|A|C|S|NT|NZ|R)\$"
                     r"|(?<![A-Za-z])(?:GBP|JPY|CNY|RMB|CHF|INR|CAD|AUD|HKD)\s?))\Z")
_CURRENCY_CODE = {"usd": USD, "eur": EUR, "krw": KRW, "foreign": _FOREIGN}

_EN_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "k": 3, "m": 6, "mn": 6, "b": 9, "bn": 9,
              "tn": 12}
_FR_SCALES = {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9, "billion": 12,
              "billions": 12, "k": 3, "m": 6, "md": 9, "mds": 9, "mrd": 9, "mrds": 9}
_KO_SMALL = {"십": 1, "백": 2, "천": 3}
_KO_BIG = {"만": 4, "억": 8, "조": 12}
_WORD_SCALES = {"thousand", "million", "billion", "trillion", "mille", "millions", "milliard", "milliards",
                "billions"}

# Count unit words: the units of the vocabulary's counts (users, GPUs, GW, devices, people, years) as the
# three languages write them, with the adjectives that may stand between ("100 million weekly active users").
_EN_UNITS = (r"users?|customers|subscribers|members|employees|staff|workers|people|engineers|researchers|jobs"
             r"|GPUs?|chips|servers|accelerators|gigawatts?|GW|megawatts?|MW|devices|smartphones|years?")
_EN_ADJECTIVES = (r"weekly|monthly|daily|active|paying|paid|registered|new|more|additional|full-time|AI|Nvidia"
                  r"|NVIDIA|[AHB]\d{2,3}|graphics|of")
_FR_UNITS = (r"utilisateur(?:rice)?s?|abonnés|clients|membres|employés|salariés|personnes|ingénieurs|emplois"
             r"|GPU|puces|processeurs|serveurs|gigawatts?|GW|mégawatts?|MW|appareils|smartphones|ans")
_FR_ADJECTIVES = r"nouveaux|nouvelles|actifs|payants|hebdomadaires|mensuels|de|d['’]|cartes|graphiques"
_KO_UNITS = r"명|대|개|기가와트|메가와트|GW|MW|GPU|년"

# English and Korean write numbers alike (1,234.5), and Korean adds 만/억/조; their words are looked for together,
# since a Korean article may quote English ("$700,000 per day") and an English one Korean ("1.3조원").
_POINT_SUFFIX = re.compile(
    r"(?P<odd>여)?"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion)(?![A-Za-z])|\s?(?:bn|mn|tn)(?![A-Za-z])"
    r"|[kKmMbB](?![A-Za-z]))?"
    r"(?:(?P<foreign>\s?(?:(?:pounds?|sterling|yen|yuan|renminbi|rupees?|(?:Swiss\s)?francs?"
    r"|(?:Canadian|Australian|Hong\sKong|Singapore|New\sZealand|Taiwan(?:ese)?)\sdollars?"
    r"|GBP|JPY|CNY|CHF|INR|CAD|AUD|HKD)(?![A-Za-z])|엔(?!비)|위안|파운드|루피|프랑))"
    r"|(?P<money>\s?(?:(?:US|U\.S\.)\s)?(?P<cur>dollars?|euros?|won|USD|EUR|KRW|달러|유로|원(?![칙색소자]))"
    r"(?![A-Za-z]))"
    r"|(?P<percent>\s?(?:%(?!p)|percent(?![A-Za-z])|per\scent(?![A-Za-z])|퍼센트(?!포인트)))"
    rf"|(?P<count>\s?(?:(?:{_EN_ADJECTIVES})\s){{0,3}}(?P<unit>(?:{_EN_UNITS})(?![A-Za-z])|{_KO_UNITS})))?")
_FR_SUFFIX = re.compile(
    rf"(?P<scale>{_SP}?(?:mille|millions?|milliards?|billions?)(?![A-Za-zÀ-ÿ])|{_SP}?(?:Mds?|Mrds?)(?![A-Za-z])"
    rf"|{_SP}?[Mk](?={_SP}?[$€]))?"
    rf"(?:(?P<foreign>{_SP}?(?:(?:de|d['’]){_SP}?)?(?:livres?(?:{_SP}sterling)?|yens?|yuans?|roupies?|francs?"
    rf"|dollars?{_SP}(?:canadiens|australiens|de{_SP}Hong{_SP}Kong|de{_SP}Singapour|néo-zélandais)|£|¥"
    r"|GBP|JPY|CNY|CHF)(?![A-Za-zÀ-ÿ]))"
    rf"|(?P<money>{_SP}?(?:(?:de|d['’]){_SP}?)?(?P<cur>dollars?(?:{_SP}américains)?|euros?|wons?|\$|€|USD|EUR|KRW)"
    r"(?![A-Za-zÀ-ÿ]))"
    rf"|(?P<percent>{_SP}?(?:%|pour{_SP}?cents?(?![A-Za-z])|pourcents?(?![A-Za-z])))"
    rf"|(?P<count>{_SP}(?:(?:{_FR_ADJECTIVES}){_SP}?){{0,3}}(?P<unit>{_FR_UNITS}|{_EN_UNITS})(?![A-Za-zÀ-ÿ])))?")
_SUFFIX = {"en": _POINT_SUFFIX, "ko": _POINT_SUFFIX, "fr": _FR_SUFFIX}
_CURRENCY_WORD = {"dollar": USD, "dollars": USD, "usd": USD, "$": USD, "달러": USD, "euro": EUR, "euros": EUR,
                  "eur": EUR, "€": EUR, "유로": EUR, "won": KRW, "wons": KRW, "krw": KRW, "원": KRW}
_STRAY = re.compile(r"[A-Za-z]")  # a number glued to other letters ("4o", "5G") is no figure

_RANGE_GAP = re.compile(r"\s*(?:-|–|—|~|∼|to|and|à|et|에서)\s*\Z")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|by|since|until|from|during|of|en|dès|depuis|avant|après|jusqu['’]en)"
                          r"|[(,])\s*\Z", re.IGNORECASE)
# "3 years ago", "3년 전", "1년 만에", "il y a 3 ans": a point in time, not a count of years
_POINT_IN_TIME_AFTER = re.compile(r"\s*(?:ago|old|later|earlier|before|after|plus\s+tard|plus\s+tôt|auparavant)\b"
                                  r"|\s?(?:전|후|뒤|만|째|대|도|생|월)")
_POINT_IN_TIME_BEFORE = re.compile(r"\bil\s+y\s+a\s*\Z")
_LOOK_BACK = 20  # characters searched before a number for the words above, so a long sentence stays linear
_TWIN_GAP = re.compile(
    r"\s*(?:[(（\[]|,?\s*(?:or|i\.e\.,?|soit|ou|즉|또는)|=|≈)\s*"
    r"(?:약|대략|about|around|roughly|approximately|approx\.|some|environ|près de|soit|i\.e\.,?|≈|~)?\s*\Z",
    re.IGNORECASE)


def find(sentence: str, language: str) -> list[Amount]:
    """The figures written in sentence, in order of start; language is "en", "ko" or "fr"."""
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    tokens = _ranges(sentence, _carry_currency(_without_overlaps(_tokens(sentence, language))))
    tokens = [t for t in tokens if t.unit not in (None, _FOREIGN) and not _not_a_figure(sentence, t)]
    amounts = []
    for token in tokens:
        since = qualifiers.per_end(sentence, amounts[-1].end) if amounts else 0
        amounts.append(Amount(
            value=float(token.value), unit=token.unit,
            qualifier=qualifiers.qualifier(sentence, token.start, token.end, language),
            per=qualifiers.per(sentence, token.start, token.end, since, before=token.unit in MONEY),
            text=sentence[token.start:token.end], start=token.start, end=token.end,
            usd=float(token.value) if token.unit == USD else None))
    return _twins(sentence, amounts)


def _tokens(sentence: str, language: str):
    """Every number in the sentence with its currency, scale and unit as written; bare ones with unit None."""
    for match in _NUMBER[language].finditer(sentence):
        token = _token(sentence, match, language)
        if token is not None:
            yield token
    if language == "fr":  # Korean money quoted in a French sentence, written the Korean way: "(1.3조원)"
        for match in _NUMBER["ko"].finditer(sentence):
            if _KO_BIG_WRITTEN.search(match.group()):
                token = _token(sentence, match, "ko")
                if token is not None and token.unit in MONEY:
                    yield token
    if language != "fr":
        for match in _KO_FRACTION.finditer(sentence):
            denominator, numerator = Decimal(match.group(1)), Decimal(match.group(2))
            if denominator:
                yield _Token(match.start(), match.end(), numerator / denominator * 100, Decimal(1), False, PERCENT)


def _token(sentence: str, match: re.Match, language: str) -> _Token | None:
    written = match.group()
    if written.lower() in _ONE_WORDS:
        number, scale, word_scale = Decimal(1), Decimal(1), False
    elif language == "fr":
        number, scale, word_scale = Decimal(re.sub(_SP, "", written).replace(",", ".")), Decimal(1), False
    else:
        number, scale = _korean(written)
        word_scale = False
    suffix = _SUFFIX[language].match(sentence, match.end())
    scale_word = suffix.group("scale")
    if scale_word:
        word = scale_word.strip(" \u00a0\u202f").lower()
        scale = Decimal(10) ** (_FR_SCALES if language == "fr" else _EN_SCALES)[word]
        word_scale = word in _WORD_SCALES
    elif suffix.end() == match.end() and _STRAY.match(sentence, match.end()):
        return None
    scale_end = suffix.end("scale") if scale_word else match.end()
    prefix = _PREFIX.search(sentence, max(0, match.start() - 6), match.start())
    if suffix.group("foreign"):
        unit, end = _FOREIGN, suffix.end()
    elif prefix:
        unit = _CURRENCY_CODE[prefix.lastgroup]
        end = suffix.end() if suffix.group("money") else scale_end
    elif suffix.group("money") and not _stray_won(suffix.group("cur"), number, scale_word):
        unit, end = _CURRENCY_WORD[suffix.group("cur").split()[0].lower()], suffix.end()
    elif suffix.group("percent"):
        unit, end = PERCENT, suffix.end()
    elif suffix.group("count"):
        unit, end = suffix.group("unit"), suffix.end()
    else:
        unit, end = None, scale_end
    return _Token(prefix.start() if prefix else match.start(), end, number, scale, word_scale, unit)


def _stray_won(currency: str, number: Decimal, scale_word: str | None) -> bool:
    """Whether an English "won" after a number is the verb ("a team of 5 won"), not Korean won: won amounts are
    written large ("5 trillion won", "50,000 won")."""
    return currency.lower() in ("won", "wons") and scale_word is None and number < 1000


def _without_overlaps(tokens) -> list[_Token]:
    """The tokens in order of start, a token inside a longer one dropped ("1.3" inside "1.3조원")."""
    kept: list[_Token] = []
    for token in sorted(tokens, key=lambda t: (t.start, -t.end)):
        if kept and token.start < kept[-1].end:
            continue
        kept.append(token)
    return kept


def _korean(written: str) -> tuple[Decimal, Decimal]:
    """A Korean number as (number, scale): digits grouped by 십, 백, 천 within each 만, 억 and 조, the scale being
    the last of these written ("9억 3천만" -> 93,000 x 10**4; "5억" -> 5 x 10**8; "2024" -> 2024 x 1)."""
    total = section = Decimal(0)
    current = None
    for part in re.findall(r"\d[\d,]*(?:\.\d+)?|[십백천만억조]", written):
        if part in _KO_SMALL:
            section += (Decimal(1) if current is None else current) * 10 ** _KO_SMALL[part]
            current = None
        elif part in _KO_BIG:
            section += Decimal(0) if current is None else current
            total += (section or Decimal(1)) * 10 ** _KO_BIG[part]
            section, current = Decimal(0), None
        else:
            current = Decimal(part.replace(",", ""))
    bigs = _KO_BIG_WRITTEN.findall(written)
    scale = Decimal(10) ** _KO_BIG[bigs[-1]] if bigs else Decimal(1)
    return (total + section + (current or Decimal(0))) / scale, scale


def _ranges(sentence: str, tokens: list[_Token]) -> list[_Token]:
    """The first number of a range takes the scale and unit of the second: "$3-5 billion", "3~5억 달러"."""
    resolved = list(tokens)
    for i in range(len(resolved) - 1):
        first, second = resolved[i], resolved[i + 1]
        if second.unit is None or first.unit not in (None, second.unit):
            continue
        if not _RANGE_GAP.match(sentence[first.end:second.start]):
            continue
        if first.scale == 1:
            candidate = replace(first, scale=second.scale, word_scale=second.word_scale, unit=second.unit)
        elif first.unit is None:
            candidate = replace(first, unit=second.unit)
        else:
            continue
        if candidate.value < second.value:
            resolved[i] = candidate
    return resolved


def _carry_currency(tokens: list[_Token]) -> list[_Token]:
    """A bare amount with a scale word ("2000 milliards", "7 billion") takes the currency of the nearest money
    figure in its sentence; without one it stays bare."""
    money = [t for t in tokens if t.unit in MONEY or t.unit == _FOREIGN]
    if not money:
        return tokens
    carried = []
    for token in tokens:
        if token.unit is None and token.word_scale:
            nearest = min(money, key=lambda m: abs(m.start - token.start))
            token = replace(token, unit=nearest.unit)
        carried.append(token)
    return carried


def _not_a_figure(sentence: str, token: _Token) -> bool:
    """Whether a count is a year or a point in time rather than a figure (2024년, "in 2024 users", 3년 전), or
    is counted in a Korean counter that says nothing when small: 대 as an age group or a ranking (30대: in their
    thirties; 100대 기업: the top 100 companies), 개 for anything (3개 회사). Machines and chips counted in 대 and
    개 are written large: 1만 대, 20억대, 5,000대, 2만 개."""
    year_like = token.scale == 1 and token.number == token.number.to_integral() and 1000 <= token.number <= 2999
    if token.unit in ("대", "개"):
        return token.scale == 1 and token.number < 1000
    if token.unit in ("년", "years", "year", "ans"):
        return (year_like or bool(_POINT_IN_TIME_AFTER.match(sentence, token.end))
                or bool(_POINT_IN_TIME_BEFORE.search(sentence, max(0, token.start - _LOOK_BACK), token.start)))
    if token.unit in MONEY or token.unit == PERCENT or not year_like:
        return False
    before = _YEAR_BEFORE.search(sentence, max(0, token.start - _LOOK_BACK), token.start)
    return bool(before) and "," not in sentence[token.start:token.end]


def _twins(sentence: str, amounts: list[Amount]) -> list[Amount]:
    """A KRW or EUR figure written beside a dollar figure for the same money carries its dollar value, and the
    twins share the rate given for either."""
    linked = list(amounts)
    for i in range(len(linked) - 1):
        units = {linked[i].unit, linked[i + 1].unit}
        if len(units) != 2 or USD not in units or not units <= set(MONEY):
            continue
        if not _TWIN_GAP.match(sentence[qualifiers.per_end(sentence, linked[i].end):linked[i + 1].start]):
            continue
        dollar_at, other_at = (i, i + 1) if linked[i].unit == USD else (i + 1, i)
        rate = linked[dollar_at].per or linked[other_at].per
        linked[dollar_at] = replace(linked[dollar_at], per=rate)
        linked[other_at] = replace(linked[other_at], usd=linked[dollar_at].value, per=rate)
    return linked
