"""``newsgraph eval cleaning``."""
