"""Extractors: plain functions from a parsed ``Doc`` to typed record parts.

One package per stage, in the order the pipeline runs them: ``entities``,
``time``, ``attribution``, ``events``. Each package's ``__init__`` exports its
entry point; the modules inside are its own. The functions have no side effects
on the ``Doc``; the spaCy components in ``newsgraph.nlp.factories`` call them and
store their results.
"""
