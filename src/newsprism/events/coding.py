"""One article's coding state and the emitter every rule ends in.

``ArticleCoding.emit`` turns a matched trigger with its sources and targets into a
records.Event: it reads negation, modality, attribution, date and location from the parse,
recodes by modality (PLOVER codes intentions, demands and refusals as events of their own) and
keeps the CAMEO code in step with the PLOVER type it ends with.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from newsprism.events.cameo import settle
from newsprism.events.lexicon import COOPERATIVE, HOSTILE, Trigger
from newsprism.events.modality import (
    _attribution,
    _attribution_token,
    _date_for,
    _location,
    _modality,
    _negated,
    _refused_offer,
    _reporter,
)
from newsprism.events.phrases import _resolve_phrase, with_home_countries
from newsprism.events.syntax import _lemma, _verb_trigger
from newsprism.events.reciprocals import with_reciprocal_targets
from newsprism.events.targets import _deed_doers, with_armed_states
from newsprism.events.vocabulary import (
    COMMITTING_HEADS,
    DEMANDING_HEADS,
    NEGATING_HEADS,
    SPEAKER_SIDE,
)
from newsprism.records import ActorRef, AnalyzedArticle, Event, stable_id


@dataclass
class ArticleCoding:
    """The events coded so far in one article, and the deeds they report (whose doers a later
    deed noun names: "called the seizure a terrorist attack")."""

    analyzed: AnalyzedArticle
    doc: object
    events: list[Event] = field(default_factory=list)
    seen: set[tuple[int, str]] = field(default_factory=set)
    deeds: list[tuple[str, list[ActorRef]]] = field(default_factory=list)   # (verb lemma, doers)
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [s.start for s in self.analyzed.sentences]

    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def emit(self, trigger_token, trigger: Trigger, plover: str, rule: str, sources: list[ActorRef],
             targets: list[ActorRef], anchor, confidence: float, mode: str | None = None,
             negated: bool | None = None, modality: str | None = None) -> None:
        """Append the event a rule matched, unless this token already has one of this type.
        A rule that knows the deed's modality (an act charged is alleged) passes it."""
        analyzed, article = self.analyzed, self.analyzed.article
        sentence = trigger_token.sent
        negation = _negated(anchor) if negated is None else negated
        key = (trigger_token.i, plover)
        if key in self.seen:
            return
        self.seen.add(key)
        modality = _modality(anchor) if modality is None else modality
        if rule.startswith(("verb:", "cameo:")) and plover not in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
            plover, rule, negation, sources, targets = self._recode(
                anchor, plover, rule, negation, modality, sources, targets)
            if plover is None:
                return
        if modality == "happened" and plover in HOSTILE and self._told_by_another(anchor, sources):
            # "Kyiv said Russian troops attacked the village": Kyiv's claim. A friendly deed told by
            # another party ("the Kremlin said Erdogan expressed support") is a report.
            modality = "alleged"
        confidence = _clause_confidence(anchor, confidence)
        targets = _deed_doers(analyzed, self.doc, targets, self.deeds, rejection=plover == "REJECT")
        sources = with_home_countries(analyzed, self.doc, with_armed_states(analyzed, plover, sources))
        targets = with_home_countries(analyzed, self.doc, targets)
        # Targets that are the source again (reflexive parse noise) are dropped.
        source_ids = {(s.actor_id or s.name) for s in sources}
        targets = [t for t in targets if (t.actor_id or t.name) not in source_ids]
        targets = with_reciprocal_targets(self.doc, sources, targets)   # "accused each other": the doers
        if modality == "happened" and not negation:
            self.deeds.append((_lemma(trigger_token), list(sources)))   # a denied or planned deed has no doer
        start, end = trigger_token.idx, trigger_token.idx + len(trigger_token.text)
        index = self.sentence_index(start)
        date = _date_for(anchor, analyzed.dates, sentence)
        cameo, mode = settle(trigger.cameo, plover, mode if mode is not None else trigger.mode)
        self.events.append(Event(
            id=stable_id(article.id, index, start, plover), article_id=article.id,
            sentence_index=index, start=start, end=end, trigger=article.text[start:end],
            plover_type=plover, mode=mode, cameo=cameo,
            sources=tuple(sources), targets=tuple(targets), location=_location(anchor),
            date=date.resolved if date else None, date_text=date.text if date else None,
            negated=negation, modality=modality, attribution=_attribution(anchor, sentence),
            rule=rule, confidence=confidence,
        ))

    def _told_by_another(self, anchor, sources: list[ActorRef]) -> bool:
        """Return whether the event is one party's claim about another: the speech verb above it
        has a subject of one country and the doer is of another ("Kyiv said Russian troops
        attacked the village"). The doer's own side ("the ministry said its troops repelled an
        attack") and a source of no stated side ("the minister said investigators opened
        cases", "a Karstian official said Marsh met the delegations") report, not allege."""
        reporter = _reporter(anchor)
        if reporter is None or not sources:
            return False
        speakers = _resolve_phrase(self.analyzed, reporter)
        speaker_countries = {s.country for s in speakers if s.country}
        doer_countries = {s.country for s in sources if s.country}
        shared = {(s.actor_id or s.name) for s in speakers} & {(s.actor_id or s.name) for s in sources}
        return bool(speaker_countries and doer_countries) and not (speaker_countries & doer_countries) and not shared

    def _recode(self, anchor, plover: str, rule: str, negation: bool, modality: str,
                sources: list[ActorRef], targets: list[ActorRef]):
        """Return (plover, rule, negation, sources, targets) after modality: PLOVER codes what an
        actor says it will do: intent to cooperate is AGREE, intent to harm is THREATEN, "must"
        is a REQUEST, and refusing to cooperate is a REJECT."""
        if modality == "demanded" and not (anchor.dep_ == "xcomp" and anchor.head.lemma_ in DEMANDING_HEADS):
            # "Russia said Sudan must return the helicopter": Russia asks it of Sudan.
            speakers = asker_of(self.analyzed, anchor, sources)
            if speakers is None:
                return None, rule, negation, sources, targets
            asked = sources if any(c.dep_ == "nsubj" for c in anchor.children) else targets
            return "REQUEST", f"{rule} + must", negation, speakers, asked
        # A refusal is "refused to", "will not", "would not"; "did not withdraw" is a negated fact.
        if ((anchor.dep_ == "xcomp" and anchor.head.lemma_ in NEGATING_HEADS) or _refused_offer(anchor)
                or (negation and modality in ("planned", "conditional"))) and plover in COOPERATIVE:
            return "REJECT", f"{rule} + refused", False, sources, targets
        if not _committed(anchor, modality):
            # "will visit", "plans to meet": the deed itself, planned (rule 11 of the real-news gold).
            return plover, rule, negation, sources, targets
        intent = "AGREE" if plover in COOPERATIVE - {"CONCEDE"} else "THREATEN" if plover in HOSTILE else None
        if intent is None:
            return plover, rule, negation, sources, targets
        head = _verb_trigger(anchor.head) if anchor.dep_ == "xcomp" else None
        if head is not None and head[0].plover == intent:
            # "promised to help": the promise is the AGREE; its deed is not coded again (gold rule 11).
            return None, rule, negation, sources, targets
        return intent, f"{rule} + intent", negation, sources, targets


