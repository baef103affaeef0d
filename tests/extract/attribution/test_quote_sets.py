"""The form of every held-out quote report set (``data/handchecked_report*.json``), never the system's score.

A report set is scored once, totals only, by ``benchmarks/score_quotes.py --data``. These tests only check
that each file is well made, so a broken annotation is caught without anyone looking at system output.
One table, ``SETS``, lists the sets, each with the minimums it was made or committed to and the checks
particular to it (its share of the reserved pool, the most articles it takes from one outlet, what its
description must say). The shared checks (``tests/_quote_sets.py``) run on every set: every article loads
from its corpus and every annotated stretch is in its text after the scorer's own folding (``norm``), the
fields keep to the sets' value sets, one speaker keeps one role and gender within an article, no article is
in another quote set. A check one set was made with runs on that set; where it is general it runs on every
set that meets it (the set list of each test says which). Nothing here runs the pipeline; the corpus
checks skip without the shared corpus.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from _paths import CORPUS, needs_shared
from _quote_sets import (
    QUOTE_DATA,
    about_problems,
    evidence_problems,
    fakenewscorpus_type_problems,
    fakenewsnet_folder_problems,
    fakenewsnet_site,
    field_problems,
    files_naming_articles,
    horne_size_problems,
    in_round3_share,
    in_round7_share,
    in_round8_semeval_bbc_share,
    in_round8_share,
    in_round11_share,
    in_round13_share,
    in_round14_share,
    in_round16_share,
    in_round17_share,
    in_sport_semeval_gossip_share,
    other_set_articles,
    outlets,
    size_problems,
    speakers_with_two_labels,
    sq,
    text_problems,
)


@dataclass(frozen=True)
class QuoteSet:
    """One quote report set: the minimums it was made to and the checks particular to it."""

    name: str
    #: The day it was annotated and the seed of its selection's shuffle (``None``: drawn before seeds were
    #: recorded), as its description gives them.
    annotated: str
    seed: int | None
    #: Whether an article's key is in the share of the reserved pool the set was drawn from.
    in_share: Callable[[str], bool]
    #: The floor: articles, quotes, distinct (article, speaker) sources with a gold role and with a gold gender.
    min_articles: int
    min_quotes: int
    min_role_sources: int = 0
    min_gender_sources: int = 0
    #: The fewest corpora, articles with an embedded post and interview or question-and-answer articles.
    min_corpora: int = 0
    min_post_articles: int = 0
    min_interview_articles: int = 0
    #: More words its description must hold (a convention it follows that earlier sets did not).
    about_words: tuple[str, ...] = ()
    #: The most articles from one outlet (``None``: no cap), and whether a BuzzFeed-Webis article's outlet
    #: is its portal (as the set was drawn) rather than its address's site.
    max_per_outlet: int | None = None
    buzzfeed_by_portal: bool = False
    #: Whether no data file of another kind names an article of the set.
    named_nowhere_else: bool = True
    #: Whether every gold role comes with the words that give it.
    roles_with_evidence: bool = True
    #: Whether every role and gender evidence is in its article's text.
    evidence_in_text: bool = False
    #: Corpora that record no outlet for an article (the Horne 2017 files carry no address), left out of the
    #: outlet count: the cap is kept on the articles whose outlet is known.
    outlet_unrecorded: tuple[str, ...] = ()
    #: The largest share of the set's articles one corpus may give (``None``: no cap).
    max_corpus_share: float | None = None

    @property
    def path(self) -> Path:
        return QUOTE_DATA / f"handchecked_{self.name}.json"


SETS = [
    # The brief's minimums: articles, quotes, corpora, articles with embedded posts, transcripts.
    QuoteSet("report2", "2026-12-02", None, in_round3_share, 16, 170, min_corpora=5, min_post_articles=2,
             min_interview_articles=1, named_nowhere_else=False, roles_with_evidence=False),
    # The brief's minimums; at most three articles from one outlet (web site or BuzzFeed-Webis portal).
    QuoteSet("report3", "2026-12-07", 20261207, in_round7_share, 18, 200, 50, max_per_outlet=3,
             buzzfeed_by_portal=True),
    # The floor as committed: the brief asked for 18, 200, 50 and 50 and the set falls short of it
    # (docs/quality.md, Attribution, round 8); these keep it from shrinking below what was annotated.
    QuoteSet("report4", "2026-12-07", 20261207, in_round8_share, 24, 326, 34, 27, max_per_outlet=3),
    # The brief's minimums; at most two articles from one outlet (the BBC is one outlet).
    QuoteSet("report4b", "2026-12-07", 202612078, in_round8_semeval_bbc_share, 10, 120, 25, max_per_outlet=2),
    # The floor as committed: the brief asked for 15, 150, 40 and 40 (docs/quality.md, Attribution, round 9).
    QuoteSet("report5", "2026-12-07", 20261207, in_sport_semeval_gossip_share, 3, 27, 2, 5,
             evidence_in_text=True),
    # The floor as committed, with the two interview articles the brief asks for; issue 19's wording decides
    # gender here (any pronoun resolved to the person, honorific or gendered noun), unlike some earlier sets,
    # and a reader of the file must be told so.
    QuoteSet("report6", "2026-12-07", 20261208, in_sport_semeval_gossip_share, 39, 427, 75, 42,
             min_interview_articles=2, about_words=("issue 19", "first name alone is not evidence"),
             evidence_in_text=True),
    # The brief's minimums (20 articles, 200 quotes, 60 sources with a role, 60 with a gender); it asked for
    # three interview or question-and-answer articles and the set holds two (docs/quality.md, Attribution,
    # round 11); at most three articles from one outlet.
    QuoteSet("report7", "2026-12-08", 20261209, in_round11_share, 20, 200, 60, 60, min_interview_articles=2,
             about_words=("issue 19", "first name alone is not evidence"), max_per_outlet=3,
             evidence_in_text=True),
    # The brief's minimums are 20 articles, 200 quotes, 70 sources with a role and 60 with a gender; these are
    # the counts as committed, so the set cannot shrink below them. The brief's two interview or
    # question-and-answer articles are missing (docs/quality.md, Attribution, round 13); at most three articles
    # from one outlet where the corpus records it (the Horne 2017 files record none).
    QuoteSet("report8", "2026-12-08", 20261213, in_round13_share, 38, 367, 99, 69,
             about_words=("issue 19", "first name alone is not evidence"), max_per_outlet=3,
             evidence_in_text=True, outlet_unrecorded=("horne",)),
    # The counts as committed (the brief asks for 20 articles, 200 quotes, 70 sources with a role and 60 with a
    # gender; docs/quality.md, Attribution, round 14, says what falls short); at most three articles from one
    # outlet where the corpus records it and no corpus above 40% of the articles.
    QuoteSet("report9", "2026-12-08", 20261214, in_round14_share, 55, 361, 63, 61,
             about_words=("issue 19", "first name alone is not evidence"), max_per_outlet=3,
             evidence_in_text=True, outlet_unrecorded=("horne",), max_corpus_share=0.4),
    # The counts as committed, above the brief's 20 articles, 200 quotes, 70 sources with a role and 60 with a
    # gender (docs/quality.md, Attribution, round 16, says what falls short); news pages of the article-extraction
    # benchmark, at most two articles from one outlet (its address's site).
    QuoteSet("report10", "2026-12-08", 1216, in_round16_share, 32, 306, 113, 62,
             about_words=("issue 19", "first name alone is not evidence"), max_per_outlet=2,
             evidence_in_text=True),
    # The counts as committed: the brief's 20 articles, below its 200 quotes, 50 sources with a role and 40 with a
    # gender (the share's even-numbered PolitiFact real items hold few news reports and neither site may give more
    # than half of the set; docs/quality.md, Attribution, round 17); at most two articles an outlet.
    QuoteSet("report11", "2026-12-08", 1217, in_round17_share, 22, 192, 45, 35,
             about_words=("issue 19", "first name alone is not evidence", "more than half"), max_per_outlet=2,
             evidence_in_text=True),
]


def _sets(keep: Callable[[QuoteSet], object] = bool) -> list[Any]:
    """The table as pytest parameters named by set, kept to the sets ``keep`` holds true of."""
    return [pytest.param(s, id=s.name) for s in SETS if keep(s)]


@cache
def _raw(name: str) -> dict[str, Any]:
    return json.loads((QUOTE_DATA / f"handchecked_{name}.json").read_text(encoding="utf-8"))


@cache
def _gold(name: str) -> list[Any]:
    return sq.load_gold(QUOTE_DATA / f"handchecked_{name}.json")


@pytest.mark.parametrize("quote_set", _sets())
def test_the_set_is_as_large_and_varied_as_it_was_made(quote_set: QuoteSet) -> None:
    gold = _gold(quote_set.name)
    assert size_problems(gold, quote_set.min_articles, quote_set.min_quotes, quote_set.min_role_sources,
                         quote_set.min_gender_sources) == []
    assert len({a.corpus for a in gold}) >= quote_set.min_corpora
    assert sum(any(q.form == "post" for q in a.quotes) for a in gold) >= quote_set.min_post_articles
    assert sum(any(q.form == "interview" for q in a.quotes) for a in gold) >= quote_set.min_interview_articles


@pytest.mark.parametrize("quote_set", _sets())
def test_the_about_says_it_is_a_held_out_report_set(quote_set: QuoteSet) -> None:
    about = _raw(quote_set.name)["about"]
    assert about_problems(_raw(quote_set.name), quote_set.seed, quote_set.annotated) == []
    assert [words for words in quote_set.about_words if words not in about] == []


@pytest.mark.parametrize("quote_set", _sets())
def test_fields_keep_to_the_value_sets(quote_set: QuoteSet) -> None:
    assert field_problems(_raw(quote_set.name)) == []


@pytest.mark.parametrize("quote_set", _sets())
def test_a_speaker_keeps_one_role_and_gender_within_an_article(quote_set: QuoteSet) -> None:
    """One person is one source: their role and gender do not change from quote to quote."""
    assert speakers_with_two_labels(_gold(quote_set.name)) == []


@pytest.mark.parametrize("quote_set", _sets(lambda s: s.roles_with_evidence))
def test_a_role_comes_with_its_evidence(quote_set: QuoteSet) -> None:
    """A gold role without the words that give it cannot be checked by a reader (the gender pair is in
    ``field_problems``)."""
    unbacked = [(k, q["speaker"]) for k, a in _raw(quote_set.name)["articles"].items() for q in a["quotes"]
                if q["role"] is not None and not q["role_evidence"]]
    assert unbacked == []


@pytest.mark.parametrize("quote_set", _sets())
def test_every_article_is_from_the_share_and_in_no_other_set(quote_set: QuoteSet) -> None:
    keys = _raw(quote_set.name)["articles"]
    assert [k for k in keys if not quote_set.in_share(k)] == []
    assert not other_set_articles(quote_set.path) & set(keys)


@pytest.mark.parametrize("quote_set", _sets(lambda s: s.named_nowhere_else))
def test_no_article_is_named_in_another_data_file(quote_set: QuoteSet) -> None:
    """An article of a held-out set is in no other set of any kind (main events, mentions, ...)."""
    assert files_naming_articles(quote_set.path, list(_raw(quote_set.name)["articles"])) == []


@needs_shared(CORPUS)
@pytest.mark.parametrize("quote_set", _sets(lambda s: s.max_per_outlet is not None))
def test_no_outlet_gives_more_articles_than_the_set_allows(quote_set: QuoteSet) -> None:
    """No one house style dominates a set, and every article's outlet is known where its corpus records one."""
    gold = _gold(quote_set.name)
    named = outlets(gold, CORPUS, buzzfeed_by_portal=quote_set.buzzfeed_by_portal)
    found = Counter(outlet for outlet, article in zip(named, gold, strict=True)
                    if article.corpus not in quote_set.outlet_unrecorded)
    assert quote_set.max_per_outlet is not None
    assert "" not in found and max(found.values()) <= quote_set.max_per_outlet, found


