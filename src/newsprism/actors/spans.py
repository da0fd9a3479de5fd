"""Where names, titles and appositions are in the parse.

``ArticleParse`` holds one article's text, spaCy parse and our own tokens, and answers where
things are (sentence of a character, token at a character, what a span describes).
``SpanFinder`` finds name, title and apposition spans in it; it reads who already holds a span
from the resolver's ledger (``resolution.ActorLedger.owner_of``) and never creates actors.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from newsprism.actors.context import learn_capitals
from newsprism.actors.describing import Description, analyse
from newsprism.actors.gazetteer import Gazetteer, Token, tokenize
from newsprism.actors.names import trim_span
from newsprism.actors.titles import title_at
from newsprism.actors.words import (
    DEFINITE,
    DIRECTIONS,
    INDEFINITE,
    LOCATIVE,
    NAME_LABELS,
    PLACE_WORDS,
    TITLE_FILLERS,
)

if TYPE_CHECKING:  # pragma: no cover
    from newsprism.actors.resolution import ActorLedger
    from newsprism.records import AnalyzedArticle


class ArticleParse:
    """One article as the resolver reads it: its text, the spaCy parse and our gazetteer tokens."""

    def __init__(self, analyzed: AnalyzedArticle, doc, gaz: Gazetteer) -> None:
        self.analyzed = analyzed
        self.doc = doc
        self.text = analyzed.article.text
        self.parse_text = doc.text
        # The day the article was published: a well-known person counts with the office held then.
        self.day = analyzed.article.published
        self.gaz = learn_capitals(self.parse_text, gaz)
        self.tokens: list[Token] = tokenize(self.parse_text)
        self.token_starts = [t.start for t in self.tokens]
        self.sentence_starts = [s.start for s in analyzed.sentences] or [0]
        # spaCy rebuilds these on every access: take them once.
        self.chunks = list(doc.noun_chunks)
        self.ents = list(doc.ents)

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def token_index(self, char: int) -> int:
        """Return the index of our token starting at or after ``char``."""
        return bisect.bisect_left(self.token_starts, char)

    def token_covering(self, char: int) -> int:
        """Return the index of our token holding ``char``, else of the next one (maybe one past the end).

        spaCy splits "IBA-Karachi" where our tokenizer keeps one word: its "Karachi" lies inside
        our token, and the name to look up starts where that token starts.
        """
        i = bisect.bisect_right(self.token_starts, char) - 1
        if i >= 0 and self.tokens[i].start <= char < self.tokens[i].end:
            return i
        return self.token_index(char)

    def doc_token(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def analyse_span(self, start: int, end: int) -> Description:
        i, j = self.token_index(start), self.token_index(end)
        return analyse(self.parse_text[start:end], self.gaz, start, self.tokens[i:j], self.day)


class SpanFinder:
    """Find name, title and apposition spans in one parsed article."""

    def __init__(self, parse: ArticleParse, ledger: ActorLedger) -> None:
        self.parse = parse
        self.ledger = ledger          # who holds a span already: a title run stops at a person
        self.person_words: set[str] = set()

    def find_unknown_demonyms(self) -> set[int]:
        """Return doc token indices of demonyms the gazetteer does not know ("Veldoran President")."""
        found = set()
        self.person_words = {t.text for ent in self.parse.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        for token in self.parse.doc:
            text = token.text
            if not text[:1].isupper() or not re.search(r"[a-z](?:ian|an|ese|ish|i)s?$", text) or text in self.person_words:
                continue
            if self.parse.gaz.match_at(self.parse.tokens, self.parse.token_covering(token.idx)) is not None:
                continue
            adjective = token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i
            if token.ent_type_ == "NORP" or (adjective and token.i > token.sent.start and token.ent_type_ in ("ORG", "GPE", "")):
                found.add(token.i)
        return found

    def places_by_preposition(self) -> set[str]:
        """Return one-word names the text puts after "in", "across"...: places, whatever the tagger says."""
        places = set()
        for token in self.parse.doc:
            if token.lower_ in LOCATIVE and token.i + 1 < len(self.parse.doc):
                following = self.parse.doc[token.i + 1]
                if following.lower_ in DIRECTIONS and token.i + 2 < len(self.parse.doc):
                    following = self.parse.doc[token.i + 2]
                if following.text[:1].isupper() and following.pos_ == "PROPN" and (
                        following.i + 1 >= len(self.parse.doc) or self.parse.doc[following.i + 1].pos_ != "PROPN"):
                    places.add(following.text)
            if token.lower_ == "of" and token.i > 0 and self.parse.doc[token.i - 1].lower_ in PLACE_WORDS and token.i + 1 < len(self.parse.doc):
                places.add(self.parse.doc[token.i + 1].text)
        return places

    def name_spans(self) -> list[tuple[int, int, str]]:
        """Return (start, end, label) of entity names, bracket-split names joined ("[Vladimir] Putin")."""
        spans: list[list] = []
        for ent in self.parse.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            start, end = trim_span(self.parse.parse_text, ent.start_char, ent.end_char)
            if start >= end or not any(c.isupper() for c in self.parse.parse_text[start:end]):
                continue
            start, end = self._whole_words(start, end)
            between = self.parse.parse_text[spans[-1][1]:start] if spans else ""
            bracketed = between.strip() == "]" and self.parse.parse_text[spans[-1][0] - 1:spans[-1][0]] == "[" if spans else False
            if spans and spans[-1][2] in ("PERSON", "ORG") and ent.label_ == "PERSON" and 0 < len(between) <= 2 and (
                    bracketed or between.isspace() and "\n" not in between and self._ends_in_first_name(spans[-1])):
                spans[-1][1] = end
                spans[-1][2] = "PERSON"
                continue
            spans.append([start, end, ent.label_])
        return [tuple(s) for s in spans]

    def _ends_in_first_name(self, span) -> bool:
        """Return whether an entity ends in a name word, after a person's title or as a person
        ("Presidential Spokesman] Dmitry" + "Peskov"), rather than in a title ("State")."""
        words = tokenize(self.parse.parse_text[span[0]:span[1]], span[0])
        if not words or words[-1].norm in TITLE_FILLERS or title_at(words, len(words) - 1) is not None:
            return False
        return span[2] == "PERSON" or any((hit := title_at(words, i)) is not None and hit.title.kind == "person"
                                          for i in range(len(words) - 1))

    def title_before(self, start: int) -> tuple[int, int] | None:
        """Return the span of a title run right before a name ("Turkish President", "Wagner Group owner")."""
        i = self.parse.token_index(start) - 1
        sentence_start = self.parse.sentence_starts[self.parse.sentence_of(start)]
        first = None
        while i >= 0 and self.parse.tokens[i].start >= sentence_start and self.parse.token_index(start) - i <= 10:
            token = self.parse.tokens[i]
            gap = self.parse.parse_text[token.end:(self.parse.tokens[i + 1].start if i + 1 < len(self.parse.tokens) else start)]
            if "\n" in gap or gap.strip(" []-") != "" and not (gap.strip() == "." and title_at(self.parse.tokens, i)):
                break   # a dot may only follow an abbreviated title ("Sen.", "Gov.")
            if self.ledger.owner_of(token.start, token.end) is not None and self.ledger.owner_of(token.start, token.end).kind == "person":
                break
            is_cue = title_at(self.parse.tokens, i) is not None or self.parse.gaz.match_at(self.parse.tokens, i) is not None
            if not (is_cue or token.norm in TITLE_FILLERS or token.norm == "'s" or token.text[:1].isupper()):
                break
            if token.norm in DEFINITE | INDEFINITE and token.norm != "the":
                break
            first = i
            i -= 1
        if first is None or self.parse.tokens[self.parse.token_index(start) - 1].norm in ("the", "of", "'s"):
            return None
        while first < self.parse.token_index(start) and self.parse.tokens[first].norm in ("of", "'s", "the"):
            first += 1
        if first >= self.parse.token_index(start):
            return None
        span = (self.parse.tokens[first].start, self.parse.tokens[self.parse.token_index(start) - 1].end)
        span = (min(span[0], self._parse_left_edge(start, span[0])), span[1])
        found = self.parse.analyse_span(*span)
        return span if found.titles or found.hits else None

    def _parse_left_edge(self, start: int, current: int) -> int:
        """Return where the parse says a name's noun phrase begins, when that reaches further left
        than the title run over words the run does not know ("Nigerian junior foreign minister")."""
        token = self.parse.doc_token(start)
        if token is None:
            return current
        root = token
        while root.head.i != root.i and root.dep_ in ("compound", "flat") and root.head.i > root.i:
            root = root.head
        left = root.left_edge
        if left.i >= token.i or left.sent.start != token.sent.start:
            return current
        words = self.parse.doc[left.i:token.i]
        if any(w.pos_ in ("VERB", "AUX", "ADP", "PUNCT") and w.lower_ != "of" or w.lower_ in DEFINITE | INDEFINITE - {"the"}
               or w.ent_type_ == "PERSON" for w in words):
            return current
        while left.i < token.i and left.lower_ == "the":
            left = self.parse.doc[left.i + 1]
        return min(current, left.idx)

    def apposition_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the spans of noun phrases in apposition to a name ("Its commander, Teodor Halvik")."""
        token = self.parse.doc_token(end - 1)
        if token is None:
            return []
        spans: list[tuple[int, int]] = []
        if token.dep_ == "appos" and token.head.i < token.i and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.idx < start:
            # "the chief of the General Staff, Valery Gerasimov": the parser hangs the name on
            # "Staff"; the title is the whole "chief of the General Staff".
            spans.append(self.phrase(self._of_phrase_root(token.head), exclude=token))
        for child in token.children:
            if child.dep_ == "appos" and child.i > token.i and child.pos_ == "NOUN":
                spans.append(self.phrase(child, exclude=None))
        if not spans:
            spans += self._comma_appositions(start, end)
        return [s for s in spans if s and s[0] < s[1] and not self._holds_other_person(s, start, end)]

    @staticmethod
    def _of_phrase_root(token):
        """Return the noun an "of" phrase hangs on ("Staff" in "chief of the General Staff" → "chief")."""
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN") \
                and token.head.head.i < token.i:
            token = token.head.head
        return token

    def _comma_appositions(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return "<title>, <name>," and "<name>, <title>," phrases the parser missed."""
        found = []
        before = self.parse.parse_text[:start]
        after = self.parse.parse_text[end:]
        if re.search(r",\s*$", before[-3:]):
            comma = before.rstrip().rstrip(",")
            chunk = next((c for c in self.parse.chunks if c.end_char == len(comma.rstrip())), None)
            if chunk is not None and re.match(r"\s*[,.;]", after):
                span = trim_span(self.parse.parse_text, chunk.start_char, chunk.end_char)
                # "the chief of the General Staff, Valery Gerasimov": the title is the whole
                # "X of Y" phrase, not the body it ends with.
                root = self._of_phrase_root(chunk.root)
                if root is not chunk.root:
                    wider = self.phrase(root, exclude=None)
                    if wider[1] == span[1] and wider[0] < span[0]:
                        span = wider
                if self.ends_in_person_title(span):
                    found.append(span)
        match = re.match(r"\s*,\s*", after)
        if match:
            chunk = next((c for c in self.parse.chunks if c.start_char == end + match.end()), None)
            if chunk is not None:
                span = self.phrase(chunk.root, exclude=None)
                if span[0] <= chunk.start_char + 4 and re.match(r"\s*[,.;]", self.parse.parse_text[span[1]:span[1] + 3]) \
                        and self.ends_in_person_title(span, anywhere=True):
                    found.append(span)
        return found

    def _holds_other_person(self, span: tuple[int, int], start: int, end: int) -> bool:
        """Return whether a span names another person (not as a possessor: "Putin's defense minister")."""
        for ent in self.parse.ents:
            if ent.label_ not in ("PERSON", "ORG") or not (span[0] <= ent.start_char and ent.end_char <= span[1]) or \
                    (ent.start_char < end and start < ent.end_char):
                continue
            before = self.parse.token_index(ent.start_char)
            titled = any((hit := title_at(self.parse.tokens, i)) is not None and hit.last == before and hit.title.kind == "person"
                         for i in range(max(0, before - 3), before))
            if (ent.label_ == "PERSON" or titled) and not re.match(r"['’]s?\b", self.parse.parse_text[ent.end_char:ent.end_char + 2]):
                return True
        return False

    def phrase(self, head, exclude) -> tuple[int, int]:
        """Return the char span of a noun phrase without clauses, the excluded branch, or edges."""
        keep = []

        def walk(token) -> None:
            keep.append(token)
            for child in token.children:
                if child is exclude or child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos"):
                    continue
                if child.dep_ == "prep" and child.lower_ not in ("of", "for", "in"):
                    continue
                walk(child)

        walk(head)
        keep.sort(key=lambda t: t.i)
        # Only the contiguous run around the head.
        indices = [t.i for t in keep]
        pos = indices.index(head.i)
        lo = hi = pos
        while lo > 0 and indices[lo - 1] == indices[lo] - 1:
            lo -= 1
        while hi < len(indices) - 1 and indices[hi + 1] == indices[hi] + 1:
            hi += 1
        first, last = keep[lo], keep[hi]
        return trim_span(self.parse.parse_text, first.idx, last.idx + len(last.text)) if first.idx < last.idx + len(last.text) else (0, 0)

    def _whole_words(self, start: int, end: int) -> tuple[int, int]:
        """Return the span grown to whole tokens ("Rostov" in "Rostov-on-Don" → the whole name)."""
        i = self.parse.token_index(start)
        if i > 0 and self.parse.tokens[i - 1].start < start < self.parse.tokens[i - 1].end:
            start = self.parse.tokens[i - 1].start
        j = bisect.bisect_left(self.parse.token_starts, end) - 1
        if 0 <= j < len(self.parse.tokens) and self.parse.tokens[j].start < end < self.parse.tokens[j].end:
            end = self.parse.tokens[j].end
        return start, end

    def ends_in_person_title(self, span: tuple[int, int], anywhere: bool = False) -> bool:
        """Return whether a span ends with (or, for an apposition, is headed by) one person's title."""
        described = self.parse.analyse_span(*span)
        words = tokenize(self.parse.parse_text[span[0]:span[1]], span[0])
        for hit in described.titles:
            if hit.title.kind == "person" and not hit.plural and (anywhere or hit.last == len(words)):
                return True
        return False

