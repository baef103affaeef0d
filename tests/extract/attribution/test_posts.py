"""Embedded social posts signed "— Name (@handle) Month D, YYYY": one direct attribution to a social source.

Texts are invented, laid out as pages give embedded posts after HTML extraction (signature on the
post's line, on a line of its own, after a blank line). The scanner runs alone; the attribution
tests run the full pipeline (model needed).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.attribution.posts import embedded_posts
from newsgraph.extract.entities.core import entities
from newsgraph.record import Attribution, Source

SAME_LINE = ("The mayor answered within the hour.\n\n"
             "The bridge opens on Monday, rain or shine. https://t.co/Ab12Cd — Nora Vance (@noravance) May 4, 2019\n\n"
             "Residents were not convinced.")  # fmt: skip
OWN_LINE = ("Officials said the count was slow.\n"
            "We are still counting the ballots in Ward 4\n"
            "— Elections Board (@CountyVotes) Nov. 6, 2018\n"
            "The result came the next day.")  # fmt: skip
AFTER_BLANK = ("Supporters wrote in at once.\n\n"
               "So proud of my neighbours tonight #vote\n\n"
               "— Ari Soto (@ari_soto) October 2, 2020\n\n"
               "The campaign did not comment.")  # fmt: skip


@pytest.mark.parametrize("text, words, name, handle", [
    (SAME_LINE, "The bridge opens on Monday, rain or shine.", "Nora Vance", "@noravance"),
    (OWN_LINE, "We are still counting the ballots in Ward 4", "Elections Board", "@CountyVotes"),
    (AFTER_BLANK, "So proud of my neighbours tonight #vote", "Ari Soto", "@ari_soto"),
])  # fmt: skip
def test_a_signature_gives_the_posts_words_name_and_handle(text: str, words: str, name: str, handle: str) -> None:
    (post,) = embedded_posts(text)
    assert text[post.content[0] : post.content[1]] == words
    assert text[post.name[0] : post.name[1]] == name
    assert post.handle == handle
    assert text[post.signature[0]] in "—–"


@pytest.mark.parametrize("text", [
    "He was at the lake (@lakeside) May 4, 2019 with friends.",  # no dash: not a signature
    "The event — Nora Vance (noravance) May 4, 2019",  # no handle
    "The event — Nora Vance (@noravance) last spring",  # no date
    "— Nora Vance (@noravance) May 4, 2019",  # no words before it
    "https://t.co/Ab12Cd — Nora Vance (@noravance) May 4, 2019",  # only a link
    "Send it to Nora - Vance (@noravance) May 4, 2019",  # a hyphen between words, not a dash
])  # fmt: skip
def test_not_a_signed_post(text: str) -> None:
    assert embedded_posts(text) == []


def test_prose_run_into_a_post_is_cut_to_the_last_sentences_a_post_can_hold() -> None:
    prose = "The council met for six hours on Monday and heard from forty residents about the bridge. " * 5
    text = prose + "Bridge opens in May. Bring the kids! https://t.co/x1 — Nora Vance (@noravance) May 4, 2019"
    (post,) = embedded_posts(text)
    words = text[post.content[0] : post.content[1]]
    sentence = "The council met for six hours on Monday and heard from forty residents about the bridge. "
    assert words == sentence * 3 + "Bridge opens in May. Bring the kids!"  # three of the five fit in 320


def test_a_run_on_paragraph_with_no_sentence_start_near_the_signature_gives_no_post() -> None:
    text = "word " * 100 + "— Nora Vance (@noravance) May 4, 2019"
    assert embedded_posts(text) == []


def test_two_posts_in_a_row_never_share_words() -> None:
    text = ("First post here — Nora Vance (@noravance) May 4, 2019 "
            "Second post there — Ari Soto (@ari_soto) May 5, 2019")  # fmt: skip
    first, second = embedded_posts(text)
    assert text[first.content[0] : first.content[1]] == "First post here"
    assert text[second.content[0] : second.content[1]] == "Second post there"


def _run(nlp, text: str) -> tuple[list[Source], list[Attribution]]:
    doc = nlp(text)
    return attributions(doc, entities(doc))


def test_a_post_is_a_direct_attribution_to_a_social_source_with_its_handle(nlp) -> None:
    sources, attrs = _run(nlp, SAME_LINE)
    post = next(a for a in attrs if "bridge opens" in a.content.text)
    assert post.kind == "direct" and post.quoted
    assert post.content.text == "The bridge opens on Monday, rain or shine."
    assert SAME_LINE[post.content.start : post.content.end] == post.content.text
    assert post.cue is not None and post.cue.text.startswith("— Nora Vance (@noravance)")
    source = next(s for s in sources if s.id == post.source)
    assert (source.kind, source.description, source.handle) == ("social", "Nora Vance", "@noravance")


def test_words_inside_a_post_are_not_claims_of_their_own(nlp) -> None:
    text = ("Readers answered.\n\n"
            "I never said the plan would fail, Mr Dale said it. — Ruth Amis (@ruthamis) June 1, 2021")  # fmt: skip
    sources, attrs = _run(nlp, text)
    assert len(attrs) == 1
    assert attrs[0].content.text == "I never said the plan would fail, Mr Dale said it."
    assert next(s for s in sources if s.id == attrs[0].source).handle == "@ruthamis"


def test_two_posts_by_one_account_are_one_source_and_a_quote_after_a_post_does_not_join_it(nlp) -> None:
    text = ("Nora Vance posted twice.\n\n"
            "Bridge opens Monday. — Nora Vance (@noravance) May 4, 2019\n\n"
            "Bridge opens Tuesday now, sorry. — Nora Vance (@noravance) May 5, 2019\n\n"
            "\u201cIt is a mess,\u201d a resident said.")  # fmt: skip
    sources, attrs = _run(nlp, text)
    posts = [a for a in attrs if a.content.text.startswith("Bridge opens")]
    assert len(posts) == 2 and posts[0].source == posts[1].source
    assert [s.kind for s in sources].count("social") == 1
    mess = next(a for a in attrs if "mess" in a.content.text)
    assert mess.source != posts[0].source


def test_a_source_without_a_post_has_no_handle(nlp) -> None:
    sources, _ = _run(nlp, "\u201cThe bridge opens Monday,\u201d Nora Vance said.")
    assert sources and all(s.handle is None for s in sources)


def test_a_post_in_marks_keeps_the_words_inside_them(nlp) -> None:
    sources, attrs = _run(nlp, "\u201cThe bridge opens Monday.\u201d \u2014 Nora Vance (@noravance) May 4, 2019")
    (post,) = attrs
    assert post.content.text == "The bridge opens Monday."
    assert next(s for s in sources if s.id == post.source).kind == "social"
