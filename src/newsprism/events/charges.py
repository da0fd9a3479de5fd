"""Acts named by a charge (rule 32 of the real-news gold): "charged with murder", "indicted in
the 1999 killings", "arrested on suspicion of arson", "denied kidnapping".

The charge itself is coded by its verb's rule (COERCE/arrest); this module codes the act charged,
when it is a PLOVER act, with the accused as its source and the crime's victims ("the killings of
three guards") as its targets. The act is alleged: a charge is not a proof. An accused who
denies it negates it; one who admits it or pleads guilty asserts it. The crimes are data
(data/charged_acts.tsv), each with a sentence that codes it and one that does not.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.events.coding import ArticleCoding
from newsprism.events.lexicon import Trigger, read_table
from newsprism.events.phrases import _resolve_phrase
from newsprism.events.syntax import _lemma, _passive_target, _subject, _with_conjuncts

CRIMES_FILE = Path(__file__).parent / "data" / "charged_acts.tsv"


# The rows of the charged-acts table (crime, plover, mode, cameo, must, must_not).
CRIME_ROWS = read_table(CRIMES_FILE)
CRIMES: dict[str, Trigger] = {r["crime"]: Trigger(r["plover"], r["mode"] or None, r["cameo"]) for r in CRIME_ROWS}

# Verbs that charge someone with an act (its accused is the passive subject or the object). A
# verdict ("convicted of", "found guilty of", "sentenced for") is the court's ACCUSE (CAMEO 116)
# and codes no act of its own, as the real-news gold does.
CHARGING_VERBS = {"charge", "indict", "arrest", "accuse", "arraign", "prosecute", "detain", "hold", "book",
                  "suspect", "investigate", "try", "face"}
# Verbs by which the accused answers for the act (the accused is their subject).
ANSWERING_VERBS = {"deny", "admit", "plead", "confess"}
# Adjectives that charge whom they describe: "a man suspected of murder"; "guilty" only in a plea.
CHARGING_ADJECTIVES = {"guilty", "suspected", "accused"}
# Nouns between a charge and its act: "two counts of murder", "on suspicion of arson", "murder charges".
CHARGE_NOUNS = {"count", "charge", "suspicion", "accusation", "allegation", "connection", "indictment"}
CHARGE_PREPS = {"with", "in", "of", "for", "on", "over", "to"}
RULE = "charge:act charged"
# "The judge found the gunman guilty": a verdict of guilty is the court's ACCUSE (gold rule 8).
VERDICT = Trigger("ACCUSE", "disapprove", "116")
VERDICT_RULE = "verdict:found guilty"


def _charging_word(crime):
    """Return the verb or adjective that charges someone with a crime noun, climbing through
    conjuncts, "counts of", "suspicion of" and "murder charges"; None when nothing charges it."""
    node = crime
    for _ in range(8):
        if node.dep_ == "conj" or (
                node.dep_ == "compound" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in CHARGE_NOUNS) or (
                node.dep_ in ("amod", "compound") and node.head.lemma_.lower() in CRIMES):
            node = node.head   # "murder and arson", "murder charges", "attempted murder"
        elif node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent") and node.head.lower_ in CHARGE_PREPS:
            holder = node.head.head
            if holder.pos_ == "NOUN" and holder.lemma_.lower() in CHARGE_NOUNS:
                node = holder
            elif holder.pos_ in ("VERB", "ADJ", "AUX"):
                return holder
            else:
                return None
        elif node.dep_ == "dobj" and _lemma(node.head) in ANSWERING_VERBS | CHARGING_VERBS:
            return node.head   # "denied murder", "faces murder charges"
        else:
            return None
    return None


def _accused(word):
    """Return the token of whom a charging word accuses: the passive subject ("was charged"),
    the object ("charged the men", "found the gunman guilty"), an answering verb's subject
    ("denied murder"), an adjective's subject ("the man suspected of arson")."""
    lemma = _lemma(word) if word.pos_ != "ADJ" else word.lower_
    if word.pos_ == "ADJ" or lemma in ("suspected", "accused"):
        if word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"):
            return word.head   # "a man suspected of arson"
        subject = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and word.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
            subject = next((c for c in word.head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")), None)
        return subject
    if lemma in ANSWERING_VERBS or lemma == "face":
        return _subject(word)
    if word.dep_ == "acl" and word.head.pos_ in ("NOUN", "PROPN"):
        return word.head   # "the man charged with murder"
    passive = _passive_target(word)
    if passive is not None:
        return passive
    return next((c for c in word.children if c.dep_ == "dobj"), None)


def _charged_as(word) -> tuple[str, bool] | None:
    """Return (modality, negated) of an act by the word that charges it, or None when the word
    charges nothing: a charge or suspicion leaves it alleged; a denial or "not guilty" negates it;
    an admission or a guilty plea asserts it."""
    lemma = word.lower_ if word.pos_ == "ADJ" else _lemma(word)
    # "pleaded not guilty": the parser may hang the negation on "guilty".
    negated = any(c.dep_ == "neg" or (c.lower_ == "guilty" and any(g.dep_ == "neg" for g in c.children))
                  for c in word.children)
    if lemma in ("admit", "confess") or (lemma == "plead" and not negated
                                         and any(c.lower_ == "guilty" for c in word.children)):
        return "happened", False
    if lemma == "guilty":
        pleaded = word.head if _lemma(word.head) == "plead" else None
        return _charged_as(pleaded) if pleaded is not None else None   # "found guilty" is a verdict
    if lemma == "deny" or (lemma == "plead" and negated):
        return "alleged", True
    if lemma in CHARGING_VERBS | CHARGING_ADJECTIVES | ANSWERING_VERBS:
        return "alleged", False
    return None


def _victims(coding: ArticleCoding, crime) -> list:
    """Return whom the crime was done to: "the killings of three guards", "the kidnapping of a boy"."""
    return [r for p in crime.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj" for t in _with_conjuncts(g) for r in _resolve_phrase(coding.analyzed, t)]


def _code_verdict(coding: ArticleCoding, guilty) -> None:
    """Emit the ACCUSE of a verdict "found X guilty" / "X was found guilty", by whoever found."""
    finder_verb = guilty.head
    if guilty.lower_ != "guilty" or _lemma(finder_verb) != "find" or any(c.dep_ == "neg" for c in guilty.children):
        return
    finder = next((c for c in finder_verb.children if c.dep_ == "nsubj"), None)
    if finder is None:
        finder = next((g for c in finder_verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    accused = _accused(guilty)
    sources = _resolve_phrase(coding.analyzed, finder) if finder is not None else []
    targets = _resolve_phrase(coding.analyzed, accused) if accused is not None else []
    coding.emit(finder_verb, VERDICT, VERDICT.plover, VERDICT_RULE, sources, targets, finder_verb, 0.7)


def code_charged_acts(coding: ArticleCoding, doc, skipped) -> None:
    """Emit the act each charge, suspicion or denial in the document names (see the module doc),
    and the ACCUSE of each verdict of guilty."""
    for token in doc:
        if token.pos_ == "ADJ" and not skipped(token):
            _code_verdict(coding, token)
        if token.pos_ != "NOUN" or token.lemma_.lower() not in CRIMES or skipped(token):
            continue
        word = _charging_word(token)
        charged = _charged_as(word) if word is not None else None
        accused = _accused(word) if charged is not None else None
        if accused is None:
            continue
        modality, negated = charged
        sources = _resolve_phrase(coding.analyzed, accused)
        trigger = CRIMES[token.lemma_.lower()]
        coding.emit(token, trigger, trigger.plover, RULE, sources, _victims(coding, token), word, 0.6,
                    negated=negated, modality=modality)
