"""``newsgraph eval conll``."""
