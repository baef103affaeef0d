"""Word lists and patterns for the entity stage, in one place.

All lists are lowercase; the code lowercases tokens before looking them up.
They describe English news usage (AP style titles, honorifics, pronouns), not
any one article.
"""

from __future__ import annotations

import re

from newsgraph.vocab.names import (
    HONORIFICS,  # noqa: F401  (re-exported: the stage's lists read it here)
    UNDOTTED_TITLE_ABBREVIATIONS,
)
from newsgraph.vocab.names import TITLE_ABBREVIATIONS as DOTTED_TITLE_ABBREVIATIONS
from newsgraph.vocab.parse import NOMINAL_SUBJECT_DEPS
from newsgraph.vocab.pronouns import PERSON_PRONOUN_GENDERS
from newsgraph.vocab.speech import QUOTE_SPEECH_VERBS

#: spaCy labels kept as entities (numbers, dates and the like are not).
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)

#: Labels whose spans block name propagation (a date is not a name).
NON_NAME_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


#: Abbreviated titles and what they stand for (display form): the shared list of
#: ``newsgraph.vocab.names``, its undotted forms, and "judge", displayed capitalised like them.
TITLE_ABBREVIATIONS: dict[str, str] = {**DOTTED_TITLE_ABBREVIATIONS, **UNDOTTED_TITLE_ABBREVIATIONS, "judge": "Judge"}

#: Head nouns of titles and roles ("President Lincoln", "the spokeswoman", "a special envoy, X").
TITLE_HEADS = frozenset({
    "president", "vice-president", "president-elect", "senator", "representative", "congressman",
    "congresswoman", "congressmember", "governor", "mayor", "secretary", "minister", "premier",
    "chancellor", "ambassador", "envoy", "consul", "diplomat", "attorney", "general", "judge", "justice",
    "chief", "chairman", "chairwoman", "chairperson", "chair", "director", "spokesman", "spokeswoman",
    "spokesperson", "counsel", "counselor", "adviser", "advisor", "aide", "commissioner", "king", "queen",
    "prince", "princess", "pope", "bishop", "archbishop", "rabbi", "imam", "reverend", "pastor", "sheriff",
    "prosecutor", "lawyer", "ceo", "cfo", "coo", "executive", "officer", "leader", "speaker", "lieutenant",
    "captain", "colonel", "sergeant", "admiral", "commander", "major", "coach", "manager", "professor",
    "economist", "analyst", "correspondent", "reporter", "editor", "founder", "co-founder", "owner",
    "candidate", "nominee", "deputy", "inspector", "superintendent", "detective", "trooper", "emir",
    "sultan", "sheikh", "ayatollah", "dean", "treasurer", "comptroller", "auditor", "councilman",
    "councilwoman", "councilor", "alderman", "assemblyman", "assemblywoman", "delegate", "lawmaker",
    "legislator", "strategist", "pollster", "host", "anchor", "columnist", "commentator", "historian",
    "scientist", "researcher", "physician", "doctor", "surgeon", "administrator", "head", "boss",
    "partner", "principal", "vice", "monarch", "dictator", "strongman", "warlord", "tsar",
    "czar", "magistrate", "solicitor", "barrister", "mp", "senator-elect", "governor-elect",
    "mayor-elect", "whip", "marshal", "constable", "activist", "organizer", "organiser", "chef",
    "spokespeople", "clerk", "registrar", "referee", "umpire", "midfielder", "striker",
    "defender", "goalkeeper", "quarterback", "pitcher", "batsman", "bowler", "skipper",
    "all-rounder", "forward", "guard", "champion",
    # the arts, entertainment and sport: "singer George Michael", "the guitarist", "winger Jo Dale"
    "singer", "guitarist", "drummer", "bassist", "vocalist", "frontman", "frontwoman", "rapper", "musician",
    "composer", "conductor", "pianist", "violinist", "actor", "actress", "comedian", "presenter", "novelist",
    "author", "writer", "playwright", "poet", "screenwriter", "film-maker", "filmmaker", "star", "designer",
    "dancer", "choreographer", "photographer", "artist", "player", "winger", "fly-half", "scrum-half",
    "flanker", "full-back", "playmaker", "sprinter", "hurdler", "athlete", "runner", "cyclist", "golfer",
    "boxer", "jockey", "driver", "keeper",
})

