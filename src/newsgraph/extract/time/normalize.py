"""TIMEX3 values for time expressions: readable rules over plain text, no spaCy needed.

``normalize("last month", date(2017, 6, 6))`` gives ``("DATE", "2017-05", None)``.
The rules follow the TimeML 1.2 guidelines and TempEval-3 conventions:

- granularity is kept: "last year" is ``2016``, not a day; "the 1980s" is ``198``;
  "the third quarter" is ``2017-Q3``; "last week" is ``2017-W22``;
- news direction: a bare month or weekday is the nearest *past* occurrence (the
  publication day itself counts), unless the tense hint or a cue ("next",
  "coming") says future;
- durations are ``PnX`` (``P3Y``, ``PT5H``, ``PXM`` for "months");
- vague references are ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``;
- the anchor is only ever the publication date passed in, never today's date.
  Without one, relative expressions keep a relative value (``XXXX-WXX-2`` for
  "Tuesday", ``XXXX-05`` for "May", else their distance from the publication
  date, ``REF-P1M`` for "last month") and are flagged ``relative``.

Every rule is a small function that either understands the whole (prepared)
expression or returns ``None``; ``resolve`` tries them in order. Nothing here
raises on odd input: an expression no rule understands gets ``known=False``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from newsgraph.extract.time import patterns as P

Tense = Literal["past", "present", "future"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Context:
    """What a rule may use besides the expression itself.

    anchor: the publication date (``None`` when unknown).
    tense: the tense of the clause the expression sits in, from the parse.
    quarter: the last fiscal quarter the text named, ``(year, q)``, for "a year earlier".
    reference: the last day (or month) the text named, for "the next day", "a week later".
    reference_year: the year of the last date of any granularity the text named,
        for "four years earlier", "that year", "the year before".
    """

    anchor: date | None = None
    tense: Tense | None = None
    quarter: tuple[int, int] | None = None
    reference: date | None = None
    reference_year: int | None = None


@dataclass(frozen=True)
class Resolution:
    """A TIMEX3 reading. ``relative`` marks values that needed an anchor and had none;
    ``known`` is false when no rule understood the expression."""

    type: TimeType
    value: str | None
    mod: str | None = None
    relative: bool = False
    known: bool = True


UNKNOWN = Resolution("DATE", None, known=False)

# --- small calendar helpers ------------------------------------------------------------


def _year_value(year: int) -> str | None:
    return f"{year:04d}" if 0 < year < 10000 else None


def _month_value(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 0 < year < 10000 else None


def _day_value(day: date) -> str:
    return day.isoformat()


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th ``weekday`` (ISO) of a month; ``n = -1`` is the last one."""
    if not 0 < year < 10000:
        return None
    last = calendar.monthrange(year, month)[1]
    days = [d for d in range(1, last + 1) if date(year, month, d).isoweekday() == weekday]
    index = n - 1 if n > 0 else n
    return date(year, month, days[index]) if len(days) >= abs(n) else None


def _easter(year: int) -> date | None:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    if not 0 < year < 10000:
        return None
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _pick_year(anchor: date, month: int, day: int | None, tense: Tense | None, *, nearest: bool) -> int:
    """The year of a month (and day) named without one, seen from ``anchor``.

    Past by default (news reports what happened), future when the tense says so;
    ``nearest`` picks whichever occurrence is closer when the tense says nothing.
    """
    probe = _safe_date(anchor.year, month, day or 1) or date(anchor.year, month, 1)
    this_month = (month, day or 0) if day else (month, 0)
    now = (anchor.month, anchor.day) if day else (anchor.month, 0)
    distance = (probe - anchor).days
    if tense == "future":
        # a date a few weeks back in a future clause is a deadline just passed, not next year's
        return anchor.year if this_month >= now or distance > -45 else anchor.year + 1
    if tense == "past" and day and 0 < distance <= 60:
        return anchor.year  # "gave a Jan. 14 deadline" written on Jan. 5; "was extended to Nov. 16"
    if nearest and tense != "past":
        if distance > 183:
            return anchor.year - 1
        if distance < -183:
            return anchor.year + 1
        return anchor.year
    return anchor.year if this_month <= now else anchor.year - 1


def _year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """Of ``year`` and its neighbours, the one where month/day falls on ``weekday`` ("Saturday, April 25")."""
    for candidate in (year, year - 1, year + 1):
        found = _safe_date(candidate, month, day)
        if found and found.isoweekday() == weekday:
            return candidate
    return year


def _weekday_date(anchor: date, weekday: int, tense: Tense | None, direction: str | None = None) -> date | None:
    """The date of a weekday named relative to ``anchor``: the nearest past one unless told otherwise.

    ``direction`` is "last", "next" or "this" when the text says so.
    """
    today = anchor.isoweekday()
    if direction == "last":
        back = (today - weekday) % 7 or 7
        return _shift_days(anchor, -back)
    if direction == "next":
        ahead = (weekday - today) % 7 or 7
        return _shift_days(anchor, ahead)
    if weekday == today:
        return anchor
    if tense == "future" or (direction == "this" and weekday > today):
        return _shift_days(anchor, (weekday - today) % 7)
    return _shift_days(anchor, -((today - weekday) % 7))


