"""Main-text and metadata extraction from one HTML news page.

trafilatura does the hard part (finding the article body among navigation, share bars,
related links and comments, and reading title, date and site name from metadata). Around it
this module adds what the report needs:

* ``removed``: every visible line of the page that did not make it into the article text, so
  a reader can audit what cleaning dropped (the report's ``removed`` field).
* Robustness: malformed HTML, fragments, huge pages and non-HTML never raise; library errors
  turn into ``None`` ("no article text"), which the caller reports as a skip with a reason.
* Determinism: htmldate's default latest-allowed date is *today*, which would make output
  depend on the day it runs; we pin the window instead.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from corroborator.text.language import normalize_language_code

__all__ = ["MAX_REMOVED_LINES", "HtmlArticle", "extract_html", "visible_lines"]

log = logging.getLogger(__name__)

MAX_REMOVED_LINES = 200
"""At most this many removed lines are listed; a final "… N more lines" entry counts the rest."""

# Lines at least this long are also counted as kept when they occur inside the extracted text
# (trafilatura sometimes joins or re-splits blocks). Shorter lines must match a whole
# extracted line, otherwise a menu item such as "News" would match any sentence containing it.
_MIN_SUBSTRING_MATCH = 25

# htmldate only accepts dates in this window. Fixed bounds keep the output independent of the
# day the extraction runs (its default upper bound is the current date).
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,  # prefer the publication date over "last updated"
    "extensive_search": False,  # metadata only: no guessing from dates in the body text
    "min_date": "1990-01-01",
    "max_date": "2099-12-31",
}

# A full page must yield at least one line of prose: this many words, or this many CJK
# characters (scripts written without spaces). Link lists, menus and teaser grids that
# trafilatura sometimes returns from index pages have no such line.
_MIN_PROSE_WORDS = 6
_MIN_PROSE_CJK = 12
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# lxml refuses these (not XML-compatible), and they never carry meaning in a news page.
_INVALID_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_ANY_TAG = re.compile(r"<[a-zA-Z!/?]")
_HAS_BLOCK_TAG = re.compile(r"<(?:p|h[1-6]|blockquote|li|div|article|section)\b", re.IGNORECASE)

# Elements whose content a reader never sees as text.
_INVISIBLE = frozenset(
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "select", "datalist", "video", "audio", "map",
    }
)  # fmt: skip
# Elements that start a new visual line.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "button", "caption",
        "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label",
        "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section",
        "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Page furniture containers: a page that has them is a full page, not a body fragment.
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
# Containers whose paragraphs the fragment fallback must not take as article text.
_FALLBACK_EXCLUDED = _FURNITURE | {"figure", "figcaption", "button", "label", "dialog"}
_FALLBACK_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre")


@dataclass
class HtmlArticle:
    """What one HTML page yields: article text plus metadata and the audit of removals."""

    title: str | None
    text: str  # main text, paragraphs separated by "\n\n"
    published: str | None  # ISO "YYYY-MM-DD" from page metadata
    language: str | None  # ISO 639-1 from <html lang>, meta tags or trafilatura
    url: str | None  # canonical or og:url
    outlet: str | None  # og:site_name or trafilatura's site name
    removed: list[str] = field(default_factory=list)


def _collapse(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _sanitise(html: str) -> str:
    return _INVALID_CHARS.sub("", _XML_DECLARATION.sub("", html, count=1))


# huge_tree lifts libxml2's default nesting limit (256 levels); without it the text of more
# deeply nested pages is silently dropped. Beyond libxml2's hard maximum (about 2,000 levels)
# content is still lost and such a page yields no article.
_PARSER = lxml_html.HTMLParser(huge_tree=True)


def _parse(html: str) -> Any | None:
    """Parse into an lxml document (always with <html> and <body>), or None if impossible."""
    try:
        return lxml_html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        log.debug("lxml could not parse the page: %s", exc)
        return None


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def visible_lines(root: Any) -> list[str]:
    """Visible text of a parsed page, one entry per visual line, whitespace collapsed.

    Block elements (``p``, ``div``, ``li``, headings, ``br`` …) start new lines; inline
    elements (``a``, ``b``, ``span`` …) stay within the line. Invisible content (``head``,
    ``script``, ``style``, ``noscript``, ``template`` …) and elements marked ``hidden`` are
    skipped. Iterative, so deeply nested pages cannot exhaust the recursion limit.
    """
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event in ("comment", "pi"):
            if el.tail:
                parts.append(el.tail)
            continue
        tag = _tag(el)
        if event == "start":
            if tag in _INVISIBLE or el.get("hidden") is not None:
                walker.skip_subtree()
                continue
            if tag in _BLOCK:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    lines = (_collapse(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _meta(root: Any, *keys: str) -> str | None:
    """First non-empty ``content`` of a <meta> whose property/name/http-equiv is in keys."""
    wanted = {k.lower() for k in keys}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("http-equiv") or "").lower()
        if key in wanted:
            content = _collapse(el.get("content") or "")
            if content:
                return content
    return None


def _page_language(root: Any, fallback: str | None) -> str | None:
    candidates = [
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        root.get("xml:lang"),
        _meta(root, "content-language", "language", "dc.language", "og:locale"),
        fallback,
    ]
    for cand in candidates:
        code = normalize_language_code((cand or "").split(",")[0])
        if code:
            return code
    return None


def _canonical_url(root: Any) -> str | None:
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and (el.get("href") or "").strip():
            return str(el.get("href")).strip()
    return _meta(root, "og:url")


def _fragment_text(root: Any) -> str:
    """Paragraph text of a body *fragment*, used only when trafilatura finds nothing.

    trafilatura is built for whole pages: below a few hundred characters it returns nothing,
    and it needs page structure to score blocks. Readers also hand us article bodies as HTML
    fragments (JSONL ``html`` fields, feed ``content:encoded``), which are the article already.
    So when the page has no furniture containers (nav, header, footer, aside, form), its
    paragraphs are taken as the text. On a full page with furniture we trust trafilatura's
    "no article here" (index pages, 404s, paywalls) and return nothing.
    """
    body = root.find("body")
    if body is None:
        return ""
    if any(_tag(el) in _FURNITURE for el in body.iter()):
        return ""
    paragraphs: list[str] = []
    for el in body.iter(*_FALLBACK_BLOCKS):
        if any(
            _tag(a) in _FALLBACK_EXCLUDED | {"p", "li", "blockquote"} for a in el.iterancestors()
        ):
            continue  # nested blocks are read with their outermost block
        text = _collapse(" ".join(visible_lines(el)))
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _has_prose(lines: list[str]) -> bool:
    return any(
        len(line.split()) >= _MIN_PROSE_WORDS or len(_CJK.findall(line)) >= _MIN_PROSE_CJK
        for line in lines
    )


def _drop_leading_title(lines: list[str], title: str | None) -> list[str]:
    """trafilatura keeps an in-article <h1> on some layouts and not on others; the headline
    is reported as ``title``, so it is dropped from the body for a consistent text."""
    if title and lines and lines[0].casefold() == _collapse(title).casefold():
        return lines[1:]
    return lines


def _untagged_text(text: str) -> str:
    """Input with no tags at all is plain text handed over as HTML (a JSONL ``html`` field
    holding text). trafilatura accepts some such inputs and rejects others, so they are
    handled here alike: blank-line paragraphs, kept only if at least one reads as prose, which
    also keeps mis-decoded binary out."""
    paragraphs = [_collapse(p) for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    return "\n\n".join(paragraphs) if _has_prose(paragraphs) else ""


def _removed_lines(page_lines: list[str], text: str, title: str | None) -> list[str]:
    kept_lines = {_collapse(line) for line in text.split("\n") if line.strip()}
    blob = _collapse(text)
    skip = {_collapse(title)} if title else set()
    seen: set[str] = set()
    removed: list[str] = []
    for line in page_lines:
        if line in seen or line in kept_lines or line in skip:
            continue
        if len(line) >= _MIN_SUBSTRING_MATCH and line in blob:
            continue
        seen.add(line)
        removed.append(line)
    if len(removed) > MAX_REMOVED_LINES:
        extra = len(removed) - MAX_REMOVED_LINES
        removed = [*removed[:MAX_REMOVED_LINES], f"… {extra} more lines"]
    return removed


def _run_trafilatura(html: str, favor_precision: bool) -> Any | None:
    # Imported here: trafilatura and its dependencies cost ~0.25 s of start-up, which a
    # `compare` over plain-text or JSON Lines files should not pay.
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # third-party parser code: any failure means "no text found"
        log.debug("trafilatura failed: %s: %s", type(exc).__name__, exc)
        return None


def extract_html(
    html: str, source: str = "", *, favor_precision: bool = False
) -> HtmlArticle | None:
    """Extract the article from one HTML page, or return ``None`` if it has no article text.

    ``source`` only labels debug logs. ``favor_precision`` is passed to trafilatura: False
    (the default) keeps borderline paragraphs, because a lost body paragraph loses claims
    while leftover furniture lines are removed again by ``text.clean``.

    The text keeps literal characters: an escaped ``&lt;script&gt;`` in the page becomes the
    text ``<script>``; escaping for output is the report's job.
    """
    if not isinstance(html, str) or not html.strip():
        return None
    clean = _sanitise(html)
    root = _parse(clean)
    doc = _run_trafilatura(clean, favor_precision)
    title = _collapse(getattr(doc, "title", None) or "") or None
    raw_text = (getattr(doc, "text", None) or "") if doc is not None else ""
    lines = [line for line in (_collapse(x) for x in raw_text.split("\n")) if line]
    lines = _drop_leading_title(lines, title)
    text = "\n\n".join(lines) if _has_prose(lines) else ""
    if not text and root is not None and _HAS_BLOCK_TAG.search(clean):
        text = _fragment_text(root)
    if not text and not _ANY_TAG.search(clean):
        text = _untagged_text(clean)
    if not text:
        log.debug("no article text in %s", source or "<html>")
        return None

    date = getattr(doc, "date", None)
    published = date if isinstance(date, str) and _ISO_DAY.match(date) else None
    url = getattr(doc, "url", None) or None
    outlet = getattr(doc, "sitename", None) or None
    language = normalize_language_code(getattr(doc, "language", None))
    removed: list[str] = []
    if root is not None:
        if title is None:
            title = _collapse(root.findtext(".//title") or "") or None
        language = _page_language(root, language)
        url = url or _canonical_url(root)
        outlet = _meta(root, "og:site_name") or outlet
        removed = _removed_lines(visible_lines(root), text, title)
    return HtmlArticle(
        title=title,
        text=text,
        published=published,
        language=language,
        url=url,
        outlet=outlet,
        removed=removed,
    )
