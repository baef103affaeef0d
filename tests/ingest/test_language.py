"""Language detection: English recognised without the model, other languages by py3langid, and the
English-only extractors skipped with a note for them."""

import pytest

from newsgraph.ingest import language
from newsgraph.ingest.language import ENGLISH_ONLY_STAGES, detect_language, skipped_for_language

GERMAN = ("Der Stadtrat hat am Montag beschlossen, die Hauptbibliothek um zwei Stockwerke zu erweitern. "
          "Die Bauarbeiten sollen im Frühjahr beginnen und etwa zwölf Millionen Euro kosten, sagte die "
          "Bürgermeisterin nach der Sitzung.")
FRENCH = ("Le conseil municipal a décidé lundi d'agrandir la bibliothèque principale de deux étages. Les travaux "
          "doivent commencer au printemps et coûter environ douze millions d'euros, a déclaré la maire.")
ENGLISH = ("The city council decided on Monday to add two floors to the main library. Work is due to start in the "
           "spring and cost about twelve million euros, the mayor said after the meeting.")


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "en")])
def test_the_language_is_detected(text, code):
    assert detect_language(text) == code


def test_english_is_recognised_without_loading_the_model():
    language._identifier.cache_clear()
    assert detect_language(ENGLISH) == "en"
    assert language._identifier.cache_info().currsize == 0


def test_a_text_too_short_to_tell_stays_english():
    assert detect_language("Gov. Roe (R).") == "en"


def test_notes_for_skipped_stages_only_outside_english():
    assert skipped_for_language("en") == []
    notes = skipped_for_language("de")
    assert [n.stage for n in notes] == list(ENGLISH_ONLY_STAGES)
    assert all("'de'" in n.message for n in notes)


def test_a_german_article_keeps_its_text_and_skips_the_extractors(reader):
    record = reader.read(GERMAN + "\n\n" + GERMAN.replace("Montag", "Dienstag"))
    assert record.meta.language == "de"
    assert record.text.startswith("Der Stadtrat")
    assert record.entities == [] and record.events == []
    assert {w.stage for w in record.warnings} == set(ENGLISH_ONLY_STAGES)


def test_an_english_article_runs_the_extractors(reader):
    record = reader.read("The mayor, Jane Roe, said on Monday that the library would grow. " * 2)
    assert record.meta.language == "en"
    assert record.entities and not record.warnings
