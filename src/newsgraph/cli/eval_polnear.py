"""``newsgraph eval polnear``."""
