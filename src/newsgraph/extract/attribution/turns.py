"""Transcript and interview turns: "SCHULTZ: Joining me …", "Schieffer: Good evening …", "Q: …"/"A: …".

Broadcast transcripts give each turn after its speaker's name and a colon, either on the turn's own
line or alone on a line before the turn's paragraphs; written-up interviews and debates do the same
in ordinary case ("Obama: Well, first of all …", "Chairman Larson: Thank you"), or mark the turns
"Q:" and "A:". Each turn is verbatim speech by its speaker: one direct attribution whose cue is the
label.

A page is read as a transcript only when at least two speakers' labels each open two lines or more,
as in a conversation (a lone "NOTE:" line, a market table's "GOLD FIX:" lines, a glossary's
"Term: meaning" lines are none), and labels that head news lines or a listing's fields ("UPDATE:",
"Venue:", ``NOT_SPEAKER_LABELS``) are never speakers. A label in ordinary case must also look like a
name: a word the page never writes in lower case ("Economy: …" is a heading when the page speaks of
"the economy"), used as a label twice or named in the page's prose.

"Q:"/"A:" turns are read on any page (the lines say what they are). Their speaker is the one the page
names: "A:" the person it says is interviewed ("in an interview with Jane Roe", "Roe told the
Courier", "the Courier interviewed Roe", a headline "Jane Roe: …", a label used once in full before
the "A:" turns: "JANE ROE: …"), "Q:" and "Interviewer:" the interviewer or outlet
("Roe told the Courier"); when the page names none, or more than one, the turn has no source: the
record says so instead of guessing. A "QUESTION:" turn (``UNNAMED_TURN_LABELS``) has no source either.
"Q." / "A." lines are an FAQ page's questions and answers, not speech: no turns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.vocab.calendar import FULL_MONTH_NAMES, FULL_WEEKDAY_NAMES
from newsgraph.vocab.layout import PARAGRAPH_RE

#: Kinds of label: a named speaker, an unnamed one ("QUESTION:"), the interviewer ("Q:"), the interviewee ("A:").
NAMED, UNNAMED, INTERVIEWER, INTERVIEWEE = "named", "unnamed", "interviewer", "interviewee"

_NAME_WORD = r"(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
#: "in an interview with Jane Roe": the interviewee, unless the sentence already says who spoke
#: ("Roe said in an interview with Reuters": Reuters interviewed).
_INTERVIEW_WITH_RE = re.compile(rf"\binterview(?:ed)?[ \t]+with[ \t]+(?P<the>the[ \t]+)?(?P<who>{_NAME})")
#: "Jane Roe told the Courier", "Roe, the mayor, spoke to the Courier": interviewee, then interviewer.
_TOLD_RE = re.compile(
    rf"(?P<who>{_NAME})(?:,[^,\n]{{1,80}},)?[ \t]+(?:told|spoke[ \t]+to|spoke[ \t]+with|talked[ \t]+to|"
    rf"talked[ \t]+with|sat[ \t]+down[ \t]+with)[ \t]+(?:the[ \t]+)?(?P<outlet>{_NAME})"
)
#: "the Courier interviewed Jane Roe": interviewer, then interviewee.
_INTERVIEWED_RE = re.compile(rf"(?P<outlet>{_NAME})[ \t]+(?:interviewed|questioned)[ \t]+(?P<who>{_NAME})")
#: A headline naming the interviewee before a colon: "Jane Roe: 'We will rebuild'" on the page's first line.
_HEADLINE_RE = re.compile(rf"[ \t]*(?P<who>{_NAME})[ \t]*:[ \t]+\S[^\n]*(?:\n|$)")
_QA_LINE_RE = re.compile(r"[ \t]*(?:Q|A|Interviewer)[ \t]*:")
#: A broadcast transcript's label with a title in ordinary case before the name in capitals, and the
#: speaker's part in brackets after it: "Mr. COOPER:", "Ms. ANN LEE (Author):", "Dr. ROE:". The name is
#: the words in capitals; the title and the part are not. Such a turn is its labelled paragraph: the
#: paragraphs after it are not run on (``_continued``), as these transcripts are listed one entry per
#: turn, by its first words, and a paragraph run on would stand as a quote of its own.
_TITLED_LABEL_RE = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Rep|Sen|Gov|Rev)\.?[ \t]+(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z.'’-]*){0,3})"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:(?=[ \t]+\S|[ \t]*$)",
    re.MULTILINE,
)
#: A turn in which the speaker plays a part ("(As Phil) What is that?"): a scene played on air, the
#: character's words, not the speaker's.
_IN_CHARACTER_RE = re.compile(r"\(As [^()\n]{1,40}\)")
#: Capitalised words that open a sentence without being part of a name ("In March Roe told …").
_NOT_NAME_WORDS: frozenset[str] = lex.words("""
    the a an in on at of for to by with from and but or so as if when while after before then this that
    these those last next yesterday today tonight earlier later meanwhile however also he she they we i
    it you his her their our my its there here speaking asked exclusive interview
