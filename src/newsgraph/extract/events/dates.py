"""When an event happened: a time of its clause, else of its sentence, else of its context.

The publication date is never used by itself: an event is dated only by a time
expression the text ties to it, and ``date_reason`` says how it was tied:

- ``clause``: the time modifies the event's own clause ("moved abroad in May",
  "during her April budget hearing"), or a clause it is coordinated with;
- ``sentence``: the only calendar date said of an event elsewhere in the sentence,
  for a past-tense event with no time of its own (not the date of a reporting
  verb: "police said on Monday the suspect fled" does not date the flight);
- ``context``: an earlier time the text points back to ("during the runoff"
  after "the 2019 primary"; "soon after she arrived ...", "after meeting allies
  last month, she signalled ...", dated itself), or the date an embedded post's
  signature gives its words ("… — Jane Roe (@jroe) May 4, 2017" dates what the
  post reports, and its "on Monday" is the Monday seen from May 4, 2017, even on
  a page without a publication date).

A report of one occasion dates it once, in its lead ("X offered a view of the race Friday at a
dealership"), and tells the rest in the simple past without the day ("X's event drew 1,200
supporters"): a later simple-past clause about the lead's doer, in a sentence that says no time,
takes the lead's day (``context``) until the story goes back to another dated past.

A day said of the clause's object ("announced a recall on Jan. 13", "named the
plant as the source of the outbreak on Jan. 9") dates the clause when the clause
has no time of its own: a news clause puts its day last, after its object, and
the parser hangs it on the nearest noun. More generally, a time among the clause's
own words that no verb of the sentence claims ("since Thursday", "as of the end of
Thursday" on a noun, "was conducted May 15-19 of 1,000 voters" right after the verb)
dates the clause (``sentence``), unless it describes its noun ("the 2019 primary",
"the floods of the 1990s") or the clause is in the simple present. A phase
participle ("steered trades to the firms, beginning in early 2014") gives the
clause the time it began.

Times that describe a noun ("the floods of the 1990s", "the 2019 primary")
date that noun, not the clause's event, so they are not used for the clause.

A reported fiscal period ("profit rose in the quarter ended in early March",
"sales fell in the three months to December") dates its clause by the period
itself, a TIMEX3 calendar quarter, half or year (``2005-Q1``, ``2004-H2``,
``2004``) resolved from the date it ended: the calendar unit that holds most of
its months (a quarter ended in early March is December to February: ``Q1``). A
period whose end has no resolved month, or that no calendar unit mostly covers
(nine months, a fiscal year to June), is left undated rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy
from spacy.attrs import DEP, LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from newsgraph.extract.events.clauses import MAX_DEPTH, dep_ids, doc_tree, kids, merged_xcomp
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.lexicons import (
    ANCHOR_MARK_DEPS,
    ANCHOR_MARKS,
    ARGUMENT_DEPS,
    EVENT_NOUN_FAMILIES,
    RE_DATE_VALUE,
    REPORTING_VERBS,
    SUBCLAUSE_DEPS,
    TEMPORAL_PREPS,
    TIME_MODIFIER_DEPS,
)
from newsgraph.extract.time.normalize import normalize
from newsgraph.record import TimeExpression
from newsgraph.vocab.parse import (
    DETERMINER_DEPS,
    NOMINAL_SUBJECT_DEPS,
    NOUN_CLAUSE_DEPS,
    OBJECT_DEPS,
    PAST_TAGS,
    VERBAL_POS,
)

#: How many sentences back a "during the runoff" may look for the runoff's date.
CONTEXT_SENTENCES = 5

#: Nouns of a reported fiscal period and their length in months ("the quarter ended in early March").
FISCAL_PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12}
#: "the three months to December": a count of months that names one of those periods.
FISCAL_MONTH_COUNTS = {"three": 3, "3": 3, "six": 6, "6": 6, "twelve": 12, "12": 12}
#: How a period is tied to its end: a participle ("ended", "ending", "closed") or a preposition ("to December").
FISCAL_END_LEMMAS = frozenset({"end", "close"})
FISCAL_END_PREPS = frozenset({"to", "through", "until", "till"})
#: Prepositions that put a clause in a period ("rose in / for / during the quarter ended ...").
FISCAL_FRAME_PREPS = frozenset({"in", "for", "during", "over", "through", "throughout"})
#: Words before a month that say the period ended at its very start ("early March"), so with the month before.
EARLY_WORDS = frozenset({"early", "beginning", "start"})
#: A period ending on or before this day of its month ends, in effect, with the month before ("March 2").
EARLY_END_DAY = 10
#: A resolved month or day: the end of a period, as the time stage gives it.
RE_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
#: Calendar units a fiscal period is dated by: months per unit, and the TIMEX3 letter (none for a year).
CALENDAR_UNITS = {3: (3, "Q"), 6: (6, "H"), 12: (12, "")}


#: Nouns a time modifier can make a time frame of: a common noun or a named occasion ("the State of the Union").
FRAME_NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Relative words that put a clause inside the occasion its noun names ("the address, in which he urged ...").
FRAME_RELATIVES = frozenset({"which", "whom"})
#: Relative adverbs that put a clause at the time they hang on ("in May, when ...", "earlier in the year where ...").
OCCASION_RELATIVES = frozenset({"when", "where"})
#: Prepositions of the verb whose noun is the occasion it happens at ("won at the election in 2010").
FRAME_OUTER_PREPS = frozenset({"at", "during", "in", "on"})
#: Prepositions that give that occasion its time ("the election in 2010", "the visit on Monday").
FRAME_INNER_PREPS = frozenset({"in", "on"})
#: Prepositions of a day ("on Jan. 13") that, hung on the clause's object, still date the clause.
DAY_PREPS = frozenset({"on"})
#: How a bare day ("Friday", no "on") hangs on a noun.
BARE_DAY_DEPS = frozenset({"npadvmod", "tmod"})
#: A value precise to the day (a time of day may follow): what "on" introduces.
RE_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Parts of speech a preposition heading a "prep" phrase gets from the tagger ("since Thursday": SCONJ).
PREPOSITION_POS = frozenset({"ADP", "SCONJ"})
#: Prepositions whose time, hung on a noun of the clause, still says when the clause happened
#: ("pinpointed the plant as the source of the outbreak on Jan. 9", "raised $3 million in donations
#: since Thursday", "IOUs worth $354m as of the end of Thursday"). Not "of", which describes its
#: noun ("the floods of the 1990s"; but "as of" is kept), nor "in", whose month or year on a noun
#: says the noun's time as often as the clause's ("announced a recall in January", "growth of 5% in
#: 2005"), nor the bounds "before", "after", "by", "until" ("the deadline by Friday").
UNCLAIMED_PREPS = frozenset({"on", "at", "during", "since", "through", "throughout", "as"})
#: Noun modifiers a time ahead of its noun describes it by ("the 2019 primary", "Wednesday's ruling"):
#: the noun's time, not the clause's, even right after the verb.
NOUN_DESCRIBING_DEPS = frozenset({"compound", "amod", "poss", "nummod"})
#: Parts of speech of a "clause" the parser made of a noun ("as the source of the outbreak" as advcl):
#: its words are the clause's own.
NOUN_CLAUSE_POS = frozenset({"NOUN", "PROPN", "NUM"})
#: How such a noun hangs on the verb: as an adverbial clause only. A noun conjunct is the subject of
#: another clause the parser ran in ("may never be known, but Castile's stop Wednesday ended ...").
NOUN_ADVCL_DEPS = frozenset({"advcl"})
#: A time a "since" phrase gives is the start of a state that lasts ("employed since July 2014"):
#: when it happened, not when a clause describing an argument happened.
STATE_START_PREPS = frozenset({"since"})
#: Participles that say when the clause's event began or ended ("..., beginning in early 2014").
PHASE_LEMMAS = frozenset({"begin", "start"})
#: Clause relations a phase participle hangs on its verb by.
PHASE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})
#: Tags of a verb in the simple present ("is", "owns"): a reported state at the time of the report.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: How many sentences back a past main clause may look for the dated sentence its story goes on from.
CONTINUATION_SENTENCES = 2
#: How many sentences from the top (headline, deck, photo credit, lead) may set the day of the occasion a report tells.
LEAD_SENTENCES = 5
#: How many sentences after its lead a report of one occasion goes on telling it without a date.
LEAD_REACH = 30
#: Whether a later clause must be about the lead's doer (its subject names the lead subject's entity).
LEAD_SAME_DOER = True
#: A year counted from the publication date the time stage did not have: "this year" REF+P0Y, "last year" REF-P1Y.
RE_YEAR_OFFSET = re.compile(r"^REF[+-]P\d+Y$")
#: A calendar year value.
RE_YEAR_VALUE = re.compile(r"^\d{4}$")
#: A relative value the time stage kept for want of an anchor: a weekday, a month without a year, a distance.
RE_RELATIVE_VALUE = re.compile(r"^(XXXX|REF-)")


@dataclass(frozen=True)
class Dating:
    """The time tied to an event, its date (a TIMEX3 calendar value) and why."""

    time: str | None = None
    date: str | None = None
    reason: str | None = None


UNDATED = Dating()
_SUBCLAUSE_IDS = dep_ids(SUBCLAUSE_DEPS)


def date_value(time: TimeExpression) -> str | None:
    """The calendar value of a time expression, or None for durations, sets and unresolved times."""
    if time.value is None or time.role == "publication" or time.type in ("DURATION", "SET"):
        return None
    return time.value if RE_DATE_VALUE.match(time.value) else None


def time_root(ctx: DocContext, time: TimeExpression) -> Token | None:
    """The syntactic head of the time's tokens, kept per time of the document (``DocContext.time_roots``).

    Why kept: the dating rules ask it of the same time for every clause of its sentence, and each answer
    builds a ``Span`` and walks it for its root.
    """
    if time.id in ctx.time_roots:
        return ctx.time_roots[time.id]
    bounds = ctx.time_tokens.get(time.id)
    root = ctx.doc[bounds[0] : bounds[1]].root if bounds is not None else None
    ctx.time_roots[time.id] = root
    return root


def attached_clause(ctx: DocContext, time: TimeExpression) -> Token | None:
    """The verb (or event noun) whose time ``time`` is, or None when it describes a noun."""
    if time.id in ctx.clause_of_time:
        return ctx.clause_of_time[time.id]
    found = _attached_clause(ctx, time)
    ctx.clause_of_time[time.id] = found
    return found


def _attached_clause(ctx: DocContext, time: TimeExpression) -> Token | None:
    root = time_root(ctx, time)
    if root is None:
        return None
    head = root.head
    if head.i == root.i:  # the sentence's root: it describes no other word
        return None
    if head.pos_ in VERBAL_POS:
        return head
    if _is_preposition(head) and head.lower_ in TEMPORAL_PREPS:
        verb = _verb_above_prep(head)
        if verb is None and head.lower_ in FRAME_INNER_PREPS:
            return _verb_above_frame(head.head)
        return verb
    if head.pos_ in FRAME_NOUN_POS and root.dep_ in TIME_MODIFIER_DEPS:
        # "during her April hearing", "in the tour last year", "in his February State of the Union
        # address": the noun (a common noun or a named occasion) is itself a time frame.
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in TEMPORAL_PREPS and prep is not head:
            return _verb_above_prep(prep)
        if root.dep_ == "npadvmod" and head.dep_ in OBJECT_DEPS:
            return head  # "the decision last week": dates the event noun
    return None


def _verb_above_frame(noun: Token) -> Token | None:
    """The verb of "at the election in 2010", "during the visit on Monday": the frame noun's clause.

    A noun inside a temporal phrase of the verb ("won at the election", "spoke at the summit")
    is the occasion the verb happens at, so the time said of it is the verb's. Not a noun of the
    subject or object ("the floods of the 1990s", "recovered from the crisis in 2008"): the
    time then describes that noun.
    """
    if noun.pos_ not in FRAME_NOUN_POS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.i == noun.i or not _is_preposition(prep) or prep.lower_ not in FRAME_OUTER_PREPS:
        return None
    return _verb_above_prep(prep)


def _is_preposition(tok: Token) -> bool:
    """A preposition, as the tagger gives it: "in" is ADP, but "since" in "since Thursday" is SCONJ."""
    return tok.pos_ == "ADP" or (tok.pos_ in PREPOSITION_POS and tok.dep_ == "prep")


def _verb_above_prep(prep: Token) -> Token | None:
    gov = prep.head
    if gov.pos_ == "ADV" and gov.head.pos_ in VERBAL_POS:  # "early in the tour"
        gov = gov.head
    if gov.pos_ in VERBAL_POS:
        return gov
    return None


def clause_times(ctx: DocContext, verb: Token) -> list[TimeExpression]:
    """Times attached to ``verb`` or to the infinitive merged into its predicate."""
    heads = {verb.i}
    xcomp = merged_xcomp(verb)
    if xcomp is not None:
        heads.add(xcomp.i)
    found: list[TimeExpression] = []
    for _tok, time in own_times(ctx, verb):
        if time in found or time.role == "publication":
            continue
        clause = attached_clause(ctx, time)
        if clause is not None and clause.i in heads:
            found.append(time)
    return found


def _own_tokens(ctx: DocContext, verb: Token) -> list[Token]:
    """The tokens of ``verb``'s clause, without its subordinate and coordinated clauses.

    Kept per document: the clause dating, the fiscal-period rule and the relations all walk the same clause.
    """
    cached = ctx.own_tokens_cache.get(verb.i)
    if cached is not None:
        return cached
    # On the document's child-index arrays (``doc_tree``): no ``kids`` call per token, in the same order.
    children_of, deps, _, tokens = doc_tree(verb.doc)
    walked = []
    stack = [verb.i]
    while stack:
        i = stack.pop()
        walked.append(i)
        stack.extend(c for c in children_of[i] if deps[c] not in _SUBCLAUSE_IDS)
    out = [tokens[i] for i in walked]
    ctx.own_tokens_cache[verb.i] = out
    return out


def own_times(ctx: DocContext, verb: Token) -> list[tuple[Token, TimeExpression]]:
    """The tokens of ``verb``'s own clause that a time covers, each with its time, in ``_own_tokens`` order.

    Why: the dating rules ask the time of every token of the clause two or three times over, and most
    clauses hold no time at all; kept per document like ``_own_tokens``.
    """
    return _timed_tokens(ctx, ctx.own_times_cache, verb, _own_tokens)


def _timed_tokens(ctx: DocContext, cache: dict[int, list[tuple[Token, TimeExpression]]], verb: Token,
                  words: Callable[[DocContext, Token], list[Token]]) -> list[tuple[Token, TimeExpression]]:
    """The tokens of ``words(ctx, verb)`` that a time covers, each with its time, in that order; kept in
    ``cache`` by clause head, and no walk at all in a text without times."""
    cached = cache.get(verb.i)
    if cached is not None:
        return cached
    times_by_token = ctx.times_by_token
    bounds = ctx.clause_bounds(verb) if times_by_token else None
    if not times_by_token or (bounds is not None and not ctx.between(ctx.time_positions, *bounds)):
        out = []  # no time in the text, or none in the sentence that holds every word under the verb
    else:
        out = [(tok, times_by_token[tok.i]) for tok in words(ctx, verb) if tok.i in times_by_token]
    cache[verb.i] = out
    return out


def date_event(ctx: DocContext, verb: Token, sent: Span, *, past: bool) -> Dating:
    """The dating of the event headed by ``verb`` (see the module docstring)."""
    dating = _clause_dating(ctx, verb)
    fiscal = _fiscal_period(ctx, verb)
    if fiscal is not None:
        # The period's stated end outranks the period's own value ("the quarter" read from context),
        # not another time of the clause ("on Tuesday it reported ... for the quarter ended ...").
        period_time = ctx.time_at(fiscal[1])
        if dating is None or dating.date is None or (period_time is not None and period_time.id == dating.time):
            return fiscal[0]
    if dating is not None:
        return dating
    dating = _object_day_dating(ctx, verb) or _unclaimed_dating(ctx, verb) or _context_dating(ctx, verb, sent)
    if dating is not None:
        return dating
    if past:
        dating = _sentence_dating(ctx, verb, sent)
        if dating is not None:
            return dating
    post = _post_signature(ctx, verb.idx)
    if post is not None:
        return Dating(post.id, date_value(post), "context")
    dating = _report_dating(ctx, verb)
    if dating is not None:
        return dating
    if past:
        dating = _continuation_dating(ctx, verb, sent) or _lead_dating(ctx, verb, sent)
        if dating is not None:
            return dating
    # Last, a time the same two rules would tie to the clause but that has no calendar value ("began a
    # visit to China last Tuesday" in a text without a publication date): the clause's time, no date.
    return _object_day_dating(ctx, verb, resolved=False) or _unclaimed_dating(ctx, verb, resolved=False) or UNDATED


def _unresolved(time: TimeExpression) -> bool:
    """A point in time the text names but that has no calendar value (no anchor): not a duration or a set."""
    return date_value(time) is None and time.value is not None and time.role != "publication" \
        and time.type not in ("DURATION", "SET")


def _lead_dating(ctx: DocContext, verb: Token, sent: Span) -> Dating | None:
    """The day of the occasion the article's lead reports, for a later past clause that says no time.

    "Mitt Romney offered a view of the race Friday at a car dealership. ... Romney's event drew about
    1,200 supporters. ... He waded through the crowd and signed T-shirts.": a report of one occasion
    dates it once, in its lead (one of the first ``LEAD_SENTENCES`` sentences, headline included, whose
    main clause is in the simple past and dated to the day), and tells the rest in the simple past
    without repeating the day. So a simple-past clause, outside quotations and not a reporting verb,
    in a sentence that says no time at all (not even a duration: "spent years as an investor"), within
    ``LEAD_REACH`` sentences of the lead, takes the lead's day, unless a simple-past clause between
    them is dated otherwise (the story has gone back to another time) — TimeML's anchoring of an
    undated event to the time its narrative is set in, limited to the one narrative the lead sets.
    """
    if not _simple_past(verb) or verb.lemma_.lower() in REPORTING_VERBS or ctx.in_quotation(verb.idx):
        return None
    if ctx.between(ctx.time_positions, sent.start, sent.end):
        return None  # the sentence says a time of its own: not told at the lead's time
    k = next((n for n, (start, _end) in enumerate(ctx.sent_bounds) if start == sent.start), None)
    if k is None:
        return None
    lead = None
    for n in range(min(LEAD_SENTENCES, k, len(ctx.sent_bounds))):
        dating = _lead_day(ctx, n)
        if dating is not None:
            lead = (n, dating)
            break
    if lead is None or k - lead[0] > LEAD_REACH:
        return None
    n, dating = lead
    if LEAD_SAME_DOER:
        doer = _subject_entities(ctx, ctx.doc[ctx.sent_bounds[n][0]].sent.root)
        if not doer or not doer & _subject_entities(ctx, verb):
            return None  # the occasion's protagonist does not act here: another story may be told
    for i in ctx.between(ctx.time_positions, ctx.sent_bounds[n + 1][0], sent.start):
        time = ctx.times_by_token[i]
        value = date_value(time)
        clause = attached_clause(ctx, time)
        if value is not None and value != dating.date and clause is not None and _simple_past(clause):
            return None  # an earlier past time was told in between: the narrative left the lead's day
    return Dating(dating.time, dating.date, "context")


def _lead_day(ctx: DocContext, n: int) -> Dating | None:
    """The day sentence ``n``'s main clause gives as a lead's (simple past, not a reporting verb, dated to the day).

    Why kept per document: ``_lead_dating`` asks it of the same first sentences for every undated clause.
    """
    if n in ctx.lead_days:
        return ctx.lead_days[n]
    root = ctx.doc[ctx.sent_bounds[n][0]].sent.root
    found = None
    if _simple_past(root) and root.lemma_.lower() not in REPORTING_VERBS:
        dating = _clause_dating(ctx, root, MAX_DEPTH) or _object_day_dating(ctx, root)
        if dating is not None and dating.date is not None and RE_DAY_VALUE.match(dating.date):
            found = dating
    ctx.lead_days[n] = found
    return found


def _continuation_dating(ctx: DocContext, verb: Token, sent: Span) -> Dating | None:
    """The time of the dated past sentence a main clause in the simple past goes on from.

    "In 2013, the host pressed him on the deal. He rose from his chair mid-interview.": a past
    main clause whose sentence names no date of its own continues the story of the dated past
    clause before it, also across up to ``CONTINUATION_SENTENCES`` undated simple-past sentences
    ("Congress approved the rise in 2007. It was tied to tax breaks. The package was signed by
    the president."). Only from and through main clauses in the simple past (not "would cut ...
    by the end of 2011"), and never for a reporting verb, whose date is its own.
    """
    if not _simple_past(verb) or verb.lemma_.lower() in REPORTING_VERBS or not _main_clause(verb):
        return None
    if _dates_said(ctx, sent.start, sent.end):
        return None  # the sentence says its own dates: not a continuation of another's
    k = next((n for n, (start, _end) in enumerate(ctx.sent_bounds) if start == sent.start), 0)
    for back in range(1, CONTINUATION_SENTENCES + 1):
        if k - back < 0:
            return None
        start, end = ctx.sent_bounds[k - back]
        prev = ctx.doc[start].sent.root
        if not _simple_past(prev):
            return None  # the story stops at a sentence that is not told in the past
        if _dates_said(ctx, start, end):
            dating = _clause_dating(ctx, prev, MAX_DEPTH) or _object_day_dating(ctx, prev)
            if dating is None or dating.date is None:
                return None
            return Dating(dating.time, dating.date, "context")
    return None


def _subject_entities(ctx: DocContext, verb: Token) -> set[str]:
    """The entities named in ``verb``'s subject ("Romney's event", "he" resolved): who the clause is about."""
    found = set()
    for subj in (c for c in kids(verb) if c.dep_ in NOMINAL_SUBJECT_DEPS):
        for tok in subj.subtree:
            mention = ctx.entity_at(tok)
            if mention is not None:
                found.add(mention.entity.id)
    return found


def _simple_past(verb: Token) -> bool:
    """ "rose", "was signed": a verb in the simple past, active or passive, with no other auxiliary."""
    auxes = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ == "VBD"


def _dates_said(ctx: DocContext, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` hold a time that says when (not a duration or a set)."""
    positions = ctx.between(ctx.time_positions, start, end)
    return any(ctx.times_by_token[i].type not in ("DURATION", "SET") for i in positions)


def _report_dating(ctx: DocContext, verb: Token) -> Dating | None:
    """The date of a statement, for what it reports as so at the time it was made.

    "Last month, the paper reported that the groups have begun using the slogan": a report
    dated by its own clause dates a reported clause in the present perfect or the present,
    which says how things stood when it was made. A reported simple past ("said on Monday
    the suspect fled") may lie any time before the statement and stays undated.
    """
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    auxes = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.tag_ == "VBD" for a in auxes):
        return None  # "would", "will", "had", "was": not how things stood at the statement
    perfect = verb.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in auxes)
    present = verb.tag_ in PRESENT_TAGS or (verb.tag_ == "VBG" and bool(auxes))
    if not (perfect or present):
        return None
    dating = _clause_dating(ctx, verb.head, MAX_DEPTH)
    if dating is None or dating.date is None:
        return None
    return Dating(dating.time, dating.date, "context")


def _main_clause(verb: Token) -> bool:
    """Whether ``verb`` heads its sentence, or a clause coordinated with the one that does."""
    top = verb
    for _ in range(MAX_DEPTH):
        if top.dep_ != "conj" or top.head.i == top.i:
            break
        top = top.head
    return top.dep_ == "ROOT"


def _object_day_dating(ctx: DocContext, verb: Token, *, resolved: bool = True) -> Dating | None:
    """The day an "on" phrase (or a bare day) gives a noun of the clause's object, for a clause with no time
    of its own.

    "announced a limited recall on Jan. 13": the parser hangs the day on "recall", but a news
    clause names its day after its object, so the day is the announcing's. Only a day ("on"
    and a value to the day) and never a noun of the subject ("the attack on Monday killed").
    With ``resolved`` false, a day the text names without a calendar value ("last Tuesday" where
    nothing anchors it) gives the clause its time and no date.
    """
    for tok, time in own_times(ctx, verb):
        if time.role == "publication":
            continue
        if not (RE_DAY_VALUE.match(time.value or "") if resolved else _unresolved(time)):
            continue
        root = time_root(ctx, time)
        if root is None or root.i != tok.i:
            continue
        if root.dep_ == "pobj" and root.head.lower_ in DAY_PREPS:
            noun = root.head.head
        elif root.dep_ in BARE_DAY_DEPS:  # "offered a view of the race Friday": a bare day, no "on"
            noun = root.head
        else:
            continue
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i == verb.i:
            continue
        path = [noun, *noun.ancestors]
        below = path[: next((k for k, a in enumerate(path) if a.i == verb.i), len(path))]
        if len(below) == len(path) or any(a.dep_ in NOMINAL_SUBJECT_DEPS for a in below):
            continue
        value = date_value(time)
        if value is not None:
            return Dating(time.id, value, "clause")
        if not resolved:
            return Dating(time.id, None, None)
    return None


def _unclaimed_dating(ctx: DocContext, verb: Token, *, resolved: bool = True) -> Dating | None:
    """A time among the clause's own words that no clause claims, for a clause with no time of its own.

    The parser hangs a clause's time on the nearest noun: "pinpointed the plant as the source of the
    outbreak on Jan. 9" (on "outbreak", itself parsed as a clause), "had received 91,000 IOUs worth
    $354m as of the end of Thursday" (under "worth"), "the poll was conducted May 15-19 of 1,000
    voters" (on "voters"). When such a time is in the clause's words (its noun-headed "clauses"
    included, its subject left out) and no verb of the sentence takes it (``attached_clause`` gives
    none), it is the clause's: in a temporal prepositional phrase (``UNCLAIMED_PREPS``), as a
    bare day or time ("Friday", "last month"), or right after the verb (``_time_after_verb``). A time
    that describes its noun from before it ("the 2019 primary", "Wednesday's ruling") or by "of"
    ("the floods of the 1990s") dates the noun and is left alone, and so is a time in the object of
    a clause in the simple present, which says how things are, not when they happened ("turrets that
    evoke the building's heyday in the early 20th century", "forecasts growth of 5% in 2005").
    With ``resolved`` false, only a time without a calendar value is taken ("yesterday" in a text
    with nothing to anchor it): the clause's time, no date.
    """
    if verb.tag_ in PRESENT_TAGS and not any(c.dep_ in ("aux", "auxpass") for c in kids(verb)):
        return None
    following = _time_after_verb(ctx, verb, resolved=resolved)
    if following is not None:
        return following
    for tok, time in _clause_word_times(ctx, verb):
        if time.role == "publication":
            continue
        root = time_root(ctx, time)
        if root is None or root.i != tok.i or attached_clause(ctx, time) is not None:
            continue
        value = date_value(time)
        if (value is None if resolved else not _unresolved(time)) or not _hangs_on_clause(root):
            continue
        path = [root, *root.ancestors]
        below = path[: next((k for k, a in enumerate(path) if a.i == verb.i), len(path))]
        if len(below) == len(path) or any(a.dep_ in NOMINAL_SUBJECT_DEPS for a in below):
            continue  # not under the verb, or inside its subject ("the attack on Monday killed")
        return Dating(time.id, value, "sentence" if value is not None else None)
    return None


def _clause_word_times(ctx: DocContext, verb: Token) -> list[tuple[Token, TimeExpression]]:
    """The tokens of ``_clause_words`` that a time covers, each with its time, in that order.

    Why: ``_unclaimed_dating`` runs twice per undated clause (resolved, then not) and asks every
    word's time; kept per document, and no walk at all in a text without times.
    """
    return _timed_tokens(ctx, ctx.clause_word_times_cache, verb, _clause_words)


def _clause_words(ctx: DocContext, verb: Token) -> list[Token]:
    """``verb``'s own tokens and those of the "clauses" under it the parser made of a noun."""
    out = list(_own_tokens(ctx, verb))
    stack = [c for t in out for c in kids(t) if c.dep_ in NOUN_ADVCL_DEPS and c.pos_ in NOUN_CLAUSE_POS]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in kids(tok) if c.dep not in _SUBCLAUSE_IDS)
    return out


def _hangs_on_clause(root: Token) -> bool:
    """Whether a time hung on a noun reads as the clause's: in a temporal phrase or a bare time."""
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "of" and prep.head.lower_ == "as":  # "as of the end of Thursday"
            return True
        return _is_preposition(prep) and prep.lower_ in UNCLAIMED_PREPS
    return root.dep_ in BARE_DAY_DEPS


def _time_after_verb(ctx: DocContext, verb: Token, *, resolved: bool = True) -> Dating | None:
    """A time written right after the verb (its particles skipped) that no clause claims: the verb's.

    "The poll was conducted May 15-19 of 1,000 voters": the parser made "May" a modifier of
    "voters" (even the subject of a clause it found after them); a time right after its verb is
    that verb's, unless it describes the noun it opens ("won the 2019 primary" has "the" between,
    "saw 2019 sales" hangs it as a compound, "Wednesday's ruling" as a possessor).
    """
    after = verb.i + 1
    tokens = ctx.tokens
    while after < len(tokens) and tokens[after].dep_ == "prt" and tokens[after].head.i == verb.i:
        after += 1
    if after >= len(tokens):
        return None
    time = ctx.times_by_token.get(after)
    bounds = ctx.time_tokens.get(time.id) if time is not None else None
    if time is None or bounds is None or bounds[0] != after or time.role == "publication":
        return None
    root = time_root(ctx, time)
    if root is None or root.dep_ in NOUN_DESCRIBING_DEPS or attached_clause(ctx, time) is not None:
        return None
    value = date_value(time)
    if not resolved:
        return Dating(time.id, None, None) if _unresolved(time) else None
    return Dating(time.id, value, "sentence") if value is not None else None


# -- embedded posts ------------------------------------------------------------


def _post_signature(ctx: DocContext, char: int) -> TimeExpression | None:
    """The dated signature of the embedded post whose words hold character ``char``, if any.

    A post (a tweet) is signed "— Jane Roe (@jroe) May 4, 2017": the date it was posted, said in
    the text, is the date of what it reports when its words give none.
    """
    if ctx.post_dates is None:
        ctx.post_dates = _post_dates(ctx)
    for start, end, time in ctx.post_dates:
        if start <= char < end:
            return time
    return None


def _post_dates(ctx: DocContext) -> list[tuple[int, int, TimeExpression]]:
    """Per embedded post of a social source: its words' character span and the full date of its signature."""
    times = sorted({t.id: t for t in ctx.times_by_token.values()}.values(), key=lambda t: t.start)
    out = []
    for attr in ctx.attributions:
        source = ctx.sources.get(attr.source or "")
        if source is None or source.handle is None or attr.cue is None:
            continue
        signed = [t for t in times if attr.cue.start <= t.start < attr.cue.end and t.role != "publication"
                  and RE_DAY_VALUE.match(t.value or "")]
        if signed:
            out.append((attr.content.start, attr.content.end, signed[-1]))
    return out


def _year_from_posts(ctx: DocContext, time: TimeExpression) -> Dating | None:
    """A year counted from an unknown "now" ("this year", "last year") on a page that embeds dated posts.

    The time stage keeps such a year relative when the page has no publication date; a page is
    written after the posts it embeds, and a year back from the latest of them is the same year
    unless the page is a year or more older than that, so only years are read so, never days.
    """
    if not RE_YEAR_OFFSET.match(time.value or ""):
        return None
    if ctx.post_dates is None:
        ctx.post_dates = _post_dates(ctx)
    if not ctx.post_dates:
        return None
    latest = max((post for _s, _e, post in ctx.post_dates), key=lambda t: t.value or "")
    _, value, _ = normalize(time.text, date.fromisoformat((latest.value or "")[:10]))
    if value is None or not RE_YEAR_VALUE.match(value):
        return None
    return Dating(time.id, value, "context")


def _post_anchored(ctx: DocContext, time: TimeExpression, verb: Token) -> Dating | None:
    """A relative time inside a post ("on Monday"), read from the post's own date (the text's anchor)."""
    if not RE_RELATIVE_VALUE.match(time.value or ""):
        return None
    post = _post_signature(ctx, time.start)
    if post is None:
        return None
    anchor = date.fromisoformat((post.value or "")[:10])
    tense = "past" if verb.tag_ in PAST_TAGS else ("future" if verb.tag_ in ("VB", "VBG") else None)
    _, value, _ = normalize(time.text, anchor, tense)
    if value is None or not RE_DATE_VALUE.match(value):
        return None
    return Dating(time.id, value, "context")


def _clause_dating(ctx: DocContext, verb: Token, depth: int = 0) -> Dating | None:
    times = clause_times(ctx, verb)
    if not times:
        times = [t for c in kids(verb) if c.dep_ in PHASE_DEPS and c.lemma_.lower() in PHASE_LEMMAS
                 and c.tag_ == "VBG" and not any(k.dep_ in NOMINAL_SUBJECT_DEPS for k in kids(c))
                 for t in clause_times(ctx, c)]
    if times:
        for time in times:
            value = date_value(time)
            if value is not None:
                return Dating(time.id, value, "clause")
        for time in times:
            anchored = _post_anchored(ctx, time, verb) or _year_from_posts(ctx, time)
            if anchored is not None:
                return anchored
        return Dating(times[0].id, None, None)  # a duration or unresolved time: no date, no guessing
    if depth >= MAX_DEPTH:
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in VERBAL_POS:
        return _clause_dating(ctx, head, depth + 1)
    if _accompanying_participle(verb):  # "arrived on 26 May, bringing arms": at the arrival
        return _clause_dating(ctx, head, depth + 1)
    if verb.dep_ == "xcomp" and head.i != verb.i:  # "prompted the decision last week to sell"
        return _clause_dating(ctx, head, depth + 1) or _noun_dating(ctx, head)
    if verb.dep_ in NOUN_CLAUSE_DEPS and head.pos_ == "NOUN":
        return _noun_dating(ctx, head.head if head.head.pos_ in VERBAL_POS else head)
    return None


def _accompanying_participle(verb: Token) -> bool:
    """A present participle that goes with its clause ("won the seat in 2010, holding a majority").

    It has no subject and no subordinator of its own ("after", "before" would set it at
    another time), so it happens when the clause it hangs on does.
    """
    return (
        verb.dep_ == "advcl"
        and (verb.tag_ == "VBG" or _purpose_infinitive(verb))
        and verb.head.i != verb.i
        and verb.head.pos_ in VERBAL_POS
        and not any(
            c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in ANCHOR_MARKS)
            for c in kids(verb)
        )
    )


def _purpose_infinitive(verb: Token) -> bool:
    """``flew to Paris on Monday to meet the president``: a "to" infinitive of purpose, done on the same occasion."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def _noun_dating(ctx: DocContext, gov: Token) -> Dating | None:
    """Times that date an event noun object of ``gov`` ("the decision last week")."""
    for tok in gov.subtree:
        time = ctx.time_at(tok)
        if time is None:
            continue
        clause = attached_clause(ctx, time)
        if clause is not None and clause.pos_ == "NOUN" and clause.head is gov:
            value = date_value(time)
            return Dating(time.id, value, "clause" if value else None)
    return None


def _context_dating(ctx: DocContext, verb: Token, sent: Span) -> Dating | None:
    when = _when_clause_dating(ctx, verb)
    if when is not None:
        return when
    # "soon after she arrived ...": the anchor clause's own date.
    for c in kids(verb):
        if c.dep_ == "advcl" and any(m.dep_ in ANCHOR_MARK_DEPS and m.lower_ in ANCHOR_MARKS for m in kids(c)):
            anchored = _clause_dating(ctx, c, MAX_DEPTH)
            if anchored is not None and anchored.date is not None:
                return Dating(anchored.time, anchored.date, "context")
        # "after meeting allies in Scotland last month, Gates signaled ...": a gerund under the anchor word.
        if c.dep_ == "prep" and c.lower_ in ANCHOR_MARKS:
            for g in (k for k in kids(c) if k.dep_ == "pcomp" and k.tag_ == "VBG"):
                anchored = _clause_dating(ctx, g, MAX_DEPTH)
                if anchored is not None and anchored.date is not None:
                    return Dating(anchored.time, anchored.date, "context")
    # "his February address, in which he urged ...": the date of the occasion the clause is inside.
    framed = _frame_relative_dating(ctx, verb)
    if framed is not None:
        return framed
    # "during the runoff": the date the text gave that runoff before.
    for prep in (c for c in kids(verb) if c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS):
        for noun in (c for c in kids(prep) if c.dep_ == "pobj"):
            family = EVENT_NOUN_FAMILIES.get(noun.lemma_.lower())
            definite = any(c.dep_ in DETERMINER_DEPS and c.lower_ not in ("a", "an") for c in kids(noun))
            if family is None or not definite or any(ctx.time_at(t) for t in noun.subtree):
                continue
            found = _earlier_dated_noun(ctx, family, sent, noun.i)
            if found is not None:
                return Dating(found.id, date_value(found), "context")
    return None


def _when_clause_dating(ctx: DocContext, verb: Token) -> Dating | None:
    """A "when" clause with no time of its own happens at the time of the clause it hangs on.

    "They play the final tomorrow when they face Lyon", "was taken to hospital on 8 May, when she
    was treated for ...": "when" says the two happen together, so the head clause's own time (not
    one it borrows from context) is the "when" clause's too; ``time`` without ``date`` if that
    time has no calendar value.
    """
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        # "at the cup earlier in the year where they beat X", "in May, when they agreed": the parser hangs
        # the relative clause on the time itself, which is then the clause's time.
        time = ctx.time_at(verb.head)
        if time is None or time.role == "publication" or time.type in ("DURATION", "SET"):
            return None
        if not any(c.dep_ == "advmod" and c.lower_ in OCCASION_RELATIVES and c.i < verb.i for c in kids(verb)):
            return None
        value = date_value(time)
        return Dating(time.id, value, "context" if value else None)
    if verb.dep_ != "advcl" or verb.head.i == verb.i or verb.head.pos_ not in VERBAL_POS:
        return None
    if not any(c.dep_ in ANCHOR_MARK_DEPS and c.lower_ == "when" and c.i < verb.i for c in kids(verb)):
        return None
    head = _clause_dating(ctx, verb.head, MAX_DEPTH)
    if head is None or head.time is None or _state_start(ctx, head.time):
        return None  # "has been hospitalised since 2011, ... when he was treated": not since 2011
    return Dating(head.time, head.date, "context" if head.date else None)


def _state_start(ctx: DocContext, time_id: str) -> bool:
    """Whether the time opens a state ("since 2011"): a start, not the moment of anything."""
    bounds = ctx.time_tokens.get(time_id)
    if bounds is None:
        return False
    return ctx.doc[bounds[0] : bounds[1]].root.head.lower_ in STATE_START_PREPS


def _frame_relative_dating(ctx: DocContext, verb: Token) -> Dating | None:
    """The date of the occasion an "in which" clause is inside: the relative's noun's, or its clause's.

    The parser hangs "in which" clauses on the noun ("the address, in which he urged") or, after a
    comma, on the clause the noun is in; either way the occasion's date dates what happened in it.
    """
    for prep in (c for c in kids(verb) if c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS):
        if not any(c.dep_ == "pobj" and c.lower_ in FRAME_RELATIVES for c in kids(prep)):
            continue
        head = verb.head
        if head.i == verb.i:
            return None
        dating = _noun_frame_dating(ctx, head) if head.pos_ in FRAME_NOUN_POS else None
        if dating is None and head.pos_ in FRAME_NOUN_POS and head.head.pos_ in VERBAL_POS:
            dating = _clause_dating(ctx, head.head, MAX_DEPTH)
        if dating is None and head.pos_ in VERBAL_POS:
            dating = _clause_dating(ctx, head, MAX_DEPTH)
        if dating is not None and dating.date is not None:
            return Dating(dating.time, dating.date, "context")
        return None
    return None


def _noun_frame_dating(ctx: DocContext, noun: Token) -> Dating | None:
    """A time that modifies ``noun`` itself ("the April hearing", "the meeting last week")."""
    for tok in noun.subtree:
        time = ctx.time_at(tok)
        if time is None:
            continue
        root = time_root(ctx, time)
        if root is not None and root.head.i == noun.i and root.dep_ in TIME_MODIFIER_DEPS:
            value = date_value(time)
            if value is not None:
                return Dating(time.id, value, "context")
    return None


def _earlier_dated_noun(ctx: DocContext, family: str, sent: Span, before: int) -> TimeExpression | None:
    """The latest time before token ``before`` that dates a noun of the same ``family``."""
    bounds = [b for b in ctx.sent_bounds if b[0] <= sent.start]
    window_start = bounds[-(CONTEXT_SENTENCES + 1)][0] if len(bounds) > CONTEXT_SENTENCES else 0
    best: TimeExpression | None = None
    for time in sorted(ctx.times_by_token.values(), key=lambda t: t.start):
        tokens = ctx.time_tokens.get(time.id)
        if tokens is None or not (window_start <= tokens[0] < before) or date_value(time) is None:
            continue
        root = time_root(ctx, time)
        if root is not None and EVENT_NOUN_FAMILIES.get(root.head.lemma_.lower()) == family:
            best = time
    return best


def _sentence_dating(ctx: DocContext, verb: Token, sent: Span) -> Dating | None:
    """The one calendar date the sentence gives a clause that frames ``verb``.

    A clause frames the event when the event is embedded in it ("in 2019, she found
    she had lost ..."), or when it describes the event's subject or object ("X, who
    was in Lyon on Friday, signed ..."). A date of a clause embedded under
    the event, or of a sibling clause, is not the event's, and neither is the date
    of a reporting verb ("in 2019, she said she had seen ...": 2019 dates the saying).
    """
    arguments = {c.i for c in kids(verb) if c.dep_ in ARGUMENT_DEPS}
    ancestors = {a.i for a in verb.ancestors}
    dated: dict[str, TimeExpression] = {}
    for i in ctx.between(ctx.time_positions, sent.start, sent.end):  # only the sentence's time tokens
        time = ctx.times_by_token[i]
        value = date_value(time)
        clause = attached_clause(ctx, time)
        if value is None or clause is None or clause.pos_ not in VERBAL_POS:
            continue
        if clause.lemma_.lower() in REPORTING_VERBS:
            continue  # "police said on Monday ...": the date of the statement, not of what it reports
        root = time_root(ctx, time)
        if root is not None and root.dep_ == "pobj" and root.head.lower_ in STATE_START_PREPS:
            continue  # "the officer, who has been employed since July 2014": a state's start, no occasion
        if clause.i in ancestors or any(a.i in arguments for a in clause.ancestors):
            dated.setdefault(value, time)
    if len(dated) != 1:
        return None
    value, time = next(iter(dated.items()))
    return Dating(time.id, value, "sentence")


# -- fiscal periods ------------------------------------------------------------


def fiscal_dating(ctx: DocContext, verb: Token) -> Dating | None:
    """The calendar period of a fiscal period the clause is framed in, resolved from the date the period ended.

    The period noun hangs off a framing preposition of the verb or of one of its
    own nouns ("rose in the quarter ended ...", "a profit for the three months to
    December"); the end is a time under its "ended"/"ending" modifier or its
    "to"/"through" phrase. Companies report by periods that need not match the
    calendar, so the period is dated by the calendar unit holding most of it.
    """
    found = _fiscal_period(ctx, verb)
    return found[0] if found is not None else None


def _fiscal_period(ctx: DocContext, verb: Token) -> tuple[Dating, Token] | None:
    """The dating ``fiscal_dating`` gives, with the period noun it comes from."""
    bounds = ctx.clause_bounds(verb)
    if bounds is not None and not ctx.between(_period_nouns(ctx), *bounds):
        return None  # no period noun in the sentence that holds every word under the verb: no walk
    for tok in _own_tokens(ctx, verb):
        if tok.dep_ != "pobj" or tok.head.lower_ not in FISCAL_FRAME_PREPS:
            continue
        months = _period_months(tok)
        if months is None:
            continue
        for end in _period_ends(ctx, tok):
            value = calendar_period(end, months, early=_said_early(ctx, end))
            if value is not None:
                return Dating(end.id, value, "clause"), tok
    return None


_POBJ = get_string_id("pobj")


def _period_nouns(ctx: DocContext) -> list[int]:
    """The positions of the prepositional objects whose lowercase lemma ``_period_months`` can read ("quarter",
    "month"), from one array pass per document: the tokens ``_fiscal_period`` can start from."""
    if ctx.period_nouns is None:
        doc = ctx.doc
        columns = doc.to_array([DEP, LEMMA]).reshape(len(doc), 2) if len(doc) else numpy.zeros((0, 2), numpy.uint64)
        strings = doc.vocab.strings
        wanted = {*FISCAL_PERIOD_MONTHS, "month"}
        objects = numpy.flatnonzero(columns[:, 0] == _POBJ).tolist()  # a few per sentence: read one by one
        lemmas = columns[:, 1].tolist()
        ctx.period_nouns = [i for i in objects if lemmas[i] in strings and strings[lemmas[i]].lower() in wanted]
    return ctx.period_nouns


def _period_months(noun: Token) -> int | None:
    """How many months a period noun spans: "quarter" 3, "the six months" 6; None for another noun."""
    lemma = noun.lemma_.lower()
    if lemma in FISCAL_PERIOD_MONTHS:
        return FISCAL_PERIOD_MONTHS[lemma]
    if lemma == "month":
        for c in kids(noun):
            if c.dep_ == "nummod" and c.lower_ in FISCAL_MONTH_COUNTS:
                return FISCAL_MONTH_COUNTS[c.lower_]
    return None


def _period_ends(ctx: DocContext, noun: Token) -> list[TimeExpression]:
    """The times under the noun's "ended ..." modifier or its "to ..." phrase, in text order."""
    found: list[TimeExpression] = []
    ties = [c for c in kids(noun) if (c.dep_ in ("acl", "relcl") and c.lemma_.lower() in FISCAL_END_LEMMAS)
            or (c.dep_ == "prep" and c.lower_ in FISCAL_END_PREPS)]
    # "fell in the three months to December": the parser often hangs "to December" on the verb, right after.
    after = noun.right_edge.i + 1
    if after < len(noun.doc):
        nxt = noun.doc[after]
        if nxt.dep_ == "prep" and nxt.lower_ in FISCAL_END_PREPS and nxt.head.i == noun.head.head.i:
            ties.append(nxt)
    for c in ties:
        for tok in c.subtree:
            time = ctx.time_at(tok)
            if time is not None and time not in found and time.role != "publication":
                found.append(time)
    return found


def _said_early(ctx: DocContext, time: TimeExpression) -> bool:
    """Whether the end is the start of its month: "early March", a START modifier, or "early" just before it."""
    if time.mod == "START" or any(w in EARLY_WORDS for w in time.text.lower().split()):
        return True
    bounds = ctx.time_tokens.get(time.id)
    return bool(bounds and bounds[0] > 0 and ctx.doc[bounds[0] - 1].lower_ in EARLY_WORDS)


def calendar_period(end: TimeExpression, months: int, *, early: bool = False) -> str | None:
    """The TIMEX3 quarter, half or year that holds most of the ``months`` ending at ``end``, or None.

    >>> from newsgraph.record import TimeExpression as T
    >>> calendar_period(T(id="t1", start=0, end=5, text="March", type="DATE", value="2005-03"), 3, early=True)
    '2005-Q1'
    """
    if months not in CALENDAR_UNITS or end.type != "DATE":
        return None
    match = RE_MONTH_VALUE.match(end.value or "")
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    last = year * 12 + month - 1  # months counted from year 0, the period's last month
    if early or (day is not None and day <= EARLY_END_DAY):
        last -= 1
    unit_months, letter = CALENDAR_UNITS[months]
    units: Counter[tuple[int, int]] = Counter()
    for k in range(months):
        y, m = divmod(last - k, 12)
        units[(y, m // unit_months + 1)] += 1
    (y, n), count = units.most_common(1)[0]
    if count * 2 <= months:
        return None  # as much in one unit as in another: no calendar period is this one
    return f"{y:04d}" if not letter else f"{y:04d}-{letter}{n}"
