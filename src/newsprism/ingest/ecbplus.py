"""Read ECB+ CAT XML files (tokens with sentence numbers) as plain articles.

Used by tests and benchmarks on ``../shared/corpus/ecbplus``; also lets ``newsprism analyze``
take the corpus directly.
"""

from __future__ import annotations

import re

import defusedxml.ElementTree as safe_xml

from newsprism.errors import UnreadableArticle

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)$", re.I)


def ecbplus_sentences(data: bytes, source: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """Return [(sentence number, [(t_id, token), ...]), ...] in document order."""
    try:
        root = safe_xml.fromstring(data)
    except Exception as exc:
        raise UnreadableArticle(source, f"malformed ECB+ XML ({type(exc).__name__})") from None
    sentences: dict[int, list[tuple[int, str]]] = {}
    for token in root.iter("token"):
        try:
            number = int(token.get("sentence", "0"))
            t_id = int(token.get("t_id", "0"))
        except ValueError:
            continue
        sentences.setdefault(number, []).append((t_id, token.text or ""))
    if not sentences:
        raise UnreadableArticle(source, "ECB+ file has no tokens")
    return sorted(sentences.items())


def join_tokens(tokens: list[str]) -> str:
    """Return tokens joined with spaces except before closing punctuation and clitics."""
    out = ""
    for token in tokens:
        if out and not _NO_SPACE_BEFORE.match(token) and not out.endswith(("(", "[", "$")):
            out += " "
        out += token
    return out


def _url_of(line: str) -> str | None:
    """Return the URL a tokenised first line holds ("http : //www.x.com/a" -> "http://www.x.com/a"), else None."""
    joined = line.replace(" ", "")
    return joined if re.match(r"^https?:?/", joined) else None


def ecbplus_document(data: bytes, source: str) -> tuple[str | None, str, str | None]:
    """Return (title, body, source URL) of an ECB+ document.

    ``*ecbplus.xml`` files begin with the page's URL as sentence 0: it is not text, but it names
    the publisher, so it is kept apart (the reader takes the outlet from it).
    """
    sentences = ecbplus_sentences(data, source)
    lines = [join_tokens([t for _, t in toks]) for _, toks in sentences]
    url = _url_of(lines[0]) if lines else None
    if url:
        lines = lines[1:]
    if not lines:
        raise UnreadableArticle(source, "ECB+ file has no text")
    title = lines[0] if len(lines) > 1 else None
    return title, "\n".join(lines[1:] if len(lines) > 1 else lines), url


def ecbplus_text(data: bytes, source: str) -> tuple[str | None, str]:
    """Return (title, body) of an ECB+ document, without its URL sentence."""
    title, body, _ = ecbplus_document(data, source)
    return title, body
