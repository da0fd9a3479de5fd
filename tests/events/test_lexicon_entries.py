"""One test sentence for every event lexicon entry (the house rule: every entry has a sentence that needs it).

Each sentence is plain past tense, affirmative and in a main clause, so the coder's modality
recoding ("will", "must", negation) leaves the entry's own PLOVER type in place.
"""

from __future__ import annotations

import pytest

from newsprism.events.lexicon import CARRIER_RECODES, NOUN_MODIFIERS, NOUNS, VERBS

PUBLISHED = "2024-03-04"

# (lemma, particle or object word) -> sentence
VERB_SENTENCES: dict[tuple[str, str], str] = {
    # CONSULT
    ("meet", ""): "The German chancellor met the French president in Paris.",
    ("talk", ""): "The foreign minister talked with his Chinese counterpart on Tuesday.",
    ("speak", ""): "The prime minister spoke with the Turkish president.",
    ("discuss", ""): "The ministers discussed the crisis with Egypt.",
    ("confer", ""): "Army commanders conferred with NATO officials.",
    ("consult", ""): "Washington consulted its allies.",
    ("phone", ""): "The prime minister phoned the Egyptian president.",
    ("telephone", ""): "The chancellor telephoned the Iranian president.",
    ("call", ""): "The French president called his Russian counterpart.",
    ("visit", ""): "The Chinese premier visited Berlin.",
    ("host", ""): "Qatar hosted the Hamas delegation.",
    ("negotiate", ""): "Ukraine negotiated with Turkey over grain exports.",
    ("mediate", ""): "Egypt mediated between Israel and Hamas.",
    ("shuttle", "between"): "The Qatari envoy shuttled between the Israeli and Hamas delegations.",
    ("send", "envoy"): "Norway sent an envoy to Sri Lanka.",
    ("send", "delegation"): "China sent a delegation to North Korea.",
    ("arrive", ""): "The Indian prime minister arrived in Moscow.",
    ("tour", ""): "The UN chief toured the refugee camps.",
    # SUPPORT
    ("establish", "ties"): "Germany established diplomatic ties with Chile.",
    ("upgrade", "ties"): "India upgraded ties with Vietnam.",
    ("restore", "ties"): "Saudi Arabia restored ties with Iran.",
    ("thank", ""): "The Ukrainian president thanked Germany.",
    ("support", ""): "France supported the resolution.",
    ("back", ""): "The United States backed Israel.",
    ("endorse", ""): "The party endorsed the candidate.",
    ("praise", ""): "The president praised the army.",
    ("welcome", ""): "Germany welcomed the decision.",
    ("defend", ""): "China defended Russia at the UN.",
    ("apologize", ""): "Japan apologized to South Korea.",
    ("apologise", ""): "The minister apologised to the victims.",
    ("forgive", ""): "The families have forgiven the gunman.",
    ("recognize", ""): "Spain recognized Palestine.",
    ("sign", ""): "Ukraine signed the treaty with Poland.",
    # AGREE
    ("agree", ""): "Hamas agreed to the proposal.",
    ("pledge", ""): "Japan pledged $5 billion to Ukraine.",
    ("promise", ""): "The government promised reforms.",
    ("offer", ""): "Turkey offered its airspace to NATO.",
    ("accept", ""): "Hamas accepted the proposal.",
    # COOPERATE
    ("extradite", ""): "Spain extradited the suspect to the United States.",
    ("hand", "over"): "Syria handed over the prisoners to Jordan.",
    ("cooperate", ""): "Police cooperated with Interpol.",
    ("collaborate", ""): "The two agencies collaborated with Europol.",
    ("coordinate", ""): "Jordan coordinated with Egypt.",
    ("share", ""): "Britain shared intelligence with Ukraine.",
    ("exchange", "information"): "The two countries exchanged information on the attack.",
    # AID
    ("aid", ""): "The United States aided the rebels.",
    ("help", ""): "Neighbours helped the flood victims.",
    ("assist", ""): "The navy assisted the stranded ship.",
    ("supply", ""): "Iran supplied drones to Russia.",
    ("donate", ""): "Japan donated vaccines to Kenya.",
    ("evacuate", ""): "The army evacuated civilians from the town.",
    ("send", "aid"): "Egypt sent aid to Gaza.",
    ("send", "arms"): "Iran sent arms to the rebels.",
    ("send", "weapons"): "Germany sent weapons to Ukraine.",
    ("grant", "asylum"): "Russia granted asylum to the former president.",
    ("provide", ""): "The UN provided food to the refugees.",
    ("allow", ""): "Israel allowed trucks into Gaza.",
    ("send", ""): "Germany sent ambulances to Ukraine.",
    ("contribute", ""): "Canada contributed $10 million to the fund.",
    ("give", ""): "The EU gave Moldova a loan.",
    ("send", "troops"): "Russia sent troops to the border.",
    ("arm", ""): "Iran armed the Houthi rebels.",
    # CONCEDE / RETREAT
    ("concede", ""): "The government conceded defeat.",
    ("call", "off"): "The teachers' union called off the strike.",
    ("yield", ""): "The regime yielded to the protesters.",
    ("drop", ""): "Prosecutors dropped the charges against the journalist.",
    ("pardon", ""): "The president pardoned the jailed activists.",
    ("ease", ""): "The EU eased restrictions on Syria.",
    ("lift", ""): "Washington lifted the ban on Venezuelan oil.",
    ("release", ""): "The rebels released the hostages.",
    ("free", ""): "The rebels freed four hostages.",
    ("return", ""): "Russia returned the children to Ukraine.",
    ("retreat", ""): "The army retreated from the city.",
    ("withdraw", ""): "Russia withdrew from the treaty.",
    ("stand", "down"): "The rebels stood down.",
    ("pull", "out"): "The troops pulled out of the town.",
    ("pull", "back"): "The army pulled back its troops from the border.",
    ("move", "back"): "The rebels moved back from the front line.",
    ("surrender", ""): "The militants surrendered to the army.",
    ("leave", ""): "Soviet troops left Afghanistan.",
    ("disarm", ""): "The militia disarmed.",
    # REQUEST
    ("ask", ""): "Ukraine asked Germany for tanks.",
    ("request", ""): "Kenya requested help from the UN.",
    ("urge", ""): "The UN urged restraint.",
    ("demand", ""): "The opposition demanded new elections.",
    ("call", "for"): "The UN called for an immediate ceasefire.",
    ("call", "on"): "The EU called on Russia to halt the attacks.",
    ("appeal", ""): "The Red Cross appealed for calm.",
    ("seek", ""): "Ukraine sought help from its allies.",
    ("press", ""): "Washington pressed Israel.",
    ("pressure", ""): "The EU pressured Serbia.",
    ("push", "for"): "France pushed for new restrictions.",
    # ACCUSE
    ("accuse", ""): "Ukraine accused Russia of war crimes.",
    ("blame", ""): "Israel blamed Hamas for the explosion.",
    ("condemn", ""): "Germany condemned the shooting.",
    ("criticize", ""): "The United States criticized China.",
    ("criticise", ""): "Britain criticised the decision.",
    ("denounce", ""): "The opposition denounced the arrests.",
    ("allege", ""): "The opposition alleged fraud.",
    ("complain", ""): "Farmers complained about the new rules.",
    ("indict", ""): "A grand jury indicted the senator.",
    ("sue", ""): "The company sued the government.",
    ("protest", "to"): "Japan protested to China over the incursion.",
    ("investigate", ""): "Police investigated the mayor.",
    ("probe", ""): "Prosecutors probed the company.",
    # REJECT
    ("reject", ""): "Hamas rejected the proposal.",
    ("refuse", ""): "Serbia refused the request.",
    ("deny", ""): "Russia denied the reports.",
    ("renege", ""): "The government reneged on the agreement.",
    ("dismiss", ""): "The Kremlin dismissed the report.",
    ("rebuff", ""): "Beijing rebuffed the offer.",
    ("turn", "down"): "The prime minister turned down the invitation.",
    ("veto", ""): "Russia vetoed the resolution.",
    ("term", ""): "Moscow termed the reports fake.",
    ("oppose", ""): "Hungary opposed the plan.",
    ("decline", ""): "Germany declined the invitation.",
    ("defy", ""): "The protesters defied the curfew.",
    ("violate", ""): "The rebels violated the truce.",
    # THREATEN
    ("threaten", ""): "Iran threatened Israel.",
    ("warn", ""): "Moscow warned Finland.",
    # PROTEST
    ("protest", ""): "Farmers protested against the new tax.",
    ("demonstrate", ""): "Students demonstrated against the war.",
    ("rally", ""): "Thousands rallied against the government.",
    ("boycott", ""): "The opposition boycotted the election.",
    ("riot", ""): "Fans rioted in the capital.",
    # SANCTION
    ("sanction", ""): "Washington sanctioned three Iranian officials.",
    ("expel", ""): "Poland expelled three Russian diplomats.",
    ("suspend", ""): "The EU suspended its cooperation with Turkey.",
    ("recall", ""): "France recalled its envoy from Niger.",
    ("cut", ""): "The government cut funding to the agency.",
    ("freeze", ""): "Britain froze the assets of the oligarch.",
    ("cancel", ""): "Germany cancelled the contract.",
    ("reduce", ""): "The United States reduced funding to Egypt.",
    ("halt", ""): "Sweden halted arms exports to Turkey.",
    ("withdraw", "peacekeepers"): "The UN withdrew its peacekeepers from Mali.",
    ("withdraw", "inspectors"): "The agency withdrew its inspectors from Iran.",
    ("withdraw", "ambassador"): "France withdrew its ambassador from Niger.",
    ("extend", "curfew"): "The army extended the curfew in Khartoum.",
    ("declare", "emergency"): "The government declared a state of emergency.",
    ("prohibit", ""): "The city prohibited public gatherings.",
    ("break", "ties"): "Nicaragua broke ties with Taiwan.",
    ("end", "mediation"): "Qatar ended its mediation in the conflict.",
    # MOBILIZE
    ("mobilize", ""): "Russia mobilized 300,000 reservists.",
    ("mobilise", ""): "Serbia mobilised its reservists.",
    ("deploy", ""): "The army deployed tanks to the border.",
    ("advance", ""): "The troops advanced toward the capital.",
    ("march", ""): "The rebels marched on the capital.",
    ("head", ""): "The convoy headed toward Moscow.",
    ("gather", ""): "Hundreds of rebel fighters gathered near the border town.",
    ("assemble", ""): "Army units assembled outside the capital.",
    ("carry", ""): "Witnesses saw buses carrying soldiers towards the border.",
    ("transport", ""): "Helicopters transported troops to the front line.",
    ("ferry", ""): "Boats ferried rebel fighters across the river.",
    ("move", ""): "The army moved tanks into the region.",
    ("enter", ""): "Turkish troops entered the town.",
    ("scramble", ""): "Poland scrambled fighter jets.",
    ("reinforce", ""): "NATO reinforced its eastern flank.",
    ("mass", ""): "Russia massed troops near the border.",
    ("tighten", ""): "Police tightened security in the capital.",
    ("strengthen", "forces"): "Israel strengthened its forces in the north.",
    ("deploy", "troops"): "Britain deployed troops to Estonia.",
    # COERCE
    ("arrest", ""): "Police arrested the opposition leader.",
    ("detain", ""): "Police detained dozens of protesters.",
    ("charge", ""): "Prosecutors charged the former minister with fraud.",
    ("prosecute", ""): "The state prosecuted the journalist.",
    ("jail", ""): "A court jailed the activist.",
    ("sentence", ""): "A court sentenced the blogger to five years.",
    ("deport", ""): "Germany deported the migrants.",
    ("seize", ""): "Police seized the ship.",
    ("capture", ""): "The rebels captured the town.",
    ("occupy", ""): "Troops occupied the airport.",
    ("take", "control"): "The rebels took control of the airport.",
    ("take", "over"): "Rebels took over the main airport.",
    ("raid", ""): "Police raided the newspaper's offices.",
    ("blockade", ""): "The navy blockaded the port.",
    ("block", ""): "The government blocked the website.",
    ("ban", ""): "The government banned the party.",
    ("impose", ""): "The army imposed a curfew on the city.",
    ("close", "border"): "Russia closed its southern border with Georgia.",
    ("commit", "to"): "The Vietnamese government committed to opening the economy.",
    ("disperse", ""): "Riot police dispersed the protesters with tear gas.",
    ("ease", "curfew"): "The army eased the curfew in the capital.",
    ("lift", "curfew"): "The governor lifted the curfew in the city.",
    ("shorten", "curfew"): "The president shortened the nightly curfew in the capital.",
    ("demobilize", ""): "The rebel army demobilized its fighters.",
    ("demobilise", ""): "The rebel army demobilised its fighters.",
    ("confiscate", ""): "Customs officers confiscated the weapons.",
    ("outlaw", ""): "The parliament outlawed the group.",
    ("reimpose", ""): "The government reimposed restrictions on the region.",
    ("expel", "from"): "Russia expelled the journalist from the country.",
    ("hack", ""): "Hackers hacked into the ministry's servers.",
    ("prevent", ""): "Police prevented the march.",
    ("destroy", ""): "The army destroyed the bridge.",
    ("demolish", ""): "Israel demolished the house.",
    ("blow", "up"): "The militants blew up the bridge.",
    ("set", "fire"): "Protesters set fire to the embassy.",
    ("deface", ""): "Vandals defaced the memorial.",
    ("declare", "siege"): "The president declared a state of siege.",
    ("force", "out"): "The junta forced the French ambassador out of the country.",
    # ASSAULT
    ("attack", ""): "Russian drones attacked Kyiv.",
    ("kill", ""): "The gunmen killed ten villagers.",
    ("shell", ""): "The army shelled the village.",
    ("bomb", ""): "Jets bombed the city.",
    ("shoot", ""): "Soldiers shot the protesters.",
    ("fire", ""): "Troops fired on the crowd.",
    ("assault", ""): "The guards assaulted the prisoners.",
    ("invade", ""): "Russia invaded Ukraine.",
    ("storm", ""): "Protesters stormed the parliament.",
    ("ambush", ""): "Militants ambushed the convoy.",
    ("wound", ""): "The gunman wounded three officers.",
    ("abduct", ""): "Gunmen abducted the students.",
    ("kidnap", ""): "Pirates kidnapped the crew.",
    ("clash", ""): "Protesters clashed with the police.",
    ("rebel", ""): "The soldiers rebelled against the government.",
    ("strike", ""): "Drones struck an oil depot.",
    ("assassinate", ""): "Gunmen assassinated the mayor.",
    ("beat", "up"): "Police beat up the journalist.",
    ("beat", ""): "Police beat the protesters.",
    ("torture", ""): "Guards tortured the prisoners.",
    ("abuse", ""): "Guards abused the detainees.",
    ("retake", ""): "The army has retaken the town.",
    ("fight", ""): "The rebels fought against the army.",
}

