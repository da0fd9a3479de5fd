"""Within-article resolution: one test sentence for each rule family.

The people here are invented, so only the rules (not any list of names) can resolve them.
"""

from __future__ import annotations

import json

import pytest

from newsprism.actors import actor_at, expand_group
from newsprism.actors.gazetteer import load_extension
from newsprism.actors.resolution import Resolver
from newsprism.pipeline import text_for_parse


def actor(analyzed, name):
    found = [a for a in analyzed.actors if a.name == name]
    assert found, f"no actor {name!r} among {[a.name for a in analyzed.actors]}"
    return found[0]


def forms(analyzed, name):
    """Return the mention texts of an actor."""
    actor_id = actor(analyzed, name).id
    return [m.text for m in analyzed.actor_mentions if m.actor_id == actor_id]


def ref_at(analyzed, phrase, occurrence=0):
    text = analyzed.article.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return actor_at(analyzed, start, start + len(phrase))


def test_demonym_and_title_before_a_name(analyze_text):
    a = analyze_text("Turkish President Ali Demir met reporters in Ankara on Monday.")
    demir = actor(a, "Ali Demir")
    assert (demir.kind, demir.country, demir.sector) == ("person", "TUR", "GOV")
    assert "Turkish President" in forms(a, "Ali Demir")


def test_a_body_in_the_title_gives_country_and_sector(analyze_text):
    a = analyze_text("State Department spokesperson Jane Holt said the talks would go on.")
    assert (actor(a, "Jane Holt").country, actor(a, "Jane Holt").sector) == ("USA", "GOV")


def test_an_owner_takes_the_sector_of_what_he_owns(analyze_text):
    a = analyze_text("Wagner Group owner Ivan Petrov called for a march on the capital.")
    assert (actor(a, "Ivan Petrov").country, actor(a, "Ivan Petrov").sector) == ("RUS", "REB")


def test_apposition_after_the_name(analyze_text):
    a = analyze_text("Yuri Baskov, founder of the Wagner Private Military Company, denied the report.")
    assert (actor(a, "Yuri Baskov").country, actor(a, "Yuri Baskov").sector) == ("RUS", "REB")


def test_apposition_before_the_name_with_a_possessor(analyze_text):
    a = analyze_text("Russian President Boris Kuzin spoke on Friday. "
                     "Kuzin's defense minister, Oleg Sarkin, resigned on Saturday.")
    sarkin = actor(a, "Oleg Sarkin")
    assert (sarkin.country, sarkin.sector) == ("RUS", "GOV")


def test_the_countrys_leader(analyze_text):
    a = analyze_text("Rebels in Chad launched an attack against the country's leader Idriss Mahamat.")
    assert actor(a, "Idriss Mahamat").country == "TCD"


def test_name_forms_cluster_by_surname(analyze_text):
    a = analyze_text("Secretary of State Anna Berg arrived in Kyiv on Monday. "
                     "Berg met Ukrainian officials. Secretary Berg later flew home.")
    berg = actor(a, "Anna Berg")
    assert (berg.country, berg.sector) == ("USA", "GOV")
    assert {"Anna Berg", "Berg"} <= set(forms(a, "Anna Berg"))
    assert len([x for x in a.actors if x.kind == "person"]) == 1


def test_definite_description_refers_back(analyze_text):
    a = analyze_text("Secretary of State Anna Berg arrived in Kyiv on Monday. "
                     "The top US diplomat met the Ukrainian foreign minister.")
    assert "top US diplomat" in forms(a, "Anna Berg")


def test_definite_description_refers_forward(analyze_text):
    a = analyze_text("The governor of Russia's Kursk region said on Monday that drones had struck a depot. "
                     "The fires were put out. "
                     "'The situation is under control,' governor Pavel Orlov wrote on Telegram.")
    orlov = actor(a, "Pavel Orlov")
    assert (orlov.country, orlov.sector) == ("RUS", "GOV")
    assert any(f.startswith("governor of Russia") for f in forms(a, "Pavel Orlov"))


def test_description_with_the_wrong_country_stays_apart(analyze_text):
    a = analyze_text("Turkish President Ali Demir met Anna Berg. The Russian president was not invited.")
    assert "Russian president" not in forms(a, "Ali Demir")


def test_he_is_the_subject_of_the_sentence_before(analyze_text):
    a = analyze_text("Governor Pavel Orlov told reporters the situation was under control. "
                     "He did not give details.")
    assert "He" in forms(a, "Pavel Orlov")


def test_his_in_the_same_sentence_is_the_nearest_person(analyze_text):
    a = analyze_text("Spokesman Dmitry Volkov said Boris Kuzin spoke with the leaders and informed his counterparts.")
    kuzin_id = actor(a, "Boris Kuzin").id
    his = a.article.text.index("his")
    assert any(m.actor_id == kuzin_id and m.start == his for m in a.actor_mentions)


def test_she_keeps_to_one_gender(analyze_text):
    a = analyze_text("Foreign Minister Lena Varga met Tom Reiss in Vienna. She said the meeting went well. "
                     "He left early. She stayed.")
    assert forms(a, "Lena Varga").count("She") == 2
    assert "He" in forms(a, "Tom Reiss")


