"""Quote attribution: who said what, in their words or reported, through which channel and when.

Pipeline stage ``extract_quotes(analyzed, doc)`` fills ``analyzed.quotes`` with records.Quote.
It reads the article text, the spaCy parse, the date mentions and the resolved actors (the
actors stage runs before it).

Direct quotes start from the quotation marks (``quote_marks``) and look for their attribution:
  - after the quote: "'…,' Lavrov said", "“…,” said Caddell", "“…” ― Sonya Herridge";
  - before it: "Blinken wrote on Twitter: “…”", "Caddell continued:" closing the paragraph before;
  - a speaker label opening the line: "PENCE: …", a headline "Lavrov: …";
  - the attribution of the quote just before it, for a quote split by its attribution
    ("'…,' Lavrov said. '…'") or continued in the next paragraph.
A quoted fragment inside reported speech ("Peskov said Putin ‘informed his counterparts’") is
part of that indirect quote, not a quote of its own; a short unattributed one is a scare quote.

Reported speech comes from the parse: a reporting verb (``quote_cues``) and its clause
("said (that) …", "…, the State Department said", "urged X to …", "called X a betrayal"),
"according to X", and a line ending "— Lavrov". Speakers come from ``quote_speakers``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsprism.events.quote_cues import (
    DIRECTIVE_VERBS, INTRODUCING_VERBS, SPEECH_VERBS, STANCE_VERBS, detect_channel,
)
from newsprism.events.quote_marks import QuotedSpan, find_quoted_spans, paragraph_spans
from newsprism.events.quote_speakers import (
    Speaker, resolve_speaker, speaker_from_token, subject_of,
)
from newsprism.nlp.cited_sources import PERSON_TITLES
from newsprism.records import AnalyzedArticle, Quote, stable_id

REPORTING_VERBS = SPEECH_VERBS | STANCE_VERBS | DIRECTIVE_VERBS
# A quote with no attribution this long is someone's words; shorter ones are scare quotes or titles.
UNATTRIBUTED_MIN_WORDS = 8
# How far an attribution may sit from its quote, in tokens.
ATTRIBUTION_WINDOW = 14
DASHES = "—–―"
_TRAILING_DASH = re.compile(rf"^[ \t]*(?:[{DASHES}]|--?)[ \t]*(?P<who>[^\n{DASHES}]{{2,80}}?)[ \t]*\.?[ \t]*(?:\n|$)")
_LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]*:[ \t]+(?P<content>\S)")
# Gap words allowed between a reporting verb and the quote it introduces ("said on Monday that").
_GAP_WORDS = frozenset({"that", "then", "also", "later", "again", "simply", "only", "just", "flatly", "as", "follows"})


@dataclass(frozen=True, slots=True)
class _Attribution:
    """How a passage is attributed: speaker, cue, and the words around it that may name a channel."""

    speaker: Speaker | None
    cue: str | None
    cue_start: int | None          # where the cue sits, to find the date of the statement
    context: str                   # attribution words (never the quote) for the channel


def extract_quotes(analyzed: AnalyzedArticle, doc) -> None:
    """Fill ``analyzed.quotes`` with the article's direct and reported quotes (pipeline stage)."""
    analyzed.quotes[:] = find_quotes(analyzed, doc)


def find_quotes(analyzed: AnalyzedArticle, doc) -> list[Quote]:
    """Return the quotes of one parsed article, in reading order."""
    text = analyzed.article.text
    if not text.strip() or len(doc) == 0:
        return []
    finder = _Finder(analyzed, doc)
    return finder.run()


