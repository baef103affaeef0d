"""Reading the web app's pages in tests: their elements, links and text, with the standard HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser


class Elements(HTMLParser):
    """(tag, attrs) of every element of a page, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def elements(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def links(page: str) -> list[str]:
    return [a["href"] for tag, a in elements(page).elements if tag == "a" and "href" in a]
