"""Small word lists the resolution rules share, each with the reason it exists."""

from __future__ import annotations

# Sectors of state and armed actors: these belong to the country the text is about when the
# text names none. A business or a civilian gets no such guess.
DOMESTIC = {"GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"}   # spaCy labels that may name an actor
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
THING_PRONOUNS = {"its", "itself"}
DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
INDEFINITE = {"a", "an", "some", "many", "several", "numerous", "few", "most", "other", "another", "any", "each",
              "every", "all", "both", "dozens", "hundreds", "thousands", "one", "two", "three", "four", "five",
              "six", "seven", "eight", "nine", "ten", "no", "such", "more", "fewer"}
# Last words that make a capitalised name an organisation or a place whatever the tagger says
# ("Drovna Courier", "Selva Dam").
ORG_WORDS = {"courier", "voice", "times", "post", "news", "one", "tv", "radio", "party", "group", "company",
             "ministry", "service", "council", "committee", "agency", "bank", "university", "guard", "front",
             "army", "union", "movement", "league", "association", "institute", "foundation", "corporation",
             "network", "press", "herald", "tribune", "observer", "gazette", "journal", "telegraph", "wire",
             "daily", "channel", "office", "court", "assembly", "parliament", "forces", "brigade", "battalion"}
PLACE_WORDS = {"dam", "river", "valley", "province", "region", "district", "city", "town", "village", "street",
               "square", "bridge", "airport", "port", "sea", "lake", "mountains", "island", "islands", "oblast",
               "county", "state", "plant", "station", "base", "camp", "hall", "palace", "gates", "bay", "gulf"}
# Words that may sit inside a title before a name: "top", "special" in "UN special envoy".
TITLE_FILLERS = {"of", "top", "special", "senior", "deputy", "acting", "former", "chief", "foreign", "defense",
                 "defence", "interior", "presidential", "state", "prime", "first", "vice", "national", "security",
                 "foreign-policy", "military", "then", "outgoing", "incoming", "new", "powerful", "veteran", "the",
                 "affairs", "general", "mercenary", "rebel", "opposition", "army", "police", "regional", "district"}
GROUP_OF_REBELS = {"REB", "OPP"}
LOCATIVE = {"in", "into", "across", "throughout", "near", "inside", "within", "outside"}
STATE_WORDS = {"republic", "kingdom", "federation", "emirates", "principality", "confederation"}
FIRST_PERSON = {"our", "my", "your", "we", "us"}
NAME_HOWS = {"name", "alias", "gazetteer", "pronoun"}
# Words between a locative preposition and a place: "in eastern Veldora".
DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "neighbouring", "neighboring"}
# Verbs whose subject is a speaker: an unknown one-word "place" that says something is a person.
SPEECH_LEMMAS = {"say", "tell", "warn", "add", "announce", "write", "claim", "deny", "insist", "stress", "accuse",
                 "urge", "promise", "vow", "declare", "argue", "reply", "explain", "note", "confirm"}
# Words of credit lines and page furniture that the tagger may take for a name ("Source: ...",
# "Photo: ..."): never an actor's name.
NOT_NAMES = {"source", "sources", "photo", "photos", "image", "images", "credit", "caption", "file", "video",
             "update", "updated", "editing", "reporting", "advertisement", "read more", "related"}