#: Words that may stand before a title head inside the title ("Deputy Finance Minister").
TITLE_MODIFIERS = frozenset({
    "deputy", "vice", "assistant", "associate", "acting", "chief", "senior", "special", "executive",
    "general", "first", "lead", "interim", "principal", "press", "national", "security", "defense",
    "defence", "foreign", "prime", "attorney", "district", "federal", "state", "county", "city",
    "supreme", "court", "high", "managing", "head", "homeland", "finance", "interior", "health",
    "education", "energy", "labor", "labour", "transportation", "treasury", "commerce", "agriculture",
    "house", "majority", "minority", "party", "campaign", "communications", "policy", "legal",
    "political", "economic", "military", "top", "junior", "former", "then", "u.s.", "us", "white",
    "trade", "home", "sports", "news", "staff", "operating", "financial", "technology", "information",
    "crown", "army", "navy", "air", "force", "police", "fire", "union", "team", "club", "grand",
    "co", "surgeon", "lord", "privy", "independent", "consulting",
})

#: Modifiers kept out of the displayed title (time, not role).
TITLE_DROP = frozenset({"former", "then", "late", "then-", "ex", "ex-", "outgoing", "incoming", "top"})

#: Heads that make a title only with a modifier ("Surgeon General", not "General" alone before a name
#: unless it is the military rank; "Chief Justice", not "Justice").
WEAK_TITLE_HEADS = frozenset({"head", "boss", "partner", "principal", "vice", "house", "guard", "forward",
                              "host", "anchor", "major"})
#: Weak heads that are a title after the organisation or place they are held in ("Dunmore boss X").
QUALIFIED_WEAK_HEADS = frozenset({"boss", "head"})

#: Verbs whose subject takes the predicate noun as a title ("after she became finance minister").
TITLE_VERBS = frozenset({"become", "be", "serve", "remain", "name", "appoint", "elect", "nominate",
                         "confirm", "swear", "install", "make"})

#: Gendered title heads.
MALE_TITLES = frozenset({"congressman", "chairman", "spokesman", "king", "prince", "councilman",
                         "assemblyman", "alderman", "father", "sir", "lord", "emir", "sultan", "sheikh",
                         "pope", "tsar", "czar", "businessman", "monsignor", "brother", "husband", "son"})
FEMALE_TITLES = frozenset({"congresswoman", "chairwoman", "spokeswoman", "queen", "princess",
                           "councilwoman", "assemblywoman", "sister", "mother", "dame", "lady", "madam",
                           "businesswoman", "wife", "daughter", "actress", "duchess", "empress"})

#: Verbs whose subject speaks the quotation next to them: the shared quotation verbs and verbs of manner
#: ("she joked: '...'", "he admitted"), which say how a quotation was spoken, not whether.
QUOTE_VERBS = QUOTE_SPEECH_VERBS | frozenset({
    "joke", "quip", "admit", "concede", "stress", "promise", "vow", "announce", "comment", "remark", "observe",
    "confirm", "acknowledge", "boast", "complain", "exclaim", "laugh", "shout", "scream", "plead", "predict",
    "urge", "suggest", "agree", "counter", "retort", "mutter", "whisper", "sigh",
})

#: Third-person singular pronouns resolved to people, with their gender: the shared list under the name
#: other code (the mention scorer) reads it by here.
PRONOUNS = PERSON_PRONOUN_GENDERS

#: Determiners that open a definite description of a known role ("the finance minister", "his aide").
DEFINITE_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our"})

#: Common English nicknames and the first name they stand for ("Bob Smith" is "Robert Smith").
NICKNAMES: dict[str, str] = {
    "bob": "robert", "bobby": "robert", "rob": "robert", "bill": "william", "billy": "william",
    "will": "william", "jim": "james", "jimmy": "james", "mike": "michael", "mick": "michael",
    "tom": "thomas", "tommy": "thomas", "joe": "joseph", "dick": "richard", "rick": "richard",
    "rich": "richard", "ted": "edward", "ed": "edward", "eddie": "edward", "chuck": "charles",
    "charlie": "charles", "dan": "daniel", "danny": "daniel", "dave": "david", "steve": "steven",
    "tony": "anthony", "andy": "andrew", "chris": "christopher", "matt": "matthew", "nick": "nicholas",
    "pat": "patrick", "pete": "peter", "sam": "samuel", "ben": "benjamin", "fred": "frederick",
    "larry": "lawrence", "jerry": "gerald", "ron": "ronald", "don": "donald", "doug": "douglas",
    "greg": "gregory", "jeff": "jeffrey", "ken": "kenneth", "tim": "timothy", "liz": "elizabeth",
    "beth": "elizabeth", "betsy": "elizabeth", "kate": "katherine", "kathy": "katherine",
    "sue": "susan", "jenny": "jennifer", "jen": "jennifer", "maggie": "margaret", "peggy": "margaret",
    "debbie": "deborah", "becky": "rebecca", "vicky": "victoria", "alex": "alexander",
    "sasha": "alexander", "misha": "mikhail",
}

