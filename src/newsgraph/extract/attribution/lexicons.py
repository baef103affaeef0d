"""Word lists and patterns of the attribution stage, in one place so they can be extended.

Cue verbs follow the reporting-verb inventories used for PARC/PolNeAR
(Pareti 2016; Newell et al. 2018): speech verbs, writing and publishing verbs,
and cognition verbs that take a clause ("believe that ..."). Lemmas, lower case.
"""

from __future__ import annotations

import re

from newsgraph.vocab.calendar import MONTHS
from newsgraph.vocab.epithets import AGE_EPITHET_RE as AGE_EPITHET_RE
from newsgraph.vocab.epithets import ENTERTAINER_NOUNS as _ENTERTAINER_NOUNS
from newsgraph.vocab.epithets import EPITHET_NOUNS as EPITHET_NOUNS
from newsgraph.vocab.names import (  # NAME_ABBREVIATIONS re-exported: the stage reads its lists here
    NAME_ABBREVIATIONS,  # noqa: F401
    TITLE_ABBREVIATIONS,
    UNDOTTED_TITLE_ABBREVIATIONS,
)
from newsgraph.vocab.numbers import COUNT_WORDS
from newsgraph.vocab.parse import DETERMINER_DEPS, NOMINAL_SUBJECT_DEPS, NOUN_CLAUSE_DEPS
from newsgraph.vocab.parse import OBJECT_DEPS as VERB_OBJECTS

# the stage reads its lists here; the entity stage's speaker rules share these three
from newsgraph.vocab.speech import CHANNEL_NOUNS as CHANNEL_NOUNS
from newsgraph.vocab.speech import CUE_NOUN_VERBS as CUE_NOUN_VERBS
from newsgraph.vocab.speech import CUE_NOUNS as CUE_NOUNS


def words(text: str) -> frozenset[str]:
    """A word list written as one string, split on whitespace."""
    return frozenset(text.split())


#: Phrasal verbs that report speech with their particle ("pointed out that", "spelled out"): the verb
#: alone reports nothing ("pointed at the map").
PHRASAL_CUE_VERBS: frozenset[tuple[str, str]] = frozenset(
    {("point", "out"), ("spell", "out"), ("weigh", "in"), ("chime", "in"), ("speak", "out"),
     ("fire", "back"), ("shoot", "back")}
)
#: Verbs that report speech, writing or belief when they take a clause or a quote.
CUE_VERBS: frozenset[str] = words("""
    say tell add write report reveal announce claim state argue insist explain note warn
    acknowledge admit deny suggest predict believe think know recall recount confirm assert
    declare contend maintain allege charge complain boast concede emphasize emphasise stress
    reply respond answer counter retort remark observe mention testify tweet post blog
    disclose indicate signal hint caution reiterate repeat affirm aver vow promise pledge
    threaten agree disagree estimate conclude find show demonstrate acknowledge ask urge
    question wonder fear worry hope expect feel doubt suspect understand assume learn
    realize realise recognize recognise guarantee assure inform notify advise brief
    announce proclaim joke quip muse lament scoff sneer shout yell whisper cry exclaim
    describe call dub label term brand characterize characterise praise criticize
    criticise accuse blame applaud welcome hail condemn denounce dismiss mock ridicule slam
    reason summarize summarise thank
    """)

#: Cue verbs of belief and expectation, not of speech: a quote under one that a speech verb reports
#: ("X said shops were expecting the 'best Christmas ever'") holds the reporter's words.
BELIEF_CUE_VERBS: frozenset[str] = words(
    "believe think know expect hope fear worry feel doubt suspect understand assume wonder estimate predict")

#: Cue verbs that report speech only with a clause or a quote, never on their own
#: (so "the mayor called the plan ..." is a cue only for a quoted fragment).
FRAGMENT_ONLY_VERBS: frozenset[str] = words(
    "describe call dub label term brand characterize characterise praise criticize criticise accuse blame applaud "
    "welcome hail condemn denounce dismiss mock ridicule slam summarize summarise thank"
)

#: Verbs whose infinitive complement is reported speech for a quoted fragment ("pledged to cut the 'red tape'").
XCOMP_CUE_VERBS: frozenset[str] = words("vow promise pledge threaten agree urge ask")

#: Complements that are no content: "refused to comment", "agreed to respond".
NOT_CONTENT_VERBS: frozenset[str] = words("comment respond elaborate speak discuss answer be")

#: Verbs that mark publication: a news organisation that "reported" or "revealed" is a media source.
PUBLISHING_VERBS: frozenset[str] = words("report reveal publish disclose break air broadcast")

#: Adverbs kept in the cue when they stand right before the verb ("previously reported").
CUE_ADVERBS: frozenset[str] = words("first initially originally previously earlier later also")

#: Nouns naming a statement-like document: "in a statement", "a court filing said".
DOCUMENT_NOUNS: frozenset[str] = words("""
    statement report filing document memo memorandum letter study survey poll lawsuit complaint
    indictment record records email e-mail affidavit transcript release press-release analysis
    audit review ruling opinion brief motion testimony proposal budget
    book article column editorial essay op-ed paper audit assessment estimate data figures
    """)

#: Objects of "according to" that name a standard, not a source ("according to plan").
NOT_SOURCE_NOUNS: frozenset[str] = words(
    "plan plans schedule script tradition custom rule rules law laws form design expectation expectations "
    "type kind size taste need needs instruction instructions protocol procedure"
)

#: Nouns naming social-media posts.
SOCIAL_NOUNS: frozenset[str] = words("tweet tweets post posts retweet video message messages")

#: Platforms that make a channel social ("on Twitter", "a Facebook post").
SOCIAL_PLATFORMS: frozenset[str] = words("twitter facebook instagram youtube tiktok truth reddit x")

#: Head nouns of unnamed (anonymous) human sources: "three aides", "officials", "a source".
ANONYMOUS_NOUNS: frozenset[str] = words("""
    people person official officials source sources aide aides adviser advisers advisor advisors
    individual individuals staffer staffers insider insiders someone associate associates
    confidant confidants ally allies diplomat diplomats lawmaker lawmakers officer officers
    executive executives employee employees member members friend friends witness witnesses
    investigator investigators operative operatives strategist strategists donor donors
    """)

