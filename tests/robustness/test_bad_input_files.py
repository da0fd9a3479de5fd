"""Each bad input, read alone: a correct article, or one line naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import UnreadableArticle, one_line
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.readers import expand_inputs, read_file
from newsprism.records import RawArticle
from tests.robustness.bad_input_catalogue import (
    BODY,
    SECRET,
    BadInput,
    all_cases,
    write_case,
    write_secret,
)

LIMIT = 20_000_000
# The secret's folder only has to exist for the payloads to name it; it is written per test.
CASES = all_cases(Path("/tmp/newsprism-robustness/secret.txt"))


@pytest.fixture()
def inputs(tmp_path) -> tuple[Path, Path]:
    """Return (folder for the inputs, secret file beside that folder, as payloads expect)."""
    secret = write_secret(tmp_path)
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder, secret


def read(path: Path, max_bytes: int = LIMIT) -> tuple[list[RawArticle], list[UnreadableArticle]]:
    items = list(read_file(path, max_bytes))
    return ([i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, UnreadableArticle)])


def check_case(case: BadInput, path: Path) -> None:
    """Assert the outcome the catalogue promises for one case."""
    articles, errors = read(path)
    assert (len(articles), len(errors)) == (case.articles, case.errors), [str(e) for e in errors]
    for error in errors:
        message = str(error)
        assert "\n" not in message and "\r" not in message
        assert message.startswith(one_line(str(path))), message
        assert case.reason in error.reason, message
        assert not error.reason.startswith("could not parse"), f"unexpected exception reached the safety net: {message}"
    if case.contains:
        assert case.contains in articles[0].text
    for article in articles:
        assert article.text.strip()
        assert article.text.encode("utf-8")  # storable: no lone surrogates
        assert article.title is None or "\n" not in article.title
    for unwanted in case.excludes:
        assert all(unwanted not in a.text and unwanted not in (a.title or "") for a in articles)
        assert all(unwanted not in str(e) for e in errors)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_article_or_one_line_error(case, inputs):
    folder, secret = inputs
    case = next(c for c in all_cases(secret) if c.name == case.name)  # payloads naming this test's secret
    check_case(case, write_case(folder, case))


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"Huge\n")
        out.write(f"{BODY}\n".encode() * (50_000_000 // (len(BODY) + 1) + 1))
    articles, errors = read(path)
    assert not articles
    assert str(errors[0]) == f"{path}: file is 50.0 MB, over the 20 MB limit (--max-file-mb)"


def test_large_file_under_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "large.txt"
    paragraph = f"{BODY}\n".encode()
    path.write_bytes(b"Large file\n" + paragraph * (19_000_000 // len(paragraph)))
    articles, errors = read(path)
    assert not errors and len(articles) == 1
    assert articles[0].title == "Large file"
    assert len(articles[0].text) > 18_000_000 and articles[0].text.endswith(BODY)


def test_limit_is_a_setting(tmp_path):
    path = tmp_path / "two-mb.txt"
    path.write_bytes(b"Title\n" + f"{BODY}\n".encode() * 20_000)
    assert "over the 1 MB limit" in str(read(path, max_bytes=1_000_000)[1][0])
    assert read(path, max_bytes=5_000_000)[0]


def test_unreadable_file_names_the_reason(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(f"Title\n{BODY}\n")
    path.chmod(0)
    try:
        if path.open("rb"):  # running as root: permissions do not apply
            pytest.skip("file permissions are not enforced for this user")
    except PermissionError:
        articles, errors = read(path)
        assert not articles and str(errors[0]) == f"{path}: cannot read file (Permission denied)"
    finally:
        path.chmod(0o644)


def test_a_folder_and_a_missing_path_are_reported_not_read(tmp_path):
    files, missing, *_ = expand_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "none-*.txt")])
    assert files == []
    assert [str(m) for m in missing] == [f"{tmp_path / 'nope.txt'}: no such file or folder",
                                         f"{tmp_path / 'none-*.txt'}: no file matches this pattern"]


def test_file_named_like_a_glob_is_that_file(tmp_path):
    (tmp_path / "report 1.txt").write_text(f"Other\n{BODY}\n")
    named = tmp_path / "report [1].txt"
    named.write_text(f"Named\n{BODY}\n")
    files, missing, *_ = expand_inputs([str(named)])
    assert files == [named] and not missing


# Each row needs one ranking rule of decode._legacy_decode to come out right.
LEGACY_TEXTS = [
    # fewest stray symbols: as cp1252 this reads "powiedzia³ w œrodê"
    ("Prezydent powiedział w środę.", "cp1250"),
    # language coherence: as cp1252 this reads "zahranièí øekl", letters but not Czech
    ("Ministr zahraničí řekl, že jednání budou pokračovat příští týden v Ženevě.", "cp1250"),
    # DOS code pages last: as cp775 this reads "ōwe will returnö Ś"
    ("The minister said \u201cwe will return\u201d \u2014 in Geneva.", "cp1252"),
    # common code page first: as cp1250 this reads "ŕ Genčve"
    ("Le ministre a déclaré à Genève que les négociations reprendront.", "latin-1"),
    ("Die Außenministerin äußerte sich am Montag in Köln über die Gespräche.", "latin-1"),
    ("Міністр закордонних справ заявив, що переговори продовжаться в Женеві.", "cp1251"),
    ("Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе.", "koi8-r"),
    ("Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
]


@pytest.mark.parametrize(("text", "encoding"), LEGACY_TEXTS, ids=[e for _, e in LEGACY_TEXTS])
def test_legacy_code_pages_decode_to_the_original_text(text, encoding):
    assert decode_bytes(text.encode(encoding), "<test>") == text


def test_one_line_escapes_what_would_break_a_line():
    assert one_line("a\nb\rc\td\x1be\u2028f") == "a\\nb\\rc\\td\\x1be\\u2028f"
    assert one_line("Москва café 東京 [red]") == "Москва café 東京 [red]"


def test_jsonl_good_lines_keep_their_fields(tmp_path):
    case = next(c for c in all_cases(tmp_path / "secret.txt") if c.name == "JSONL broken lines and wrong types")
    articles, errors = read(write_case(tmp_path, case))
    assert [(a.outlet, str(a.published)) for a in articles] == [("Wire", "2023-06-24"), (None, "None"), ("Other Wire", "None")]
    # The lone surrogate is dropped from text and title, and the title's line break is gone.
    assert articles[1].title == "Line break title" and "Lone  surrogate." in articles[1].text
    reasons = [e.reason for e in errors]
    assert "\"published\" '0001-01-01' is outside the years 1800 to 2200" in reasons
    assert "line nests too deeply to parse" in reasons
    assert "field 'title' must be a string" in reasons and "field 'text' must be a string or a list of paragraphs" in reasons


def test_secret_never_leaks_through_any_case(tmp_path):
    secret = write_secret(tmp_path)
    folder = tmp_path / "inputs"
    folder.mkdir()
    for case in all_cases(secret):
        if not case.in_batch:
            continue
        for item in read_file(write_case(folder, case), LIMIT):
            assert SECRET not in str(item) and SECRET not in getattr(item, "text", "")


def test_bad_manifest_lines_are_reported_and_good_ones_used(tmp_path):
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join([
        '{"file": "a.txt", "outlet": "Valley Times", "published": "2025-01-07", "title": "Dam\\nseized\\u0000"}',
        '{"file": "b.txt", "outlet": 7, "published": "0001-01-01"}',
        '{"file": ',
        '["a.txt"]',
        "[" * 50_000 + "]" * 50_000,
        '{"file": "c.txt", "published": ' + "9" * 5_000 + "}",   # past Python's integer-string limit
    ]) + "\n")
    (tmp_path / "a.txt").write_text(f"Headline\n{BODY}\n")
    (tmp_path / "b.txt").write_text(f"Other\n{BODY} More.\n")
    manifests: dict = {}
    first = list(read_file(tmp_path / "a.txt", LIMIT, manifests))
    second = list(read_file(tmp_path / "b.txt", LIMIT, manifests))
    errors = [str(i) for i in first + second if isinstance(i, UnreadableArticle)]
    assert errors.pop().startswith(f"{manifest}#6: manifest line is not JSON we can read (Exceeds the limit")
    assert errors == [  # reported once, with the folder's first file
        f"{manifest}#2: manifest field 'outlet' must be a string; ignored",
        f"{manifest}#2: manifest \"published\" is not an ISO date between 1800 and 2200: '0001-01-01'; ignored",
        f"{manifest}#3: manifest line is not JSON (Expecting value)",
        f"{manifest}#4: manifest line needs a \"file\" field",
        f"{manifest}#5: manifest line nests too deeply to parse",
    ]
    (a,) = [i for i in first if isinstance(i, RawArticle)]
    (b,) = [i for i in second if isinstance(i, RawArticle)]
    assert (a.outlet, str(a.published), a.title) == ("Valley Times", "2025-01-07", "Dam seized")
    assert (b.outlet, b.published, b.title) == (None, None, "Other")


def test_binary_or_empty_manifest_leaves_the_articles_readable(tmp_path):
    (tmp_path / "a.txt").write_text(f"Headline\n{BODY}\n")
    (tmp_path / "manifest.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    items = list(read_file(tmp_path / "a.txt", LIMIT, {}))
    assert [str(i) for i in items if isinstance(i, UnreadableArticle)] == [
        f"{tmp_path / 'manifest.jsonl'}: binary file (PNG image), not text"]
    assert [i.title for i in items if isinstance(i, RawArticle)] == ["Headline"]
    (tmp_path / "manifest.jsonl").write_bytes(b"")
    assert [type(i) for i in read_file(tmp_path / "a.txt", LIMIT, {})] == [RawArticle]