""") | FULL_MONTH_NAMES | FULL_WEEKDAY_NAMES
#: How a question ends: an unlabelled paragraph ending so is put to the speaker, not said by them.
_QUESTION_ENDS = ("?", "?\"", "?”", "?'", "?’", "?)")
#: Words of saying before "in an interview with X" in the same sentence: X is the interviewer.
_SAID_RE = re.compile(r"\b(?:said|says|told|tells|added|explained)\b")


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn: offsets of its words, of its label (colon included), and of the speaker's name (None: unnamed).

    The name is the label's own words for a named label, and the interviewee's or interviewer's name
    where the page gives it for an "A:" or "Q:" turn.
    """

    content: tuple[int, int]
    label: tuple[int, int]
    name: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class _Label:
    start: int
    end: int
    name: tuple[int, int]
    kind: str


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _not_speaker(name: str) -> bool:
    first = name.split()[0].rstrip(".").upper()
    return name.upper().rstrip(".") in lex.NOT_SPEAKER_LABELS or first in lex.NOT_SPEAKER_LABELS


def _caps_labels(text: str) -> list[_Label]:
    """Every speaker label in capitals opening a line ("SCHULTZ:", "REP. MIKE PENCE:")."""
    out = []
    for match in lex.SPEAKER_LABEL_RE.finditer(text):
        name = match.group("name")
        if sum(ch.isalpha() for ch in name) < 2 or _not_speaker(name):
            continue  # "BREAKING NEWS:", "UPDATE 2:"
        kind = UNNAMED if name in lex.UNNAMED_TURN_LABELS else NAMED
        if name in lex.INTERVIEWER_LABELS:
            kind = INTERVIEWER
        out.append(_Label(match.start(), match.end(), (match.start("name"), match.end("name")), kind))
    taken = {label.start for label in out}
    for match in _TITLED_LABEL_RE.finditer(text):
        name = match.group("name")
        if match.start() in taken or sum(ch.isalpha() for ch in name) < 2 or _not_speaker(name):
            continue
        out.append(_Label(match.start(), match.end(), (match.start("name"), match.end("name")), NAMED))
    return sorted(out, key=lambda label: label.start)


