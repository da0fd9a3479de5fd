"""Each cited-source rule, with a sentence that needs it."""

from __future__ import annotations

import pytest

from newsprism.ingest.metadata import build_article
from newsprism.nlp.cited_sources import find_cited_sources
from newsprism.pipeline import text_for_parse
from newsprism.records import RawArticle


def _cited(nlp, text: str):
    article = build_article(RawArticle(source="<t>", text=text, format="text"))
    return [(c.name, c.kind, c.relation, c.cue) for c in find_cited_sources(article, nlp(text_for_parse(article)), 0)]


@pytest.mark.parametrize("text, expected", [
    # relaying another outlet in the lead
    ("Rebels seized the airport on Friday, according to Dailymail.", [("Dailymail", "media", "relays", "according to")]),
    ("Rebels seized the airport, according to Reuters.", [("Reuters", "media", "relays", "according to")]),
    # a government body's statement
    ("Talks will resume in Geneva. The talks ended, the State Department said.", [("State Department", "government", "attributes", "say")]),
    # "according to a release" names the body, not the document
    ("Talks ended. The diplomats discussed the crisis according to a State Department release.", [("State Department", "government", "attributes", "according to")]),
    # media as a group
    ("Talks ended. Police tightened security, Russian state media reported.", [("Russian state media", "media", "attributes", "report")]),
    # an apposed outlet name, credited below the lead (the first three sentences): a statement, not a relay
    ("Talks ended. Roads closed. Shops shut. According to the Veldoran broadcaster Veldora One, the visit was postponed. Talks resume next week.",
     [("Veldora One", "outlet", "attributes", "according to")]),
    # a named outlet with an apposition describing it keeps its own name
    ("Rebels seized the dam, according to Talvera Free Voice, an independent Veldoran news site.", [("Talvera Free Voice", "outlet", "relays", "according to")]),
    # a security service is a government body
    ("Talks ended. Gunmen gathered near the dam, according to the State Border Service.", [("State Border Service", "government", "attributes", "according to")]),
])
def test_cited_source_rules(nlp, text, expected):
    assert _cited(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Talks ended. Three guards died, said Ilka Varn, director of the district hospital.",   # a titled person
    "Talks ended. The gates were held, a Continental Wire reporter in Brasna said.",          # the outlet's own reporter
    "Talks ended. She spoke with her counterpart, her ministry said.",                        # a reference, not a name
    "Talks ended. Blinken wrote on Twitter that support will not change.",                    # a person is a voice
    "Talks ended. The governor of Russia's Lipetsk province said the group entered the region.",
])
def test_people_and_references_are_not_cited_sources(nlp, text):
    assert _cited(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # an agency credited for the lead's report, after the sentence or before it
    ("Rebels took the airport on Friday, the Kestrel news agency reported.", ("Kestrel", "report")),
    ("Three villages lost power overnight, reports Harbour Radio.", ("Harbour Radio", "report")),
    ("Floods cut the coast road, the Xinhua news agency said.", ("Xinhua news agency", "say")),
    ("Ten villages were flattened, officials were quoted by AFP as saying.", ("AFP", "quote")),
    # credit lines
    ("Denver (AP) – The state will defend its law in court, the attorney general said.", ("AP", "credit line")),
    ("The talks ended without a deal on Friday. — Reuters", ("Reuters", "credit line")),
    # the outlet behind a report, a reporter or a kind of medium
    ("A cyclist died on the ring road, according to a report from Harbour Radio.", ("Harbour Radio", "according to")),
    ("The club bid for the striker, according to Ilko Brask of the Talvera Herald.", ("Talvera Herald", "according to")),
    ("The singer left the clinic, the Marsh Valley Courier newspaper reported, citing her brother.",
     ("Marsh Valley Courier", "report")),
    # a news site by its domain, an outlet whose name is a title
    ("An inmate escaped from the prison farm, HarbourNews.com reports.", ("HarbourNews.com", "report")),
    ("According to harbournews.com, the mayor is the council's first choice for the post.", ("harbournews.com", "according to")),
    # a news agency quoting someone passes on its own report
    ("The cable will be mended within a day, Reuters quoted a company engineer as saying.", ("Reuters", "quote")),
    ("The director is in talks for the sequel, according to The Hollywood Reporter.", ("Hollywood Reporter", "according to")),
])
def test_relays_in_the_lead_or_closing_line(nlp, text, expected):
    relays = [(name, cue) for name, _, relation, cue in _cited(nlp, text) if relation == "relays"]
    assert relays == [expected]


