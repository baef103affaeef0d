"""``newsgraph timeline --db``: events across a store, by event date."""

import json

from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

ARTICLES = {
    "a.txt": "Mayor Jane Roe opened the new bridge in March, officials said.",
    "b.txt": "Jane Roe criticized the state budget on Monday. The governor praised the budget last year.",
}


def test_timeline_from_a_store_orders_events_by_event_date(tmp_path):
    lines = [json.dumps({"id": name, "text": text, "published": "2019-06-05"}) for name, text in ARTICLES.items()]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    db = str(tmp_path / "news.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["timeline", "Jane Roe", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows, "events involving Jane Roe"
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates)
    assert {"2019-03", "2019-06-03"} <= set(dates)
    assert all(r["evidence"] for r in rows)
    table = runner.invoke(app, ["timeline", "Jane Roe", "--db", db])
    assert table.exit_code == 0 and "2019-03" in table.stdout and "nan" not in table.stdout


def test_timeline_needs_articles_or_a_store():
    result = runner.invoke(app, ["timeline"])
    assert result.exit_code == 2 and "--db" in result.stderr
