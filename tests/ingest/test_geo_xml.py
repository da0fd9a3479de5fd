"""The geoparsing corpora's XML layout: each <article> is an article, its text kept as written."""

from __future__ import annotations

from newsprism.ingest.readers import read_file
from newsprism.records import RawArticle

LAYOUT = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>Ferry resumes service</title>
    <domain>www.harbourtimes.example</domain>
    <url>http://harbourtimes.example/ferry</url>
    <dltime>2011-05-02 10:00:00</dltime>
    <text><![CDATA[The ferry between Split and Hvar resumed on Monday.]]></text>
    <toponyms><toponym><start>18</start><end>23</end><phrase>Split</phrase></toponym></toponyms>
  </article>
  <article>
    <source>https://news.example/wiki/Outbreak</source>
    <text>Health officials in Lima reported new cases.</text>
    <locations/>
  </article>
  <article><title>Empty</title><text>  </text></article>
</articles>
"""


def test_each_article_element_is_an_article_with_its_text_unchanged(tmp_path):
    path = tmp_path / "corpus.xml"
    path.write_text(LAYOUT, encoding="utf-8")
    items = list(read_file(path, 10**7, {}))
    first, second, empty = items
    assert isinstance(first, RawArticle) and first.format == "geo-xml"
    assert first.text == "The ferry between Split and Hvar resumed on Monday."
    assert first.text[18:23] == "Split"                    # the corpus's offsets still point at the name
    assert (first.title, first.outlet, first.url) == ("Ferry resumes service", "harbourtimes.example", "http://harbourtimes.example/ferry")
    assert first.published is None                          # download time is not publication
    assert second.source == f"{path}#2" and second.url == "https://news.example/wiki/Outbreak" and second.title is None
    assert not isinstance(empty, RawArticle) and "no <text>" in empty.reason


def test_an_rss_file_is_still_a_feed(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Talks</title>'
                    "<description>Talks resumed in Geneva on Monday.</description></item></channel></rss>", encoding="utf-8")
    (item,) = list(read_file(path, 10**7, {}))
    assert item.format == "feed"
