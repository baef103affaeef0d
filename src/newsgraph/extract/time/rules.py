"""The normalisation rules: each reads one kind of expression, ``RULES`` tries them in order.

Every rule takes the prepared text (``words.prepare``, modifiers already taken
off by ``words.strip_modifiers``) and the ``Context``, and either understands the
whole expression, giving a ``Resolution``, or returns ``None``. The first rule
that understands it wins, so ``RULES`` lists the most specific first.

A day the calendar does not have ("February 30", a year past 9999) gives ``None``
(the date helpers of ``dates.py`` never raise for one); a rule that raises has a bug.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.calendar import CalendarParts, calendar_parts, calendar_year
from newsgraph.extract.time.context import Context, Resolution, TimeType, needs_anchor
from newsgraph.extract.time.dates import easter_sunday, nth_weekday, quarter_of, safe_date, shift_days, weekday_date
from newsgraph.extract.time.values import day_value, duration_value, month_value, shifted, weekend_value, year_value
from newsgraph.extract.time.words import number_of, spelled_year, unit_of
from newsgraph.vocab.calendar import MONTHS, WEEKDAYS

#: A rule: the prepared text and the context in, a reading (or ``None``: not this kind of expression) out.
Rule = Callable[[str, Context], Resolution | None]


def _vague(s: str, ctx: Context) -> Resolution | None:
    """now / recently / the future: ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``."""
    value = P.VAGUE_REFERENCES.get(s)
    return Resolution("DATE", value) if value else None


#: Days named from the anchor day → days from it.
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
    """today / yesterday morning / tonight / this afternoon: a day counted from the anchor, with its part of day."""
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
        return needs_anchor(type_, "PRESENT_REF" if offset == 0 and not code else None)
    day = shift_days(ctx.anchor, offset)
    if day is None:
        return None
    return Resolution(type_, day_value(day) + (f"T{code}" if code else ""))


def _frequency(s: str, ctx: Context) -> Resolution | None:
    """daily / every Tuesday / each July / Tuesday nights / twice a week: a SET."""
    if s in P.FREQUENCY_WORDS:
        return Resolution("SET", P.FREQUENCY_WORDS[s])
    match = re.fullmatch(r"(?:every|each)(?: other)? (.+)", s) or re.fullmatch(r"(.+?)s", s)
    if not match:
        match = re.fullmatch(r"(?:once|twice|\w+ times) (?:a|an|per|every) (\w+)", s)
        if match and unit_of(match.group(1)):
            return Resolution("SET", duration_value(1, unit_of(match.group(1)) or "day"))
        return None
    rest = match.group(1)
    plural = not s.startswith(("every", "each"))
    words = rest.split()
    if words and words[0] in WEEKDAYS and (words[0].isalpha() and len(words[0]) > 4):
        code = ""
        if len(words) == 2:
            part = P.PARTS_OF_DAY.get(words[1].removesuffix("s"))
            if part is None:
                return None
            code = f"T{part}"
        elif len(words) > 2:
            return None
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[words[0]]}{code}")
    if plural:
        return None
    if len(words) == 1 and words[0] in MONTHS and len(words[0]) > 3:
        return Resolution("SET", f"XXXX-{MONTHS[words[0]]:02d}")
    if len(words) == 1 and words[0] in P.SEASONS:
        return Resolution("SET", f"XXXX-{P.SEASONS[words[0]]}")
    if len(words) == 1 and words[0] in P.PARTS_OF_DAY:
        return Resolution("SET", f"XXXX-XX-XXT{P.PARTS_OF_DAY[words[0]]}")
    if len(words) == 1 and unit_of(words[0]):
        return Resolution("SET", duration_value(2 if "other" in s else 1, unit_of(words[0]) or "day"))
    return None


def _numeric_date(s: str, ctx: Context) -> Resolution | None:
    """2017-06-06 / 2017-06-06 10:30 / 6/5/2017 / 06/05/17 (month first)."""
    match = P.RE_ISO_DATE.match(s)
    if match and match.end() == len(s):
        day = safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is None:
            return None
        if match.group(4):
            return Resolution("TIME", f"{day_value(day)}T{match.group(4)}:{match.group(5)}")
        return Resolution("DATE", day_value(day))
    match = P.RE_SLASH_DATE.match(s)
    if match:
        year = int(match.group(3))
        if year < 100:
            year += 1900 if year >= 50 else 2000
        day = safe_date(year, int(match.group(1)), int(match.group(2)))
        return Resolution("DATE", day_value(day)) if day else None
    return None


def _calendar(s: str, ctx: Context) -> Resolution | None:
    """Sept. 30 / June 6, 2017 / Tuesday / last Friday / March 1998 / January this year / Wednesday night."""
    words = s.split(" ", 1)
    if len(words) == 2 and words[0] in MONTHS and len(words[0]) > 3:
        spelled = spelled_year(words[1].removeprefix("of "))
        if spelled is not None:
            return Resolution("DATE", month_value(spelled, MONTHS[words[0]]))
    cal = calendar_parts(s)
    if cal is None:
        return None
    part = f"T{cal.part}" if cal.part else ""
    if cal.month is not None:
        return _month_or_day(cal, ctx, part)
    return _weekday_alone(cal, ctx, part)


def _month_or_day(cal: CalendarParts, ctx: Context, part: str) -> Resolution | None:
    """A calendar expression that names a month: the month ("March 1998") or a day in it ("Sept. 30")."""
    assert cal.month is not None
    year = calendar_year(cal, ctx)
    if year is None:
        tail = f"-{cal.day:02d}" if cal.day else ""
        return needs_anchor("DATE", f"XXXX-{cal.month:02d}{tail}{part}")
    if cal.day is None:
        value = month_value(year, cal.month)
        return Resolution("DATE", value) if value else None
    day = safe_date(year, cal.month, cal.day)
    return Resolution("DATE", day_value(day) + part) if day else None


def _weekday_alone(cal: CalendarParts, ctx: Context, part: str) -> Resolution | None:
    """A weekday without a month ("last Friday", "Wednesday night"): the nearest past one unless told otherwise."""
    assert cal.weekday is not None
    if cal.year is not None or cal.day is not None:
        return None
    if ctx.anchor is None:
        return needs_anchor("DATE", f"XXXX-WXX-{cal.weekday}{part}")
    day = weekday_date(ctx.anchor, cal.weekday, ctx.tense, cal.direction)
    return Resolution("DATE", day_value(day) + part) if day else None


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
            return needs_anchor("TIME", f"{day_res.value}{suffix}" if day_res.value else None)
        return Resolution("TIME", f"{day_res.value}{suffix}")
    if ctx.anchor is None:
        return needs_anchor("TIME", f"XXXX-XX-XX{suffix}")
    return Resolution("TIME", f"{day_value(ctx.anchor)}{suffix}")


def _clock_time(clock: str) -> tuple[int | None, int]:
    """``(hour, minute)`` of "3 p.m.", "10:35", "noon"; hour ``None`` when it is no clock time."""
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


def _year(s: str, ctx: Context) -> Resolution | None:
    """1998 / the year 2000 / fiscal 1989 / FY2017 / nineteen ninety-six."""
    spelled = spelled_year(s.removeprefix("the year ").removeprefix("in "))
    if spelled is not None:
        return Resolution("DATE", year_value(spelled))
    match = re.fullmatch(r"(?:the year |calendar |calendar year )?(\d{4})", s) or P.RE_FISCAL.fullmatch(s)
    if not match:
        return None
    text = match.group(1)
    year = int(text) if len(text) == 4 else (1900 if int(text) >= 30 else 2000) + int(text)
    return Resolution("DATE", year_value(year)) if 1000 <= year <= 2999 else None


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
    return Resolution("DATE", year_value(year))


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
    match = _RE_QUARTER.match(s)
    q_match = re.fullmatch(r"q([1-4])(?: (\d{4}))?", s)
    if q_match:
        year = int(q_match.group(2)) if q_match.group(2) else (ctx.anchor.year if ctx.anchor else None)
        if year is None:
            return needs_anchor("DATE", f"XXXX-Q{q_match.group(1)}")
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
        return needs_anchor("DATE", f"XXXX-{kind}{number}" if number else None)
    current = quarter_of(anchor) if kind == "Q" else (1 if anchor.month <= 6 else 2)
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
        return needs_anchor("DATE")
    if match.group(2) == "period" and not ctx.quarter:
        return Resolution("DATE", shifted(anchor, "quarter", -1))
    if match.group(1) == "fiscal year":
        return Resolution("DATE", year_value(anchor.year))
    if s in ("this quarter", "the current quarter"):
        return Resolution("DATE", f"{anchor.year:04d}-Q{quarter_of(anchor)}")
    if ctx.quarter:
        return Resolution("DATE", f"{ctx.quarter[0]:04d}-Q{ctx.quarter[1]}")
    return Resolution("DATE", shifted(anchor, "quarter", -1))


def _year_ago(s: str, ctx: Context) -> Resolution | None:
    """the year-ago quarter / the year-earlier period / year-earlier: the reported period one year back."""
    match = re.fullmatch(
        r"(?:the )?(?:comparable )?year[- ](?:ago|earlier)(?: (?P<what>(?:(?:first|second|third|fourth) )?quarter|"
        r"period|half|nine months|six months))?", s)
    if not match:
        return None
    what = match.group("what") or ""
    if what in ("nine months", "six months"):
        return Resolution("DURATION", duration_value(number_of(what.split()[0]), "month"))
    ordinal = what.split()[0] if what.endswith("quarter") and " " in what else None
    if ctx.anchor is None:
        return needs_anchor("DATE")
    if ordinal:
        return Resolution("DATE", f"{ctx.anchor.year - 1:04d}-Q{P.ORDINALS[ordinal]}")
    if ctx.quarter:
        return Resolution("DATE", f"{ctx.quarter[0] - 1:04d}-Q{ctx.quarter[1]}")
    if what:
        return Resolution("DATE", shifted(ctx.anchor, "quarter", -5))
    return Resolution("DATE", year_value(ctx.anchor.year - 1))


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
        base = safe_date(ctx.reference_year, 1, 1)
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
            return needs_anchor("TIME")
        day = shift_days(base, step)
        return Resolution("TIME", f"{day_value(day)}T{P.PARTS_OF_DAY[unit]}") if day else None
    if unit in ("decade", "century") and rel in ("past", "the past", "last", "the last", "this past"):
        # "over the past decade": the last ten years, not the 2000s (no anchor needed)
        return Resolution("DURATION", duration_value(1, unit))
    if base is None:
        return needs_anchor("DATE")
    if unit in P.SEASONS or unit in ("season", "holiday season"):
        return _season_value(base, unit, step)
    if unit == "half":
        half = 1 if base.month <= 6 else 2
        index = base.year * 2 + half - 1 + step
        return Resolution("DATE", f"{index // 2:04d}-H{index % 2 + 1}")
    if unit == "weekend":
        return Resolution("DATE", weekend_value(base, step, ctx.tense))
    value = shifted(base, unit, step)
    return Resolution("DATE", value) if value else None


def _season_value(anchor: date, unit: str, step: int) -> Resolution:
    """this summer → 2017-SU; last fall → the latest fall that has ended; next spring → the coming one."""
    if unit == "holiday season":
        # "last holiday season" → the previous December, "next" → the coming one, "this" → this year's
        year = anchor.year - 1 if step < 0 else anchor.year + (anchor.month == 12) if step > 0 else anchor.year
        return Resolution("DATE", f"{year:04d}-12")
    if unit == "season":
        return Resolution("DATE", year_value(anchor.year))
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


def _offset(s: str, ctx: Context) -> Resolution | None:
    """three years ago → the anchor minus three years, at year granularity; "a day later" → from the text's last day."""
    match = P.RE_OFFSET.match(s)
    if not match:
        return None
    unit = unit_of(match.group("unit"))
    if unit is None:
        return None
    num_text = match.group("num")
    amount = number_of(num_text)
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
        base = safe_date(ctx.reference_year, 1, 1)
    if base is None:
        return needs_anchor("DATE")
    if amount != int(amount):
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    n = int(amount) * P.UNIT_FACTOR.get(unit, 1) if unit in ("decade", "century", "millennium") else int(amount)
    target = "year" if unit in ("decade", "century", "millennium") else unit
    value = shifted(base, target, sign * n)
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
    unit = unit_of(match.group("unit"))
    if unit is None:
        return None
    num_text = match.group("num").strip()
    amount = number_of(num_text)
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
    unit = unit_of(match.group("unit"))
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
    unit = unit_of(match.group("unit"))
    amount = number_of(match.group("num").replace("-", " "))
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
            return safe_date(year, *P.FIXED_HOLIDAYS[name])
        if name in P.WEEKDAY_HOLIDAYS:
            return nth_weekday(year, *P.WEEKDAY_HOLIDAYS[name])
        easter = easter_sunday(year)
        return shift_days(easter, P.EASTER_HOLIDAYS[name]) if easter else None

    if match.group("year"):
        day = on(int(match.group("year")))
        return Resolution("DATE", day_value(day)) if day else None
    anchor = ctx.anchor
    if anchor is None:
        if name in P.FIXED_HOLIDAYS:
            month, dom = P.FIXED_HOLIDAYS[name]
            return needs_anchor("DATE", f"XXXX-{month:02d}-{dom:02d}")
        return needs_anchor("DATE")
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
    return Resolution("DATE", day_value(chosen)) if chosen else None


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
        base = safe_date(ctx.reference_year, 1, 1)
    if match.group("unit"):
        unit, step = match.group("unit"), -1 if match.group("dir") in ("before", "earlier") else 1
    else:
        unit, step = match.group("unit2"), -1 if match.group("rel") in ("previous", "preceding", "prior") else 1
    if base is None:
        return needs_anchor("DATE")
    if unit in ("morning", "evening", "night"):
        day = shift_days(base, step)
        return Resolution("TIME", f"{day_value(day)}T{P.PARTS_OF_DAY[unit]}") if day else None
    value = shifted(base, unit, step)
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
            return needs_anchor("DATE", f"XXXX-{P.SEASONS[bare]}")
        return _season_value(ctx.anchor, bare, 1 if ctx.tense == "future" else 0)
    if bare == "holiday season":
        if ctx.anchor is None:
            return needs_anchor("DATE", "XXXX-12")
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
        return needs_anchor("TIME")
    if match.group(1) == "midday":
        return Resolution("TIME", f"{day_value(ctx.anchor)}T12:00")
    return Resolution("TIME", f"{day_value(ctx.anchor)}T{P.PARTS_OF_DAY[match.group(1)]}")


