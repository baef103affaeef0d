"""The Parquet corpus: its layout (``layout``), its search index (``terms``), its cross-article entities
(``entities``), DuckDB queries over it (``duck.DuckCorpus``) and loading it into a store (``load``).

Like the store, this package never imports spaCy: a Parquet corpus is written
by ``newsgraph.distributed`` (the workers read the articles) and only read here.
"""

from newsgraph.parquet.duck import DuckCorpus

__all__ = ["DuckCorpus"]