# noun lemma -> sentence (a support verb or a possessor gives the noun its source)
NOUN_SENTENCES: dict[str, str] = {
    "talk": "Germany held talks with China.",
    "call": "The president had a phone call with the Turkish leader.",
    "conversation": "The president had a conversation with the Chinese leader.",
    "meeting": "The prime minister held a meeting with the unions.",
    "visit": "The Pope began a visit to Iraq.",
    "summit": "The leaders held a summit in Brussels.",
    "negotiation": "The parties began negotiations with the mediators.",
    "mediation": "Egypt offered mediation between the two sides.",
    "support": "Germany expressed support for Ukraine.",
    "solidarity": "Spain expressed solidarity with Morocco.",
    "agreement": "Israel reached an agreement with Hamas.",
    "deal": "Turkey signed a deal with Sweden.",
    "ceasefire": "The two sides declared a ceasefire.",
    "truce": "The rebels announced a truce.",
    "aid": "The EU announced aid to Sudan.",
    "assistance": "Japan offered assistance to Turkey.",
    "sanction": "The EU imposed sanctions on Belarus.",
    "embargo": "The United States imposed an embargo on Cuba.",
    "case": "Prosecutors opened a case against the mayor.",
    "investigation": "Police launched an investigation into the fire.",
    "charge": "Prosecutors filed charges against the officer.",
    "rebellion": "The general launched a rebellion against the government.",
    "uprising": "The rebels began an uprising against the regime.",
    "mutiny": "Soldiers launched a mutiny.",
    "insurrection": "The militia led an insurrection against the king.",
    "attack": "The rebels launched an attack on the base.",
    "offensive": "Ukraine launched an offensive in the south.",
    "strike": "Israel carried out a strike on Gaza.",
    "protest": "Farmers held a protest against the reform.",
    "demonstration": "Students held a demonstration against the war.",
    "threat": "Iran issued a threat against Israel.",
    "ultimatum": "The junta issued an ultimatum to the rebels.",
    "accusation": "The opposition made fresh accusations against the government.",
    "crackdown": "The government launched a crackdown on dissent.",
    "blockade": "The navy imposed a blockade of the port.",
    "arrest": "Police made several arrests.",
    "demand": "The unions made demands for higher pay.",
    "rally": "The opposition held a rally against the government.",
    "march": "Women held a march against violence.",
    "consensus": "The ministers reached a consensus on the budget.",
    "welcome": "The crowd gave the Pope a warm welcome.",
    "riot": "Prisoners started a riot.",
    "complaint": "Spain lodged a complaint with the EU.",
    "hearing": "The Senate held a hearing into the crash.",
    "alert": "The army put its troops on alert.",
    "patrol": "The navy conducted patrols in the strait.",
    "suspension": "The EU announced the suspension of its cooperation with Niger.",
    "invasion": "Russia launched an invasion of Ukraine.",
    "cleansing": "The militia carried out ethnic cleansing.",
    "torture": "Rights groups documented the regime's torture of prisoners.",
    "lawsuit": "The company filed a lawsuit against the government.",
    "appeal": "The UN launched an appeal for donations.",
    "withdrawal": "The army began its withdrawal from the city.",
    "reminder": "The ministry issued a reminder to citizens.",
    "boycott": "The opposition announced a boycott of the election.",
    "warning": "The army issued a warning to the rebels.",
}