#: Nouns that name a person by role; unnamed they make a person source, not an anonymous one.
ROLE_NOUNS: frozenset[str] = words("""
    spokesman spokeswoman spokesperson representative lawyer attorney secretary minister
    president senator governor mayor director chairman chairwoman chair chief ceo
    editor reporter writer journalist columnist correspondent commentator anchor host author
    analyst economist expert scientist researcher professor scholar historian critic
    judge justice prosecutor detective sheriff commissioner superintendent chancellor
    candidate nominee leader manager owner founder chairperson treasurer ambassador envoy
    congressman congresswoman legislator councilman councilwoman activist organizer doctor
    physician nurse teacher coach pastor priest bishop general colonel captain sergeant
    """)

#: Other common nouns that name a person (gender reads a subject with one as the nearest person
#: before a pronoun: "one dealer ... told Reuters. ... he said" is not the earlier source's "he").
OTHER_PERSON_NOUNS: frozenset[str] = words("""
    dealer trader broker banker resident neighbour neighbor voter parent student worker farmer
    driver passenger victim survivor fan customer shopper patient player
    """)

#: Common nouns that make a source an organisation (not media): "the agency declined to comment".
ORG_NOUNS: frozenset[str] = words("""
    agency company firm corporation department ministry office bureau administration government
    committee commission council board campaign party union group organization organisation
    association institute foundation university college school hospital court police army
    bank charity coalition authority regulator regulators team club
    """)

#: Words before an organisation noun that make it a news organisation ("a news agency").
MEDIA_MODIFIERS: frozenset[str] = words("news wire press")

#: Common nouns that make a source a news organisation.
MEDIA_NOUNS: frozenset[str] = words(
    "newspaper paper network outlet outlets magazine broadcaster station wire tabloid website"
)

#: Federal law-enforcement agencies: the body itself speaking ("the FBI said") is the police (``security``),
#: while a title of it ("FBI Director X", "an ATF official") stays the title's role.
POLICE_AGENCIES: frozenset[str] = words("fbi atf dea")

#: Nouns for a news organisation or a programme, read before a name with no role word of its own: "the celebrity
#: news channel X", "the tabloid X", "the "X" host" (``roles._outlet_by_use``).
OUTLET_NOUNS: frozenset[str] = MEDIA_NOUNS | words("channel show programme program podcast")

#: Verbs whose object is told things: a name an unnamed source "told" is, in news English, an outlet ("a source
#: told X", ``roles._outlet_by_use``).
TOLD_VERBS: frozenset[str] = words("tell")

#: Well-known news organisations and typical words in their names.
MEDIA_NAME_RE = re.compile(
    r"\b(?:News|Post|Times|Journal|Tribune|Herald|Gazette|Chronicle|Magazine|Press|Radio|Television|TV|"
    r"Network|Broadcasting|Newsweek|Reuters|Bloomberg|Politico|Axios|Breitbart|BuzzFeed|HuffPost|"
    r"Huffington|CNN|MSNBC|CNBC|NBC|CBS|ABC|Fox|BBC|NPR|PBS|AP|AFP|Telegraph|Guardian|Economist|"
    r"Atlantic|Slate|Vox|Politifact|Daily|Weekly|Observer|Independent|Mirror|Sun|Standard|Wire|Insider|"
    r"Intercept|ProPublica|Al Jazeera|Le Monde|Der Spiegel|Spiegel)\b"
)

#: Number words for anonymous-source counts: the common counts, and "a single official".
NUMBER_WORDS: dict[str, int] = COUNT_WORDS | {"single": 1}

#: Determiners of a definite, anaphoric description ("the aides", "these officials").
ANAPHORIC_DETERMINERS: frozenset[str] = words("the these those such")

#: Pronouns a later reference may use, by the kind of source they can refer to.
PLURAL_PRONOUNS: frozenset[str] = words("they them")
PERSON_PRONOUNS: frozenset[str] = words("he she him her")
THING_PRONOUNS: frozenset[str] = words("it")
#: Every pronoun that can stand for a speaker (first and second person included).
SPEAKER_PRONOUNS: frozenset[str] = PLURAL_PRONOUNS | PERSON_PRONOUNS | words("i me we us you")
#: First-person pronouns: the speaker of the quotation they stand in, never a source of their own.
FIRST_PERSON_PRONOUNS: frozenset[str] = words("i me we us")
# Possessives and the pronoun each stands for: POSSESSIVE_PRONOUNS in newsgraph.vocab.pronouns.

#: Small words a title-cased quote may leave in lower case ("Meet the Press", "Fire and Fury").
TITLE_SMALL_WORDS: frozenset[str] = words("a an the and or of in on at to for with by from vs")
#: A quote of at most this many words, all capitalised, is taken for a title, not speech.
MAX_TITLE_WORDS = 6
#: A headline attribution "Name: claim" has at most this many words before the colon.
MAX_HEADLINE_SOURCE_WORDS = 5

#: Adjectives that attach an affiliation to an anonymous source: "close to X", "familiar with X".
AFFILIATION_ADJECTIVES: frozenset[str] = words("close familiar")

#: Prepositions that attach an affiliation: "officials at the department", "a source in the campaign".
AFFILIATION_PREPOSITIONS: frozenset[str] = words("at in from with within inside for of")

#: Compound or adjective modifiers that rank rather than affiliate ("senior officials").
RANK_WORDS: frozenset[str] = words(
    "senior junior top high-ranking former current other several many some few two three"
)

#: "declined to comment" and its variants: the verb lemmas and the phrases after them.
DECLINE_RE = re.compile(
    r"\b(?:declined|refused|declines|refuses|decline|refuse)\s+(?:to\s+(?:comment|respond|discuss|elaborate|answer|"
    r"speak)|(?:immediate\s+)?comment)"
    r"|\b(?:did|does|do)\s+not\s+(?:immediately\s+)?(?:respond|reply|return)\b"
    r"|\b(?:could|can|would)\s+not\s+(?:immediately\s+)?(?:be\s+reached|comment)\b"
    r"|\b(?:could|can)n[o’']t\s+(?:immediately\s+)?be\s+reached\b"
    r"|\b(?:didn|doesn|don|wouldn)[’']t\s+(?:immediately\s+)?(?:respond|reply|return|comment)\b"
    r"|\bhad\s+no\s+(?:immediate\s+)?comment\b"
    r"|\bwas\s+not\s+(?:immediately\s+)?available\s+for\s+comment\b"
    r"|\bunavailable\s+for\s+comment\b",
    re.IGNORECASE,
)

