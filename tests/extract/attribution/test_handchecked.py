"""The hand-checked BBC quotes (``data/handchecked_bbc_politics.json``): scorer and floors.

Quote detection: a gold quote is found when a ``quoted`` attribution's content holds its words
(or lies inside them, for a quote the system cut shorter); a predicted quote is correct when it
overlaps a gold one in that way. Speaker accuracy: over the found gold quotes, the share whose
attribution's source names the gold speaker word (in its description or a mention). The floors
sit below the figures in docs/quality.md. Skips without the shared corpus. Print the figures and
every miss with:

    PYTHONPATH=src:tests python tests/extract/attribution/test_handchecked.py
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from _paths import CORPUS, needs_shared

GOLD_FILE = Path(__file__).parent / "data" / "handchecked_bbc_politics.json"
BBC = CORPUS / "bbc" / "bbc"
#: Floors under the measured figures (quote precision 0.977, recall 0.977, speaker accuracy 0.738).
MIN_QUOTE_PRECISION = 0.9
MIN_QUOTE_RECALL = 0.9
MIN_SPEAKER_ACCURACY = 0.65


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower().strip(" .,;:!?\"'")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    speaker_right: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold quotes": self.gold,
            "predicted quotes": self.predicted,
            "quote precision": round(self.correct_predicted / self.predicted, 3) if self.predicted else 0.0,
            "quote recall": round(self.found / self.gold, 3) if self.gold else 0.0,
            "speaker accuracy (of found)": round(self.speaker_right / self.found, 3) if self.found else 0.0,
        }


def _matches(pred: str, key: str) -> bool:
    return key in pred or (len(pred) >= 4 and pred in key)


def score(nlp, misses: list[str] | None = None) -> Score:
    """Run the stage over every annotated article and count."""
    from newsgraph.extract.attribution.core import attributions
    from newsgraph.extract.entities.core import entities

    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))["articles"]
    out = Score()
    for name, quotes in gold.items():
        doc = nlp((BBC / name).read_text(encoding="utf-8"))
        sources, attrs = attributions(doc, entities(doc))
        by_id = {s.id: s for s in sources}
        preds = [a for a in attrs if a.quoted]
        keys = [_norm(q["quote"]) for q in quotes]
        out.gold += len(quotes)
        out.predicted += len(preds)
        out.correct_predicted += sum(1 for a in preds if any(_matches(_norm(a.content.text), k) for k in keys))
        for q, key in zip(quotes, keys, strict=True):
            hit = next((a for a in preds if _matches(_norm(a.content.text), key)), None)
            if hit is None:
                if misses is not None:
                    misses.append(f"{name}: missed {q['quote']!r}")
                continue
            out.found += 1
            src = by_id.get(hit.source or "")
            names = " ".join([src.description, *(m.text for m in src.mentions)]).lower() if src else ""
            right = (q["speaker"] is None and src is None) or (
                q["speaker"] is not None and q["speaker"].lower() in names
            )
            out.speaker_right += right
            if not right and misses is not None:
                misses.append(f"{name}: {q['quote']!r} speaker {q['speaker']!r}, got {names or None!r}")
    return out



@needs_shared(BBC / "politics")
def test_handchecked_quotes_and_speakers(nlp) -> None:
    result = score(nlp).as_dict()
    assert result["gold quotes"] == 43
    assert result["quote precision"] >= MIN_QUOTE_PRECISION, result
    assert result["quote recall"] >= MIN_QUOTE_RECALL, result
    assert result["speaker accuracy (of found)"] >= MIN_SPEAKER_ACCURACY, result


if __name__ == "__main__":
    from newsgraph.nlp.pipeline import load

    misses: list[str] = []
    result = score(load(), misses)
    print(json.dumps(result.as_dict(), indent=2))
    print("\n".join(misses))