# (modifier, noun lemma) -> sentence
MODIFIER_SENTENCES: dict[tuple[str, str], str] = {
    ("security", "operation"): "Police launched a security operation in the province.",
    ("police", "operation"): "The ministry began a police operation in the slums.",
    ("counterterrorism", "operation"): "Turkey launched a counterterrorism operation in the southeast.",
    ("military", "operation"): "Russia launched a military operation against the militants.",
    ("hunger", "strike"): "The prisoners began a hunger strike.",
    ("general", "strike"): "The unions began a general strike.",
    ("labor", "strike"): "Dock workers launched a labor strike.",
    ("air", "strike"): "Israel carried out an air strike on Gaza.",
}

# (noun lemma, support verb) -> sentence
CARRIER_SENTENCES: dict[tuple[str, str], str] = {
    ("protest", "lodge"): "China lodged a protest with Japan.",
    ("protest", "file"): "The embassy filed a protest with the ministry.",
    ("protest", "deliver"): "Moscow delivered a protest to the ambassador.",
}

# Entries no natural sentence makes the current coder fire: (table, key) -> reason.
XFAIL: dict[tuple[str, object], str] = {}

TABLES = {
    "VERBS": (VERBS, VERB_SENTENCES),
    "NOUNS": (NOUNS, NOUN_SENTENCES),
    "NOUN_MODIFIERS": (NOUN_MODIFIERS, MODIFIER_SENTENCES),
    "CARRIER_RECODES": (CARRIER_RECODES, CARRIER_SENTENCES),
}