#: The reason given for anonymity: "anonymity to discuss the talks", "because they were not authorized ...".
ANONYMITY_RE = re.compile(
    r"\b(?:anonymity|anonymously|condition\s+of\s+anonymity|not\s+be\s+(?:named|identified))\b", re.IGNORECASE
)
REASON_RE = re.compile(
    r"\b(?:anonymity|anonymously|named|identified)\b[^.;]*?\b((?:to|because|since|as)\s+[^.;,]+(?:,\s*which\s[^.;]+)?)",
    re.IGNORECASE,
)

#: Opening and closing quotation marks. Straight marks are both; ‚‘’ single marks are left
#: out at the top level because they double as apostrophes.
OPENING_QUOTES: frozenset[str] = frozenset('“„«‹"')
CLOSING_QUOTES: frozenset[str] = frozenset('”“»›"')
#: Which closers end a quote opened by a given mark.
CLOSERS_FOR: dict[str, frozenset[str]] = {
    "“": frozenset('”“"'),  # a curly opener closed by a mis-encoded opener or a straight mark
    "„": frozenset('“”"'),
    "«": frozenset("»"),
    "‹": frozenset("›"),
    '"': frozenset('"”'),
}
ALL_QUOTE_MARKS: str = '“”„«»‹›"‘’‚'
#: Single marks the scanner pairs at the top level too (British style ‘…’, low-high ‚…‘), under
#: stricter rules than double marks: ‘ opens only after a space or bracket, ’ closes only when no
#: letter follows (so "don’t" and "rock ‘n’ roll" stay words).
SINGLE_OPENING_QUOTES: frozenset[str] = frozenset("‘‚")
SINGLE_CLOSING_QUOTES: frozenset[str] = frozenset("’‘")
SINGLE_CLOSERS_FOR: dict[str, frozenset[str]] = {
    "‘": frozenset("’"),
    "‚": frozenset("‘’"),
}
#: Two-character marks typed for a double quotation mark: two apostrophes (''…''), the
#: typewriter/TeX opener (``…''), and two curly singles (’’). Each stands for one straight mark.
DOUBLED_MARKS: tuple[str, ...] = ("``", "''", "’’", "‘‘")

#: Punctuation that ends a sentence (a quote reopened after one runs on; see ``quotes._reopened``).
SENTENCE_END_MARKS: tuple[str, ...] = (".", "!", "?")
#: Words a reopened, never-closed quote needs to count as a quote of its own (not a stray inch mark).
MIN_REOPENED_QUOTE_WORDS = 3
#: A quotation nested in straight marks inside an open quote is at most this many words ("fake").
MAX_NESTED_QUOTE_WORDS = 4
#: A quote longer than this (in characters) is treated as an unclosed mark, not a quote.
MAX_QUOTE_CHARS = 2500
#: A quote with fewer words than this needs a speaker to count (else it is a scare quote or a title).
MIN_UNATTRIBUTED_QUOTE_WORDS = 6


#: Nouns grouping channels: "in a series of tweets", "in a string of posts".
CHANNEL_GROUP_NOUNS: frozenset[str] = words("series string number flurry couple stream barrage")

#: Words that open a reported clause and are not part of its content ("said that ...", "asked whether ...").
COMPLEMENTIZERS: frozenset[str] = words("that whether if")
#: Prepositions that give whose a cue noun is: "the claim by X", "a warning from X".
SPEAKER_PREPOSITIONS: frozenset[str] = words("by from")

# -- parse labels only the attribution stage reads (the shared ones are in newsgraph.vocab.parse) --

#: Dependents that carry the reported clause ("said (that) ...").
REPORTED_CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp"})
#: Relations through which a verb shares its subject with its head ("X spoke ... and vowed"); ``acomp``
#: is a speech verb the parser took for an adjective after a dashed aside ("X - all are anonymous - wrote:").
SUBJECT_SHARING_DEPS: frozenset[str] = frozenset({"conj", "xcomp", "advcl", "acomp"})
#: Modifiers that, set off by a comma, end the noun phrase a source is named by ("Ms. Lee, who said",
#: "X, a spokeswoman"): clauses on the noun and appositives.
SET_OFF_MODIFIER_DEPS: frozenset[str] = NOUN_CLAUSE_DEPS | {"appos"}
#: The longest tag sentence between two quotes of one speaker ("…," said Jo Hart, director of … . "…").
MAX_TAG_SENTENCE_WORDS = 40
#: How a speech tag set inside a sentence hangs on it ("Essentially, he says, if you …").
PARENTHETICAL_TAG_DEPS: frozenset[str] = frozenset({"parataxis"})
#: Where an inverted tag's speaker sits when the parser took a word of the quote for the tag's subject
#: ("'A literate population,' insisted Mr Sener"): a second subject, or a name hung on the verb.
INVERTED_SPEAKER_DEPS: frozenset[str] = frozenset({"nsubj", "dobj", "npadvmod", "attr", "dep", "appos"})
#: Words of a clause that tell how it is reported: its complementizer and its "to".
CLAUSE_MARKER_DEPS: frozenset[str] = frozenset({"mark", "aux"})
#: How a that-clause hangs off a cue noun ("his claim that ..."): the parser gives either label.
NOUN_COMPLEMENT_DEPS: frozenset[str] = frozenset({"acl", "ccomp"})
#: How a participle claim hangs off a channel verb ("mocked the timetable in posts, calling it ...").
PARTICIPLE_CLAUSE_DEPS: frozenset[str] = frozenset({"advcl", "xcomp"})
#: Words stripped from the front of a source's description ("the", "its"): determiners, possessors
#: and the possessive "'s" the parser sometimes labels ``case``.
DESCRIPTION_LEAD_DEPS: frozenset[str] = DETERMINER_DEPS | {"case"}
#: Dependents that count a noun ("three aides", "both officials", "a dozen").
COUNT_DEPS: frozenset[str] = frozenset({"det", "predet", "quantmod"})
#: How a phrase attached to an anonymous source hangs below it ("aides close to the council who ..."):
#: through prepositions and their objects, modifiers and clauses on the noun.
AFFILIATION_PATH_DEPS: frozenset[str] = frozenset({"pobj", "prep", "amod", "compound", "acl"})

