"""Group mentions and their members: "the leaders of Belarus, Kazakhstan and Uzbekistan".

A plural head of the kind that stands for governments ("leaders", "counterparts",
"ministers") groups the countries listed after "of" or "from"; without such a list, the group
bodies and countries that modify it ("his G7 and EU counterparts") give the members. With a
relational head ("counterparts", "colleagues", "allies") the possessor's own country is left
out: Blinken's G7 counterparts are the other six.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newsprism.actors.resolution import Cluster, Resolver

GROUP_HEADS = {"leader", "counterpart", "minister", "government", "head", "president", "official", "ally",
               "partner", "country", "state", "nation", "member", "representative", "delegation", "diplomat",
               "colleague", "envoy", "ambassador", "premier", "chancellor"}
RELATIONAL = {"counterpart", "colleague", "ally", "partner"}


def _conjuncts(token) -> list:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def find_groups(resolver: Resolver) -> list[tuple[int, int, list[Cluster]]]:
    """Return (start, end, member actors) of each group mention; members get a "group" mention."""
    doc = resolver.parse.doc
    groups = []
    for token in doc:
        if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in GROUP_HEADS:
            continue
        listed: list = []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        listed.extend(_conjuncts(obj))
        modifiers = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod")]
        if token.dep_ == "conj" and token.head.i < token.i:
            # "his G7 and EU counterparts": the first conjunct modifies the same head.
            modifiers.append(token.head)
        modifiers.sort(key=lambda t: t.i)
        members, used = _members(resolver, listed, countries_only=True)
        if not members:
            members, used = _members(resolver, modifiers, countries_only=False)
        if not members:
            continue
        left = min([t.left_edge.i for t in modifiers] + [token.left_edge.i])
        right = max([t.i for t in used] + [token.i])
        start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
        if token.lemma_.lower() in RELATIONAL:
            own = _possessor_country(resolver, token)
            members = [m for m in members if m.country_or_fixed() != own] if own else members
        if not members:
            continue
        for member in members:
            member.add(start, end, "group")
        groups.append((start, end, members))
    return groups


def _members(resolver: Resolver, tokens, countries_only: bool) -> tuple[list[Cluster], list]:
    """Return the member actors named by tokens (countries, the EU, members of G7-like bodies)
    and the tokens that named them."""
    out: list = []
    used: list = []
    for token in tokens:
        owner = resolver.ledger.owner_of(token.idx, token.idx + len(token.text))
        if owner is None:
            continue
        if owner.kind == "country":
            found = [owner]
        elif countries_only:
            continue
        elif owner.kind == "group" and owner.fixed_name:
            entry = _body_entry(resolver, owner.fixed_name)
            found = [_country(resolver, code) for code in (entry.members if entry else ())]
        elif owner.kind == "organisation" and owner.fixed_country == "EU":
            found = [owner]
        else:
            continue
        out.extend(f for f in found if f not in out)
        used.append(token)
    return out, used


def _body_entry(resolver: Resolver, name: str):
    for entries in resolver.parse.gaz.entries.values():
        for entry in entries:
            if entry.kind == "body" and entry.name == name:
                return entry
    return None


def _country(resolver: Resolver, code: str) -> Cluster:
    found = resolver.ledger.cluster(("country", code), "country")
    found.fixed_name = resolver.parse.gaz.country_name(code) or code
    found.fixed_country, found.country_decided = code, True
    found.strong["GOV"] += 1
    return found


def _possessor_country(resolver: Resolver, token) -> str | None:
    """Return the country of whoever owns a relational group ("his" → Blinken → USA)."""
    for child in token.children:
        if child.dep_ == "poss":
            owner = resolver.ledger.owner_of(child.idx, child.idx + len(child.text))
            if owner is None and child.pos_ == "PRON":
                owner = resolver.references.antecedent(child, lambda c: c.kind == "person")
            if owner is not None:
                return owner.country_or_fixed()
    if token.dep_ == "conj":
        return _possessor_country(resolver, token.head)
    return None
