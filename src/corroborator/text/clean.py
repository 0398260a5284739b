"""Plain-text cleaning: site furniture removal, title and dateline detection.

Users paste articles copied from news sites: a section label, a headline, a byline and a
dateline, body paragraphs, and site furniture anywhere (photo credits, share bars, newsletter
boxes, comment forms, "read also" teasers, copyright footers). This module labels every
non-empty line as ``title``, ``body`` or ``furniture:<category>`` and rebuilds the body.

Why line-level rules and not a model: the input is already split into lines by the site's
own layout, furniture phrasings are few and stable per language, and a dropped body sentence
loses a claim downstream. So the rules are biased towards keeping text:

1. *Strict* lexicon patterns (``furniture_lexicon.STRICT``) are specific phrases that remove
   a line even if it reads like a sentence ("Your email address will not be published.").
2. *Weak* patterns and structural cues (URL-only lines, "a | b | c" bars, short ALL-CAPS
   labels, social-network word lists, "By Jane Doe") only remove lines that do **not** look
   like a body sentence (see :func:`looks_like_sentence`).
3. Position: unmatched short lines before the headline are section labels; unmatched
   headline-like lines after the last body sentence are footer links; headline-like lines
   right after a "Related"/"Read also" label are the teasers it introduces.
4. Repetition: a line seen before is dropped if its first occurrence was kept (pull quotes,
   headlines repeated in share boxes); short non-sentence lines that occur more than once are
   site chrome and all their occurrences go.

All patterns are compiled once at import; a typical article (50 lines) takes well under a
millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pycld2

from corroborator.text import furniture_lexicon as lex
from corroborator.text.furniture_dates import TIME_SPAN, date_spans, find_date

__all__ = ["CleanedText", "clean_lines", "clean_text", "looks_like_sentence"]


@dataclass
class CleanedText:
    """Result of :func:`clean_text`.

    ``removed`` lists every dropped line (stripped, input order); the title is not listed as
    removed. ``line_labels`` has one ``(line, label)`` pair per non-empty input line, where
    label is ``"title"``, ``"body"`` or ``"furniture:<category>"``.
    """

    title: str | None
    text: str
    removed: list[str] = field(default_factory=list)
    published: str | None = None
    line_labels: list[tuple[str, str]] = field(default_factory=list)


# --- compiled rules -----------------------------------------------------------------------

# Zero-width characters dropped and no-break spaces made plain before matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Bullets in front of a line and separators/punctuation after it, ignored when matching.
_LEAD_CHARS = " \t•·*▶►▸■□●◆>»›→|-–—"
_TRAIL_CHARS = " \t:.!»›>|→-–—•·*"
_TERMINAL = re.compile(r"[.!?…。！？]['\"»”’)\]」』]*$|\.\.\.['\"»”’)\]]*$")
_ENDS_SENTENCE = re.compile(r"[.!…。！]['\"»”’)\]」』]*$")
#: Han, kana and other scripts written without spaces: two characters count as one word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)\s*[»›>]?$")
_URL_ONLY = re.compile(
    r"(?:https?://\S+|www\.\S+|@\w{2,}(?:\s+@\w{2,})*|(?:#\w+\s*)+|[\w.+-]+@[\w-]+\.[\w.]+)",
    re.IGNORECASE,
)
_BAR_SPLIT = re.compile(r"\s*[|•·]\s*|\s+/\s+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A token that can be part of a person's name or a role line after it.
_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’.-]*|[A-ZÀ-ÖØ-ÞА-ЯЁ]\.")
_NAME_JOINERS = lex.wordset(
    "and und et y i и & van von de der den del da di le la du dos das mit with"
)
_DATE_ABBREV_END = re.compile(r"(?:a\.m|p\.m|\br|\bg|\bг|\bh)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    """A lexicon compiled for speed.

    Categories with trigger substrings (their patterns start with a wildcard) are tried one by
    one, only when a trigger occurs in the line. All other categories form one alternation
    with a named group per category, so a line costs one regex call instead of twenty.
    Patterns are lower-cased and matched against the lower-cased line without IGNORECASE,
    which is about twice as fast for non-ASCII text.
    """

    gated: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    combined: re.Pattern[str] | None
    names: tuple[str, ...]


def _alternation(by_lang: dict[str, list[str]]) -> str:
    return "|".join(f"(?:{p.lower()})" for lang in sorted(by_lang) for p in by_lang[lang])


def _compile(
    table: dict[str, dict[str, list[str]]], triggers: dict[str, tuple[str, ...]]
) -> _Rules:
    """Compile a category -> language -> patterns table (see ``_Rules``)."""
    gated = tuple(
        (category, re.compile(_alternation(by_lang), re.DOTALL), triggers[category])
        for category, by_lang in table.items()
        if category in triggers
    )
    names = tuple(category for category in table if category not in triggers)
    combined = (
        re.compile("|".join(f"(?P<{c}>{_alternation(table[c])})" for c in names), re.DOTALL)
        if names
        else None
    )
    return _Rules(gated=gated, combined=combined, names=names)


def _match(rules: _Rules, low: str) -> str | None:
    """Category whose pattern matches the whole (lower-cased) core of a line, or None."""
    for category, rx, words in rules.gated:
        if any(map(low.__contains__, words)) and rx.fullmatch(low):
            return category
    if rules.combined is None:
        return None
    m = rules.combined.fullmatch(low)
    if m is None:
        return None
    return next(c for c in rules.names if m.group(c) is not None)


_STRICT = _compile(lex.STRICT, lex.TRIGGERS)
_WEAK = _compile(lex.WEAK, {})
_READ_MORE_TAIL = re.compile(
    r".{1,300}?(?:read more|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|"
    r"czytaj dalej|czytaj więcej|читать далее|подробнее)",
    re.IGNORECASE,
)
# A caption ending with an agency credit and no final period: "Rescue workers near the dam
# on Monday | AFP", "... vainqueur. AFP", "Firefighters at work / dpa". Only the line's tail
# is searched, which keeps the agency alternation cheap.
_AGENCY_TAIL = re.compile(
    rf"(?:^|[\s|/–—(-])(?:{lex.AGENCIES.lower()})(?:\s*/\s*[\w .'-]{{1,40}})?\)?$"
)
_AGENCY_TAIL_CHARS = 60
_DATELINE_WORDS = lex.DATELINE_WORDS
_BYLINE_WORDS = frozenset(lex.BYLINE_WORDS)

# A line longer than this is a paragraph, never furniture: skipping the patterns keeps the
# cost linear in the number of lines and stops greedy patterns from eating a paragraph.
_MAX_FURNITURE_CHARS = 600
# Titles are shorter than this (the brief's "short-ish"); longer lines are body text.
_MAX_TITLE_CHARS = 200
# Datelines are short: "Published on Monday 3 March 2025 at 9:41 a.m. EDT | Updated ..."
# fits; longer lines are prose and skip the (costly) date search.
_MAX_DATELINE_WORDS = 20
# A line ending in an acronym with periods: "I.R.S.", "U.S.", "G.O.P.".
_ACRONYM_END = re.compile(r"\b(?:[A-Z]\.){2,}['\"’”]?$")
# Characters that open a list item in pasted text.
_LIST_MARKS = "-–•*·▪◦"
# Share of capitalised words from which a line reads as an English Title-Case headline.
_TITLE_CASE_SHARE = 0.7
# Teaser headlines following a "Related" label: at most this many are dropped with it.
_MAX_RELATED_BLOCK = 12
# A photo credit at the end of a caption, whatever its wording: "(Rachel Ngata / Carrow
# Gazette)", "... near the dam / Servicio Forestal". A name group is one to five capitalised
# tokens (name joiners allowed inside); the parenthesised form needs two groups around "/".
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’.&-]*"
_NAME_GROUP = rf"{_CAP}(?:\s+(?:{_CAP}|de|del|la|le|van|von|der|di|da|du)){{0,4}}"
_CREDIT_TAIL = re.compile(
    rf"(?:\(\s*{_NAME_GROUP}(?:\s*/\s*{_NAME_GROUP})+\s*\)|\s/\s{_NAME_GROUP}"
    rf"(?:\s*/\s*{_NAME_GROUP})*)$"
)
# Short labels judged by language: at most this many words (captions, credit labels).
_MAX_FOREIGN_WORDS = 8
# The body's language is read from its first sentences, up to this many characters.
_LANGUAGE_SAMPLE_CHARS = 2000
# A "label: value" line whose label recurs is chrome ("Zdroj: ČTK" ... "Zdroj: Reuters").
_LABEL_PREFIX = re.compile(r"([^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?)\s*:\s*(\S.{0,80})")


def _normalise(line: str) -> str:
    """Single spaces, no zero-width characters (str methods: this runs on every line)."""
    if _INVISIBLE.search(line):
        line = _INVISIBLE.sub("", line)
    return " ".join(line.split())


def _core(line: str) -> str:
    """The line without bullets in front and separators or punctuation at the end."""
    return line.lstrip(_LEAD_CHARS).rstrip(_TRAIL_CHARS)


def _key(line: str) -> str:
    """Identity of a line for the repetition rule: case and spacing do not matter."""
    return _core(line).casefold()


def looks_like_sentence(line: str) -> bool:
    """True when a line reads like body prose rather than a label.

    Six or more words ending in sentence punctuation (., !, ?, … with optional closing
    quotes), or 25+ words whatever the ending. Weak and structural rules never remove such a
    line; only a strict lexicon pattern can.
    """
    n = word_count(line)
    if n >= 25:
        return True
    return n >= 6 and bool(_TERMINAL.search(line))


def word_count(line: str) -> int:
    """Whitespace words, plus one per two characters of scripts written without spaces."""
    return len(line.split()) + len(_UNSPACED.findall(line)) // 2


def _starts_body(line: str) -> bool:
    """First body line for title detection: a sentence that is not a question.

    Headlines rarely end with a period but do end with "?", so a question does not start the
    body by itself. Nor does a Title-Case line ending in an abbreviation ("... From the
    I.R.S.", "... Tells U.S."): English headlines capitalise most words, sentences do not.
    """
    words = line.split()
    n = word_count(line)
    if n >= 25 or len(line) > _MAX_TITLE_CHARS:
        return True
    if n < 6 or not _ENDS_SENTENCE.search(line):
        return False
    return not (_ACRONYM_END.search(line) and len(words) < 20 and _title_case(words))


def _title_case(words: list[str]) -> bool:
    """At least 70% of the words start with a capital (German prose capitalises ~40%)."""
    capitals = sum(1 for w in words if w[:1].isupper() or (w[:1] in "'\"‘“«" and w[1:2].isupper()))
    return capitals >= _TITLE_CASE_SHARE * len(words)


def _headline_like(line: str) -> bool:
    """Short text without sentence-final punctuation (labels, headlines, link texts)."""
    return len(line.split()) <= 15 and not _TERMINAL.search(line)


def _dateline(line: str) -> bool:
    """A line that is a date/time stamp, possibly with a keyword, a place or a name.

    After removing dates, times, time zones, weekdays and keywords ("Published", "Stand",
    "Mis à jour le", ...), at most two words may remain ("BERLIN", "Jane Doe"), or four when a
    keyword says it is a timestamp. A line ending with a period is a sentence ("The dam broke
    on 3 March 2025."), unless the period belongs to "a.m." or "r.".
    """
    if len(line.split()) > _MAX_DATELINE_WORDS:
        return False
    spans = date_spans(line)
    if not spans:
        return False
    pieces, last = [], 0
    for start, end, _ in spans:
        if start >= last:
            pieces.append(line[last:start])
            last = end
    pieces.append(line[last:])
    residual = TIME_SPAN.sub(" ", " ".join(pieces))
    words = [w.casefold() for w in _WORD.findall(residual)]
    keyword = any(w in _DATELINE_WORDS and len(w) > 3 for w in words)
    rest = [w for w in words if w not in _DATELINE_WORDS]
    if line.rstrip().endswith(".") and not _DATE_ABBREV_END.search(line.rstrip()) and not keyword:
        return False
    return len(rest) <= (4 if keyword else 2)


def _byline(line: str) -> bool:
    """ "By Jane Doe", "Von Anna Müller und Jan Kowalski, Berlin", "Par Jean Dupont | AFP".

    The keyword must be followed by a capitalised name and the line must not be a sentence,
    so "By Monday, 300 people had left." and "Par ailleurs, ..." stay in the body.
    """
    parts = line.split(None, 1)
    if len(parts) != 2 or len(line.split()) > 14 or _TERMINAL.search(line):
        return False
    head = parts[0].rstrip(":").casefold()
    if head not in _BYLINE_WORDS:
        return False
    rest = parts[1].lstrip(": ")
    first = rest.split(None, 1)[0] if rest else ""
    return bool(first) and bool(_NAME_TOKEN.fullmatch(first.rstrip(",")))


def _name_line(line: str) -> bool:
    """A bare author line such as "Jane Doe" or "Anna Müller, Berlin correspondent".

    Two to four capitalised tokens (or name joiners) before any comma or bar, seven words in
    all, no digits, no final punctuation: Title-Case headline fragments ("Mayor Dvorak Housing
    Proposals Unveiled, Marking ...") are longer. Only used between the headline and the
    first body sentence.
    """
    if _TERMINAL.search(line) or any(ch.isdigit() for ch in line) or len(line.split()) > 7:
        return False
    name = line.split(",", 1)[0].split("|", 1)[0].strip()
    tokens = name.split()
    if not 2 <= len(tokens) <= 4:
        return False
    return all(_NAME_TOKEN.fullmatch(t) or t.casefold() in _NAME_JOINERS for t in tokens) and bool(
        _NAME_TOKEN.fullmatch(tokens[0])
    )


def _structural(line: str, core: str) -> str | None:
    """Cues that do not depend on wording: URLs, bars, ALL-CAPS labels, share-word lists."""
    if _URL_ONLY.fullmatch(core):
        return "url"
    words = [w.casefold() for w in _WORD.findall(core)]
    if words and all(w in lex.SOCIAL_WORDS for w in words):
        return "share"
    if _byline(core):
        return "byline"
    parts = [p for p in _BAR_SPLIT.split(core) if p]
    if len(parts) >= 2 and all(len(p.split()) <= 5 for p in parts):
        return "nav"
    letters = [ch for ch in core if ch.isalpha()]
    cased = [ch for ch in letters if ch.lower() != ch.upper()]  # CJK has no capitals
    all_caps = len(cased) >= 2 and len(cased) == len(letters) and core == core.upper()
    if all_caps and word_count(core) <= 5:
        return "label"
    return None


def _classify(line: str) -> str | None:
    """Furniture category of one normalised, non-empty line judged on its own, or None."""
    core = _core(line)
    if not core:
        return "separator"
    if len(core) > _MAX_FURNITURE_CHARS:
        return None
    low = core.lower()
    category = _match(_STRICT, low)
    if category is not None:
        return category
    if _dateline(line):
        return "dateline"
    if _ELLIPSIS_END.search(line) and _READ_MORE_TAIL.fullmatch(_core(line.rstrip(" .…»›>"))):
        return "related"
    if looks_like_sentence(line):
        return None
    category = _match(_WEAK, low)
    if category is not None:
        return category
    if _AGENCY_TAIL.search(low[-_AGENCY_TAIL_CHARS:]) and len(core.split()) >= 3:
        return "caption"
    credit = _CREDIT_TAIL.search(line)
    if credit is not None and len(line[: credit.start()].split()) >= 4:
        return "caption"
    return _structural(line, core)


# --- document-level passes ----------------------------------------------------------------


def _related_blocks(lines: list[str], labels: list[str | None]) -> None:
    """Teasers right after a bare "Related"/"Lesen Sie auch" label belong to it.

    The block runs over headline-like lines and "…" teasers and stops at the first line that
    reads like a body sentence, so an article that resumes after the box is kept.
    """
    i = 0
    while i < len(lines):
        if labels[i] == "related" and len(_core(lines[i]).split()) <= 5:
            j = i + 1
            taken = 0
            while j < len(lines) and taken < _MAX_RELATED_BLOCK:
                line = lines[j]
                if labels[j] is None:
                    if _ELLIPSIS_END.search(line) or not looks_like_sentence(line):
                        labels[j] = "related"
                    else:
                        break
                taken += 1
                j += 1
            i = j
        else:
            i += 1


def _header(lines: list[str], labels: list[str | None], title_hint: str | None) -> int | None:
    """Find the headline and label the lines around it; returns the title's index or None.

    The header zone is every unlabelled line before the first body sentence. With a
    `title_hint`, the line equal to it (ignoring case and spacing) is the title wherever it
    is. Otherwise the first header line of 4+ words under 200 characters is the title (or,
    failing that, the last one of 2+ words), provided a body sentence follows. Header lines
    before the title are section labels or site names; after it, a bare name is a byline and
    anything else (a standfirst without a period) stays body.
    """
    open_idx = [i for i, lab in enumerate(labels) if lab is None]
    body_start = next((i for i in open_idx if _starts_body(lines[i])), None)
    title: int | None = None
    if title_hint:
        hint = _key(_normalise(title_hint))
        title = next((i for i in open_idx if _key(lines[i]) == hint), None)
    header = [i for i in open_idx if body_start is None or i < body_start]
    if title is None and body_start is not None:
        candidates = [i for i in header if len(lines[i]) < _MAX_TITLE_CHARS]
        title = next((i for i in candidates if word_count(lines[i]) >= 4), None)
        if title is None:
            title = next((i for i in reversed(candidates) if word_count(lines[i]) >= 2), None)
    limit = body_start if body_start is not None else len(lines)
    for i in header:
        if i == title or i >= limit:
            continue
        if title is None or i < title:
            if _headline_like(lines[i]) and word_count(lines[i]) <= 6:
                labels[i] = "section"
        elif _name_line(lines[i]):
            labels[i] = "byline"
    if title is not None:
        labels[title] = "title"
    return title


def _footer(lines: list[str], labels: list[str | None]) -> None:
    """Headline-like lines after the last body sentence are footer links, tags or site names.

    List items ("- 300 people evacuated", "• Roads closed"), lines with digits and lead-ins
    ending with ":" are spared: an article may end with a list of facts, and those carry
    claims. (Furniture lead-ins such as "Related:" are caught by the lexicon first.)
    """
    last_body = None
    for i, lab in enumerate(labels):
        if lab is None and looks_like_sentence(lines[i]):
            last_body = i
    if last_body is None:
        return
    for i in range(last_body + 1, len(lines)):
        line = lines[i]
        if labels[i] is not None or not _headline_like(line):
            continue
        if line[:1] in _LIST_MARKS or line.endswith(":") or any(ch.isdigit() for ch in line):
            continue
        labels[i] = "footer"


def _repeats(lines: list[str], labels: list[str | None]) -> None:
    """Repeated lines: keep a body line's first occurrence, drop every repeated label.

    A short non-sentence line that occurs twice or more ("Advertisement"-like chrome in a
    wording the lexicon lacks) goes entirely; a repeated sentence or headline is a pull quote
    or a share-box echo and only its later occurrences go.
    """
    counts: dict[str, int] = {}
    for line in lines:
        key = _key(line)
        counts[key] = counts.get(key, 0) + 1
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = _key(line)
        if counts[key] < 2:
            continue
        if key in seen:
            if labels[i] is None or labels[i] == "title":
                labels[i] = "repeat"
        elif labels[i] is None and len(line.split()) <= 8 and not looks_like_sentence(line):
            labels[i] = "repeat"
        seen.add(key)


def _cld2(text: str) -> str | None:
    """CLD2's language code for `text` when it is sure, else None."""
    try:
        reliable, _, details = pycld2.detect(text, bestEffort=False)
    except pycld2.error:
        return None
    code = details[0][1] if details else "un"
    return code if reliable and code not in ("un", "xxx") else None


def _foreign_labels(lines: list[str], labels: list[str | None]) -> None:
    """Short label lines in another language than the body are captions or credits.

    A caption label pasted from another site or language edition ("zdroj fotografie" in an
    English article) matches no word list. It is recognised by three things at once: it is
    short and not a sentence; its common words (lower-case words, and the first word; names
    are left out, since a name reads as any language) occur nowhere in the body; and CLD2 is
    sure of a language for those words that is not the body's. A subheading shares the
    body's language, a line of names has no common words, so both stay.
    """
    candidates: list[tuple[int, list[str]]] = []
    sentences: list[str] = []
    for i, line in enumerate(lines):
        if labels[i] is not None:
            continue
        if looks_like_sentence(line):
            sentences.append(line)
            continue
        if word_count(line) > _MAX_FOREIGN_WORDS:
            continue
        words = _WORD.findall(_core(line))
        common = [
            w.casefold() for k, w in enumerate(words) if (k == 0 or w.islower()) and not w.isupper()
        ]
        if any(len(w) >= 4 for w in common):
            candidates.append((i, common))
    if not candidates or not sentences:
        return
    text = " ".join(sentences)
    body_language = _cld2(text[:_LANGUAGE_SAMPLE_CHARS])
    if body_language is None:
        return
    vocabulary = {w.casefold() for w in _WORD.findall(text)}
    for i, common in candidates:
        if any(w in vocabulary for w in common):
            continue
        language = _cld2(" ".join(common))
        if language is not None and language != body_language:
            labels[i] = "caption"


def _label_repeats(lines: list[str], labels: list[str | None]) -> None:
    """Lines of the form "label: short value" whose label occurs twice or more are chrome.

    "Zdroj: ČTK" and "Zdroj: Reuters" under two pictures share the label, not the line, so
    the exact-repeat rule misses them. The value must not read as a sentence (an interview's
    "Smith: We will rebuild." stays).
    """
    keys: list[str | None] = []
    for line in lines:
        m = _LABEL_PREFIX.fullmatch(_core(line))
        ok = m is not None and not looks_like_sentence(line) and not _TERMINAL.search(line)
        keys.append(m.group(1).casefold() if ok and m is not None else None)
    counts: dict[str, int] = {}
    for key in keys:
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    for i, key in enumerate(keys):
        if key is not None and counts[key] >= 2 and labels[i] is None:
            labels[i] = "caption"


def _label_lines(
    lines: list[str], title_hint: str | None, detect_title: bool
) -> tuple[list[str | None], int | None]:
    labels: list[str | None] = [_classify(line) for line in lines]
    _related_blocks(lines, labels)
    title = _header(lines, labels, title_hint) if detect_title else None
    _footer(lines, labels)
    _repeats(lines, labels)
    _label_repeats(lines, labels)
    _foreign_labels(lines, labels)
    return labels, title


def _published(lines: list[str], labels: list[str | None], language: str | None) -> str | None:
    """Publication date from dateline/byline lines; a "Published ..." stamp wins over others."""
    stamps = [lines[i] for i, lab in enumerate(labels) if lab in ("dateline", "byline", "nav")]
    for line in stamps:
        folded = line.casefold()
        for word in lex.PUBLISHED_WORDS:
            pos = folded.find(word)
            if pos >= 0:
                found = find_date(line[pos:], language)
                if found:
                    return found
    for line in stamps:
        found = find_date(line, language)
        if found:
            return found
    return None


def clean_text(raw: str, language: str | None = None, title_hint: str | None = None) -> CleanedText:
    """Split pasted article text into title, body and furniture.

    `language` (ISO 639-1, optional) only breaks ties in date parsing; furniture patterns of
    every language always apply. `title_hint` is a known headline (e.g. from JSONL): the
    line equal to it becomes the title and leaves the body.

    Paragraphs are separated by blank lines in the input; when the input has no blank lines
    at all (one paragraph per line, as many sites copy), each kept line is a paragraph.
    Never raises on text input; empty or furniture-only input gives an empty body.
    """
    if not isinstance(raw, str):
        return CleanedText(title=None, text="", removed=[], published=None, line_labels=[])
    raw_lines = raw.splitlines()
    positions = [i for i, line in enumerate(raw_lines) if line.strip()]
    lines = [_normalise(raw_lines[i]) for i in positions]
    labels, title_idx = _label_lines(lines, title_hint, detect_title=True)

    line_labels: list[tuple[str, str]] = []
    removed: list[str] = []
    for line, lab in zip(lines, labels, strict=True):
        if lab is None:
            line_labels.append((line, "body"))
        elif lab == "title":
            line_labels.append((line, "title"))
        else:
            line_labels.append((line, f"furniture:{lab}"))
            removed.append(line)

    has_blank_separators = (
        any(not raw_lines[i].strip() for i in range(positions[0], positions[-1] + 1))
        if positions
        else False
    )
    paragraphs: list[list[str]] = []
    current: list[str] = []
    kept_at = {
        p: line for p, line, lab in zip(positions, lines, labels, strict=True) if lab is None
    }
    for i, raw_line in enumerate(raw_lines):
        if not raw_line.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        if i in kept_at:
            current.append(kept_at[i])
            if not has_blank_separators:
                paragraphs.append(current)
                current = []
    if current:
        paragraphs.append(current)

    return CleanedText(
        title=lines[title_idx] if title_idx is not None else None,
        text="\n\n".join("\n".join(p) for p in paragraphs),
        removed=removed,
        published=_published(lines, labels, language),
        line_labels=line_labels,
    )


def clean_lines(lines: list[str], language: str | None = None) -> tuple[list[str], list[str]]:
    """Apply the furniture rules, without title detection, to already-extracted lines.

    For text another extractor produced (trafilatura on HTML): returns ``(kept, removed)``,
    both stripped and in input order; blank lines are ignored. `language` is accepted for
    symmetry with :func:`clean_text`; furniture patterns of all languages always apply.
    """
    normalised = [_normalise(line) for line in lines if line and line.strip()]
    labels, _ = _label_lines(normalised, None, detect_title=False)
    kept = [line for line, lab in zip(normalised, labels, strict=True) if lab is None]
    removed = [line for line, lab in zip(normalised, labels, strict=True) if lab is not None]
    return kept, removed
