"""Reading inputs: one reader per format, all producing ``Item`` objects."""

from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html import HtmlArticle, extract_html
from newsgraph.ingest.inputs import Item, item_from_mapping, iter_items, list_files

__all__ = ["HtmlArticle", "Item", "decode_bytes", "extract_html", "item_from_mapping", "iter_items", "list_files"]
