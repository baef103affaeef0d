"""Checks of the form test of the held-out quote sets (``handchecked_report*.json``).

A report set is scored once, totals only, by ``benchmarks/score_quotes.py --data``; its form test
(``tests/extract/attribution/test_quote_sets.py``, one table of the sets) checks that the file is well
made without running newsgraph on it. These helpers read the set the way the scorer reads it (its own
``load_gold``, ``find_items`` and ``norm``), turn an HTML page into its words with the standard library
only (no newsgraph stage runs), and hold the checks every such set needs: field value sets, stretches
found in their article's text, no article shared with another set of the kind, each set's share of the
reserved pool and the outlet an article is from. The test module imports this as
``from _quote_sets import ...`` (``tests/`` is on pytest's ``pythonpath``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

from _paths import sister_sets
from _scripts import load_script
from newsgraph.evaluate.corpora import load

ROOT = Path(__file__).resolve().parents[1]
QUOTE_DATA = ROOT / "tests" / "extract" / "attribution" / "data"
ROLES = {"official", "politician", "spokesperson", "expert", "business", "legal", "security", "media", "activist",
         "ordinary"}
FORMS = {"marks", "partial", "post", "interview", "headline"}
#: Block tags that end a line of page text; inline tags (links, emphasis) join their words.
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "title",
               "article", "head", "body", "html"}


def load_scorer() -> ModuleType:
    """``benchmarks/score_quotes.py`` as a module, so the tests match stretches exactly as it does."""
    return load_script("benchmarks/score_quotes.py")


sq = load_scorer()


class _PageText(HTMLParser):
    """The words of an HTML page, a line break at each block tag (stdlib only: no newsgraph stage runs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _decoded(data: bytes) -> str:
    """Bytes as UTF-8, else as cp1252 (undefined bytes replaced): a file's own text without any newsgraph stage."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def item_text(item: Any) -> str:
    """An item's words as the annotator read them: the loader's text, an HTML page's words, a file's bytes as
    UTF-8, else cp1252 (the Horne 2017 files are cp1252, as ``newsgraph.evaluate.corpora`` says)."""
    text = item.text if item.text is not None else _decoded(item.data)
    if item.format == "html":
        parser = _PageText()
        parser.feed(text)
        text = "".join(parser.parts)
    return text


def fold(text: str) -> str:
    """The scorer's folding of marks, space and case, without its trimming of edge punctuation."""
    return sq.norm(f"x {text} x")[2:-2]


def field_problems(raw: Mapping[str, Any]) -> list[str]:
    """Every entry whose fields leave the sets' value sets (empty when the file is well made)."""
    problems: list[str] = []
    for key, article in raw["articles"].items():
        if set(article) != {"text", "ignore", "quotes"}:
            problems.append(f"{key}: fields {sorted(article)}")
        for q in article["quotes"]:
            where = f"{key}: {q.get('quote')!r}"
            checks = {
                "empty quote, speaker or key": bool(q["quote"].strip() and q["speaker"] and q["key"]),
                "key neither a word nor a list of words": isinstance(q["key"], str)
                or (isinstance(q["key"], list) and all(q["key"])),
                "unknown form": q["form"] in FORMS,
                "unknown role": q["role"] is None or q["role"] in ROLES,
                "unknown gender": q["gender"] in (None, "female", "male"),
                "gender without evidence or evidence without gender": (q["gender"] is None)
                == (q["gender_evidence"] is None),
                "a handle on a non-post or a post without one": ("handle" in q) == (q["form"] == "post"),
                "a handle without @": "handle" not in q or q["handle"].startswith("@"),
            }
            problems += [f"{where}: {what}" for what, ok in checks.items() if not ok]
        quotes = [sq.norm(q["quote"]) for q in article["quotes"]]
        if len(quotes) != len(set(quotes)):
            problems.append(f"{key}: the same words annotated twice")
    return problems


def other_set_articles(data: Path) -> set[str]:
    """The article keys of every other quote set of the kind, whatever it is named now."""
    keys: set[str] = set()
    for path in sorted(QUOTE_DATA.glob("handchecked_*.json")):
        if path != data:
            keys |= set(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return keys


def text_problems(gold: list[Any], corpus: Path) -> list[str]:
    """Every annotated stretch, ignored stretch, key or handle not in its article's folded text."""
    items = sq.find_items(gold, corpus)
    problems: list[str] = []
    for article in gold:
        text = fold(item_text(items[article.key]))
        problems += [f"{article.key}: quote {q.quote!r}" for q in article.quotes if sq.norm(q.quote) not in text]
        problems += [f"{article.key}: ignore {s!r}" for s in article.ignore if sq.norm(s) not in text]
        problems += [f"{article.key}: key {q.keys!r}" for q in article.quotes
                     if not any(key.lower() in text for key in q.keys)]
        problems += [f"{article.key}: handle {q.handle!r}" for q in article.quotes
                     if q.handle is not None and q.handle.lower() not in text]
    return problems


def speakers_with_two_labels(gold: list[Any]) -> list[tuple[str, str]]:
    """Every (article, speaker) whose role or gender changes from quote to quote (one person, one source)."""
    changed: list[tuple[str, str]] = []
    for article in gold:
        labels: dict[str, set[tuple[str | None, str | None]]] = {}
        for q in article.quotes:
            labels.setdefault(q.speaker or "", set()).add((q.role, q.gender))
        changed += [(article.key, speaker) for speaker, seen in labels.items() if len(seen) > 1]
    return changed


def files_naming_articles(data: Path, keys: list[str]) -> list[tuple[str, str]]:
    """Every (data file, article id) where another data file of any kind names one of ``keys`` (the sets drawn
    with ``data`` from one pool, ``_paths.sister_sets``, excepted)."""
    ids = {key.split("/", 1)[1] for key in keys}
    found: list[tuple[str, str]] = []
    drawn_with = sister_sets(data.relative_to(ROOT).as_posix())
    for path in sorted([*ROOT.glob("tests/**/*.json"), *ROOT.glob("benchmarks/data/*.json")]):
        if path != data and path.relative_to(ROOT).as_posix() not in drawn_with:
            text = path.read_text(encoding="utf-8")
            found += [(str(path.relative_to(ROOT)), i) for i in sorted(ids) if i in text]
    return found


def size_problems(gold: list[Any], articles: int, quotes: int, role_sources: int, gender_sources: int = 0) -> list[str]:
    """What falls short of a set's minimums: articles, quotes, distinct (article, speaker) sources with a
    gold role and with a gold gender."""
    def sources(label: str) -> int:
        return len({(a.key, q.speaker) for a in gold for q in a.quotes if getattr(q, label) is not None})

    found = {"articles": len(gold), "quotes": sum(len(a.quotes) for a in gold),
             "role sources": sources("role"), "gender sources": sources("gender")}
    wanted = {"articles": articles, "quotes": quotes, "role sources": role_sources, "gender sources": gender_sources}
    return [f"{what}: {found[what]} < {wanted[what]}" for what in wanted if found[what] < wanted[what]]


def about_problems(raw: Mapping[str, Any], seed: int | None, annotated: str) -> list[str]:
    """What a report set's description lacks: that it is held out and annotated before the system ran, the
    seeded selection rule (so anyone can redo it; ``None`` for a set drawn before seeds were recorded) and
    its date."""
    about = raw["about"]
    problems = [f"about lacks {word!r}" for word in ("REPORT set", "held out") if word not in about]
    if "before newsgraph was run" not in about.lower():
        problems.append("about does not say it was annotated before newsgraph was run")
    if seed is not None and f"random.Random({seed})" not in about:
        problems.append(f"about lacks the seed {seed}")
    if raw["annotated"] != annotated:
        problems.append(f"annotated {raw['annotated']!r}, not {annotated!r}")
    return problems


def _number(item: str) -> int:
    """The digits of an item id as a number (-1 when it has none)."""
    return int(re.sub(r"\D", "", item) or -1)


def in_round3_share(key: str) -> bool:
    """The share of the reserved pool the second quote report set was drawn from (docs/quality.md, issue 19,
    round 3): BBC sport 401-511, Reuters reut2-021.sgm, BuzzFeed-Webis 1520-1627, GossipCop, politifact ids
    from 15000, SemEval and FakeNewsCorpus."""
    corpus, item = key.split("/", 1)
    number = _number(item)
    if corpus == "bbc":
        return item.startswith("bbc-sport-") and 401 <= number <= 511
    if corpus == "reuters":
        return 21001 <= number <= 21578  # reut2-021.sgm
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-") or (item.startswith("politifact") and number >= 15000)
    return corpus in {"semeval", "fakenewscorpus"}


def in_round7_share(key: str) -> bool:
    """The share of the round-7 reserved pool the third quote report set was drawn from (docs/quality.md,
    Attribution, round 7): BuzzFeed-Webis 1520-1627, GossipCop, politifact ids from 15000, even SemEval ids."""
    corpus, item = key.split("/", 1)
    number = _number(item)
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-") or (item.startswith("politifact") and number >= 15000)
    if corpus == "semeval":
        return number % 2 == 0
    return False


#: Reuters-21578 NEWIDs of reut2-021.sgm, the one Reuters file of the round-8 share.
REUTERS_021 = range(21001, 21579)


def in_round8_share(key: str) -> bool:
    """The share of the round-8 reserved pool the fourth quote report set was drawn from: BuzzFeed-Webis
    1520-1627, GossipCop, Reuters reut2-021.sgm, FakeNewsCorpus (its row type is checked on the corpus)."""
    corpus, item = key.split("/", 1)
    number = _number(item)
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-")
    if corpus == "reuters":
        return number in REUTERS_021
    return corpus == "fakenewscorpus" and item.startswith("fnc-")


#: The BBC files of the round-8 SemEval and BBC share: category -> (first, last) file number.
BBC_ROUND8_SHARE = {"sport": (401, 511), "entertainment": (340, 386)}


def in_round8_semeval_bbc_share(key: str) -> bool:
    """The share of the round-8 reserved pool the set ``report4b`` was drawn from (docs/quality.md,
    Attribution, round 8): SemEval-2019 hyperpartisan, BBC sport 401-511 and entertainment 340-386."""
    corpus, item = key.split("/", 1)
    if corpus == "semeval":
        return re.fullmatch(r"semeval-\d+", item) is not None
    if corpus == "bbc":
        _, category, number = item.split("-", 2)
        first, last = BBC_ROUND8_SHARE.get(category, (1, 0))
        return number.isdigit() and first <= int(number) <= last
    return False


def in_sport_semeval_gossip_share(key: str) -> bool:
    """The share of the reserved pool that the fifth and sixth quote report sets were drawn from, by key
    (SemEval 300-499, BBC sport 456-511, GossipCop, FakeNewsCorpus, BuzzFeed-Webis 1520-1627): one
    definition, so the two sets' form tests cannot drift apart."""
    corpus, item = key.split("/", 1)
    number = _number(item)
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-")
    if corpus == "semeval":
        return 300 <= number <= 499
    if corpus == "bbc":
        return item.startswith("sport-") and 456 <= number <= 511
    return corpus == "fakenewscorpus" and item.startswith("fnc-")


def in_round11_share(key: str) -> bool:
    """The share of the reserved pool the seventh quote report set was drawn from, by key (SemEval 300-499,
    GossipCop items whose id ends in 5 to 9, BuzzFeed-Webis 1520-1627): the other GossipCop items are
    another set's share, so the last digit decides."""
    corpus, item = key.split("/", 1)
    number = _number(item)
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-") and item[-1] in "56789"
    return corpus == "semeval" and 300 <= number <= 499


#: The Horne 2017 folder of the round-13 share: the real news of its random political set, even file numbers.
HORNE_ROUND13_FOLDER = "horne-Random-Real-"


def in_round13_share(key: str) -> bool:
    """The share of the reserved pool the eighth quote report set was drawn from, by key: the round-11 share
    (SemEval 300-499, GossipCop items whose id ends in 5 to 9, BuzzFeed-Webis 1520-1627) and the Horne 2017
    random political set's real news files whose number is even (the odd ones are another set's share)."""
    corpus, item = key.split("/", 1)
    if corpus == "horne":
        number = item.removeprefix(HORNE_ROUND13_FOLDER)
        return item.startswith(HORNE_ROUND13_FOLDER) and number.isdigit() and int(number) % 2 == 0
    return in_round11_share(key)


#: The Horne 2017 folders of the round-14 share and the largest file (bytes) each admits: the random political
#: set's real news up to 6 kB and the BuzzFeed political set's real news up to 5 kB, even file numbers only.
HORNE_ROUND14_FOLDERS = {"horne-Random-Real-": 6000, "horne-Buzzfe-Real-": 5000}
#: BBC sport story numbers of the round-14 share.
BBC_SPORT_ROUND14 = range(456, 512)


def in_round14_share(key: str) -> bool:
    """The share of the reserved pool the ninth quote report set was drawn from, by key: GossipCop items whose
    id ends in 5 to 9, SemEval 300-499, BBC sport 456-511 and the even-numbered real news files of the two
    Horne 2017 political sets (the odd ones and the other GossipCop items are other sets' shares; the file
    size limits are checked on the corpus, ``horne_size_problems``)."""
    corpus, item = key.split("/", 1)
    number = _number(item)
    if corpus == "horne":
        folder = next((f for f in HORNE_ROUND14_FOLDERS if item.startswith(f)), None)
        stem = item.removeprefix(folder or "").removesuffix("_Real")
        return folder is not None and stem.isdigit() and int(stem) % 2 == 0
    if corpus == "bbc":
        return item.startswith("bbc-sport-") and number in BBC_SPORT_ROUND14
    if corpus == "semeval":
        return 300 <= number <= 499
    return corpus == "fakenewsnet" and item.startswith("gossipcop-") and item[-1] in "56789"


#: The first hex digits of a benchmark page's item id in the tenth quote set's share (the others are for the
#: share's second part, pages over :data:`PAGES_ROUND16_SECOND_BYTES`, and for other sets).
PAGES_ROUND16_DIGITS = frozenset("89abcdef")
#: The body size (bytes) over which a page whose id starts 0-7 joins that share, if the first part falls short.
PAGES_ROUND16_SECOND_BYTES = 8000


def in_round16_share(key: str) -> bool:
    """The share of the article-extraction benchmark's news pages the tenth quote report set was drawn from, by
    key: pages whose item id's first hex digit is 8-f (a page starting 0-7 is in it only if its body is over
    ``PAGES_ROUND16_SECOND_BYTES``, which the key cannot tell; the set draws none of those)."""
    corpus, item = key.split("/", 1)
    return corpus == "pages" and item.startswith("page-") and item[5:6] in PAGES_ROUND16_DIGITS


#: The FakeNewsNet folders of the eleventh quote set's share: GossipCop (all of it) and PolitiFact's real news.
FAKENEWSNET_ROUND17_FOLDERS = ("gossipcop/fake", "politifact/real")


def in_round17_share(key: str) -> bool:
    """The share of round 17's reserved pool the eleventh quote report set was drawn from, by key: GossipCop items
    and PolitiFact items whose number is even (the odd ones are another set's share). The key cannot tell a real
    PolitiFact item from a fake one; ``fakenewsnet_folder_problems`` checks that on the corpus."""
    corpus, item = key.split("/", 1)
    if corpus != "fakenewsnet":
        return False
    number = item.removeprefix("politifact")
    return item.startswith("gossipcop-") or (number.isdigit() and int(number) % 2 == 0)


def fakenewsnet_folder_problems(gold: list[Any], corpus: Path) -> list[str]:
    """Every FakeNewsNet article of a round-17 set whose file is not in a folder of the share (a PolitiFact item
    must be real news)."""
    problems: list[str] = []
    for article in gold:
        path = sq.own_file(article.corpus, article.item_id, corpus)
        folder = "/".join(path.parts[-4:-2]) if path is not None else ""
        if folder not in FAKENEWSNET_ROUND17_FOLDERS:
            problems.append(f"{article.key}: {folder or 'no file'}")
    return problems


def fakenewsnet_site(key: str) -> str:
    """The FakeNewsNet site a key's item is from (``gossipcop`` or ``politifact``), for the cap on either's share."""
    return "gossipcop" if key.split("/", 1)[1].startswith("gossipcop-") else "politifact"


def horne_size_problems(gold: list[Any], corpus: Path) -> list[str]:
    """Every Horne 2017 article of a round-14 set whose file is larger than its folder admits."""
    items = sq.find_items([a for a in gold if a.corpus == "horne"], corpus)
    problems: list[str] = []
    for key, item in items.items():
        folder = next(f for f in HORNE_ROUND14_FOLDERS if key.split("/", 1)[1].startswith(f))
        if len(item.data) > HORNE_ROUND14_FOLDERS[folder]:
            problems.append(f"{key}: {len(item.data)} bytes")
    return problems


def evidence_problems(raw: Mapping[str, Any], gold: list[Any], corpus: Path) -> list[str]:
    """Every role or gender evidence not in its article's folded text: the evidence is the article's own
    words, so a reader can check each label against the page."""
    items = sq.find_items(gold, corpus)
    problems: list[str] = []
    for key, article in raw["articles"].items():
        text = fold(item_text(items[key]))
        for q in article["quotes"]:
            for field in ("role_evidence", "gender_evidence"):
                if q[field] is not None and sq.norm(q[field]) not in text:
                    problems.append(f"{key}: {field} {q[field]!r}")
    return problems


#: The SemEval-2019 file (under the corpus) whose ground truth holds each article's address.
SEMEVAL_TRUTH = Path("semeval19_hyperpartisan") / "ground-truth-training-byarticle-20181122.xml"
#: An address in the Internet Archive, whose copied page is from the site after the prefix.
_ARCHIVED = re.compile(r"^(https?://)?web\.archive\.org/web/\d+\w*/")


def semeval_addresses(corpus: Path) -> dict[str, str]:
    """Each SemEval-2019 by-article id's address, as its ground truth records it."""
    return dict(re.findall(r'id="(\d+)"[^>]*url="([^"]*)"', (corpus / SEMEVAL_TRUTH).read_text(encoding="utf-8")))


def outlets(gold: list[Any], corpus: Path, *, buzzfeed_by_portal: bool) -> list[str]:
    """The outlet each article is from, as its corpus records it ("" where it records none): the BBC and
    Reuters are one outlet each, a SemEval article's site is in the ground truth, a BuzzFeed-Webis article
    is from its portal (or, where a set was drawn counting sites, from its address's site), any other from
    its address's host, an archive.org copy counted as the site it copies."""
    items = sq.find_items(gold, corpus)
    truth = semeval_addresses(corpus) if any(a.corpus == "semeval" for a in gold) else {}

    def host(address: str) -> str:
        return re.sub(r"^(https?://)?(www\.)?", "", _ARCHIVED.sub("", address)).split("/")[0].split(":")[0]

    def outlet(article: Any) -> str:
        if article.corpus == "bbc":
            return "bbc.co.uk"
        if article.corpus == "reuters":
            return "reuters"
        if article.corpus == "semeval":
            return host(truth.get(article.item_id.removeprefix("semeval-"), ""))
        if article.corpus == "buzzfeed" and buzzfeed_by_portal:
            path = sq.own_file(article.corpus, article.item_id, corpus)
            return ElementTree.parse(path).getroot().findtext("portal") or ""
        return host(items[article.key].url or "")

    return [outlet(a) for a in gold]


#: The FakeNewsCorpus row types a set may hold: news sites the source list calls reliable or political.
FNC_TYPES = {"reliable", "political"}


def fakenewscorpus_type_problems(gold: list[Any], corpus: Path) -> list[str]:
    """Every FakeNewsCorpus article of a set that is missing from the corpus or of a row type not in
    ``FNC_TYPES`` (a site the source list calls fake, satire or the like is no news report)."""
    wanted = {a.item_id for a in gold if a.corpus == "fakenewscorpus"}
    if not wanted:
        return []
    types = {d.item.id: d.extra.get("type") for d in load("fakenewscorpus", corpus) if d.item.id in wanted}
    return [f"{i}: {types.get(i, 'missing')}" for i in sorted(wanted) if types.get(i) not in FNC_TYPES]
