"""Quote attribution: who said what, in their words or reported, through which channel and when.

Pipeline stage ``extract_quotes(analyzed, doc)`` fills ``analyzed.quotes`` with records.Quote.
It reads the article text, the spaCy parse, the date mentions and the resolved actors (the
actors stage runs before it).

Lines first: a line ending "― Sonya Herridge" or "— Lavrov" (vox pops, TASS headlines) and a
line opening with a speaker label ("PENCE: …" in a transcript, "Lavrov: …" in a headline) are
attributed as a whole.

Direct quotes start from the quotation marks (``quote_marks``) and look for their attribution:
  - after the quote: "'…,' Lavrov said", "“…,” said Caddell", "“…” — the governor";
  - before it: "Blinken wrote on Twitter: “…”", "Caddell continued:" closing the paragraph before;
  - the attribution of the quote just before it, for a quote split by its attribution
    ("'…,' Lavrov said. '…'") or continued in the next paragraph.
A quoted fragment inside reported speech ("Peskov said Putin ‘informed his counterparts’") is
part of that indirect quote, not a quote of its own; a short unattributed one is a scare quote.

Reported speech comes from the parse: a reporting verb (``quote_cues``) and its clause
("said (that) …", "…, the State Department said", "urged X to …"), its object for speech acts
("cited derogatory comments", "called for new tariffs", "called X a betrayal") and
"according to X". Speakers come from ``quote_speakers``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from newsprism.events.quote_cues import (
    DIRECTIVE_VERBS,
    DOCUMENT_WORDS,
    INTRODUCING_VERBS,
    NOMINAL_SPEECH_VERBS,
    PREPOSITIONAL_SPEECH_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    detect_channel,
    reporting_lemma,
)
from newsprism.events.quote_marks import QuotedSpan, find_quoted_spans, paragraph_spans
from newsprism.events.quote_speakers import (
    Speaker,
    entity_around,
    resolve_pronoun,
    resolve_speaker,
    speaker_from_token,
    subject_of,
)
from newsprism.nlp.cited_sources import PERSON_TITLES
from newsprism.records import AnalyzedArticle, Quote, stable_id

REPORTING_VERBS = SPEECH_VERBS | STANCE_VERBS | DIRECTIVE_VERBS | NOMINAL_SPEECH_VERBS | frozenset(PREPOSITIONAL_SPEECH_VERBS)
# A quote with no attribution this long is someone's words; shorter ones are scare quotes or titles.
UNATTRIBUTED_MIN_WORDS = 8
# How far an attribution may sit from its quote, in tokens.
ATTRIBUTION_WINDOW = 14
DASHES = "—–―"
OPENING_MARKS = "“\"‘'«`”"
_TRAILING_DASH = re.compile(rf"^[^\S\n]*(?:[{DASHES}]|--?)[^\S\n]*(?P<who>[^\n{DASHES}]{{2,80}}?)[^\S\n]*\.?[^\S\n]*(?:\n|$)")
# "… — Lavrov" closing a line; the dash may follow a closing mark directly ("…”― Pamela Padilla").
_LINE_DASH = re.compile(rf"(?:\s|(?<=[”\"’'.!?]))(?:[{DASHES}]|--?)\s*(?P<who>[^\n{DASHES}]{{2,60}}?)\s*\.?\s*$")
_LABEL = re.compile(r"^[ \t]*[\"“”']?[ \t]*(?P<label>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]*:[ \t]+(?P<content>\S)")
# Gap words allowed between a reporting verb and the quote it introduces ("said on Monday that").
_GAP_WORDS = frozenset({"that", "then", "also", "later", "again", "simply", "only", "just", "flatly", "as", "follows"})
# "Asked …" and other passive participles: the one asked is not the asker.
_ADDRESSEE_VERBS = frozenset({"inform", "remind", "assure", "quote"})


@dataclass(frozen=True, slots=True)
class _Attribution:
    """How a passage is attributed: speaker, cue, and the words around it that may name a channel."""

    speaker: Speaker | None
    cue: str | None
    cue_start: int | None          # where the cue sits, to find the date of the statement
    context: str                   # attribution words (never the quote) for the channel
    told_outlet: str | None = None  # the organisation the words were told to ("told Talvera Free Voice")
    # A speech act reported by its object ("cited the comments", "called for talks") rather than
    # by the words said: inside someone else's report it is part of that report, not a quote.
    by_object: bool = False


def extract_quotes(analyzed: AnalyzedArticle, doc) -> None:
    """Fill ``analyzed.quotes`` with the article's direct and reported quotes (pipeline stage)."""
    analyzed.quotes[:] = find_quotes(analyzed, doc)


def find_quotes(analyzed: AnalyzedArticle, doc) -> list[Quote]:
    """Return the quotes of one parsed article, in reading order."""
    if not analyzed.article.text.strip() or len(doc) == 0:
        return []
    return _Finder(analyzed, doc).run()