@pytest.mark.parametrize("quote_set", _sets(lambda s: s.max_corpus_share is not None))
def test_no_corpus_gives_more_of_the_set_than_it_allows(quote_set: QuoteSet) -> None:
    """No one corpus's kind of writing dominates a set."""
    found = Counter(a.corpus for a in _gold(quote_set.name))
    assert quote_set.max_corpus_share is not None
    assert max(found.values()) <= quote_set.max_corpus_share * sum(found.values()), found


@needs_shared(CORPUS)
@pytest.mark.parametrize("quote_set", _sets(lambda s: s.in_share is in_round14_share))
def test_horne_files_are_no_larger_than_the_share_admits(quote_set: QuoteSet) -> None:
    assert horne_size_problems(_gold(quote_set.name), CORPUS) == []


#: A FakeNewsCorpus key, to ask whether a set's share admits the corpus at all.
_A_FAKENEWSCORPUS_ROW = "fakenewscorpus/fnc-0"


@needs_shared(CORPUS)
@pytest.mark.parametrize("quote_set", _sets(lambda s: s.in_share(_A_FAKENEWSCORPUS_ROW)))
def test_fakenewscorpus_rows_are_news_sites(quote_set: QuoteSet) -> None:
    """A set whose share admits FakeNewsCorpus takes only rows of news sites, none the source list calls
    fake or satire."""
    assert fakenewscorpus_type_problems(_gold(quote_set.name), CORPUS) == []


