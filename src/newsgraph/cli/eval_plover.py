"""``newsgraph eval plover``."""
