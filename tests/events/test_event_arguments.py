"""Who acts and on whom, in constructions real news is made of (constructed sentences)."""

import pytest

from tests.events.helpers import coded_event, names_of


def test_a_gerund_after_by_shares_the_clauses_subject(analyze_text):
    analyzed = analyze_text("The Harbor Union answered the mayor by accusing him of lying to the dockworkers.")
    event = coded_event(analyzed, "accusing")
    assert names_of(event.sources) == ["The Harbor Union"] or "Harbor Union" in event.sources[0].name


def test_the_one_hired_does_the_hired_work(analyze_text):
    analyzed = analyze_text("Mayor Ilse Brook said she hired an outside law firm to investigate the council.")
    event = coded_event(analyzed, "investigate")
    assert "law firm" in event.sources[0].name


def test_an_adjective_lends_its_noun_as_subject(analyze_text):
    analyzed = analyze_text("Wealthy donors reluctant to support Senator Kessler gave money to his rival.")
    event = coded_event(analyzed, "support")
    assert "donors" in event.sources[0].name


def test_a_predicate_noun_means_the_subject(analyze_text):
    analyzed = analyze_text("Former governor Neil Ashby was the latest voice to urge Governor Dana Pratt to veto the bill.")
    event = coded_event(analyzed, "urge")
    assert names_of(event.sources) == ["Neil Ashby"]


def test_a_group_called_by_name_is_that_name(analyze_text):
    analyzed = analyze_text("A group called the Lakeside Tenants Alliance urged the city council to drop the plan.")
    event = coded_event(analyzed, "urged")
    assert "Lakeside Tenants Alliance" in event.sources[0].name


def test_a_passive_in_a_time_clause_is_not_done_by_the_main_subject(analyze_text):
    analyzed = analyze_text("Marco Ferrante hanged himself in his cell hours after he was arrested in a raid.")
    event = coded_event(analyzed, "arrested")
    assert "Marco Ferrante" not in names_of(event.sources)
    assert names_of(event.targets) == ["Marco Ferrante"]


@pytest.mark.parametrize("sentence, trigger, sector", [
    ("Sharon Welby was arrested on Friday and charged with two counts of fraud.", "charged", "JUD"),
    ("Sharon Welby was arrested on Friday and charged with two counts of fraud.", "arrested", "COP"),
])
def test_an_agentless_coercion_has_the_authority_it_implies(analyze_text, sentence, trigger, sector):
    event = coded_event(analyze_text(sentence), trigger)
    assert [s.sector for s in event.sources] == [sector]
    assert names_of(event.targets) == ["Sharon Welby"]


def test_the_possessor_of_an_arrest_is_the_one_arrested(analyze_text):
    analyzed = analyze_text("Dario Vitale was found dead in prison two days after his arrest.")
    event = coded_event(analyzed, "arrest")
    assert names_of(event.targets) == ["Dario Vitale"]
    assert [s.sector for s in event.sources] == ["COP"]


def test_whose_thing_is_attacked_is_the_target(analyze_text):
    analyzed = analyze_text("Senator Hal Brenner listened calmly, but Governor Ruth Okoye kept interrupting to attack his budget plan.")
    event = coded_event(analyzed, "attack")
    assert names_of(event.sources) == ["Ruth Okoye"]
    assert "Hal Brenner" in names_of(event.targets)


def test_where_a_denial_is_made_is_not_whom_it_rejects(analyze_text):
    analyzed = analyze_text("A man has denied arson following a fire at a supermarket in Kenya on Sunday.")
    event = coded_event(analyzed, "denied")
    assert not any(t.country for t in event.targets)


def test_an_appeal_on_someone_is_not_a_name(analyze_text):
    analyzed = analyze_text("A state newspaper called Monday on farmers to mobilize against the Valdren government.")
    assert not any("Monday" in s.name for e in analyzed.events for s in e.sources)


def test_an_order_is_the_orderers_deed(analyze_text):
    analyzed = analyze_text("The Ostrovan government ordered the opposition newspaper Daily Lantern to suspend publication.")
    event = coded_event(analyzed, "suspend")
    assert "Daily Lantern" not in names_of(event.sources)


