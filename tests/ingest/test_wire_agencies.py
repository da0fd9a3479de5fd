"""The packaged table of news agencies knows their names and abbreviations."""

from __future__ import annotations

from newsprism.ingest.wire_agencies import agency_pattern, canonical_outlet, wire_agency


def test_agency_names_and_abbreviations_resolve_to_one_agency():
    assert wire_agency("AFP").canonical == wire_agency("Agence France-Presse").canonical == "Agence France-Presse"
    assert wire_agency("the Associated Press").canonical == "Associated Press"
    assert wire_agency("ITAR-TASS").canonical == wire_agency("the TASS news agency").canonical == "TASS"
    assert wire_agency("RIA Novosti").country == "RU"
    for name in ("Xinhua", "Anadolu Agency", "UNIAN", "Ukrinform", "dpa", "EFE", "ANSA", "Kyodo", "Yonhap", "IRNA", "Interfax"):
        assert wire_agency(name) is not None, name


def test_short_abbreviations_match_only_as_written():
    # "ap" and "pa" are not the agencies; words that merely contain a name are not either.
    assert wire_agency("ap") is None and wire_agency("Pa") is None
    assert agency_pattern().findall("a map of the Capitol, then (Reuters) - and later — AFP") == ["Reuters", "AFP"]


def test_outlet_names_fold_to_one_key():
    assert canonical_outlet("washingtonpost.com") == canonical_outlet("WashingtonPost")
    assert canonical_outlet("AP") == canonical_outlet("The Associated Press")


def test_every_name_of_a_profiled_outlet_is_one_outlet():
    assert canonical_outlet("WSJ") == canonical_outlet("The Wall Street Journal")
    assert canonical_outlet("RussiaToday") == canonical_outlet("RT")
    assert canonical_outlet("the Egyptian MENA news agency") == canonical_outlet("MENA")
    assert canonical_outlet("Veldora One") != canonical_outlet("RT")