# --- text preparation ---------------------------------------------------------------

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc`´]")
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"(?:['’]s|s['’]|[\s.,;:!?)\]\"'])+$")
_LEADING = re.compile(r"^[\s(\[\"',]+")


_KEEP_PREFIXES = (*(f"{m} " for m in P.QUANTITY_MODS if " " in m), "as soon as ")


def prepare(text: str) -> str:
    """Lower-case, one space between words, ASCII quotes and hyphens, no trailing "'s" or punctuation."""
    s = _QUOTES.sub("'", _DASHES.sub("-", text or "")).lower()
    s = _SPACES.sub(" ", s).strip()
    s = _LEADING.sub("", s)
    # a trailing full stop belongs to an abbreviation only ("a.m.", "sept.")
    keep_dot = bool(re.search(r"(?:\b[ap]\.m|\b[a-z]{3,4})\.$", s)) and not s.endswith("s.")
    s = _TRAILING.sub("", s) if not keep_dot else s
    words = s.split(" ")
    while len(words) > 1 and words[0] in P.LEADING_TRIM and not " ".join(words).startswith(_KEEP_PREFIXES):
        words = words[1:]
    return " ".join(words)


def _number(text: str) -> float | None:
    """The value of a number in digits or words: "12", "1,000", "twenty-four", "5 1/2", "a couple of"."""
    t = text.strip().replace("-", " ")
    if not t:
        return None
    if t in P.NUMBER_WORDS:
        return float(P.NUMBER_WORDS[t])
    fraction = 0.0
    if t.endswith(" and a half"):
        fraction, t = 0.5, t.removesuffix(" and a half")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t.replace(",", ""))
    if match:
        value = float(match.group(1))
        if match.group(2) and int(match.group(3)):
            value += int(match.group(2)) / int(match.group(3))
        return value + fraction
    total, last = 0, None
    for word in t.split():
        if word not in P.NUMBER_WORDS or word in ("a", "an"):
            return None
        n = P.NUMBER_WORDS[word]
        if n in (100, 1000):
            total = total * n if total else n
        elif last is not None and not (last >= 20 and last % 10 == 0 and n < 10) and last not in (100, 1000):
            return None  # "two three" is two numbers, not five; "twenty four" is one
        else:
            total += n
        last = n
    return float(total) + fraction if total else None


def _unit(word: str) -> str | None:
    """The singular unit of "years", "centuries", "month"; ``None`` if not a unit."""
    word = P.IRREGULAR_PLURALS.get(word, word)
    if word in P.UNITS or word == "weekend":
        return word
    if word.endswith("s") and (word[:-1] in P.UNITS or word[:-1] == "weekend"):
        return word[:-1]
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """``P3Y``, ``PT5H``, ``P20Y`` (two decades), ``P2Y6M`` (2 1/2 years), ``PXM`` (unknown amount)."""
    if unit == "weekend":
        unit, amount = "day", (None if amount is None else amount * 2)
    letter, is_time = P.UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= P.UNIT_FACTOR.get(unit, 1)
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    whole, part = int(amount), amount - int(amount)
    smaller = {"Y": ("M", 12, False), "D": ("H", 24, True), "H": ("M", 60, True), "M": ("S", 60, True)}
    if letter in smaller and not (letter == "M" and not is_time):
        small, per, small_is_time = smaller[letter]
        extra = round(part * per)
        if small_is_time and not is_time:
            return f"P{whole}{letter}T{extra}{small}" if whole else f"PT{extra}{small}"
        return f"{prefix}{whole}{letter}{extra}{small}" if whole else f"{prefix}{extra}{small}"
    return f"{prefix}{round(amount, 2)}{letter}"


def _shifted(anchor: date, unit: str, n: int) -> str | None:
    """The anchor moved ``n`` units, written at that unit's granularity."""
    if unit in ("day", "night"):
        day = _shift_days(anchor, n)
        return _day_value(day) if day else None
    if unit in ("week", "fortnight"):
        day = _shift_days(anchor, 7 * n * (2 if unit == "fortnight" else 1))
        return _week_value(day) if day else None
    if unit == "weekend":
        day = _shift_days(anchor, 7 * n)
        return f"{_week_value(day)}-WE" if day else None
    if unit == "month":
        y, m = _shift_months(anchor.year, anchor.month, n)
        return _month_value(y, m)
    if unit == "quarter":
        y, m = _shift_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}" if 0 < y < 10000 else None
    if unit == "year":
        return _year_value(anchor.year + n)
    if unit == "decade":
        year = anchor.year + 10 * n
        return f"{year // 10:03d}" if 0 < year < 10000 else None
    if unit == "century":
        year = anchor.year + 100 * n
        return f"{year // 100:02d}" if 0 < year < 10000 else None
    if unit in ("hour", "minute", "second"):
        return _day_value(anchor)
    return None


def _needs_anchor(type_: TimeType, fallback: str | None = None) -> Resolution:
    return Resolution(type_, fallback, relative=True)


# --- rules ---------------------------------------------------------------------------
# Each takes the prepared text (modifiers already removed) and the context.

Rule = Callable[[str, Context], Resolution | None]


def _vague(s: str, ctx: Context) -> Resolution | None:
    value = P.VAGUE_REFERENCES.get(s)
    return Resolution("DATE", value) if value else None


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tmr": 1, "tmrw": 1, "tdy": 0,
              "the day before yesterday": -2,
              "the day after tomorrow": 2, "last night": -1, "overnight": 0}
_RE_DEICTIC = re.compile(
    r"^(?:(?P<pod1>morning|afternoon|evening|night|mid-?afternoon|mid-?morning|midday)\s+)?"
    r"(?P<day>the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow|tmrw|tmr|tdy|"
    r"last night|overnight|"
    r"this (?:morning|afternoon|evening))"
    r"(?:\s+(?P<pod2>morning|afternoon|evening|night))?$"
)


def _deictic_day(s: str, ctx: Context) -> Resolution | None:
    match = _RE_DEICTIC.match(s)
    if not match:
        return None
    word = match.group("day")
    part = match.group("pod1") or match.group("pod2")
    if word.startswith("this "):
        offset, part = 0, word[5:]
    else:
        offset = _DAY_WORDS[word]
        if word in ("tonight", "last night", "overnight"):
            part = part or "night"
    code = P.PARTS_OF_DAY.get((part or "").replace("mid-", "").replace("mid", "") or "", "")
    if part and part.startswith("mid") and part != "midday":
        code = P.PARTS_OF_DAY.get(part.replace("mid-", "").replace("mid", ""), "")
    type_: TimeType = "TIME" if code else "DATE"
    if ctx.anchor is None:
        return _needs_anchor(type_, "PRESENT_REF" if offset == 0 and not code else None)
    day = _shift_days(ctx.anchor, offset)
    if day is None:
        return None
    return Resolution(type_, _day_value(day) + (f"T{code}" if code else ""))


def _frequency(s: str, ctx: Context) -> Resolution | None:
    if s in P.FREQUENCY_WORDS:
        return Resolution("SET", P.FREQUENCY_WORDS[s])
    match = re.fullmatch(r"(?:every|each)(?: other)? (.+)", s) or re.fullmatch(r"(.+?)s", s)
    if not match:
        match = re.fullmatch(r"(?:once|twice|\w+ times) (?:a|an|per|every) (\w+)", s)
        if match and _unit(match.group(1)):
            return Resolution("SET", duration_value(1, _unit(match.group(1)) or "day"))
        return None
    rest = match.group(1)
    plural = not s.startswith(("every", "each"))
    words = rest.split()
    if words and words[0] in P.WEEKDAYS and (words[0].isalpha() and len(words[0]) > 4):
        code = ""
        if len(words) == 2:
            part = P.PARTS_OF_DAY.get(words[1].removesuffix("s"))
            if part is None:
                return None
            code = f"T{part}"
        elif len(words) > 2:
            return None
        return Resolution("SET", f"XXXX-WXX-{P.WEEKDAYS[words[0]]}{code}")
    if plural:
        return None
    if len(words) == 1 and words[0] in P.MONTHS and len(words[0]) > 3:
        return Resolution("SET", f"XXXX-{P.MONTHS[words[0]]:02d}")
    if len(words) == 1 and words[0] in P.SEASONS:
        return Resolution("SET", f"XXXX-{P.SEASONS[words[0]]}")
    if len(words) == 1 and words[0] in P.PARTS_OF_DAY:
        return Resolution("SET", f"XXXX-XX-XXT{P.PARTS_OF_DAY[words[0]]}")
    if len(words) == 1 and _unit(words[0]):
        return Resolution("SET", duration_value(2 if "other" in s else 1, _unit(words[0]) or "day"))
    return None


def _numeric_date(s: str, ctx: Context) -> Resolution | None:
    match = P.RE_ISO_DATE.match(s)
    if match and match.end() == len(s):
        day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is None:
            return None
        if match.group(4):
            return Resolution("TIME", f"{_day_value(day)}T{match.group(4)}:{match.group(5)}")
        return Resolution("DATE", _day_value(day))
    match = P.RE_SLASH_DATE.match(s)
    if match:
        year = int(match.group(3))
        if year < 100:
            year += 1900 if year >= 50 else 2000
        day = _safe_date(year, int(match.group(1)), int(match.group(2)))
        return Resolution("DATE", _day_value(day)) if day else None
    return None


_RE_CALENDAR_TOKEN = re.compile(r"[a-z]+\.?|\d+(?:st|nd|rd|th)?|'\d\d|,")


@dataclass
class _Calendar:
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    part: str | None = None
    direction: str | None = None  # last / next / this
    relative_year: int | None = None  # "January this year" → 0, "last year" → -1


_DIRECTION_WORDS = {"last": "last", "past": "last", "previous": "last", "next": "next", "coming": "next",
                    "this": "this", "upcoming": "next", "following": "next"}
_FILLERS = {"the", "of", "on", ",", "this", "past", "coming", "last", "next", "year", "previous", "upcoming",
            "following"}


def _calendar_parts(s: str) -> _Calendar | None:
    """Month, day, year, weekday and part of day of a calendar expression, or ``None``."""
    tokens = _RE_CALENDAR_TOKEN.findall(s)
    if not tokens or "".join(tokens).replace(",", "") != s.replace(" ", "").replace(",", ""):
        return None
    cal = _Calendar()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        bare = tok.rstrip(".")
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if bare in ("this", "last", "next") and nxt == "year" and cal.month is not None:
            cal.relative_year = {"this": 0, "last": -1, "next": 1}[bare]
            i += 2
            continue
        if bare in _DIRECTION_WORDS and cal.direction is None and cal.month is None and cal.weekday is None:
            cal.direction = _DIRECTION_WORDS[bare]
            if bare == "this" and nxt in ("past", "coming"):
                cal.direction = _DIRECTION_WORDS[nxt]
                i += 1
        elif bare in P.WEEKDAYS and cal.weekday is None and (len(bare) > 3 or tok.endswith(".")):
            cal.weekday = P.WEEKDAYS[bare]
        elif bare in P.MONTHS and cal.month is None and (len(bare) > 3 or tok.endswith(".") or bare == "may"
                                                         or nxt is None or (nxt and nxt[0].isdigit())):
            cal.month = P.MONTHS[bare]
        elif bare in P.PARTS_OF_DAY and cal.part is None and (cal.weekday or cal.month):
            cal.part = P.PARTS_OF_DAY[bare]
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", tok) and cal.day is None:
            cal.day = int(re.sub(r"\D", "", tok))
        elif re.fullmatch(r"\d{4}", tok) and cal.year is None:
            cal.year = int(tok)
        elif re.fullmatch(r"'\d\d", tok) and cal.year is None:
            two = int(tok[1:])
            cal.year = (1900 if two >= 30 else 2000) + two
        elif bare in P.ORDINALS and cal.day is None and P.ORDINALS[bare] <= 31 and cal.month:
            cal.day = P.ORDINALS[bare]
        elif bare not in _FILLERS:
            return None
        i += 1
    if cal.month is None and cal.weekday is None:
        return None
    if cal.day is not None and (cal.month is None or not 1 <= cal.day <= 31):
        return None
    return cal


def _calendar(s: str, ctx: Context) -> Resolution | None:
    """Sept. 30 / June 6, 2017 / Tuesday / last Friday / March 1998 / January this year / Wednesday night."""
    words = s.split(" ", 1)
    if len(words) == 2 and words[0] in P.MONTHS and len(words[0]) > 3:
        spelled = spelled_year(words[1].removeprefix("of "))
        if spelled is not None:
            return Resolution("DATE", _month_value(spelled, P.MONTHS[words[0]]))
    cal = _calendar_parts(s)
    if cal is None:
        return None
    part = f"T{cal.part}" if cal.part else ""
    type_: TimeType = "DATE"
    anchor = ctx.anchor
    if cal.month is not None:
        year = cal.year
        if year is None and anchor is not None and cal.relative_year is not None:
            year = anchor.year + cal.relative_year
        if year is None and anchor is not None:
            if cal.direction == "last":
                year = anchor.year if (cal.month, cal.day or 0) < (anchor.month, anchor.day if cal.day else 0) \
                    else anchor.year - 1
            elif cal.direction == "next":
                year = anchor.year if (cal.month, cal.day or 99) > (anchor.month, anchor.day) else anchor.year + 1
            elif cal.direction == "this":
                year = anchor.year
            else:
                year = _pick_year(anchor, cal.month, cal.day, ctx.tense, nearest=True)
                if cal.day is not None and cal.weekday is not None:
                    year = _year_with_weekday(year, cal.month, cal.day, cal.weekday)
        if year is None:
            tail = f"-{cal.day:02d}" if cal.day else ""
            return _needs_anchor(type_, f"XXXX-{cal.month:02d}{tail}{part}")
        if cal.day is None:
            value = _month_value(year, cal.month)
            return Resolution(type_, value) if value else None
        day = _safe_date(year, cal.month, cal.day)
        return Resolution(type_, _day_value(day) + part) if day else None
    # a weekday alone (or with a part of day)
    assert cal.weekday is not None
    if cal.year is not None or cal.day is not None:
        return None
    if anchor is None:
        return _needs_anchor(type_, f"XXXX-WXX-{cal.weekday}{part}")
    day = _weekday_date(anchor, cal.weekday, ctx.tense, cal.direction)
    return Resolution(type_, _day_value(day) + part) if day else None


_RE_CLOCK_EXPR = re.compile(
    r"^(?:(?:about|around|at about|shortly before|shortly after|just before|just after|at) )?"
    r"(?P<clock>\d{1,2}(?::\d\d)?(?::\d\d)?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)?|noon|midnight|\d{1,2} o'clock)"
    r"(?:\s+(?P<zone>[a-z]+(?: time)?))?(?:,?\s+(?:on\s+)?(?P<day>.+))?$"
)
_ZONES = {z.lower() for z in P.TIME_ZONES} | {"local time"}


def _clock(s: str, ctx: Context) -> Resolution | None:
    """3 p.m. / 10:35 a.m. EDT / noon Thursday / 9 a.m. Tuesday / 5 p.m. EST Nov. 9."""
    match = _RE_CLOCK_EXPR.match(s)
    if not match:
        return None
    clock, zone, rest = match.group("clock"), match.group("zone"), match.group("day")
    if zone and zone not in _ZONES:
        rest = f"{zone} {rest}".strip() if rest else zone
    if rest and rest.split(" ", 1)[0] in _ZONES:
        rest = rest.split(" ", 1)[1] if " " in rest else None
    hour, minute = _clock_time(clock)
    if hour is None:
        return None
    if re.fullmatch(r"\d{1,2}", clock.strip()):
        return None  # a bare number is not a clock time
    suffix = f"T{hour:02d}:{minute:02d}"
    if rest:
        day_res = _deictic_day(rest, ctx) or _calendar(rest, ctx) or _numeric_date(rest, ctx)
        if day_res is None or (day_res.value and "T" in day_res.value):
            return None
        if day_res.value is None or day_res.relative:
            return _needs_anchor("TIME", f"{day_res.value}{suffix}" if day_res.value else None)
        return Resolution("TIME", f"{day_res.value}{suffix}")
    if ctx.anchor is None:
        return _needs_anchor("TIME", f"XXXX-XX-XX{suffix}")
    return Resolution("TIME", f"{_day_value(ctx.anchor)}{suffix}")


def _clock_time(clock: str) -> tuple[int | None, int]:
    clock = clock.strip()
    if clock == "noon":
        return 12, 0
    if clock == "midnight":
        return 0, 0  # the start of the day named (or of the anchor day), as news uses it
    match = re.match(r"(\d{1,2})(?::(\d\d))?", clock)
    if not match:
        return None, 0
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = re.sub(r"[^ap]", "", clock[match.end():])[:1]
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None, 0
    return hour, minute


def spelled_year(s: str) -> int | None:
    """A year in words, as broadcast transcripts write it: "nineteen ninety-six", "two thousand one"."""
    words = s.replace("-", " ").replace(" and ", " ").split()
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "seventeen") and words[1] != "hundred":
        rest = _number(" ".join(words[1:]))
        if rest is not None and 10 <= rest < 100 and rest == int(rest):
            return P.NUMBER_WORDS[words[0]] * 100 + int(rest)
    if words[:2] == ["two", "thousand"]:
        rest = _number(" ".join(words[2:])) if len(words) > 2 else 0.0
        if rest is not None and rest < 100 and rest == int(rest):
            return 2000 + int(rest)
    return None


def _year(s: str, ctx: Context) -> Resolution | None:
    """1998 / the year 2000 / fiscal 1989 / FY2017 / nineteen ninety-six."""
    spelled = spelled_year(s.removeprefix("the year ").removeprefix("in "))
    if spelled is not None:
        return Resolution("DATE", _year_value(spelled))
    match = re.fullmatch(r"(?:the year |calendar |calendar year )?(\d{4})", s) or P.RE_FISCAL.fullmatch(s)
    if not match:
        return None
    text = match.group(1)
    year = int(text) if len(text) == 4 else (1900 if int(text) >= 30 else 2000) + int(text)
    return Resolution("DATE", _year_value(year)) if 1000 <= year <= 2999 else None


_RE_YEAR_PERIOD = re.compile(
    r"^(?:the |its )?(?P<year>\d{4})(?: fiscal)? (?:(?P<ord>first|second|third|fourth) )?(?P<what>quarter|period|half)$"
)


def _year_period(s: str, ctx: Context) -> Resolution | None:
    """the 1988 quarter / the 1989 period / the 1988 second quarter: a reported period of a named year."""
    match = _RE_YEAR_PERIOD.match(s)
    if not match:
        return None
    year, what = int(match.group("year")), match.group("what")
    if match.group("ord"):
        number = P.ORDINALS[match.group("ord")]
        kind = "Q" if what == "quarter" else "H"
        return Resolution("DATE", f"{year:04d}-{kind}{number}") if kind == "Q" or number <= 2 else None
    if ctx.quarter and what in ("quarter", "period"):
        return Resolution("DATE", f"{year:04d}-Q{ctx.quarter[1]}")
    return Resolution("DATE", _year_value(year))


def _decade(s: str, ctx: Context) -> Resolution | None:
    """the 1980s → 198 / the '80s → 198 / the sixties → 196 (the century of the anchor, else the 1900s)."""
    s = s.removeprefix("the ")
    words = s.split()
    if len(words) == 1 and words[0] in P.DECADE_WORDS:
        return Resolution("DATE", f"19{P.DECADE_WORDS[words[0]]}")
    if len(words) == 2 and words[0] == "nineteen" and words[1] in P.DECADE_WORDS:
        return Resolution("DATE", f"19{P.DECADE_WORDS[words[1]]}")
    match = P.RE_DECADE.fullmatch(s)
    if not match:
        return None
    if match.group("c"):
        return Resolution("DATE", f"{match.group('c')}{match.group('d')}")
    digit = match.group("s") or match.group("t")
    century = 19 if ctx.anchor is None or int(digit) > (ctx.anchor.year % 100) // 10 else ctx.anchor.year // 100
    return Resolution("DATE", f"{century}{digit}")


def _century(s: str, ctx: Context) -> Resolution | None:
    """the 19th century → 18; the twenty-first century → 20."""
    s = s.removeprefix("the ").replace("-", " ")
    match = P.RE_CENTURY.fullmatch(s)
    if not match:
        return None
    number = int(match.group("n")) if match.group("n") else P.ORDINALS.get(match.group("w"))
    if number is None:
        words = match.group("w").split()
        if len(words) == 2 and words[0] == "twenty" and words[1] in P.ORDINALS:
            number = 20 + P.ORDINALS[words[1]]
    if not number or not 1 <= number <= 30:
        return None
    return Resolution("DATE", f"{number - 1:02d}")


_RE_QUARTER = re.compile(
    r"^(?:(?P<owner>the|its|this year|last year|next year|the year's|this year's|last year's|next year's)\s+)?"
    r"(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|same)"
    r"[\s-]+(?:fiscal\s+)?(?P<kind>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year>\d{4}))?$"
)


def _quarter(s: str, ctx: Context) -> Resolution | None:
    """the third quarter / third-quarter / the first half of 1990 / last year's fourth quarter / q3."""
    s = s.replace("'s", "'s")
    match = _RE_QUARTER.match(s)
    q_match = re.fullmatch(r"q([1-4])(?: (\d{4}))?", s)
    if q_match:
        year = int(q_match.group(2)) if q_match.group(2) else (ctx.anchor.year if ctx.anchor else None)
        if year is None:
            return _needs_anchor("DATE", f"XXXX-Q{q_match.group(1)}")
        return Resolution("DATE", f"{year:04d}-Q{q_match.group(1)}")
    if not match:
        return None
    kind = "Q" if match.group("kind") == "quarter" else "H"
    ordinal = match.group("ord")
    owner = (match.group("owner") or "").replace("'s", "")
    anchor = ctx.anchor
    per_year = 4 if kind == "Q" else 2
    if ordinal in ("final",):
        number = per_year
    elif ordinal in P.ORDINALS and P.ORDINALS[ordinal] <= per_year:
        number = P.ORDINALS[ordinal]
    else:
        number = 0  # relative: last / latest / current / previous / same
    if match.group("year"):
        year = int(match.group("year"))
        if number == 0:
            return None
        return Resolution("DATE", f"{year:04d}-{kind}{number}")
    if anchor is None:
        return _needs_anchor("DATE", f"XXXX-{kind}{number}" if number else None)
    current = _quarter_of(anchor) if kind == "Q" else (1 if anchor.month <= 6 else 2)
    if number == 0:
        if ordinal in ("current",):
            return Resolution("DATE", f"{anchor.year:04d}-{kind}{current}")
        if ordinal == "same" and ctx.quarter and kind == "Q":
            return Resolution("DATE", f"{ctx.quarter[0]:04d}-Q{ctx.quarter[1]}")
        if ordinal == "latest" and ctx.quarter and kind == "Q":
            return Resolution("DATE", f"{ctx.quarter[0]:04d}-Q{ctx.quarter[1]}")
        year, number = (anchor.year, current - 1) if current > 1 else (anchor.year - 1, per_year)
        return Resolution("DATE", f"{year:04d}-{kind}{number}")
    shift = {"this year": 0, "last year": -1, "next year": 1}.get(owner)
    if shift is not None:
        year = anchor.year + shift
    elif number - current >= 3 and ctx.tense != "future":
        year = anchor.year - 1
    else:
        year = anchor.year
    return Resolution("DATE", f"{year:04d}-{kind}{number}")


def _period(s: str, ctx: Context) -> Resolution | None:
    """the quarter / the latest quarter / this quarter / the fiscal year: the quarter (or year) being reported."""
    match = re.fullmatch(
        r"(?:the|its|this|the latest|the current|the most recent|the recent) (quarter|fiscal year)"
        r"|the latest (period)", s
    )
    if not match:
        return None
    anchor = ctx.anchor
    if anchor is None:
        return _needs_anchor("DATE")
    if match.group(2) == "period" and not ctx.quarter:
        return Resolution("DATE", _shifted(anchor, "quarter", -1))
    if match.group(1) == "fiscal year":
        return Resolution("DATE", _year_value(anchor.year))
    if s in ("this quarter", "the current quarter"):
        return Resolution("DATE", f"{anchor.year:04d}-Q{_quarter_of(anchor)}")
    if ctx.quarter:
        return Resolution("DATE", f"{ctx.quarter[0]:04d}-Q{ctx.quarter[1]}")
    return Resolution("DATE", _shifted(anchor, "quarter", -1))


def _year_ago(s: str, ctx: Context) -> Resolution | None:
    """the year-ago quarter / the year-earlier period / year-earlier: the reported period one year back."""
    match = re.fullmatch(
        r"(?:the )?(?:comparable )?year[- ](?:ago|earlier)(?: (?P<what>(?:(?:first|second|third|fourth) )?quarter|"
        r"period|half|nine months|six months))?", s)
    if not match:
        return None
    what = match.group("what") or ""
    if what in ("nine months", "six months"):
        return Resolution("DURATION", duration_value(_number(what.split()[0]), "month"))
    ordinal = what.split()[0] if what.endswith("quarter") and " " in what else None
    if ctx.anchor is None:
        return _needs_anchor("DATE")
    if ordinal:
        return Resolution("DATE", f"{ctx.anchor.year - 1:04d}-Q{P.ORDINALS[ordinal]}")
    if ctx.quarter:
        return Resolution("DATE", f"{ctx.quarter[0] - 1:04d}-Q{ctx.quarter[1]}")
    if what:
        return Resolution("DATE", _shifted(ctx.anchor, "quarter", -5))
    return Resolution("DATE", _year_value(ctx.anchor.year - 1))


_RE_RELATIVE_UNIT = re.compile(
    r"^(?P<rel>last|past|previous|preceding|this past|the past|the last|the previous|the preceding|latest|the latest|"
    r"next|coming|the coming|this coming|the next|upcoming|the upcoming|following|the following|"
    r"this|the current|current|the present|the same|same|that same|that)\s+(?:fiscal\s+)?"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century|half|spring|summer|fall|autumn|winter|season|"
    r"holiday season|"
    r"morning|afternoon|evening|night|day)$"
)


def _relative_unit(s: str, ctx: Context) -> Resolution | None:
    """last year / this week / next month / the past year / the coming weekend / this summer / that day."""
    match = _RE_RELATIVE_UNIT.match(s)
    if not match:
        return None
    rel, unit = match.group("rel"), match.group("unit")
    step = -1 if rel in P.PAST_WORDS else 1 if rel in P.FUTURE_WORDS else 0
    anaphoric = rel in ("that", "the same", "same", "that same", "the following", "following", "the previous",
                        "the preceding")
    base = (ctx.reference or ctx.anchor) if anaphoric else ctx.anchor
    if anaphoric and unit == "year" and ctx.reference_year:
        base = _safe_date(ctx.reference_year, 1, 1)
    if unit == "day" and not anaphoric:
        return None
    if unit in ("morning", "afternoon", "evening", "night"):
        if rel in P.FUTURE_WORDS or rel in ("the previous", "the preceding", "previous", "preceding"):
            base = ctx.reference or ctx.anchor
        elif rel in ("last", "the last", "past", "this past") and unit in ("night", "evening"):
            step = -1
        else:
            step = 0
        if base is None:
            return _needs_anchor("TIME")
        day = _shift_days(base, step)
        return Resolution("TIME", f"{_day_value(day)}T{P.PARTS_OF_DAY[unit]}") if day else None
    if unit in ("decade", "century") and rel in ("past", "the past", "last", "the last", "this past"):
        # "over the past decade": the last ten years, not the 2000s (no anchor needed)
        return Resolution("DURATION", duration_value(1, unit))
    if base is None:
        return _needs_anchor("DATE")
    if unit in P.SEASONS or unit in ("season", "holiday season"):
        return _season_value(base, unit, step)
    if unit == "half":
        half = 1 if base.month <= 6 else 2
        index = base.year * 2 + half - 1 + step
        return Resolution("DATE", f"{index // 2:04d}-H{index % 2 + 1}")
    if unit == "weekend":
        return Resolution("DATE", _weekend_value(base, step, ctx.tense))
    value = _shifted(base, unit, step)
    return Resolution("DATE", value) if value else None


def _weekend_value(anchor: date, step: int, tense: Tense | None) -> str | None:
    """The weekend before (step -1), of (0) or after (+1) the anchor's week, as ``YYYY-Www-WE``."""
    if step == 0 and tense == "past" and anchor.isoweekday() < 6:
        step = -1
    day = _shift_days(anchor, 7 * step)
    return f"{_week_value(day)}-WE" if day else None


def _season_value(anchor: date, unit: str, step: int) -> Resolution:
    """this summer → 2017-SU; last fall → the latest fall that has ended; next spring → the coming one."""
    if unit == "holiday season":
        # "last holiday season" → the previous December, "next" → the coming one, "this" → this year's
        year = anchor.year - 1 if step < 0 else anchor.year + (anchor.month == 12) if step > 0 else anchor.year
        return Resolution("DATE", f"{year:04d}-12")
    if unit == "season":
        return Resolution("DATE", _year_value(anchor.year))
    code = P.SEASONS[unit]
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = anchor.year
    if step < 0:
        end = start + 2
        year = anchor.year if end < anchor.month else anchor.year - 1
    elif step > 0:
        year = anchor.year if start > anchor.month else anchor.year + 1
    elif code == "WI" and anchor.month <= 2:
        year = anchor.year - 1
    return Resolution("DATE", f"{year:04d}-{code}")


_RE_OFFSET = re.compile(
    r"^(?P<num>.+?)[\s-]+(?:more\s+)?(?P<unit>[a-z]+?s?)(?: or so)?\s+"
    r"(?P<dir>ago|earlier|later|before|back|from now|hence|"
    r"after|on|previously|prior)$"
)


def _offset(s: str, ctx: Context) -> Resolution | None:
    """three years ago → the anchor minus three years, at year granularity; "a day later" → from the text's last day."""
    match = _RE_OFFSET.match(s)
    if not match:
        return None
    unit = _unit(match.group("unit"))
    if unit is None:
        return None
    num_text = match.group("num")
    amount = _number(num_text)
    vague = amount is None and (num_text in P.VAGUE_QUANTITIES or num_text in ("several", "a few", "few", "many"))
    if amount is None and not vague:
        return None
    direction = match.group("dir")
    sign = -1 if direction in P.AGO_WORDS else 1
    if vague:
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    from_text = direction in ("earlier", "later", "before", "after", "on", "previously", "prior")
    if direction in ("before", "after"):
        # "two days before the vote": a stretch of time before an event the clause names
        return Resolution("DURATION", duration_value(amount, unit))
    if unit in ("year", "quarter") and ctx.quarter and ctx.anchor is not None:
        y, q = ctx.quarter
        index = y * 4 + q - 1 + sign * int(amount) * (4 if unit == "year" else 1)
        return Resolution("DATE", f"{index // 4:04d}-Q{index % 4 + 1}")
    base = (ctx.reference or ctx.anchor) if from_text else ctx.anchor
    if from_text and unit in ("year", "decade", "century", "millennium") and ctx.reference_year:
        base = _safe_date(ctx.reference_year, 1, 1)
    if base is None:
        return _needs_anchor("DATE")
    if amount != int(amount):
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    n = int(amount) * P.UNIT_FACTOR.get(unit, 1) if unit in ("decade", "century", "millennium") else int(amount)
    target = "year" if unit in ("decade", "century", "millennium") else unit
    value = _shifted(base, target, sign * n)
    return Resolution("DATE", value) if value else None


_RE_DURATION = re.compile(
    r"^(?:(?P<lead>the past|the last|the next|the first|the final|the coming|the previous|the latest|the following|"
    r"the other|the|past|last|next|first|final|coming|previous|latest|following|another|an additional|its|their)\s+)?"
    r"(?P<num>.+?)[\s-]+(?:(?:more|full|straight|consecutive|long|trading|business|calendar|additional|whole|"
    r"entire)\s+)?(?P<unit>[a-z]+)(?: or so)?(?:[\s-]+(?:long|old))?$"
)


def _duration(s: str, ctx: Context) -> Resolution | None:
    """three years / the past two months / 5 1/2 hours / a few days / two-year / several weeks."""
    match = _RE_DURATION.match(s)
    if not match:
        return None
    unit = _unit(match.group("unit"))
    if unit is None:
        return None
    num_text = match.group("num").strip()
    amount = _number(num_text)
    if amount is None:
        if num_text not in P.VAGUE_QUANTITIES and num_text not in ("few", "several", "a number of", "many"):
            return None
        return Resolution("DURATION", duration_value(None, unit))
    if amount <= 0 or amount > 100000:
        return None
    if not match.group("unit").endswith("s") and amount >= 100 and "-" not in s:
        return None  # "the 1988 quarter" is a period of 1988, not 1,988 quarters
    return Resolution("DURATION", duration_value(amount, unit))


_RE_PLURAL = re.compile(
    r"^(?:(?P<lead>the recent|the coming|the past|the last|the next|the early|the first|the final|recent|coming|"
    r"past|future|the|these|those)\s+)?(?P<unit>seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|"
    r"years|decades|centuries|millennia)(?: or (?:\w+))?$"
)


def _plural_units(s: str, ctx: Context) -> Resolution | None:
    """months / recent months / coming weeks / the years: an unspecified number of units (``PXM``)."""
    match = _RE_PLURAL.match(s)
    if not match:
        return None
    unit = _unit(match.group("unit"))
    if unit is None:
        return None
    if unit in ("decade", "century", "millennium"):
        return Resolution("DURATION", "PXY" if unit == "decade" else "PXE" if unit == "century" else "PXL")
    return Resolution("DURATION", duration_value(None, unit))


def _compound_duration(s: str, ctx: Context) -> Resolution | None:
    """two-year / 16-hour / 30-day / decades-long (as adjectives)."""
    match = P.RE_COMPOUND_DURATION.fullmatch(s)
    if not match:
        return None
    unit = _unit(match.group("unit"))
    amount = _number(match.group("num").replace("-", " "))
    if unit is None or amount is None:
        return None
    return Resolution("DURATION", duration_value(amount, unit))


def _holiday(s: str, ctx: Context) -> Resolution | None:
    """Christmas / Thanksgiving / last Easter / Memorial Day 2017 (the anchor's year, nearest past by default)."""
    match = re.fullmatch(r"(?:(?P<rel>last|next|this|the) )?(?P<name>.+?)(?:,? (?P<year>\d{4}))?", s)
    if not match:
        return None
    name = match.group("name")
    if name not in P.FIXED_HOLIDAYS and name not in P.WEEKDAY_HOLIDAYS and name not in P.EASTER_HOLIDAYS:
        return None

    def on(year: int) -> date | None:
        if name in P.FIXED_HOLIDAYS:
            return _safe_date(year, *P.FIXED_HOLIDAYS[name])
        if name in P.WEEKDAY_HOLIDAYS:
            return _nth_weekday(year, *P.WEEKDAY_HOLIDAYS[name])
        easter = _easter(year)
        return _shift_days(easter, P.EASTER_HOLIDAYS[name]) if easter else None

    if match.group("year"):
        day = on(int(match.group("year")))
        return Resolution("DATE", _day_value(day)) if day else None
    anchor = ctx.anchor
    if anchor is None:
        if name in P.FIXED_HOLIDAYS:
            month, dom = P.FIXED_HOLIDAYS[name]
            return _needs_anchor("DATE", f"XXXX-{month:02d}-{dom:02d}")
        return _needs_anchor("DATE")
    this_year = on(anchor.year)
    if this_year is None:
        return None
    rel = match.group("rel")
    if rel in ("next",) or (rel is None and ctx.tense == "future"):
        chosen = this_year if this_year >= anchor else on(anchor.year + 1)
    elif rel == "last":
        chosen = this_year if this_year < anchor else on(anchor.year - 1)
    elif rel == "this":
        chosen = this_year
    else:
        # the nearest one: "Christmas shopping" in December, "last Christmas" in January
        options = [d for d in (on(anchor.year - 1), this_year, on(anchor.year + 1)) if d is not None]
        chosen = min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
    return Resolution("DATE", _day_value(chosen)) if chosen else None


_RE_ANAPHORIC = re.compile(
    r"^(?:the )?(?P<unit>day|week|month|year) (?P<dir>before|after|earlier|later)$|"
    r"^the (?P<rel>next|following|previous|preceding|prior) (?P<unit2>day|morning|evening|night|week|month|year)$"
)


def _anaphoric(s: str, ctx: Context) -> Resolution | None:
    """the next day / the day before / the following week: counted from the last day the text named."""
    match = _RE_ANAPHORIC.match(s)
    if not match:
        return None
    base = ctx.reference or ctx.anchor
    if (match.group("unit") or match.group("unit2")) == "year" and ctx.reference_year:
        base = _safe_date(ctx.reference_year, 1, 1)
    if match.group("unit"):
        unit, step = match.group("unit"), -1 if match.group("dir") in ("before", "earlier") else 1
    else:
        unit, step = match.group("unit2"), -1 if match.group("rel") in ("previous", "preceding", "prior") else 1
    if base is None:
        return _needs_anchor("DATE")
    if unit in ("morning", "evening", "night"):
        day = _shift_days(base, step)
        return Resolution("TIME", f"{_day_value(day)}T{P.PARTS_OF_DAY[unit]}") if day else None
    value = _shifted(base, unit, step)
    return Resolution("DATE", value) if value else None


_RE_SEASON_YEAR = re.compile(r"^(?:the )?(?P<season>spring|summer|fall|autumn|winter)(?: of)?,? (?P<year>\d{4})$")


def _season(s: str, ctx: Context) -> Resolution | None:
    """the summer of 1999 / spring 2017 / summer (the latest one unless the clause looks ahead)."""
    match = _RE_SEASON_YEAR.match(s)
    if match:
        return Resolution("DATE", f"{match.group('year')}-{P.SEASONS[match.group('season')]}")
    bare = s.removeprefix("the ")
    if bare in P.SEASONS:
        if ctx.anchor is None:
            return _needs_anchor("DATE", f"XXXX-{P.SEASONS[bare]}")
        return _season_value(ctx.anchor, bare, 1 if ctx.tense == "future" else 0)
    if bare == "holiday season":
        if ctx.anchor is None:
            return _needs_anchor("DATE", "XXXX-12")
        # news direction: the latest year-end holidays (December counts) unless the clause looks ahead
        ahead = ctx.tense == "future" or ctx.anchor.month == 12
        return Resolution("DATE", f"{ctx.anchor.year - (not ahead):04d}-12")
    return None


def _part_of_day(s: str, ctx: Context) -> Resolution | None:
    """mid-afternoon / early morning / late evening: that part of the anchor day."""
    match = re.fullmatch(r"(?:early|late|mid|mid-|the)\s*(morning|afternoon|evening)", s) or re.fullmatch(
        r"(midday)", s)
    if not match:
        return None
    if ctx.anchor is None:
        return _needs_anchor("TIME")
    if match.group(1) == "midday":
        return Resolution("TIME", f"{_day_value(ctx.anchor)}T12:00")
    return Resolution("TIME", f"{_day_value(ctx.anchor)}T{P.PARTS_OF_DAY[match.group(1)]}")


def _period_edge(s: str, ctx: Context) -> Resolution | None:
    """the end of the month / year-end: the anchor's own period (``mod`` END comes from the words)."""
    match = re.fullmatch(r"(?:(?:the )?(?:end|beginning|start|middle) of )?(?:the|this) (week|month|quarter|year)", s)
    edge = re.fullmatch(r"year[- ]end|year's end", s)
    if not match and not edge:
        return None
    if ctx.anchor is None:
        return _needs_anchor("DATE")
    unit = match.group(1) if match else "year"
    mod = "END" if edge or "end of" in s else "START" if ("beginning" in s or "start" in s) else \
        "MID" if "middle" in s else None
    return Resolution("DATE", _shifted(ctx.anchor, unit, 0), mod)


def _the_weekend(s: str, ctx: Context) -> Resolution | None:
    """the weekend / weekend: the coming one when the clause looks ahead, else the latest one."""
    if s not in ("the weekend", "weekend"):
        return None
    if ctx.anchor is None:
        return _needs_anchor("DATE")
    if ctx.anchor.isoweekday() >= 6:
        return Resolution("DATE", _weekend_value(ctx.anchor, 0, None))
    return Resolution("DATE", _weekend_value(ctx.anchor, 0 if ctx.tense == "future" else -1, None))


#: The rules, most specific first. The first that understands the whole expression wins.
RULES: tuple[Rule, ...] = (
    _vague, _deictic_day, _numeric_date, _year, _year_period, _decade, _century, _quarter, _year_ago, _period,
    _clock, _calendar, _frequency, _part_of_day, _period_edge, _the_weekend, _relative_unit, _anaphoric, _offset,
    _season, _holiday,
    _compound_duration, _plural_units, _duration,
)

# --- modifiers -------------------------------------------------------------------------

_POSITION_PREFIXES = sorted(P.POSITION_MODS, key=len, reverse=True)
_QUANTITY_PREFIXES = sorted(P.QUANTITY_MODS, key=len, reverse=True)


def _strip_modifiers(s: str) -> tuple[str, str | None]:
    """Take "about", "nearly", "more than", "early", "the end of", "mid-" off the front; return the TIMEX3 mod."""
    mod = None
    for _ in range(2):
        for prefix in _QUANTITY_PREFIXES:
            if s.startswith(prefix + " ") and len(s) > len(prefix) + 1:
                s, mod = s[len(prefix) + 1:], mod or P.QUANTITY_MODS[prefix]
                break
        for prefix in _POSITION_PREFIXES:
            if s.startswith((prefix + " ", prefix + "-")) and len(s) > len(prefix) + 1:
                rest = s[len(prefix) + 1:]
                if prefix in ("earlier", "later") and rest.startswith("in "):
                    rest = rest[3:]
                s, mod = rest, mod or P.POSITION_MODS[prefix]
                break
        if s.startswith("sometime ") or s.startswith("some time "):
            s = s.split(" ", 1)[1] if not s.startswith("some time ") else s[10:]
    # trailing "or so" / "or more" / "or later"
    for suffix, value in ((" or so", "APPROX"), (" or more", "EQUAL_OR_MORE"), (" or later", "EQUAL_OR_MORE"),
                          (" or less", "EQUAL_OR_LESS"), (" or earlier", "EQUAL_OR_LESS")):
        if s.endswith(suffix) and not _RE_OFFSET.match(s):
            s, mod = s[: -len(suffix)], mod or value
    return s, mod


# --- entry points --------------------------------------------------------------------


# --- values relative to an unknown publication date ------------------------------------

#: A stand-in publication date, used only to measure how far a relative expression reaches
#: from it; the value written is the distance (``REF-P1M``), never a date computed from it.
_PROBE = date(2000, 6, 15)
_RE_PROBE_VALUE = re.compile(
    r"^(?:(?P<day>\d{4}-\d{2}-\d{2})(?:T\w+)?|(?P<week>\d{4}-W\d{2})(?:-WE)?|(?P<month>\d{4}-\d{2})"
    r"|(?P<quarter>\d{4}-Q[1-4])|\d{4}-(?P<season>SP|SU|FA|WI)|(?P<half>\d{4}-H[12])|(?P<year>\d{4})|(?P<decade>\d{3})|(?P<century>\d{2}))$"
)


def _signed(amount: int, unit: str) -> str:
    return f"REF{'-' if amount < 0 else '+'}P{abs(amount)}{unit}"


def offset_value(probe_value: str | None) -> str | None:
    """A value computed against ``_PROBE``, rewritten as its distance from the publication date.

    ``REF-P1M`` is "one month before the publication date, at month granularity";
    ``REF+P0W`` is "the publication week"; ``REF-P2DE`` "two decades before". The unit is
    the value's granularity (TIMEX3 duration letters, ``DE``/``CE`` for decades and centuries).
    A season keeps only its name (``XXXX-SU``); values that are not calendar points give ``None``.
    """
    match = _RE_PROBE_VALUE.match(probe_value or "")
    if not match:
        return None
    if match.group("day"):
        return _signed((date.fromisoformat(match.group("day")) - _PROBE).days, "D")
    if match.group("week"):
        year, week = match.group("week").split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return _signed((monday - (_PROBE - timedelta(days=_PROBE.isoweekday() - 1))).days // 7, "W")
    if match.group("month"):
        year, month = map(int, match.group("month").split("-"))
        return _signed((year - _PROBE.year) * 12 + month - _PROBE.month, "M")
    if match.group("quarter"):
        year, quarter = match.group("quarter").split("-Q")
        return _signed((int(year) - _PROBE.year) * 4 + int(quarter) - _quarter_of(_PROBE), "Q")
    if match.group("season"):
        return f"XXXX-{match.group('season')}"
    if match.group("half"):
        year, half = match.group("half").split("-H")
        return _signed(((int(year) - _PROBE.year) * 2 + int(half) - 1) * 6, "M")
    if match.group("year"):
        return _signed(int(match.group("year")) - _PROBE.year, "Y")
    if match.group("decade"):
        return _signed(int(match.group("decade")) - _PROBE.year // 10, "DE")
    return _signed(int(match.group("century")) - _PROBE.year // 100, "CE")


def _resolve(s: str, ctx: Context) -> Resolution:
    for candidate, mod in ((s, None), _strip_modifiers(s)):
        if not candidate:
            continue
        for rule in RULES:
            found = rule(candidate, ctx)
            if found is not None:
                return replace(found, mod=found.mod or mod)
    return UNKNOWN


def resolve(text: str, context: Context | None = None) -> Resolution:
    """The TIMEX3 reading of one expression, or ``UNKNOWN``. Never raises.

    Without a publication date, a relative expression that has no underspecified
    value of its own ("last month") gets its distance from that date (``REF-P1M``,
    see ``offset_value``) and stays flagged ``relative``.
    """
    ctx = context or Context()
    try:
        s = prepare(text)
        if not s or len(s) > 200:
            return UNKNOWN
        found = _resolve(s, ctx)
        if found.relative and found.value is None and ctx.anchor is None:
            probed = _resolve(s, replace(ctx, anchor=_PROBE))
            return replace(found, value=offset_value(probed.value), mod=found.mod or probed.mod)
        return found
    except (ValueError, OverflowError, IndexError, KeyError, TypeError):
        return UNKNOWN


def normalize(
    text: str, anchor: date | None = None, tense_hint: Tense | None = None
) -> tuple[str, str | None, str | None]:
    """``(type, value, mod)`` of a time expression seen from ``anchor`` (the publication date).

    >>> normalize("last month", date(2017, 6, 6))
    ('DATE', '2017-05', None)
    """
    found = resolve(text, Context(anchor=anchor, tense=tense_hint))
    return found.type, found.value, found.mod


__all__ = [
    "UNKNOWN", "Context", "Resolution", "Tense", "duration_value", "normalize", "offset_value", "prepare", "resolve",
]
