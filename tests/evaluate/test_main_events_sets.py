"""Every hand-annotated main-events set keeps the form the scorer needs (format only, never system output).

One table, ``SETS``, lists the development and report sets of ``benchmarks/data/main_events_*.json``
that were annotated from the article text before the system was run on them, each with the minimums it
was made to and the checks particular to it (its share of the reserved pool, its long articles, how its
dates were resolved). The shared checks (``tests/_main_events_sets.py``) run on every set: the fields
``benchmarks/score_main_events.py`` reads are valid, every context is a literal snippet of the text the
scorer searches (a malformed entry would otherwise fail silently there), no article is in another set.
A check one set was made with runs on that set; where it is general it runs on every set that meets it
(the set list of each test says which). Nothing here runs newsgraph on a set's articles: only the
scorer's ``load_article`` reads their text. The corpus checks skip without the shared corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from _main_events_sets import (
    DATA_DIR,
    FORMATS,
    MIN_EVENTS,
    check_articles_come_from_the_development_pool,
    check_articles_come_from_the_share,
    check_contexts_are_literal_snippets,
    check_dated_articles_have_their_publication_date,
    check_dates_are_ones_the_text_gives,
    check_fields,
    check_no_article_from_another_set,
    check_only_dated_formats_hold_relative_dates,
    check_pages_come_from_the_share,
    check_reuters_bodies,
    files_naming_an_article,
    load_scorer,
)
from _paths import CORPUS, needs_shared
from newsgraph.evaluate.corpora import semeval_article

#: The events a longer article is annotated with at least (the sets' usual floor).
EVENTS = 5
#: A long article's text, in characters.
LONG_TEXT = 5000
#: A Reuters story of a set has a body (text after title and dateline) of at least this many characters.
MIN_REUTERS_BODY = 1500
#: The formats of a set drawn from the development pool's single-article files.
SINGLE_ARTICLE_FORMATS = frozenset({"text", "buzzfeed", "fakenewsnet"})
#: The Horne 2017 folder of mainstream outlets' political news that a set may draw from.
HORNE_REAL = "horne2017/Public Data/Buzzfeed Political News Dataset/Real/"
#: The Horne 2017 folder of mainstream outlets' random political news (files ``NNN.txt``).
HORNE_RANDOM_REAL = "horne2017/Public Data/Random Poltical News Dataset/Real/"
#: A benchmark page of the pages share holds a body of more than this many bytes (UTF-8).
MIN_PAGE_BODY_BYTES = 4000
#: The SemEval-2019 ids up to the largest seven-digit one, and the odd ones among them.
ANY_SEMEVAL, ODD_SEMEVAL = range(10**7), range(1, 10**7, 2)
#: The odd politifact ids (FakeNewsNet's ids are below a million).
ODD = range(1, 10**6, 2)
#: The events report12 dates at least (BuzzFeed-Webis files carry no publication date, and few politifact items do).
MIN_DATED_REPORT12 = 20


@dataclass(frozen=True)
class Share:
    """A set's share of the reserved pool (the arguments of ``check_articles_come_from_the_share``)."""

    semeval_ids: range
    bbc: dict[str, range]
    buzzfeed: range = range(0)
    politifact: range | None = None
    reuters: str | None = None
    horne: str | tuple[str, ...] | None = None
    #: For a share that holds only one of FakeNewsNet's politifact folders: that folder (``real`` or ``fake``).
    politifact_folder: str | None = None


