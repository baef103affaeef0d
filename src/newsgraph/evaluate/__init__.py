"""Scorers for ``newsgraph eval``: one module per gold data set."""
