"""Place names found, resolved and attached to events, on sentences written for these tests."""

import pytest

from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.nlp.model import load_model
from newsprism.pipeline import analyze_doc, text_for_parse
from newsprism.records import RawArticle


@pytest.fixture(scope="module")
def analyse():
    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)

    def run(text):
        article = build_article(RawArticle(source="t", text=text, format="text"))
        return analyze_doc(article, nlp(text_for_parse(article)))

    return run


def _place_of(analyzed, trigger, role="location"):
    event = next(e for e in analyzed.events if e.trigger == trigger)
    return next((p for p in analyzed.event_places if p.event_id == event.id and p.role == role), None)


def test_hyphenated_city_and_region_names_are_whole(analyse):
    analyzed = analyse("Mercenaries took the army headquarters in Rostov-on-Don. Troops were deployed in the Voronezh region.")
    names = {m.toponym.text: m.place for m in analyzed.places}
    assert names["Rostov-on-Don"].country == "RUS" and names["Rostov-on-Don"].feature_code.startswith("PPL")
    assert names["Voronezh region"].feature_code == "ADM1"


def test_sentence_place_dateline_and_destination(analyse):
    analyzed = analyse("MOSCOW, June 24 - The column marched on Moscow. Later the troops were deployed in the Voronezh region.")
    marched = _place_of(analyzed, "marched")
    assert marched.how == "dateline"
    assert _place_of(analyzed, "marched", "destination").place.name == "Moscow"
    deployed = _place_of(analyzed, "deployed")
    assert deployed.how == "sentence" and deployed.place.feature_code == "ADM1"


def test_containment_picks_the_country_or_the_state(analyse):
    abroad = analyse("Ministers met in Tbilisi on Monday. Georgia asked for help.")
    home = analyse("The mayor of Atlanta spoke on Monday. Georgia asked for help.")
    georgia = lambda a: next(m.place for m in a.places if m.toponym.text == "Georgia")
    assert georgia(abroad).country == "GEO" and georgia(abroad).feature_code == "PCLI"
    assert georgia(home).country == "USA" and georgia(home).feature_code == "ADM1"


def test_demonyms_are_kept_apart(analyse):
    analyzed = analyse("A Russian envoy flew to Minsk on Tuesday.")
    kinds = {m.toponym.text: m.toponym.kind for m in analyzed.places}
    assert kinds["Russian"] == "demonym" and kinds["Minsk"] == "entity"


def test_an_event_without_a_place_in_its_sentence_takes_the_articles_place(analyse):
    analyzed = analyse("Floods hit Dnipro this week. Officials said they arrested two men on Friday.")
    arrested = _place_of(analyzed, "arrested")
    assert arrested is None or arrested.how == "article"


def test_places_inside_body_names_are_found_but_place_no_event(analyse):
    analyzed = analyse("The Ohio Department of Transportation closed a bridge in Dayton on Monday. "
                       "Officials at the University of Cincinnati were consulted.")
    kinds = {m.toponym.text: m.toponym.kind for m in analyzed.places}
    assert kinds.get("Ohio") == "in_name" and kinds.get("Cincinnati") == "in_name"
    # Words that open many bodies' names are not towns here, though towns somewhere bear them.
    assert "University" not in kinds and "Department" not in kinds
    placed = {p.text for p in analyzed.event_places}
    assert "Ohio" not in placed and "Cincinnati" not in placed


def test_a_legislature_is_not_a_hamlet_of_its_name(analyse):
    analyzed = analyse("Congress voted on the bill on Tuesday after a long debate.")
    assert all(m.toponym.text != "Congress" for m in analyzed.places)


def test_a_team_town_places_the_article_only_when_nothing_else_does(analyse):
    analyzed = analyse("Officials of the Philadelphia Police Department arrested two men on Monday.")
    assert analyzed.events
    assert all(p.how == "article" and p.place.name == "Philadelphia" for p in analyzed.event_places)
    assert len(analyzed.event_places) == len(analyzed.events)


def _placed_at(analyse, text, trigger):
    """Place one trigger of the text the way the pipeline places a coded event."""
    from types import SimpleNamespace

    from newsprism.places.event_places import place_events

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    article = build_article(RawArticle(source="t", text=text, format="text"))
    doc = nlp(text_for_parse(article))
    analyzed = analyze_doc(article, doc)
    start = article.text.index(trigger)
    sentence = max(i for i, s in enumerate(analyzed.sentences) if s.start <= start)
    event = SimpleNamespace(id="e", sentence_index=sentence, start=start, end=start + len(trigger), plover_type="", location=None)
    return next((p for p in place_events([event], analyzed.places, doc, None) if p.role == "location"), None)