@pytest.mark.parametrize("text", [
    # speaking to an outlet is an interview, not the article's origin
    "The mayor died in hospital on Sunday, officials told The Associated Press. Roads closed.",
    # a company reporting something is a party, not an outlet passing on its reporting
    "Talks ended. The cable was cut near Alexandria, the company said.",
    # media as a group name no outlet to count as the origin
    "Talks ended. Police tightened security, Russian state media reported.",
    # an agency credited deep in the article, for a side detail, is not relayed
    "Talks ended. Nothing else happened. The roads were quiet. Shops opened late. "
    "A bridge was closed, the Kestrel news agency reported. The weather turned in the evening.",
    # a credit in the closing sentence that is not a credit line is a side detail
    "Talks ended. Nothing else happened. The roads were quiet. Shops opened late. "
    "The bridge had been closed before, according to Harbour Radio.",
    # a body or company reporting on its own affairs is a party
    "The cable was cut near the port, Meridia Telecom reported.",
    "A driver was arrested on the coast road, according to the Veldoran Highway Patrol.",
    "The suspect was seeking out his victims, according to Talvera police Lt. Ilko Brask.",
    # an outlet that did not report, or that airs something rather than passing on a report
    "Harbour Radio did not report the arrests until the evening.",
    "Harbour Radio will broadcast the awards show on Sunday.",
    # a man who shares a network's name, speaking in quotes
    "Former president Vicente Fox rejected the plan. “We will not pay for it,” Fox said.",
    # a kind of medium names no outlet
    "TV reports that three bank employees died.",
])
def test_not_relays(nlp, text):
    assert [c for c in _cited(nlp, text) if c[2] == "relays"] == []


def test_an_outlet_citing_its_own_section_does_not_relay(nlp):
    text = "The governor trails his rivals, according to HuffPost Pollster. He will decide next week."
    article = build_article(RawArticle(source="<t>", text=text, format="text", outlet="hpo"))
    cited = find_cited_sources(article, nlp(text_for_parse(article)), 0)
    assert [c for c in cited if c.relation == "relays"] == []


def test_a_credit_line_of_the_articles_own_publisher_is_not_a_relay(nlp):
    # "(CNA)" is both the Catholic News Agency's short name and a wire agency's: on the Catholic
    # News Agency's own page it is the publisher's dateline credit, elsewhere a relay.
    text = "Vatican City (CNA) - The pope named a new bishop for the diocese on Tuesday."
    own = build_article(RawArticle(source="<t>", text=text, format="text", outlet="Catholic News Agency"))
    assert [c for c in find_cited_sources(own, nlp(text_for_parse(own)), 0) if c.relation == "relays"] == []
    other = build_article(RawArticle(source="<t>", text=text, format="text", outlet="The Harbour Ledger"))
    assert [(c.name, c.cue) for c in find_cited_sources(other, nlp(text_for_parse(other)), 0)
            if c.relation == "relays"] == [("CNA", "credit line")]


@pytest.mark.parametrize("text", [
    # a man who shares a network's name, speaking without quotes
    "Former president Vicente Fox rejected the plan. Fox said, as a voter, he would not pay for it.",
    # whoever cites a source passes on someone else's word
    "Under the new rule every Senate motion must cite the statute it rests on.",
])
def test_speakers_and_citers_are_not_relayed(nlp, text):
    assert [c for c in _cited(nlp, text) if c[2] == "relays"] == []


# -- round 5: one origin per article, outlets of the packaged table, quoted outlets, split domains --

def _relays(nlp, text: str) -> list[str]:
    return [name for name, _, relation, _ in _cited(nlp, text) if relation == "relays"]


@pytest.mark.parametrize("text, expected", [
    # a known outlet the tagger leaves without an entity label
    ("ESPN is reporting that the club has offered the striker a four-year contract.", ["ESPN"]),
    # a known outlet the tagger takes for a demonym or a common noun
    ("The director has chosen not to return for the sequel, according to The Playlist.", ["Playlist"]),
    # a site named by its domain, cut in two by the sentence splitter at the dot
    ("The prison service is hunting an escaped inmate, HarbourNews. com reports.", ["HarbourNews.com"]),
    # a quote a party gave, passed on by an outlet: the outlet is relayed
    ("“I will not back a man who insults my family,” the senator said, according to Reuters.", ["Reuters"]),
])
def test_round5_relays(nlp, text, expected):
    assert _relays(nlp, text) == expected