@dataclass(frozen=True)
class EventSet:
    """One main-events set: the minimums it was made to and the checks particular to it."""

    name: str
    #: Words its description must hold: what kind of set it is, the day it was annotated, its seed.
    description: tuple[str, ...]
    min_articles: int
    min_outlets: int
    min_dated: int
    #: The fewest events an article holds (fewer than ``EVENTS`` only in a short text, checked on all).
    min_events: int = EVENTS
    formats: frozenset[str] = frozenset(FORMATS)
    #: Whether every article carries an annotator's note.
    notes: bool = True
    #: Whether ``benchmarks/score_main_events.py`` names the set in its ``DATA_SETS``.
    named_by_scorer: bool = True
    #: Formats whose loader hands on a publication date that the set's relative dates were resolved against.
    dated_formats: frozenset[str] = frozenset()
    #: Whether only those formats hold dates other than years the text names.
    years_only_elsewhere: bool = False
    #: Whether every date is within the publication date, or a year the text or note names.
    dates_from_the_text: bool = False
    #: How many articles are long at least, as a count and as a share of the set.
    min_long: int = 0
    long_share: Fraction = Fraction(0)
    share: Share | None = None
    #: Whether the set was drawn from the development pool (no reserved article).
    development: bool = False
    #: Whether no other file of the repository names an article of the set (held out and never read).
    named_nowhere_else: bool = False
    #: For a set drawn from the article-extraction benchmark's pages: the fewest bytes of a body in its share.
    page_share: int | None = None

    @property
    def path(self) -> Path:
        return DATA_DIR / f"main_events_{self.name}.json"


SETS = [
    EventSet("dev4", ("DEVELOPMENT", "2026-12-03"), 10, 5, 20, formats=SINGLE_ARTICLE_FORMATS,
             dated_formats=frozenset({"fakenewsnet"}), dates_from_the_text=True, long_share=Fraction(1, 3),
             development=True),
    EventSet("report2", ("REPORT", "held out", "2026-12-02"), 22, 6, 0, formats=SINGLE_ARTICLE_FORMATS,
             notes=False, named_by_scorer=False, dated_formats=frozenset({"fakenewsnet"}),
             dates_from_the_text=True),
    EventSet("report3", ("REPORT", "held out", "2026-12-03"), 22, 6, 35, min_events=MIN_EVENTS,
             dated_formats=frozenset({"reuters"})),
    EventSet("report4", ("REPORT", "held out", "2026-12-07", "random.Random(2026120704)"), 25, 5, 60,
             dated_formats=frozenset({"reuters", "semeval"}), years_only_elsewhere=True,
             long_share=Fraction(1, 3),
             share=Share(ODD_SEMEVAL, {"sport": range(401, 512)}, reuters="reuters21578/reut2-021.sgm")),
    EventSet("report5", ("REPORT", "held out", "2026-12-07", "random.Random(2026120705)"), 25, 6, 60,
             dated_formats=frozenset({"semeval"}), years_only_elsewhere=True, min_long=6,
             share=Share(ANY_SEMEVAL, {"entertainment": range(340, 387), "sport": range(401, 512)},
                         buzzfeed=range(1400, 1520))),
    EventSet("report6", ("REPORT", "held out", "2026-12-07", "random.Random(2026120706)"), 5, 5, 12,
             dated_formats=frozenset({"semeval"}), years_only_elsewhere=True, dates_from_the_text=True,
             share=Share(range(300), {"sport": range(401, 456)}, buzzfeed=range(1400, 1520))),
    EventSet("report7", ("REPORT", "held out", "2026-12-08", "random.Random(2026120807)"), 20, 6, 40,
             dated_formats=frozenset({"semeval", "fakenewsnet"}), years_only_elsewhere=True, min_long=7,
             share=Share(range(300), {"sport": range(401, 456)}, buzzfeed=range(1400, 1520),
                         politifact=range(15000, 10**6)),
             named_nowhere_else=True),
    EventSet("report8", ("REPORT", "held out", "2026-12-08", "random.Random(2026120808)"), 25, 8, 50,
             dated_formats=frozenset({"semeval"}), years_only_elsewhere=True, dates_from_the_text=True,
             share=Share(range(100, 300), {"sport": range(456, 512)}, buzzfeed=range(1400, 1520)),
             named_nowhere_else=True),
    EventSet("report9", ("REPORT", "held out", "2026-12-08", "random.Random(2026120809)"), 20, 10, 40,
             dated_formats=frozenset({"semeval"}), dates_from_the_text=True, min_long=12,
             share=Share(range(100, 300), {"politics": range(1000), "tech": range(0, 1000, 2)},
                         buzzfeed=range(1400, 1520), horne=HORNE_REAL),
             named_nowhere_else=True),
    EventSet("report10", ("REPORT", "held out", "2026-12-08", "random.Random(2026120810)"), 20, 6, 40,
             dates_from_the_text=True, min_long=12,
             share=Share(range(100, 300), {"tech": range(0, 1000, 2)}, horne=(HORNE_REAL, HORNE_RANDOM_REAL)),
             named_nowhere_else=True),
    EventSet("report11", ("REPORT", "held out", "2026-12-08", "random.Random(1216)"), 20, 10, 40,
             formats=frozenset({"page"}), dated_formats=frozenset({"page"}), dates_from_the_text=True, min_long=12,
             named_nowhere_else=True, page_share=MIN_PAGE_BODY_BYTES),
    EventSet("report12", ("REPORT", "held out", "2026-12-08", "random.Random(1217)"), 20, 6, MIN_DATED_REPORT12,
             formats=frozenset({"buzzfeed", "fakenewsnet"}), dates_from_the_text=True, min_long=8,
             share=Share(range(0), {}, buzzfeed=range(1400, 1628), politifact=ODD, politifact_folder="real"),
             named_nowhere_else=True),
]


