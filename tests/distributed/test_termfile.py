"""Reading the derived search files by term (``newsgraph.parquet.termfile``), across many small row groups."""

from __future__ import annotations

import random

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.parquet.termfile import TermFile
from newsgraph.store import queries as q


def _write(path, table: pa.Table, row_group: int, sorted_by: list[str]) -> str:
    pq.write_table(table, path, row_group_size=row_group, write_statistics=sorted_by)
    return str(path)


@pytest.fixture(scope="module")
def postings_table() -> pa.Table:
    """Invented postings: 40 terms, each in a random set of 300 articles, sorted by term, latest first."""
    rng = random.Random(5)
    rows = []
    for t in range(40):
        term = f"w{t:02d}" + ("x" * (t % 3))
        for order in sorted(rng.sample(range(300), rng.randint(0, 60)), reverse=True):
            rows.append((term, order, rng.randint(1, 4), rng.randint(5, 90)))
    rows.sort(key=lambda r: (r[0], -r[1]))
    return pa.table({"term": [r[0] for r in rows], "corpus_order": [r[1] for r in rows],
                     "tf": [r[2] for r in rows], "n_tokens": [r[3] for r in rows]})


@pytest.mark.parametrize("row_group", [1, 3, 7, 10_000])
def test_a_terms_postings_are_the_rows_a_filter_gives(tmp_path, postings_table, row_group):
    path = _write(tmp_path / "p.parquet", postings_table, row_group, ["term", "corpus_order"])
    file = TermFile(path)
    terms = np.asarray(postings_table["term"].to_pylist(), dtype=object)
    orders = postings_table["corpus_order"].to_numpy()
    tf = postings_table["tf"].to_numpy()
    for term in [*sorted(set(terms)), "absent", "w00a", ""]:
        for below, at_least, limit in [(None, None, None), (150, None, None), (None, 120, None), (200, 50, None),
                                       (None, None, 5), (180, None, 7), (250, 100, 3), (0, None, None)]:
            keep = terms == term
            if below is not None:
                keep &= orders < below
            if at_least is not None:
                keep &= orders >= at_least
            want = np.flatnonzero(keep)[:limit]
            got = file.postings(term, below=below, at_least=at_least, limit=limit)
            assert got[0].tolist() == orders[want].tolist(), (term, below, at_least, limit)
            assert got[1].tolist() == tf[want].tolist()


@pytest.mark.parametrize("row_group", [1, 3, 7, 64, 10_000])
def test_postings_at_given_articles_are_the_rows_a_plain_scan_gives(tmp_path, postings_table, row_group):
    """``postings_at`` (groups skipped by their bounds, rows found by bisection, term columns of one-term
    groups not read) against a scan of every row: the term's rows at the wanted articles."""
    path = _write(tmp_path / "p.parquet", postings_table, row_group, ["term", "corpus_order"])
    file = TermFile(path)
    terms = np.asarray(postings_table["term"].to_pylist(), dtype=object)
    orders = postings_table["corpus_order"].to_numpy()
    tf = postings_table["tf"].to_numpy()
    n_tokens = postings_table["n_tokens"].to_numpy()
    rng = random.Random(row_group)
    one_term_groups = sum(a == b for a, b in zip(file.low, file.high, strict=True))
    assert row_group >= 64 or one_term_groups > 0  # the one-term path is exercised
    for term in [*sorted(set(terms)), "absent", ""]:
        for size in (0, 1, 5, 40, 300):
            wanted = np.asarray(sorted(rng.sample(range(-5, 310), size), reverse=True), dtype=np.int64)
            keep = np.flatnonzero((terms == term) & np.isin(orders, wanted))
            for _ in range(2):  # again, from the decoded groups kept
                got = file.postings_at(term, wanted)
                assert got[0].tolist() == orders[keep].tolist(), (term, size)
                assert got[1].tolist() == tf[keep].tolist()
                assert got[2].tolist() == n_tokens[keep].tolist()


def test_a_one_term_group_is_read_without_its_term_column(tmp_path):
    """A group whose bounds are one term is that term's rows: read without decoding ``term`` (the answers
    are those of the filter above; here, that the column is left out and the rows are all there)."""
    table = pa.table({"term": ["a"] * 3 + ["b"] * 6 + ["c"] * 3, "corpus_order": [9, 5, 1, 11, 10, 8, 7, 3, 2, 6, 4, 0],
                      "tf": [1] * 12, "n_tokens": [2] * 12})
    file = TermFile(_write(tmp_path / "p.parquet", table, 3, ["term", "corpus_order"]))
    assert file.postings("b")[0].tolist() == [11, 10, 8, 7, 3, 2]
    assert set(file._cache) == {(1, False), (2, False)}  # groups 1 and 2 hold "b" only; decoded without term
    assert "term" not in file._group(1, with_term=False).column_names


@pytest.mark.parametrize("row_group", [1, 4, 10_000])
def test_term_lookups_and_prefixes(tmp_path, row_group):
    names = sorted({"abbey", "abbot", "abc", "ab", "b", "ba", "bank", "banker", "banks", "zeta", "é", "éclair"})
    table = pa.table({"term": names, "df": list(range(1, len(names) + 1))})
    file = TermFile(_write(tmp_path / "t.parquet", table, row_group, ["term"]))
    assert file.lookup(["bank", "zeta", "nothing", "ab"], "df") == {
        "bank": names.index("bank") + 1, "zeta": names.index("zeta") + 1, "ab": names.index("ab") + 1}
    for prefix in ("ab", "abb", "ban", "bank", "b", "é", "q", "zeta"):
        assert file.prefixed(prefix, "df") == [(n, i + 1) for i, n in enumerate(names) if n.startswith(prefix)]


@pytest.fixture(scope="module")
def small_groups(parquet_corpus, tmp_path_factory):
    """The test corpus opened with its search files rewritten in row groups of a few rows each, so every
    read crosses row groups (the corpus's own files hold one group)."""
    from newsgraph.parquet import DuckCorpus
    from newsgraph.parquet.postings import SearchFiles

    folder = tmp_path_factory.mktemp("small-groups")
    root = parquet_corpus[0]
    files = SearchFiles(
        TermFile(_write(folder / "p.parquet", pq.read_table(root / "search_postings.parquet"), 5,
                        ["term", "corpus_order"])),
        TermFile(_write(folder / "t.parquet", pq.read_table(root / "search_terms.parquet"), 3, ["term"])))
    assert files.postings.file.metadata.num_row_groups > 20
    with DuckCorpus(str(root)) as corpus, DuckCorpus(str(root), use_derived=False) as plain:
        corpus.search_files = files
        yield corpus, plain


@pytest.mark.parametrize("window", [1, 3, q.SEARCH_RANK_WINDOW])
@pytest.mark.parametrize("text", ["the", "said", "the said", "Saltmere the", "fares said", "plan NOT Saltmere",
                                  "Voss OR Ashe NOT fares", '"news conference" plan', "repair*", "rep* said"])
def test_search_across_small_row_groups_answers_as_the_datasets_do(small_groups, text, window):
    corpus, plain = small_groups
    assert corpus.derived
    assert q.records_of(corpus.search(text, limit=100, window=window)) == q.records_of(
        plain.search(text, limit=100, window=window))
