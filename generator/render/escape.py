"""How untrusted values reach the site: as text, whatever they hold.

Every value a page shows comes from an article, the metadata, a correction or the
gazetteer, so none of it may act. The pages are Markdown with raw HTML in it, read first by
Python-Markdown (with attr_list and md_in_html) and then by the browser; HTML escaping alone
leaves `[x](javascript:...)`, `{: onclick=...}` or `**` active. `text` makes a value inert for
both readers, `href` lets only relative links and http(s) URLs through, and `front_matter`
makes a YAML scalar that Material may print unescaped. The template environment
(render/pages.py) applies `text` to every `{{ ... }}` on its own; trusted HTML made in Python
is wrapped in `Markup`.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from generator.weburl import is_web_url

# HTML's five, and every character Markdown (and attr_list) gives a meaning inside a line,
# as numeric character references: Markdown leaves those alone and the browser shows the
# character.
_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~^<>&\"'"}
_ENTITIES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_TABLE = str.maketrans(_ENTITIES)
# C0/C1 controls (tab and line ends aside), and the code points YAML and XML refuse.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Any run of white space, line ends included: an inline value never starts a new block.
_SPACE = re.compile(r"\s+")
# What would open a list, a rule or a setext heading if the value began a line.
_BLOCK_START = re.compile(r"^( ?)(?:([-=])|(\d+)([.)])(?= |$))")


def text(value: object) -> Markup:
    """Plain text for a Markdown page: shown as written, never markup, on one line.

    Safe in a paragraph, heading, list item or table cell, in the content of an HTML
    element (md_in_html or not) and in a quoted HTML attribute. `Markup` passes unchanged:
    it is HTML the generator made itself.
    """
    if isinstance(value, Markup):
        return value
    plain = _SPACE.sub(" ", _CONTROL.sub("", str(value)))
    escaped = plain.translate(_TABLE)
    return Markup(_BLOCK_START.sub(_inert_block_start, escaped, count=1))


def _inert_block_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}&#{ord(match.group(2))};"
    return f"{match.group(1)}{match.group(3)}&#{ord(match.group(4))};"


class UnsafeURLError(ValueError):
    """A link target with a scheme other than http or https (javascript:, data:, ...)."""


def href(value: object) -> Markup:
    """A link target for a Markdown link or a quoted HTML attribute.

    Relative paths (site links) and absolute http(s) URLs pass, percent-encoded where a
    character could end the link or the attribute; any other scheme raises UnsafeURLError,
    so a `javascript:` URL can never become a link, not even by a template's mistake.
    """
    raw = _CONTROL.sub("", str(value)).strip()
    parts = urlsplit(raw)
    if parts.scheme and not is_web_url(raw):
        raise UnsafeURLError(f"link met een ander schema dan http(s): {raw[:80]!r}")
    if not parts.scheme and raw.startswith("//"):
        raise UnsafeURLError(f"link zonder schema naar een andere host: {raw[:80]!r}")
    # Keep URL syntax and existing %-escapes; encode quotes, spaces, brackets and the rest.
    encoded = quote(raw, safe="/:?#=&%@!$+,;~-._")
    return Markup(encoded.replace("&", "&amp;"))


def front_matter(value: object) -> Markup:
    """A YAML scalar for a page's front matter (title, description).

    Material prints `page.meta.title` and `description` unescaped (header, <title>, meta),
    so the value is `text` first, then quoted as JSON, which is valid YAML.
    """
    return Markup(json.dumps(str(text(value)), ensure_ascii=False))