#: Legal suffixes of company names ("Acme Corp", "Acme Inc."), ignored when grouping.
CORPORATE_SUFFIXES = frozenset({"corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "limited", "co",
                                "co.", "plc", "llc", "ag", "sa", "s.a.", "nv", "n.v.", "gmbh", "spa", "bhd",
                                "group", "holdings", "cos", "cos."})

#: Single words never propagated as names when seen alone (sentence-initial capitals, weekdays).
NOT_NAMES = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
    "mr", "mrs", "ms", "dr", "president", "senator", "governor", "minister", "god", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "but", "and",
    "or", "if", "so", "when", "while", "after", "before", "new", "north", "south", "east", "west",
    "republican", "republicans", "democrat", "democrats", "democratic",
})

#: Roles a story's protagonist is often called by without ever being given them as a title ("Smith ...
#: the candidate said"). With nobody titled so, "the candidate" goes to the latest untitled person named
#: nearby. Gendered ones give the gender they need.
OPEN_ROLES: dict[str, str | None] = {
    "candidate": None, "nominee": None, "presidential candidate": None, "presidential nominee": None,
    "republican candidate": None, "democratic candidate": None, "republican nominee": None,
    "democratic nominee": None, "challenger": None, "incumbent": None, "frontrunner": None,
    "billionaire": None, "businessman": "male", "businesswoman": "female",
}

#: Heads of offices that a country, city, party or company has one holder of at a time ("the prime
#: minister", "the Pakistani president", "the Tory leader", "the chancellor"). With nobody in the article
#: titled so, the description goes, as an open role does, to an untitled person named nearby: news writes
#: "Mr Blair ... the prime minister" without ever writing the title before the name. Staff roles with many
#: holders ("the spokesman", "the minister", "the official") are not among them.
SINGLE_HOLDER_OFFICES = frozenset({
    "president", "prime minister", "premier", "chancellor", "mayor", "governor", "leader", "chairman",
    "chairwoman", "chief executive", "ceo", "king", "queen", "pope", "monarch", "emperor", "tsar",
    "dictator", "speaker", "owner", "founder",
    # an office won and not yet taken has one holder too ("the president-elect", written whole by the titles)
    "president-elect", "governor-elect", "mayor-elect", "prime minister-elect",
})

#: Words before an office's head that make it another person's office ("the former leader", "the deputy
#: mayor"), so an untitled person named nearby is not its holder.
OTHER_HOLDER_MODIFIERS = TITLE_DROP - {"outgoing"} | {"deputy", "vice", "assistant", "associate", "acting",
                                                     "interim", "co", "future", "previous", "next", "new"}

#: Words before a role in a description that say only that its holder holds it now ("the outgoing president",
#: "the incumbent prime minister", "the new president"). "incoming" and "former" are not among them: they name
#: someone else's tenure.
ROLE_TENURE_MODIFIERS = frozenset({"outgoing", "new", "incumbent", "current", "sitting", "embattled", "beleaguered",
                                   "veteran"})

#: Offices whose bare description ("the president") names a country's holder: a person titled with the
#: office of an organisation ("LU president Jo Dale", "club president Al Roe") is not "the president".
NATIONAL_OFFICES = frozenset({"president", "premier", "chancellor"})

#: Role descriptions that name the same role as a title under another word ("the premier": a Prime Minister).
ROLE_SYNONYMS: dict[str, str] = {
    "premier": "prime minister", "pm": "prime minister", "pope": "pontiff", "pontiff": "pope",
    "chief executive": "ceo", "ceo": "chief executive", "chairwoman": "chair", "chairman": "chair",
}

