"""Speech verbs, side by side: each stage's list, named by what it is for.

The lists differ on purpose (each was tuned on its own rule), so they are not one
list; but they share a core, and each is derived from it so the core cannot drift.
Lemmas, lower case, except ``INVERTED_SPEECH_VERBS``, which holds inflected forms.
"""

from __future__ import annotations

#: Verbs every stage takes for plain speech ("said", "added", "wrote").
CORE_SPEECH_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "add", "write", "explain", "insist", "note", "argue", "claim"}
)

#: Attribution: plain speech verbs, a subset of its cue verbs. Only these may take a mis-parsed "-ing"
#: clause as their content ("said legalizing it would ..."), and only a paraphrase with one of them
#: lends its speaker to the quote opening the next sentence.
PLAIN_SPEECH_VERBS: frozenset[str] = CORE_SPEECH_VERBS | {"state", "warn", "report"}

#: Events: speech verbs that, with a clausal complement or no object at all ("the officials added"),
#: are not events of their own. Verbs of belief count: "she thinks that ..." reports, it does not happen.
NON_EVENT_SPEECH_VERBS: frozenset[str] = CORE_SPEECH_VERBS | {
    "state", "assert", "recall", "contend", "maintain", "reiterate", "stress", "emphasize", "think", "believe",
}

#: Coreference: verbs that introduce a quotation, whose subject speaks it. Verbs of dialogue
#: ("ask", "reply", "continue") count; verbs of belief do not (no one thinks a quotation).
QUOTE_SPEECH_VERBS: frozenset[str] = CORE_SPEECH_VERBS | {
    "tweet", "ask", "continue", "declare", "recall", "warn", "reply", "respond",
}

#: Coreference: verbs whose subject reports what the subject of their complement clause does, often itself
#: ("Acme said it would cut jobs"): plain speech and verbs of announcing, but not "explain" (the list as it was
#: measured, round 17).
SELF_REPORTING_VERBS: frozenset[str] = (CORE_SPEECH_VERBS - {"explain"}) | {
    "tweet", "announce", "state", "confirm", "warn", "report", "deny", "admit",
}

#: Inflected reporting verbs that open an inverted attribution ("Said Presidential nominee X", "Says Sen. Y"):
#: the tagger often puts them inside the name or title that follows. Forms, not lemmas: the entity stage
#: compares the word as written, before any lemma is trusted.
INVERTED_SPEECH_VERBS: frozenset[str] = frozenset(
    {"said", "says", "added", "adds", "wrote", "writes", "told", "tells", "asked", "asks", "tweeted", "tweets",
     "explained", "explains", "noted", "notes"}
)

#: Nouns that report a claim when they take a that-clause ("his claim that ..."): attribution's cue nouns,
#: and for the entity stage a thing said whose maker speaks the quotation beside it.
CUE_NOUNS: frozenset[str] = frozenset({
    "claim", "assertion", "allegation", "argument", "suggestion", "warning", "promise", "pledge", "announcement",
    "statement", "belief", "view", "insistence", "admission", "denial", "accusation", "charge", "remark",
    "comment", "testimony", "prediction", "contention", "assurance", "concern", "fear", "hope", "conviction",
})

#: Verbs that carry a cue noun for its speaker: "issued a warning that ...", "made the claim that ...".
CUE_NOUN_VERBS: frozenset[str] = frozenset(
    {"make", "issue", "repeat", "reiterate", "release", "deliver", "offer", "express", "voice", "give"}
)

#: Channels a claim is made in: "mocked the timetable in two posts", "in a statement".
CHANNEL_NOUNS: frozenset[str] = frozenset({"tweet", "post", "statement", "message", "video", "blog", "release"})
