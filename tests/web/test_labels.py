"""Article labels: the headline, else the first sentence shortened at a word, else the file name."""

from __future__ import annotations

import pandas as pd

from newsgraph.store import Store
from newsgraph.store.labels import LABEL_CHARS, article_label, first_sentence, record_counts, shorten, with_labels
from web.conftest import quoted_record


def test_headline_first() -> None:
    assert article_label("Harbour bridge closes", "The bridge shut at noon. Traffic backed up.", "a/b.txt") == (
        "Harbour bridge closes")


def test_first_sentence_when_untitled() -> None:
    assert article_label(None, "The bridge shut at noon. Traffic backed up.", "a/b.txt") == "The bridge shut at noon."
    assert article_label("  ", "Dr. Ames opened the clinic on Jan. 4 in St. Paul. It has ten beds.") == (
        "Dr. Ames opened the clinic on Jan. 4 in St. Paul.")


def test_long_first_sentence_is_cut_at_a_word() -> None:
    text = "The committee that oversees the regional transport authority met again " \
           "on Thursday evening to weigh the fare rises proposed for next year. More later."
    label = article_label(None, text)
    assert label.endswith("…") and len(label) <= LABEL_CHARS
    assert text.startswith(label[:-1])
    assert text[len(label) - 1] == " "  # the cut falls between words


def test_file_name_when_no_text() -> None:
    assert article_label(None, "", "/data/in/report-7.txt") == "report-7.txt"
    assert article_label(None, None, "https://example.org/news/story-12") == "story-12"
    assert article_label(None, None, None, "ab" * 32) == "ab" * 6


def test_shorten_and_first_sentence() -> None:
    assert shorten("a  b\nc") == "a b c"
    assert first_sentence("No end here") == "No end here"
    assert first_sentence('He said "Go." Then left.') == 'He said "Go."'


def test_with_labels_reads_the_text_of_untitled_rows(tmp_path) -> None:
    record = quoted_record()
    untitled = record.model_copy(update={"meta": record.meta.model_copy(update={"title": None})})
    with Store(tmp_path / "s.db") as store:
        store.add(untitled)
        df = pd.DataFrame({"id": [untitled.id], "title": [None]})
        assert with_labels(store.conn, df)["label"].tolist() == [article_label(None, untitled.text)]
        assert with_labels(store.conn, df)["label"][0].startswith("Mayor Jane Roe said")


def test_record_counts_match_the_rows() -> None:
    record = quoted_record()
    counts = record_counts(record)
    assert counts["attributions"] == len(record.attributions)
    assert sum(counts["by_kind"].values()) == len(record.attributions)
    anonymous = {s.id for s in record.sources if s.anonymous}
    share = sum(a.source in anonymous for a in record.attributions) / len(record.attributions)
    assert counts["anonymous_share"] == round(share, 4)