#: Verbs of speaking or judging that, with a channel, introduce a participle claim
#: ("mocked the timetable in two posts, calling it a fantasy").
CHANNEL_VERBS: frozenset[str] = words("""
    attack criticize criticise blast slam praise defend denounce condemn mock dismiss reject
    welcome announce respond react accuse lament applaud hail rebuke question challenge target
    lash ridicule celebrate thank congratulate blame
    """)

#: Participles that carry the claim after a channel verb: "calling it", "describing it as", "saying".
CHANNEL_PARTICIPLES: frozenset[str] = words("""
    call describe say write accuse argue add insist warn claim suggest note label dub brand term
    declare predict
    """)

# --- unstated reporting -------------------------------------------------------------

#: Passive cue verbs that report without a reporter: "X is said to ...", "it has been reported that ...".
UNSTATED_PASSIVE_VERBS: frozenset[str] = words("say report rumor rumour claim allege")
#: Adverbs that make a claim rest on unnamed reports ("the mayor reportedly quit").
UNSTATED_ADVERBS: frozenset[str] = words("reportedly")
#: Nouns that, as the bare object of "according to" (no owner, no "by"), name no one: "according to reports".
UNSTATED_REPORT_NOUNS: frozenset[str] = words("report reports rumor rumors rumour rumours")
#: Subjects of a passive cue that stand for nothing ("it has been reported that ...").
EXPLETIVE_SUBJECTS: frozenset[str] = words("it")
#: How an unstated source describes itself.
UNSTATED_DESCRIPTION = "unstated (unattributed reporting)"

# --- signed quotes -------------------------------------------------------------------

#: A dash right after a quote's closing mark, on the same line, opening its signature: "” — Jane Roe".
DASH_SIGNATURE_RE = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:—|–|--|-(?= ))[ \t]*")
#: How far after the dash the signing name may run (in characters).
MAX_SIGNATURE_CHARS = 80
#: Entity types that may sign a quote.
SIGNATURE_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# --- embedded posts ------------------------------------------------------------------