def _mixed_labels(text: str, caps_keys: frozenset[str] = frozenset()) -> list[_Label]:
    """Every label in ordinary case opening a line that may be a speaker's ("Schieffer:", "Chairman Larson:").

    A label's last word is its key (one speaker is "Steve Mnuchin:" and "Mr Mnuchin:"). The key must be
    a word the page never writes in lower case (not "Economy:", "Venue:") and must be used as a label
    twice, or once and be the key of a label in capitals too ("Clinton:" among "CLINTON:" turns, or
    "Jane Roe:" once in full before "JR:" turns, its initials), or appear in the page's prose (as a
    speaker the page names does) on a page whose other labels are in ordinary case too.
    """
    found = []
    for match in lex.MIXED_LABEL_RE.finditer(text):
        name = match.group("name")
        key = name.split()[-1].rstrip(".")
        if len(key) < 2 or _not_speaker(name) or key.upper() in lex.NOT_SPEAKER_LABELS:
            continue
        if re.search(r"['’]s\b", name):
            continue  # "Channel 9's Ann Lee: …" is a headline's attribution, not a turn's label
        if key.upper() in lex.INTERVIEWER_LABELS or re.search(rf"\b{re.escape(key.lower())}\b", text):
            continue  # "Interviewer:" is the Q/A reader's; "Economy:" a heading on a page about the economy
        kind = UNNAMED if key.upper() in lex.UNNAMED_TURN_LABELS else NAMED
        found.append((match, key, kind))
    used = Counter(key for _, key, _ in found)
    spans = [(m.start(), m.end()) for m, _, _ in found]
    # a label used once counts only where the page writes its labels in ordinary case ("America: …"
    # between "TRUMP:" turns is a line of prose)
    ordinary_case = any(n >= lex.MIN_SPEAKER_TURNS for n in used.values())
    out = []
    for match, key, kind in found:
        prose = re.finditer(rf"\b{re.escape(key)}\b", text)
        named = any(not any(s <= w.start() < e for s, e in spans) for w in prose)
        initials = "".join(word[0] for word in match.group("name").split())
        if (kind == UNNAMED or used[key] >= lex.MIN_SPEAKER_TURNS or key.upper() in caps_keys
                or (len(initials) >= lex.MIN_INITIALS and initials in caps_keys) or (named and ordinary_case)):
            out.append(_Label(match.start(), match.end(), (match.start("name"), match.end("name")), kind))
    return out


def _qa_labels(text: str) -> list[_Label]:
    out = []
    for match in lex.QA_LABEL_RE.finditer(text):
        kind = INTERVIEWEE if match.group("name").upper() in lex.INTERVIEWEE_LABELS else INTERVIEWER
        out.append(_Label(match.start(), match.end(), (match.start("name"), match.end("name")), kind))
    return out


def _name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name in a matched run of capitalised words, opening words of a sentence left out ("In March Roe")."""
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group().rstrip(".").lower() not in _NOT_NAME_WORDS:
            return start + word.start(), end
    return None


def interview_parties(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(interviewee, interviewer): where the page names each once and only once (by last word), else None.

    Read from the page's prose: "in an interview with Jane Roe", "Roe told the Courier", "the Courier
    interviewed Roe", and a headline "Jane Roe: …" on the page's first line. Two different people named
    as interviewee leave it unknown: no guess.
    """
    who: dict[str, tuple[int, int]] = {}
    by: dict[str, tuple[int, int]] = {}

    def add(into: dict[str, tuple[int, int]], span: tuple[int, int] | None) -> None:
        if span is not None:
            into.setdefault(text[span[0] : span[1]].split()[-1].rstrip(".'’s"), span)

    for m in _INTERVIEW_WITH_RE.finditer(text):
        span = _name_span(text, m.start("who"), m.end("who"))
        sentence = text[max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1 : m.start()]
        if m.group("the") or "'" in m.group("who") or "’" in m.group("who") or _SAID_RE.search(sentence):
            add(by, span)  # "with the Courier", "with Channel 9's Ann Lee", "Roe said in an interview with X"
        else:
            add(who, span)
    for m in _TOLD_RE.finditer(text):
        add(who, _name_span(text, m.start("who"), m.end("who")))
        add(by, _name_span(text, m.start("outlet"), m.end("outlet")))
    for m in _INTERVIEWED_RE.finditer(text):
        add(by, _name_span(text, m.start("outlet"), m.end("outlet")))
        add(who, _name_span(text, m.start("who"), m.end("who")))
    headline = _HEADLINE_RE.match(text)
    if headline and not _QA_LINE_RE.match(text):
        add(who, _name_span(text, headline.start("who"), headline.end("who")))
    for key in set(who) & set(by):
        del who[key], by[key]  # named as both: the page does not say which
    return (next(iter(who.values())) if len(who) == 1 else None,
            next(iter(by.values())) if len(by) == 1 else None)  # fmt: skip