class _Finder:
    """One article's quote search; holds the parse and the quotes found so far."""

    def __init__(self, analyzed: AnalyzedArticle, doc) -> None:
        self.analyzed = analyzed
        self.doc = doc
        self.text = analyzed.article.text
        self.paragraphs = paragraph_spans(self.text) or [(0, len(self.text))]
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.token_starts = [t.idx for t in doc]
        self.sentence_starts = [s.start for s in analyzed.sentences]
        self.quoted_chars: list[tuple[int, int]] = []
        self.quoted_starts: list[int] = []
        self.quotes: list[Quote] = []
        self.reported_by_paragraph: dict[int, list] = {}
        self.seen: set[tuple[int, int]] = set()

    # -- helpers -------------------------------------------------------------------------------

    def token_at(self, char: int):
        """Return the token covering (or starting nearest before) a character offset."""
        return self.doc[max(0, bisect.bisect_right(self.token_starts, char) - 1)]

    def tokens_between(self, start: int, end: int):
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [self.doc[i] for i in range(first, last)]

    def paragraph_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)

    def paragraph_of(self, char: int) -> tuple[int, int]:
        return self.paragraphs[self.paragraph_index(char)]

    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def in_quote(self, char: int) -> bool:
        # Passages never overlap, so the one starting last at or before ``char`` is the only candidate.
        index = bisect.bisect_right(self.quoted_starts, char) - 1
        return index >= 0 and char < self.quoted_chars[index][1]

    def set_quoted(self, passages) -> None:
        self.quoted_chars = sorted(passages)
        self.quoted_starts = [s for s, _ in self.quoted_chars]

    def add(self, start: int, end: int, direct: bool, attribution: _Attribution | None) -> None:
        start, end = _trim(self.text, start, end, direct)
        if end - start < 2 or (start, end) in self.seen:
            return
        self.seen.add((start, end))
        speaker = attribution.speaker if attribution else None
        channel = detect_channel(attribution.context, attribution.told_outlet) if attribution else None
        if channel is None and speaker is not None and speaker.actor_id is not None and attribution is not None:
            channel = self.channel_before(speaker.actor_id, min(start, attribution.cue_start or start))
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

    def channel_before(self, actor_id: str, position: int):
        """Return the channel named in the sentence before a statement, where that sentence names the
        same speaker ("In a televised address, President Tollan called … / “…,” the president said")."""
        index = self.sentence_index(position) - 1
        if index < 0 or not self.analyzed.sentences:
            return None
        sentence = self.analyzed.sentences[index]
        if not any(m.actor_id == actor_id and sentence.start <= m.start < sentence.end for m in self.analyzed.actor_mentions):
            return None
        words = "".join(t.text_with_ws for t in self.tokens_between(sentence.start, sentence.end) if not self.in_quote(t.idx))
        return detect_channel(words)

    def covered(self, start: int, end: int) -> bool:
        """Return whether most of [start, end) already lies in a quote found."""
        length = max(1, end - start)
        return any(min(end, q.end) - max(start, q.start) >= 0.5 * length for q in self.quotes)

    def date_of(self, attribution: _Attribution, content_start: int, content_end: int):
        """Return the resolved date of the statement: a date in the cue's sentence, outside the quote
        and the speaker, that the parse attaches to the cue ("said on Monday"); else None."""
        cue_start = attribution.cue_start
        if cue_start is None or not self.analyzed.sentences:
            return None
        sentence = self.analyzed.sentences[self.sentence_index(cue_start)]
        speaker = attribution.speaker
        candidates = [d for d in self.analyzed.dates if sentence.start <= d.start < sentence.end
                      and not (content_start <= d.start < content_end)
                      and not (speaker is not None and speaker.start <= d.start < speaker.end)
                      and not self.in_quote(d.start)]
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

    def cue_text(self, verb) -> str:
        particles = [c for c in verb.children if c.dep_ == "prt"]
        return f"{verb.text.lower()} {particles[0].text.lower()}" if particles else verb.text.lower()

    def verb_attribution(self, verb, content_start: int, content_end: int, speaker: Speaker | None = None,
                         context: str | None = None) -> _Attribution:
        """Return the attribution a reporting verb gives: its speaker, cue and channel words."""
        subject = subject_of(verb)
        if subject is not None and content_start <= subject.idx < content_end and self.in_quote(subject.idx):
            subject = None                            # "“… mode,” said Wimes": the parse took a word of the quote
        if speaker is None:
            speaker = speaker_from_token(self.analyzed, subject) if subject is not None else self.speaker_before(verb)
        if context is None:
            # The channel is named in the verb's own phrase and the speaker's, never in the content.
            clauses = [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp", "parataxis", "conj")
                       or (c.dep_ == "prep" and c.lower_ == "according")]
            inside = {t.i for c in clauses for t in c.subtree}
            words = [t for t in verb.subtree if t.i not in inside and not (content_start <= t.idx < content_end)
                     and not self.in_quote(t.idx)]
            if subject is not None and not verb.is_ancestor(subject):
                words.extend(subject.subtree)
            if verb.dep_ == "conj":
                # "In a Telegram post, Halvik denied … and said that …": the phrase is the first verb's.
                words.extend(t for c in verb.head.children if c.dep_ == "prep" and c.i < verb.i for t in c.subtree)
            context = "".join(t.text_with_ws for t in sorted(set(words), key=lambda t: t.i))
        return _Attribution(speaker, self.cue_text(verb), verb.idx, context, self.told_outlet(verb))

    def told_outlet(self, verb) -> str | None:
        """Return the organisation a verb of telling addresses ("told the Drovna Courier"), if any."""
        if reporting_lemma(verb) != "tell":
            return None
        for child in verb.children:
            if child.dep_ not in ("dobj", "dative"):
                continue
            if child.ent_type_ == "ORG":
                entity = entity_around(child)
                return entity.text if entity is not None else None
            if child.pos_ == "PROPN" and child.ent_type_ not in ("PERSON", "GPE", "NORP"):
                # "told the Drovna Courier": a proper name that is no person or place.
                names = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
                return self.doc[names[0].i:child.i + 1].text
        return None

    def entities_in(self, tokens) -> list:
        """Return the entity spans starting at the given tokens, in order."""
        found = []
        for token in tokens:
            if token.ent_iob_ == "B":
                entity = entity_around(token)
                if entity is not None:
                    found.append(entity)
        return found

    def speaker_before(self, verb) -> Speaker | None:
        """Return the person or body named just before a verb the parse gave no subject."""
        sentence_start = verb.sent.start
        for token in reversed(self.doc[max(sentence_start, verb.i - 8):verb.i]):
            if token.pos_ in ("VERB",) or token.text in ";:":
                return None
            if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ in ("B", "I"):
                entity = entity_around(token)
                if entity is not None:
                    return resolve_speaker(self.analyzed, entity.start_char, entity.end_char, entity.text)
        return None

    # -- the search ----------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        spans = [s for s in find_quoted_spans(self.text) if self.text[s.content_start:s.content_end].strip(" ,.;:!?\n")]
        self.set_quoted((s.start, s.end) for s in spans)
        consumed = self.line_attributions(spans)
        spans = [s for s in spans if s.start not in consumed]
        reported = [list(item) for item in self.reported_clauses()]
        # Clauses and quotes meet within a paragraph: looking there only keeps long articles linear.
        self.reported_by_paragraph = _by_paragraph(reported, self.paragraph_index)
        spans = self.reopen_unbalanced(spans)
        attributed: dict[int, _Attribution] = {}
        for index, span in enumerate(spans):
            found = self.attribution_of(span)
            if found is not None:
                attributed[index] = found
        # A quote with no attribution of its own continues the one just before it in the same
        # paragraph ("'…,' Lavrov said. '…'") or, when it opens a paragraph, in the one before.
        for index, span in enumerate(spans):
            if index in attributed or index == 0 or (index - 1) not in attributed:
                continue
            if self.continues(spans[index - 1], span) and self.host_clause(span, reported) is None:
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
        direct = sorted((q.start, q.end) for q in self.quotes)
        direct_starts = [start for start, _ in direct]
        opening_sentences = sorted(q.start for q in self.quotes if q.cue is not None and re.search(
            r"[.!?][”\"’']?\s+[“\"‘'«]?$", self.text[max(0, q.start - 4):q.start]))
        kept = []
        for start, end, attribution in reported:
            # A parse that missed a sentence break runs reported words on into the next sentence's
            # attributed quote ("… would not be determinative. “I’ve been …,” Mr. Trump said"): cut there.
            following = bisect.bisect_right(opening_sentences, start)
            if following < len(opening_sentences) and opening_sentences[following] < end:
                end = self.text.rfind(".", start, opening_sentences[following]) + 1 or end
            overlap = _overlap(direct, direct_starts, start, end)
            if end - start < 2 or overlap >= 0.5 * (end - start):
                continue                                  # the quote itself, already attributed
            kept.append((start, end, attribution))
        kept_by_paragraph = _by_paragraph(kept, self.paragraph_index)
        for start, end, attribution in kept:
            if not self.restates(start, end, attribution, kept_by_paragraph[self.paragraph_index(start)]):
                self.add(start, end, False, attribution)
        self.quotes.sort(key=lambda q: (q.start, q.end))
        return self.quotes

    def attribution_of(self, span: QuotedSpan) -> _Attribution | None:
        return self.after_quote(span) or self.dash_after(span) or self.before_quote(span)

    def reopen_unbalanced(self, spans: list[QuotedSpan]) -> list[QuotedSpan]:
        """Return the passages with each unattributed, never-closed one replaced by the quotes inside it.

        An opening mark never closed and attributed to no one is more often a stray mark, or the
        excerpt convention of a quoted article, than a quotation: the quotes it holds are the real ones.
        """
        result: list[QuotedSpan] = []
        for span in spans:
            if span.closed or self.attribution_of(span) is not None:
                result.append(span)
                continue
            inner = [QuotedSpan(span.content_start + s.start, span.content_start + s.end, span.content_start + s.content_start,
                                span.content_start + s.content_end, s.kind, s.closed, s.paragraphs)
                     for s in find_quoted_spans(self.text[span.content_start:span.content_end])
                     if self.text[span.content_start + s.content_start:span.content_start + s.content_end].strip(" ,.;:!?\n")]
            result.extend(inner)
            self.set_quoted([q for q in self.quoted_chars if q != (span.start, span.end)] + [(s.start, s.end) for s in inner])
        return result

    def line_attributions(self, spans: list[QuotedSpan]) -> set[int]:
        """Add lines attributed as a whole ("“…” ― Name", "PENCE: …"); return the quote starts used."""
        consumed: set[int] = set()
        turns: list[tuple[int, str, _Attribution, bool]] = []
        dateline = self.analyzed.article.dateline_span
        for start, end in self.paragraphs:
            line = self.text[start:end]
            content_start = content_end = None
            attribution = None
            label = _LABEL.match(line)
            if label and not (dateline and dateline[0] <= start + label.start("label") < dateline[1]):
                attribution = self.name_attribution(start + label.start("label"), start + label.end("label"), ":", label=True)
                content_start, content_end = start + label.start("content"), end
            if attribution is None:
                dash = _LINE_DASH.search(line)
                if dash and _word_count(line[:dash.start()]) >= 3:
                    attribution = self.name_attribution(start + dash.start("who"), start + dash.end("who"), "—")
                    content_start, content_end = start, start + dash.start()
            if attribution is None or content_start is None or content_end is None:
                continue
            inner = [s for s in spans if start <= s.start < content_end]
            consumed.update(s.start for s in inner)
            direct = bool(label and attribution.cue == ":" and label.group("label").isupper())
            whole = inner[0] if len(inner) == 1 and not self.text[content_start:inner[0].start].strip() else None
            if whole is not None and not self.text[min(whole.end, content_end):content_end].strip(" .\t"):
                # The line is one quotation: its content is what lies inside the marks.
                content_start, content_end, direct = whole.content_start, min(whole.content_end, content_end), True
            elif self.text[content_start:content_start + 1] in OPENING_MARKS:
                content_start += 1
                direct = True
            self.add(content_start, _strip_closing(self.text, content_start, content_end), direct, attribution)
            if label and line.lstrip()[:1] in OPENING_MARKS:
                turns.append((self.paragraph_index(start), line.lstrip()[:1], attribution, direct))
        # In a quoted transcript ('"PENCE: …' paragraphs), a paragraph opening with the same mark and
        # no label of its own carries on the turn before it.
        for index, mark, attribution, direct in turns:
            for following in self.paragraphs[index + 1:]:
                line = self.text[following[0]:following[1]].lstrip()
                if not line.startswith(mark) or _LABEL.match(line) or line[1:2] in "([":
                    break
                first = following[0] + self.text[following[0]:following[1]].index(mark) + 1
                consumed.update(s.start for s in spans if following[0] <= s.start < following[1])
                self.add(first, _strip_closing(self.text, first, following[1]), direct, attribution)
        return consumed

    def continues(self, previous: QuotedSpan, span: QuotedSpan) -> bool:
        """Return whether ``span`` picks up where the attributed quote ``previous`` left off."""
        previous_index, index = self.paragraph_index(previous.end - 1), self.paragraph_index(span.start)
        if previous_index == index:
            # Only the attribution sentence lies between: "'…,' Lavrov said. '…'".
            between = self.text[previous.end:span.start]
            return bool(re.search(r"[.!?:,]\s*$", between)) and len(between) < 200
        # A paragraph opening with the quote, right after the paragraph that ends with the previous
        # quote and its attribution.
        paragraph, previous_paragraph = self.paragraphs[index], self.paragraphs[previous_index]
        opens = not self.text[paragraph[0]:span.start].strip()
        # The previous paragraph ends with the quote's attribution sentence and nothing after it.
        tail = self.text[previous.end:previous_paragraph[1]].strip()
        attribution_only = len(tail) < 300 and not re.search(r"[.!?]\s+[A-Z“\"‘]", tail)
        # Copy may switch between straight and curly marks, but a passage never closed in a
        # different style is an excerpt's paragraph, not the speaker going on.
        same_marks = span.kind == previous.kind or ("double" in span.kind and "double" in previous.kind and span.closed)
        return index == previous_index + 1 and opens and same_marks and attribution_only

    def restates(self, start: int, end: int, attribution: _Attribution, reported) -> bool:
        """Return whether a report sits inside another report by the same speaker ("Trump said he
        believed he could win": the belief is part of what he said, not a second statement), or is
        a speech act named by its object inside anyone's report."""
        speaker = attribution.speaker
        if attribution.cue_start is None:
            return False
        for outer_start, outer_end, outer in reported:
            if outer is attribution or not (outer_start <= attribution.cue_start < outer_end):
                continue
            if attribution.by_object:
                return True                           # "a statement said … the president expressed full support"
            if speaker is None or outer.speaker is None:
                continue
            same_actor = speaker.actor_id is not None and speaker.actor_id == outer.speaker.actor_id
            # "Trump said he believed …": an unresolved "he" inside someone's statement is that someone.
            pronoun = speaker.actor_id is None and speaker.text.lower() in ("he", "she", "i")
            if same_actor or pronoun or speaker.text == outer.speaker.text:
                return True
        return False

    def host_clause(self, span: QuotedSpan, reported) -> list | None:
        """Return the reported clause a quote opens inside ("Peskov said Putin ‘informed …’"), if any."""
        reported = self.reported_by_paragraph.get(self.paragraph_index(span.start), [])
        hosts = [r for r in reported if r[0] < span.start < r[1] and re.search(r"\w", self.text[r[0]:span.start])]
        if not hosts:
            # "… is “a big problem” but “nobody has the guts to talk about it”": joined to the clause.
            hosts = [r for r in reported if r[1] <= span.start and re.fullmatch(
                r"[\s,”\"’']*(?:and|but|or)?\s*", self.text[r[1]:span.start]) and r[1] > r[0]]
        return max(hosts, key=lambda r: r[1] - r[0]) if hosts else None

    def after_quote(self, span: QuotedSpan) -> _Attribution | None:
        """Return the attribution following a quote: "“…,” Lavrov said", "“…,” said Caddell"."""
        # An attributed quote ends its clause: "“…,” Lavrov said", "“…?” she asked", "‘…’, he said".
        # A fragment running on ("he is “effectively tied” with Rubio") is no one's quote by itself.
        inside = self.text[span.content_start:span.content_end].rstrip()
        outside = self.text[span.end:span.end + 2].lstrip(" ")
        if not (inside[-1:] in ",.?!…—–-" or outside[:1] in ",—–-―"):
            return None
        paragraph_end = self.paragraph_of(span.end - 1)[1]
        # A long apposition may stand between quote and verb: "“…,” Leonard E. Burman, director of
        # the … Center and a professor at …, said". The attribution ends with its sentence.
        tokens = []
        for token in self.tokens_between(span.end, paragraph_end)[:3 * ATTRIBUTION_WINDOW]:
            if token.text in (".", "?", "!", ";") and tokens:
                break
            tokens.append(token)
        for position, verb in enumerate(tokens):
            if verb.text in OPENING_MARKS or self.in_quote(verb.idx):
                return None                           # another quote starts before any attribution
            if not _introduces(verb):
                if verb.pos_ == "VERB" and not any(t.lower_ in ("who", "which") for t in tokens[:position]):
                    return None                       # another clause before any reporting verb
                continue
            complements = [c for c in verb.children if c.dep_ == "ccomp"]
            if complements and not any(span.content_start <= c.idx < span.content_end for c in complements) and any(
                    c.left_edge.i <= verb.i + 3 and c.idx > verb.idx and not self.in_quote(c.idx) for c in complements):
                return None                           # "“…” Lavrov said the talks failed": a new statement
            gap = [t for t in tokens[:position] if not (t.is_punct or t.is_space)]
            speaker = self.speaker_in(gap, verb) if gap else self.speaker_after(verb)
            sentence_end = verb.sent.end_char
            context = "".join(t.text_with_ws for t in self.tokens_between(span.end, sentence_end) if not self.in_quote(t.idx))
            return self.verb_attribution(verb, span.content_start, span.content_end, speaker, context)
        return None

    def speaker_in(self, gap, verb) -> Speaker | None:
        """Return the speaker named between a quote and its verb ("…,” Flynn, a Trump surrogate, said)."""
        subject = subject_of(verb)
        gap_indices = {t.i for t in gap}
        entities = [e for e in self.entities_in(gap) if e.start in gap_indices]
        people = [e for e in entities if e.label_ == "PERSON"]
        if subject is not None and subject.i in gap_indices and (
                not people or subject.ent_type_ == "PERSON" or subject.pos_ == "PRON"):
            return speaker_from_token(self.analyzed, subject)
        if people:
            # "“…,” Gov. John Kasich (R-OH) said": the parse may make "OH" the subject; the person speaks.
            person = people[0]
            return resolve_speaker(self.analyzed, person.start_char, person.end_char, person.text)
        first = gap[0]
        if first.pos_ == "PRON":
            return resolve_pronoun(self.analyzed, first.idx, first.idx + len(first.text))
        for entity in entities:
            if entity.label_ in ("PERSON", "ORG", "NORP", "GPE"):
                return resolve_speaker(self.analyzed, entity.start_char, entity.end_char, entity.text)
        phrase = []
        # "“…,” and Lavrov added": a conjunction or preposition opening the gap is not the speaker.
        while gap and gap[0].pos_ in ("CCONJ", "SCONJ", "ADP", "ADV"):
            gap = gap[1:]
        for token in gap:
            if token.text == "," or token.lower_ in ("who", "which") or token.pos_ in ("VERB", "AUX", "ADV"):
                break
            phrase.append(token)
        if not phrase:
            return None
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        return resolve_speaker(self.analyzed, start, end, self.text[start:end])

    def speaker_after(self, verb) -> Speaker | None:
        """Return the speaker of an inverted attribution ("…,” said Caddell)."""
        subject = subject_of(verb)
        if subject is not None and subject.i > verb.i and not self.in_quote(subject.idx):
            return speaker_from_token(self.analyzed, subject)
        for entity in self.entities_in(self.doc[verb.i + 1:verb.i + 4]):
            if verb.i < entity.start <= verb.i + 3 and entity.label_ in ("PERSON", "ORG"):
                return resolve_speaker(self.analyzed, entity.start_char, entity.end_char, entity.text)
        return None

    def before_quote(self, span: QuotedSpan) -> _Attribution | None:
        """Return the attribution introducing a quote: "Blinken wrote on Twitter: “…”", "Caddell continued:" + paragraph."""
        paragraph = self.paragraph_of(span.start)
        region_start, region_end = paragraph[0], span.start
        if not self.text[paragraph[0]:span.start].strip():
            # The quote opens its paragraph: the previous paragraph may end with "… continued:".
            index = self.paragraph_index(span.start)
            if index == 0:
                return None
            previous = self.paragraphs[index - 1]
            if not self.text[previous[0]:previous[1]].rstrip().endswith(":"):
                return None
            region_start, region_end = previous
        tokens = [t for t in self.tokens_between(region_start, region_end) if not self.in_quote(t.idx)]
        for position in range(len(tokens) - 1, max(-1, len(tokens) - 1 - ATTRIBUTION_WINDOW), -1):
            verb = tokens[position]
            if not _introduces(verb):
                continue
            subject = subject_of(verb)
            # Only the verb's own phrase may stand between it and the quote ("told reporters on Monday:").
            for token in tokens[position + 1:]:
                if token.is_punct or token.is_space or token.lower_ in _GAP_WORDS:
                    continue
                if token.pos_ in ("VERB", "AUX"):
                    return None                       # a clause of its own: the quote is inside reported speech
                if not verb.is_ancestor(token) and not (subject is not None and (subject.is_ancestor(token) or token.i == subject.i)):
                    return None
            if tokens[position + 1:] and not re.search(r"[:,]$|\bthat$", self.text[verb.idx:region_end].rstrip()):
                return None
            if subject is None and self.speaker_before(verb) is None:
                return None
            sentence_start = verb.sent.start_char
            context = "".join(t.text_with_ws for t in self.tokens_between(sentence_start, region_end) if not self.in_quote(t.idx))
            return self.verb_attribution(verb, span.content_start, span.content_end, context=context)
        return None

    def dash_after(self, span: QuotedSpan) -> _Attribution | None:
        """Return the attribution of "“…” — the governor" (a dash and a name closing the line)."""
        match = _TRAILING_DASH.match(self.text, span.end)
        if not match:
            return None
        return self.name_attribution(*match.span("who"), "—")

    def name_attribution(self, start: int, end: int, cue: str, label: bool = False) -> _Attribution | None:
        """Return an attribution to the name or title at [start, end), when it names a speaker."""
        written = self.text[start:end].strip()
        words = written.split()
        if not words or len(words) > 6 or not (written[0].isupper() or words[0].lower() in ("the", "a", "an")):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in self.tokens_between(start, end)):
            return None                               # "— 5,300 employees were fired": a clause, not a name
        if not self.names_speaker(start, end, written, label):
            return None
        return _Attribution(resolve_speaker(self.analyzed, start, end, written), cue, start, written)

    def names_speaker(self, start: int, end: int, written: str, label: bool) -> bool:
        """Return whether a short phrase names a person, a body, a document or someone by title."""
        labels = ("PERSON", "ORG") if label else ("PERSON", "ORG", "NORP")
        actor_kinds = {a.id: a.kind for a in self.analyzed.actors}
        if label and not written.isupper():
            # A headline's "Pence: …" is a speaker only when the label is the name, and no more:
            # "Mo Cowan Senate: Deval Patrick Names …" is a topic.
            people = [(e.start, e.end) for e in self.analyzed.entities if e.label == "PERSON" and e.start < end and start < e.end]
            if any(not (s <= start and end <= e) for s, e in people):
                return False                          # a person's name with more words around it
            # Title-case headlines mislead the tagger into organisations ("Mo Cowan Senate"): people only.
            named = [(e.start, e.end) for e in self.analyzed.entities if e.label == "PERSON"]
            named += [(m.start, m.end) for m in self.analyzed.actor_mentions if actor_kinds.get(m.actor_id) == "person"]
            if any(s <= start and end <= e for s, e in named):
                return True
        elif any(e.label in labels and e.start < end and start < e.end for e in self.analyzed.entities) or any(m.start < end and start < m.end and actor_kinds.get(m.actor_id) != "country" for m in self.analyzed.actor_mentions):
            return True
        lowered = written.lower()
        words = re.findall(r"[a-z]+", lowered)
        if any(w in PERSON_TITLES for w in words):
            return True
        if label and len(words) == 1 and DOCUMENT_WORDS.fullmatch(lowered):
            return True                               # "Poll: Clinton and Trump in dead heat"
        tokens = [t for t in self.tokens_between(start, end) if not (t.is_punct or t.is_space)]
        if not label and 2 <= len(tokens) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens):
            return True                               # "― Sonya Herridge": a name the tagger missed
        # "WALLACE:" in a transcript, "— Lavrov" under a headline: the surname of a person the article names.
        surnames = {e.text.split()[-1].lower() for e in self.analyzed.entities if e.label == "PERSON" and e.text.split()}
        surnames.update(a.name.split()[-1].lower() for a in self.analyzed.actors if a.kind == "person" and a.name.split())
        return bool(words) and words[-1] in surnames and all(w[:1].isupper() for w in written.split())

    # -- reported speech -------------------------------------------------------------------------

    def reported_clauses(self) -> list[tuple[int, int, _Attribution]]:
        """Return (start, end, attribution) for each reported-speech clause in the parse."""
        found: list[tuple[int, int, _Attribution]] = []
        for token in self.doc:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                item = self.according_to(token)
            elif token.pos_ in ("VERB", "AUX") and reporting_lemma(token) in REPORTING_VERBS:
                item = self.verb_clause(token, reporting_lemma(token))
            else:
                continue
            if item is not None:
                found.append(item)
        return found

    def verb_clause(self, verb, lemma: str) -> tuple[int, int, _Attribution] | None:
        """Return the clause, infinitive or object a reporting verb reports, with its attribution."""
        doc = self.doc
        # "Asked how …, Lavrov stressed": a participle with no subject of its own is passive.
        bare_participle = verb.dep_ in ("advcl", "acl", "amod") and verb.tag_ in ("VBN", "VBD") and not any(
            c.dep_ in ("nsubj", "aux") for c in verb.children)
        passive = any(c.dep_ == "auxpass" for c in verb.children) or bare_participle
        has_agent = any(c.dep_ == "agent" for c in verb.children)
        if passive and (lemma in DIRECTIVE_VERBS or lemma in _ADDRESSEE_VERBS or (verb.dep_ != "ROOT" and not has_agent)):
            return None
        complements = [c for c in verb.children if c.dep_ == "ccomp" and lemma in (SPEECH_VERBS | STANCE_VERBS | DIRECTIVE_VERBS)]
        if complements:
            if lemma in STANCE_VERBS and lemma not in SPEECH_VERBS and subject_of(verb) is None:
                return None                               # "is expected to": a forecast, not a statement
            content = complements[0]
            return self.clause_record(verb, doc[content.left_edge.i:content.right_edge.i + 1])
        if verb.dep_ == "parataxis" and verb.head.i != verb.i and lemma in SPEECH_VERBS:
            # "The talks, he said, went well": the verb is an aside inside the clause it reports.
            host = verb.head
            aside = {t.i for t in verb.subtree}
            indices = [i for i in range(host.left_edge.i, host.right_edge.i + 1) if i not in aside]
            if indices:
                return self.clause_record(verb, doc[indices[0]:indices[-1] + 1], exclude=aside)
            return None
        if subject_of(verb) is None:
            return None                                   # speech acts below need someone performing them
        if lemma == "call":
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")]
            predicates = [c for c in verb.children if c.dep_ == "oprd"]
            if objects and predicates and objects[0].i < predicates[0].i:
                # "Putin called Wagner's actions a betrayal": the object and what it was called.
                predicate = predicates[0]
                kept = [predicate.i] + [t.i for c in predicate.children if c.dep_ != "prep" for t in c.subtree]
                return self.clause_record(verb, doc[objects[0].left_edge.i:max(kept) + 1], by_object=True)
        if lemma in DIRECTIVE_VERBS:
            # The parser files "implored the delegation to return" under advcl as often as xcomp.
            infinitives = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                           and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
            if infinitives:
                return self.clause_record(verb, doc[infinitives[0].left_edge.i:infinitives[0].right_edge.i + 1])
        prepositions = PREPOSITIONAL_SPEECH_VERBS.get(lemma, frozenset())
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        # "accused the EU of …": the preposition may hang off the object.
        for child in [*verb.children, *(c for o in objects for c in o.children)]:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    return self.clause_record(verb, doc[objects[0].left_edge.i:objects[0].right_edge.i + 1], by_object=True)
        if lemma in NOMINAL_SPEECH_VERBS:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT") and c.i > verb.i]
            if objects:
                right = objects[0].right_edge.i
                # "described the talks as useful", "compared the mutiny to 1917", "labelled it a fake".
                for child in verb.children:
                    if child.i > right and (child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ in ("as", "to"))):
                        right = child.right_edge.i
                return self.clause_record(verb, doc[objects[0].left_edge.i:right + 1], by_object=True)
        return None

    def clause_record(self, verb, span, exclude: set[int] | None = None,
                      by_object: bool = False) -> tuple[int, int, _Attribution] | None:
        """Return the content span (chars) of a reported clause, cut away from its verb and speaker."""
        tokens = list(span)
        subject = subject_of(verb)
        outside = {verb.i} | (exclude or set())
        if subject is not None:
            outside.update(t.i for t in subject.subtree)
        if any(t.i in outside for t in tokens):
            kept = [t for t in tokens if t.i not in outside]
            before = [t for t in kept if t.i < verb.i]
            after = [t for t in kept if t.i > verb.i]
            aside = [t for t in tokens if t.i in outside]
            doc = self.doc
            opens = aside[0].text in ",—–(" or (aside[0].i > 0 and doc[aside[0].i - 1].text in ",—–(")
            closes = aside[-1].text in ",—–)" or (aside[-1].i + 1 < len(doc) and doc[aside[-1].i + 1].text in ",—–)")
            enclosed = bool(before and after and _words(before) and opens and closes)
            # "The museum, he said, would make …": the attribution is an aside inside the content.
            # Otherwise keep the side of the clause away from the attribution.
            if not enclosed:
                tokens = after if len(after) >= len(before) else before
        tokens = _cut_trailing_asides(_strip_tokens(tokens))
        if len([t for t in tokens if not t.is_punct]) < 2:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        attribution = self.verb_attribution(verb, start, end)
        if by_object:
            attribution = dataclasses.replace(attribution, by_object=True)
        return start, end, attribution

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
        indices = [t.i for t in token.sent if t.i not in phrase]
        before = [i for i in indices if i < token.i]
        after = [i for i in indices if i > max(phrase)]
        # The reported clause lies on the side of the phrase that holds its verb.
        side = (before if host.i < token.i else after) or before or after
        if not side:
            return None
        tokens = _strip_tokens([self.doc[i] for i in range(side[0], side[-1] + 1) if i not in phrase])
        if len([t for t in tokens if not t.is_punct]) < 2:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        context = "".join(self.doc[i].text_with_ws for i in sorted(phrase))
        return start, end, _Attribution(speaker, "according to", token.idx, context)


