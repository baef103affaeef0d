"""spaCy integration: the pipeline, its factories and ``Doc`` extensions."""

from newsgraph.nlp.pipeline import default_model, load, load_model

__all__ = ["default_model", "load", "load_model"]
