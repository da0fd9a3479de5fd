"""Read the geoparsing gold in ../shared/corpus/geo (LGL, TR-News, GeoVirus) into plain records.

Offsets are repaired as corpus/README.md says: GeoVirus's are one past the name, and some
TR-News ones are shifted by one, so each gold span is moved to the name nearest its offset.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

GEO = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "geo"
SETS = {"LGL": "lgl.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    feature_code: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    corpus: str
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]

    @property
    def half(self) -> str:
        """Return "dev" or "test", by a hash of the article id."""
        return "dev" if int(hashlib.sha256(f"{self.corpus}:{self.id}".encode()).hexdigest(), 16) % 2 == 0 else "test"


def _float(node, tag):
    value = node.findtext(tag)
    return float(value) if value not in (None, "") else None


def _repair(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    if text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2):
        if text[start + shift:end + shift] == name:
            return start + shift, end + shift
    near = text.find(name, max(0, start - 20))
    return (near, near + len(name)) if near >= 0 and near - start < 40 else (start, end)


def read(corpus: str) -> list[GoldArticle]:
    """Return the articles of one gold set with repaired toponym offsets."""
    root = ET.parse(GEO / SETS[corpus]).getroot()
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        article_id = node.get("docid") or node.findtext("source") or str(number)
        toponyms = []
        for t in list(node.iter("toponym")) + list(node.iter("location")):
            name = t.findtext("phrase") or t.findtext("name") or ""
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if corpus == "GeoVirus":
                start, end = start - 1, end - 1
            start, end = _repair(text, start, end, name)
            tag = t.find("gaztag")
            if tag is not None:
                toponyms.append(GoldToponym(start, end, name, int(tag.get("geonameid")) if tag.get("geonameid") else None,
                                            _float(tag, "lat"), _float(tag, "lon"), tag.findtext("fcode")))
            else:
                toponyms.append(GoldToponym(start, end, name, None, _float(t, "lat"), _float(t, "lon"), None))
        articles.append(GoldArticle(corpus, article_id, text, tuple(toponyms)))
    return articles