def test_calls_itself_and_its(analyze_text):
    a = analyze_text("The militia, which calls itself the Black Lake Front, said on its channel that its "
                     "fighters held the dam. The militia later withdrew.")
    front = actor(a, "Black Lake Front")
    assert front.sector == "REB"
    texts = forms(a, "Black Lake Front")
    assert texts.count("its") == 2 and texts.count("militia") >= 1


def test_its_commander_is_a_member_of_the_group(analyze_text):
    a = analyze_text("The militia, which calls itself the Black Lake Front, seized the dam. "
                     "Its commander, Teodor Marn, threatened to open the gates.")
    assert actor(a, "Teodor Marn").sector == "REB"


def test_state_descriptions_are_the_government(analyze_text):
    a = analyze_text("Erdogan said the Turkish government would help. Turkish authorities gave no details.")
    turkey = actor(a, "Turkey")
    assert (turkey.kind, turkey.country, turkey.sector) == ("country", "TUR", "GOV")
    assert {"Turkish government", "Turkish authorities"} <= set(forms(a, "Turkey"))


def test_capital_as_metonym(analyze_text):
    a = analyze_text("Minsk denied the report on Tuesday.")
    ref = ref_at(a, "Minsk")
    assert (ref.name, ref.country, ref.sector) == ("Belarus", "BLR", "GOV")


def test_collective_takes_the_country_where_it_acts(analyze_text):
    a = analyze_text("Riot police were deployed across Moscow on Sunday.")
    police = ref_at(a, "Riot police")
    assert (police.country, police.sector) == ("RUS", "COP")


def test_unqualified_officials_take_the_country_the_story_is_about(analyze_text):
    a = analyze_text("Russia said the Kremlin would respond. Moscow was calm. "
                     "Spokesman Dmitry Volkov said the talks went well.")
    assert actor(a, "Dmitry Volkov").country == "RUS"


def test_platforms_are_not_actors(analyze_text):
    a = analyze_text("Foreign Minister Lena Varga wrote on Twitter that the talks were over.")
    assert not [x for x in a.actors if x.name in ("Twitter",)]


def test_group_expands_to_its_member_governments(analyze_text):
    a = analyze_text("Boris Kuzin spoke on the phone with the leaders of Belarus, Kazakhstan and Uzbekistan.")
    text = a.article.text
    start = text.index("the leaders")
    members = expand_group(a, start, len(text) - 1)
    assert [(m.country, m.sector) for m in members] == [("BLR", "GOV"), ("KAZ", "GOV"), ("UZB", "GOV")]
    assert actor_at(a, start, start + len("the leaders")) is None
    assert expand_group(a, 0, len("Boris Kuzin")) == []