def _abbreviated(text: str, label: str) -> tuple[int, int] | None:
    """The name a label of initials stands for ("JR:" for Jane Roe): the one name in the page with those initials.

    Two names with the same initials, or none, leave the label as it is (a source named "JR"), as does
    a label the page also writes as a word ("LEE:" where the page names Lee).
    """
    if not (lex.MIN_INITIALS <= len(label) <= lex.MAX_INITIALS and label.isalpha() and label.isupper()):
        return None
    if re.search(rf"\b{label.capitalize()}\b", text):
        return None  # "LEE:" on a page that names Lee is a surname, not initials
    found: dict[str, tuple[int, int]] = {}
    pattern = r"[ \t]+".join([_NAME_WORD] * len(label))
    for m in re.finditer(rf"\b{pattern}\b", text):
        words = m.group().split()
        if "".join(w[0] for w in words) == label and not any(w.lower() in _NOT_NAME_WORDS for w in words):
            found.setdefault(" ".join(words), (m.start(), m.end()))
    return next(iter(found.values())) if len(found) == 1 else None


def _spoken(text: str, start: int, end: int) -> bool:
    """Words in ordinary case: a turn is speech written down, not a line of capitals ("RESULT: A LOSS")."""
    letters = [ch for ch in text[start:end] if ch.isalpha()]
    return bool(letters) and sum(ch.islower() for ch in letters) >= lex.MIN_TURN_LOWERCASE_SHARE * len(letters)


def _content(text: str, labels: list[_Label], n: int) -> tuple[int, int]:
    """A label's turn: the rest of its paragraph, or, for a label alone on its line, the paragraphs after it."""
    end = labels[n].end
    next_label = labels[n + 1].start if n + 1 < len(labels) else len(text)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text[end:line_end].strip():
        stop = text.find("\n\n", end)
        stop = len(text) if stop == -1 else stop
    else:
        stop, paragraphs = line_end, 0
        while stop < next_label and paragraphs < lex.MAX_TURN_PARAGRAPHS:
            following = text.find("\n\n", stop + 2)
            following = len(text) if following == -1 else following
            if text[stop : min(following, next_label)].strip():
                paragraphs += 1
            stop = min(following, next_label)
    return _trim(text, end, min(stop, next_label))


def labelled_turns(text: str) -> list[Turn]:
    """The turns in ``text``, in order: labelled (``_labelled_turns``) and unlabelled (``unlabelled_turns``)."""
    turns = _labelled_turns(text)
    extra = unlabelled_turns(text, turns)
    return sorted(turns + extra, key=lambda t: t.content) if extra else turns


def _labelled_turns(text: str) -> list[Turn]:
    """The labelled turns in ``text``, in order: "Q:"/"A:" turns always, named turns only in a conversation."""
    qa = _qa_labels(text)
    qa_starts = {label.start for label in qa}
    caps = _caps_labels(text)
    caps_keys = frozenset(text[c.name[0] : c.name[1]].split()[-1].rstrip(".") for c in caps if c.kind == NAMED)
    named = [label for label in caps + _mixed_labels(text, caps_keys) if label.start not in qa_starts]
    labels = sorted({label.start: label for label in named + qa}.values(), key=lambda label: label.start)
    interviewee, interviewer = interview_parties(text) if qa else (None, None)
    out: list[tuple[Turn, _Label]] = []
    abbreviations: dict[str, tuple[int, int] | None] = {}
    keys: Counter[str] = Counter()
    for n, label in enumerate(labels):
        content = _content(text, labels, n)
        if content[1] <= content[0] or not _spoken(text, *content):
            continue
        if _IN_CHARACTER_RE.match(text, content[0]):
            continue  # a part played in a scene on air: no one's own words
        if label.kind == NAMED:
            name: tuple[int, int] | None = label.name
            if (initials := text[label.name[0] : label.name[1]]) not in abbreviations:
                abbreviations[initials] = _abbreviated(text, initials)
            name = abbreviations[initials] or name
            # a speaker by the label's last word: "REP. MIKE PENCE", "REP. PENCE"
            keys[text[label.name[0] : label.name[1]].split()[-1].rstrip(".").upper()] += 1
        elif label.kind == INTERVIEWEE:
            name = interviewee
            keys["A"] += 1
        elif label.kind == INTERVIEWER:
            name = interviewer
            keys["Q"] += 1
        else:
            name = None
        out.append((Turn(content, (label.start, label.end), name), label))
    full = _named_in_full(text, out) if interviewee is None else None
    if full is not None:
        out = [(Turn(t.content, t.label, full.name), label) if label.kind == INTERVIEWEE else (t, label)
               for t, label in out]  # fmt: skip
    if sum(n >= lex.MIN_SPEAKER_TURNS for n in keys.values()) < lex.MIN_TRANSCRIPT_SPEAKERS:
        # no conversation: only the "Q:"/"A:" lines, which say what they are, are turns, and the label in full
        return [turn for turn, label in out
                if label is full or (label in qa and text[label.name[0] : label.name[1]] in ("Q", "A"))]  # fmt: skip
    return _continued(text, out, labels)


