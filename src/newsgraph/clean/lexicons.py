"""Named word lists the cleaning heuristics consult.

Every list here is generic newsroom or web-page vocabulary (months, byline
role words, site prompts); none is taken from a particular article.
"""

from __future__ import annotations

from newsgraph.vocab.calendar import MONTHS, WEEKDAYS


def _words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string (easier to read and extend)."""
    return frozenset(text.split())


#: Words that introduce a byline ("By ...", "Written by ...").
BYLINE_LEADS: frozenset[str] = frozenset({"by", "written by", "posted by", "story by", "words by", "reporting by",
                                          "report by", "text by", "author:", "authors:", "byline:"})

#: Capitalised words that end a name in a byline: roles, date words, outlet words.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    {
        "the", "and", "a", "an", "of", "for", "in", "on", "at", "with", "from", "to", "via",
        "updated", "update", "posted", "published", "last", "modified", "first", "edited", "filed",
        "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
        "editor", "editors", "contributor", "contributing", "columnist", "special", "senior", "chief",
        "news", "press", "associated", "service", "services", "wire", "wires", "agency", "media",
        "today", "yesterday", "tonight", "am", "pm", "a.m.", "p.m.", "et", "est", "edt", "gmt", "utc",
        "bst", "pst", "pdt", "cst", "cdt", "mst", "mdt",
        "photo", "photos", "image", "images", "video", "getty", "follow", "email", "twitter",
        "facebook", "share", "comments", "comment", "read", "more", "opinion", "analysis",
        "contact", "author", "authors", "and/or", "team", "desk", "bureau", "report",
    }
    | set(WEEKDAYS)
    | set(MONTHS)
)

#: Words of a byline's role line under the name ("Staff Writer", "Senior Political Correspondent",
#: "Associated Press Writer" once the outlet is read off): job titles, beats and their small words.
ROLE_WORDS: frozenset[str] = _words(
    "staff writer writers reporter reporters correspondent correspondents editor editors contributor "
    "contributing columnist special senior chief political national foreign international business "
    "economics science health sports entertainment technology tech legal investigative white house "
    "washington deputy managing associate assistant executive news bureau wire producer producers "
    "digital online freelance guest intern the of for to at and"
)

#: Role words that name a job (a role line needs one: "International Business" alone is not a role).
JOB_WORDS: frozenset[str] = _words(
    "writer writers reporter reporters correspondent correspondents editor editors contributor columnist "
    "producer producers intern"
)

#: Outlets written after a byline or in a dateline; the value is the form we report.
OUTLETS: dict[str, str] = {
    "reuters": "Reuters", "reuter": "Reuters", "ap": "Associated Press", "the associated press": "Associated Press",
    "associated press": "Associated Press", "afp": "AFP", "agence france-presse": "AFP", "upi": "UPI",
    "cnn": "CNN", "bbc": "BBC", "bbc news": "BBC News", "npr": "NPR", "abc news": "ABC News",
    "cbs news": "CBS News", "nbc news": "NBC News", "fox news": "Fox News", "bloomberg": "Bloomberg",
    "the washington post": "The Washington Post", "washington post": "The Washington Post",
    "the new york times": "The New York Times", "new york times": "The New York Times",
    "the guardian": "The Guardian", "usa today": "USA Today", "politico": "Politico", "the hill": "The Hill",
    "the wall street journal": "The Wall Street Journal", "wall street journal": "The Wall Street Journal",
    "los angeles times": "Los Angeles Times", "the independent": "The Independent", "the telegraph": "The Telegraph",
    "dpa": "dpa", "xinhua": "Xinhua", "tass": "TASS", "kyodo": "Kyodo", "ani": "ANI", "pti": "PTI",
    "the daily beast": "The Daily Beast", "huffpost": "HuffPost", "the huffington post": "The Huffington Post",
    "vox": "Vox", "axios": "Axios", "breitbart": "Breitbart", "breitbart news": "Breitbart News",
    "the sun": "The Sun", "ny post": "New York Post", "new york post": "New York Post", "daily mail": "Daily Mail",
    "the daily mail": "Daily Mail", "mail online": "Daily Mail", "the mirror": "The Mirror", "the times": "The Times",
    "the sunday times": "The Sunday Times", "us weekly": "Us Weekly", "e! news": "E! News", "newsweek": "Newsweek",
    "the atlantic": "The Atlantic", "the new yorker": "The New Yorker", "rolling stone": "Rolling Stone",
    "entertainment weekly": "Entertainment Weekly", "tmz": "TMZ", "the hollywood reporter": "The Hollywood Reporter",
    "hollywood reporter": "The Hollywood Reporter", "daily express": "Daily Express", "sky news": "Sky News",
    "msnbc": "MSNBC", "cbs": "CBS", "nbc": "NBC", "abc": "ABC", "the daily caller": "The Daily Caller",
    "national review": "National Review", "buzzfeed news": "BuzzFeed News", "mashable": "Mashable",
    "roll call": "Roll Call", "the economist": "The Economist", "financial times": "Financial Times",
}

#: Phrases that mark a line as site furniture rather than article text (matched case-insensitively).
PROMPT_PHRASES: tuple[str, ...] = (
    "subscribe", "unsubscribe", "sign up", "signup", "newsletter", "log in", "login", "register now",
    "post a comment", "no comments", "leave a comment", "leave a reply", "add a comment", "view comments",
    "comments", "commenting policy", "comment policy", "add your two cents", "% of readers",
    "share this", "share on", "share via", "sharing is caring", "gift article", "tweet this",
    "click here", "click for", "read more", "read the full", "continue reading", "related stories",
    "related articles", "related posts", "related coverage", "recommended for you", "you may also like",
    "more from", "follow us", "follow me", "like us on", "all rights reserved", "copyright", "©",
    "advertisement", "sponsored", "promoted", "privacy policy", "terms of use", "terms of service",
    "cookie", "rss feed", "older articles by", "delivered by", "see an error", "send us a correction",
    "report a typo", "invalid email", "something went wrong", "please try again", "enable javascript",
    "free shipping", "download", "order now", "buy now", "shop now", "donate", "support our",
    "get breaking news", "get daily", "get the latest", "direct to your inbox", "in your inbox",
    "republish", "source:", "watch:", "listen:", "print this", "email this", "hide caption",
    "toggle caption", "enlarge this image", "filed under", "tags:", "posted in", "permalink",
    "play video", "click to", "opens in new window", "open in new window", "view gallery", "view slideshow",
    "send us your photos", "send your photos", "send us your stories", "share your story with us",
)

#: Words that make up share bars and button rows ("Share Tweet Email").
UI_WORDS: frozenset[str] = _words(
    "share shares tweet email e-mail print pin save gift article comment comments facebook twitter linkedin "
    "whatsapp reddit pinterest tumblr flipboard messenger sms copy link url more less menu close open next "
    "previous prev back top home search subscribe follow like reply embed outline video photo photos image "
    "images gallery"
)

#: Phrases that make a line a photo, video or reporting credit.
CREDIT_LEADS: tuple[str, ...] = (
    "photo", "photos", "photograph", "image", "images", "picture", "pictures", "video", "file photo",
    "photo credit", "image credit", "image copyright", "image caption", "caption", "credit", "illustration",
    "graphic", "screenshot", "screengrab", "getty images", "©",
)

#: Phrases that end an article as a credit line ("X contributed to this report").
CREDIT_TAILS: tuple[str, ...] = (
    "contributed to this report", "contributed reporting", "additional reporting by", "reporting by",
    "editing by", "compiled by", "contributed by", "this story has been updated", "this article has been updated",
)

#: Headers after which the rest of an article is a list of links.
LINK_LIST_HEADERS: tuple[str, ...] = (
    "related", "related stories", "related articles", "related posts", "related coverage", "related content",
    "read more", "more stories", "more news", "see also", "recommended", "trending", "popular", "most read",
    "you may also like", "more from", "further reading", "also read", "top stories", "latest news",
    "more must-reads", "must-reads", "must reads",
)
