"""Within-article actor resolution: names, titles, descriptions and pronouns -> one actor each.

No offline coreference package exists (see FACTS.md), so the rules are ours:
- a person's name forms cluster by surname ("Antony Blinken", "Blinken", "Secretary Blinken");
- the words before a name and its apposition give country and sector ("Turkish President
  Recep Tayyip Erdogan" -> TUR GOV; "Igor Artamonov, governor of Lipetsk" -> GOV);
- a definite description ("the top US diplomat", "the Turkish president", "the minister") joins
  the person in the article whose country and office fit it, preferring the latest mentioned;
- "he"/"she" join the nearest person mentioned before them;
- organisations and places take country and sector from the gazetteer.
Actor ids are global (a hash of kind and canonical name), so the store merges one actor's
records across articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsprism.actors.gazetteer import country_name, describe, gazetteer, lookup_country
from newsprism.records import Actor, ActorMention, ActorRef, AnalyzedArticle, stable_id

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
# Platforms are channels of speech, not actors.
PLATFORMS = {"twitter", "x", "telegram", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "vk", "vkontakte", "weibo", "truth social"}
# Outlet names written as one word ("Dailymail") are media, whatever the tagger says.
_MEDIA_WORD = re.compile(r"(daily|mail|news|times|post|press|observer|herald|gazette|journal|tribune|telegraph)", re.I)
# Offices a description can name, mapped to the titles that hold them.
OFFICE_WORDS = {
    "diplomat": ("secretary of state", "foreign minister", "minister of foreign affairs", "ambassador", "envoy", "diplomat", "high representative"),
    "leader": ("president", "prime minister", "premier", "chancellor", "leader", "king", "emir", "head of state"),
    "president": ("president",), "minister": ("minister",), "governor": ("governor",), "spokesman": ("spokes",),
    "spokeswoman": ("spokes",), "spokesperson": ("spokes",), "chief": ("chief", "head", "founder", "owner", "leader"),
    "secretary": ("secretary",), "premier": ("prime minister", "premier"), "mayor": ("mayor",), "envoy": ("envoy",),
}
BLOCS = {"g7": ("CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"), "eu": ("EU",)}
_CLEAN = re.compile(r"[\[\]]")


def clean_name(text: str) -> str:
    """Return a name without brackets, possessive endings, a leading article and outer punctuation."""
    text = _CLEAN.sub("", text)
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"['’]s?$", "", text.strip())
    return " ".join(text.strip(" ,.;:\"'‘’“”").split())


@dataclass(slots=True)
class _Cluster:
    kind: str
    names: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    sectors: Counter = field(default_factory=Counter)
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, how

    @property
    def canonical(self) -> str:
        if not self.names:
            return self.mentions[0][2]
        if self.kind == "organisation":
            # The gazetteer's multi-word name is the stable one across articles ("Wagner Group").
            g = gazetteer()
            for n in self.names:
                if n.lower() in g.canonical:
                    return g.canonical[n.lower()]
            known = [n for n in self.names if n.lower() in g.bodies]
            if known:
                return min(known, key=lambda n: (len(n.split()) < 2, len(n)))
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def note(self, country: str | None, sector: str | None, weight: int = 1) -> None:
        if country:
            self.countries[country] += weight
        if sector:
            self.sectors[sector] += weight


def _descriptor(ent) -> str:
    """Return the title words before a name and its apposition: 'Turkish President', 'governor of ...'."""
    doc = ent.doc
    head = ent.root
    left = min(t.i for t in head.subtree)
    before = doc[left:ent.start].text if left < ent.start else ""
    appos = [c for c in head.children if c.dep_ == "appos" and c.i >= ent.end]
    after = " ".join(doc[min(t.i for t in c.subtree):max(t.i for t in c.subtree) + 1].text for c in appos)
    # "[Belarusian President Alexander] Lukashenko": the bracketed title sits in a sibling phrase.
    if not before and ent.start > 0:
        window = doc[max(ent.sent.start, ent.start - 4):ent.start].text
        if re.search(r"(President|Minister|Secretary|Spokes\w+|Governor|Chancellor|Premier)\b", window):
            before = window
    # "the governor of Russia's Lipetsk province said ... governor Igor Artamonov": the head noun's modifiers.
    if head.dep_ in ("appos", "compound") and head.head.i != head.i and head.head.pos_ == "NOUN":
        before = f"{before} {head.head.text}"
    return f"{before} {after}".strip()


def _glued(text: str, start: int, end: int) -> bool:
    """Return whether a span is part of a hyphenated word ("Rostov-on-Don")."""
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end:end + 1] == "-")


def _trim(span):
    """Return the span without leading whitespace and punctuation tokens."""
    start = span.start
    while start < span.end and (span.doc[start].is_space or span.doc[start].is_punct):
        start += 1
    return span.doc[start:span.end]


def _is_title_chunk(chunk) -> bool:
    g = gazetteer()
    root = chunk.root.lower_
    bare = re.sub(r"^(the|a|an|this|that|his|her|their|its|some|many|all)\s+", "", chunk.text.lower())
    last_two = " ".join(bare.split()[-2:])
    return root in g.titles or chunk.root.lemma_.lower() in g.titles or bare in g.titles or last_two in g.titles


def resolve_actors(analyzed: AnalyzedArticle, doc) -> None:
    """Fill ``analyzed.actors`` and ``analyzed.actor_mentions`` for one article (pipeline stage)."""
    article = analyzed.article
    g = gazetteer()
    clusters: list[_Cluster] = []
    by_surname: dict[str, _Cluster] = {}
    by_key: dict[tuple[str, str], _Cluster] = {}
    person_order: list[tuple[int, _Cluster]] = []
    covered: list[tuple[int, int]] = []
    sentence_of = {}
    for i, sent in enumerate(doc.sents):
        sentence_of[sent.start] = i

    # People first: their name forms cluster by surname.
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = clean_name(ent.text)
        if not name or name.lower() in PERSON_PRONOUNS or not any(ch.isupper() for ch in name):
            continue
        key = name.lower()
        if key in g.bodies or lookup_country(name) or key in PLATFORMS:   # "Wagner", "Twitter" mislabelled
            continue
        if _glued(article.text, ent.start_char, ent.end_char):   # "Rostov-on-Don" is a place
            continue
        if " " not in name and _MEDIA_WORD.search(name):
            continue
        surname = name.split()[-1].lower()
        cluster = by_surname.get(surname) or next((c for c in clusters if c.kind == "person" and key in (n.lower() for n in c.names)), None)
        if cluster is None:
            cluster = _Cluster("person")
            clusters.append(cluster)
        by_surname[surname] = cluster
        cluster.names.append(name)
        descriptor = _descriptor(ent)
        cluster.descriptors.append(descriptor)
        country, sector = describe(descriptor) if descriptor else (None, None)
        known = g.people.get(name.lower())
        cluster.note(country, sector, 2)
        if known:
            cluster.note(*known)
        cluster.mentions.append((ent.start_char, ent.end_char, article.text[ent.start_char:ent.end_char], "name"))
        person_order.append((ent.start_char, cluster))
        covered.append((ent.start_char, ent.end_char))

    # "[Vladimir] Putin": a lone first name joins the person whose full name holds it.
    for cluster in [c for c in clusters if c.kind == "person"]:
        if all(" " not in n for n in cluster.names):
            token = cluster.names[0].lower()
            host = next((c for c in clusters if c is not cluster and c.kind == "person" and
                         any(token in n.lower().split()[:-1] for n in c.names)), None)
            if host is not None:
                host.mentions.extend(cluster.mentions)
                host.countries.update(cluster.countries)
                host.sectors.update(cluster.sectors)
                cluster.mentions.clear()
                person_order[:] = [(p, host if c is cluster else c) for p, c in person_order]
    # Well-known office holders named by surname alone ("Peskov") take the gazetteer's country.
    for cluster in [c for c in clusters if c.kind == "person" and c.mentions]:
        if not cluster.countries:
            surname = cluster.canonical.split()[-1].lower()
            for full, (code, sector) in g.people.items():
                if full.split()[-1] == surname and (len(cluster.canonical.split()) == 1 or full == cluster.canonical.lower()):
                    cluster.note(code, sector)
                    break

    # Organisations, countries and places used as actors.
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PERSON"):
            continue
        if ent.label_ == "PERSON" and not (" " not in ent.text.strip() and _MEDIA_WORD.search(ent.text)):
            continue
        name = clean_name(ent.text)
        lowered = name.lower()
        if not name or lowered in PLATFORMS or lowered in ("state", "pmc") or _glued(article.text, ent.start_char, ent.end_char):
            continue
        if lowered in by_surname and ent.label_ in ("ORG", "GPE", "NORP"):
            # A surname the tagger took for an organisation ("Prigozhin") joins its person.
            person = by_surname[lowered]
            person.mentions.append((ent.start_char, ent.end_char, article.text[ent.start_char:ent.end_char], "alias"))
            person_order.append((ent.start_char, person))
            covered.append((ent.start_char, ent.end_char))
            continue
        if re.search(r"(President|Minister|Spokes\w+|Secretary)\b", name) and ent.label_ == "ORG":
            continue   # a bracketed title the tagger fused with a first name
        code = lookup_country(name)
        if lowered in g.bodies:
            country, sector = g.bodies[lowered]
            kind = "organisation"
        elif code and ent.label_ in ("GPE", "NORP"):
            # "Russia", "Moscow", "the Russians" as actors stand for the state.
            country, sector, kind = code, "GOV", "country"
            if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound"):
                continue   # a demonym modifying something else is not an actor
            name = country_name(code) or name
        elif ent.label_ == "ORG" or (ent.label_ == "PERSON" and " " not in name and _MEDIA_WORD.search(name)):
            country, sector = describe(name)
            if " " not in name and _MEDIA_WORD.search(name):
                sector = sector or "MED"
            kind = "organisation"
        else:
            continue
        cluster_key = (kind, (name if kind != "country" else country or name).lower())
        cluster = by_key.get(cluster_key)
        if cluster is None:
            cluster = _Cluster(kind)
            clusters.append(cluster)
            by_key[cluster_key] = cluster
        cluster.names.append(name)
        cluster.note(country, sector)
        cluster.mentions.append((ent.start_char, ent.end_char, article.text[ent.start_char:ent.end_char], "gazetteer" if (lowered in g.bodies or code) else "name"))
        covered.append((ent.start_char, ent.end_char))

    # "Wagner", "Wagner Group", "Wagner PMC": one organisation when the gazetteer agrees on it.
    organisations = [c for c in clusters if c.kind == "organisation" and c.mentions]
    for cluster in organisations:
        first = cluster.names[0].split()[0].lower()
        host = next((c for c in organisations if c is not cluster and c.mentions and c.names[0].split()[0].lower() == first
                     and c.countries.keys() == cluster.countries.keys() and c.sectors.keys() == cluster.sectors.keys()
                     and any(n.lower() in g.bodies for n in c.names)), None)
        if host is not None and organisations.index(host) < organisations.index(cluster) or (
                host is not None and not any(n.lower() in g.bodies for n in cluster.names)):
            host.mentions.extend(cluster.mentions)
            host.names.extend(cluster.names)
            host.countries.update(cluster.countries)
            host.sectors.update(cluster.sectors)
            cluster.mentions.clear()

    persons_by_position = sorted(person_order, key=lambda p: p[0])

    def person_before(position: int, predicate=lambda c: True) -> _Cluster | None:
        candidates = [c for start, c in persons_by_position if start < position and predicate(c)]
        return candidates[-1] if candidates else None

    def overlaps_covered(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in covered)

    # Descriptions: "the top US diplomat", "the Turkish president", "riot police", "mercenaries".
    for chunk in doc.noun_chunks:
        chunk = _trim(chunk)
        if not len(chunk) or not _is_title_chunk(chunk) or overlaps_covered(chunk.start_char, chunk.end_char):
            continue
        text = article.text[chunk.start_char:chunk.end_char]
        # "Russian President [Vladimir] Putin": a title right before a name belongs to that person.
        following = next((c for p, c in persons_by_position if 0 <= p - chunk.end_char <= 3
                          and not article.text[chunk.end_char:p].strip(" [(")), None)
        if following is not None:
            following.mentions.append((chunk.start_char, chunk.end_char, text, "title"))
            following.descriptors.append(text)
            following.note(*describe(text), 2)
            covered.append((chunk.start_char, chunk.end_char))
            continue
        country, sector = describe(text)
        root = chunk.root.lower_
        definite = chunk[0].lower_ in ("the", "this", "that") or chunk[0].tag_ == "PRP$"
        singular = chunk.root.tag_ in ("NN", "NNP")
        target: _Cluster | None = None
        if definite and singular and root in OFFICE_WORDS:
            offices = OFFICE_WORDS[root]

            def fits(c: _Cluster) -> bool:
                titles = " ".join(c.descriptors).lower()
                if country and c.countries and c.countries.most_common(1)[0][0] != country:
                    return False
                return any(o in titles for o in offices) or (root in ("leader", "president") and c.sectors.get("GOV", 0) > 0 and country is not None and country in c.countries)

            target = person_before(chunk.start_char, fits) or next(
                (c for _, c in persons_by_position if fits(c)), None)
        if target is None and definite and singular and sector in ("REB", "MIL", "COP", "IGO"):
            # "the mercenary group" is the organisation of that sector the article names most.
            organisations = [c for c in clusters if c.kind == "organisation" and c.mentions and sector in c.sectors]
            if organisations:
                target = max(organisations, key=lambda c: len(c.mentions))
        if target is not None:
            target.mentions.append((chunk.start_char, chunk.end_char, text, "description"))
            target.note(country, sector)
            covered.append((chunk.start_char, chunk.end_char))
            continue
        if not sector:
            continue
        # A group or an unnamed office holder: an actor of its own, named by its description.
        label = re.sub(r"^(the|a|an|some|all|his|her|their|its|many)\s+", "", text, flags=re.I).strip()
        if not label:
            continue
        cluster_key = ("group", label.lower())
        cluster = by_key.get(cluster_key)
        if cluster is None:
            cluster = _Cluster("group")
            clusters.append(cluster)
            by_key[cluster_key] = cluster
        cluster.names.append(label)
        cluster.note(country, sector)
        # Unnamed groups inherit the country of the article's own setting only through the text.
        cluster.mentions.append((chunk.start_char, chunk.end_char, text, "description"))
        covered.append((chunk.start_char, chunk.end_char))

    # Pronouns: the nearest person before them.
    for token in doc:
        if token.lower_ in ("he", "she") and token.pos_ == "PRON":
            cluster = person_before(token.idx)
            if cluster is not None:
                cluster.mentions.append((token.idx, token.idx + len(token.text), token.text, "pronoun"))

    # Unnamed state groups ("the authorities", "riot police") act for the country the article is
    # about: the country its actors belong to most often.
    weights = Counter()
    for cluster in clusters:
        if cluster.mentions and cluster.countries and cluster.kind in ("person", "country", "organisation"):
            weights[cluster.countries.most_common(1)[0][0]] += len(cluster.mentions)
    if weights:
        dominant = weights.most_common(1)[0][0]
        for cluster in clusters:
            if cluster.kind == "group" and not cluster.countries and cluster.sectors and \
                    cluster.sectors.most_common(1)[0][0] in ("GOV", "COP", "MIL", "JUD", "LEG"):
                cluster.note(dominant, None)

    # Records.
    analyzed.actors.clear()
    analyzed.actor_mentions.clear()
    starts = [s.start for s in analyzed.sentences]
    import bisect

    for cluster in clusters:
        if not cluster.mentions:
            continue
        country = cluster.countries.most_common(1)[0][0] if cluster.countries else None
        sector = cluster.sectors.most_common(1)[0][0] if cluster.sectors else None
        name = cluster.canonical
        actor_id = stable_id("actor", cluster.kind, name.lower())
        aliases = tuple(dict.fromkeys([*cluster.names, *(m[2] for m in cluster.mentions if m[3] == "description")]))
        analyzed.actors.append(Actor(actor_id, name, cluster.kind, country, sector, aliases))
        for start, end, text, how in sorted(cluster.mentions):
            index = max(0, bisect.bisect_right(starts, start) - 1)
            how = "alias" if how == "name" and cluster.kind == "person" and text != name and clean_name(text) != name else how
            analyzed.actor_mentions.append(ActorMention(article.id, actor_id, index, start, end, text, how))
    analyzed.actor_mentions.sort(key=lambda m: m.start)


def actor_at(analyzed: AnalyzedArticle, start: int, end: int) -> ActorRef | None:
    """Return the actor whose mention best overlaps the character span [start, end)."""
    best = None
    best_overlap = 0
    for mention in analyzed.actor_mentions:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap > best_overlap or (overlap == best_overlap and overlap > 0 and mention.how == "name" and best and best.how != "name"):
            best, best_overlap = mention, overlap
    if best is None:
        return None
    actor = next(a for a in analyzed.actors if a.id == best.actor_id)
    return ActorRef(actor.id, actor.name, actor.country, actor.sector, best.start, best.end)


def expand_group(analyzed: AnalyzedArticle, start: int, end: int, exclude: str | None = None) -> list[ActorRef]:
    """Return the member states of a group mention, as their governments.

    "the leaders of Belarus, Kazakhstan and Uzbekistan" -> BLR, KAZ, UZB; "his G7 counterparts from
    Canada, France, ..." -> each named country; "his G7 and EU counterparts" -> the G7 members and
    the EU, less ``exclude`` (the speaker's own country).
    """
    text = analyzed.article.text[start:end]
    codes: list[str] = []
    g = gazetteer()
    for match in re.finditer(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*", text):
        phrase = match.group(0)
        code = g.countries.get(phrase.lower()) or g.countries.get(re.sub(r"^the\s+", "", phrase.lower()))
        if code and code not in codes:
            codes.append(code)
    named = bool(codes)
    if not named:
        for bloc, members in BLOCS.items():
            if re.search(rf"\b{bloc}\b", text, re.I) and re.search(r"counterparts|members|leaders|ministers|partners|allies", text, re.I):
                codes.extend(m for m in members if m not in codes)
    elif re.search(r"\bEU\b", text) and "EU" not in codes:
        codes.append("EU")
    if len(codes) < 2 and not re.search(r"\b(leaders|counterparts|ministers|governments)\b", text, re.I):
        return []
    return [ActorRef(stable_id("actor", "country", code.lower()), country_name(code) or code, code, "GOV" if code != "EU" else "IGO", start, end)
            for code in codes if code != exclude]