def _speaker_key(text: str, label: _Label) -> str:
    """Who a label stands for, by its last word ("REP. PENCE" and "MIKE PENCE" are one), "Q"/"A" for the Q/A labels."""
    if label.kind == INTERVIEWER:
        return "Q"
    if label.kind == INTERVIEWEE:
        return "A"
    return text[label.name[0] : label.name[1]].split()[-1].rstrip(".").upper()


def _gap(text: str, turn: Turn, next_label: int, starts: list[int]) -> tuple[int, int]:
    """The text between a turn and the next label of any kind (a label no turn was read from included)."""
    stop = min((s for s in starts if s > turn.content[1]), default=len(text))
    return turn.content[1], min(stop, next_label)


def _labelled(paragraph: str) -> bool:
    """A paragraph that opens with a label of any form or is a stage direction: not the turn's words.

    "Name:", "NAME:", "Q:", a label in capitals the label patterns do not take ('ANN LEE, HOST "THE
    SHOW":'), or a paragraph all in brackets ("(APPLAUSE)", "[Crosstalk]").
    """
    if any(pattern.match(paragraph) for pattern in (lex.SPEAKER_LABEL_RE, lex.MIXED_LABEL_RE, lex.QA_LABEL_RE,
                                                    _TITLED_LABEL_RE)):
        return True
    head = paragraph[: lex.MAX_LABEL_CHARS].split(":", 1)
    if len(head) == 2 and any(ch.isalpha() for ch in head[0]) and not any(ch.islower() for ch in head[0]):
        return True
    return paragraph[0] in "([" and paragraph[-1] in ")]"


def _continued(text: str, out: list[tuple[Turn, _Label]], labels: list[_Label]) -> list[Turn]:
    """The turns, each followed by the unlabelled paragraphs that go on with it ("TS: Let me answer …", then more).

    A written-up interview labels only a turn's first paragraph; the paragraphs after it, up to the
    next label, are the same speaker's, one turn each (as the page sets them). They go on the turn
    only where the next label is another speaker's, as a conversation alternates: an unlabelled
    paragraph between two turns of one speaker is someone else's (an interview whose questions have
    no label), and on a page where many of the unlabelled paragraphs between turns are questions
    (more than ``MAX_UNLABELLED_QUESTION_SHARE``), one side of the talk is unlabelled throughout and
    no paragraph is run on. A paragraph that ends in a question or a colon, or is not speech (``_spoken``), or opens
    with a label, ends the run: what follows is the other side's. The last turn is never run on: after it
    the page's own text comes back ("Read more …"). A label alone on its line already spans its
    paragraphs (``_content``).
    """
    starts = sorted(label.start for label in labels)
    gaps = [_gap(text, turn, out[n + 1][0].label[0], starts) for n, (turn, _) in enumerate(out[:-1])]
    paragraphs = [m.group().strip() for gap in gaps for m in PARAGRAPH_RE.finditer(text[gap[0] : gap[1]])]
    questions = sum(p.endswith(_QUESTION_ENDS) for p in paragraphs if p)
    if questions > lex.MAX_UNLABELLED_QUESTION_SHARE * max(len(paragraphs), 1):
        return [turn for turn, _ in out]  # one side's turns have no label: an unlabelled paragraph is anyone's
    result: list[Turn] = []
    for n, (turn, label) in enumerate(out):
        result.append(turn)
        if n + 1 == len(out):
            break
        line_end = text.find("\n", label.end)
        if line_end == -1 or not text[label.end : line_end].strip():
            continue  # a label alone on its line: its turn is its paragraphs already
        if _speaker_key(text, out[n + 1][1]) == _speaker_key(text, label):
            continue
        if _TITLED_LABEL_RE.match(text, label.start):
            continue  # a titled label's turn is its own paragraph (see ``_TITLED_LABEL_RE``)
        start, stop = gaps[n]
        for paragraph in list(PARAGRAPH_RE.finditer(text[start:stop]))[: lex.MAX_TURN_PARAGRAPHS]:
            span = _trim(text, start + paragraph.start(), start + paragraph.end())
            words = text[span[0] : span[1]]
            if (not words or words.endswith(_QUESTION_ENDS) or words.endswith(":") or not _spoken(text, *span)
                    or _labelled(words)):
                break  # a question put to the speaker, a line that introduces something, a label, no speech
            result.append(Turn(span, turn.label, turn.name))
    return result


