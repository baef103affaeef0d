"""Compiled regular expressions of the cleaning stage, each named for what it matches."""

from __future__ import annotations

import re

from newsgraph.clean.lexicons import MONTHS, OUTLETS, WEEKDAYS

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_OUTLET_ALT = "|".join(re.escape(name) for name in sorted(OUTLETS, key=len, reverse=True))

#: One line with its ending: the ending is a CRLF, a lone CR or LF, or another Unicode line separator.
LINE = re.compile(r"([^\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*)(\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]|$)")

#: Leading horizontal whitespace of a line (its indentation).
INDENT = re.compile(r"[ \t\u00a0\u3000]*")

#: A run of spaces inside a line standing for a collapsed paragraph break: three or more
#: after sentence-final punctuation, or six or more anywhere.
COLLAPSED_BREAK = re.compile(r"(?<=[.!?\"'”’)\]:])[ \t\u00a0]{3,}(?=\S)|(?<=\S)[ \t\u00a0]{6,}(?=\S)")

#: Block-level HTML tags left in extracted text: they separate paragraphs.
BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table)\b[^<>]{0,300}>", re.I)

#: Any other HTML tag left in extracted text (inline, to drop).
INLINE_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,300}/?>")

#: A line (or the text before a break) ends a sentence: final punctuation, maybe closing quotes/brackets.
SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$|[\"”]$")

#: First "word" of a line, to test whether it would have fit on the line above.
FIRST_WORD = re.compile(r"\S+")

#: A word character: used to tell a line with words from one of only punctuation.
WORDISH = re.compile(r"[^\W_]")

#: A web address, an e-mail address or a social handle.
LINKISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|(?<!\w)[@#]\w+|\b\S+\.(?:com|org|net|co\.uk)\b\S*", re.I)

#: A capitalised word, an initial, or an all-caps word: a possible name token.
NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]*[a-z][a-zA-Z'’\-]*|[A-Z]|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,}|[A-Z][a-z]?\.|"
                        r"(?:Mc|Mac|O'|O’|D'|D’)[A-Z][a-z]+|[A-Z][a-z]*-[A-Z][a-z]+)$")

#: Month-name dates with a year: "March 14, 2019", "March\n14,2019", "Mar. 14th 2019", "Tue September 20, 2016".
DATE_MDY = re.compile(
    rf"\b(?:(?:{_WEEKDAY_ALT})\.?,?\s+)?(?P<month>{_MONTH_ALT})\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"\s*,?\s*(?P<year>(?:1[89]|20)\d\d)\b",
    re.I,
)

#: Day-first dates with a year: "14 March 2019", "14th of March, 2019".
DATE_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>(?:1[89]|20)\d\d)\b",
    re.I,
)

#: ISO dates "2019-03-14" (and "2019/03/14").
DATE_ISO = re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)[-/](?P<month>\d\d)[-/](?P<day>\d\d)(?!\d)")

#: US numeric dates "03/14/2019", "09/12/17".
DATE_US = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d)\b")

#: Month and day without a year: "March 24" (Reuters datelines).
DATE_MD = re.compile(rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)

#: Clock times and zones that accompany a date in a byline area.
TIME_OF_DAY = re.compile(
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?(?:\s*(?:ET|EST|EDT|GMT|UTC|BST|PT|PST|PDT|CT|CST|CDT))?(?!\w)"
    r"|\b(?:ET|EST|EDT|GMT|UTC|BST|PST|PDT|CST|CDT)\b",
    re.I,
)

#: Words that may surround a date in a date line ("Updated", "Published on", "at").
DATE_LINE_WORDS = re.compile(
    r"\b(?:updated|update|posted|published|first|last|modified|on|at|by|date|created|filed|"
    rf"{_WEEKDAY_ALT})\b\.?:?",
    re.I,
)

