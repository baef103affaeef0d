import dask

from newsgraph.distributed import expand_paths, records_bag


def _corpus(tmp_path, n=5):
    for i in range(n):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}: the port of Rotterdam reopened on Monday after a strike.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_text("")
    return tmp_path


def test_expand_paths_walks_directories(tmp_path):
    files = expand_paths([_corpus(tmp_path)])
    assert len(files) == 6 and files[-1].endswith("sub/empty.txt")


def test_bag_reads_every_article_and_keeps_failures(tmp_path):
    bag = records_bag([_corpus(tmp_path)], npartitions=3, published="2020-01-06")
    with dask.config.set(scheduler="synchronous"):
        records = bag.compute()
    assert len(records) == 6
    errors = [r for r in records if r.source.error]
    assert len(errors) == 1 and errors[0].source.error == "empty input"
    good = [r for r in records if not r.source.error]
    assert all(r.meta.published == "2020-01-06" for r in good)
    assert sorted(r.text.split(":")[0] for r in good) == [f"Story {i}" for i in range(5)]


def test_empty_input_gives_an_empty_bag(tmp_path):
    with dask.config.set(scheduler="synchronous"):
        assert records_bag([tmp_path]).compute() == []
