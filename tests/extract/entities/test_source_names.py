"""The check of named sources (benchmarks/source_names.py) tells pronouns and descriptions from names."""

from __future__ import annotations

from _scripts import load_script

source_names = load_script("benchmarks/source_names.py")


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