def test_a_noun_event_shares_the_place_of_the_verb_it_is_the_object_of(analyse):
    placed = _placed_at(analyse, "The mayor will give a lecture next week in Manchester, New Hampshire. "
                                 "Floods hit Orlando. Orlando dried out slowly.", "lecture")
    assert placed is not None and placed.how == "sentence" and placed.place.name == "Manchester", placed


def test_speaking_from_a_place_is_speaking_there(analyse):
    placed = _placed_at(analyse, "Floods hit Orlando. Orlando police closed the roads. "
                                 "The governor, speaking from Chicago, urged calm after the storm.", "speaking")
    assert placed is not None and placed.how == "sentence" and placed.place.name == "Chicago", placed


def test_a_place_naming_the_event_itself_is_where_it_happened(analyse):
    placed = _placed_at(analyse, "Senators met in Washington on Monday. The Orlando shooting shocked the nation. "
                                 "Washington was calm.", "shooting")
    assert placed is not None and placed.how == "sentence" and placed.place.name == "Orlando", placed


def test_a_politicians_home_state_is_not_where_the_article_happens(analyse):
    # Ohio is named twice, both times as where the lawmakers are from; the news is in Denver.
    placed = _placed_at(analyse, "Ohio Rep. Ann Lee and Senator Bob Stone of Ohio criticised the plan on Monday. "
                                 "The committee met in Denver. Officials said they arrested two men.", "arrested")
    assert placed is not None and placed.how == "article" and placed.place.name == "Denver", placed


def test_a_place_things_are_sent_to_is_a_destination_not_a_location(analyse):
    from newsprism.places.mention_roles import mention_role

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    doc = nlp("The outage cut all traffic to Europe. Riots broke out in Athens. A man from Boston was hurt.")
    roles = {t.text: mention_role(t) for t in doc if t.text in ("Europe", "Athens", "Boston")}
    assert roles == {"Europe": "destination", "Athens": "locative", "Boston": "origin"}
    doc = nlp("A Houston woman confronted a Dallas television reporter on Friday.")
    roles = {t.text: mention_role(t) for t in doc if t.text in ("Houston", "Dallas")}
    assert roles == {"Houston": "origin", "Dallas": "origin"}


def test_a_climb_on_a_famous_mountain_is_placed_on_the_mountain(analyse):
    # "Mount Cook" is also a suburb of Wellington, 500 km away; the climber was on the mountain.
    placed = _placed_at(analyse, "An Australian climber survived two nights stuck on Mount Cook after a fall.", "fall")
    assert placed is not None and placed.place.feature_code == "MT" and placed.place.lat < -43, placed


def test_a_hyphenated_estate_name_is_one_place(analyse):
    analyzed = analyse("From his home at Mar-a-Lago, the candidate attacked his rival on Tuesday.")
    names = {m.toponym.text: m.place for m in analyzed.places}
    assert "Mar-a-Lago" in names and names["Mar-a-Lago"].country == "USA" and "Mar" not in names


def test_a_country_in_the_sentence_yields_to_the_article_town_inside_it(analyse):
    placed = _placed_at(analyse, "Rioters set fire to a bank in Greece on Wednesday. Police fought youths in Athens. "
                                 "Shops in Athens stayed shut.", "fire")
    assert placed is not None and placed.place.name == "Athens" and placed.how == "article", placed
    abroad = _placed_at(analyse, "Rioters set fire to a bank in Greece on Wednesday. Police fought youths in Madrid. "
                                 "Shops in Madrid stayed shut.", "fire")
    assert abroad is not None and abroad.place.name == "Greece" and abroad.how == "sentence", abroad


def test_a_sentence_naming_one_place_places_its_events_there(analyse):
    denver = "Police in Denver said on Monday they had arrested two men in Denver. "
    placed = _placed_at(analyse, denver + "The lawmaker, who was visiting Boston, shoved a student.", "shoved")
    assert placed is not None and placed.how == "sentence" and placed.place.name == "Boston", placed
    # Named only as where the lawmaker is from, Boston says nothing of where the shove happened.
    native = _placed_at(analyse, denver + "The lawmaker, a Boston native, shoved a student.", "shoved")
    assert native is not None and native.how == "article" and native.place.name == "Denver", native


def test_a_team_town_the_parser_left_untagged_places_the_article(analyse):
    analyzed = analyse("Samuel Lee agreed to a deal with the Philadelphia 76ers on Saturday. The team fired its coach.")
    kinds = {m.toponym.text: m.toponym.kind for m in analyzed.places}
    assert kinds.get("Philadelphia") == "in_name"
    placed = _placed_at(analyse, "Samuel Lee agreed to a deal with the Philadelphia 76ers on Saturday. The team fired its coach.", "fired")
    assert placed is not None and placed.place.name == "Philadelphia" and placed.how == "article", placed


