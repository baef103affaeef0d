"""Word lists and compiled patterns of the time stage, in one place.

Everything the recogniser and the normaliser need to know about English time
words lives here as named data: month and weekday names, number words, units,
holidays, modifiers. The normaliser's rules (``rules.py``) and the recogniser's
extents and filters (``recognize.py``, ``rejection.py``) are built from these
pieces, so a new word is added once and both sides learn it.

The lists are our own, written from the TimeML 1.2 / TIMEX3 guidelines and
TempEval-3 annotation conventions.
"""

from __future__ import annotations

import re

from newsgraph.vocab.numbers import COUNT_WORDS

# --- calendar words --------------------------------------------------------------

#: Seasons → TIMEX3 season code.
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: Parts of the day → TIMEX3 time-of-day code.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT", "dawn": "MO", "dusk": "EV",
}

#: Calendar units (singular) → (ISO 8601 duration letter, is a time-of-day unit).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("Y", False), "century": ("Y", False), "millennium": ("Y", False),
}

#: How many of the base unit one of these units is (decades are written as years).
UNIT_FACTOR: dict[str, int] = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}

#: Plural forms that do not just add an "s".
IRREGULAR_PLURALS: dict[str, str] = {"centuries": "century", "millennia": "millennium"}

#: Number words → value: the common counts and the larger and grouped ones durations use.
NUMBER_WORDS: dict[str, int] = COUNT_WORDS | {
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "thousand": 1000,
    "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip

#: Quantity words that give an unspecified number ("several years" → PXY).
VAGUE_QUANTITIES: frozenset[str] = frozenset({
    "several", "a few", "few", "some", "many", "a number of", "numerous", "countless", "a couple of",
    "the next few", "the past few", "the last few", "the next several", "the past several", "recent",
})

#: Ordinals → number (quarters, halves, centuries, days of month).
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "thirtieth": 30,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

#: Decade words → the decade's first two digits after the century ("the sixties" → 6).
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

#: Holidays on a fixed date → (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's": (1, 1), "new year": (1, 1), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "saint patrick's day": (3, 17), "april fools' day": (4, 1),
    "may day": (5, 1), "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
    "july fourth": (7, 4), "bastille day": (7, 14), "halloween": (10, 31), "veterans day": (11, 11),
    "armistice day": (11, 11), "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "xmas": (12, 25), "xmas day": (12, 25), "xmas eve": (12, 24),
    "new year's eve": (12, 31), "hogmanay": (12, 31),
}

#: Holidays on the n-th weekday of a month → (month, weekday, n); n = -1 means the last one.
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "martin luther king day": (1, 1, 3), "martin luther king jr. day": (1, 1, 3),
    "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3), "memorial day": (5, 1, -1),
    "mother's day": (5, 7, 2), "father's day": (6, 7, 3), "labor day": (9, 1, 1),
    "columbus day": (10, 1, 2), "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
    "election day": (11, 2, 1),
}

#: Holidays counted from Easter Sunday → days after it.
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2, "palm sunday": -7,
    "ash wednesday": -46, "pentecost": 49,
}

# --- modifiers -------------------------------------------------------------------

#: Words before a date that place it inside its period (TIMEX3 ``mod``).
POSITION_MODS: dict[str, str] = {
    "early": "START", "the early": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "earlier": "START",
    "late": "END", "the late": "END", "the end of": "END", "end of": "END", "later": "END",
    "mid": "MID", "the mid": "MID", "middle": "MID", "the middle of": "MID", "middle of": "MID",
}

#: Words before a quantity that make it approximate or bounded (TIMEX3 ``mod``).
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN", "no more than": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no less than": "EQUAL_OR_MORE",
}