def _period_edge(s: str, ctx: Context) -> Resolution | None:
    """the end of the month / year-end: the anchor's own period (``mod`` END comes from the words)."""
    match = re.fullmatch(r"(?:(?:the )?(?:end|beginning|start|middle) of )?(?:the|this) (week|month|quarter|year)", s)
    edge = re.fullmatch(r"year[- ]end|year's end", s)
    if not match and not edge:
        return None
    if ctx.anchor is None:
        return needs_anchor("DATE")
    unit = match.group(1) if match else "year"
    mod = "END" if edge or "end of" in s else "START" if ("beginning" in s or "start" in s) else \
        "MID" if "middle" in s else None
    return Resolution("DATE", shifted(ctx.anchor, unit, 0), mod)


def _the_weekend(s: str, ctx: Context) -> Resolution | None:
    """the weekend / weekend: the coming one when the clause looks ahead, else the latest one."""
    if s not in ("the weekend", "weekend"):
        return None
    if ctx.anchor is None:
        return needs_anchor("DATE")
    if ctx.anchor.isoweekday() >= 6:
        return Resolution("DATE", weekend_value(ctx.anchor, 0, None))
    return Resolution("DATE", weekend_value(ctx.anchor, 0 if ctx.tense == "future" else -1, None))


#: The rules, most specific first. The first that understands the whole expression wins.
RULES: tuple[Rule, ...] = (
    _vague, _deictic_day, _numeric_date, _year, _year_period, _decade, _century, _quarter, _year_ago, _period,
    _clock, _calendar, _frequency, _part_of_day, _period_edge, _the_weekend, _relative_unit, _anaphoric, _offset,
    _season, _holiday,
    _compound_duration, _plural_units, _duration,
)


__all__ = ["RULES", "Rule"]