def _sets(keep: Callable[[EventSet], object] = bool) -> list[Any]:
    """The table as pytest parameters named by set, kept to the sets ``keep`` holds true of."""
    return [pytest.param(s, id=s.name) for s in SETS if keep(s)]


@cache
def _data(name: str) -> dict[str, Any]:
    return json.loads((DATA_DIR / f"main_events_{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("event_set", _sets(lambda s: s.named_by_scorer))
def test_set_is_named_by_the_scorer(event_set: EventSet) -> None:
    assert load_scorer().DATA_SETS[event_set.name] == event_set.path


@pytest.mark.parametrize("event_set", _sets())
def test_description_says_what_the_set_is(event_set: EventSet) -> None:
    """Whether the set is held out, the day it was annotated and the seed of its selection, so anyone can
    tell how to use it and redo the draw."""
    description = _data(event_set.name)["description"]
    assert [words for words in event_set.description if words not in description] == []


@pytest.mark.parametrize("event_set", _sets())
def test_set_size_and_fields(event_set: EventSet) -> None:
    check_fields(_data(event_set.name), min_articles=event_set.min_articles, min_outlets=event_set.min_outlets,
                 min_dated=event_set.min_dated, formats=event_set.formats, min_events=event_set.min_events,
                 notes=event_set.notes)


@pytest.mark.parametrize("event_set", _sets())
def test_no_article_from_another_set(event_set: EventSet) -> None:
    check_no_article_from_another_set(_data(event_set.name), event_set.path)


@pytest.mark.parametrize("event_set", _sets(lambda s: s.share))
def test_articles_come_from_the_share(event_set: EventSet) -> None:
    share = event_set.share
    assert share is not None
    check_articles_come_from_the_share(_data(event_set.name), semeval_ids=share.semeval_ids, bbc=share.bbc,
                                       buzzfeed=share.buzzfeed, politifact=share.politifact, reuters=share.reuters,
                                       horne=share.horne)
    if share.politifact_folder is not None:  # the folder a politifact item is in: real or fake
        folders = {a["file"].split("/")[3] for a in _data(event_set.name)["articles"] if a["format"] == "fakenewsnet"}
        assert folders <= {share.politifact_folder}, folders


@pytest.mark.parametrize("event_set", _sets(lambda s: s.development))
def test_articles_come_from_the_development_pool(event_set: EventSet) -> None:
    check_articles_come_from_the_development_pool(_data(event_set.name))


@pytest.mark.parametrize("event_set", _sets(lambda s: s.named_nowhere_else))
def test_no_article_is_named_in_another_file(event_set: EventSet) -> None:
    """No other file of the repository names an article of the set, so none was ever read for a rule."""
    found = files_naming_an_article(_data(event_set.name), event_set.path)
    if found is None:
        pytest.skip("git grep unavailable")
    assert found == []


@pytest.mark.parametrize("event_set", _sets(lambda s: s.years_only_elsewhere))
def test_only_articles_with_a_publication_date_hold_relative_dates(event_set: EventSet) -> None:
    check_only_dated_formats_hold_relative_dates(_data(event_set.name), set(event_set.dated_formats))


@needs_shared(CORPUS)
@pytest.mark.parametrize("event_set", _sets())
def test_articles_load_contexts_are_literal_snippets_and_the_long_ones_are_there(event_set: EventSet) -> None:
    texts = check_contexts_are_literal_snippets(_data(event_set.name), CORPUS)
    long = sum(len(text) > LONG_TEXT for text in texts.values())
    assert long >= event_set.min_long and long >= event_set.long_share * len(texts), long


@needs_shared(CORPUS)
@pytest.mark.parametrize("event_set", _sets(lambda s: s.page_share is not None))
def test_pages_come_from_the_share(event_set: EventSet) -> None:
    """A set drawn from the benchmark's pages holds only pages of its share (bodies over its byte bound)."""
    assert event_set.page_share is not None
    check_pages_come_from_the_share(_data(event_set.name), CORPUS, event_set.page_share)


@needs_shared(CORPUS)
@pytest.mark.parametrize("event_set", _sets(lambda s: s.dated_formats))
def test_dated_articles_have_their_publication_date(event_set: EventSet) -> None:
    """Relative dates were resolved against the article's date: the scorer must hand it on (and the title)."""
    check_dated_articles_have_their_publication_date(_data(event_set.name), CORPUS, set(event_set.dated_formats))


@needs_shared(CORPUS)
@pytest.mark.parametrize("event_set", _sets(lambda s: s.dates_from_the_text))
def test_dates_are_ones_the_text_gives(event_set: EventSet) -> None:
    check_dates_are_ones_the_text_gives(_data(event_set.name), CORPUS)


@needs_shared(CORPUS)
@pytest.mark.parametrize("event_set", _sets(lambda s: "reuters" in s.formats))
def test_reuters_stories_have_a_report_s_body_length(event_set: EventSet) -> None:
    check_reuters_bodies(_data(event_set.name), CORPUS, MIN_REUTERS_BODY)


def test_semeval_reader_gives_title_paragraphs_and_date(tmp_path: Path) -> None:
    """An invented two-article file: the article asked for, its title first, then its paragraphs with
    the tags stripped and the entities unescaped, and its published-at as publication date."""
    path = tmp_path / "articles.xml"
    path.write_text(
        '<articles>\n<article id="0000003" published-at="2019-05-02" title="Council &amp; mayor agree">'
        '<p>The council <a href="http://example.org" type="external">voted</a> on Monday.</p> '
        "<p/> <p>The mayor &quot;signed&quot; the plan.</p></article>\n"
        '<article id="0000005" published-at="2019-05-03" title="Other">'
        "<p>Another text.</p></article>\n</articles>\n",
        encoding="utf-8",
    )
    item = semeval_article(path, "0000003")
    assert item.title == "Council & mayor agree"
    assert item.text == 'Council & mayor agree\n\nThe council voted on Monday.\n\nThe mayor "signed" the plan.'
    assert item.published == "2019-05-02"
    with pytest.raises(KeyError):
        semeval_article(path, "0000007")


def test_share_check_holds_horne_files_to_the_share_s_folder() -> None:
    """Invented entries: a Horne 2017 file of the share's folder (or of one of its folders) passes; one of
    another folder, or in a share that holds no Horne files, fails (so a set's Horne articles cannot come
    from outside its share)."""
    def entry(path: str) -> dict[str, Any]:
        return {"articles": [{"file": path, "format": "text"}]}

    real, fake = HORNE_REAL + "7_Real.txt", HORNE_REAL.replace("/Real/", "/Fake/") + "7_Fake.txt"
    random_real = HORNE_RANDOM_REAL + "1007.txt"
    check_articles_come_from_the_share(entry(real), semeval_ids=range(0), bbc={}, buzzfeed=range(0),
                                       horne=HORNE_REAL)
    for path in (real, random_real):
        check_articles_come_from_the_share(entry(path), semeval_ids=range(0), bbc={}, buzzfeed=range(0),
                                           horne=(HORNE_REAL, HORNE_RANDOM_REAL))
    for path, horne in ((fake, HORNE_REAL), (real, None), (random_real, HORNE_REAL),
                        (fake, (HORNE_REAL, HORNE_RANDOM_REAL))):
        with pytest.raises(AssertionError):
            check_articles_come_from_the_share(entry(path), semeval_ids=range(0), bbc={}, buzzfeed=range(0),
                                               horne=horne)