def test_an_arrest_happens_where_the_sentence_sets_it(analyze_text):
    analyzed = analyze_text("A teacher from Toronto was arrested in Lebanon on Tuesday.")
    event = coded_event(analyzed, "arrested")
    assert [(s.country, s.sector) for s in event.sources] == [("LBN", "COP")]


def test_a_place_before_an_authority_says_whose_it_is(analyze_text):
    analyzed = analyze_text("Staunton Police Chief Ray Dolan announced that Erin Voss was arrested on Friday.")
    event = coded_event(analyzed, "arrested")
    assert [(s.country, s.sector) for s in event.sources] == [("USA", "COP")]


def test_an_unnamed_possessor_of_an_arrest_is_the_clauses_subject(analyze_text):
    analyzed = analyze_text("A suspected smuggler hanged himself in a jail cell hours after his arrest.")
    event = coded_event(analyzed, "arrest")
    assert any("smuggler" in t.name for t in event.targets)


@pytest.mark.parametrize("sentence", [
    "Senator Lia Ames and Senator Tom Bolt criticized Governor Ray Penn on Monday.",
    "Governor Ray Penn was criticized by Senator Lia Ames and Senator Tom Bolt.",
])
def test_conjoined_names_act_together(analyze_text, sentence):
    event = coded_event(analyze_text(sentence), "criticized")
    assert names_of(event.sources) == ["Lia Ames", "Tom Bolt"]
    assert names_of(event.targets) == ["Ray Penn"]


def test_a_hyphenated_name_stays_one_word(analyze_text):
    event = coded_event(analyze_text("A pro-Penn super-PAC criticized Senator Lia Ames."), "criticized")
    assert event.sources[0].name.endswith("super-PAC")


def test_the_one_given_a_chance_takes_it(analyze_text):
    event = coded_event(analyze_text("The vote gave Mayor Ted Olin a rare opportunity to seek concessions from the unions."), "seek")
    assert names_of(event.sources) == ["Ted Olin"]


def test_a_chance_in_quotation_marks_still_goes_to_whom_it_is_given(analyze_text):
    # The quotation marks make the parser hang the chance off the main verb.
    event = coded_event(analyze_text('She argued that the vote gave Mayor Ted Olin "a rare opportunity" to seek concessions from the unions.'), "seek")
    assert names_of(event.sources) == ["Ted Olin"]


def test_a_passive_relative_clause_names_the_patient_not_the_doer(analyze_text):
    analyzed = analyze_text("Piero Zanetti, who was already convicted of fraud in Milan, was found dead in his cell.")
    event = coded_event(analyzed, "convicted")
    assert "Piero Zanetti" not in names_of(event.sources)
    assert [(s.country, s.sector) for s in event.sources] == [("ITA", "JUD")]
    assert "Piero Zanetti" in names_of(event.targets)


def test_a_regional_adjective_says_whose_authority_acts(analyze_text):
    event = coded_event(analyze_text("A reputed gang leader hanged himself in a Sicilian jail hours after his arrest."), "arrest")
    assert [(s.country, s.sector) for s in event.sources] == [("ITA", "COP")]


def test_a_present_participle_after_a_noun_is_the_nouns_deed(analyze_text):
    event = coded_event(analyze_text("About 900 Dutch soldiers advising and assisting in Mali have been sent home."), "assisting")
    assert any("soldiers" in s.name for s in event.sources)


def test_an_intensifying_object_is_not_the_target(analyze_text):
    event = coded_event(analyze_text("The senator vowed to bomb the hell out of the Islamic State."), "bomb")
    assert event.targets and "Islamic State" in event.targets[0].name
    assert "hell" not in " ".join(names_of(event.targets))


def test_what_a_critic_calls_a_thing_is_what_she_criticizes(analyze_text):
    analyzed = analyze_text('The columnist Dana Reyes criticized what she calls the "reckless" policy of the Harbor Commission.')
    event = coded_event(analyzed, "criticized")
    assert event.targets and "Harbor Commission" in event.targets[0].name