#: Online platforms and news brands that the small model often labels PERSON or GPE ("Twitter", "Politico").
#: They recur in articles of every outlet; a mention of one of them is an organisation unless a title or
#: honorific says otherwise.
KNOWN_ORGANISATIONS = frozenset({
    "twitter", "facebook", "youtube", "instagram", "snapchat", "tiktok", "reddit", "linkedin", "whatsapp",
    "google", "yahoo", "wikipedia", "wikileaks", "politico", "reuters", "breitbart", "buzzfeed",
    "axios", "vox", "slate", "salon", "drudge", "infowars", "gallup", "frontline", "huffpost", "msnbc", "cnn",
    "cnbc", "bloomberg", "netflix", "uber", "airbnb", "microsoft", "spotify",
})

#: Calendar words that, standing alone, are never a name however the tagger labels them ("JUL", "Mar.",
#: "MARCH" in a wire table). "May" is left out: alone it is as often a surname.
CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "today", "yesterday", "tomorrow", "tonight",
})
#: Pronouns the tagger sometimes labels as names when capitalised ("HE", "She" in a headline).
PRONOUN_WORDS = frozenset({
    "i", "me", "he", "him", "his", "she", "her", "hers", "it", "its", "we", "us", "our", "they", "them", "their",
    "you", "your", "who", "whom", "whose",
})

#: A possessive ending a span ("the Health Ministry’s").
RE_POSSESSIVE = re.compile(r"^['’]s?$", re.IGNORECASE)
#: A single initial ("J." in "Carl J. Brandt") or a run of them ("J.R.R.").
RE_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
#: One initial alone ("R."), unlike "U.S."
RE_LONE_INITIAL = re.compile(r"^[A-Z]\.$")
#: A date or a score ending a span ("JOHANNESBURG 1996-08-22", "Leeds 2-1"): never part of a name.
RE_DATE_OR_SCORE = re.compile(r"^\d+(?:[-/.]\d+)+$")
#: Markup and web addresses, never part of a name.
RE_MARKUP = re.compile(r"[<>={}\[\]|\\]|://|^www\.", re.IGNORECASE)
#: A digit anywhere in a token.
RE_DIGIT = re.compile(r"\d")
#: A capitalised word with a number glued to its end ("Doe2"): still a name word, not a score.
RE_NAME_WITH_NUMBER = re.compile(r"^[A-Z][a-z]{2,}\d{1,4}$")
#: Characters of letters in any script: a token with none cannot be a name.
RE_HAS_LETTER = re.compile(r"[^\W\d_]")

#: Share of capitalised letters-only words above which a sentence is written in capitals
#: (a shouted headline, a wire slug, a whole article in capitals).
ALL_CAPS_SHARE = 0.8
#: Fewest words a sentence needs before it is judged all-caps ("NEW YORK" alone is a name).
ALL_CAPS_MIN_WORDS = 4
#: Words that join the parts of an all-caps name ("BANK OF AMERICA", "AT&T", "PROCTER AND GAMBLE").
CAPS_NAME_JOINERS = frozenset({"of", "and", "&", "de", "for", "the", "-", "'s", "’s", "."})
#: Fine-grained tags of verb forms: a verb inside an all-caps "name" shows the tagger ran on.
VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "MD"})
#: Longest name read after a title cue in all-caps text ("CHANCELLOR ANA B. RUIZ"), in tokens.
MAX_CAPS_NAME_TOKENS = 3

# -- parse labels only the entity stage reads (the shared ones are in newsgraph.vocab.parse) --

#: Parts of speech a third-person pronoun may carry: the tagger gives possessive "his" and "her" DET.
PRONOUN_POS = frozenset({"PRON", "DET"})
#: Parts of speech of the word after a name-modifier that still continues the noun phrase
#: ("chief US economist", "US economic adviser").
MODIFIED_WORD_POS = frozenset({"NOUN", "ADJ"})
#: Parts of speech a word before a name may have and still be part of its title
#: ("Deputy Finance Minister", "acting", "former"; "X" for what the tagger could not place).
TITLE_WORD_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADV", "VERB", "X"})
#: Parts of speech stripped from the front of an appositive title ("a", "his", ",").
TITLE_LEAD_POS = frozenset({"DET", "PRON", "PUNCT"})
#: Parts of speech stripped from the front of a pre-nominal title: also a preposition or a conjunction
#: the walk back from the name took in ("of", "and").
PRENOMINAL_TITLE_LEAD_POS = TITLE_LEAD_POS | {"ADP", "CCONJ"}
#: Predicate complements that give their subject a title: "became finance minister", "named him
#: director", and a direct object for verbs such as "made".
TITLE_PREDICATE_DEPS = frozenset({"attr", "oprd", "dobj"})
#: Dependencies of a reflexive's binder: a nominal subject or a possessor ("X's decision to distance himself").
BINDER_DEPS = NOMINAL_SUBJECT_DEPS | {"poss"}
#: Phrases fronted before the main verb's subject, in which a pronoun may look ahead to that subject
#: ("Before his retirement, X ...", "In his speech, X ...", "Last year, his ...").
FRONTED_PHRASE_DEPS = frozenset({"prep", "advcl", "npadvmod"})

