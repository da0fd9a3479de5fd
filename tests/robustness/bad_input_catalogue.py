"""The bad inputs newsprism must survive, each with the outcome a user should get.

Shared by the robustness tests and ``benchmarks/bad_input_report.py``, so the figures in the
README count exactly the cases the tests check. Every file is generated here: nothing is
committed, and the external-entity cases point at a secret file the caller creates.
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

SECRET = "S3CRET-TOKEN-never-in-an-article"

# A plain paragraph every "correct result" case must come out holding.
SENTENCE = "The foreign minister said on Saturday that talks would resume in Geneva next week."
BODY = f"{SENTENCE} Officials from both delegations confirmed the plan to reporters late on Friday."
RUSSIAN = "Министр иностранных дел заявил в субботу, что переговоры возобновятся в Женеве на следующей неделе."
FRENCH = "Le ministre a déclaré à Genève que les négociations reprendront l'été prochain, çà et là."
GERMAN = "Die Außenministerin äußerte sich am Montag in Köln über größere Fortschritte."
CONTROL_TEXT = f"{SENTENCE}\x00 Officials\x07 confirmed\x1b the\x0b plan\x7f on\x85 Friday\x0c evening."
LONG_WORD = "Z" * 10_000
SQL_TEXT = f"{SENTENCE} Robert'); DROP TABLE articles;-- and ' OR '1'='1 were found in the leaked files."
SCRIPT_TEXT = f"{SENTENCE} <script>alert('x')</script> <img src=x onerror=alert(1)> appeared in the post."
LOL_EXPANDED = "lollollollol"


@dataclass(frozen=True, slots=True)
class BadInput:
    """One generated input file and what reading it must give."""

    name: str                  # case id, shown by pytest and the report
    filename: str
    data: bytes
    articles: int              # articles the file must yield
    errors: int = 0            # one-line errors the file must yield
    reason: str = ""           # a phrase every error's reason must contain
    contains: str = ""         # text the first article must hold
    excludes: tuple[str, ...] = ()  # text no article or error may hold
    in_batch: bool = True      # False for cases too large to parse in the CLI batch test

    @property
    def kind(self) -> str:
        return "article" if self.articles and not self.errors else "error" if not self.articles else "mixed"


def _rss(items: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<rss version="2.0"><channel><title>Wire</title>'
            f"{items}</channel></rss>").encode()


def _item(title: str, description: str) -> str:
    return f"<item><title>{title}</title><description>{description}</description>" \
           "<pubDate>Sat, 24 Jun 2023 10:00:00 GMT</pubDate></item>"


def _html(body: str, head: str = "<title>Talks</title>", prolog: str = "<!DOCTYPE html>") -> bytes:
    return f"{prolog}<html><head>{head}</head><body>{body}</body></html>".encode()


def _article_html(extra: str = "") -> str:
    return f"<article><h1>Talks to resume</h1><p>{BODY}</p>{extra}<p>{BODY.replace('Friday', 'Thursday')}</p></article>"


def _lines(*rows: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows).encode() + b"\n"


def empty_and_binary_cases() -> list[BadInput]:
    random_bytes = random.Random(7).randbytes(6000)
    return [
        BadInput("zero-byte txt", "zero.txt", b"", 0, 1, "empty file"),
        BadInput("zero-byte html", "zero.html", b"", 0, 1, "empty file"),
        BadInput("zero-byte rss", "zero.rss", b"", 0, 1, "empty file"),
        BadInput("zero-byte jsonl", "zero.jsonl", b"", 0, 1, "empty file"),
        BadInput("whitespace only", "blank.txt", b" \n\t\r\n  \n", 0, 1, "empty file"),
        BadInput("random bytes as txt", "random.txt", random_bytes, 0, 1, "binary file"),
        BadInput("random bytes as html", "random.html", random_bytes, 0, 1, "binary file"),
        BadInput("random bytes as rss", "random.rss", random_bytes, 0, 1, "binary file"),
        BadInput("random bytes as jsonl", "random.jsonl", random_bytes, 0, 1, "binary file"),
        BadInput("PNG as txt", "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random_bytes[:500], 0, 1, "PNG image"),
        BadInput("PDF as html", "report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 3 >>\nstream\n"
                 + random_bytes[:800], 0, 1, "PDF document"),
        BadInput("gzip as jsonl", "dump.jsonl", gzip.compress(_lines({"text": BODY}) * 50), 0, 1, "gzip archive"),
        BadInput("NUL-filled txt", "zeros.txt", b"\x00" * 4096, 0, 1, "binary file"),
        BadInput("short control-byte blob as txt", "blob.txt", b"\x00\x01\x02binary", 0, 1, "binary file"),
    ]


def encoding_cases() -> list[BadInput]:
    return [
        BadInput("cp1251 Russian", "russian-cp1251.txt", f"Переговоры\n{RUSSIAN}\n".encode("cp1251"), 1, contains=RUSSIAN),
        BadInput("koi8-r Russian", "russian-koi8.txt", f"Переговоры\n{RUSSIAN}\n".encode("koi8-r"), 1, contains=RUSSIAN),
        BadInput("latin-1 French", "french-latin1.txt", f"Négociations\n{FRENCH}\n".encode("latin-1"), 1, contains=FRENCH),
        BadInput("latin-1 German", "german-latin1.txt", f"Gespräche\n{GERMAN}\n".encode("latin-1"), 1, contains=GERMAN),
        BadInput("cp1252 curly quotes", "quotes-cp1252.txt",
                 "Talks\nThe minister said \u201cwe will return\u201d \u2014 in Geneva.\n".encode("cp1252"), 1,
                 contains="\u201cwe will return\u201d \u2014 in Geneva."),
        BadInput("UTF-8 with BOM", "bom-utf8.txt", codecs.BOM_UTF8 + f"Talks\n{BODY}\n".encode(), 1, contains=BODY),
        BadInput("UTF-16 LE with BOM", "utf16le-bom.txt", f"Talks\n{BODY}\n".encode("utf-16"), 1, contains=BODY),
        BadInput("UTF-16 BE with BOM", "utf16be-bom.txt", codecs.BOM_UTF16_BE + f"Talks\n{BODY}\n".encode("utf-16-be"), 1,
                 contains=BODY),
        BadInput("UTF-16 LE without BOM", "utf16le.txt", f"Talks\n{BODY}\n".encode("utf-16-le"), 1, contains=BODY),
        BadInput("UTF-16 BE without BOM", "utf16be.txt", f"Talks\n{BODY}\n".encode("utf-16-be"), 1, contains=BODY),
        BadInput("UTF-16 LE Russian without BOM", "utf16le-russian.txt", f"Переговоры\n{RUSSIAN}\n".encode("utf-16-le"), 1,
                 contains=RUSSIAN),
        BadInput("UTF-16 JSONL with BOM", "utf16.jsonl", _lines({"title": "Talks", "text": RUSSIAN}).decode().encode("utf-16"),
                 1, contains=RUSSIAN),
    ]


def hostile_text_cases() -> list[BadInput]:
    return [
        BadInput("control characters", "control.txt", f"Talks\n{CONTROL_TEXT}\n".encode(), 1,
                 contains="Officials confirmed the plan on Friday", excludes=("\x00", "\x07", "\x1b", "\x7f", "\x85")),
        BadInput("10,000-character word", "long-word.txt", f"Talks\n{SENTENCE} {LONG_WORD} was the code name.\n".encode(), 1,
                 contains=LONG_WORD),
        BadInput("SQL fragments", "sql.txt", f"Robert'); DROP TABLE articles;--\n{SQL_TEXT}\n".encode(), 1,
                 contains="Robert'); DROP TABLE articles;-- and ' OR '1'='1"),
        BadInput("script in plain text", "script.txt", f"<script>alert(1)</script>\n{SCRIPT_TEXT}\n".encode(), 1,
                 contains="<script>alert('x')</script>"),
    ]


def file_name_cases() -> list[BadInput]:
    return [
        BadInput("name with spaces", "name with  spaces.txt", f"Talks\n{BODY}\n".encode(), 1, contains=BODY),
        BadInput("name with newline", "name\nwith newline.txt", f"Talks\n{BODY} One.\n".encode(), 1, contains=BODY),
        BadInput("non-ASCII name", "Москва café 東京 ☃.txt", f"Talks\n{BODY} Two.\n".encode(), 1, contains=BODY),
        BadInput("name like a glob", "report [1] *draft?.txt", f"Talks\n{BODY} Three.\n".encode(), 1, contains=BODY),
        # "[/b]" spans a folder "markup[" and a file "b] [red].txt": rich would read it as a closing tag.
        BadInput("name like rich markup", "markup[/b] [red].txt", b"", 0, 1, "empty file"),
        BadInput("empty file with newline in name", "empty\nfile.txt", b"", 0, 1, "empty file"),
    ]


def html_cases(secret: Path) -> list[BadInput]:
    entity_subset = '<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' \
                    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    external = f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    return [
        BadInput("HTML without body", "head-only.html", b"<html><head><title>Only a head</title></head></html>", 0, 1,
                 "no article text"),
        BadInput("HTML script-only page", "script-only.html",
                 _html("<script>var story = 'not an article';</script><script src='app.js'></script>"
                       "<noscript><p>Please enable JavaScript to read this story.</p></noscript>"), 0, 1, "no article text"),
        BadInput("HTML with only navigation and footer", "chrome-only.html",
                 _html("<nav><p>Home | World | Business | Sport</p></nav>"
                       "<footer><p>Copyright 2023 The Daily Example. All rights reserved.</p></footer>"), 0, 1,
                 "no article text"),
        BadInput("HTML broken nesting", "broken.html",
                 f"<html><body><div><article><p>{SENTENCE} <b>Officials <i>from both</b> delegations</i> confirmed"
                 f"<div><p>the plan to reporters late on Friday.<p>{BODY}</span></td></body>".encode(), 1,
                 contains=SENTENCE),
        BadInput("HTML script beside the text", "script-in-body.html",
                 _html(_article_html("<script>alert('stolen')</script><style>p{}</style>")), 1, contains=SENTENCE,
                 excludes=("alert('stolen')",)),
        BadInput("XHTML with XML declaration", "page.xhtml",
                 b'<?xml version="1.0" encoding="UTF-8"?>\n' + _html(_article_html(), prolog=""), 1, contains=SENTENCE),
        BadInput("HTML entity expansion", "lol.html", _html(_article_html("<p>&lol3;</p>"), prolog=entity_subset), 1,
                 contains=SENTENCE, excludes=(LOL_EXPANDED,)),
        BadInput("HTML external entity", "xxe.html", _html(_article_html("<p>&xxe;</p>"), prolog=external), 1,
                 contains=SENTENCE, excludes=(SECRET,)),
        BadInput("HTML with control characters", "control.html", _html(_article_html("<p>Noise\x00\x1f\x08 here.</p>")), 1,
                 contains=SENTENCE, excludes=("\x00", "\x1f")),
        BadInput("HTML fragment: one short paragraph", "fragment.html", f"<p>{BODY}</p>".encode(), 1, contains=BODY),
    ]


def feed_cases(secret: Path) -> list[BadInput]:
    laughs = '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' \
             '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' \
             '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
    external = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    parameter = f'<!DOCTYPE rss [<!ENTITY % remote SYSTEM "file://{secret}"> %remote;]>'
    good = _item("Talks to resume", BODY)
    atom_external = (f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                     '<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>Talks</title>'
                     f'<content type="text">{BODY} &xxe;</content></entry></feed>').encode()
    huge_items = "".join(_item(f"Item {n}", f"{BODY} Update number {n}.") for n in range(3000))
    return [
        BadInput("RSS truncated mid-entry", "truncated.rss", _rss(good + _item("Second", BODY))[:-90], 1, 1,
                 "feed entry has no text", contains=SENTENCE),
        BadInput("RSS truncated in the header", "header-only.rss", _rss(good)[:70], 0, 1, "feed has no entries"),
        BadInput("RSS entry without text among good ones", "gap.rss",
                 _rss(good + "<item><title>No body</title></item>" + _item("Third", BODY + " Again.")), 2, 1,
                 "feed entry has no text", contains=SENTENCE),
        BadInput("RSS billion laughs", "laughs.rss", _rss(_item("Laugh", "&lol4;"), laughs), 0, 1, "refused unsafe XML",
                 excludes=(LOL_EXPANDED,)),
        BadInput("RSS external entity", "xxe.rss", _rss(_item("Leak", f"{BODY} &xxe;"), external), 0, 1,
                 "refused unsafe XML", excludes=(SECRET,)),
        BadInput("RSS external parameter entity", "xxe-param.rss", _rss(good, parameter), 0, 1, "refused unsafe XML",
                 excludes=(SECRET,)),
        BadInput("Atom external entity", "xxe.atom", atom_external, 0, 1, "refused unsafe XML", excludes=(SECRET,)),
        BadInput("XML external entity", "xxe.xml", _rss(_item("Leak", f"{BODY} &xxe;"), external), 0, 1,
                 "refused unsafe XML", excludes=(SECRET,)),
        BadInput("RSS link outside its folder", "outside-link.rss",
                 _rss(f"<item><title>Leak</title><link>file://{secret}</link><description>{BODY}</description></item>"
                      f"<item><title>Leak</title><link>../{secret.name}</link><description>{BODY} Again.</description></item>"),
                 2, contains=SENTENCE, excludes=(SECRET,)),
        BadInput("RSS with script in entry", "script.rss",
                 _rss(_item("Talks", f"&lt;p&gt;{SENTENCE}&lt;/p&gt;&lt;script&gt;alert('feed')&lt;/script&gt;")), 1,
                 contains=SENTENCE, excludes=("alert('feed')",)),
        BadInput("RSS invalid character references", "charref.rss",
                 _rss(_item("Bad &#xD800; reference &#0;", f"{BODY} &#1114112; &#x1F600;")), 1, contains=SENTENCE),
        BadInput("huge RSS (3,000 entries)", "huge.rss", _rss(huge_items), 3000, contains=SENTENCE, in_batch=False),
    ]


def jsonl_cases() -> list[BadInput]:
    return [
        BadInput("JSONL broken lines and wrong types", "mixed.jsonl", _lines(
            {"title": "Talks", "text": BODY, "outlet": "Wire", "published": "2023-06-24"},
            '{"title": "cut off", "text": "The minist',
            "[1, 2, 3]",
            '"just a string"',
            "null",
            {"title": 5, "text": BODY},
            {"text": 123},
            {"text": BODY, "published": "last Tuesday"},
            {"text": BODY, "published": 20230624},
            {"text": BODY, "published": "0001-01-01"},
            {"text": None, "title": "no text"},
            {"text": "   \n\t "},
            {"text": "\x00\x01\x02"},
            "[" * 50_000 + "]" * 50_000,
            {"text": f"{BODY} Lone \ud800 surrogate.", "title": "Line\nbreak \ud800 title"},
            {"text": f"{BODY} Second good line.", "outlet": "Other Wire"},
        ), 3, 13, contains=SENTENCE),
        BadInput("JSONL lines all broken", "broken.jsonl", b"{\n{{\n}\n", 0, 3, "line is not JSON"),
    ]


def json_cases() -> list[BadInput]:
    good = {"title": "Talks", "text": BODY, "outlet": "Wire", "published": "2023-06-24"}
    return [
        BadInput("JSON list with bad records", "batch.json", json.dumps([
            good, "just a string", None, {"text": 123}, {"text": [1, 2]}, {"title": "no text"},
            {"maintext": f"{BODY} Crawler fields.", "date_publish": "2023-06-24 10:00:00"},
            {"text": BODY, "published": "Tue, 99 Foo 2023"},
        ]).encode(), 2, 6, contains=SENTENCE),
        BadInput("JSON cut off", "cut.json", b'{"title": "cut off", "text": "The minist', 0, 1, "not JSON"),
        BadInput("JSON nested 50,000 deep", "deep.json", b"[" * 50_000 + b"]" * 50_000, 0, 1, "nests too deeply"),
        BadInput("JSON empty list", "none.json", b"[]", 0, 1, "holds no articles"),
        BadInput("JSON number", "number.json", b"42", 0, 1, "neither an article object nor a list"),
    ]


def grouped_cases(secret: Path) -> dict[str, list[BadInput]]:
    """Return the catalogued cases by kind; ``secret`` is a file the external-entity payloads point at."""
    return {
        "empty and binary": empty_and_binary_cases(),
        "encodings": encoding_cases(),
        "hostile text": hostile_text_cases(),
        "file names": file_name_cases(),
        "HTML": html_cases(secret),
        "RSS/Atom": feed_cases(secret),
        "JSONL": jsonl_cases(),
        "JSON": json_cases(),
    }


def all_cases(secret: Path) -> list[BadInput]:
    """Return every catalogued case in one list."""
    return [case for cases in grouped_cases(secret).values() for case in cases]


def write_case(folder: Path, case: BadInput) -> Path:
    """Write the case's file into ``folder`` and return its path."""
    path = folder / case.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(case.data)
    return path


def write_secret(folder: Path) -> Path:
    """Write the file the external-entity payloads try to read, and return its path."""
    path = folder / "secret.txt"
    path.write_text(SECRET)
    return path