_MONTH_WORDS = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
#: The signature pages give an embedded post once its markup is gone: "— Jane Roe (@jroe) May 4, 2017".
#: The dash opens a line or follows a space; the name is a few words without brackets or dashes; the
#: handle is a platform account name (letters, digits, underscores: Twitter allows 15, others more).
POST_SIGNATURE_RE = re.compile(
    r"(?:(?<=\s)|^)(?:—|–|--)[ \t]*(?P<name>[^\s()—–@][^\n()—–@]{0,58}?)[ \t]+\((?P<handle>@\w{1,30})\)"
    rf"[ \t]+(?:{_MONTH_WORDS})\.?[ \t]+\d{{1,2}},[ \t]+\d{{4}}",
    re.MULTILINE,
)
#: A link the post ends on ("https://t.co/x1", "pic.twitter.com/x1"): the post's words stop before it.
POST_TRAILING_LINK_RE = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")
#: Words a post needs to count (a post of only a link or a handle says nothing).
MIN_POST_WORDS = 2
#: Longest a post's words may be (a tweet holds 280 characters, and a link). Longer, the paragraph holds
#: the page's own prose too (a text whose paragraph breaks were lost): the post is its last sentences
#: within the limit, or nothing when no sentence starts there.
MAX_POST_CHARS = 320
#: Where a sentence starts inside run-together text: after . ! ? … and space, before a capital, # @ or mark.
POST_SENTENCE_START_RE = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[A-Z#@\"“‘'])")

# --- transcripts -----------------------------------------------------------------------

#: A transcript's question or answer line: "Q: ...", "A: ...". The speaker is not named on the line.
#: Colon only: "A. Lincoln said" opens a line with an initial, not an answer.
TRANSCRIPT_TURN_RE = re.compile(r"^(?:Q|A):[ \t]+(?=\S)", re.MULTILINE)
#: Words a transcript turn needs to count (a lone "A: Yes." is still an answer).
MIN_TRANSCRIPT_WORDS = 1

#: A named transcript turn's label opening a line: "SCHULTZ:", "REP. MIKE PENCE: …", "BEN BERNANKE,
#: FEDERAL RESERVE CHAIRMAN:" — capitals, the name before any comma, then the colon and the turn (on the
#: line or, with the label alone on its line, in the paragraphs after it).
SPEAKER_LABEL_RE = re.compile(
    r"^(?P<name>[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,4})(?:,[ \t]*[A-Z][A-Z.,'’ \t-]{0,40})?[ \t]*:"
    r"(?=[ \t]+\S|[ \t]*$)",
    re.MULTILINE,
)
#: Labels that open lines of news pages without being anyone's turn ("BREAKING: …", "UPDATE: …"), in
#: capitals or not ("Note:", "Photo:", "Venue:", a broadcast's "Chyron:"): compared in capitals.
NOT_SPEAKER_LABELS: frozenset[str] = frozenset(w.replace("_", " ") for w in words("""
    BREAKING UPDATE UPDATED WATCH VIDEO PHOTOS PHOTO EXCLUSIVE NOTE EDITOR'S_NOTE EDITORS_NOTE RELATED
    READ READ_MORE SOURCE SOURCES WARNING CORRECTION CLARIFICATION TRANSCRIPT ADVERTISEMENT SPOILER
    ALERT LIVE ANALYSIS OPINION COMMENTARY REPORT POLL QUIZ LISTEN SEE ALSO MORE TAGS FILED SHARE
    PS P.S. TL;DR TLDR FACT CLAIM VERDICT RATING DISCLAIMER DISCLOSURE EDITORIAL UK US EU UN
    NOTES IMAGE PICTURE CAPTION CREDIT TIME DATE WHEN WHERE VENUE LOCATION PLACE ADDRESS PRICE COST
    TICKETS PHONE EMAIL WEBSITE WEB CONTACT CHYRON GRAPHIC TITLE HEADLINE SUBJECT TOPIC CATEGORY
    KEYWORDS SUMMARY BACKGROUND CONTEXT DEFINITION MEANING EXAMPLE STATUS RESULT RESULTS SCORE ISSUE
    QUESTIONS TOTAL FILE DATELINE AUTHOR BYLINE BY LIE TRUTH MYTH REALITY REPLACEMENTS SUBS
"""))
#: Labels of turns whose speaker the line does not name ("QUESTION: …" in a briefing): turns with no source.
UNNAMED_TURN_LABELS: frozenset[str] = words("QUESTION ANSWER QUESTIONER NARRATOR ANNOUNCER VOICE")
#: Labels of the interviewer's turns ("Q: …", "Interviewer: …"): the interviewer or outlet when the
#: page names one, else no source.
INTERVIEWER_LABELS: frozenset[str] = words("Q INTERVIEWER")
#: Labels of the interviewee's turns ("A: …"): the person the page says is interviewed, else no source.
INTERVIEWEE_LABELS: frozenset[str] = words("A")
#: A label in ordinary case opening a line: "Schieffer: …", "Chairman Larson: …", "Sen. McCain: …",
#: "The Economist: …" — up to five words, each capitalised with a lower-case letter (or an initial).
_LABEL_WORD = r"(?:[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*\.?|[A-Z]\.)"
MIXED_LABEL_RE = re.compile(
    rf"^(?P<name>{_LABEL_WORD}(?:[ \t]+{_LABEL_WORD}){{0,4}})[ \t]*:(?=[ \t]+\S)",
    re.MULTILINE,
)
#: "Q: …" / "A: …" / "Interviewer: …" opening a line (colon only: "Q." lines are an FAQ page's).
QA_LABEL_RE = re.compile(r"^(?P<name>Q|A|Interviewer|INTERVIEWER)[ \t]*:(?=[ \t]+\S)", re.MULTILINE)
#: A label of this many capitals and no more ("JR:", "JAR:") may be a name's initials, resolved to the
#: one name in the page with those initials.
MIN_INITIALS = 2
MAX_INITIALS = 3
#: A transcript has at least this many speakers (by the label's last word) with at least
#: ``MIN_SPEAKER_TURNS`` turns each: a conversation, not a table of labelled lines.
MIN_TRANSCRIPT_SPEAKERS = 2
MIN_SPEAKER_TURNS = 2
#: Share of a turn's letters in lower case, at least (a line all in capitals is a heading or a table).
MIN_TURN_LOWERCASE_SHARE = 0.3
#: How many paragraphs a turn whose label stands alone on its line may run over.
MAX_TURN_PARAGRAPHS = 8
#: A speaker's label, title and show included, is at most this long ('ANN LEE, HOST "THE SHOW":').
MAX_LABEL_CHARS = 80
#: On a page where more than this share of the unlabelled paragraphs between turns are questions, one
#: side of the talk has no labels ("President Trump: …", then question, answer, question unlabelled):
#: no paragraph is run on to a turn. A labelled interview's answers hold a rhetorical question now and
#: then (at most 0.16 in the development debates and interviews; 0.29 on the page whose questions
#: have no labels).
MAX_UNLABELLED_QUESTION_SHARE = 0.25

# --- documents ---------------------------------------------------------------------------

#: Documents a claim is made in ("said in a statement", "wrote in a court filing"): each becomes a
#: ``document`` source whose affiliation names its author, the claim's speaker.
DOCUMENT_CHANNEL_NOUNS: frozenset[str] = words("""
    statement release filing report letter memo memorandum complaint lawsuit affidavit motion brief
    email e-mail document transcript testimony ruling opinion
""")
#: Prepositions naming a document's author: "a report by Human Rights Watch", "a letter from the mayor".
DOCUMENT_AUTHOR_PREPOSITIONS: frozenset[str] = words("by from")

# --- who the sources are (``roles.py``, ``gender.py``) ------------------------------------

#: Party names as role words: a party's member is a politician, but an office holder has a party too
#: ("the Democrat ..., Gov. Lee" is an official), so they count for half a vote (``WEAK_ROLE_WORDS``).
PARTY_NAME_WORDS: frozenset[str] = words(
    "democrat democrats republican republicans tory tories labour conservative conservatives")
#: Role words of the attribution stage, lower case, each with the role it gives (``record.SourceRole``).
#: Looked up before the Phoenix agents dictionary (``ROLE_OF_PHOENIX_CODE``), whose codes do not split
#: roles as a sourcing study does (it files "spokesman" under MED, "chief executive" under GOV).
#: Organisation nouns are here too: "the ministry said" is an official source, "the company" a business.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(("minister", "ministers", "secretary", "secretaries", "chancellor", "president", "premier",
                     "vice-president", "governor", "governors", "mayor", "mayors",
                     "official", "officials", "ambassador", "envoy", "diplomat", "diplomats", "consul",
                     "commissioner", "administrator", "aide", "aides", "adviser", "advisers", "advisor",
                     "advisors", "bureaucrat", "mandarin", "regulator", "regulators", "ministry", "ministries",
                     "department", "government", "administration", "agency", "commission", "council",
                     "authority", "treasury", "whitehall", "cabinet", "bureau", "embassy", "office",
                     "watchdog", "white house", "downing street", "prime minister", "attorney general",
                     "secretary general", "director general", "surgeon general", "civil servant",
                     "civil servants", "central bank", "pm",
                     # federal agencies a report names by their letters ("FBI Director X")
                     "fbi", "cia", "nsa", "irs", "fda", "epa", "cdc", "dhs", "atf", "dea",
                     # central banks and the bodies of governments, which wire copy quotes daily
                     "federal reserve", "fed", "bundesbank", "reserve bank", "european central bank", "ecb",
                     "world bank", "imf", "international monetary fund", "opec", "united nations", "nato",
                     "bank of england", "bank of japan", "bank of canada", "bank of france", "bank of italy",
                     "bank of spain", "bank of korea", "bank of mexico", "bank of israel", "bank of thailand",
                     "reserve bank of india", "reserve bank of australia", "reserve bank of new zealand"),
                    "official"),
    **dict.fromkeys(("mp", "mps", "mep", "meps", "msp", "senator", "senators", "congressman", "congresswoman",
                     "congressmember", "legislator", "legislators", "lawmaker", "lawmakers", "politician",
                     "politicians", "candidate", "candidates", "nominee", "peer", "peers", "councillor",
                     "councillors", "councilman", "councilwoman", "councilor", "alderman", "assemblyman",
                     "assemblywoman", "party", "parliament", "congress", "senate", "commons", *PARTY_NAME_WORDS,
                     "lib", "ukip", "snp", "gop", "green party", "backbencher", "backbenchers",
                     "party leader", "party chairman", "opposition leader", "opposition party", "opposition parties",
                     "liberal democrat", "liberal democrats", "campaign manager", "campaign chairman",
                     "campaign chairwoman", "campaign chair", "council leader", "operative", "operatives",
                     "minority leader", "majority leader", "minority whip", "majority whip",
                     "lib dem", "lib dems", "rep.", "rep", "running mate",
                     # elected, not yet in office: a politician until sworn in (the role convention)
                     "president-elect", "governor-elect", "mayor-elect",
                     # the US parties' national committees, which their chairs and officers speak for
                     "democratic national committee", "republican national committee", "dnc", "rnc"),
                    "politician"),
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
                     "press secretary", "press officer", "communications director", "mouthpiece",
                     "communications chief", "press chief", "spin doctor", "spin doctors", "publicist", "publicists",
                     "communications consultant", "public relations consultant", "pr consultant"),
                    "spokesperson"),
    **dict.fromkeys(("professor", "professors", "prof", "prof.", "academic", "academics", "lecturer",
                     "economist", "economists", "analyst", "analysts", "researcher", "researchers",
                     "scientist", "scientists", "expert", "experts", "scholar", "historian", "doctor",
                     "doctors", "dr", "dr.", "physician", "surgeon", "psychologist", "psychiatrist",
                     "epidemiologist", "statistician", "pollster", "consultant", "specialist", "university",
                     "physicist", "chemist", "biologist", "geologist", "seismologist", "meteorologist",
                     "climatologist", "virologist", "astronomer", "sociologist", "criminologist", "demographer",
                     "institute", "think tank", "think-tank", "research", "senior fellow", "research fellow"),
                    "expert"),
    **dict.fromkeys(("executives", "ceo", "cfo", "coo", "chief executive", "managing director",
                     "executive officer", "businessman", "businesswoman", "businessmen", "entrepreneur",
                     "founder", "co-founder", "owner", "investor", "investors", "banker", "bankers", "trader",
                     "traders", "industrialist", "tycoon", "boss", "company", "firm", "corporation", "corp",
                     "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "bank", "airline", "retailer",
                     "carmaker", "manufacturer", "insurer", "lender", "business", "mogul", "magnate", "bookmaker",
                     "monopoly", "general manager", "general managers", "talent manager", "talent managers",
                     "bookmakers", "dealer", "dealers",
                     # a sports league's commissioner runs a business, not an office of government
                     "nfl commissioner", "nba commissioner", "mlb commissioner", "nhl commissioner",
                     "league commissioner",
                     # a trade's own bodies and officers ("industry officials objected")
                     "industry official", "industry officials", "chamber of commerce", "chambers of commerce",
                     "trade group", "trade groups", "trade association", "trade body"),
                    "business"),
    **dict.fromkeys(("lawyer", "lawyers", "attorney", "attorneys", "solicitor", "barrister", "counsel", "judge",
                     "judges", "justice", "magistrate", "prosecutor", "prosecutors", "coroner", "qc",
                     "district attorney", "public defender", "court", "tribunal"),
                    "legal"),
    **dict.fromkeys(("police", "policeman", "policewoman", "officer", "officers", "detective", "detectives",
                     "constable", "sheriff", "trooper", "soldier", "soldiers", "troops", "colonel", "sergeant",
                     "lieutenant", "commander", "admiral", "general", "marine", "military", "army", "navy",
                     "pentagon", "police officer", "chief constable", "capt.",
                     # an intelligence service's staff, as the Phoenix list codes "intelligence community" (SPY)
                     "intelligence official", "intelligence officials", "intelligence officer",
                     "intelligence officers"),
                    "security"),
    **dict.fromkeys(("journalist", "journalists", "reporter", "reporters", "correspondent", "editor",
                     "columnist", "broadcaster", "presenter", "anchor", "commentator", "blogger", "newsreader",
                     "talk show host", "radio host", "television host", "tv host", "bureau chief", "bureau chiefs",
                     # a person's own title or appositive: a programme's or a ceremony's host is a broadcaster
                     "host", "hosts", "co-host", "cohost",
                     "dj", "vj", "deejay"),
                    "media"),
    **dict.fromkeys(("activist", "activists", "campaigner", "campaigners", "advocate", "advocates", "protester",
                     "protesters", "protestor", "demonstrator", "demonstrators", "organiser", "organizer",
                     "environmentalist", "unionist", "union", "charity", "campaign group", "pressure group",
                     "union leader", "watchdog group", "action group", "advocacy group", "lobby group",
                     "environmental group", "environmental groups", "conservation group", "conservation groups",
                     "interest group", "organisers", "organizers", "union president", "union boss", "union chief",
                     # advocacy groups news quotes by name
                     "aclu", "nra", "naacp", "planned parenthood", "greenpeace", "amnesty international",
                     "human rights watch", "sierra club"),
                    "activist"),
    **dict.fromkeys(("resident", "residents", "witness", "witnesses", "voter", "voters", "parent", "parents",
                     "mother", "father", "mum", "dad", "neighbour", "neighbor", "neighbours", "neighbors",
                     "shopper", "shoppers", "commuter", "commuters", "passenger", "passengers", "patient",
                     "patients", "student", "students", "pupil", "pupils", "customer", "customers", "local",
                     "locals", "villager", "villagers", "citizen", "citizens", "bystander", "survivor",
                     "survivors", "victim", "homeowner", "tenant", "tenants", "worker", "workers", "employee",
                     "employees", "fan", "fans", "spectator", "grandmother", "grandfather", "widow", "widower",
                     "daughter", "son", "wife", "husband", "man", "woman", "men", "women", "boy", "girl",
                     "teenager", "pensioner", "pensioners", "retiree", "taxpayer", "taxpayers", "farmer",
                     "farmers", "driver", "volunteer", "volunteers", "member of the public", "eyewitness",
                     "eyewitnesses", "onlooker", "onlookers", "bystanders", "teacher", "teachers", "nurse", "nurses",
                     "detainee", "detainees", "cashier", "cashiers", "club-goer", "club-goers", "clubgoer",
                     "clubgoers",
                     "prisoner", "prisoners",
                     # a school's counsellor, like its teachers (a "counselor" alone is a lawyer in US usage)
                     "school counselor", "college counselor", "guidance counselor", "school counsellor",
                     "college counsellor", "guidance counsellor"),
                    "ordinary"),
}  # fmt: skip
#: A title abbreviation has the role of the word it stands for ("Gov." an official, "Sen." a politician,
#: "Lt." security); the list above has only those whose word has none there ("Rep.", "Capt."). No title
#: names an ordinary person: "Fr." is a priest, not a father.
ROLE_WORDS |= {
    abbreviation: ROLE_WORDS[full.lower()]
    for abbreviation, full in (TITLE_ABBREVIATIONS | UNDOTTED_TITLE_ABBREVIATIONS).items()
    if ROLE_WORDS.get(full.lower(), "ordinary") != "ordinary" and abbreviation not in ROLE_WORDS
}
#: Role words that give their role only as written in lower case: "an executive at Acme" is in business,
#: "the Scottish Executive" is a government.
LOWERCASE_ROLE_WORDS: dict[str, str] = {"executive": "business", "rep": "spokesperson", "reps": "spokesperson"}
#: Lower-case words whose lower-case role wins over the list above and over any longer phrase ending in them:
#: "a rep for the singer" is a publicist, though "Rep. Jo Ray" is a congresswoman.
LOWERCASE_FIRST_WORDS: frozenset[str] = words("rep reps")
#: Nouns for an entertainer or a public figure known for it ("the reality television star", "Hollywood actress
#: X", ``vocab.epithets.ENTERTAINER_NOUNS``): no role a sourcing study counts, and the words before them (an
#: industry, a medium) say what the person performs in, not whom they speak for, so a phrase whose nearest such
#: word is one of these gives no role.
ENTERTAINER_NOUNS: frozenset[str] = _ENTERTAINER_NOUNS
#: Role nouns that name a part in entertainment when a show's or an art's word stands right before them ("the
#: "Talent Hour" judge", "the music mogul", "the social media mogul"): a performer's, as ``ENTERTAINER_NOUNS``.
SHOW_ROLE_NOUNS: frozenset[str] = words("judge judges mogul moguls")
#: The words before a ``SHOW_ROLE_NOUNS`` noun that make it entertainment's ("media mogul" stays business).
SHOW_WORDS: frozenset[str] = words("music talent reality hip-hop rap beauty pop show contest competition")
#: Two words before a ``SHOW_ROLE_NOUNS`` noun that make it entertainment's.
SHOW_PHRASES: frozenset[str] = frozenset({"social media"})
#: Heads of the names of bodies that are no government's ("the Government Accountability Project", "the Public
#: Interest Network"): a government word inside such a name does not make its staff officials.
NON_GOVERNMENT_BODY_HEADS: frozenset[str] = words(
    "project projects foundation coalition alliance network initiative fund trust center centre")
