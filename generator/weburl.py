"""What counts as a web address: the one test for every URL an editor or article gives."""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL with a host, parsed as a reader's browser would parse it."""
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