# -- organisations and groups (``orgs.py``) -----------------------------------

#: Nouns that name an organisation's kind in a definite description ("the carmaker", "the ministry"),
#: each with the kind it names. An organisation's own kind comes from the words of its name
#: (``ORG_NAME_KINDS``); a name with none of them is taken for a company.
ORG_KIND_NOUNS: dict[str, str] = {
    **dict.fromkeys(("company", "firm", "carmaker", "automaker", "chipmaker", "maker", "manufacturer",
                     "bank", "lender", "insurer", "retailer", "airline", "carrier", "conglomerate",
                     "giant", "business", "operator", "brewer", "producer", "supplier", "developer",
                     "corporation", "multinational", "startup", "start-up", "chain", "group",
                     "broadcaster", "network", "publisher", "studio", "exchange", "fund", "cartel",
                     "broker", "miner", "label", "channel", "website", "supermarket", "drugmaker", "outfit"),
                    "company"),
    **dict.fromkeys(("party", "opposition"), "party"),
    **dict.fromkeys(("ministry", "department", "office", "agency", "board", "commission", "committee",
                     "council", "authority", "regulator", "watchdog", "body", "court", "panel",
                     "service", "institute", "inquiry", "tribunal", "bureau", "chamber"), "body"),
    **dict.fromkeys(("union",), "union"),
    **dict.fromkeys(("newspaper", "paper", "magazine", "tabloid", "daily", "broadsheet", "outlet"), "media"),
    **dict.fromkeys(("campaign",), "campaign"),
    **dict.fromkeys(("plant", "factory"), "facility"),
    **dict.fromkeys(("charity", "organisation", "organization", "alliance", "coalition", "bloc",
                     "association", "federation", "foundation", "league"), "other"),
    **dict.fromkeys(("club", "team", "side", "squad"), "club"),
    **dict.fromkeys(("band",), "band"),
    **dict.fromkeys(("school", "university", "college"), "school"),
    **dict.fromkeys(("prosecution", "defence", "defense", "jury"), "legal"),
}  # fmt: skip
#: Nouns for a country in a definite description ("the country", "the nation"): the article's country.
COUNTRY_NOUNS = frozenset({"country", "nation"})
#: The states of the United States, places a tagger labels as it labels countries (GPE) but never "the
#: country" or "the nation" an article speaks of: that is the United States they are in. Not "georgia",
#: a country's name too.
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
})  # fmt: skip
#: Nouns for a state of a federation in a definite description ("the state"): the US state the article names.
STATE_NOUNS = frozenset({"state"})
#: Kind nouns that, with no organisation of their kind to take them, are the federation a US state is in
#: ("more than any other state in the union"): the United States.
FEDERAL_UNION_NOUNS = frozenset({"union"})
#: The names of the United States as an article writes them: the country a US state's "the country" means.
US_NAMES = frozenset({"united states", "united states of america", "us", "u.s.", "usa", "u.s.a.", "america"})
#: Kinds a name with no word of its kind (``ORG_NAME_KINDS``) and no kind noun beside it may be: an
#: unknown "Kestrel Road" or "Dunmore" may be the article's band, club or company, not its ministry.
UNKNOWN_ORG_KINDS = frozenset({"company", "other", "club", "band", "media"})
#: Nouns that, written right before a name, say it is an organisation's ("carmaker Volvo", "bookmaker
#: William Hill", "hedge funds TCI and Atticus"). Not "maker", "publisher" or "producer": "film maker
#: Ken Loach" and "publisher Jo Dale" are people.
ORG_CUE_NOUNS = frozenset({
    "company", "firm", "bank", "carmaker", "automaker", "chipmaker", "bookmaker", "retailer", "supermarket",
    "airline", "insurer", "lender", "broadcaster", "conglomerate", "newspaper", "tabloid", "magazine", "website",
    "watchdog", "regulator", "charity", "fund", "funds", "brand", "label", "network", "union", "club", "group",
    "band",
})

