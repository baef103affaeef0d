"""``newsgraph eval html``."""
