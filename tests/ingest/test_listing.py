"""``list_files``: which files of a directory are articles, and sidecar metadata."""

from __future__ import annotations

import json
import os

import pytest

from newsgraph.ingest import iter_items, list_files


def _tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("An invented story about a bridge.\n")


def _rel(root, paths):
    return [p.relative_to(root).as_posix() for p in paths]


def test_a_directory_is_read_as_articles_not_as_a_repository(tmp_path):
    _tree(tmp_path, ["a.txt", "b.html", "c.jsonl", "d.csv", "e.txt.gz", "0042", "sub/f.txt",
                     "README.md", "README.txt", "LICENSE", "notes.md", "fetch.py", "data.json", "logo.png",
                     ".hidden.txt", ".git/HEAD.txt", ".cache/x.txt"])
    assert _rel(tmp_path, list_files([tmp_path])) == ["0042", "a.txt", "b.html", "c.jsonl", "d.csv", "e.txt.gz",
                                                      "sub/f.txt"]


def test_include_replaces_the_rule_and_exclude_skips_files_and_folders(tmp_path):
    _tree(tmp_path, ["a.txt", "notes.md", "README.md", "drafts/b.txt", "sub/c.txt", ".git/d.md"])
    assert _rel(tmp_path, list_files([tmp_path], include=["*.md"])) == ["README.md", "notes.md"]
    assert _rel(tmp_path, list_files([tmp_path], exclude=["drafts"])) == ["a.txt", "sub/c.txt"]
    assert _rel(tmp_path, list_files([tmp_path], exclude=["sub/*", "a.*"])) == ["drafts/b.txt"]


def test_named_files_are_kept_as_named_in_order(tmp_path):
    _tree(tmp_path, ["README.md", "dir/a.txt"])
    named = [tmp_path / "README.md", tmp_path / "dir", tmp_path / "missing.txt"]
    assert _rel(tmp_path, list_files(named)) == ["README.md", "dir/a.txt", "missing.txt"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a folder without permission")
def test_an_unreadable_folder_is_reported_not_skipped(tmp_path):
    _tree(tmp_path, ["a.txt", "locked/b.txt"])
    (tmp_path / "locked").chmod(0)
    try:
        assert _rel(tmp_path, list_files([tmp_path])) == ["a.txt", "locked"]
        items = list(iter_items([str(tmp_path)]))
        assert items[1].error == "cannot list directory (permission denied)"
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_a_sidecar_is_the_metadata_of_its_article_not_an_article(tmp_path):
    (tmp_path / "story.txt").write_text("An invented story about a bridge.\n")
    (tmp_path / "story.json").write_text(json.dumps({
        "title": "Bridge reopens", "authors": ["Ada Brook", "Tom Reed"], "url": "", "canonical_link": "https://x.test/b",
        "publish_date": 1500000000.0, "images": ["a.png"]}))
    (tmp_path / "alone.json").write_text("{}")  # no article beside it: not a sidecar, and not an article either
    (item,) = iter_items([str(tmp_path)])
    assert item.path.endswith("story.txt") and item.error is None and not item.warnings
    assert (item.title, item.authors, item.url) == ("Bridge reopens", ["Ada Brook", "Tom Reed"], "https://x.test/b")
    assert item.published == "2017-07-14T02:40:00"


def test_a_bad_sidecar_is_a_warning_and_the_article_is_still_read(tmp_path):
    (tmp_path / "a.txt").write_text("An invented story.\n")
    (tmp_path / "a.json").write_text("{broken")
    (tmp_path / "b.html").write_text("<html><body><p>An invented page.</p></body></html>")
    (tmp_path / "b.json").write_text(json.dumps({"title": ["x"], "authors": "Ada Brook", "published": "soon"}))
    a, b = iter_items([str(tmp_path)])
    assert a.error is None and a.warnings == ["sidecar a.json: malformed JSON (Expecting property name enclosed "
                                              "in double quotes); ignored"]
    assert b.error is None and b.title is None and b.authors == ["Ada Brook"] and b.published is None
    assert b.warnings == ["sidecar b.json: field 'title' must be text, not a list; ignored",
                          "sidecar b.json: field 'published': 'soon' is not a date; ignored"]


def test_the_examples_folder_lists_its_articles_and_not_its_readme():
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples"
    names = [p.name for p in list_files([examples])]
    assert "README.md" not in names and "harbor-ferry-2024-03-14.txt" in names and "corpus.jsonl" in names


def test_a_folder_the_system_will_not_list_is_reported(tmp_path, monkeypatch):
    """The same report when listing fails for any reason (root ignores permissions, so the error is made here)."""
    _tree(tmp_path, ["a.txt", "locked/b.txt"])
    locked = str(tmp_path / "locked")
    scandir, listdir = os.scandir, os.listdir

    def refuse(real):
        def call(path=".", *args):
            if os.fspath(path) == locked:
                raise PermissionError(13, "Permission denied", locked)
            return real(path, *args)
        return call

    monkeypatch.setattr(os, "scandir", refuse(scandir))
    monkeypatch.setattr(os, "listdir", refuse(listdir))
    assert _rel(tmp_path, list_files([tmp_path])) == ["a.txt", "locked"]
    items = list(iter_items([str(tmp_path)]))
    assert [i.error for i in items] == [None, "cannot list directory (permission denied)"]
