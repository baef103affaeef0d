"""Named transcript turns: "SCHULTZ: Joining me tonight …", or "SANDERS:" on a line of its own.

Broadcast transcripts give each turn after its speaker's name in capitals and a colon, either on
the turn's own line or alone on a line before the turn's paragraphs. Each turn is verbatim speech
by the named speaker: one direct attribution whose cue is the label. A page is read as a
transcript only when at least two speakers' labels each open two lines or more, as in a
conversation (a lone "NOTE:" line, a market table's "GOLD FIX:" lines are none), and labels that
head news lines ("UPDATE:", ``NOT_SPEAKER_LABELS``) are never speakers. A "QUESTION:" turn
(``UNNAMED_TURN_LABELS``) is a turn whose speaker the line does not name: it has no source, as
"Q:" turns have none ("Q:"/"A:" lines are ``transcript_claims``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsgraph.extract.attribution import lexicons as lex


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn: offsets of its words, of its label (colon included), and of the name in the label (None: unnamed)."""

    content: tuple[int, int]
    label: tuple[int, int]
    name: tuple[int, int] | None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _labels(text: str) -> list[tuple[int, int, int, int]]:
    """(label start, label end, name start, name end) of every speaker label opening a line."""
    out = []
    for match in lex.SPEAKER_LABEL_RE.finditer(text):
        name = match.group("name")
        if sum(ch.isalpha() for ch in name) < 2 or name.upper().rstrip(".") in lex.NOT_SPEAKER_LABELS:
            continue
        if name.split()[0].rstrip(".") in lex.NOT_SPEAKER_LABELS:
            continue  # "BREAKING NEWS:", "UPDATE 2:"
        out.append((match.start(), match.end(), match.start("name"), match.end("name")))
    return out


def _spoken(text: str, start: int, end: int) -> bool:
    """Words in ordinary case: a turn is speech written down, not a line of capitals ("RESULT: A LOSS")."""
    letters = [ch for ch in text[start:end] if ch.isalpha()]
    return bool(letters) and sum(ch.islower() for ch in letters) >= lex.MIN_TURN_LOWERCASE_SHARE * len(letters)


def labelled_turns(text: str) -> list[Turn]:
    """The turns of a transcript in ``text``, in order; none unless two speakers' labels open lines."""
    labels = _labels(text)
    out: list[Turn] = []
    for n, (start, end, name_start, name_end) in enumerate(labels):
        next_label = labels[n + 1][0] if n + 1 < len(labels) else len(text)
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        if text[end:line_end].strip():
            # "NAME: the turn": its paragraph
            stop = text.find("\n\n", end)
            stop = len(text) if stop == -1 else stop
        else:
            # "NAME:" alone: the paragraphs up to the next label
            stop, paragraphs = line_end, 0
            while stop < next_label and paragraphs < lex.MAX_TURN_PARAGRAPHS:
                following = text.find("\n\n", stop + 2)
                following = len(text) if following == -1 else following
                if text[stop:min(following, next_label)].strip():
                    paragraphs += 1
                stop = min(following, next_label)
        content = _trim(text, end, min(stop, next_label))
        if content[1] > content[0] and _spoken(text, *content):
            unnamed = text[name_start:name_end] in lex.UNNAMED_TURN_LABELS
            out.append(Turn(content, (start, end), None if unnamed else (name_start, name_end)))
    # a conversation: two speakers (by the label's last word: "REP. MIKE PENCE", "REP. PENCE") with two turns each
    turns_of = Counter(text[t.name[0] : t.name[1]].split()[-1] for t in out if t.name is not None)
    if sum(n >= lex.MIN_SPEAKER_TURNS for n in turns_of.values()) < lex.MIN_TRANSCRIPT_SPEAKERS:
        return []
    return out