def test_an_event_told_again_keeps_the_place_it_was_first_given(analyse):
    from newsprism.places.event_places import place_events

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    text = ("WASHINGTON — Gunmen carried out an attack on a hotel in Kabul on Monday night. Senators debated the budget for hours. "
            "The attack, which killed nine guests, was condemned by the president.")
    article = build_article(RawArticle(source="t", text=text, format="text"))
    doc = nlp(text_for_parse(article))
    analyzed = analyze_doc(article, doc)
    start = article.text.index("killed")
    sentence = max(i for i, s in enumerate(analyzed.sentences) if s.start <= start)
    from types import SimpleNamespace
    event = SimpleNamespace(id="e", sentence_index=sentence, start=start, end=start + 6, plover_type="", location=None)
    dateline = next((m for m in analyzed.places if m.toponym.kind == "dateline"), None)
    assert dateline is not None and dateline.place.name == "Washington"
    placed = next(p for p in place_events([event], analyzed.places, doc, dateline) if p.role == "location")
    assert placed.place.name == "Kabul" and placed.how == "sentence", placed


def test_a_country_qualifying_a_noun_yields_to_the_place_heading_its_own_phrase(analyse):
    # "a U.S. consulate" says whose consulate, "in Benghazi" says where the attack was.
    analyzed = analyse("Militants launched an attack on a U.S. consulate in Benghazi on Tuesday night, officials said.")
    assert _place_of(analyzed, "attack").place.name == "Benghazi"


@pytest.mark.parametrize("text", [
    "WASHINGTON -- The president praised the agency on Monday and said the career of Sen. Jane Doe (D-Vt.) was over.",
    "WASHINGTON -- The president praised the agency on Monday, a day after Rep. John Roe, R-Ohio, quit the panel.",
])
def test_a_legislators_party_seat_is_where_she_is_from_not_where_the_news_is(analyse, text):
    praised = _place_of(analyse(text), "praised")
    assert praised.how == "dateline" and praised.place.name == "Washington"


def test_a_seat_of_power_the_parser_calls_a_body_is_a_place_after_at_a(analyse):
    # "a White House dinner": the building where the speech was given, though tagged as the institution.
    analyzed = analyse("The president criticized the senators on Friday night at a White House dinner for donors.")
    criticized = _place_of(analyzed, "criticized")
    assert criticized.how == "sentence" and abs(criticized.place.lat - 38.9) < 0.2


def test_the_town_of_a_news_outlet_does_not_make_the_articles_place(analyse):
    # Two mentions of the station's town against one of the town she spoke in.
    analyzed = analyse("The senator criticized the plan on Wednesday. She spoke to reporters in Tulsa later that day. "
                       "Earlier she had told a local Denver TV station and the Denver Fox affiliate the same thing.")
    criticized = _place_of(analyzed, "criticized")
    assert criticized.how == "article" and criticized.place.name == "Tulsa"


def test_the_state_a_sentence_speaks_of_is_the_articles_state_not_the_datelines_city(analyse):
    analyzed = analyse("WASHINGTON -- Arizona's governor vetoed the measure on Wednesday, aides in Phoenix said. "
                       "Critics in Arizona had protested for days. The state legislature rejected the budget.")
    rejected = _place_of(analyzed, "rejected")
    assert rejected.how == "article" and rejected.place.name == "Arizona"
    # Without such words the dateline still places a sentence that names no place.
    assert _place_of(analyzed, "vetoed").how == "dateline"


def test_an_event_at_an_occasion_told_before_takes_the_occasions_place(analyse):
    # "after her speech" points back to "a speech in Tulsa", not to the dateline's city.
    analyzed = analyse("DENVER -- The senator gave a speech in Tulsa on Monday about the budget. "
                       "In answer to a question after her speech, she criticized the plan.")
    assert _place_of(analyzed, "criticized").place.name == "Tulsa"


def test_a_lead_takes_the_place_of_the_quote_that_follows_it(analyse):
    # The quote runs over two sentences; "he said during a town hall in Tucson" gives the occasion.
    analyzed = analyse('WASHINGTON -- The president criticized the leak of the files on Friday. '
                       '"Nobody has read your mail. The rules are strict," he said during a town hall in Tucson, Ariz.')
    assert _place_of(analyzed, "criticized").place.name == "Tucson"


def test_someone_elses_quote_does_not_move_the_lead(analyse):
    analyzed = analyse('WASHINGTON -- The president criticized the leak of the files on Friday. '
                       '"Nobody has read your mail," the spokesman said during a trip to Tucson.')
    assert _place_of(analyzed, "criticized").how == "dateline"