def _expected_rule(table: str, key) -> str:
    if table == "VERBS":
        lemma, particle = key
        return f"verb:{lemma} {particle}" if particle else f"verb:{lemma}"
    if table == "NOUNS":
        return f"noun:{key}"
    if table == "NOUN_MODIFIERS":
        return f"noun:{key[1]}"
    return f"noun:{key[0]}"   # CARRIER_RECODES: (noun, support verb)


def _case_id(table: str, key) -> str:
    words = key if isinstance(key, tuple) else (key,)
    return f"{table.lower()}:{'_'.join(w for w in words if w)}"


def _cases():
    for table, (lexicon, sentences) in TABLES.items():
        for key, sentence in sentences.items():
            if key not in lexicon:
                continue   # a stale sentence; test_every_entry_has_a_sentence reports it
            args = (table, key, sentence, lexicon[key].plover, _expected_rule(table, key))
            marks = [pytest.mark.xfail(reason=XFAIL[(table, key)], strict=True)] if (table, key) in XFAIL else []
            yield pytest.param(*args, id=_case_id(table, key), marks=marks)


@pytest.mark.parametrize("table", list(TABLES))
def test_every_entry_has_a_sentence(table):
    lexicon, sentences = TABLES[table]
    assert sorted(map(str, set(lexicon) - set(sentences))) == [], "lexicon entries without a test sentence"
    assert sorted(map(str, set(sentences) - set(lexicon))) == [], "test sentences for entries no longer in the lexicon"


@pytest.mark.parametrize(("table", "key", "sentence", "plover", "rule"), list(_cases()))
def test_entry_fires_on_its_sentence(analyze_text, table, key, sentence, plover, rule):
    analyzed = analyze_text(sentence, published=PUBLISHED)
    fired = [(e.plover_type, e.rule) for e in analyzed.events]
    assert any(e.plover_type == plover and (e.rule == rule or e.rule.startswith(rule + " + "))
               for e in analyzed.events), f"{sentence!r}: expected {plover} by {rule}, got {fired}"
