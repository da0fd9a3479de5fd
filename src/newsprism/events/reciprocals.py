"""Reciprocal targets: "Ames and Pratt accused each other", "the two rivals are questioning the
other's fitness". The doers are also the ones the deed is aimed at, so the target is the sources."""

from __future__ import annotations

from newsprism.records import ActorRef

# Words that, leading a target phrase, make the deed go both ways between its doers.
RECIPROCAL_STARTS = ("each other", "one another")
# "the other" is reciprocal only after plural doers ("the two contenders ... the other's
# fitness"); after one doer it is someone else ("Ames criticized the other candidate").
PLURAL_ONLY_STARTS = ("the other's", "the other’s", "the others'")


def _plural_doers(doc, sources: list[ActorRef]) -> bool:
    """Return whether the sources are several actors or one plural noun phrase."""
    if len(sources) > 1:
        return True
    if not sources or sources[0].start is None:
        return False
    span = doc.char_span(sources[0].start, sources[0].end, alignment_mode="expand")
    return span is not None and span.root.tag_ in ("NNS", "NNPS")


def reciprocal(ref: ActorRef, doc, sources: list[ActorRef]) -> bool:
    """Return whether a target phrase means the doers themselves, each aimed at the others. The
    text at the phrase is read, not its name: the parser may take "one" of "one another" alone."""
    lowered = doc.text[ref.start:ref.start + 16].lower() if ref.start is not None else ref.name.lower()
    if lowered.startswith(RECIPROCAL_STARTS):
        return bool(sources)
    return lowered.startswith(PLURAL_ONLY_STARTS) and _plural_doers(doc, sources)


def with_reciprocal_targets(doc, sources: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
    """Return ``targets`` with a reciprocal phrase replaced by the sources (kept even though they
    are the sources: here they are no reflexive parse noise)."""
    if not any(reciprocal(t, doc, sources) for t in targets):
        return targets
    return list(sources) + [t for t in targets if not reciprocal(t, doc, sources) and t not in sources]