def test_an_accusation_that_someone_did_something_is_aimed_at_that_someone(analyze_text):
    analyzed = analyze_text("Senator Ada Quill is now pressing her attack that Governor Tom Bale is not fit to serve.")
    event = coded_event(analyzed, "attack")
    assert "Tom Bale" in names_of(event.targets)


def test_the_wake_of_an_attack_is_a_time_not_a_target(analyze_text):
    analyzed = analyze_text("In the wake of the bombings in Paris, the United States has stepped up airstrikes.")
    event = coded_event(analyzed, "airstrikes")
    assert not any(t.country == "FRA" for t in event.targets)


@pytest.mark.parametrize("sentence, trigger, partner", [
    ("Together with Turkish forces, the rebels attacked on Monday.", "attacked", "TUR"),
    ("Alongside Kurdish fighters, Britain carried out airstrikes on Tuesday.", "airstrikes", "GBR"),
])
def test_partners_along_with_a_deed_are_not_its_targets(analyze_text, sentence, trigger, partner):
    event = coded_event(analyze_text(sentence), trigger)
    assert not any(t.country == partner for t in event.targets), event.targets


def test_a_state_that_attacks_acts_as_its_military(analyze_text):
    event = coded_event(analyze_text("The United States has stepped up airstrikes in Syria."), "airstrikes")
    assert [(s.country, s.sector) for s in event.sources] == [("USA", "MIL")]


def test_a_place_before_a_described_actor_only_says_where_it_is_from(analyze_text):
    analyzed = analyze_text("Grimm shoved a Chicago television reporter who tried to question him about the inquiry.")
    event = coded_event(analyzed, "question")
    assert event.sources and "reporter" in event.sources[0].name
    assert event.sources[0].sector == "MED"


@pytest.mark.parametrize("sentence, trigger, victims", [
    ("Police officers in the capital arrested two protesters on Tuesday.", "arrested", "protesters"),
    ("Security forces arrested several journalists outside the courthouse.", "arrested", "journalists"),
    ("Gunmen kidnapped three civilians on the highway north of the city.", "kidnapped", "civilians"),
])
def test_force_used_on_the_people_a_pattern_names_makes_them_the_target(analyze_text, sentence, trigger, victims):
    # CAMEO patterns such as "arrest protester" name the object; when it is people, they are the target.
    (event,) = [e for e in analyze_text(sentence).events if e.trigger == trigger]
    assert any(victims in t.name for t in event.targets), event.targets


def test_a_thing_a_pattern_names_stays_no_target(analyze_text):
    # "sent an envoy": the envoy is what was sent, not whom the act was aimed at.
    events = analyze_text("Russia sent an envoy on Monday.").events
    assert all(not e.targets for e in events if e.trigger == "sent")


@pytest.mark.parametrize("sentence, trigger, people, country", [
    ("Georgian police detained four reporters in Tbilisi on Saturday.", "detained", "reporters", "GEO"),
    ("Moldovan police arrested three men in Chisinau after the explosion.", "arrested", "men", "MDA"),
    ("Police arrested a teenager in Warsaw on Friday.", "arrested", "teenager", "POL"),
])
def test_people_acted_on_in_a_city_are_the_target_and_the_city_is_where(analyze_text, sentence, trigger, people, country):
    # The place after a people object says where it happened; the people are whom, and of that place.
    event = coded_event(analyze_text(sentence), trigger)
    assert [t.name.split()[-1] for t in event.targets] == [people], event.targets
    assert event.targets[0].country == country


def test_a_thing_acted_on_in_a_city_still_leaves_the_city_as_target(analyze_text):
    # No people named: where force was used is still whom it was aimed at (PLOVER's convention).
    event = coded_event(analyze_text("Rebels shelled the airport in Goma on Monday."), "shelled")
    assert any(t.country == "COD" for t in event.targets), event.targets


def test_an_office_before_which_a_title_stands_has_the_titles_sector(analyze_text):
    # "the U.S. Attorney's office" is a prosecutor's office of the USA, not the American state.
    event = coded_event(analyze_text("The U.S. Attorney's office subpoenaed records from the governor's campaign."),
                   "subpoenaed")
    assert [(s.country, s.sector) for s in event.sources] == [("USA", "JUD")]