#: Dependencies of a word that modifies another noun: a lower-case role word there gives no role
#: ("executive director" is a title of any organisation).
MODIFIER_DEPS: frozenset[str] = frozenset({"amod", "compound"})
#: Nouns for a part of an organisation: in lower case and followed by "of", the organisation decides ("the
#: London office of a charity" is no government office; "the Office of Management" is one).
BRANCH_NOUNS: frozenset[str] = words("office offices branch branches chapter")
#: Titles whose holder is what the organisation they head is ("president of Acme", "president of the union").
ORGANISATION_HEAD_TITLES: frozenset[str] = words("president vice-president")
#: Possessors of a head title that are a country or a place, whose president holds an office of government
#: ("the country's president", "the state's governor"): the title keeps its own role.
GOVERNED_NOUNS: frozenset[str] = words("country nation state republic city county province region kingdom island"
                                       " territory commonwealth")
#: Entity types of a place whose president is a head of state or government ("president of France"). Not LOC:
#: the small model types many organisations' names so ("vice president at Third Way").
PLACE_ENTITY_TYPES: frozenset[str] = frozenset({"GPE", "NORP"})
#: Heads of a government body's name that say only that it is one ("department", "bureau"): a security word
#: before them says more ("the Seattle Police Department" is the police, "the Sheriff's Office" a sheriff's).
GENERIC_BODY_HEADS: frozenset[str] = words("department departments dept dept. bureau agency office service division")
#: Words that give no role of their own, though the Phoenix agents list them ("deputy" is COP there): the
#: reading goes on to the words before them ("Liberal Democrat deputy leader" is a party figure). Sport's
#: words are here too: a team's captain or an athlete is in none of the roles a sourcing study counts
#: ("captain" is MIL and "athlete" CVL there), while an "army captain" still reads as security.
NO_ROLE_WORDS: frozenset[str] = words("""
    deputy leader chief head member members director chairman chair vice captain athlete athletes
""")
#: A board's chair: of a named organisation whose words give no role, a business (``roles._board_role``).
BOARD_CHAIR_WORDS: frozenset[str] = words("chairman chairwoman chairperson chair")
#: Role words that count for half a vote: "Dr" is as often a politician's doctorate as a doctor, and a
#: party's name gives way to an office.
WEAK_ROLE_WORDS: frozenset[str] = words("dr dr.") | PARTY_NAME_WORDS
#: Words before a government title that put its holder out of that office ("former chancellor", "ex-minister"):
#: with a party's name in the same title ("Former Tory chancellor X") the holder is now a party's politician;
#: without one ("the former Dutch prime minister") the office still says who they are.
FORMER_WORDS: frozenset[str] = words("former ex")
#: Words before a government title that make its holder a party figure: "shadow chancellor", "opposition leader".
POLITICAL_QUALIFIERS: frozenset[str] = words("shadow opposition")
#: Endings of a specialist's name ("gastroenterologist", "volcanologist"): an expert, wherever the lists above
#: lack the word (Phoenix files medical ones under health, which names no role here).
EXPERT_SUFFIXES: tuple[str, ...] = ("ologist", "ologists")
#: Words with those endings that name no specialist.
NOT_EXPERT_WORDS: frozenset[str] = words("apologist apologists")
#: How a clause's predicate is read (``roles._predicates``): the subject relations, the objects that make an
#: "as" phrase about the object ("described the plan as a gift"), and the preposition of "served as minister".
SUBJECT_DEPS: frozenset[str] = NOMINAL_SUBJECT_DEPS
OBJECT_DEPS: frozenset[str] = VERB_OBJECTS
PREDICATE_PREPOSITIONS: frozenset[str] = words("as")
#: Auxiliaries of a clause about the future ("will serve as", "'ll be"): an office so written is not held yet.
FUTURE_AUXILIARIES: frozenset[str] = words("will shall 'll wo ’ll")
#: The tag of a noun that can say what one person is: a singular common noun ("a professor", not "MPs").
PREDICATE_NOUN_TAGS: frozenset[str] = frozenset({"NN"})
#: Entity types of capitalised words that are no organisation's name ("Scottish chairman", "Ray chairman").
NOT_ORGANISATION_ENTITY_TYPES: frozenset[str] = frozenset({"PERSON", "GPE", "NORP", "LOC", "DATE", "CARDINAL"})
#: Phoenix agent role codes (first three letters of ``phoenix_agents.tsv``'s codes) and the role each gives,
#: for role words the list above does not have. Codes that name no role a sourcing study counts (religion,
#: criminals, rebels, ethnic groups, education and health, which mix experts with pupils and patients) give none.
ROLE_OF_PHOENIX_CODE: dict[str, str] = {
    "GOV": "official", "IGO": "official", "LEG": "politician", "PTY": "politician", "MIL": "security",
    "COP": "security", "SPY": "security", "JUD": "legal", "BUS": "business", "MED": "media", "OPP": "activist",
    "NGO": "activist", "HRI": "activist", "ENV": "activist", "CVL": "ordinary", "AGR": "ordinary",
    "LAB": "ordinary", "REF": "ordinary",
}  # fmt: skip
#: Longest role phrase looked up, in words ("member of the public").
MAX_ROLE_WORDS = 4
#: Dependencies of the words before a name that belong to its title ("Health Ministry spokeswoman Jane Doe").
TITLE_RUN_DEPS: frozenset[str] = frozenset({"compound", "amod", "nmod", "poss", "case", "punct"})
#: Prepositions after a role-less head that attach where the source works: "a source at the ministry".
ROLE_PREPOSITIONS: frozenset[str] = words("at in for from with within inside of")
#: The party-and-state tag US news writes right after a legislator's name: "(R-Tenn.)", "(D-N.J.)", "(I-Vt.)".
PARTY_STATE_TAG = re.compile(r"\((?:R|D|I)\s?[-\u2013]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)")
#: At most this many evidence spans are kept per role or gender (the decision reads them all).
MAX_EVIDENCE = 5