def _named_in_full(text: str, turns: list[tuple[Turn, _Label]]) -> _Label | None:
    """The label that names the interviewee once in full before the "A:" turns ("JANE ROE: …", then "A: …").

    Only where it is the page's one named label, used once, and comes before the first "A:" turn: then
    the "A:" turns are that person's. Any other named label leaves the "A:" turns as they were.
    """
    named = [label for _, label in turns if label.kind == NAMED]
    answers = [label for _, label in turns if label.kind == INTERVIEWEE]
    if len(named) != 1 or not answers or named[0].start > answers[0].start:
        return None
    return named[0]


# --- unlabelled interviews ------------------------------------------------------------------------
#
# Magazine pages print the questions in bold or italics, which the page's text loses: what is left is
# a run of paragraphs where a question ("… Will he fight for her?") and its answer alternate, with no
# label at all, or after one labelled exchange ("TIME: …?" / "Alyson Fox: …"). A cover story may end
# the same way, its answers in quotation marks.

#: A page is read as an unlabelled interview only when questions and answers alternate this many times
#: in a row: a rhetorical question or an explainer's "What happens next?" subhead is one exchange, not four.
MIN_UNLABELLED_EXCHANGES = 4
#: Inside a run already begun, a paragraph with no question mark may still be a question ("And then you
#: met Kevin.") when it has at most this many words and fewer than the answer after it.
MAX_STATEMENT_QUESTION_WORDS = 15
#: On a page already read as an unlabelled interview, a later run of this many exchanges is read too.
MIN_FURTHER_EXCHANGES = 2
#: A question of fewer words is left out ("Still?"): too short to tell from an aside.
MIN_QUESTION_WORDS = 2
#: The run's answers are in quotation marks (a cover story's) when at least this share of them opens
#: with one: the quote reader has them, and only the questions are turns.
MIN_QUOTED_ANSWER_SHARE = 0.5
#: An answer may end in a question of its own ("… but what is it, 60% of them?") when it has this many
#: times the words of the question before it: a question after a question is as long as the first.
MIN_ASKING_ANSWER_RATIO = 3
#: An interview's answers speak in the first person: at least this share of a run's answers say "I",
#: "me" or "my" (a writer's explainer set out as questions and answers, "So what went wrong?" / "Back in
#: 2016, …", speaks of others; on the development interviews the share is 0.50 to 0.85, on the explainer 0.25).
MIN_FIRST_PERSON_ANSWER_SHARE = 0.4
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my)\b")
_DOUBLE_MARKS = '"“”„«»'
_OPENING_MARKS = '"“„«'
#: "Below, Jane Roe opens up about …", "Here, Roe talks about …": the interviewee, in the paragraph
#: that introduces the questions.
_INTRO_RE = re.compile(
    rf"(?P<who>{_NAME})[ \t]+(?:opens[ \t]+up|talks|discusses|reflects|weighs[ \t]+in|speaks|explains|"
    rf"dishes|chats|answers|looks[ \t]+back)\b"
)
#: A closing byline: "JANE ROE is a Courier correspondent." (the interviewer, who asks the questions).
_BYLINE_RE = re.compile(
    r"^(?P<who>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){1,3})[ \t]+is[ \t]+an?[ \t]+[^.\n]{0,60}?"
    r"\b(?:correspondent|writer|editor|reporter|contributor|columnist|journalist)\b",
    re.MULTILINE,
)
#: The page's site written as a word with ".com" ("Bookmark Courier.com/…"): the outlet, when it is the only one.
_SITE_RE = re.compile(r"\b(?P<who>[A-Z][A-Za-z]{1,15})\.com\b")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = (_trim(text, m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text))
    return [span for span in spans if span[1] > span[0]]


