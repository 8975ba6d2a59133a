"""How a figure in a sentence is hedged (its qualifier) and whether it is a rate (its `per`), from the words
written next to it, in English, Korean and French.

The qualifier names are lib.vocabulary's QUALIFIERS; the rates are its PERS. English and French put the hedge
before the figure ("more than $5 billion", "plus de 5 milliards"); Korean mostly after it ("50억 달러 이상",
"300명이 넘는"), with 약 and 최소 before.
"""
from __future__ import annotations

import re

from lib.vocabulary import PERS

# The words, mapped to the vocabulary's qualifiers. The longest phrase written wins: "no more than" over "more than".
_BEFORE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "no more than": "up_to", "not more than": "up_to", "no less than": "at_least", "not less than": "at_least",
        "more than": "more_than", "over": "more_than", "above": "more_than", "in excess of": "more_than",
        "upwards of": "more_than", "upward of": "more_than", "north of": "more_than",
        "at least": "at_least", "a minimum of": "at_least", "as much as": "up_to", "as many as": "up_to",
        "up to": "up_to", "at most": "up_to", "a maximum of": "up_to",
        "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
        "just under": "nearly", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
        "about": "approximately", "around": "approximately", "roughly": "approximately",
        "approximately": "approximately", "approx.": "approximately", "some": "approximately",
        "an estimated": "approximately", "circa": "approximately", "~": "approximately",
    },
    "ko": {
        "약": "approximately", "대략": "approximately", "대략적으로": "approximately",
        "거의": "nearly", "최소": "at_least", "최소한": "at_least", "적어도": "at_least",
        "최대": "up_to", "최고": "up_to",
    },
    "fr": {
        "pas moins de": "at_least", "pas plus de": "up_to", "un peu moins de": "nearly",
        "plus de": "more_than", "plus d'": "more_than", "plus d’": "more_than",
        "au moins": "at_least", "au minimum": "at_least", "au maximum": "up_to",
        "jusqu'à": "up_to", "jusqu’à": "up_to",
        "moins de": "less_than", "moins d'": "less_than", "moins d’": "less_than",
        "près de": "nearly", "presque": "nearly", "quasiment": "nearly", "pratiquement": "nearly",
        "environ": "approximately", "autour de": "approximately", "approximativement": "approximately",
        "quelque": "approximately", "quelques": "approximately", "de l'ordre de": "approximately",
        "de l’ordre de": "approximately", "~": "approximately",
    },
}
_AFTER_WORDS: dict[str, dict[str, str]] = {
    "en": {"or more": "at_least", "or so": "approximately", "or less": "up_to"},
    "ko": {
        "이상": "at_least", "초과": "more_than", "이하": "up_to", "미만": "less_than",
        "넘는": "more_than", "넘은": "more_than", "넘게": "more_than", "넘어": "more_than", "넘었다": "more_than",
        "넘을": "more_than", "넘어선": "more_than", "웃도는": "more_than", "웃돌": "more_than",
        "가량": "approximately", "정도": "approximately", "쯤": "approximately", "안팎": "approximately",
        "내외": "approximately", "가까이": "nearly", "가까운": "nearly", "육박": "nearly", "남짓": "more_than",
    },
    "fr": {"environ": "approximately", "ou plus": "at_least", "au moins": "at_least", "tout au plus": "up_to"},
}
# Korean particles that may stand between a figure and the word after it ("300명이 넘는", "1만 달러를 넘었다").
_KO_PARTICLE = r"(?:이|가|을|를|은|는|도|에|로|으로)?"
_GAP = r"[ \u00a0\u202f]*"


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# A sentence may quote another language (an English paragraph in a Korean article), and no word of one language
# is a hedge or a rate word in another, so the words of all three are looked for in every sentence.
_BEFORE_ALL = {word: q for words in _BEFORE_WORDS.values() for word, q in words.items()}
_AFTER_ALL = {word: q for words in _AFTER_WORDS.values() for word, q in words.items()}
_BEFORE = re.compile(rf"(?<![\w'’])({_alternation(_BEFORE_ALL)}){_GAP}[(\[]?{_GAP}\Z", re.IGNORECASE)
_AFTER = re.compile(rf"{_GAP}-?(?:{_KO_PARTICLE}{_GAP}({_alternation(_AFTER_WORDS['ko'])})"
                    rf"|({_alternation(_AFTER_WORDS['en'] | _AFTER_WORDS['fr'])})(?!\w))", re.IGNORECASE)
_KO_ODD = re.compile(r"\d여")  # "300여 명": 300-odd people
_BEFORE_REACH = 30  # characters before a figure searched for its hedge


def qualifier(sentence: str, start: int, end: int, language: str) -> str:
    """The qualifier of the figure at sentence[start:end]: the hedge written right before or after it, or "exact"."""
    before = _BEFORE.search(sentence, max(0, start - _BEFORE_REACH), start)
    after = _AFTER.match(sentence, end)
    found_before = _BEFORE_ALL[before.group(1).lower()] if before else None
    found_after = _AFTER_ALL[(after.group(1) or after.group(2)).lower()] if after else None
    if found_after is None and _KO_ODD.search(sentence, start, end):
        found_after = "approximately"
    # Korean hedges the figure after it; a word after it there says more than 약 before it ("약 10억 달러 이상").
    ordered = (found_after, found_before) if language == "ko" else (found_before, found_after)
    return next((q for q in ordered if q is not None), "exact")


