"""A well-known person's country and sector are those of the office held on the article's date.

The roles come from people.tsv (hand-kept, with dates where given) and phoenix_people.tsv
(compiled from PETRARCH2's actor dictionaries, which stop about 2016). The sentences are ours.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.actors.gazetteer import Entry, Role, base_gazetteer, parse_roles


def person(analyzed, surname):
    found = [a for a in analyzed.actors if a.kind == "person" and a.name.split()[-1] == surname]
    assert found, f"no person {surname!r} among {[a.name for a in analyzed.actors]}"
    return found[0]


@pytest.mark.parametrize(("published", "expected"), [
    ("2007-06-01", ("USA", "LEG")),    # a senator
    ("2012-06-01", ("USA", "GOV")),    # the president
    (None, ("USA", "GOV")),            # undated: the table's default
])
def test_obama_on_the_articles_date(analyze_text, published, expected):
    a = analyze_text("Obama told reporters the bill would pass before the summer recess.", published=published)
    found = person(a, "Obama")
    assert (found.country, found.sector) == expected


def test_lavrov_as_un_envoy_in_2003(analyze_text):
    # Lavrov was Russia's ambassador to the UN until 2004: still Russia's, still its government.
    a = analyze_text("Lavrov said the draft resolution went too far.", published="2003-02-20")
    assert (person(a, "Lavrov").country, person(a, "Lavrov").sector) == ("RUS", "GOV")


@pytest.mark.parametrize(("published", "expected"), [
    ("2005-05-01", ("KOR", "GOV")),    # South Korea's foreign minister
    ("2010-05-01", (None, "IGO")),     # UN Secretary-General: no country
])
def test_ban_ki_moon_changes_country_and_sector(analyze_text, published, expected):
    a = analyze_text("Ban Ki-moon urged both sides to return to the table.", published=published)
    found = person(a, "Ki-moon") if any(x.name.endswith("Ki-moon") for x in a.actors) else person(a, "Ban")
    assert (found.country, found.sector) == expected


def test_a_person_only_the_compiled_table_knows(analyze_text):
    # A Kenyan vice-president of 2003-2008, in no hand-kept table.
    during = analyze_text("Moody Awori refused to step down over the scandal.", published="2006-03-01")
    assert (person(during, "Awori").country, person(during, "Awori").sector) == ("KEN", "GOV")
    after = analyze_text("Moody Awori refused to comment on the scandal.", published="2012-03-01")
    assert (person(after, "Awori").country, person(after, "Awori").sector) == ("KEN", None)


def test_what_the_text_says_wins_over_the_date(analyze_text):
    a = analyze_text("Senator Barack Obama visited the border on Friday.", published="2012-06-01")
    assert person(a, "Obama").sector == "LEG"


def test_a_day_between_two_offices_keeps_only_a_shared_country():
    entry = Entry("person", "A. Example", "USA", "GOV", "person", roles=parse_roles(
        "USA LEG 2005-01-03 2008-11-16; USA GOV 2009-01-20 2017-01-20"))
    assert entry.role_on(date(2006, 1, 1)) == ("USA", "LEG")
    assert entry.role_on(date(2008, 12, 1)) == ("USA", None)      # between the two
    assert entry.role_on(None) == ("USA", "GOV")                   # undated: the default
    moved = Entry("person", "B. Example", None, "IGO", "person",
                  roles=(Role("KOR", "GOV", date(2004, 1, 1), date(2006, 12, 1)), Role(None, "IGO", date(2007, 1, 1))))
    assert moved.role_on(date(2006, 12, 20)) == (None, None)       # two countries: none guessed


def test_hand_kept_roles_replace_compiled_ones():
    # PETRARCH2 leaves Obama's presidency open-ended; people.tsv closes it in 2017.
    obama = base_gazetteer().known_person(["Barack Obama"])
    assert obama.curated and obama.role_on(date(2020, 1, 1)) == ("USA", None)


@pytest.mark.shared
def test_the_committed_tables_are_what_the_converter_makes(tmp_path, monkeypatch):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "compile_phoenix_actors.py"
    spec = importlib.util.spec_from_file_location("compile_phoenix_actors", script)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(__import__("sys").modules, spec.name, module)   # its dataclasses look it up
    spec.loader.exec_module(module)
    committed = module.DATA
    monkeypatch.setattr(module, "DATA", tmp_path)
    monkeypatch.setattr("sys.argv", ["compile_phoenix_actors.py"])
    module.main()
    for name in ("phoenix_people.tsv", "phoenix_groups.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (committed / name).read_text(encoding="utf-8")