#: Deictic adverbs and nouns → their TIMEX3 value when they need no arithmetic.
VAGUE_REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "present": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "today's": "PRESENT_REF",
    "the present": "PRESENT_REF", "the moment": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "this time": "PRESENT_REF", "immediately": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "past": "PAST_REF", "earlier": "PAST_REF",
    "once": "PAST_REF", "in the past": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
    "years ago": "PAST_REF", "decades ago": "PAST_REF", "months ago": "PAST_REF", "weeks ago": "PAST_REF",
    "days ago": "PAST_REF", "centuries ago": "PAST_REF", "years from now": "FUTURE_REF", "long ago": "PAST_REF",
    "the old days": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "later": "FUTURE_REF",
    "shortly": "FUTURE_REF", "eventually": "FUTURE_REF", "in the future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF", "the near future": "FUTURE_REF",
    "someday": "FUTURE_REF", "one day": "FUTURE_REF",
}

#: Words before a unit or name that count back from the anchor (``last year``).
PAST_WORDS: frozenset[str] = frozenset({"last", "past", "previous", "preceding", "this past", "the past",
                                        "the last", "the previous", "the preceding", "latest", "the latest"})
#: Words before a unit or name that count forward from the anchor (``next year``).
FUTURE_WORDS: frozenset[str] = frozenset({"next", "coming", "the coming", "this coming", "the next",
                                          "upcoming", "the upcoming", "following", "the following"})

#: Words after a quantity that count back from the anchor (``three years ago``).
AGO_WORDS: frozenset[str] = frozenset({"ago", "back", "earlier", "before", "previously", "prior"})

#: Adverbs of frequency → TIMEX3 SET values.
FREQUENCY_WORDS: dict[str, str] = {
    "semi-annually": "P6M", "semiannually": "P6M", "biannually": "P6M", "bimonthly": "P2M",
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "every day": "P1D",
    "each day": "P1D", "every week": "P1W", "each week": "P1W", "every month": "P1M",
    "each month": "P1M", "every year": "P1Y", "each year": "P1Y", "every quarter": "P1Q",
    "each quarter": "P1Q", "every night": "P1D", "every morning": "P1D", "every hour": "PT1H",
    "per year": "P1Y",
    "per day": "P1D", "per week": "P1W", "per month": "P1M", "per hour": "PT1H",
    "every other day": "P2D", "every other week": "P2W", "every other year": "P2Y",
}

#: Time zones that may follow a clock time ("3 p.m. Eastern").
TIME_ZONES: tuple[str, ...] = (
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "ET", "PT",
    "Eastern", "Central", "Pacific", "Mountain", "Eastern Time", "Pacific Time", "Central Time",
    "local time", "local", "Moscow time", "Beijing time", "London time",
)

# --- regexes -----------------------------------------------------------------------