#: Kind nouns of a news outlet that are as often a thing ("the outlet's wiring", "a retail outlet"): only an
#: organisation known to be an outlet (a media name, ``ORG_NAME_KINDS``) is what they describe, never one of
#: unknown kind, and a noun modifier ("the news outlet") must be in its name. ("the site" was measured and
#: left out: it made a wrong link on a check set.)
MEDIA_ONLY_NOUNS = frozenset({"outlet"})
#: Kinds of organisation any of whose members a noun may name: "the group" may be a company or a party.
ORG_KIND_ALSO: dict[str, frozenset[str]] = {
    "group": frozenset({"company", "party", "other", "media", "band", "body"}),  # "body": a police guild, a panel
    "body": frozenset({"body", "union", "other"}),
    "organisation": frozenset({"company", "body", "union", "other", "party"}),
    "organization": frozenset({"company", "body", "union", "other", "party"}),
    "network": frozenset({"company", "media"}),
    "opposition": frozenset({"party"}),
    "service": frozenset({"body", "company"}),
}
#: Words of an organisation's name that give its kind ("Labour Party", "House Budget Committee").
ORG_NAME_KINDS: dict[str, str] = {
    **dict.fromkeys(("party", "labour", "conservative", "conservatives", "tory", "tories", "democrats",
                     "republicans", "gop", "lib", "liberal", "snp", "ukip", "greens", "plaid"), "party"),
    **dict.fromkeys(("ministry", "department", "office", "agency", "board", "commission", "committee",
                     "council", "authority", "court", "service", "institute", "administration",
                     "bureau", "fbi", "cia", "nsa", "fda", "epa", "who", "imf", "nhs", "nasa", "congress",
                     "parliament", "senate", "house", "commons", "lords", "cabinet", "treasury",
                     "pentagon", "police", "army", "navy", "tribunal"), "body"),
    **dict.fromkeys(("union", "unison", "tuc", "workers"), "union"),
    **dict.fromkeys(("times", "post", "mirror", "guardian", "telegraph", "journal", "herald", "news",
                     "standard", "sun", "mail", "tribune", "gazette", "express", "observer", "bbc",
                     "cnn", "reuters", "nbc", "abc", "cbs", "fox", "itv", "magazine", "enquirer", "inquirer",
                     "chronicle", "examiner"), "media"),
    **dict.fromkeys(("campaign",), "campaign"),
    **dict.fromkeys(("plant", "factory", "works"), "facility"),
    **dict.fromkeys(("society", "trust", "foundation", "association", "charity", "federation", "alliance",
                     "coalition", "league"), "other"),
    **dict.fromkeys(("club", "fc", "rovers", "wanderers"), "club"),
    **dict.fromkeys(("band",), "band"),
    **dict.fromkeys(("school", "university", "college", "academy", "polytechnic"), "school"),
}  # fmt: skip
#: Nouns that, first in an organisation's name before "of", make it a local government, a body
#: ("City of Seattle", "County of Kent"); not "Manchester City", a club.
LOCAL_GOVERNMENT_NOUNS = frozenset({"city", "county", "town", "borough", "district", "municipality", "township"})
#: Nouns for a country's government: a description of the country itself ("the government", "the regime").
GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "executive", "cabinet"})
#: Determiners that make a description definite ("the carmaker", "this agency"); possessives name
#: the owner's organisation ("his party").
ORG_DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that", "his", "her", "their"})
#: Plural nouns for an unnamed group of people or organisations that an article may keep referring to
#: ("the rebels ... they"), each with the entity type the group takes.
GROUP_NOUNS: dict[str, str] = {
    **dict.fromkeys(("rebel", "protester", "protestor", "demonstrator", "official", "militant", "insurgent",
                     "activist", "worker", "employee", "resident", "lawmaker", "legislator", "minister",
                     "mp", "senator", "investor", "analyst", "critic", "voter", "soldier", "troop",
                     "student", "teacher", "doctor", "nurse", "farmer", "fighter", "refugee", "migrant",
                     "campaigner", "shareholder", "prosecutor", "investigator", "researcher", "scientist",
                     "supporter", "opponent", "member", "striker", "miner", "pilot", "passenger",
                     "consumer", "customer", "victim", "survivor", "delegate", "negotiator", "msp", "mep",
                     "diplomat", "expert", "economist", "viewer", "fan", "user", "executive", "citizen", "police",
                     "officer", "authority", "journalist", "reporter", "cop",
                     "player", "source", "trader", "dealer", "banker", "creditor", "inspector",
                     "businessman",
                     # people an article names as a group once and refers back to ("the plaintiffs")
                     "woman", "honoree", "youngster", "agent", "staffer", "funder", "plaintiff", "mayor",
                     "policeman", "policewoman"), "NORP"),
    **dict.fromkeys(("union", "bank", "company", "firm", "insurer", "lender", "airline", "carmaker", "broadcaster",
                     "quango", "retailer", "manufacturer", "supermarket", "charity"), "ORG"),
}  # fmt: skip
#: Plural group nouns that name the same group as another ("the officers", "the cops": the police), each with
#: that other noun: an article's one group, whichever of its names the article uses.
GROUP_SYNONYMS: dict[str, str] = dict.fromkeys(("officer", "cop", "policeman", "policewoman"), "police")
#: Singular nouns for a group of people ("the police", "the staff", "the trio"), each with its entity type:
#: an unnamed group like the plural ones of ``GROUP_NOUNS``.
COLLECTIVE_GROUP_NOUNS: dict[str, str] = dict.fromkeys(
    ("police", "staff", "family", "media", "press", "pool", "trio", "duo", "crowd", "audience", "public",
     "workforce", "management", "mob", "jury"), "NORP") | {"military": "ORG"}