def test_the_first_outlet_in_the_lead_is_the_origin_and_later_ones_are_attributed(nlp):
    text = ("The doctor is the transition team's first choice for the post, according to the Talvera Herald. "
            "The Herald says he wants the job. Reuters has confirmed that he was approached.")
    cited = {name: relation for name, _, relation, _ in _cited(nlp, text)}
    assert cited["Talvera Herald"] == "relays" and cited["Herald"] == "relays"   # one outlet by two names
    assert cited["Reuters"] == "attributes"                                      # a later confirmation


def test_a_credit_line_is_the_origin_before_an_outlet_credited_in_the_text(nlp):
    text = "Brasna (AFP) - The ferry sank off the coast, the Talvera Herald reported. Rescuers searched all night."
    assert _relays(nlp, text) == ["AFP"]


@pytest.mark.parametrize("text", [
    # an outlet's own words quoted as a voice: an old headline, a rival's scoop
    "“Agents have tied the break-in to a campaign of political spying,” the Talvera Herald reported in 1972.",
    "“There will be a new director, and he will be a man,” Entertainment Weekly is reporting.",
    # a known outlet's name that is also a common word, alone at the start of a sentence
    "People reported seeing smoke above the harbour on Friday.",
])
def test_quoted_outlets_and_common_words_are_not_relayed(nlp, text):
    assert _relays(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # a description of the medium beside its name: the name is the source
    ("Police detained twelve protesters, state news agency Anadolu reported.", ["Anadolu"]),
    # a country before the agency's name is not its name; a demonym inside a name stays ("Press Democrat")
    ("The reactor was shut down on Sunday, Japan's Kyodo news agency said.", ["Kyodo"]),
    ("The singer died at home on Thursday, the Marsh Democrat newspaper reported.", ["Marsh Democrat"]),
    # a part of an outlet, or a report of it, speaks for the outlet
    ("The mutineers withdrew from the city, Talvera Radio's website said.", ["Talvera Radio"]),
    ("The mutineers withdrew from the city, a report by the Talvera Herald said.", ["Talvera Herald"]),
])
def test_round5_names_of_outlets(nlp, text, expected):
    assert _relays(nlp, text) == expected


@pytest.mark.parametrize("text, agency", [
    ("MOSCOW, June 24 (Reuters) - The mutineers withdrew from the city late on Saturday.", "Reuters"),
    ("MINSK, June 27. /TASS/. The plane landed at a military airfield.", "TASS"),
])
def test_a_dateline_credit_on_a_site_carrying_the_wire_story_is_a_relay(nlp, text, agency):
    # The dateline is blanked before parsing, so its credit is read from the text.
    carried = build_article(RawArticle(source="<t>", text=text, format="html", outlet="The Harbour Ledger"))
    cited = find_cited_sources(carried, nlp(text_for_parse(carried)), 0)
    assert [(c.name, c.relation, c.cue) for c in cited] == [(agency, "relays", "credit line")]
    # Without an outlet of its own, the article is the agency's: nothing to relay.
    own = build_article(RawArticle(source="<t>", text=text, format="html"))
    assert own.outlet == agency
    assert [c for c in find_cited_sources(own, nlp(text_for_parse(own)), 0) if c.relation == "relays"] == []


@pytest.mark.parametrize("text, expected", [
    # the reporting verb before its subject, which the parser takes for an object
    ("The talks had failed, reported the Talvera Herald.", ["Talvera Herald"]),
    # an outlet telling what it found out
    ("The talks failed on Friday, the Associated Press has learned.", ["Associated Press"]),
    # the outlet behind "reporting"
    ("The talks failed, according to the Talvera Herald's reporting.", ["Talvera Herald"]),
])
def test_round5_more_cues(nlp, text, expected):
    assert _relays(nlp, text) == expected


def test_learning_of_something_is_not_a_report(nlp):
    # "learned of" names no finding passed on
    text = "Since Harbour Radio learned of the plan, its presenters have avoided the subject."
    assert _relays(nlp, text) == []
