"""Embedded social posts: the words a page keeps of an embedded post, and the signature after them.

A page that embeds a post (a tweet, most often) gives, once its markup is gone, the post's words
and then a signature line: "… the words of the post — Jane Roe (@jroe) May 4, 2017". There are no
quotation marks, so the quote scanner never sees it, yet it is the most verbatim quote there is,
signed with an account. Each signature makes one direct attribution to a ``social`` source with
its handle; the post's words are the text before the dash back to the start of its paragraph, or
the paragraph (line) just before when the signature opens a line of its own. A link the post ends
on is left out of its words. Words longer than a post can be (the paragraph breaks were lost, so
the page's prose runs into the post) are cut to their last sentences within ``MAX_POST_CHARS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.attribution import lexicons as lex


@dataclass(frozen=True, slots=True)
class Post:
    """One embedded post: offsets of its words, its whole signature, the name in it, and the handle."""

    content: tuple[int, int]
    signature: tuple[int, int]
    name: tuple[int, int]
    handle: str


def _block_before(text: str, end: int, floor: int) -> int:
    """Where the paragraph (or, without a blank line, the line) ending at ``end`` starts."""
    blank = text.rfind("\n\n", floor, end)
    line = text.rfind("\n", floor, end)
    if blank != -1 and blank + 1 >= line:
        return blank + 2
    return max(line + 1, floor) if line != -1 else floor


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    match = lex.POST_TRAILING_LINK_RE.search(text, start, end)
    if match is not None:
        end = match.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _last_sentences(text: str, start: int, end: int) -> int:
    """Where the last sentences of ``text[start:end]`` within ``MAX_POST_CHARS`` begin (``end``: none does)."""
    floor = end - lex.MAX_POST_CHARS
    for match in lex.POST_SENTENCE_START_RE.finditer(text, max(start, floor - 1), end):
        if match.end() >= floor:
            return match.end()
    return end


def embedded_posts(text: str) -> list[Post]:
    """Every signed embedded post in ``text``, in order; a signature with no words before it is skipped."""
    if "(@" not in text:
        return []  # no handle, no signature: most articles, at the cost of one substring search
    out: list[Post] = []
    floor = 0  # a post never reaches back past the signature before it
    for match in lex.POST_SIGNATURE_RE.finditer(text):
        dash = match.start()
        newline = text.rfind("\n", floor, dash)
        line_start = newline + 1 if newline != -1 else floor
        if text[line_start:dash].strip():
            # the words share the signature's paragraph: "words … — Name (@handle) date"
            blank = text.rfind("\n\n", floor, dash)
            start, end = (blank + 2 if blank != -1 else floor), dash
        else:
            # the signature opens its own line: the words are the paragraph or line above
            end = line_start
            while end > floor and text[end - 1].isspace():
                end -= 1
            start = _block_before(text, end, floor)
        start, end = _trim(text, start, end)
        if end - start > lex.MAX_POST_CHARS:
            start = _last_sentences(text, start, end)
        signature = (dash, match.end())
        floor = match.end()
        if len(text[start:end].split()) < lex.MIN_POST_WORDS:
            continue
        out.append(Post((start, end), signature, (match.start("name"), match.end("name")), match.group("handle")))
    return out