#: Gender of honorifics before a name (lower case, dot stripped).
HONORIFIC_GENDERS: dict[str, str] = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "baron": "male",
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "dame": "female", "lady": "female",
    "baroness": "female",
}  # fmt: skip
#: Gendered titles and role nouns (the entity stage's gendered title heads are the core of it).
GENDERED_TITLES: dict[str, str] = {
    **dict.fromkeys(("congressman", "chairman", "spokesman", "king", "prince", "councilman", "assemblyman",
                     "alderman", "emir", "sultan", "sheikh", "pope", "tsar", "czar", "businessman",
                     "monsignor", "policeman", "actor", "duke", "earl", "headmaster", "sportsman",
                     "spokesmen", "businessmen", "chairmen"), "male"),
    **dict.fromkeys(("congresswoman", "chairwoman", "spokeswoman", "queen", "princess", "councilwoman",
                     "assemblywoman", "businesswoman", "actress", "duchess", "empress", "policewoman",
                     "headmistress", "sportswoman", "countess", "spokeswomen", "businesswomen"), "female"),
}  # fmt: skip
#: Office titles written with "-man" that, capitalised right before a name, are the office's title for a
#: holder of either sex ("Chairman Jo Ray" for a woman): read then as the office, not as gender evidence
#: (the convention of the hand-checked quote sets); a lower-case "chairman" about the person ("X, chairman
#: of the committee", "SEC chairman X") still is, and "chairwoman" always is.
UNGENDERED_OFFICE_TITLES: frozenset[str] = words("chairman chairmen")
#: The word that joins a couple's given names before their one surname ("Ben and Nora Castellan"): such a
#: source is two people, and a gender word or pronoun about one is not the other's.
JOINING_WORDS: frozenset[str] = words("and")
#: Documents a person or body issues, whose words a quote's tag may give to the document ("'…,' the statement
#: read"): the issuer speaks (the convention of the hand-checked quote sets), when the article names one.
ISSUED_DOCUMENT_NOUNS: frozenset[str] = words("statement letter release memo email e-mail")
#: Kinship words: "his mother", "a father of three".
KINSHIP_GENDERS: dict[str, str] = {
    **dict.fromkeys(("father", "son", "husband", "brother", "grandfather", "grandson", "uncle", "nephew",
                     "widower", "dad", "boyfriend", "fiance", "stepfather", "stepdad", "stepson", "stepbrother",
                     "grandpa", "granddad", "daddy", "fiancé", "godfather"), "male"),
    **dict.fromkeys(("mother", "daughter", "wife", "sister", "grandmother", "granddaughter", "aunt", "niece",
                     "widow", "mum", "mom", "girlfriend", "fiancee", "stepmother", "stepmom", "stepmum",
                     "stepdaughter", "stepsister", "grandma", "mommy", "fiancée", "godmother"), "female"),
}  # fmt: skip
#: Nouns that name a person by sex: "a 34-year-old woman".
PERSON_NOUN_GENDERS: dict[str, str] = {
    **dict.fromkeys(("man", "men", "boy", "boys", "gentleman", "schoolboy"), "male"),
    **dict.fromkeys(("woman", "women", "girl", "girls", "schoolgirl"), "female"),
}  # fmt: skip
#: The epithets of a named person ("the 74-year-old comedian"), shared with the event stage: ``vocab.epithets``.
#: Nouns that make an unnamed source a person rather than an organisation ("a mother of two said"):
#: the gendered, kinship and plain person nouns above and the ordinary people of ``ROLE_WORDS``.
PERSON_WORDS: frozenset[str] = frozenset(
    {*GENDERED_TITLES, *KINSHIP_GENDERS, *PERSON_NOUN_GENDERS}
    | {w for w, role in ROLE_WORDS.items() if role == "ordinary" and " " not in w}
)