def asker_of(analyzed, anchor, doers: list[ActorRef]) -> list[ActorRef] | None:
    """Return who asks a "must"/"should" deed of its doers: the one who says so. None when no
    one asks it of anyone else: the outlet's or an unnamed opinion ("those who think we should
    pull out", "comments that Muslims should be banned"), or a speaker's view of his own side's
    conduct ("we should leave", "supporters say they should ..."): an opinion, not a demand."""
    reporter = _attribution_token(anchor, anchor.sent)
    speakers = _resolve_phrase(analyzed, reporter) if reporter is not None else []
    if not speakers:
        return None
    doer = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is not None and doer.lower_ in SPEAKER_SIDE:
        return None
    speaker_ids = {s.actor_id or s.name for s in speakers}
    if doer is not None and doer.dep_ == "nsubj" and any((d.actor_id or d.name) in speaker_ids for d in doers):
        return None   # a passive deed's doers are implied (often the speaker's own office): not judged
    return speakers


def _committed(anchor, modality: str) -> bool:
    """Return whether a deed is promised or threatened, not just foreseen: it hangs on a
    condition its doer sets ("would leave the city if the army withdrew") or is the content of
    a word of commitment ("vowed to bomb", "is ready to talk"). "Will visit", "plans to meet"
    foresee the deed; the real-news gold codes them as the deed, planned (its rule 11), where
    the PLOVER records code an intent (AGREE): the real-news guidelines win."""
    if modality == "conditional":
        return True
    # "vowed to bomb", "a US offer to host a summit".
    return modality == "planned" and anchor.dep_ in ("xcomp", "acl") and anchor.head.lemma_.lower() in COMMITTING_HEADS


def _clause_confidence(anchor, confidence: float) -> float:
    """Return the confidence raised for a main-clause event and lowered for one in a purpose,
    complement or relative clause (what the sentence reports less surely)."""
    if anchor.dep_ == "ROOT" or (anchor.dep_ == "conj" and anchor.head.dep_ == "ROOT"):
        return min(1.0, confidence + 0.1)
    if anchor.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "ccomp"):
        return max(0.1, confidence - 0.1)
    return confidence