@needs_shared(CORPUS)
@pytest.mark.parametrize("quote_set", _sets())
def test_every_article_loads_and_every_stretch_is_in_its_text(quote_set: QuoteSet) -> None:
    assert text_problems(_gold(quote_set.name), CORPUS) == []


@needs_shared(CORPUS)
@pytest.mark.parametrize("quote_set", _sets(lambda s: s.evidence_in_text))
def test_every_evidence_is_in_its_text(quote_set: QuoteSet) -> None:
    assert evidence_problems(_raw(quote_set.name), _gold(quote_set.name), CORPUS) == []


#: The most of a round-17 set's articles that one FakeNewsNet site (GossipCop or PolitiFact) may give.
MAX_SITE_SHARE = 0.5


@needs_shared(CORPUS)
@pytest.mark.parametrize("quote_set", _sets(lambda s: s.in_share is in_round17_share))
def test_fakenewsnet_articles_are_from_the_share_folders(quote_set: QuoteSet) -> None:
    """The key cannot tell a real PolitiFact item from a fake one; the corpus folder can."""
    assert fakenewsnet_folder_problems(_gold(quote_set.name), CORPUS) == []


@pytest.mark.parametrize("quote_set", _sets(lambda s: s.in_share is in_round17_share))
def test_neither_fakenewsnet_site_gives_more_than_half(quote_set: QuoteSet) -> None:
    """GossipCop's celebrity news and PolitiFact's political news each stay at most half of the set."""
    found = Counter(fakenewsnet_site(key) for key in _raw(quote_set.name)["articles"])
    assert max(found.values()) <= MAX_SITE_SHARE * sum(found.values()), found


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
