"""Turn the bytes of an input file into text, or say clearly why that is not possible."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterator

from charset_normalizer import from_bytes

from newsprism.errors import UnreadableArticle

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text; more than a few of them in the first block mean a binary file.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
# Signatures of binary formats scrapers save with the wrong extension, named for the message.
_MAGIC_NUMBERS = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
)
# Among legacy code pages that read a file equally well, the ones news is most often in:
# short Western text fits cp1250 and cp1252 alike, and cp1250 turns French "à" into "ŕ".
_PREFERRED_LEGACY = ("cp1252", "cp1251")


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """Return 'utf-16-le'/'-be' when the bytes read as UTF-16 text of one or two scripts.

    Real text holds spaces, digits or punctuation, whose UTF-16 form has a zero high byte, so
    zeros fall on one byte position only (UTF-8 and single-byte text hold no zeros at all);
    and the high bytes take only a few values (0x00 and 0x04 for Russian).
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    units = len(sample) // 2
    even_zero = sample[0::2].count(0) / units
    odd_zero = sample[1::2].count(0) / units
    if odd_zero >= 0.05 and even_zero <= odd_zero / 10:
        encoding, high = "utf-16-le", sample[1::2]
    elif even_zero >= 0.05 and odd_zero <= even_zero / 10:
        encoding, high = "utf-16-be", sample[0::2]
    else:
        return None
    common = sorted((high.count(value) for value in set(high)), reverse=True)
    if sum(common[:3]) < 0.9 * units:
        return None
    return encoding


def _binary_kind(head: bytes) -> str | None:
    """Return what binary format ``head`` starts, "binary file" for other binary, else None."""
    for magic, kind in _MAGIC_NUMBERS:
        if head.startswith(magic):
            return kind
    # A stray NUL or escape in a scraped article is noise; 2% of them is not text, nor is a short
    # file a quarter of whose bytes are controls ("\x00\x01\x02binary").
    controls = sum(1 for b in head if b in _BINARY_BYTES)
    if controls > max(8, len(head) // 50) or (controls >= 3 and controls * 4 > len(head)):
        return "binary file"
    return None


def _stray_symbols(text: str) -> int:
    """Return how many non-ASCII characters of ``text`` are symbols, numbers or controls.

    The wrong code page turns letters into such characters ("powiedział" read as cp1252 is
    "powiedzia³"); the right one gives letters and punctuation.
    """
    return sum(1 for ch in text if ch > "\x7f" and unicodedata.category(ch)[0] in "SNC")


def _legacy_decode(data: bytes, source: str) -> str:
    """Return data decoded from the legacy code page that reads it most plausibly.

    charset_normalizer proposes code pages; on short text several score the same. Ranked by:
    fewest stray symbols, then charset_normalizer's language coherence, then the code pages
    most common in news. DOS and Mac code pages come last: web pages are not saved in them,
    yet on short text they often outscore cp1252 (curly quotes read as "ōwe returnö").
    """
    results = from_bytes(data[:200_000])
    best = results.best()
    if best is None or best.encoding is None:
        raise UnreadableArticle(source, "not valid UTF-8 and its encoding could not be detected")
    coherence: dict[str, float] = {}
    for match in results:
        if match.chaos <= best.chaos + 0.01:
            for encoding in match.could_be_from_charset:
                coherence.setdefault(encoding, round(match.coherence, 3))
    sample = data[:20_000]

    def rank(encoding: str) -> tuple[bool, int, float, int]:
        preference = _PREFERRED_LEGACY.index(encoding) if encoding in _PREFERRED_LEGACY else len(_PREFERRED_LEGACY)
        return (_is_dos_or_mac(encoding), _stray_symbols(sample.decode(encoding, errors="replace")),
                -coherence[encoding], preference)

    for encoding in [*sorted(coherence, key=rank), best.encoding]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableArticle(source, f"not valid UTF-8 and not valid {best.encoding} either")


def _is_dos_or_mac(encoding: str) -> bool:
    """Return whether ``encoding`` is a DOS (cp437, cp850, ...) or Mac code page."""
    name = encoding.lower().replace("-", "_")
    return name.startswith("mac") or (name.startswith("cp") and name[2:].isdigit() and int(name[2:]) < 1250) \
        or name in ("hp_roman8", "cp1125")


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
    kind = _binary_kind(data[:8192])
    if kind:
        raise UnreadableArticle(source, f"{kind}, not text" if kind == "binary file" else f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: legacy single-byte encodings (cp1251, latin-1, ...) are common in scraped news.
    return _legacy_decode(data, source)


# C0 controls but tab and newline, DEL and C1 controls; and lone surrogates (from JSON "\ud800"
# escapes or XML character references), which cannot be encoded as UTF-8, so hashing or
# storing them would fail later.
_UNWANTED_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Return text with control characters removed and line endings normalised.

    Offsets are computed on the cleaned text, which is what the store keeps.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return _UNWANTED_CHARACTERS.sub("", text)


def clean_field(value: str | None, limit: int = 1000) -> str | None:
    """Return a metadata value (title, outlet, url) as one clean line, or None when blank.

    Control characters, surrogates and line breaks are removed so that a hostile title can
    neither break the store nor split a one-line message; overlong values are cut.
    """
    if value is None:
        return None
    line = " ".join(clean_text(value).split())[:limit].strip()
    return line or None


def json_lines(text: str, path: str, what: str = "line") -> Iterator[tuple[str, object]]:
    """Yield (source, row) for each non-blank JSON line; a line that cannot be read yields an
    UnreadableArticle as its row, naming the file and line, and reading goes on.

    ``what`` names the line in the message ("manifest line is not JSON ...")."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}#{number}"
        try:
            yield source, json.loads(line)
        except json.JSONDecodeError as exc:
            yield source, UnreadableArticle(source, f"{what} is not JSON ({exc.msg})")
        except ValueError as exc:   # an integer of thousands of digits
            yield source, UnreadableArticle(source, f"{what} is not JSON we can read ({str(exc)[:80]})")
        except RecursionError:      # "[[[[..." thousands deep: this line only, not the file
            yield source, UnreadableArticle(source, f"{what} nests too deeply to parse")
