"""``newsgraph eval timeml``."""