def test_counterparts_leave_out_the_speakers_own_country(analyze_text):
    a = analyze_text("Secretary of State Anna Berg held a call with her G7 and EU counterparts on Saturday.")
    text = a.article.text
    start = text.index("her G7")
    members = expand_group(a, start, text.index("counterparts") + len("counterparts"))
    assert [m.country for m in members] == ["CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "EU"]


def test_listed_members_beat_the_bloc(analyze_text):
    a = analyze_text("Anna Berg spoke with all of her G7 counterparts from Canada, France and Japan.")
    text = a.article.text
    members = expand_group(a, text.index("her G7"), len(text) - 1)
    assert [m.country for m in members] == ["CAN", "FRA", "JPN"]


def test_actor_at_prefers_the_head(analyze_text):
    a = analyze_text("The Wagner forces are led by Wagner Group owner Ivan Petrov. "
                     "Wagner units headed north. America's closest allies said nothing.")
    assert ref_at(a, "Wagner Group owner Ivan Petrov").name == "Ivan Petrov"
    assert ref_at(a, "Wagner units").name == "Wagner Group"
    assert ref_at(a, "America's closest allies") is None


def test_ethnic_groups_are_not_states(analyze_text):
    a = analyze_text("Many ethnic Albanians fled the fighting. The Albanian government protested.")
    assert not [x for x in a.actors if x.country == "ALB" and x.kind == "group"]


def test_names_the_tagger_mislabels_as_places_or_organisations(analyze_text):
    a = analyze_text("Militia fighters seized the Selva Dam in eastern Veldora. Power cuts hit towns in Veldora.")
    kinds = {x.name: x.kind for x in a.actors}
    assert kinds.get("Selva Dam") == "place"
    assert kinds.get("Veldora") == "place"


def test_a_first_name_alone_joins_its_full_name(analyze_text):
    a = analyze_text("Hillary Clinton spoke in Ohio. Hillary said the polls were wrong.")
    assert "Hillary" in forms(a, "Hillary Clinton")


def test_every_mention_points_into_the_text(analyze_text):
    a = analyze_text("Spokesman Dmitry Volkov said Boris Kuzin spoke with Turkish President Ali Demir. "
                     "He thanked him.")
    for mention in a.actor_mentions:
        assert a.article.text[mention.start:mention.end] == mention.text
        sentence = a.sentences[mention.sentence_index]
        assert sentence.start <= mention.start < sentence.end


def test_ids_are_global(analyze_text):
    one = analyze_text("Turkish President Ali Demir arrived.")
    two = analyze_text("Talks ended. Turkish President Ali Demir left on Friday.")
    assert actor(one, "Ali Demir").id == actor(two, "Ali Demir").id


# -- invented countries, through a gazetteer extension ---------------------------------------
VELDORA = "Veldoran President Marek Tollan met Karstian Foreign Minister Pavel Dressek in Drovna, the Karst capital."


@pytest.fixture(scope="module")
def crisis_gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.json"
    path.write_text(json.dumps({"countries": [{"code": "VLD", "name": "Veldora"},
                                              {"code": "KRS", "name": "Karst Republic"}]}))
    return load_extension(path)


def test_unknown_demonyms_give_no_country(analyze_text):
    a = analyze_text(VELDORA)
    assert actor(a, "Marek Tollan").country is None


def test_extension_countries_and_learned_capitals(analyze_text, nlp, crisis_gazetteer):
    a = analyze_text(VELDORA)
    Resolver(a, nlp(text_for_parse(a.article)), crisis_gazetteer).run()
    assert actor(a, "Marek Tollan").country == "VLD"
    assert actor(a, "Pavel Dressek").country == "KRS"
    assert ref_at(a, "Drovna").country == "KRS"     # "Drovna, the Karst capital"


def test_an_unknown_one_word_place_that_speaks_is_a_person(analyze_text):
    a = analyze_text("Kuzin warns the West\n\nSpeaking in Moscow on Monday, Kuzin said Russia would respond.")
    assert actor(a, "Kuzin").kind == "person"


def test_a_well_known_figure_named_bare_gets_the_gazetteers_country(analyze_text):
    a = analyze_text("Putin spoke with Erdogan on Saturday. Bush had called earlier.")
    assert (actor(a, "Vladimir Putin").country, actor(a, "Vladimir Putin").sector) == ("RUS", "GOV")
    assert actor(a, "Recep Tayyip Erdogan").country == "TUR"


def test_the_text_wins_over_the_people_table_and_namesakes_are_not_matched(analyze_text):
    a = analyze_text("Singer Kate Bush released an album. Bush said she was proud of it.")
    assert actor(a, "Kate Bush").country is None


def test_a_spelling_variant_with_the_same_first_name_is_the_known_figure(analyze_text):
    a = analyze_text("President Francois Mitterand gave a warm welcome to the delegation.")
    assert actor(a, "François Mitterrand").country == "FRA"
    assert "Francois Mitterand" in forms(a, "François Mitterrand")


def test_an_office_holder_belongs_to_the_only_country_in_sight(analyze_text):
    a = analyze_text("Ousted President Talgat Omurov agreed to resign without returning to Kyrgyzstan.")
    assert actor(a, "Talgat Omurov").country == "KGZ"


def test_a_country_in_another_persons_title_is_not_a_setting(analyze_text):
    a = analyze_text("President Talgat Omurov welcomed South African leader Jan Botha on Thursday.")
    assert actor(a, "Talgat Omurov").country is None
    assert actor(a, "Jan Botha").country == "ZAF"


def test_the_group_is_the_group_named_last(analyze_text):
    a = analyze_text("Fighters of the Ansar Brigade seized the airport on Monday. The Interior Ministry said "
                     "the government would not negotiate with the group.")
    group = ref_at(a, "the group")
    assert group is not None and group.name == actor(a, "Ansar Brigade").name


def test_a_subject_they_is_the_group_that_was_the_subject_before(analyze_text):
    a = analyze_text("The rebels, who call themselves the Ansar Brigade, seized the airport. "
                     "They say they are defending the villagers.")
    they = ref_at(a, "They")
    assert they is not None and they.name == actor(a, "Ansar Brigade").name


def test_an_armed_group_without_a_country_belongs_to_the_only_country_named(analyze_text):
    a = analyze_text("The rebel Forces for National Liberation insisted that Burundi's government release its prisoners.")
    assert actor(a, "Forces for National Liberation").country == "BDI"


def test_the_gazetteer_of_the_settings_reaches_the_actor_stage(tmp_path, nlp):
    """Settings.gazetteer, not an environment variable or a process-wide registration, extends it."""
    from newsprism.config import Settings
    from newsprism.ingest.metadata import build_article
    from newsprism.pipeline import analyze_doc
    from newsprism.records import RawArticle

    path = tmp_path / "crisis.json"
    path.write_text(json.dumps({"countries": [{"code": "VLD", "name": "Veldora"}]}))
    article = build_article(RawArticle(source="<test>", text=VELDORA, format="text"))
    doc = nlp(text_for_parse(article))
    assert actor(analyze_doc(article, doc, settings=Settings(gazetteer=path)), "Marek Tollan").country == "VLD"
    assert actor(analyze_doc(article, doc), "Marek Tollan").country is None
