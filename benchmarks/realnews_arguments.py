"""Which argument of a correctly typed event is wrong: the compass for source/target work.

`score_realnews_events.py` counts an event as fully right when its type, source and target agree
with the gold. This module looks only at events whose TYPE is right (paired as the type score
pairs them) and says, for the source and for the target, what is wrong:

Events are paired fully-right first, then by type among the rest.

- `missing`: the gold names an actor, the coder none;
- `extra`: the gold has no target, the coder names an actor;
- `name`: neither the name (a shared word) nor country+sector agree; the country and sector of
  the closest coded actor are then checked as well, so `name+country`, `name+sector` say more;
- `country` / `sector`: the name agrees (a shared word) but the coded country or sector does not.
  These do not make the event wrong for the full score (a shared word suffices), but they are
  what actors' country/sector work is measured by.

Prints counts per slot and kind, then every wrong slot with its sentence, gold and coded actors.
"""

from __future__ import annotations

from collections import Counter


def _name_agrees(gold: dict, ref, words) -> bool:
    return bool(gold.get("name") and words(gold["name"]) & words(ref.name))


def slot_errors(gold: dict | None, refs, words) -> list[str]:
    """Return what is wrong with one argument slot (empty when it is right, country and sector
    included); see the module doc for the kinds."""
    actors = [r for r in refs if r.actor_id or r.country or r.sector]
    if gold is None:
        return ["extra"] if actors else []
    if not refs:
        return ["missing"]
    named = [r for r in refs if _name_agrees(gold, r, words)]
    if named:
        ref = named[0]
        kinds = []
    else:
        by_code = [r for r in refs if gold.get("country") and (r.country, r.sector) == (gold.get("country"), gold.get("sector"))]
        if by_code:
            return []
        if not gold.get("name") and gold.get("country"):
            # an unnamed gold actor agrees by country alone (as the full score has it)
            same = [r for r in refs if r.country == gold["country"]]
            if same:
                return ["sector"] if gold.get("sector") and same[0].sector != gold["sector"] else []
        ref = refs[0]
        kinds = ["name"]
    if gold.get("country") and ref.country != gold["country"]:
        kinds.append("country")
    if gold.get("sector") and ref.sector != gold["sector"]:
        kinds.append("sector")
    return ["+".join(kinds)] if kinds else []


def _show(actor: dict | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.get('name')} ({actor.get('country')}/{actor.get('sector')})"


def _show_refs(refs) -> str:
    return "; ".join(f"{r.name} ({r.country}/{r.sector})" for r in refs) or "-"


def print_breakdown(ids: list[str], gold: dict[str, list], predicted: dict[str, list], texts: dict,
                    pair_up, words, listing: bool = True) -> Counter:
    """Print, for the typed-right events of these sentences, which argument is wrong and how."""
    counts: Counter = Counter()
    lines = []
    n_typed = 0
    for sid in ids:
        # fully right events first, so a wrong pairing of two same-typed events is not an error
        strict, g_left, p_left = pair_up(gold.get(sid, []), predicted.get(sid, []), strict=True)
        typed, _, _ = pair_up(g_left, p_left, strict=False)
        for g, event in strict + typed:
            n_typed += 1
            for slot, g_actor, refs in (("source", g["source"], event.sources), ("target", g["target"], event.targets)):
                for kind in slot_errors(g_actor, refs, words):
                    counts[f"{slot} {kind}"] += 1
                    lines.append(f"    {slot} {kind:<20} {g['type']:<9} [{event.trigger}] gold {_show(g_actor)} "
                                 f"| coded {_show_refs(refs)}\n        {sid}\n        {texts.get(sid, '')[:200]}")
    print(f"  argument errors of the {n_typed} typed-right events (name errors make the event wrong; "
          f"country/sector alone do not):")
    for kind, count in sorted(counts.items()):
        print(f"    {count:>3}  {kind}")
    if listing:
        print("\n".join(lines))
    return counts
