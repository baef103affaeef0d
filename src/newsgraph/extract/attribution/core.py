"""Attribution: who says so, for every claim. Quotes, reported speech, sources.

The stage runs in three steps:

1. find claims: direct quotes (``quotes.py``) with the cue verb and speaker the
   parse gives them, and reported speech (``reported.py``): cue verbs with a
   clause, "according to", passive "was reported by";
2. reconcile them: a clause inside a quote is the quote; a clause holding a
   quoted fragment is ``mixed``; a quote with no speaker of its own that follows
   another quote continues it;
3. resolve sources (``sources.py``) in text order, so later references ("they",
   "the aides") join the source they refer to, and mark who "declined to
   comment" and why anonymous sources were granted anonymity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.attribution.gender import person_spans, source_gender
from newsgraph.extract.attribution.posts import Post, embedded_posts
from newsgraph.extract.attribution.quotes import QuoteSpan, is_caption, quote_spans
from newsgraph.extract.attribution.reported import (
    Candidates,
    Claim,
    according_to_claims,
    bare_reports,
    candidates,
    channel_claims,
    cue_span,
    headline_claims,
    inverted_object,
    is_cue_verb,
    issuing_subject,
    noun_claims,
    quoted_as_cue,
    speaker_of,
    transcript_claims,
    unstated_claims,
    verb_claims,
)
from newsgraph.extract.attribution.roles import described, source_role
from newsgraph.extract.attribution.sources import SourceResolver
from newsgraph.extract.attribution.turns import Turn, labelled_turns
from newsgraph.record import Attribution, Entity, Source, TextSpan
from newsgraph.vocab.parse import ACTIVE_SUBJECT_DEPS, AUX_OR_NEG_DEPS, NOMINAL_OR_PRONOUN_POS, VERBAL_POS
from newsgraph.vocab.speech import PLAIN_SPEECH_VERBS

#: How far up the parse a quote may climb to find the verb that introduces it.
MAX_CUE_HOPS = 6
#: Words of plain text allowed between two quotes for the second to continue the first.
MAX_CONTINUATION_GAP_WORDS = 12
#: How a speaker's own tag hangs off the verb that relays it ("X said, reports the Courier").
RELAYED_TAG_DEPS = frozenset({"parataxis", "ccomp"})
#: A word set in marks inside a speaker's phrase (a "source") has at most this many words.
MAX_MARKED_WORDS = 2
#: Verbs a document's words are quoted with ("'…,' the statement reads"): a tag only with a document subject.
DOCUMENT_TAG_VERBS = frozenset({"read"})
#: Verbs of going on speaking: a quote's tag only when set at its marks ("'…,' Lee continued").
CONTINUING_VERBS = frozenset({"continue"})
#: Verbs that report speech only as a tag at the marks, with no object ("'…,' Lee shared"; not "shared a photo").
#: "comment" is one too ("'…,' comments Lee"): elsewhere it reports no content ("declined to comment").
TAG_ONLY_SPEECH_VERBS = frozenset({"share", "spill", "gush", "dish", "rave", "confess", "rant", "comment"})
#: The same as verb and particle ("She went on, '…'").
CONTINUING_PHRASAL_VERBS = frozenset({("go", "on")})
#: What such a verb continues, when it has one: no speech then ("continued the work", "went on to win").
NOT_CONTINUING_DEPS = frozenset({"dobj", "xcomp", "attr", "acomp", "oprd"})
#: What may stand between a quote and its tag: punctuation and space.
TAG_GAP_CHARS = " \n,:;—–-\"'“”‘’"
#: How many clause links a quoted fragment's verb may stand below the plain speech verb reporting it.
MAX_REPORTER_HOPS = 5
#: Parts of speech the X of "according to X" may have to lend its speaker to the next sentence's quote.
ACCORDING_HOLDER_POS = frozenset({"PROPN", "NOUN"})
#: The clause links climbed from a fragment's verb to the speech verb that reports it.
REPORTER_PATH_DEPS = frozenset({"ccomp", "xcomp", "acomp", "conj", "advcl"})
_WORD_RE = re.compile(r"\w+")
#: A gap split at paragraph breaks has a whole paragraph inside it only with this many pieces.
MIN_PARTS_WITH_WHOLE_PARAGRAPH = 3
#: The subject of "That said," opening a clause: a linking phrase, not a tag.
DISCOURSE_SUBJECT = "that"
#: Subjects of a speech verb in an idiom, never a speaker: "Time will tell if …" reports no one's words.
IDIOM_SUBJECTS = frozenset({"time"})
#: Entity types of a narration sentence's subject that may lend an untagged quote after it its speaker.
NARRATED_SUBJECT_LABELS = frozenset({"PERSON"})
#: The links of a name's earlier parts to its last word ("Ann" in "Ann Lee").
NAME_PART_DEPS = frozenset({"compound", "flat"})


def attributions(doc: Doc, entities: list[Entity]) -> tuple[list[Source], list[Attribution]]:
    """The article's sources and attributions.

    doc (Doc): the parsed article.
    entities (list[Entity]): the entity stage's output; sources link to these ids
        by mention offsets (``doc.ents`` is used for types when the list is empty).
    RETURNS: sources in order of first mention, attributions in text order.
    """
    if len(doc) == 0:
        return [], []
    cands = candidates(doc)  # reads doc.text once: every step below reuses cands.text
    quotes = quote_spans(cands.text)
    quoted = [(q.inner_start, q.inner_end) for q in quotes]
    claims = _clause_claims(doc, cands, quotes, quoted)
    claims.extend(_quote_claims(doc, cands.text, quotes))
    posts = embedded_posts(cands.text)
    if posts:
        claims = _with_posts(claims, posts, quotes)
    turns = labelled_turns(cands.text)
    if turns:
        claims = _with_turns(claims, turns)
    claims = _dedupe(sorted(claims, key=lambda c: (c.content[0], c.content[1])))
    _link_continuations(cands.text, claims)
    return _resolve(doc, cands, entities, claims, quoted)


# --- step 1: claims ---------------------------------------------------------------


def _clause_claims(
    doc: Doc, cands: Candidates, quotes: list[QuoteSpan], quoted: list[tuple[int, int]]
) -> list[Claim]:
    """Reported-speech claims, with quote marks balanced and quote-internal clauses dropped."""
    out: list[Claim] = []
    text = cands.text
    found = [
        *verb_claims(doc, quoted, cands),
        *according_to_claims(doc, quoted, cands),
        *headline_claims(doc, quoted, text),
    ]
    found.extend(noun_claims(doc, quoted, cands))
    found.extend(channel_claims(doc, quoted, cands))
    found.extend(unstated_claims(doc, quoted, cands))
    found.extend(transcript_claims(text, quoted))
    for claim in found:
        if claim.cue_tokens and claim.cue_tokens[0] >= 0 and _discourse_said(doc[claim.cue_tokens[0]]):
            continue  # "That said, …": a linking phrase, no one's report
        start, end = _within_paragraph(text, claim)
        if end <= start:
            continue
        if any(q.start <= start and end <= q.end for q in quotes):
            continue  # the clause is (part of) a direct quote: the quote claim stands for it
        for q in quotes:
            if end <= q.start and not text[end : q.start].strip(" ,") and text[end - 1] not in ".!?":
                end = q.end  # a quote right after the clause finishes it: "vowed to oppose it 'today, forever.'"
            if start < q.start < end < q.end:
                end = q.end  # a quote opened in the clause closes after it: keep the marks balanced
            if start < q.inner_start and q.inner_end <= end:
                claim.kind = "mixed" if claim.kind == "indirect" else claim.kind
        claim.content = (start, end)
        out.append(claim)
    return out


def _within_paragraph(text: str, claim: Claim) -> tuple[int, int]:
    """The claim's content clipped to the paragraph of its cue (the parser may join a headline to the text)."""
    start, end = claim.content
    if claim.cue is None:
        return start, end
    para_start = text.rfind("\n\n", 0, claim.cue[0])
    para_start = 0 if para_start == -1 else para_start + 2
    para_end = text.find("\n\n", claim.cue[1])
    para_end = len(text) if para_end == -1 else para_end
    start, end = max(start, para_start), min(end, para_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences_around(doc: Doc, start: int, end: int) -> list[Span]:
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(end - 1, start), max(end, start + 1), alignment_mode="expand")
    if first is None or last is None or len(first) == 0 or len(last) == 0:
        return []
    sents = [first[0].sent]
    while sents[-1].end <= last[-1].i and sents[-1].end < len(doc):
        sents.append(doc[sents[-1].end].sent)
    return sents


