"""``training/ner/convert.py``: a hand-written CoNLL snippet becomes training data tokenized as newsgraph parses."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from _scripts import load_script


def _convert_module():
    return load_script("training/ner/convert.py", "ner_convert")


#: Three invented documents, IOB1 tags as in CoNLL-2003 (a chunk starts with I-, B- only between two of a type).
SNIPPET = """\
-DOCSTART- -X- -X- O

Velmora NNP I-NP I-ORG
Mining NNP I-NP I-ORG
hired VBD I-VP O
Ada NNP I-NP I-PER
Brenn NNP I-NP I-PER
. . O O

Brenn NNP I-NP I-PER
moved VBD I-VP O
to TO I-PP O
Quillport NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

Tomas NNP I-NP I-PER
Lind NNP I-NP I-PER
Eva NNP I-NP B-PER
Sund NNP I-NP I-PER
won VBD I-VP O
the DT I-NP O
Arlow JJ I-NP I-MISC
Cup NNP I-NP I-MISC
's POS B-NP O
final NN I-NP O
. . O O

-DOCSTART- -X- -X- O

U.S.-based JJ I-NP O
Orvane NNP I-NP I-ORG
fell VBD I-VP O
1.5% CD I-NP O
. . O O
"""


def _ents(path: Path) -> list[list[tuple[str, str]]]:
    vocab = spacy.blank("en").vocab
    return [[(e.text, e.label_) for e in doc.ents] for doc in DocBin().from_disk(path).get_docs(vocab)]


def test_a_snippet_is_split_by_document_and_keeps_every_gold_chunk(tmp_path):
    source = tmp_path / "mini.conll"
    source.write_text(SNIPPET, encoding="utf-8")
    convert = _convert_module()
    result = convert.convert(source, tmp_path / "out", dev_share=0.34, model=None)
    assert (result.train_docs, result.dev_docs, result.chunks) == (2, 1, 8)
    assert _ents(tmp_path / "out" / "train.spacy") == [
        [("Velmora Mining", "ORG"), ("Ada Brenn", "PER"), ("Brenn", "PER"), ("Quillport", "LOC")],
        # B-PER splits two adjacent names; "'s" is not part of the event's name.
        [("Tomas Lind", "PER"), ("Eva Sund", "PER"), ("Arlow Cup", "MISC")],
    ]
    assert _ents(tmp_path / "out" / "dev.spacy") == [[("Orvane", "ORG")]]
    # The early-stopping documents are written back as CoNLL, line for line.
    dev = (tmp_path / "out" / "dev.conll").read_text(encoding="utf-8")
    assert dev == SNIPPET[SNIPPET.rindex("-DOCSTART-"):]


def test_the_text_is_built_and_tokenized_as_the_pipeline_sees_it(tmp_path):
    source = tmp_path / "mini.conll"
    source.write_text(SNIPPET, encoding="utf-8")
    convert = _convert_module()
    convert.convert(source, tmp_path / "out", dev_share=0.34, model=None)
    vocab = spacy.blank("en").vocab
    first = next(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(vocab))
    # Sentences joined by a newline (a whitespace token), tokens by spaces, as ``newsgraph eval conll`` does.
    assert first.text == "Velmora Mining hired Ada Brenn .\nBrenn moved to Quillport ."
    assert "\n" in [t.text for t in first]
    # Tokens outside the chunks are O, not missing: the component learns where names are not.
    assert {t.ent_iob_ for t in first if not t.ent_type_} == {"O"}
    # spaCy's tokenizer, not CoNLL's tokens: "1.5%" is split as at run time.
    dev = next(DocBin().from_disk(tmp_path / "out" / "dev.spacy").get_docs(vocab))
    assert [t.text for t in dev] == ["U.S.-based", "Orvane", "fell", "1.5", "%", "."]


def test_a_file_without_tokens_is_refused(tmp_path):
    from newsgraph.errors import InputError

    source = tmp_path / "empty.conll"
    source.write_text("-DOCSTART- -X- -X- O\n\n", encoding="utf-8")
    with pytest.raises(InputError):
        _convert_module().convert(source, tmp_path / "out", model=None)
