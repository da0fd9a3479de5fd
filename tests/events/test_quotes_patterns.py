"""Quote attribution, one sentence per pattern: quote styles, split and paragraph-spanning quotes,
colons, dashes, speaker labels, reported speech, channels, dates, speakers, and every lexicon entry."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.events.quote_cues import (
    DIRECTIVE_VERBS,
    INTRODUCING_VERBS,
    NOMINAL_SPEECH_VERBS,
    PREPOSITIONAL_SPEECH_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    detect_channel,
)
from newsprism.records import stable_id


def quotes_of(analyze_text, text, published=None):
    return analyze_text(text, published=published).quotes


def only(quotes, direct=None):
    chosen = [q for q in quotes if direct is None or q.direct == direct]
    assert len(chosen) == 1, [(q.text, q.speaker, q.cue) for q in quotes]
    return chosen[0]


# -- direct quotes in every style -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    'Lavrov said on Monday: "The West has lost its way in Ukraine."',
    "Lavrov said on Monday: “The West has lost its way in Ukraine.”",
    "Lavrov said on Monday: ‘The West has lost its way in Ukraine.’",
    "Lavrov said on Monday: 'The West has lost its way in Ukraine.'",
    "Lavrov said on Monday: «The West has lost its way in Ukraine.»",
])
def test_a_direct_quote_in_each_mark_style(analyze_text, text):
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert quote.text == "The West has lost its way in Ukraine."
    assert quote.speaker == "Lavrov" and quote.cue == "said"


def test_quote_then_attribution(analyze_text):
    quote = only(quotes_of(analyze_text, "“We will not back down,” the governor said."), direct=True)
    assert quote.text == "We will not back down" and quote.speaker == "the governor"


def test_inverted_attribution(analyze_text):
    quote = only(quotes_of(analyze_text, "“Yesterday there were two polls,” said Pat Caddell."), direct=True)
    assert quote.speaker == "Pat Caddell"


def test_a_word_of_the_quote_is_never_its_speaker(analyze_text):
    text = "“Her campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Florida-based activist."
    assert only(quotes_of(analyze_text, text), direct=True).speaker == "Leslie Wimes"


def test_attribution_with_an_apposition_between_quote_and_verb(analyze_text):
    text = "“He is absolutely right,” Michael Flynn, a top Trump surrogate, said on Thursday."
    quote = only(quotes_of(analyze_text, text, published="2016-09-09"), direct=True)
    assert quote.speaker == "Michael Flynn"
    assert quote.date == date(2016, 9, 8)


def test_a_quote_split_by_its_attribution_keeps_its_speaker(analyze_text):
    text = "‘We will win,’ Lavrov said. ‘The West will lose.’"
    quotes = quotes_of(analyze_text, text)
    assert [q.text for q in quotes] == ["We will win", "The West will lose."]
    assert {q.speaker for q in quotes} == {"Lavrov"}
    assert quotes[0].speaker_start == quotes[1].speaker_start


def test_a_quote_interrupted_mid_sentence(analyze_text):
    quotes = quotes_of(analyze_text, "“We will win,” Lavrov said, “and the West will lose.”")
    assert [q.text for q in quotes if q.direct] == ["We will win", "and the West will lose."]
    assert {q.speaker for q in quotes if q.direct} == {"Lavrov"}


def test_a_quote_introduced_by_a_colon_in_the_paragraph_before(analyze_text):
    text = "Caddell continued:\n\n“The health issue is very much a partisan issue.”"
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert quote.speaker == "Caddell" and quote.cue == "continued"


def test_a_quote_spanning_paragraphs_is_one_quote(analyze_text):
    text = ("Lavrov said:\n\n“Many colleagues called to express their solidarity with us.\n\n"
            "“Some of them asked us not to make their calls public.”")
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert quote.text.startswith("Many colleagues") and quote.text.endswith("public.")
    assert quote.speaker == "Lavrov" and quote.sentence_index == 1


def test_a_paragraph_continuing_the_quote_before_it(analyze_text):
    text = "“We will win,” Lavrov said.\n\n“The West will lose this war in the end.”"
    quotes = quotes_of(analyze_text, text)
    assert [q.speaker for q in quotes] == ["Lavrov", "Lavrov"]


def test_a_trailing_dash_attribution(analyze_text):
    text = "Police drove the protesters out of the square on Sunday.\n“The situation is under control.” — Igor Artamonov\n"
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert quote.text == "The situation is under control." and quote.speaker == "Igor Artamonov" and quote.cue == "—"


def test_a_line_ending_with_a_dash_and_a_title(analyze_text):
    text = "Putin met the governor in Lipetsk.\nThe mercenaries have entered the region — the governor\n"
    quote = only(quotes_of(analyze_text, text))
    assert not quote.direct and quote.text == "The mercenaries have entered the region"
    assert quote.speaker == "the governor"


def test_transcript_speaker_labels(analyze_text):
    text = ("Chris Wallace interviewed Mike Pence on Sunday.\n\n"
            "WALLACE: Will Gennifer Flowers be at the debate tomorrow?\n\n"
            "PENCE: She will not be attending the debate tomorrow night.\n")
    quotes = quotes_of(analyze_text, text)
    labelled = [(q.speaker, q.text, q.direct) for q in quotes if q.cue == ":"]
    assert labelled == [("WALLACE", "Will Gennifer Flowers be at the debate tomorrow?", True),
                        ("PENCE", "She will not be attending the debate tomorrow night.", True)]


def test_a_headline_with_a_speaker_label(analyze_text):
    text = "Lavrov: Some diplomats asked that their calls stay private\n\nSergey Lavrov spoke to RT on Monday."
    quote = next(q for q in quotes_of(analyze_text, text) if q.cue == ":")
    assert quote.speaker == "Lavrov" and not quote.direct


def test_a_headline_topic_is_no_speaker_label(analyze_text):
    text = "Mo Cowan Senate: Deval Patrick Names Former Chief Of Staff To Replace John Kerry\n\nThe governor spoke on Wednesday."
    assert [q for q in quotes_of(analyze_text, text) if q.cue == ":"] == []


def test_a_dateline_is_no_speaker_label(analyze_text):
    text = "MOSCOW, June 26. /TASS/. The talks ended without a statement from either side."
    assert [q for q in quotes_of(analyze_text, text, published="2023-06-26") if q.cue == ":"] == []


def test_a_crowd_chanting_is_attributed(analyze_text):
    quote = only(quotes_of(analyze_text, "The protesters chanted: “USA! USA!”"), direct=True)
    assert quote.speaker == "The protesters" and quote.cue == "chanted"


def test_a_fragment_running_on_after_its_marks_has_no_attribution_after_it(analyze_text):
    text = "He is “effectively tied for second place” with Florida Sen. Marco Rubio, a poll found."
    assert all(q.speaker != "Marco Rubio" for q in quotes_of(analyze_text, text))


def test_a_conjunction_before_the_verb_is_not_the_speaker(analyze_text):
    text = "“The struggle continues,” and Sanders then added nothing more."
    assert only(quotes_of(analyze_text, text), direct=True).speaker == "Sanders"


def test_a_short_unattributed_quote_is_a_scare_quote(analyze_text):
    assert quotes_of(analyze_text, "The so-called “peace plan” was published on Friday.") == []


def test_a_long_unattributed_quote_is_kept_without_a_speaker(analyze_text):
    text = "Police drove the protesters away.\n\n“Nobody told us why the square was closed to everyone today.”"
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert quote.speaker is None and quote.cue is None


def test_a_quoted_fragment_inside_reported_speech_is_part_of_it(analyze_text):
    text = "Peskov said Putin spoke with the leaders of Belarus and ‘informed his counterparts of the situation.’"
    quote = only(quotes_of(analyze_text, text))
    assert not quote.direct and quote.speaker == "Peskov"
    assert quote.text.startswith("Putin spoke") and quote.text.endswith("situation.’")


# -- reported speech --------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, cue, content", [
    ("The governor said that the mercenary group has entered the region.", "The governor", "said", "the mercenary group has entered the region"),
    ("Peskov said Putin spoke on the phone with the leaders of Belarus.", "Peskov", "said", "Putin spoke on the phone with the leaders of Belarus"),
    ("Lavrov told reporters that the calls had been kept private.", "Lavrov", "told", "the calls had been kept private"),
    ("Asked about Minsk, Lavrov stressed that all assessments had been made public.", "Lavrov", "stressed", "all assessments had been made public"),
    ("Blinken wrote on Twitter that support for Ukraine will not change.", "Blinken", "wrote", "support for Ukraine will not change"),
    ("Blinken spoke with his G7 counterparts, the State Department said.", "the State Department", "said", "Blinken spoke with his G7 counterparts"),
    ("According to Peskov, the authorities will not prosecute the fighters.", "Peskov", "according to", "the authorities will not prosecute the fighters"),
    ("The fighters will not be prosecuted, according to the Kremlin.", "the Kremlin", "according to", "The fighters will not be prosecuted"),
    ("The museum, Obama said, would make visitors face uncomfortable truths.", "Obama", "said", "The museum, Obama said, would make visitors face uncomfortable truths"),
    ("RIA Novosti quoted Peskov as saying that the talks had ended.", "Peskov", "saying", "the talks had ended"),
    ("Prigozhin, who alleged that his units were attacked, left Rostov.", "Prigozhin", "alleged", "his units were attacked"),
    ("Putin called Wagner's actions a betrayal in a televised address.", "Putin", "called", "Wagner's actions a betrayal"),
    ("The minister said he hoped the talks would go on, citing the ceasefire.", "The minister", "said", "he hoped the talks would go on"),
    ("Clinton said she opposed the war, which many doubted.", "Clinton", "said", "she opposed the war"),
    ("The agency said the talks failed; the ministry declined to comment.", "The agency", "said", "the talks failed"),
])
def test_reported_speech(analyze_text, text, speaker, cue, content):
    quote = next(q for q in quotes_of(analyze_text, text) if q.cue == cue)
    assert not quote.direct
    assert (quote.speaker, quote.text) == (speaker, content)


def test_a_belief_inside_the_same_speaker_s_statement_is_not_a_second_quote(analyze_text):
    quotes = quotes_of(analyze_text, "Trump said he believed he could win the state in November.")
    assert [(q.speaker, q.cue) for q in quotes] == [("Trump", "said")]


def test_a_speech_act_named_by_its_object_inside_a_report_is_part_of_it(analyze_text):
    text = "A Kremlin statement said the Turkish president expressed full support for the Russian leadership."
    assert [q.cue for q in quotes_of(analyze_text, text)] == ["said"]


def test_a_report_by_someone_else_inside_a_statement_is_kept(analyze_text):
    text = "Lavrov said that some diplomats asked that their calls stay private."
    assert {q.cue for q in quotes_of(analyze_text, text)} == {"said", "asked"}


def test_reported_words_stop_before_the_next_sentence_s_quote(analyze_text):
    text = ("Mr. Trump said that he was not basing his selection on fund-raising and indicated that the tryouts "
            "would not be determinative. “I’ve been with these people for a long time,” Mr. Trump said.")
    assert all("I’ve been" not in q.text for q in quotes_of(analyze_text, text) if not q.direct)


def test_someone_asked_is_not_the_one_asking(analyze_text):
    text = "Asked how Moscow assessed the role of Minsk, Lavrov stressed that all assessments were public."
    assert [q.cue for q in quotes_of(analyze_text, text)] == ["stressed"]


def test_a_passive_report_has_no_speaker(analyze_text):
    quote = only(quotes_of(analyze_text, "It was reported that the convoy had turned back."))
    assert quote.speaker is None and quote.text == "the convoy had turned back"


def test_a_forecast_without_a_subject_is_no_statement(analyze_text):
    assert quotes_of(analyze_text, "The vote is expected to take place next week.") == []


# -- speakers --------------------------------------------------------------------------------

def test_a_pronoun_speaker_resolves_to_the_person(analyze_text):
    text = "Secretary of State Antony Blinken held a call on Saturday. He said that support for Ukraine will not change."
    quote = only(quotes_of(analyze_text, text))
    assert quote.speaker == "Antony Blinken" and quote.speaker_actor_id is not None
    assert text[quote.speaker_start:quote.speaker_end] == "He"


def test_a_nominal_speaker_is_kept_as_written(analyze_text):
    text = "A Kremlin statement said the Russian leader informed Erdogan about the situation."
    quote = only(quotes_of(analyze_text, text))
    assert quote.speaker == "A Kremlin statement" and quote.channel == "statement"


def test_an_apposed_name_names_the_speaker(analyze_text):
    text = "The volunteers' commander, Teodor Halvik, wrote on Telegram that his men would leave the dam."
    quote = only(quotes_of(analyze_text, text))
    assert (quote.speaker, quote.channel) == ("Teodor Halvik", "telegram")


def test_a_description_resolved_to_a_person_speaks_by_name(analyze_text):
    text = "Interior Minister Dara Velik visited the dam. The minister said that 27 members of the gang were charged."
    quote = next(q for q in quotes_of(analyze_text, text) if q.cue == "said")
    assert quote.speaker == "Dara Velik" and text[quote.speaker_start:quote.speaker_end] == "The minister"


def test_a_title_before_a_name_is_left_out_of_the_speaker(analyze_text):
    text = "“The situation is under control,” governor Igor Artamonov said."
    assert only(quotes_of(analyze_text, text)).speaker == "Igor Artamonov"


def test_a_speaker_phrase_stops_at_a_dash(analyze_text):
    text = "The study -- which covers 58 companies -- notes that the companies would owe more taxes."
    quote = next(q for q in quotes_of(analyze_text, text) if q.cue == "notes")
    assert quote.speaker == "The study"


# -- channels ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, channel, detail", [
    ("“We will stay in close coordination with our allies,” Blinken wrote on Twitter.", "twitter", None),
    ("“We will stay in close coordination with our allies,” Blinken tweeted.", "twitter", None),
    ("“We will stay in close coordination with our allies,” Blinken wrote on X.", "twitter", None),
    ("“The situation is under control,” Artamonov said on Telegram.", "telegram", None),
    ("“The situation is under control,” Artamonov wrote on Facebook.", "facebook", None),
    ("“The situation is under control,” Artamonov wrote on Instagram.", "instagram", None),
    ("“Support for Ukraine will not change,” Miller said in a statement.", "statement", None),
    ("“Support for Ukraine will not change,” Miller said in a release.", "release", None),
    ("“Support for Ukraine will not change,” Miller said in a press release.", "release", "press release"),
    ("“Putin received numerous calls,” Lavrov said in an interview with Russia’s RT television.", "interview", "RT television"),
    ("“Putin received numerous calls,” Lavrov told CNN.", "interview", "CNN"),
    ("“This is a betrayal,” Putin said in a televised address.", "televised address", None),
    ("“The talks will go on,” Peskov told a briefing on Monday.", "briefing", None),
    ("“The talks will go on,” Peskov told a news conference in Moscow.", "news conference", None),
    ("“The talks will go on,” Peskov told a press conference in Moscow.", "news conference", None),
])
def test_channels(analyze_text, text, channel, detail):
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert (quote.channel, quote.channel_detail) == (channel, detail)


def test_told_an_outlet_the_parse_names_is_an_interview(analyze_text):
    quote = only(quotes_of(analyze_text, "«We are ready to help,» Ivo Kamen told the Drovna Courier."), direct=True)
    assert (quote.channel, quote.channel_detail) == ("interview", "Drovna Courier")


def test_told_a_national_television_is_an_interview(analyze_text):
    quote = only(quotes_of(analyze_text, "Minister Dara Velik told Veldoran television that the militia had left the dam."))
    assert (quote.channel, quote.channel_detail) == ("interview", "Veldoran television")


def test_the_channel_of_the_sentence_before_carries_to_the_same_speaker(analyze_text):
    text = ("In a televised address on Tuesday, President Marek Tollan called the seizure a terrorist attack.\n"
            "“We will not negotiate with bandits,” the president said.")
    quote = only(quotes_of(analyze_text, text), direct=True)
    assert (quote.speaker, quote.channel) == ("Marek Tollan", "televised address")


def test_a_channel_on_the_first_of_two_joined_verbs(analyze_text):
    text = "In a Telegram post on Wednesday, Halvik denied the charge and said that the guards had fired first."
    quote = next(q for q in quotes_of(analyze_text, text) if q.cue == "said")
    assert quote.channel == "telegram"


def test_a_channel_named_inside_the_quote_is_not_the_quote_s_channel(analyze_text):
    quote = only(quotes_of(analyze_text, "“I never read Twitter or Telegram,” Lavrov said."), direct=True)
    assert quote.channel is None


def test_a_statement_answered_is_not_the_channel(analyze_text):
    quote = only(quotes_of(analyze_text, "“That's a bunch of malarkey,” Biden said in reply to a Ryan statement."), direct=True)
    assert quote.channel is None


def test_according_to_a_release_names_the_channel(analyze_text):
    quotes = quotes_of(analyze_text, "The diplomats discussed the situation, according to a State Department release.")
    quote = next(q for q in quotes if q.cue == "according to")
    assert (quote.speaker, quote.channel) == ("a State Department release", "release")


def test_channel_detection_without_a_parse():
    assert detect_channel("Prigozhin alleged on his Telegram channel").name == "telegram"
    assert detect_channel("said in an interview with the BBC").detail == "BBC"
    assert detect_channel("said on Monday") is None
    # The interviewee is no outlet.
    assert detect_channel("asked in an interview with Santorum Sunday") == detect_channel("in an interview")


# -- dates ------------------------------------------------------------------------------------

def test_the_date_attached_to_the_verb_dates_the_statement(analyze_text):
    text = "Many diplomats called, Russian Foreign Minister Sergey Lavrov said on Monday."
    quote = only(quotes_of(analyze_text, text, published="2023-06-26"))
    assert quote.date == date(2023, 6, 26)


def test_a_date_inside_the_reported_content_is_not_the_statement_s(analyze_text):
    text = "The Kremlin says Putin spoke to the leaders of Belarus on Saturday."
    quote = only(quotes_of(analyze_text, text, published="2023-06-24"))
    assert quote.date is None


def test_no_date_is_guessed_from_the_publication_date(analyze_text):
    quote = only(quotes_of(analyze_text, "“We will win,” Lavrov says.", published="2023-06-26"))
    assert quote.date is None


# -- records ----------------------------------------------------------------------------------

def test_records_point_at_their_words(analyze_text):
    text = "Intro line.\n“We will not back down,” the governor said on Telegram."
    analyzed = analyze_text(text)
    quote = only(analyzed.quotes)
    assert text[quote.start:quote.end] == quote.text
    assert quote.id == stable_id(analyzed.article.id, quote.start, quote.end)
    assert quote.article_id == analyzed.article.id
    assert analyzed.sentences[quote.sentence_index].start <= quote.start < analyzed.sentences[quote.sentence_index].end
    assert text[quote.speaker_start:quote.speaker_end] == "the governor"


# -- every lexicon entry ---------------------------------------------------------------------

# Each verb closes a direct quote: "“The talks have failed,” Lavrov <verb>."
SPEECH = {
    "acknowledge": "acknowledged", "add": "added", "admit": "admitted", "affirm": "affirmed", "agree": "agreed", "allege": "alleged",
    "announce": "announced", "answer": "answered", "argue": "argued", "ask": "asked", "assert": "asserted",
    "assure": "assured", "boast": "boasted", "caution": "cautioned", "charge": "charged", "claim": "claimed",
    "clarify": "clarified", "comment": "commented", "complain": "complained", "concede": "conceded",
    "conclude": "concluded", "confirm": "confirmed", "contend": "contended", "counter": "countered",
    "declare": "declared", "demand": "demanded", "deny": "denied", "disclose": "disclosed", "echo": "echoed",
    "emphasise": "emphasised", "emphasize": "emphasized", "estimate": "estimated", "explain": "explained",
    "hint": "hinted", "indicate": "indicated", "inform": "informed", "insist": "insisted", "joke": "joked",
    "lament": "lamented", "maintain": "maintained", "mention": "mentioned", "note": "noted", "observe": "observed",
    "pledge": "pledged", "post": "posted", "predict": "predicted", "proclaim": "proclaimed", "promise": "promised",
    "propose": "proposed", "quip": "quipped", "recall": "recalled", "recount": "recounted", "reiterate": "reiterated",
    "remark": "remarked", "remind": "reminded", "repeat": "repeated", "reply": "replied", "report": "reported",
    "respond": "responded", "retort": "retorted", "reveal": "revealed", "say": "said", "signal": "signalled",
    "specify": "specified", "state": "stated", "stress": "stressed", "suggest": "suggested", "tell": "told",
    "testify": "testified", "threaten": "threatened", "tweet": "tweeted", "urge": "urged", "vow": "vowed",
    "warn": "warned", "write": "wrote",
}
# Verbs that only introduce or close a quote.
INTRODUCING = {
    "continue": "continued", "begin": "began", "go": "went on", "chant": "chanted", "shout": "shouted",
    "yell": "yelled", "scream": "screamed", "exclaim": "exclaimed", "cry": "cried", "whisper": "whispered",
    "sing": "sang",
}
# Each verb reports a clause: "Lavrov <verb> that the talks with Kyiv had failed."
STANCE = {
    "assume": "assumed", "believe": "believed", "conclude": "concluded", "decide": "decided",
    "demonstrate": "demonstrated", "determine": "determined", "doubt": "doubted", "expect": "expected",
    "fear": "feared", "feel": "felt", "find": "found", "guess": "guessed", "hope": "hoped", "know": "knew",
    "learn": "learned", "realise": "realised", "realize": "realized", "reckon": "reckoned",
    "recognise": "recognised", "recognize": "recognized", "show": "showed", "suspect": "suspected",
    "think": "thought", "understand": "understood", "wonder": "wondered", "worry": "worried",
}
# Each verb reports an infinitive: "Lavrov <verb> (the delegation) to return to the talks."
DIRECTIVE = {
    "advise": "advised the delegation", "appeal": "appealed to the delegation", "ask": "asked the delegation",
    "beg": "begged the delegation", "call": "called on the delegation", "demand": "demanded",
    "encourage": "encouraged the delegation", "implore": "implored the delegation",
    "instruct": "instructed the delegation", "order": "ordered the delegation", "pledge": "pledged",
    "promise": "promised", "tell": "told the delegation", "threaten": "threatened",
    "urge": "urged the delegation", "vow": "vowed", "warn": "warned the delegation",
}
# Each verb reports its object: "Lavrov <verb> the new sanctions imposed by the European Union."
NOMINAL = {
    "acknowledge": "acknowledged", "admit": "admitted", "announce": "announced", "applaud": "applauded",
    "blame": "blamed", "brand": "branded", "cite": "cited", "compare": "compared", "condemn": "condemned",
    "criticise": "criticised", "criticize": "criticized", "decry": "decried", "demand": "demanded",
    "denounce": "denounced", "deride": "derided", "describe": "described", "detail": "detailed",
    "disclose": "disclosed", "dub": "dubbed", "echo": "echoed", "endorse": "endorsed",
    "explain": "explained", "express": "expressed", "hail": "hailed", "highlight": "highlighted",
    "label": "labelled", "lambaste": "lambasted", "liken": "likened", "mention": "mentioned", "mock": "mocked",
    "outline": "outlined", "pledge": "pledged", "praise": "praised", "predict": "predicted", "promise": "promised",
    "propose": "proposed", "question": "questioned", "recommend": "recommended", "recount": "recounted",
    "reiterate": "reiterated", "repeat": "repeated", "request": "requested", "reveal": "revealed",
    "ridicule": "ridiculed", "slam": "slammed", "unveil": "unveiled", "voice": "voiced",
}
# Each verb and preposition report what follows: "Lavrov <verb> <preposition> the new sanctions …".
PREPOSITIONAL = {
    ("accuse", "of"): "accused the EU of drafting", ("allude", "to"): "alluded to", ("appeal", "for"): "appealed for",
    ("argue", "against"): "argued against", ("argue", "for"): "argued for", ("ask", "about"): "asked about",
    ("ask", "for"): "asked for", ("boast", "about"): "boasted about", ("call", "for"): "called for",
    ("comment", "on"): "commented on", ("complain", "about"): "complained about", ("complain", "of"): "complained of",
    ("insist", "on"): "insisted on", ("joke", "about"): "joked about", ("object", "to"): "objected to",
    ("point", "to"): "pointed to", ("push", "for"): "pushed for", ("rail", "against"): "railed against",
    ("refer", "to"): "referred to", ("speak", "about"): "spoke about", ("speak", "against"): "spoke against",
    ("speak", "of"): "spoke of", ("talk", "about"): "talked about", ("talk", "of"): "talked of",
    ("testify", "about"): "testified about", ("warn", "about"): "warned about", ("warn", "against"): "warned against",
    ("warn", "of"): "warned of",
}


def test_every_lexicon_entry_has_a_sentence():
    assert set(SPEECH) == set(SPEECH_VERBS)
    assert set(INTRODUCING) == set(INTRODUCING_VERBS - SPEECH_VERBS)
    assert set(STANCE) == set(STANCE_VERBS)
    assert set(DIRECTIVE) == set(DIRECTIVE_VERBS)
    assert set(NOMINAL) == set(NOMINAL_SPEECH_VERBS)
    assert set(PREPOSITIONAL) == {(v, p) for v, ps in PREPOSITIONAL_SPEECH_VERBS.items() for p in ps}


@pytest.mark.parametrize("lemma", sorted({**SPEECH, **INTRODUCING}))
def test_speech_verb_closes_a_direct_quote(analyze_text, lemma):
    said = {**SPEECH, **INTRODUCING}[lemma]
    quote = only(quotes_of(analyze_text, f"“The talks with Kyiv have failed,” Lavrov {said}."), direct=True)
    assert quote.speaker == "Lavrov" and quote.cue == said


@pytest.mark.parametrize("lemma", sorted(STANCE))
def test_stance_verb_reports_a_clause(analyze_text, lemma):
    quotes = quotes_of(analyze_text, f"Lavrov {STANCE[lemma]} that the talks with Kyiv had failed.")
    quote = only(quotes)
    assert (quote.speaker, quote.text, quote.cue) == ("Lavrov", "the talks with Kyiv had failed", STANCE[lemma])


@pytest.mark.parametrize("lemma", sorted(DIRECTIVE))
def test_directive_verb_reports_an_infinitive(analyze_text, lemma):
    quote = only(quotes_of(analyze_text, f"Lavrov {DIRECTIVE[lemma]} to return to the talks in Istanbul."))
    assert quote.speaker == "Lavrov" and quote.text == "to return to the talks in Istanbul"


@pytest.mark.parametrize("lemma", sorted(NOMINAL))
def test_nominal_speech_verb_reports_its_object(analyze_text, lemma):
    quote = only(quotes_of(analyze_text, f"Lavrov {NOMINAL[lemma]} the new sanctions imposed by the European Union."))
    assert quote.speaker == "Lavrov" and quote.text.startswith("the new sanctions")


@pytest.mark.parametrize("entry", sorted(PREPOSITIONAL))
def test_prepositional_speech_verb_reports_what_follows(analyze_text, entry):
    quote = only(quotes_of(analyze_text, f"Lavrov {PREPOSITIONAL[entry]} the new sanctions imposed by Brussels."))
    assert quote.speaker == "Lavrov" and quote.text.endswith("the new sanctions imposed by Brussels")


def test_nominal_speech_needs_a_speaker(analyze_text):
    assert quotes_of(analyze_text, "The new sanctions were condemned.") == []