#: Collectives a report writes once after "the" for the ones at its event ("the jury" of a trial, "the crowd" of
#: a match, "the staff" of a hospital): a group even without the repetition the others need. Not "the police",
#: as often the institution in general ("would the police have time for that?"); the whole of
#: ``COLLECTIVE_GROUP_NOUNS`` so was measured, and a check set fell.
LONE_COLLECTIVE_NOUNS = frozenset({"jury", "crowd", "audience", "staff"})
#: Mentions an unnamed group needs in an article before it is an entity of its own; fewer, when that many
#: are definite ("the fans ... the fans": the article refers back to one group).
GROUP_MIN_MENTIONS = 3
GROUP_MIN_DEFINITE_MENTIONS = 2
#: Unresolved descriptions of a person's organisation ("the campaign") before it is one of its own.
UNNAMED_ORG_MIN_MENTIONS = 2
#: Small words an acronym leaves out ("Bank of England" → "BoE" is not matched; "BE" would be).
ACRONYM_SKIPPED = frozenset({"of", "the", "and", "&", "for", "de", "du", "la", "le", "in", "on", "at"})
#: Entity types whose acronym may stand for their full name ("BA", "EU", "US").
ACRONYM_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})

#: Particles glued to a surname ("McCain", "DeSantis", "O'Brien"): a capital inside such a name is no brand's.
SURNAME_PARTICLES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")
#: A one-word brand name's shape: a capital, lower-case letters, then another capital inside ("PayPal").
RE_CAMEL_CASE = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
#: Organisation nouns a person's name may own ("the Kasich campaign", "Obama's administration"): an entity.
PERSON_ORG_NOUNS = frozenset({"campaign", "administration", "foundation"})
#: A person's or country's organisation known by its head that the record names by its noun alone
#: ("the Obama administration", "his administration", "the US administration" are each an
#: "administration"), and that a bare "the administration" means, never the country itself: the
#: mention sets' convention, "an administration is a description with its organisation or head".
HEAD_NAMED_ORG_NOUNS = frozenset({"administration"})
#: Kind nouns that a lower-case compound before them makes one organisation of the article, named by both
#: ("the Trump transition team", "his presidential transition team", "the transition team" are one
#: "transition team"): a president-elect's team, not the club or the production team "the team" may be.
COMPOUND_NAMED_ORGS: dict[str, frozenset[str]] = {"team": frozenset({"transition"})}
#: Hyphens that join a title written as one word ("President-elect", "governor-elect"), which the tokenizer
#: splits in three: the titles read the word whole, and the role descriptions build their phrases so.
TITLE_HYPHENS = frozenset({"-", "\u2011"})
