"""Extractors: plain functions from a parsed ``Doc`` to typed record parts.

One module per kind of thing. Each function has no side effects on the ``Doc``;
the spaCy components in ``newsgraph.nlp.factories`` call them and store results.
"""
