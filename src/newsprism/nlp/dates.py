"""Find date expressions and resolve them against the article's publication date.

Rules, not guesses: a weekday is the most recent such day on or before publication (the
next one when the sentence speaks of the future); "June 23" takes the publication year;
"yesterday", "last week" and "that day" are resolved from context. Without a publication
date nothing relative is resolved, and the record says why.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.ingest.metadata import MONTHS
from newsprism.records import Article, DateMention

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
PARTS_OF_DAY = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
                "overnight": "night", "midday": "afternoon", "noon": "afternoon", "dawn": "morning",
                "tonight": "night"}

_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_RE = r"(?:morning|afternoon|evening|night|overnight)"
_PATTERNS = [
    # "On the evening of June 23", "on June 23, 2023", "June 23"
    rf"\b(?:[Oo]n\s+)?(?:the\s+(?P<part1>{_PART_RE})\s+of\s+)?(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
    # "23 June 2023", "on 23 June"
    rf"\b(?:[Oo]n\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_RE})(?:\s+(?P<year2>\d{{4}}))?\b",
    # ISO dates
    r"\b(?P<iso>\d{4}-\d{2}-\d{2})\b",
    # "on Saturday morning", "Friday night", "late on Tuesday", "earlier on Wednesday"
    rf"\b(?:(?:late|early|earlier|later)\s+)?(?:[Oo]n\s+)?(?:the\s+(?P<part3>{_PART_RE})\s+of\s+)?(?:last\s+|this\s+|next\s+)?(?P<weekday>{_WEEKDAY_RE})(?:\s+(?P<part2>{_PART_RE}))?\b",
    # relative words
    rf"\b(?:[Oo]n\s+(?=that\s+day|the\s+same\s+day|the\s+(?:previous|next)\s+day))?(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast\s+night|[Tt]his\s+{_PART_RE}|[Ll]ast\s+(?:week|month|year|weekend)|[Tt]his\s+(?:week|month|year|weekend)|[Nn]ext\s+(?:week|month|year)|[Ee]arlier\s+this\s+(?:week|month|year)|(?:[Oo]ver\s+)?the\s+(?:past|last)\s+weekend|[Tt]hat\s+day|[Tt]he\s+same\s+day|[Tt]he\s+(?:previous|next)\s+day|[Tt]he\s+day\s+before)\b",
    # "in March 2023", "March 2023"
    rf"\b(?:in\s+)?(?P<month3>{_MONTH_RE})\s+(?P<year3>\d{{4}})\b",
]
DATE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told|stated|announced|wrote|added|reported|confirmed)\s+(?:\w+\s+)?$", re.I)
_FUTURE_RE = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned|going\s+to|scheduled|expected\s+to|next)\b", re.I)


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _weekday_date(anchor: date, weekday: int, future: bool, explicit: str) -> date:
    if explicit == "last":
        back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if future or explicit == "next":
        ahead = (weekday - anchor.weekday()) % 7
        if explicit == "next" and ahead == 0:
            ahead = 7
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_expression(text: str, groups: dict[str, str | None], article: Article,
                       sentence: str, previous: date | None) -> tuple[date | None, str, str | None, str]:
    """Return (date, status, part of day, granularity) for one matched expression.

    Never raises: arithmetic that leaves the calendar ("yesterday" in an article dated
    0001-01-01, "next year" in 9999) leaves the expression unparsed instead.
    """
    try:
        return _resolve(text, groups, article, sentence, previous)
    except (OverflowError, ValueError):
        return None, "unparsed", None, "day"


def _resolve(text: str, groups: dict[str, str | None], article: Article,
             sentence: str, previous: date | None) -> tuple[date | None, str, str | None, str]:
    published = article.published
    part = groups.get("part1") or groups.get("part2") or groups.get("part3")
    part = PARTS_OF_DAY.get(part.lower()) if part else None
    if groups.get("iso"):
        parsed = _safe_date(*map(int, groups["iso"].split("-")))  # type: ignore[union-attr]
        return parsed, "resolved" if parsed else "unparsed", part, "day"
    month_name = groups.get("month") or groups.get("month2")
    if month_name:
        day = int(groups.get("day") or groups.get("day2") or 0)
        year_text = groups.get("year") or groups.get("year2")
        month = _month_number(month_name)
        if year_text:
            parsed = _safe_date(int(year_text), month, day)
            return parsed, "resolved" if parsed else "unparsed", part, "day"
        if published is None:
            return None, "no_year", part, "day"
        parsed = _safe_date(published.year, month, day)
        # "December 30" in a January article is last year's, unless the sentence is about the future.
        if parsed and parsed > published + timedelta(days=31) and not _FUTURE_RE.search(sentence):
            parsed = _safe_date(published.year - 1, month, day)
        return parsed, "resolved" if parsed else "unparsed", part, "day"
    if groups.get("month3"):
        parsed = _safe_date(int(groups["year3"]), _month_number(groups["month3"]), 1)  # type: ignore[arg-type]
        return parsed, "resolved" if parsed else "unparsed", None, "month"
    if groups.get("weekday"):
        if published is None:
            return None, "no_publication_date", part, "day"
        explicit = "last" if re.search(r"\blast\s", text, re.I) else "next" if re.search(r"\bnext\s", text, re.I) else ""
        future = bool(_FUTURE_RE.search(sentence))
        return _weekday_date(published, WEEKDAYS[groups["weekday"].lower()], future, explicit), "resolved", part, "day"
    rel = " ".join((groups.get("rel") or "").lower().split())
    if rel in ("that day", "the same day"):
        return (previous, "anaphoric", None, "day") if previous else (None, "unparsed", None, "day")
    if rel in ("the previous day", "the day before"):
        return (previous - timedelta(days=1), "anaphoric", None, "day") if previous else (None, "unparsed", None, "day")
    if rel == "the next day":
        return (previous + timedelta(days=1), "anaphoric", None, "day") if previous else (None, "unparsed", None, "day")
    if published is None:
        return None, "no_publication_date", None, "day"
    if rel in ("today", "tonight") or rel.startswith("this ") and rel.split()[1] in PARTS_OF_DAY:
        return published, "resolved", "night" if rel == "tonight" else PARTS_OF_DAY.get(rel.split()[-1]), "day"
    if rel == "yesterday":
        return published - timedelta(days=1), "resolved", None, "day"
    if rel == "last night":
        return published - timedelta(days=1), "resolved", "night", "day"
    if rel == "tomorrow":
        return published + timedelta(days=1), "resolved", None, "day"
    monday = published - timedelta(days=published.weekday())
    if rel in ("last week",):
        return monday - timedelta(days=7), "resolved", None, "week"
    if rel in ("this week", "earlier this week"):
        return monday, "resolved", None, "week"
    if rel == "next week":
        return monday + timedelta(days=7), "resolved", None, "week"
    if rel.endswith("weekend"):
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if rel.startswith("this") and published.weekday() < 5:
            saturday += timedelta(days=7)
        return saturday, "resolved", None, "weekend"
    if rel in ("last month",):
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "resolved", None, "month"
    if rel in ("this month", "earlier this month"):
        return published.replace(day=1), "resolved", None, "month"
    if rel == "next month":
        return (published.replace(day=28) + timedelta(days=4)).replace(day=1), "resolved", None, "month"
    if rel in ("last year",):
        return date(published.year - 1, 1, 1), "resolved", None, "year"
    if rel in ("this year", "earlier this year"):
        return date(published.year, 1, 1), "resolved", None, "year"
    if rel == "next year":
        return date(published.year + 1, 1, 1), "resolved", None, "year"
    return None, "unparsed", None, "day"


def find_dates(article: Article, sentences: list[tuple[int, int, int]]) -> list[DateMention]:
    """Return every date expression in the article text, resolved where the text allows.

    ``sentences`` holds (index, start, end) for each sentence of ``article.text``.
    """
    text = article.text
    found: list[DateMention] = []
    previous: date | None = None
    skip = article.dateline_span
    for index, start, end in sentences:
        sentence = text[start:end]
        for match in DATE_RE.finditer(sentence):
            m_start, m_end = start + match.start(), start + match.end()
            if skip and skip[0] <= m_start < skip[1]:
                continue  # the dateline's day is the publication date, not an event date
            groups = match.groupdict()
            resolved, status, part, granularity = resolve_expression(match.group(0), groups, article, sentence, previous)
            # "Lavrov said on Monday" dates the report, not the happening "that day" points back to.
            reporting = bool(_REPORTING_BEFORE.search(sentence[max(0, match.start() - 30):match.start()]))
            if resolved is not None and granularity == "day" and status == "resolved" and not reporting:
                previous = resolved
            found.append(DateMention(
                article_id=article.id, sentence_index=index, start=m_start, end=m_end,
                text=match.group(0), resolved=resolved, status=status, part_of_day=part,
                granularity=granularity,
            ))
    return found