# Rate words. Before a money figure: a phrase that says "each day" reaches across a clause ("chaque jour qui
# passe, OpenAI enregistre un coût de 700 000 dollars"), as far back as the figure before it and _PHRASE_REACH
# at most; an adjective only within its own phrase, _ADJECTIVE_REACH with no comma between ("annual revenue of
# $1 billion", "연간 50억 달러", not "In its annual report, it raised $6.6 billion"). After any figure the
# words must follow it directly: "$700,000 per day", "5 milliards par an", "1억 달러의 연간".
_DAY, _MONTH, _YEAR = PERS
_PER_PHRASES = [
    (r"\b(?:per|a|each|every)\s+day\b|\bper-day\b|하루|매일|\b(?:par|chaque)\s+jour\b|\btous\s+les\s+jours\b", _DAY),
    (r"\b(?:per|a|each|every)\s+month\b|한\s?달|매달|매월|\b(?:par|chaque)\s+mois\b|\btous\s+les\s+mois\b", _MONTH),
    (r"\b(?:per|a|each|every)\s+year\b|\bper\s+annum\b|매년|해마다|한\s?해|\b(?:par|chaque)\s+(?:an|année)\b"
     r"|\btous\s+les\s+ans\b", _YEAR),
]
_PER_ADJECTIVES = [
    (r"\bdaily\b|일일|일평균|\bquotidien(?:ne)?s?\b|\bjournali[eè]re?s?\b", _DAY),
    (r"\bmonthly\b|월간|월평균|(?<![\d가-힣])월(?![가-힣])|\bmensuel(?:le)?s?\b", _MONTH),
    (r"\bannual(?:ly|i[sz]ed)?\b|\byearly\b|연간|연평균|(?<![\d가-힣])연(?![가-힣])|\bannuel(?:le)?s?\b", _YEAR),
]
_PHRASE_REACH, _ADJECTIVE_REACH = 60, 30  # characters before a figure searched for each
_CLAUSE_BREAK = re.compile("[,;:]")
_PER_AFTER: dict[str, list[tuple[str, str]]] = {
    "en": [(r"(?:per|a|an|each|every)\s+day\b|daily\b|/\s?day\b|(?:in|of)\s+daily\b", _DAY),
           (r"(?:per|a|an|each|every)\s+month\b|monthly\b|/\s?mo(?:nth)?\b|(?:in|of)\s+monthly\b", _MONTH),
           (r"(?:per|a|an|each|every)\s+year\b|annually\b|yearly\b|per\s+annum\b|/\s?(?:year|yr)\b"
            r"|(?:in|of)\s+(?:annual(?:i[sz]ed)?|yearly)\b", _YEAR)],
    "ko": [(r"(?:씩\s?)?(?:의\s?)?(?:하루|일일|매일)", _DAY),
           (r"(?:씩\s?)?(?:의\s?)?(?:월간|매달|매월)", _MONTH),
           (r"(?:씩\s?)?(?:의\s?)?(?:연간|매년)", _YEAR)],
    "fr": [(r"(?:par|chaque)\s+jour\b|/\s?jour\b|quotidien(?:ne)?s?\b", _DAY),
           (r"(?:par|chaque)\s+mois\b|/\s?mois\b|mensuel(?:le)?s?\b", _MONTH),
           (r"(?:par|chaque)\s+(?:an|année)\b|/\s?an\b|annuel(?:le)?s?\b|l['’]an\b", _YEAR)],
}
# "a year earlier", "a day later": a point in time, not a rate
_NOT_A_RATE = r"(?!\s+(?:earlier|ago|later|before|after|from)\b)"
_PER_BEFORE_RE = ([(re.compile(pattern, re.IGNORECASE), rate, _PHRASE_REACH) for pattern, rate in _PER_PHRASES]
                  + [(re.compile(pattern, re.IGNORECASE), rate, _ADJECTIVE_REACH) for pattern, rate in _PER_ADJECTIVES])
_PER_AFTER_RE = re.compile(_GAP + "(?:" + "|".join(f"(?P<{rate}_{language}>{pattern})"
                                                 for language, table in _PER_AFTER.items() for pattern, rate in table)
                           + ")" + _NOT_A_RATE, re.IGNORECASE)


def per(sentence: str, start: int, end: int, since: int = 0, before: bool = True) -> str | None:
    """The rate ("day", "month", "year") the figure at sentence[start:end] is given at, or None for a total.

    since: where the figure's own stretch of the sentence begins (per_end of the figure before it), so that a rate
    word belonging to an earlier figure is not taken for this one. before: whether words before the figure count
    (for money: "하루에 70만 달러"; a percentage or a count is a rate only by the words after it, "20% a year").
    """
    after = _PER_AFTER_RE.match(sentence, end)
    if after:
        return after.lastgroup.split("_")[0]
    if not before:
        return None
    nearest, found = -1, None
    for pattern, rate, reach in _PER_BEFORE_RE:
        for match in pattern.finditer(sentence, max(since, start - reach), start):
            if match.start() > nearest and not (reach == _ADJECTIVE_REACH
                                                and _CLAUSE_BREAK.search(sentence, match.end(), start)):
                nearest, found = match.start(), rate
    return found


def per_end(sentence: str, end: int) -> int:
    """Where the rate words written right after a figure ending at end stop ("$700,000 per day"); end if none."""
    after = _PER_AFTER_RE.match(sentence, end)
    return after.end() if after else end