#: A wire dateline at the start of a story: "SANTA CLARA, Calif., March 24 - ", "LONDON (Reuters) - ",
#: "WASHINGTON — ", "RICHMOND, Va. Feb 26 -", "Toronto, Feb 26 -". Region, date and outlet are optional;
#: a dash ends it. The place must be in capitals unless a date follows it (checked in ``wire``).
_NOT_MONTH = r"(?!(?i:" + _MONTH_ALT + r")\b)"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’/\-]*(?:\s+" + _NOT_MONTH + r"[A-Z][A-Za-z.'’/\-]*){0,3})"
    r"(?:\s*,\s*(?P<region>" + _NOT_MONTH + r"[A-Z][A-Za-z.'’]*\.?(?:\s+" + _NOT_MONTH + r"[A-Z][A-Za-z.'’]*){0,2}))?"
    r"(?:\s*,?\s*(?P<date>(?i:" + _MONTH_ALT + r")\.?\s+\d{1,2}(?:\s*,\s*(?:19|20)\d\d)?"
    r"|\d{1,2}\s+(?i:" + _MONTH_ALT + r")\.?(?:\s*,?\s*(?:19|20)\d\d)?))?"
    r"\s*,?\s*(?:\((?P<outlet>[A-Za-z][A-Za-z .&\-]{0,30})\)|(?P<bare_outlet>Reuters?|REUTERS?|AP|AFP|UPI))?"
    r"\s*(?:--?|–|—)(?:\s+(?=\S)|\s*$)"
)

#: A dateline made only of a date: "April 18, 2010 — -- ".
DATELINE_DATE = re.compile(
    r"^(?P<date>(?:" + _MONTH_ALT + r")\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?)\s*(?:(?:--?|–|—)\s*)+(?=\S)",
    re.I,
)

#: A sign-off glued to the end of the last sentence: "... of an ounce. REUTER".
TRAILING_SIGNOFF = re.compile(r"(?<=[.!?\"”])\s+(?P<outlet>REUTERS?|Reuter)\s*$")

#: An end-of-story marker on its own line: "(END)", "-END-", "ENDS", "-30-", "###".
END_MARKER = re.compile(r"^[\s(\-–—]*(?:END|ENDS|ENDIT|30|#{3})[\s)\-–—.]*$")

#: An e-mail sign-off closing a story: a short line giving the writer's address ("Contact Jo at jo@example.org").
EMAIL_SIGNOFF = re.compile(r"^(?=.{0,120}$)(?:[^@\s]+\s+){0,8}[\w.+-]+@[\w-]+(?:\.[\w-]+)+[.)]?$")

#: An outlet in parentheses opening a story: "(CNN)", "(Reuters) -".
OUTLET_LEAD = re.compile(r"^\((?P<outlet>" + _OUTLET_ALT + r")\)\s*(?:(?:--?|–|—)\s*)?", re.I)

#: A wire sign-off on its own line: "Reuter", "-- Reuters", "(AP)", "REUTER &#3;".
SIGNOFF = re.compile(
    r"^[\s\-–—(]*(?P<outlet>" + _OUTLET_ALT + r")[\s)]*(?:&#\d+;)?[\s.]*$",
    re.I,
)

#: A credit in parentheses closing a caption: "( REUTERS/Jonathan Ernst/Reuters )", "(Photo: AP)",
#: "(AP Photo/Evan Vucci)". Agency/photographer pairs need letters on both sides of the slash.
CAPTION_CREDIT = re.compile(
    r"\(\s*(?:(?i:photo|image|video|picture|credit|file photo|screenshot|illustration)s?\s*(?::|by\b|credit\b)[^()]*"
    r"|[A-Z][A-Za-z.&'’ -]{0,40}/\s*[A-Z][^()]{0,80})\)\s*$",
)

#: A separator between an author and an outlet in a byline: "A | Outlet", "A - Outlet", "A, Outlet".
BYLINE_SEPARATOR = re.compile(r"^(?:\||-|–|—|,|/|;|•|·)$")

#: A clock time right after a byline's date: "at 4:05pm", ", 16:05 GMT", "| 4 p.m. ET" (same line only).
#: A bare number is not enough: it needs minutes or am/pm.
CLOCK_AFTER_DATE = re.compile(
    r"[ \t]*(?:[,|@·•\-–—]|at\b)?[ \t]*\d{1,2}(?:(?::\d\d){1,2}(?:[ \t]*[ap]\.?m\.?)?|[ \t]*[ap]\.?m\.?)"
    r"(?:[ \t]*\(?(?:ET|EST|EDT|GMT|UTC|BST|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT)\)?)?(?!\w)",
    re.I,
)