def _alternation(words: object) -> str:
    """A regex alternation of words, longest first so the longest one wins."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{MONTH_NAME}|{MONTH_ABBR})"
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY = rf"(?:{WEEKDAY_NAME}|(?:Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)\.)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_NUM = r"(?:1[6-9]\d\d|20\d\d)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight|midday|dawn|dusk)"
UNIT = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|millenni(?:um|a)"
    r"|centuries)"
)
UNIT_SINGULAR = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|millennium)"
NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)"
)
NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{NUMBER_WORD}(?:[-\s]{NUMBER_WORD})*(?:\s+and\s+a\s+half)?"
    r"|a\s+couple\s+of|a\s+couple|a\s+dozen|a\s+hundred|a\s+thousand|a|an)"
)
VAGUE_NUMBER = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous|countless)"
#: Quantity modifiers the recogniser keeps in an extent; "over" and "under" are left out
#: because before a time they are usually prepositions ("over the past year").
QUANTITY_MOD = rf"(?:{_alternation(set(QUANTITY_MODS) - {'over', 'under'})})"
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|same)"
CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|a\.\s?m\.|p\.\s?m\.)"
    r"|\d{1,2}:\d\d(?::\d\d)?(?!\d)|noon|midnight|midday|\d{1,2}\s+o'clock)"
)
ZONE = rf"(?:{_alternation(TIME_ZONES)})"
HOLIDAY = "(?i:" + _alternation([*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS]) + ")"
SPELLED_YEAR = (
    r"(?i:(?:nineteen|eighteen)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)

#: Normaliser input: an ISO date, possibly with a time.
RE_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[t\s](\d{2}):(\d{2}))?")
#: Normaliser input: 6/5/2017, 06/05/17 (month first, as in US news).
RE_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
#: Normaliser input: a decade, "1980s", "'80s", "80s".
RE_DECADE = re.compile(r"^(?:(?P<c>1[0-9]|20)(?P<d>\d)0|['’](?P<s>\d)0|(?P<t>\d)0)['’]?s$")
#: Normaliser input: a century, "the 19th century", "the twenty-first century".
RE_CENTURY = re.compile(r"^(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century$|^(?P<w>[a-z\- ]+?)\s+century$")
#: Normaliser input: a fiscal year, "fiscal 1989", "fiscal year 2017", "fy2017", "fy 17".
RE_FISCAL = re.compile(r"^(?:fiscal(?:\s+year)?|fy)\s*['’]?(\d{2}|\d{4})$")
#: Normaliser input: a quantity written as an adjective, "two-year", "16-hour".
RE_COMPOUND_DURATION = re.compile(
    rf"^(?P<num>[a-z0-9]+(?:[\s-][a-z]+)?)-(?P<unit>{UNIT_SINGULAR.lower()})(?:-(?:long|old))?$"
)
#: Normaliser input: a counted distance from a time, "three years ago", "a day later", "two weeks or so
#: before" (its "or so" is part of the distance, not a trailing modifier).
RE_OFFSET = re.compile(
    r"^(?P<num>.+?)[\s-]+(?:more\s+)?(?P<unit>[a-z]+?s?)(?: or so)?\s+"
    r"(?P<dir>ago|earlier|later|before|back|from now|hence|"
    r"after|on|previously|prior)$"
)

# --- recogniser patterns (over the raw text, case-sensitive where names need it) ------

_I = r"(?i:{})"


def _i(pattern: str) -> str:
    """``pattern`` matched without regard to case, inside a case-sensitive regex.

    Inside f-strings a backslash is not allowed, so ``_`` stands for a run of
    whitespace, ``~`` for a hyphen or a space and ``@`` for an apostrophe.
    """
    pattern = pattern.replace("_", r"\s+").replace("~", r"[-\s]").replace("@", "['’]")
    return _I.format(pattern)


_POSITION = _i(r"(?:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of|(?:beginning|end|middle)\s+of)")
_REL = _i(
    r"(?:last|next|this|past|previous|coming|following|current|the\s+past|the\s+last|the\s+previous|the\s+next|"
    r"the\s+coming|the\s+following|the\s+current|this\s+past|this\s+coming|the\s+same|that|the\s+preceding|"
    r"the\s+latest|latest|upcoming|the\s+upcoming)"
)

#: Recogniser patterns, one named regex per kind of expression; each matches one whole timex extent.
RECOGNISER_PATTERNS: dict[str, re.Pattern[str]] = {
    # Sept. 30, 1989 / Tuesday, June 6, 2017 / 6 June 2017 / June 2017 / March 12
    "calendar_date": re.compile(
        rf"\b(?:{WEEKDAY},?\s+)?(?:(?:{MONTH})\s+{DAY_NUM}(?:,?\s+{YEAR_NUM})?"
        rf"|{DAY_NUM}\s+(?:of\s+)?(?:{MONTH})(?:,?\s+{YEAR_NUM})?|(?:{MONTH}),?\s+(?:of\s+)?{YEAR_NUM})(?!\d)"
    ),
    # 2017-06-06, 6/5/2017
    "numeric_date": re.compile(r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))\b"),
    # early June, late last month's (the "'s" is stripped later), mid-March
    "month": re.compile(
        rf"\b(?:{_POSITION}[\s-]+|{_REL}\s+|{_i('earlier|later')}\s+(?:in\s+)?)?(?:{MONTH_NAME}|{MONTH_ABBR}(?=\s))"
        rf"(?:\s+{_i('this|last|next')}\s+{_i('year')})?(?![\w-])"
    ),
    # Tuesday, Tuesday night, late Tuesday, last Tuesday, Tuesday nights
    "weekday": re.compile(
        rf"\b(?:{_POSITION}\s+|{_REL}\s+)?{WEEKDAY}(?:['’]s)?"
        rf"(?:\s+{_i(PART_OF_DAY)}s?)?(?!\w)"
    ),
    # 1998, fiscal 1989, the year 2000
    "year": re.compile(
        rf"(?<![\d$£€.,/-])(?:{_i('fiscal(?:_year)?|the_year|fy')}\s*)?{YEAR_NUM}(?![\d%.,]\d|-\d|\s*(?:%|percent))\b"
    ),
    # nineteen ninety-six, January nineteen ninety-seven, the year two thousand (broadcast transcripts)
    "spelled_year": re.compile(
        rf"\b(?:(?:{MONTH_NAME}|{_i('the_year|the_winter_of|the_summer_of')})\s+)?{SPELLED_YEAR}\b"
    ),
    # the 1980s, the late 1990s, mid-1990s, the '80s, the sixties
    "decade": re.compile(
        rf"(?:\b{_i('the')}\s+)?(?:{_POSITION}[\s-]+)?(?:\b1[0-9]\d0s|\b20\d0s|['’]\d0s|"
        rf"\b\d0s(?=\s)|\b{_i('(?:nineteen~)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)')})\b"
    ),
    # the 19th century, the twenty-first century
    "century": re.compile(
        rf"\b(?:{_i('the')}\s+)?(?:{_POSITION}[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_i('(?:twenty~)?(?:first|second|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)')})"
        rf"[\s-]{_i('century')}\b"
    ),
    # last year, this week, the past year, next month, early next year, earlier this month, last weekend
    "relative_unit": re.compile(
        rf"\b(?:(?:{_POSITION}|{_i('earlier|later|sometime|some_time')})\s+(?:in\s+)?)?{_REL}\s+"
        rf"(?:{_i('fiscal')}\s+)?{_i('(?:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|season|holiday_season|half|morning|afternoon|evening|night)')}(?!\w)"
    ),
    # three years ago, a week earlier, two days later, 10 years from now, a year or so ago
    "offset": re.compile(
        rf"\b(?:{QUANTITY_MOD}\s+)?(?:{_i(NUMBER)}|{_i(VAGUE_NUMBER)})[\s-]+(?:{_i('more')}\s+)?{_i(UNIT)}s?"
        rf"(?:\s+{_i('or_so')})?\s+{_i('ago|earlier|later|before|back|from_now|hence')}\b"
    ),
    # the past three years, the next two weeks, the last 24 hours, three years, 5 1/2 hours, a few days
    "duration": re.compile(
        rf"\b(?:{QUANTITY_MOD}\s+)?(?:{_i('the_(?:past|last|next|first|final|coming|previous|latest|following)|(?:past|last|next|first|final|coming|latest)')}\s+)?"
        rf"(?:{_i(NUMBER)}|{_i(VAGUE_NUMBER)})[\s-]+(?:{_i('more|full|straight|consecutive|long|trading|business|calendar')}\s+)?{_i(UNIT)}s?"
        rf"(?:\s+{_i('or_so')})?(?![\w-])"
    ),
    # two-year, 16-hour, 30-day (adjectival durations)
    "compound_duration": re.compile(rf"\b(?:\d+|{_i(NUMBER_WORD)})-{_i(UNIT_SINGULAR)}(?:-{_i('long|old')})?\b"),
    # recent months, coming weeks, the coming years, for months (the plural alone), weeks or months
    "plural_units": re.compile(
        rf"\b(?:{_i('recent|coming|the_coming|the_past|past|the_last|the_next|future')}\s+)"
        rf"{_i('(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)')}\b"
    ),
    # today, yesterday, tonight, now, recently, this morning, last night
    "deictic": re.compile(
        _i(r"\b(?:(?:early|late)\s+)?(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|"
           r"today|tonight|yesterday|tomorrow|tmrw|tmr|tdy|this\s+(?:morning|afternoon|evening)|last\s+night|"
           r"overnight)\b")
    ),
    "vague": re.compile(
        _i(r"\b(?:now|right\s+now|currently|nowadays|these\s+days|at\s+present|presently|recently|lately|"
           r"more\s+recently|most\s+recently|formerly|soon|the\s+(?:near\s+)?future|"
           r"the\s+past|as\s+soon\s+as\s+possible|a\s+later\s+date|that\s+same\s+day|(?:years|months|weeks|days|decades|centuries)\s+ago)\b")
    ),
    # 3 p.m., 10:35 a.m. EDT, noon Thursday, 9 a.m. Tuesday
    "clock": re.compile(
        rf"\b(?:{_i('about|around|at_about|shortly_(?:before|after)|just_(?:before|after)')}\s+)?{_i(CLOCK)}"
        rf"(?:\s+{ZONE}\b)?(?:,?\s+(?:{_i('on')}\s+)?(?:{WEEKDAY}|{_i('today|yesterday|tomorrow|tonight')}|(?:{MONTH})\s+{DAY_NUM}))?"
    ),
    # the third quarter, the first half of 1990, third-quarter, the fiscal first quarter, Q3
    "quarter": re.compile(
        rf"\b(?:{_i('the|this_year@s|last_year@s|next_year@s')}\s+(?!\w+-))?"
        rf"(?:{_i('fiscal')}[\s-]+)?{_i(ORDINAL)}[\s-]+(?:{_i('fiscal')}\s+)?{_i('quarter|half')}"
        rf"(?:\s+{_i('of')}\s+(?:{_i('fiscal')}\s+)?{YEAR_NUM})?\b|\bQ[1-4](?:\s+{YEAR_NUM})?\b"
    ),
    # the 1988 quarter, the 1989 period, the 1988 second quarter
    "year_period": re.compile(
        rf"\b(?:{_i('the|its')}\s+)?{YEAR_NUM}\s+(?:{_i('fiscal')}\s+)?(?:{_i('first|second|third|fourth')}\s+)?"
        rf"{_i('quarter|period|half')}\b"
    ),
    # the year-ago quarter, the year-earlier period, year-ago
    "year_ago": re.compile(
        _i(r"\b(?:the\s+)?(?:comparable\s+)?year[-\s](?:ago|earlier)(?:\s+(?:(?:first|second|third|fourth)\s+)?"
           r"(?:quarter|period|nine\s+months|six\s+months|half))?\b")
    ),
    # the quarter, the latest quarter, the fiscal year, the first nine months
    "period": re.compile(
        _i(r"\b(?:the|its)\s+(?:(?:latest|first|last|past|same)\s+)?(?:(?:nine|six|three)\s+months|"
           r"fiscal\s+year|quarter)\b|\bthe\s+latest\s+period\b")
    ),
    # this summer, the spring of 1999, the holiday season
    "season": re.compile(
        rf"\b(?:{_POSITION}[\s-]+)?(?:{_i('the')}\s+)?{_i(SEASON)}\s+(?:{_i('of')}\s+)?{YEAR_NUM}\b|"
        rf"\b{_i('the_holiday_season')}\b"
    ),
    # Christmas, Thanksgiving Day, the Fourth of July
    "holiday": re.compile(rf"\b(?:{_POSITION}\s+|{_REL}\s+)?(?:{HOLIDAY})\b"),
    # every Tuesday, each July, daily, twice a week
    "set": re.compile(
        rf"\b(?:{_i('every|each')}\s+(?:{_i('other')}\s+)?(?:{WEEKDAY}|{MONTH_NAME}|{_i(UNIT_SINGULAR)}|{_i(PART_OF_DAY)}|{_i(SEASON)})"
        rf"|{_i('semi-?annually|biannually|bimonthly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly')}|"
        rf"{WEEKDAY_NAME}s(?:\s+{_i(PART_OF_DAY)}s?)?)\b"
    ),
    # the day before, the next day, the following week, that day, the same day, a day later
    # the end of the month, year-end, the beginning of next year
    "period_edge": re.compile(
        _i(r"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)\s+"
           r"(?:week|month|quarter|year|decade|century)|year[-\s]end|year['’]s\s+end)\b")
    ),
    # mid-afternoon, early morning
    "part_of_day": re.compile(_i(r"\b(?:early|late|mid-?)\s*(?:morning|afternoon|evening)\b")),
    "anaphoric": re.compile(
        _i(r"\b(?:(?:earlier|later)\s+)?(?:the\s+(?:previous|next|following|preceding|same|prior)|that)\s+"
           r"(?:day|morning|afternoon|evening|night|week|month|year|weekend)\b")
    ),
}

#: Prepositions and determiners trimmed from the left of a candidate (not part of TIMEX3 extents).
LEADING_TRIM: frozenset[str] = frozenset({
    "on", "in", "at", "since", "during", "for", "by", "until", "till", "from", "of", "over", "through",
    "throughout", "within", "after", "before", "to", "between", "as", "into", "and", "or", "than",
})

#: Named-entity labels that make a date word part of a name ("The Sunday Times", "Windows 2000").
NAME_LABELS: frozenset[str] = frozenset({
    "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "LAW", "GPE", "NORP", "LOC",
})

#: Heads that put an infinitive after them in the future ("is expected to vote Tuesday"). An attempt
#: ("try", "seek", "attempt") is not among them: its infinitive happens when the attempt does ("was
#: trying to pass the bill Tuesday" is a past Tuesday), so it takes the head's tense (``recognize.tense_of``).
FUTURE_HEADS: frozenset[str] = frozenset({
    "plan", "expect", "schedule", "set", "intend", "hope", "aim", "due", "prepare", "promise", "vow",
    "threaten", "pledge", "likely", "poise", "slate", "go", "will", "want", "need", "be",
})
#: Attempts: their infinitive happens when the attempt does, so it takes the attempt's tense ("was
#: trying to nip the plan Tuesday", "managed to pass it Friday", "will try to vote Monday"). A verb of
#: intent or commitment ("agreed to buy ... in February", "decided to admit ... in March") is not one:
#: what it commits to comes later.
ATTEMPT_HEADS: frozenset[str] = frozenset({
    "try", "attempt", "seek", "manage", "fail", "struggle", "scramble", "rush", "hurry",
})
#: Words right before a time that make it a deadline or an earliest day, ahead unless the clause is in the
#: past perfect ("until Tuesday", "by Jan. 14"; "had been extended until Friday" is over).
DEADLINE_CUES: frozenset[str] = frozenset({"until", "till", "through", "by"})
DEADLINE_PHRASES: frozenset[tuple[str, ...]] = frozenset({("as", "soon", "as"), ("as", "early", "as")})
#: How an infinitive hangs on the verb it completes ("trying to nip", "expected to vote").
INFINITIVE_DEPS: frozenset[str] = frozenset({"xcomp", "ccomp", "advcl"})

#: Present-tense verbs that describe a state or a report, not a scheduled event ("says Monday").
STATIVE_VERBS: frozenset[str] = frozenset({
    "be", "have", "say", "tell", "report", "announce", "add", "state", "claim", "insist", "deny", "know",
    "think", "believe", "want", "need", "seem", "remain", "appear", "show", "suggest", "indicate", "expect",
    "estimate", "continue", "hold", "keep", "include", "contain", "mean", "like", "hope", "fear", "own",
})

#: Auxiliaries that mark the future.
FUTURE_AUX: frozenset[str] = frozenset({"will", "'ll", "’ll", "shall", "wo", "gon"})

#: Capitalised words after a weekday or month that make it a name, not a date ("The Sunday Times").
NAME_FOLLOWERS: frozenset[str] = frozenset({
    "times", "telegraph", "express", "mirror", "post", "herald", "tribune", "journal", "observer",
    "independent", "mail", "star", "sun", "news", "magazine", "school", "club",
    "street", "square", "island", "group", "party", "movement", "revolution", "massacre", "uprising",
    "accords", "agreement", "offensive", "war", "crisis", "storm", "bloody", "records", "press",
})

# --- recogniser filters -----------------------------------------------------------------

#: A determiner the TIMEX3 extent leaves out: before a date ("the Aug. 7, 1998 attack"), a weekday,
#: or a hyphenated quarter used as an adjective ("its third-quarter profit").
RE_DROPPED_DETERMINER = re.compile(
    rf"^(?:the|its|their|his|her)\s+(?=(?:{MONTH})\s+\d|{WEEKDAY}|(?:fiscal[-\s])?(?:first|second|third|fourth)-quarter)",
    re.I,
)
#: Leading words that look like prepositions but belong to the extent ("at least 30 days", "as soon as possible").
RE_KEPT_LEAD = re.compile(r"(?i)^(?:at\s+(?:least|most)|as\s+soon\s+as|over\s+and|up\s+to)\b")
#: After "a quarter" / "half": a fraction, not a time ("a quarter of a million", "a quarter percentage point").
RE_FRACTION_TAIL = re.compile(r"(?i)\s+(?:of\b|percent|percentage|per\s+cent|point|-point)|-point")
#: Dependencies of a noun phrase that is an argument of its clause; a date inside it does not take the clause's tense.
CLAUSE_ARGUMENT_DEPS: frozenset[str] = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "dative"})
#: Quote marks around a title ("This Week", “Friday”).
OPEN_QUOTES: frozenset[str] = frozenset({'"', "“", "‘", "'"})
CLOSE_QUOTES: frozenset[str] = frozenset({'"', "”", "’", "'"})
#: "March" (or "May") ending a candidate, and what follows it when it names a rally or movement.
RE_NAMED_MARCH = re.compile(r"(?:^|\s)(?:March|May)$")
RE_MARCH_NAME_TAIL = re.compile(r"\s+(?:for|on|against|of|to)\s+(?:the\s+)?[A-Z]")
#: A decade written without its century, "the" or an apostrophe ("early 50s"): an age, not a date.
RE_BARE_DECADE = re.compile(r"(?:(?:early|mid|late)[-\s]+)?\d0s")
#: What comes before "a month" when it is a rate ("$200 million a month", "twice a week").
RE_RATE_BEFORE = re.compile(
    r"(?:\d|million|billion|thousand|hundred|dollars|cents|percent|%|times|once|twice)[\s,]*$", re.I
)
#: A rate's own words: "a month", "per year".
RE_RATE = re.compile(r"(?i)(?:a|an|per)\s+(day|week|month|year|hour|quarter)")
#: Text before a word that starts a sentence or a line.
RE_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][\s\"'“”]*)$")
#: "old" after a duration makes it an age: "six years old", "six-years old".
RE_OLD_AFTER = re.compile(r"[\s-]+old\b")
#: An abbreviation whose full stop belongs to the extent ("Sept.", "Tues.").
RE_ABBREVIATION_END = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)\.$"
)
#: A possessive before a bare decade makes it an age: "in his 30s", "her early 40s".
RE_AGE_OWNER = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+(?:early\s+|mid-?\s*|late\s+)?$")
#: What follows an adjectival duration that makes it an age: "a 44-year-old".
RE_AGE_SUFFIX = re.compile(r"-(?:year|month|week|day)s?-old")
#: The capitalised word right after a candidate, which may make it a name ("Sunday Times").
RE_NEXT_NAME_WORD = re.compile(r"\s+([A-Z][a-z]+)")
#: A capitalised word right after a candidate ("the daily Granma").
RE_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")
#: A frequency adverb in lower case, "daily", "quarterly" (used whole).
RE_LY_WORD = re.compile(r"[a-z]+ly")
#: A number and a capitalised plural ending a candidate: a programme, "60 Minutes".
RE_COUNTED_TITLE = re.compile(r"\d\s+[A-Z][a-z]+s$")
#: A fraction in quarters ending a candidate, "three-quarters".
RE_QUARTERS_FRACTION = re.compile(r"\w-quarters$")
#: A decade in two digits, "30s" (used whole).
RE_TWO_DIGIT_DECADE = re.compile(r"\d0s")
#: A quarter or a half that may be a fraction, "a quarter", "the first half" (used whole, lower case).
RE_FRACTION_WORDS = re.compile(r"(?:a|one|three|the first|the second) (?:quarter|half)")
#: "a second" as an ordinal, "a second term" (used whole, lower case).
RE_ORDINAL_SECOND = re.compile(r"(?:a|the|one) second")
#: A year in four digits alone, which may count things ("2000 troops") (used whole).
RE_FOUR_DIGITS = re.compile(r"\d{4}")

# --- recogniser prefilter ----------------------------------------------------------

_UNIT_WORD = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni"

#: For each recogniser pattern, a cheap regex for a word that every one of its matches contains,
#: searched in the lower-cased text unless the pattern is in ``CASED_KEYWORDS``.
#: A pattern whose keyword is absent from a text cannot match there, so it is not run: most
#: patterns start with optional words, which makes Python's ``re`` try them at every position,
#: while these keywords are short literal alternations. ``tests/extract/time/test_patterns_speed.py``
#: checks that every pattern's matches contain its keyword.
PATTERN_KEYWORDS: dict[str, re.Pattern[str]] = {
    name: re.compile(keyword)
    for name, keyword in {
        "calendar_date": r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
        "numeric_date": r"\d[-/]\d",
        "month": r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
        "weekday": r"Mon|Tue|Wed|Thu|Fri|Sat|Sun",
        "year": r"(?:1[6-9]|20)\d\d",
        "spelled_year": r"nineteen|eighteen|thousand",
        "decade": r"0s|ties",
        "century": r"century",
        "relative_unit": r"week|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|season"
                         r"|half|morning|afternoon|evening|night",
        "offset": rf"{_UNIT_WORD}",
        "duration": rf"{_UNIT_WORD}",
        "compound_duration": rf"-(?:{_UNIT_WORD})",
        "plural_units": r"(?:second|minute|hour|day|week|month|quarter|year|decade)s|centuries",
        "deictic": r"to(?:day|night|morrow)|yesterday|tmrw?|tdy|morning|afternoon|evening|night",
        "vague": r"now|current|present|recent|lately|formerly|soon|future|past|later|same|ago|days",
        "clock": r"\d\s*[ap]\.?\s?m|\d:\d\d|noon|midnight|midday|o'clock",
        "quarter": r"quarter|half|q[1-4]",
        "year_period": r"quarter|period|half",
        "year_ago": r"year",
        "period": r"months|fiscal|quarter|period",
        "season": r"spring|summer|fall|autumn|winter|holiday",
        "holiday": r"day|christmas|xmas|easter|thanksgiving|halloween|hogmanay|year|fourth|pentecost",
        "set": r"every|each|ly\b|days",
        "period_edge": r"end|beginning|start|middle",
        "part_of_day": r"morning|afternoon|evening",
        "anaphoric": r"day|morning|afternoon|evening|night|week|month|year",
    }.items()
}

#: Patterns whose keyword is searched in the text as written (their names are capitalised).
CASED_KEYWORDS: frozenset[str] = frozenset({"calendar_date", "month", "weekday"})