def _asks(words: str) -> bool:
    """A question slot's paragraph: it ends in a question, and it is nobody's quote (it opens with no mark)."""
    return words.endswith(_QUESTION_ENDS) and words[0] not in _OPENING_MARKS


def _answers(words: str, ask: str) -> bool:
    """An answer slot's paragraph: no label, no line that introduces something (": "), and no question,
    unless it is a long answer that ends asking back (``MIN_ASKING_ANSWER_RATIO`` times the question's words)."""
    if words.endswith(":") or _labelled(words):
        return False
    return not words.endswith(_QUESTION_ENDS) or len(words.split()) >= MIN_ASKING_ANSWER_RATIO * len(ask.split())


def _runs(text: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of alternating questions and answers, as (question, answer) paragraph indexes."""
    found: list[list[tuple[int, int]]] = []
    i, n = 0, len(paragraphs)
    while i + 1 < n:
        run: list[tuple[int, int]] = []
        j = i
        # one labelled exchange just before ("TIME: …" / "Alyson Fox: …") begins the run already
        begun = i >= 2 and all(_labelled(text[s:e]) for s, e in paragraphs[i - 2 : i])
        while j + 1 < n:
            ask, reply = (text[s:e] for s, e in (paragraphs[j], paragraphs[j + 1]))
            # a question with no question mark needs a run begun, and an answer set as the last one was
            # (in marks or not): narrative after the run is no question
            last_quoted = bool(run) and text[paragraphs[run[-1][1]][0]] in _OPENING_MARKS
            statement = ((run or begun) and not ask.endswith(_QUESTION_ENDS) and ask[0] not in _DOUBLE_MARKS
                         and not _labelled(ask) and len(ask.split()) <= MAX_STATEMENT_QUESTION_WORDS
                         and len(ask.split()) < len(reply.split())
                         and (reply[0] in _OPENING_MARKS) == last_quoted)  # fmt: skip
            if not ((_asks(ask) or statement) and _answers(reply, ask)):
                break
            run.append((j, j + 1))
            j += 2
        # the labelled exchange counts as one; once the page has shown the format, a shorter run
        # after page furniture (a pull quote, "TRENDING …") goes on with the same interview
        if len(run) + begun >= MIN_UNLABELLED_EXCHANGES or (found and len(run) >= MIN_FURTHER_EXCHANGES):
            found.append(run)
            i = j
        else:
            i += 1
    return found


def _label_of(words: str, offset: int) -> tuple[int, int] | None:
    """The name span of a label opening a paragraph ("TIME: …", "Alyson Fox: …"), or None."""
    for pattern in (lex.SPEAKER_LABEL_RE, lex.MIXED_LABEL_RE):
        if m := pattern.match(words):
            return offset + m.start("name"), offset + m.end("name")
    return None


def _parties(text: str, paragraphs: list[tuple[int, int]], first: int
             ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:  # fmt: skip
    """(interviewee, interviewer) of an unlabelled run starting at paragraph ``first``, where the page names them.

    The interviewee is the one a paragraph just before the run introduces ("Below, Roe opens up about
    …"), else the one the page's prose names (``interview_parties``); the interviewer is the one the
    prose names, else a closing byline in capitals ("JANE ROE is a Courier correspondent."), else the
    page's one site name ("Courier.com"). None where the page names no one, or more than one.
    """
    who, by = interview_parties(text)
    for s, e in paragraphs[max(first - 2, 0) : first]:
        for m in _INTRO_RE.finditer(text, s, e):
            who = _name_span(text, m.start("who"), m.end("who")) or who
    if by is None:
        bylines = list(_BYLINE_RE.finditer(text))
        sites = {m.group("who"): (m.start("who"), m.end("who")) for m in _SITE_RE.finditer(text)}
        if len(bylines) == 1:
            by = bylines[0].start("who"), bylines[0].end("who")
        elif len(sites) == 1:
            by = next(iter(sites.values()))
    return who, by


def unlabelled_turns(text: str, labelled: list[Turn]) -> list[Turn]:
    """Turns of an interview whose questions have no label: questions the interviewer's, answers the interviewee's.

    Read only on a run of at least ``MIN_UNLABELLED_EXCHANGES`` exchanges in a row that no labelled
    turn covers. Where the two paragraphs before the run are one labelled exchange ("TIME: …", "Alyson
    Fox: …"), those labels name the two sides and are turns too; else the page's prose names them
    (``_parties``), or the turns have no source. A question's cue is its question mark (its last
    character when it has none); an answer's is the question's. Where the answers are in quotation
    marks (``MIN_QUOTED_ANSWER_SHARE``), only the questions are turns, and on such a page a lone
    exchange outside the run counts too: a paragraph in no marks that asks something, then one opening
    with a mark.
    """
    covered = [t.content for t in labelled]
    paragraphs = [p for p in _paragraphs(text) if not any(s < p[1] and p[0] < e for s, e in covered)]
    out: list[Turn] = []
    who: tuple[int, int] | None = None
    by: tuple[int, int] | None = None
    for run in _runs(text, paragraphs):
        first = run[0][0]
        speaking = sum(bool(_FIRST_PERSON_RE.search(text, *paragraphs[a])) for _, a in run)
        if speaking < MIN_FIRST_PERSON_ANSWER_SHARE * len(run):
            continue  # answers about others: a writer's questions and answers, not an interview
        # a later run goes on with the interview the page began: the same two sides
        who, by = _parties(text, paragraphs, first) if not out else (who, by)
        if first >= 2:
            (qs, qe), (as_, ae) = paragraphs[first - 2], paragraphs[first - 1]
            asker, replier = _label_of(text[qs:qe], qs), _label_of(text[as_:ae], as_)
            if asker and replier and text[asker[0] : asker[1]] != text[replier[0] : replier[1]]:
                by, who = asker, replier
                for (s, e), name in (((qs, qe), asker), ((as_, ae), replier)):
                    colon = text.index(":", name[1])
                    out.append(Turn(_trim(text, colon + 1, e), (s, colon + 1), name))
        quoted = sum(text[paragraphs[a][0]] in _OPENING_MARKS for _, a in run)
        answers_quoted = quoted >= MIN_QUOTED_ANSWER_SHARE * len(run)
        pairs = list(run)
        if answers_quoted:
            in_run = {q for q, _ in run}
            for k in range(len(paragraphs) - 1):
                words = text[paragraphs[k][0] : paragraphs[k][1]]
                if (k not in in_run and "?" in words and not any(ch in _DOUBLE_MARKS for ch in words)
                        and text[paragraphs[k + 1][0]] in _OPENING_MARKS):
                    pairs.append((k, k + 1))
        for q, a in sorted(pairs):
            (s, e), (as_, ae) = paragraphs[q], paragraphs[a]
            if len(text[s:e].split()) < MIN_QUESTION_WORDS:
                continue
            mark = text.rfind("?", s, e)
            cue = (mark, mark + 1) if mark >= 0 else (e - 1, e)
            out.append(Turn((s, e), cue, by))
            if not answers_quoted and text[as_] not in _OPENING_MARKS and _spoken(text, as_, ae):
                out.append(Turn((as_, ae), cue, who))
    return out