class _Finder:
    """One article's quote search; holds the parse and the passages found so far."""

    def __init__(self, analyzed: AnalyzedArticle, doc) -> None:
        self.analyzed = analyzed
        self.doc = doc
        self.text = analyzed.article.text
        self.paragraphs = paragraph_spans(self.text)
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.token_starts = [t.idx for t in doc]
        self.sentence_starts = [s.start for s in analyzed.sentences]
        self.quotes: list[Quote] = []
        self.seen: set[tuple[int, int]] = set()

    # -- helpers -------------------------------------------------------------------------------

    def token_at(self, char: int):
        """Return the token covering (or starting nearest before) a character offset."""
        index = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[max(0, index)]

    def tokens_between(self, start: int, end: int):
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [self.doc[i] for i in range(first, last)]

    def paragraph_of(self, char: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)
        return self.paragraphs[index] if self.paragraphs else (0, len(self.text))

    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def add(self, start: int, end: int, direct: bool, attribution: _Attribution | None) -> None:
        start, end = _trim(self.text, start, end, direct)
        if end - start < 2 or (start, end) in self.seen:
            return
        self.seen.add((start, end))
        speaker = attribution.speaker if attribution else None
        channel = detect_channel(attribution.context) if attribution else None
        self.quotes.append(Quote(
            id=stable_id(self.analyzed.article.id, start, end),
            article_id=self.analyzed.article.id,
            sentence_index=self.sentence_index(start),
            start=start, end=end, text=self.text[start:end], direct=direct,
            speaker=speaker.text if speaker else None,
            speaker_actor_id=speaker.actor_id if speaker else None,
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            cue=attribution.cue if attribution else None,
            channel=channel.name if channel else None,
            channel_detail=channel.detail if channel else None,
            date=self.date_of(attribution, start, end) if attribution and attribution.cue_start is not None else None,
        ))

    def date_of(self, attribution: _Attribution, content_start: int, content_end: int):
        """Return the resolved date of the statement: a date in the cue's sentence, outside the quote
        and the speaker, that the parse attaches to the cue ("said on Monday"); else None."""
        cue_start = attribution.cue_start
        sentence = self.analyzed.sentences[self.sentence_index(cue_start)] if self.analyzed.sentences else None
        if sentence is None:
            return None
        speaker = attribution.speaker
        candidates = [d for d in self.analyzed.dates if sentence.start <= d.start < sentence.end
                      and not (content_start <= d.start < content_end)
                      and not (speaker is not None and speaker.start <= d.start < speaker.end)
                      and not any(s <= d.start < e for s, e in self.quoted_chars)]
        if not candidates:
            return None
        cue = self.token_at(cue_start)

        def attached(mention) -> bool:
            token = self.token_at(mention.start)
            for _ in range(3):                  # "said Saturday", "said on Monday", "said late on Monday"
                if token.head.i == cue.i:
                    return True
                if token.head.i == token.i:
                    return False
                token = token.head
            return False

        # A date elsewhere in the sentence may date the events reported, not the statement: never guess.
        chosen = [d for d in candidates if attached(d)]
        return min(chosen, key=lambda d: abs(d.start - cue_start)).resolved if chosen else None

    def verb_attribution(self, verb, content_start: int, content_end: int) -> _Attribution:
        """Return the attribution a reporting verb gives: its speaker, cue and channel words."""
        subject = subject_of(verb)
        speaker = speaker_from_token(self.analyzed, subject) if subject is not None else None
        cue = verb.text.lower()
        particles = [c for c in verb.children if c.dep_ == "prt"]
        if particles:
            cue = f"{cue} {particles[0].text.lower()}"
        # The channel is named in the verb's own phrase and the speaker's, never in the content.
        clauses = [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp", "parataxis")]
        inside = {t.i for c in clauses for t in c.subtree}
        words = [t for t in verb.subtree if t.i not in inside and not (content_start <= t.idx < content_end)
                 and not any(s <= t.idx < e for s, e in self.quoted_chars)]
        if subject is not None and not verb.is_ancestor(subject):
            words.extend(subject.subtree)
        context = "".join(t.text_with_ws for t in sorted(set(words), key=lambda t: t.i))
        return _Attribution(speaker, cue, verb.idx, context)

    # -- the search ----------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        spans = [s for s in find_quoted_spans(self.text) if self.text[s.content_start:s.content_end].strip(" ,.;:!?\n")]
        self.quoted_chars = [(s.start, s.end) for s in spans]
        reported = [list(item) for item in self.reported_clauses()]
        attributed: dict[int, _Attribution] = {}
        for index, span in enumerate(spans):
            found = self.after_quote(span) or self.dash_after(span) or self.before_quote(span) or self.label_before(span)
            if found is not None:
                attributed[index] = found
        # A quote with no attribution of its own continues the one just before it in the same
        # paragraph ("'…,' Lavrov said. '…'") or, when it opens a paragraph, in the one before.
        for index, span in enumerate(spans):
            if index in attributed or index == 0 or (index - 1) not in attributed:
                continue
            previous = spans[index - 1]
            if self.continues(previous, span) and not self.inside_reported(span, reported):
                attributed[index] = attributed[index - 1]
        for index, span in enumerate(spans):
            if index in attributed:
                self.add(span.content_start, span.content_end, True, attributed[index])
                continue
            host = self.host_clause(span, reported)
            if host is not None:
                host[1] = max(host[1], span.end)         # the reported words run to the quote's end
            elif _word_count(self.text[span.content_start:span.content_end]) >= UNATTRIBUTED_MIN_WORDS:
                self.add(span.content_start, span.content_end, True, None)
        direct = [(q.start, q.end) for q in self.quotes]
        for start, end, attribution in reported:
            covered = sum(max(0, min(end, e) - max(start, s)) for s, e in direct)
            if covered >= 0.5 * (end - start):
                continue                                  # the quote itself, already attributed
            self.add(start, end, False, attribution)
        self.trailing_attributions()
        self.quotes.sort(key=lambda q: (q.start, q.end))
        return self.quotes

    def continues(self, previous: QuotedSpan, span: QuotedSpan) -> bool:
        """Return whether ``span`` picks up where the attributed quote ``previous`` left off."""
        previous_paragraph = self.paragraph_of(previous.end - 1)
        paragraph = self.paragraph_of(span.start)
        if paragraph == previous_paragraph:
            # Only the attribution sentence lies between: "'…,' Lavrov said. '…'".
            between = self.text[previous.end:span.start]
            return bool(re.search(r"[.!?:,]\s*$", between)) and len(between) < 200
        # A paragraph opening with the quote, right after the paragraph that ends with the previous
        # quote and its attribution.
        following = self.paragraphs.index(previous_paragraph) + 1 == self.paragraphs.index(paragraph)
        opens = not self.text[paragraph[0]:span.start].strip()
        return following and opens and len(self.text[previous.end:previous_paragraph[1]].strip()) < 100

    def host_clause(self, span: QuotedSpan, reported) -> list | None:
        """Return the reported clause a quote opens inside ("Peskov said Putin ‘informed …’"), if any."""
        hosts = [r for r in reported if r[0] < span.start < r[1] and re.search(r"\w", self.text[r[0]:span.start])]
        return max(hosts, key=lambda r: r[1] - r[0]) if hosts else None

    def inside_reported(self, span: QuotedSpan, reported) -> bool:
        return self.host_clause(span, reported) is not None

    def after_quote(self, span: QuotedSpan) -> _Attribution | None:
        """Return the attribution following a quote: "“…,” Lavrov said", "“…,” said Caddell."."""
        paragraph_end = self.paragraph_of(span.end - 1)[1]
        tokens = self.tokens_between(span.end, paragraph_end)[:ATTRIBUTION_WINDOW]
        allowed: set[int] = set()
        for token in tokens:
            if token.text in "“”\"«»‘’'" or any(s <= token.idx < e for s, e in self.quoted_chars):
                return None                           # another quote starts before any attribution
            if _introduces(token):
                subject = subject_of(token)
                if subject is not None and span.content_start <= subject.idx < span.content_end:
                    return None
                if any(c.dep_ == "ccomp" and c.idx >= span.end for c in token.children):
                    return None                       # "“…” Lavrov said the talks failed": a new statement
                # Every word between the quote and the verb must belong to the speaker or be an adverb.
                if subject is not None:
                    allowed.update(t.i for t in subject.subtree)
                if all(t.is_punct or t.is_space or t.i in allowed or t.pos_ in ("ADV", "PART", "AUX") or t.lower_ in _GAP_WORDS
                       for t in tokens if t.i < token.i):
                    return self.verb_attribution(token, span.content_start, span.content_end)
                return None
        return None

    def before_quote(self, span: QuotedSpan) -> _Attribution | None:
        """Return the attribution introducing a quote: "Blinken wrote on Twitter: “…”", "Caddell continued:" + paragraph."""
        paragraph = self.paragraph_of(span.start)
        region_start = paragraph[0]
        if not self.text[paragraph[0]:span.start].strip():
            # The quote opens its paragraph: the previous paragraph may end with "… continued:".
            index = bisect.bisect_right(self.paragraph_starts, span.start) - 1
            if index <= 0:
                return None
            previous = self.paragraphs[index - 1]
            if not self.text[previous[0]:previous[1]].rstrip().endswith(":"):
                return None
            region_start, region_end = previous[0], previous[1]
        else:
            region_end = span.start
        tokens = [t for t in self.tokens_between(region_start, region_end) if not any(s <= t.idx < e for s, e in self.quoted_chars)]
        for position in range(len(tokens) - 1, max(-1, len(tokens) - 1 - ATTRIBUTION_WINDOW), -1):
            verb = tokens[position]
            if not _introduces(verb):
                continue
            gap = tokens[position + 1:]
            subject = subject_of(verb)
            if subject is None:
                return None
            # Only the verb's own phrase may stand between it and the quote ("told reporters on Monday:").
            for token in gap:
                if token.is_punct or token.is_space or token.lower_ in _GAP_WORDS:
                    continue
                if token.pos_ in ("VERB", "AUX") and token.i != verb.i:
                    return None                       # a clause of its own: the quote is inside reported speech
                if not verb.is_ancestor(token) and not subject.is_ancestor(token) and token.i != subject.i:
                    return None
            if gap and not re.search(r"[:,]$|\bthat$", self.text[verb.idx:region_end].rstrip()):
                return None
            return self.verb_attribution(verb, span.content_start, span.content_end)
        return None

    def dash_after(self, span: QuotedSpan) -> _Attribution | None:
        """Return the attribution of "“…” ― Sonya Herridge" (a dash and a name closing the line)."""
        match = _TRAILING_DASH.match(self.text, span.end)
        if not match:
            return None
        start, end = match.span("who")
        return self.name_attribution(start, end, "—")

    def label_before(self, span: QuotedSpan) -> _Attribution | None:
        """Return the speaker label opening the quote's line: "PENCE: “…”", "Lavrov: “…”"."""
        paragraph = self.paragraph_of(span.start)
        match = _LABEL.match(self.text, paragraph[0])
        if not match or match.start("content") != span.start:
            return None
        return self.name_attribution(*match.span("label"), ":")

    def name_attribution(self, start: int, end: int, cue: str) -> _Attribution | None:
        """Return an attribution to the name or title at [start, end), when it names a speaker."""
        written = self.text[start:end].strip()
        words = written.split()
        if not words or len(words) > 8 or not (written[0].isupper() or words[0].lower() in ("the", "a", "an")):
            return None
        if not self.names_speaker(start, end, written):
            return None
        return _Attribution(resolve_speaker(self.analyzed, start, end, written), cue, start, written)

    def names_speaker(self, start: int, end: int, written: str) -> bool:
        """Return whether a short phrase names a person, a body, or someone by title."""
        if any(e.label in ("PERSON", "ORG", "NORP", "GPE") and e.start < end and start < e.end for e in self.analyzed.entities):
            return True
        if any(m.start < end and start < m.end for m in self.analyzed.actor_mentions):
            return True
        lowered = written.lower()
        words = re.findall(r"[a-z]+", lowered)
        if any(w in PERSON_TITLES for w in words):
            return True
        # "WALLACE:" in a transcript is the surname of a person the article names.
        surnames = {e.text.split()[-1].lower() for e in self.analyzed.entities if e.label == "PERSON" and e.text.split()}
        return written.isupper() and lowered.split()[-1] in surnames

    def reported_clauses(self) -> list[tuple[int, int, _Attribution]]:
        """Return (start, end, attribution) for each reported-speech clause in the parse."""
        found: list[tuple[int, int, _Attribution]] = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                item = self.according_to(token)
            elif lemma in REPORTING_VERBS and token.pos_ in ("VERB", "AUX"):
                item = self.verb_clause(token, lemma)
            else:
                continue
            if item is not None:
                found.append(item)
        return found

    def verb_clause(self, verb, lemma: str) -> tuple[int, int, _Attribution] | None:
        """Return the clause a reporting verb reports, with its attribution, or None."""
        doc = self.doc
        content = None
        # "Asked how …, Lavrov stressed": a participle with no subject of its own is passive.
        bare_participle = verb.dep_ in ("advcl", "acl", "amod") and verb.tag_ in ("VBN", "VBD") and not any(
            c.dep_ in ("nsubj", "aux") for c in verb.children)
        passive = any(c.dep_ == "auxpass" for c in verb.children) or bare_participle
        if passive and (lemma in DIRECTIVE_VERBS or lemma in ("inform", "remind", "assure", "quote") or verb.dep_ != "ROOT" and not any(c.dep_ == "agent" for c in verb.children)):
            return None                                   # "Asked how …, Lavrov said": the one asked is not the asker
        complements = [c for c in verb.children if c.dep_ == "ccomp"]
        if complements:
            content = complements[0]
        elif lemma in DIRECTIVE_VERBS:
            infinitives = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
            if lemma == "call":
                objects = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")]
                predicates = [c for c in verb.children if c.dep_ == "oprd"]
                if objects and predicates and objects[0].i < predicates[0].i:
                    # "Putin called Wagner's actions a betrayal": the object and what it was called.
                    predicate = predicates[0]
                    kept = [predicate.i] + [t.i for c in predicate.children if c.dep_ != "prep" for t in c.subtree]
                    return self.clause_record(verb, doc[objects[0].left_edge.i:max(kept) + 1])
            if infinitives:
                content = infinitives[0]
        elif verb.dep_ == "parataxis" and verb.head.i != verb.i and lemma in SPEECH_VERBS:
            # "The talks, he said, went well": the verb is an aside inside the clause it reports.
            host = verb.head
            left, right = host.left_edge.i, host.right_edge.i + 1
            aside = {t.i for t in verb.subtree}
            indices = [i for i in range(left, right) if i not in aside]
            if indices:
                content_tokens = doc[indices[0]:indices[-1] + 1]
                return self.clause_record(verb, content_tokens, exclude=aside)
        if content is None:
            return None
        if lemma in STANCE_VERBS and subject_of(verb) is None:
            return None                                   # "is expected to": a forecast, not a statement
        span = doc[content.left_edge.i:content.right_edge.i + 1]
        return self.clause_record(verb, span)

    def clause_record(self, verb, span, exclude: set[int] | None = None) -> tuple[int, int, _Attribution] | None:
        """Return the content span (chars) of a reported clause, cut away from its verb and speaker."""
        tokens = list(span)
        subject = subject_of(verb)
        outside = {verb.i} | (exclude or set())
        if subject is not None:
            outside.update(t.i for t in subject.subtree)
        if any(t.i in outside for t in tokens):
            # Keep the side of the clause away from the attribution.
            head_side = [t for t in tokens if t.i not in outside]
            if not head_side:
                return None
            before = [t for t in head_side if t.i < verb.i]
            after = [t for t in head_side if t.i > verb.i]
            tokens = after if len(after) >= len(before) else before
        tokens = _strip_tokens(tokens)
        if len([t for t in tokens if not t.is_punct]) < 2:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return start, end, self.verb_attribution(verb, start, end)

    def according_to(self, token) -> tuple[int, int, _Attribution] | None:
        """Return the clause reported "according to X", with X as its speaker."""
        to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            return None
        speaker = speaker_from_token(self.analyzed, objects[0])
        phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        host = token.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        sentence = token.sent
        indices = [t.i for t in sentence if t.i not in phrase]
        before = [i for i in indices if i < token.i]
        after = [i for i in indices if i > max(phrase)]
        # The reported clause lies on the side of the phrase that holds its verb.
        side = before if host.i < token.i else after
        if not side:
            side = before or after
        if not side:
            return None
        tokens = _strip_tokens([self.doc[i] for i in range(side[0], side[-1] + 1) if i not in phrase])
        if len([t for t in tokens if not t.is_punct]) < 2:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        context = "".join(self.doc[i].text_with_ws for i in sorted(phrase))
        return start, end, _Attribution(speaker, "according to", token.idx, context)

    def trailing_attributions(self) -> None:
        """Add lines that end "— Lavrov" or open "Lavrov:" (headlines, transcripts) as quotes."""
        for start, end in self.paragraphs:
            line = self.text[start:end]
            dash = re.search(rf"\s(?:[{DASHES}]|--?)\s*(?P<who>[^\n{DASHES}]{{2,60}}?)\s*\.?\s*$", line)
            if dash and dash.start() > 0:
                who_start, who_end = start + dash.start("who"), start + dash.end("who")
                content_end = start + dash.start()
                if _word_count(self.text[start:content_end]) >= 3 and not self.covered(start, content_end):
                    attribution = self.name_attribution(who_start, who_end, "—")
                    if attribution is not None:
                        self.add(start, content_end, False, attribution)
            label = _LABEL.match(line)
            if label:
                content_start = start + label.start("content")
                if self.covered(content_start, end):
                    continue
                attribution = self.name_attribution(start + label.start("label"), start + label.end("label"), ":")
                if attribution is not None:
                    # A transcript's "PENCE:" gives the words as spoken; a headline's "Lavrov:" sums them up.
                    self.add(content_start, end, label.group("label").isupper(), attribution)

    def covered(self, start: int, end: int) -> bool:
        """Return whether most of [start, end) already lies in a quote found."""
        length = max(1, end - start)
        return any(min(end, q.end) - max(start, q.start) >= 0.5 * length for q in self.quotes)


def _introduces(token) -> bool:
    """Return whether a token is a verb that can introduce or close a quote ("said", "went on")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)
    return lemma in INTRODUCING_VERBS


def _strip_tokens(tokens):
    """Return the tokens without a leading "that"/punctuation and trailing punctuation."""
    while tokens and (tokens[0].is_punct and tokens[0].text not in "“\"‘'«" or tokens[0].is_space or tokens[0].lower_ == "that" and len(tokens) > 1):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in ",;:.—–―-" or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _trim(text: str, start: int, end: int, direct: bool) -> tuple[int, int]:
    """Return the span without outer whitespace, and a direct quote without a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or (direct and text[end - 1] in ",;:")):
        end -= 1
    return start, end


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))
