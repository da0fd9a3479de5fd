"""The outlet that published a page, read from the page's URL.

A reader that knows an article's URL but no site name (ECB+ keeps the URL as its first
"sentence") names the outlet by the URL's host: the packaged outlet table maps known domains
and their subdomains to the outlet's name ("articles.latimes.com" -> "Los Angeles Times"); an
unknown host stands for itself ("example-news.org"), as a JSON record's ``source_domain`` does.
Knowing the publisher lets relay detection tell a dateline credit of the outlet's own name
("(CNA)" on catholicnewsagency.com) from a relay of another outlet.
"""

from __future__ import annotations

from functools import cache

from newsprism.outlets.profiles import domain_of, load_outlet_table


@cache
def _table():
    return load_outlet_table()


def outlet_from_url(url: str | None) -> str | None:
    """Return the outlet name of a URL's host (a known outlet's name, else the host), or None."""
    host = domain_of(url) if url else None
    if not host:
        return None
    profile = _table().by_domain(host)
    return profile.name if profile else host