def _in_other_quote(tok: Token, others: Sequence[tuple[int, int]]) -> bool:
    """True when ``tok`` lies inside another quote (one not holding this quote): its words, not a tag.

    A quote reopened sentence by sentence ("…in the first place. "Added to that, the players …")
    is parsed as one run, so a verb inside the next quote looks like a tag of this one.
    """
    return any(s <= tok.idx < e for s, e in others)


def _other_quotes(q: QuoteSpan, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The spans of the quotes other than ``q`` that do not hold it (a quote it is nested in may hold its tag)."""
    return [(r.start, r.end) for r in quotes if r is not q and not (r.start <= q.start and q.end <= r.end)]


def _cue_by_ancestry(span: Span, others: Sequence[tuple[int, int]] = ()) -> Token | None:
    """The nearest cue verb above the quote in the parse ("called the timetable 'X'", "said ... 'X'")."""
    inside = range(span.start, span.end)
    for tok in span:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        anc, hops = tok.head, 0
        while anc.i not in inside and hops < MAX_CUE_HOPS:
            if _in_other_quote(anc, others):
                break
            quoted_as = quoted_as_cue(anc)
            if quoted_as is not None:
                return quoted_as  # "'…,' the source was quoted as saying": "saying" tags the quote
            if _discourse_said(anc):
                break  # "That said, she went on, '…'": no one says "that"; the tag is set at the marks
            if is_cue_verb(anc) or (anc.pos_ == "VERB" and anc.lemma_.lower() in lex.XCOMP_CUE_VERBS):
                return _relayed_tag(span, anc, others) or _reporter_of_belief(anc, others, inside)
            if anc.head.i == anc.i:  # the root
                break
            anc, hops = anc.head, hops + 1
    return None


def _relayed_tag(span: Span, verb: Token, others: Sequence[tuple[int, int]] = ()) -> Token | None:
    """The speaker's own tag between a quote and the verb that relays it, or None.

    "'We never saw the plans,' Lee said, reports the Courier": the parser hangs the quote and "said"
    on "reports", but the quote is Lee's; the outlet that relays it is not its speaker.
    """
    for child in verb.children:
        if (
            child.dep_ in RELAYED_TAG_DEPS
            and span.end_char <= child.idx < verb.idx
            and child.lemma_.lower() in PLAIN_SPEECH_VERBS
            and not _in_other_quote(child, others)
            and speaker_of(child) is not None
        ):
            return child
    return None


def _reporter_of_belief(verb: Token, others: Sequence[tuple[int, int]] = (), quote: range = range(0)) -> Token:
    """The speech verb reporting a belief verb's clause, when there is one, else the belief verb.

    "The association said shops were expecting the 'best Christmas ever'": the marks hold the words
    of whoever the article quotes, the association; the shops' expecting is the association's
    paraphrase. A belief reported by no one ("Shops expect the 'best Christmas ever'") keeps its verb.
    The reporting verb may stand several clauses up ("Lee said she was glad to see that the board
    had agreed the 'matter is closed'"): a fragment in marks inside a clause a plain speech verb
    reports is that verb's speaker's wording, whatever verbs stand between (``MAX_REPORTER_HOPS``).
    """
    head = verb.head
    if (
        verb.lemma_.lower() in lex.BELIEF_CUE_VERBS
        and verb.dep_ in lex.REPORTED_CLAUSE_DEPS
        and head.pos_ == "VERB"
        and head.lemma_.lower() in PLAIN_SPEECH_VERBS
        and not _in_other_quote(head, others)
        and speaker_of(head) is not None
    ):
        return head
    reporter = _outer_reporter(verb, others, quote)
    return reporter if reporter is not None else verb


def _outer_reporter(verb: Token, others: Sequence[tuple[int, int]] = (), quote: range = range(0)) -> Token | None:
    """The plain speech verb whose reported clause holds ``verb``, a few clauses up, or None.

    Only a verb that is no plain speech verb itself is passed over (a belief, a description, an
    affirming: "Lee said the board had *affirmed* that the 'matter is closed'"), and only through
    clause links (``REPORTER_PATH_DEPS``) with one reported clause among them, and never to a verb of
    the quote itself (``quote``, its token positions) or of another quote.
    """
    if verb.lemma_.lower() in PLAIN_SPEECH_VERBS:
        return None
    node, reported = verb, False
    for _ in range(MAX_REPORTER_HOPS):
        if node.dep_ not in REPORTER_PATH_DEPS or node.head.i == node.i:
            return None
        reported |= node.dep_ in lex.REPORTED_CLAUSE_DEPS
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in PLAIN_SPEECH_VERBS:
            found = reported and node.i not in quote and not _in_other_quote(node, others)
            found = found and speaker_of(node) is not None
            return node if found else None
    return None


def _has_own_clause(verb: Token, q: QuoteSpan) -> bool:
    """True when ``verb`` reports a clause of its own outside the quote (so it is not the quote's tag)."""
    return any(child.dep_ == "ccomp" and not q.start <= child.idx < q.end for child in verb.children)


def _cue_nearby(doc: Doc, text: str, q: QuoteSpan, others: Sequence[tuple[int, int]] = ()) -> Token | None:
    """A speech tag next to the quote: "'...,' X said.", "X said: '...'", "'...', said X, a spokesman".

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it from the tokens on every access.
    """
    sents = _sentences_around(doc, q.start, q.end)
    if not sents:
        return None
    last = sents[-1]
    if last.end < len(doc) and last.end_char - q.end <= 2 and "\n\n" not in text[q.end : doc[last.end].idx]:
        # the quote ends its sentence: the tag may follow, but never from the next paragraph, whose
        # verbs ("Henson can now expect …") belong to its own story
        sents.append(doc[last.end].sent)
    best: tuple[int, Token] | None = None
    for sent in sents:
        after = sent.start_char >= q.end  # the sentence after the quote, not the quote's own
        for tok in sent:
            if not (is_cue_verb(tok) or _document_reads(tok)) or q.start <= tok.idx < q.end or _has_own_clause(tok, q):
                continue
            if _discourse_said(tok):
                continue
            if after and tok.head.i != tok.i and tok.dep_ not in lex.PARENTHETICAL_TAG_DEPS:
                continue  # a tag after the quote heads its sentence ("He said.") or is set in it
                # ("Essentially, he says, …"); "If admitted, …" and "a venture called X" are no tags
            if _in_other_quote(tok, others):
                continue
            if speaker_of(tok) is None:
                continue
            distance = q.start - tok.idx if tok.idx < q.start else tok.idx - q.end
            if best is None or distance < best[0]:
                best = (distance, tok)
    if best is not None:
        return best[1]
    return _cue_before_colon(doc, q) or _continuing_tag(doc, text, q, others)


def _discourse_said(verb: Token) -> bool:
    """True for "That said," opening a clause: a linking phrase ("all the same"), not speech by "that"."""
    if verb.lemma_.lower() != "say" or verb.i == 0 or verb.i + 1 >= len(verb.doc):
        return False
    subject, after = verb.doc[verb.i - 1], verb.doc[verb.i + 1]
    return subject.lower_ == DISCOURSE_SUBJECT and subject.dep_ in ACTIVE_SUBJECT_DEPS and after.text == ","


def _document_reads(tok: Token) -> bool:
    """ "the statement reads", "the letter read": a document's words quoted, with no object read."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DOCUMENT_TAG_VERBS:
        return False
    subject = next((c for c in tok.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)
    if subject is None or subject.lemma_.lower() not in lex.DOCUMENT_NOUNS:
        return False
    return not any(c.dep_ == "dobj" for c in tok.children)


def _verb_tagged_noun(tok: Token) -> bool:
    """ "'…,' comments Dana Ruel": the tagger reads the verb as a plural noun, yet the parser makes it the
    sentence's root with a subject, as a verb. Only for the tag-only verbs, which are read at the marks."""
    return (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.lemma_.lower() in TAG_ONLY_SPEECH_VERBS
            and any(c.dep_ in ACTIVE_SUBJECT_DEPS for c in tok.children))


def _continues_speaking(tok: Token) -> bool:
    """ "continued", "went on", "shared", "spilled" with nothing of their own (no object or complement)."""
    if tok.pos_ != "VERB" and not _verb_tagged_noun(tok):
        return False
    lemma = tok.lemma_.lower()
    phrasal = any((lemma, c.lower_) in CONTINUING_PHRASAL_VERBS for c in tok.children if c.dep_ == "prt")
    if lemma not in CONTINUING_VERBS | TAG_ONLY_SPEECH_VERBS and not phrasal:
        return False
    # "'…,' gushed Lee": with no subject the parser takes the speaker after the verb for its object
    speaker = inverted_object(tok)
    return not any(c.dep_ in NOT_CONTINUING_DEPS and (speaker is None or c.i != speaker.i) for c in tok.children)


def _continuing_tag(doc: Doc, text: str, q: QuoteSpan, others: Sequence[tuple[int, int]] = ()) -> Token | None:
    """ "'…,' Lee continued", "She went on, '…'", "'…,' the insider spilled": a verb of going on speaking,
    or one that reports speech only as a tag (``TAG_ONLY_SPEECH_VERBS``), set right at the quote.

    These verbs report speech only as a tag, so only one next to the marks counts: after the quote
    with nothing but punctuation before its subject, or before it with nothing but a comma or colon
    between. "The protests continued." after a quote is no tag: its subject is not at the marks.
    ``text`` is ``doc.text``, read once by the caller.
    """
    for sent in _sentences_around(doc, q.start, q.end):
        for tok in sent:
            if q.start <= tok.idx < q.end or _in_other_quote(tok, others) or not _continues_speaking(tok):
                continue
            speaker = speaker_of(tok)
            if speaker is None:
                continue
            if tok.idx >= q.end:
                first = min(speaker.left_edge.idx, tok.idx)
                if not text[q.end : first].strip(TAG_GAP_CHARS) and speaker.i != tok.i:
                    return tok
            else:
                last = max(c.idx + len(c.text) for c in (tok, *tok.children) if c.idx < q.start)
                if not text[last : q.start].strip(TAG_GAP_CHARS):
                    return tok
    return None


def _cue_before_colon(doc: Doc, q: QuoteSpan) -> Token | None:
    """A quote introduced by a colon, even across a paragraph break: "X said:", "X released a statement:"."""
    first = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    i = first[0].i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    sent = doc[i].sent
    before = [t for t in sent if t.i < i and t.pos_ == "VERB" and speaker_of(t) is not None]
    cues = [t for t in before if is_cue_verb(t)]
    if cues:
        return cues[-1]
    return before[-1] if before else None  # "X released the following statement:"


def _looks_like_title(span: Span) -> bool:
    """A short quote with every word capitalised ("Meet the Press") names a title, not speech."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > lex.MAX_TITLE_WORDS:
        return False
    if span[-1].text in ".!?" or (len(span) > 1 and span[-2].text in ".!?"):
        return False
    return all(t.text[0].isupper() or t.lower_ in lex.TITLE_SMALL_WORDS for t in words) and words[0].text[0].isupper()


def _opens_tagged_sentence(doc: Doc, text: str, q: QuoteSpan, verb: Token | None) -> bool:
    """True for a quote that opens its sentence, ends in a comma and is followed by its tag
    ('"Congratulations Tom Berger," Lee tweeted.'): speech, though every word is capitalised."""
    if verb is None or verb.idx < q.end or not text[q.inner_start : q.inner_end].rstrip().endswith(","):
        return False
    sent = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
    return sent is not None and not text[sent[0].sent.start_char : q.start].strip()


def _opening_mark(doc: Doc, span: Span) -> int:
    """The token index where a quote opens, its opening marks included: what stands before it is the text
    before the quote (a tag, a narration sentence, a paragraph break)."""
    start = span[0].i
    while start > 0 and doc[start - 1].text in lex.ALL_QUOTE_MARKS:
        start -= 1
    return start


def _speaker_of_previous_sentence(doc: Doc, span: Span) -> Token | None:
    """A quote opening a sentence right after a paraphrase ("X said the plan failed. 'We tried.'") is X's.

    So is a quote opening a paragraph after a paragraph of one sentence of such a paraphrase ("Lee
    insisted the plan was sound." / "'We tried.'"): the page sets the paraphrase and the words apart.
    An "according to X" sentence lends X only within its paragraph.
    """
    start = _opening_mark(doc, span)
    if start == 0:
        return None
    before = start - 1
    new_paragraph = doc[before].is_space
    if new_paragraph:
        while before > 0 and doc[before].is_space:
            before -= 1
        if doc[before].is_space or not _one_sentence_paragraph(doc, doc[before].sent):
            return None  # a new paragraph, after a paragraph of more than one sentence
    elif not doc[start].is_sent_start:
        return None  # not a sentence start
    previous = doc[before].sent
    if any(t.text in lex.ALL_QUOTE_MARKS for t in previous):
        return None  # the previous sentence has its own quote: its tag is not this quote's
    for tok in previous:
        reports = any(c.dep_ == "ccomp" for c in tok.children)
        if reports and tok.pos_ == "VERB" and tok.lemma_.lower() in PLAIN_SPEECH_VERBS:
            speaker = speaker_of(tok)
            # "Time will tell if …": an idiom's subject reports nothing (a quote's own words, marks lost)
            return None if speaker is not None and speaker.lemma_.lower() in IDIOM_SUBJECTS else speaker
    # "according to X" lends its X only within the paragraph: a new paragraph may quote someone else
    return None if new_paragraph else _according_to_holder(previous)


def _sentence_before(doc: Doc, span: Span) -> Span | None:
    """The sentence just before a quote that opens a sentence (in its paragraph or ending the one before)."""
    start = _opening_mark(doc, span)
    if start == 0:
        return None
    before = start - 1
    if doc[before].is_space:
        if "\n" not in doc[before].text:
            return None
        while before > 0 and doc[before].is_space:
            before -= 1
        if doc[before].is_space:
            return None
    elif not doc[start].is_sent_start:
        return None
    return doc[before].sent


def _subject_of_previous_sentence(doc: Doc, span: Span) -> Token | None:
    """The person a narration sentence is about, lent to the untagged quote that opens the next sentence.

    "Bishop was sceptical. '…'", "Lee provided context." / "'…'": a page names the speaker in a
    sentence of its own and sets the words after it with no tag. Only a sentence with no quotation
    marks lends (a quote there has its own speaker), and only a subject of its main verb that is a
    person's name or "he"/"she" (``NARRATED_SUBJECT_LABELS``, ``lex.PERSON_PRONOUNS``): "The protests
    went on." lends no one. The claim keeps it as a fallback: a quote that continues an earlier
    quote stays that quote's.
    """
    sent = _sentence_before(doc, span)
    if sent is None or any(t.text in lex.ALL_QUOTE_MARKS for t in sent):
        return None
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON":
        return subject if subject.lower_ in lex.PERSON_PRONOUNS else None
    return subject if subject.pos_ == "PROPN" and subject.ent_type_ in NARRATED_SUBJECT_LABELS else None


def _one_sentence_paragraph(doc: Doc, sent: Span) -> bool:
    """True when ``sent`` is a paragraph of its own: a paragraph break (or the text's start) before it."""
    i = sent.start - 1
    return i < 0 or (doc[i].is_space and "\n" in doc[i].text)


def _according_to_holder(sent: Span) -> Token | None:
    """The X of a sentence resting on "according to X" ("…, according to the paper. '…'").

    Why: a gossip page names its outlet or insider once, in the sentence before a quote that opens
    the next sentence, and the quote goes on with that claim; it is X's as after a paraphrase.
    Only a noun X counts, and not bare reports ("according to reports" has no one to speak); the
    caller passes only a sentence with no quote marks, so the "according to" is the reporter's own.
    """
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.doc[tok.i + 1].lower_ != "to":
            continue
        pobj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in ACCORDING_HOLDER_POS or pobj.lemma_.lower() in lex.NOT_SOURCE_NOUNS:
            continue
        if not bare_reports(pobj):
            return pobj
    return None


def _according_in_sentence(span: Span, quotes: Sequence[QuoteSpan]) -> tuple[Token, Token] | None:
    """The holder of an "according to X" outside the marks of the quote's own sentence, and "according".

    Why: "according to" is the stage's own cue for the claim of its sentence ("The pair had 'a rough
    year,' according to a friend"), but a quote with no speech verb above it took no speaker from it.
    A speech noun with its author ("according to remarks by X", "comments from X") gives the author.
    Only a noun or name counts, never bare reports ("according to reports" names no one) or a standard.
    """
    sent = span.sent
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.doc[tok.i + 1].lower_ != "to":
            continue
        if any(q.start <= tok.idx < q.end for q in quotes):
            continue  # the speaker's own words
        pobj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in ACCORDING_HOLDER_POS or pobj.lemma_.lower() in lex.NOT_SOURCE_NOUNS:
            continue
        if bare_reports(pobj):
            continue
        if pobj.lemma_.lower() in lex.CUE_NOUNS:
            author = next(
                (g for c in pobj.children if c.dep_ == "prep" and c.lower_ in lex.SPEAKER_PREPOSITIONS
                 for g in c.children if g.dep_ == "pobj"),
                None,
            )  # fmt: skip
            if author is not None:
                return author, tok
        return pobj, tok
    return None


def _dash_speaker(doc: Doc, text: str, q: QuoteSpan) -> tuple[Token, tuple[int, int]] | None:
    """The name after a dash that signs a quote ("'...' — Jane Roe, mayor"; an embedded post's "— Name (@x)").

    RETURNS: the token heading the name and the dash's characters (the cue), or None.
    """
    match = lex.DASH_SIGNATURE_RE.match(text, q.end)
    if match is None:
        return None
    span = doc.char_span(match.end(), min(len(text), match.end() + lex.MAX_SIGNATURE_CHARS), alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    name: list[Token] = []
    for tok in span:
        if tok.pos_ == "PROPN" or (tok.ent_type_ in lex.SIGNATURE_LABELS and tok.is_alpha):
            name.append(tok)
            continue
        break
    if not name:
        return None
    head = next((t for t in reversed(name) if t.head.i not in range(name[0].i, name[-1].i + 1)), name[-1])
    dash_at = match.end() - len(match.group(0).lstrip())
    return head, (dash_at, dash_at + len(match.group(0).strip()))


def _quote_claims(doc: Doc, text: str, quotes: list[QuoteSpan]) -> list[Claim]:
    out: list[Claim] = []
    for q in quotes:
        span = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        others = _other_quotes(q, quotes)
        verb = _cue_by_ancestry(span, others) or _cue_nearby(doc, text, q, others)
        if _looks_like_title(span) and not _opens_tagged_sentence(doc, text, q, verb):
            continue
        according = _according_in_sentence(span, quotes) if verb is None else None
        if according is not None:
            holder, word = according
            to = doc[word.i + 1]
            out.append(Claim((q.inner_start, q.inner_end), "direct", (word.idx, to.idx + len(to.text)), holder,
                             quoted=True, cue_tokens=(word.i, to.i), runs_on=q.continues))  # fmt: skip
            continue
        dash = _dash_speaker(doc, text, q) if verb is None else None
        if dash is not None:
            speaker, dash_cue = dash
            out.append(Claim((q.inner_start, q.inner_end), "direct", dash_cue, speaker, quoted=True,
                             cue_tokens=(-2,), runs_on=q.continues))  # fmt: skip
            continue
        if verb is None:
            words = len(_WORD_RE.findall(text[q.inner_start : q.inner_end]))
            full = words >= lex.MIN_UNATTRIBUTED_QUOTE_WORDS
            speaker = _speaker_of_previous_sentence(doc, span) if full else None
            narrated = _subject_of_previous_sentence(doc, span) if full and speaker is None else None
            out.append(
                Claim((q.inner_start, q.inner_end), "direct", None, speaker, quoted=True,
                      cue_tokens=() if full else (-1,), runs_on=q.continues, narrated_by=narrated)
            )  # fmt: skip
            continue
        out.append(
            Claim(
                (q.inner_start, q.inner_end),
                "direct",
                cue_span(verb),
                _speaker_outside(verb, quotes),
                quoted=True,
                cue_tokens=(verb.i,),
            )
        )
    return out


def _speaker_outside(verb: Token, quotes: Sequence[QuoteSpan]) -> Token | None:
    """The speaker of a quote's tag verb, never a word of a quote (this one or the other part of it).

    An inverted tag ("'A literate population,' insisted Mr Sener, 'will help.'") makes the parser
    take the quote's first noun for a subject of the tag verb too; the name outside the marks, after
    the verb, is the speaker. None when there is no such name (the quote may continue another). A
    subject whose phrase has words outside the marks ('a "source" told the paper', 'an "insider"
    said') is narration with a word set in marks: it is the speaker, not the one told after the verb.
    """
    def inside(tok: Token) -> bool:
        return any(q.start <= tok.idx < q.end for q in quotes)

    speaker = speaker_of(verb)
    if speaker is None:
        return None
    if not inside(speaker):
        return _document_issuer(speaker, inside) or speaker
    if _marked_word_of_phrase(speaker, quotes):
        return speaker  # 'a "source" told the paper': marks around a word of a narrated phrase
    second = _subject_outside(verb, inside)
    if second is not None:
        return second
    coordinated = _coordinated_reporter(verb, inside)
    if coordinated is not None:
        return coordinated
    for child in verb.rights:
        if not inside(child) and child.dep_ in lex.INVERTED_SPEAKER_DEPS and child.pos_ in NOMINAL_OR_PRONOUN_POS:
            return child
    return None


def _issuer_named(noun: Token) -> Token | None:
    """Who a document mention says issued it: its possessor ("her statement", "the palace's statement"),
    the subject of an issuing verb it is the object of ("X issued a statement"), or the speaker of a verb
    it is the channel of ("X said in a statement")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj":
        return issuing_subject(noun)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" and is_cue_verb(head.head):
        issuer = speaker_of(head.head)
        return issuer if issuer is not None and issuer.lemma_.lower() not in lex.DOCUMENT_NOUNS else None
    return None


def _document_issuer(speaker: Token, inside: Callable[[Token], bool]) -> Token | None:
    """The issuer of the document a quote's tag gives the words to ("'…,' her statement read"; "'…,' the
    statement continued" after "X issued a statement"), or None.

    Why: the statement is how its issuer spoke, and the hand-checked sets give such quotes to the issuer,
    as "said in a statement" stays the speaker's. A definite "the statement" is the one the article
    mentioned last with its issuer named (walking back over mentions that name none: "The statement,
    which was obtained by the paper, claimed …"); none found, the document stays the source.
    """
    if speaker.pos_ != "NOUN" or speaker.lemma_.lower() not in lex.ISSUED_DOCUMENT_NOUNS:
        return None
    issuer = _issuer_named(speaker)
    if issuer is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in speaker.children):
        return issuer
    lemma = speaker.lemma_.lower()
    for tok in reversed(speaker.doc[: speaker.i]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma and not inside(tok):
            issuer = _issuer_named(tok)
            if issuer is not None:
                return issuer
    return None


def _subject_outside(verb: Token, inside: Callable[[Token], bool]) -> Token | None:
    """A second subject of the tag verb, outside the marks, when the first is a word of the quote.

    "'Harris,' Berger replied.": the parser makes both the one-word quote and the name after it
    subjects of "replied"; the first is what was said, the one outside the marks who said it.
    """
    return next((c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS and not inside(c)
                 and c.pos_ in NOMINAL_OR_PRONOUN_POS), None)


def _coordinated_reporter(verb: Token, inside: Callable[[Token], bool]) -> Token | None:
    """The speaker of the verb a tag verb is joined to, when the parser hung it on a quote's verb.

    "He said that 'we live by ideals' and called voters 'the custodians'": "called" is parsed as
    joined to "live", inside the first quote, so the subject it inherits ("we") is a quote's word
    and the word after it ("voters") is who is spoken of. The verb is joined to the verb reporting
    that quote, the first verb above it outside the marks; its speaker is the speaker.
    """
    if verb.dep_ != "conj" or inside(verb) or not inside(verb.head):
        return None
    node = verb.head
    for _ in range(MAX_CUE_HOPS):
        if node.head.i == node.i:
            return None
        node = node.head
        if not inside(node):
            speaker = speaker_of(node) if is_cue_verb(node) else None
            return speaker if speaker is not None and not inside(speaker) else None
    return None


def _marked_word_of_phrase(head: Token, quotes: Sequence[QuoteSpan]) -> bool:
    """True when ``head`` is an unnamed source's noun set in marks inside its own phrase, which opens
    outside them ('a "source"', 'an "insider" close to the family'): a word marked in doubt, not a
    quote's words."""
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    holding = next((q for q in quotes if q.start <= head.idx < q.end), None)
    if head.lemma_.lower() not in lex.ANONYMOUS_NOUNS:
        return False  # doubt set in marks is about an unnamed source's noun; other marked words are titles
    if holding is None or not (start < holding.start and holding.end <= end + 1):
        return False
    return len(_WORD_RE.findall(head.doc.text[holding.inner_start : holding.inner_end])) <= MAX_MARKED_WORDS


def _with_posts(claims: list[Claim], posts: list[Post], quotes: list[QuoteSpan]) -> list[Claim]:
    """Each embedded post as one direct claim; any other claim found in a post or its signature is the post's.

    A post whose words are one quotation in marks keeps the words inside the marks, as any quote does.
    """
    spans = [(p.content[0], p.signature[1]) for p in posts]
    kept = [c for c in claims if not any(c.content[0] < end and start < c.content[1] for start, end in spans)]
    outer = {(q.start, q.end): (q.inner_start, q.inner_end) for q in quotes}
    kept.extend(
        Claim(outer.get(p.content, p.content), "direct", p.signature, None, quoted=True,
              post=(p.name[0], p.name[1], p.handle))
        for p in posts
    )  # fmt: skip
    return kept


def _with_turns(claims: list[Claim], turns: list[Turn]) -> list[Claim]:
    """Each named transcript turn as one direct claim by the name in its label.

    A claim cued inside a label (the headline rule reads "NAME: words" too) or standing for a whole
    turn is the turn's; claims inside a turn (a quote it cites, "I think that …") stay their own.
    """
    labels = [t.label for t in turns]
    contents = {t.content for t in turns}
    kept = [c for c in claims
            if c.content not in contents and not (c.cue and any(s <= c.cue[0] < e for s, e in labels))]  # fmt: skip
    kept.extend(Claim(t.content, "direct", t.label, None, named=t.name) for t in turns)
    return kept


# --- step 2: reconcile ------------------------------------------------------------


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[tuple[int, int], tuple[int, int] | None]] = set()
    out: list[Claim] = []
    for claim in claims:
        key = (claim.content, claim.cue)
        if key in seen:
            continue
        seen.add(key)
        out.append(claim)
    return out


def _link_continuations(text: str, claims: list[Claim]) -> None:
    """A quote with no cue continues the quote just before it, if little plain text stands between."""
    previous: int | None = None
    for i, claim in enumerate(claims):
        if not claim.quoted:
            continue
        if claim.post is not None:
            previous = None  # a post is signed where it ends: nothing after it continues it
            continue
        if claim.cue is None and previous is not None:
            gap = _without_captions(text[claims[previous].content[1] : claim.content[0]])
            if len(_WORD_RE.findall(gap)) <= MAX_CONTINUATION_GAP_WORDS or _only_its_tag(claims[previous], gap,
                                                                                        claim.content[0]):
                claim.continues = previous
        if claim.cue is not None or claim.continues is not None or claim.speaker is not None or (
            claim.narrated_by is not None
        ):
            previous = i  # a quote given the speaker of the paraphrase before it may be continued too


def _without_captions(gap: str) -> str:
    """The text between two quotes without the whole paragraphs in it that end no sentence.

    A page's photo captions and credits ("Lee arrives at the hearing Credit: Jo Hart") are set as
    paragraphs of their own between the paragraphs of one long quote; they end with no sentence mark,
    so they are layout, not narration, and do not break the quote's chain. Only paragraphs wholly
    inside the gap count (the first and last pieces belong to the quotes' own paragraphs), and a
    paragraph ending in a sentence mark or a quotation mark stays.
    """
    parts = gap.split("\n\n")
    if len(parts) < MIN_PARTS_WITH_WHOLE_PARAGRAPH:
        return gap
    inner = [p for p in parts[1:-1] if not is_caption(p)]
    return "\n\n".join([parts[0], *inner, parts[-1]])


def _only_its_tag(previous: Claim, gap: str, gap_end: int) -> bool:
    """True when the text between two quotes is the first quote's own tag sentence, however long.

    "'It's ambitious,' said Jo Hart, political director at a Brussels-based think-tank. 'This is
    new.'": the second quote goes on with the speaker of the first. The gap must hold that tag,
    stay in one paragraph and end no sentence before its own end.
    """
    if previous.cue is None or not previous.content[1] <= previous.cue[0] < gap_end or "\n\n" in gap:
        return False
    body = gap.strip(" \n" + "".join(lex.ALL_QUOTE_MARKS))
    words = body.split()
    if len(words) > lex.MAX_TAG_SENTENCE_WORDS:
        return False
    return not any(_ends_sentence(word, nxt) for word, nxt in pairwise(words))


def _ends_sentence(word: str, following: str) -> bool:
    """``word`` ends a sentence before ``following`` ("report. The"), unless it is an initial or a title ("Mr.")."""
    word = word.rstrip("".join(lex.ALL_QUOTE_MARKS) + ")")
    if not word or word[-1] not in ".!?" or not following[:1].isupper():
        return False
    stem = word.rstrip(".!?")
    # an initial or a title ("said John F. Cole", "said Gov. Lee") ends no sentence
    return not (word.endswith(".") and (len(stem) == 1 or word.lower() in lex.NAME_ABBREVIATIONS))


# --- step 3: sources --------------------------------------------------------------


def _other_speaker_before(text: str, claims: list[Claim], i: int) -> bool:
    """True when an earlier quote of the same paragraph is tagged with a name other than the one the
    narration sentence before quote ``i`` is about.

    '"…," Berger said. Ann Lee shared a photo. "…"': the page is quoting Berger, and a sentence on what
    someone else did does not hand the next words to her. "He"/"she" and the same name lend as before.
    """
    narrated = claims[i].narrated_by
    if narrated is None or narrated.pos_ == "PRON":
        return False
    start = claims[i].content[0]
    for claim in reversed(claims[:i]):
        if not claim.quoted or claim.content[1] > start:
            continue
        if "\n\n" in text[claim.content[1] : start]:
            return False
        speaker = claim.speaker
        if speaker is None:
            continue
        return not set(_WORD_RE.findall(_phrase_text(speaker))) & set(_WORD_RE.findall(_phrase_text(narrated)))
    return False


def _phrase_text(tok: Token) -> str:
    """The words of the name a token heads ("Ann Lee" for "Lee"), compound parts included."""
    parts = [c for c in tok.lefts if c.dep_ in NAME_PART_DEPS]
    return " ".join([*(c.text for c in parts), tok.text])


def _decliners(doc: Doc, text: str, quoted: list[tuple[int, int]]) -> list[Token]:
    """The subjects of "declined to comment", "did not respond to a request for comment" and the like."""
    heads: list[Token] = []
    for match in lex.DECLINE_RE.finditer(text):
        if any(s <= match.start() < e for s, e in quoted):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span[0]
        verb = tok.head if tok.dep_ in AUX_OR_NEG_DEPS else tok
        if verb.pos_ not in VERBAL_POS:
            verb = next((t for t in span if t.pos_ == "VERB"), verb)
        speaker = speaker_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if speaker is not None:
            heads.append(speaker)  # "X could not be reached": the passive subject
    return heads


def _anonymity_holders(cands: Candidates, quoted: list[tuple[int, int]]) -> list[Token]:
    """Who "spoke on condition of anonymity" or "requested anonymity", for the reason they gave."""
    heads: list[Token] = []
    for tok in cands.anonymity:
        if any(s <= tok.idx < e for s, e in quoted):
            continue
        verb, hops = tok.head, 0
        while verb.pos_ not in VERBAL_POS and verb.head.i != verb.i and hops < 4:
            verb, hops = verb.head, hops + 1
        speaker = speaker_of(verb) if verb.pos_ in VERBAL_POS else None
        if speaker is not None:
            heads.append(speaker)
    return heads


def _resolve(
    doc: Doc, cands: Candidates, entities: list[Entity], claims: list[Claim], quoted: list[tuple[int, int]]
) -> tuple[list[Source], list[Attribution]]:
    text = cands.text
    resolver = SourceResolver(doc, entities, text)
    resolver.quoted = quoted
    # Resolve every source phrase in text order, so anaphora see what came before.
    jobs: list[tuple[int, str, object]] = []
    for i, claim in enumerate(claims):
        if claim.speaker is not None:
            jobs.append((claim.speaker.idx, "claim", i))
        if claim.channel is not None:
            jobs.append((claim.channel.idx, "channel", claim.channel))
        if claim.post is not None:
            jobs.append((claim.post[0], "post", i))
        if claim.named is not None:
            jobs.append((claim.named[0], "label", i))
        if claim.narrated_by is not None and claim.speaker is None and claim.continues is None and (
            not _other_speaker_before(text, claims, i)
        ):
            jobs.append((claim.narrated_by.idx, "narrated", i))
    jobs.extend((t.idx, "declined", t) for t in _decliners(doc, text, quoted))
    jobs.extend((t.idx, "anonymity", t) for t in _anonymity_holders(cands, quoted))
    source_of: dict[int, int | None] = {}
    for i, claim in enumerate(claims):
        if claim.unstated and claim.speaker is None and claim.cue is not None:
            source_of[i] = resolver.unstated(claim.cue[0])
    for _, job, payload in sorted(jobs, key=lambda j: (j[0], j[1])):
        if job == "claim":
            i = payload  # type: ignore[assignment]
            source_of[i] = resolver.resolve(claims[i].speaker)  # type: ignore[index, arg-type]
        elif job == "narrated":
            i = payload  # type: ignore[assignment]
            source_of[i] = resolver.resolve(claims[i].narrated_by)  # type: ignore[index, arg-type]
        elif job == "post":
            i = payload  # type: ignore[assignment]
            start, end, handle = claims[i].post  # type: ignore[index, misc]
            source_of[i] = resolver.social((start, end), handle)
        elif job == "label":
            i = payload  # type: ignore[assignment]
            source_of[i] = resolver.named_label(claims[i].named)  # type: ignore[index, arg-type]
        elif job == "channel":
            resolver.resolve(payload)  # type: ignore[arg-type]  # the medium: a source of its own
        elif job == "declined":
            idx = resolver.resolve(payload)  # type: ignore[arg-type]
            if idx is not None:
                resolver.mark_declined(idx)
        else:
            resolver.note_anonymity(payload)  # type: ignore[arg-type]
    for noun, i in _documents(doc, claims):
        doc_idx = resolver.resolve(noun)
        author = source_of.get(i)
        if doc_idx is not None and author is not None and doc_idx != author:
            resolver.attach_author(doc_idx, author)
    _close_runs_on(text, claims, source_of)
    for i, claim in enumerate(claims):
        if claim.continues is not None and i not in source_of:
            source_of[i] = source_of.get(claim.continues)
    sources, ids = resolver.records()
    _characterise(doc, sources, entities, text, quoted)
    out: list[Attribution] = []
    for i, claim in enumerate(claims):
        src = source_of.get(i)
        if src is None and claim.quoted and claim.cue_tokens == (-1,):
            continue  # a short quote nobody says: a scare quote or a title
        cue = _text_span(text, claim.cue) if claim.cue else None
        out.append(
            Attribution(
                id=f"a{len(out) + 1}",
                source=ids.get(src) if src is not None else None,
                cue=cue,
                content=_text_span(text, claim.content),
                kind=claim.kind,  # type: ignore[arg-type]
                quoted=claim.quoted,
            )
        )
    return sources, out


def _characterise(
    doc: Doc, sources: list[Source], entities: list[Entity], text: str, quoted: list[tuple[int, int]]
) -> None:
    """Give each source its role and gender from the article's words about it (``roles``, ``gender``)."""
    by_id = {e.id: e for e in entities}
    persons = person_spans(doc)  # once per article: ``doc.ents`` builds its spans on every access
    for source in sources:
        words = described(doc, source, by_id.get(source.entity or ""), entities, quoted)
        source.role, source.role_evidence = source_role(doc, source, words, text)  # type: ignore[assignment]
        source.gender, source.gender_evidence = source_gender(doc, source, words, text, persons)  # type: ignore[assignment]


def _documents(doc: Doc, claims: list[Claim]) -> list[tuple[Token, int]]:
    """The documents claims were made in ("said in a statement", "In a court filing, X said"), with each claim.

    The document becomes a ``document`` source of its own, its author the claim's speaker;
    the claim stays the speaker's (a sourcing count asks who speaks, the document says how).
    """
    out: list[tuple[Token, int]] = []
    for i, claim in enumerate(claims):
        if claim.speaker is None or not claim.cue_tokens or claim.cue_tokens[0] < 0:
            continue
        verb = doc[claim.cue_tokens[0]]
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.DOCUMENT_CHANNEL_NOUNS:
                out.append((noun, i))
    return out


def _close_runs_on(text: str, claims: list[Claim], source_of: dict[int, int | None]) -> None:
    """A quote running over paragraphs is tagged where it closes: each untagged opening part takes the
    source of the quote that follows it (backwards, so a three-paragraph quote chains to its end).

    Only a quote that starts where the open part stops (nothing but space and marks between) is its
    rest: when words stand between, the scanner lost a mark there (a nested ``"fake"``), and the next
    quote found may be someone else's, so the part keeps the speaker it continues from instead.
    """
    following: int | None = None
    for i in range(len(claims) - 1, -1, -1):
        claim = claims[i]
        if not claim.quoted:
            continue
        if (
            claim.runs_on
            and claim.cue is None
            and following is not None
            and not _WORD_RE.search(text[claim.content[1] : claims[following].content[0]])
        ):
            src = source_of.get(following)
            if src is not None:
                source_of[i] = src
        following = i


def _text_span(text: str, span: tuple[int, int]) -> TextSpan:
    return TextSpan(start=span[0], end=span[1], text=text[span[0] : span[1]])
