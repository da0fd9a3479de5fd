"""Turn the bytes of an input file into text, or say clearly why that is not possible."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsprism.errors import UnreadableArticle

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text; a few of them in the first block mean a binary file.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """Return 'utf-16-le'/'-be' when every other byte of ASCII-range text is zero."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sum(1 for b in sample[0::2] if b == 0) / len(sample[0::2])
    odd_zero = sum(1 for b in sample[1::2] if b == 0) / max(1, len(sample[1::2]))
    if odd_zero > 0.6 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.6 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Return the text of ``data``; raise UnreadableArticle naming ``source`` when it is not text."""
    if not data.strip():
        raise UnreadableArticle(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableArticle(source, f"invalid {encoding} text after its byte-order mark ({exc.reason})") from None
    utf16 = _looks_like_utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    head = data[:8192]
    if sum(1 for b in head if b in _BINARY_BYTES) > max(2, len(head) // 200):
        raise UnreadableArticle(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: legacy single-byte encodings (cp1251, latin-1, ...) are common in scraped news.
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableArticle(source, "not valid UTF-8 and its encoding could not be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise UnreadableArticle(source, f"not valid UTF-8 and not valid {best.encoding} either") from None


def clean_text(text: str) -> str:
    """Return text with control characters removed and line endings normalised.

    Offsets are computed on the cleaned text, which is what the store keeps.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return "".join(ch for ch in text if ch in "\n\t" or ch >= " " and not ("\x7f" <= ch <= "\x9f"))
