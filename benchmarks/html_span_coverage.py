"""How much of a web page's clean text maps back into the HTML source through ``raw_spans``.

For each page of the article-extraction benchmark (``--split develop|report|all``,
as ``newsgraph eval html``): the share of the clean text's letters and digits
that some raw span covers, and how many spans point into markup (scripts, the
``<title>``, tags, comments) rather than the visible text: a span there is
verbatim but in the wrong place.

    python benchmarks/html_span_coverage.py [--split report] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BENCHMARK = ROOT.parent / "shared" / "eval-data" / "article-extraction-benchmark"
_MARKUP = re.compile(
    r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<title\b.*?</title\s*>|<!--.*?-->|<[^>]*>"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="all", choices=("develop", "report", "all"))
    parser.add_argument("--data", type=Path, default=BENCHMARK)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsgraph.clean import clean
    from newsgraph.clean.pages import map_into_page
    from newsgraph.evaluate.html import pages
    from newsgraph.ingest import extract_html

    coverage: list[float] = []
    spans = in_markup = not_verbatim = 0
    for page_id, html, _ in pages(args.data, args.split):
        cleaned = clean(extract_html(html, page_id).text, fmt="html")
        map_into_page(html, cleaned)
        hidden = bytearray(len(html) + 1)
        for match in _MARKUP.finditer(html):
            hidden[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        covered = bytearray(len(cleaned.text))
        for span in cleaned.raw_spans:
            spans += 1
            in_markup += bool(hidden[span.raw_start])
            not_verbatim += html[span.raw_start : span.raw_end] != cleaned.text[span.start : span.end]
            covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        chars = [i for i, ch in enumerate(cleaned.text) if ch.isalnum()]
        coverage.append(sum(covered[i] for i in chars) / len(chars) if chars else 1.0)
    result = {"split": args.split, "pages": len(coverage), "mean_coverage": round(mean(coverage), 4),
              "pages_under_half_covered": sum(c < 0.5 for c in coverage), "spans": spans,
              "spans_in_markup": in_markup, "spans_not_verbatim": not_verbatim}
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
