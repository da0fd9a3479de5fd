"""Article metadata from the text itself: dateline place, outlet and day, and the article id.

Metadata given by the input (manifest, JSONL fields, HTML meta, feed) always wins over what
the dateline says; each value records where it came from.
"""

from __future__ import annotations

import re
from datetime import date

from newsprism.records import Article, RawArticle, stable_id

MONTHS = {
    m: i for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], 1)
    for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_PLACE = r"(?P<place>[A-Z][A-Za-z'\u2019.\-]+(?:[ \-][A-Z][A-Za-z'\u2019.\-]+){0,3})"

# Agency style: "MOSCOW, June 26. /TASS/." or "KYIV, June 26 (Reuters) -"
_AGENCY_DATELINE = re.compile(
    _PLACE + r",\s+" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?\s*[.,]?\s*"
    r"(?:/(?P<agency>[A-Za-z][\w .\-]{0,30})/\.?|\((?P<paren>[A-Z][\w .\-]{0,30})\)\s*[-\u2013\u2014]?)?"
)
# Outlet style: "Washington, The Gulf Observer: ..."
_OUTLET_DATELINE = re.compile(_PLACE + r",\s+(?P<outlet>(?:The\s+)?[A-Z][\w&'\u2019.\-]*(?:\s+[A-Z][\w&'\u2019.\-]*){0,5})\s*:\s")
# Wire style: "WASHINGTON (AP) --" or "WASHINGTON \u2014"
_WIRE_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]+){0,3})(?:,\s+[A-Z][a-z.]+)?\s*(?:\((?P<agency>[A-Za-z][\w .\-]{0,30})\)\s*)?[-\u2013\u2014]{1,2}\s")

# A second part that is a place, not an outlet ("Kyiv, Ukraine:").
_PLACE_WORDS = {"ukraine", "russia", "israel", "gaza", "syria", "iraq", "iran", "china", "india", "france",
                "germany", "turkey", "egypt", "lebanon", "jordan", "england", "scotland", "wales", "texas",
                "california", "new york", "florida", "d.c.", "dc", "uk", "us", "usa"}


def normalise_place(place: str) -> str:
    """Return a dateline place in title case: MOSCOW -> Moscow, RIO DE JANEIRO -> Rio De Janeiro."""
    return place.title() if place.isupper() else place


# News archives reach back to the 1800s; a date outside these years is a broken field
# ("0001-01-01" placeholders), and date arithmetic on it downstream would overflow.
EARLIEST_PUBLICATION = date(1800, 1, 1)
LATEST_PUBLICATION = date(2200, 12, 31)


def plausible_publication_date(value: date | None) -> date | None:
    """Return ``value`` when it can be a publication date, else None."""
    if value is None or not EARLIEST_PUBLICATION <= value <= LATEST_PUBLICATION:
        return None
    return value


def content_hash(text: str) -> str:
    """Return a hash of the text with case and whitespace normalised (exact-copy key)."""
    return stable_id(" ".join(text.lower().split()), length=32)


def find_dateline(text: str) -> dict[str, object] | None:
    """Return the dateline in the first paragraphs: place, outlet, month/day/year and span."""
    offset = 0
    for paragraph in text.split("\n")[:4]:
        stripped = paragraph.lstrip()
        lead = offset + (len(paragraph) - len(stripped))
        for kind, pattern in (("agency", _AGENCY_DATELINE), ("outlet", _OUTLET_DATELINE), ("wire", _WIRE_DATELINE)):
            match = pattern.match(stripped)
            if not match:
                continue
            groups = match.groupdict()
            outlet = groups.get("agency") or groups.get("paren") or groups.get("outlet")
            if outlet and outlet.strip().lower() in _PLACE_WORDS:
                outlet = None
            found: dict[str, object] = {
                "place": normalise_place(groups["place"].strip()),
                "outlet": outlet.strip() if outlet else None,
                "span": (lead + match.start(), lead + match.end()),
            }
            if groups.get("month"):
                found["month"] = MONTHS[groups["month"].lower().rstrip(".")]
                found["day"] = int(groups["day"])
                found["year"] = int(groups["year"]) if groups.get("year") else None
            if kind == "outlet" and not found["outlet"]:
                continue
            return found
        offset += len(paragraph) + 1
    return None


def build_article(raw: RawArticle) -> Article:
    """Return the Article for a RawArticle, filling outlet and date from the dateline if needed."""
    dateline = find_dateline(raw.text)
    outlet = raw.outlet
    # Plain text has no metadata of its own: an outlet given for it came from the manifest.
    outlet_from = ("manifest" if raw.format == "text" else "metadata") if outlet else None
    published, published_from = raw.published, raw.published_from
    month_day: tuple[int, int] | None = None
    place = None
    span = None
    if dateline:
        place = dateline["place"]
        span = dateline["span"]
        if not outlet and dateline.get("outlet"):
            outlet, outlet_from = str(dateline["outlet"]), "dateline"
        if "month" in dateline:
            month, day = int(dateline["month"]), int(dateline["day"])  # type: ignore[arg-type]
            month_day = (month, day)
            year = dateline.get("year")
            if published is None and year:
                try:
                    from_dateline = plausible_publication_date(date(int(year), month, day))  # type: ignore[arg-type]
                    if from_dateline:
                        published, published_from = from_dateline, "dateline"
                except ValueError:
                    pass
    if published is not None:
        month_day = (published.month, published.day)
    hashed = content_hash(raw.text)
    return Article(
        id=stable_id(outlet or "", raw.title or "", hashed),
        source=raw.source, format=raw.format, text=raw.text, title=raw.title,
        outlet=outlet, outlet_from=outlet_from, published=published, published_from=published_from,
        published_month_day=month_day, dateline=place, dateline_span=span,  # type: ignore[arg-type]
        language=raw.language, url=raw.url, content_hash=hashed,
    )
