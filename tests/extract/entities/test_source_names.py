"""The check of named sources (benchmarks/source_names.py) tells pronouns and descriptions from names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("source_names", ROOT / "benchmarks" / "source_names.py")
assert _spec is not None and _spec.loader is not None
source_names = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(source_names)


def test_pronouns_are_pronouns_whatever_their_case():
    assert [source_names.offence(n) for n in ("I", "we", "It", "They", "you")] == ["pronoun"] * 5


def test_descriptions_and_common_nouns_are_no_names():
    assert source_names.offence("The prime minister") == "non-name"
    assert source_names.offence("a great deal") == "non-name"
    assert source_names.offence("police") == "non-name"


def test_names_pass():
    assert source_names.offence("Helen Carter") is None
    assert source_names.offence("Acme Corp") is None
    assert source_names.offence("Itzel Ruiz") is None