def _by_paragraph(items, paragraph_index) -> dict[int, list]:
    """Return the (start, end, …) items grouped by the paragraph their start lies in."""
    grouped: dict[int, list] = {}
    for item in items:
        grouped.setdefault(paragraph_index(item[0]), []).append(item)
    return grouped


def _overlap(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> int:
    """Return how many characters of [start, end) the sorted, non-overlapping spans cover."""
    index = max(0, bisect.bisect_right(starts, start) - 1)
    covered = 0
    while index < len(spans) and spans[index][0] < end:
        covered += max(0, min(end, spans[index][1]) - max(start, spans[index][0]))
        index += 1
    return covered


def _introduces(token) -> bool:
    """Return whether a token is a verb that can introduce or close a quote ("said", "went on")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = reporting_lemma(token)
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)
    return lemma in INTRODUCING_VERBS


def _strip_tokens(tokens):
    """Return the tokens without a leading "that"/punctuation and trailing punctuation."""
    while tokens and ((tokens[0].is_punct and tokens[0].text not in OPENING_MARKS) or tokens[0].is_space
                      or (tokens[0].lower_ == "that" and len(tokens) > 1)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in ",;:.—–―-" or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _words(tokens) -> bool:
    return any(not (t.is_punct or t.is_space) for t in tokens)


def _cut_trailing_asides(tokens):
    """Return reported content without what follows a semicolon, and without a closing
    ", which …" or ", citing …" clause: the reporter's gloss rather than the reported words."""
    for position, token in enumerate(tokens):
        if token.text == ";" and position > 1:
            tokens = tokens[:position]
            break
    for position in range(len(tokens) - 2, 1, -1):
        following = tokens[position + 1]
        aside = following.lower_ in ("which", "who") or (
            following.tag_ == "VBG" and following.dep_ in ("advcl", "xcomp", "acl"))
        # A quoted fragment after the comma is the speaker's words: keep it.
        if tokens[position].text == "," and aside and not any(t.text in "“\"‘«" for t in tokens[position:]):
            return _strip_tokens(tokens[:position])
    return tokens


def _strip_closing(text: str, start: int, end: int) -> int:
    """Return the end of a line's content without a closing mark or stray replacement character."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in "”\"’'»\ufffd"):
        end -= 1
    return end


def _trim(text: str, start: int, end: int, direct: bool) -> tuple[int, int]:
    """Return the span without outer whitespace, and a direct quote without a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or (direct and text[end - 1] in ",;:")):
        end -= 1
    return start, end


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))
