"""Rule-based paragraph and sentence splitting for news text in many languages.

Why rules and not a model: claims carry character offsets into the cleaned text, so the
splitter must be exact (``text[s.start:s.end] == s.text``), fast (it runs over every article)
and deterministic. News prose is regular enough that a candidate-and-veto scheme works well:

1. Paragraph breaks (a blank line, i.e. ``"\\n"`` + optional spaces + ``"\\n"``) always end a
   sentence. A single newline is treated as ordinary whitespace (hard-wrapped text).
2. Inside a paragraph, a *candidate* boundary is terminal punctuation (``. ! ? …`` and
   combinations), optionally followed by closing quotes or brackets, followed by whitespace or
   the paragraph end. CJK full stops (``。！？``) and a few script-specific marks (``। ؟ ۔``)
   end a sentence even without a following space.
3. Each candidate is vetoed or kept by looking at the token before it (abbreviations,
   initials, numbers) and at the first letter after it (lowercase means the sentence goes on).

Abbreviations come in three kinds per language:

* ``prefix``: words that introduce what follows (``Mr.``, ``Dr.``, ``z.B.``, ``np.``,
  ``т.е.``); a period after them never ends a sentence.
* ``final``: abbreviations that often end a sentence (``etc.``, ``Inc.``, ``r.`` in Polish
  "w 2024 r.", ``г.`` in Russian "в 2024 г."); the sentence ends only when the next word starts
  with an uppercase letter.
* ``acronym``: dotted acronyms (``U.S.``, ``EE.UU.``); these are usually followed by a
  capitalised name ("U.S. President"), so they end a sentence only when the next word is a
  typical sentence opener (a determiner, pronoun or conjunction from ``_STARTERS``).

Languages with their own rules: see ``SUPPORTED_LANGUAGES``. Any other language gets the
shared rules (international abbreviations, initials, numbers, quotes), which behave sensibly
for most languages written with spaces between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborator.model import Sentence
from corroborator.text.calendar import ZONES

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Paragraph",
    "split_paragraphs",
    "split_sentences",
]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph span; ``start``/``end`` are offsets into the text it was split from."""

    start: int
    end: int
    text: str


# --- abbreviation tables --------------------------------------------------------------------
# Entries are written without the final period. Internal periods are kept ("z.B", "U.S").
# Entries are matched case-sensitively, because "No." (number) and "no." (the word) differ;
# an all-lowercase entry also matches its capitalised form, since a sentence may begin with it
# ("Ca. 300 Menschen", "Np. wtedy").

_COMMON_PREFIX = {
    "e.g", "i.e", "vs", "cf", "approx", "Dr", "Prof", "No", "Nr", "Nos", "Fig", "ca",
}  # fmt: skip
_COMMON_FINAL = {"etc", "al", "Inc", "Ltd", "Corp", "Co", "Jr", "Sr", "Bros", "Mt"}

_EN_MONTHS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}

_LANG_PREFIX: dict[str, set[str]] = {
    "en": {
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
        "Capt", "Cmdr", "Sgt", "Maj", "Adm", "Rev", "Hon", "Pres", "Supt", "Insp", "Det",
        "Ft", "Pt", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Mx", "Nos", "Vol", "pp",
        "ed", "est", "ext",
    },
    "de": {
        "z.B", "u.a", "bzw", "Nr", "Dr", "Str", "ca", "d.h", "Mio", "Mrd", "Tsd", "Hr", "Fr",
        "Hrsg", "vgl", "ggf", "evtl", "inkl", "exkl", "zzgl", "sog", "gem", "lt", "Abs",
        "Art", "Bd", "St", "Prof", "Dipl", "Ing", "geb", "gest", "Mag", "o.g", "u.U", "z.T",
        "i.d.R", "s.o", "s.u", "v.a", "z.Zt", "u.v.m", "Tel", "Jh", "Jhd", "Min", "Std",
    },
    "fr": {
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "St", "Ste", "Dr", "Pr",
        "av", "bd", "p.ex", "cf", "env", "n°", "vol", "art", "chap", "éd", "hab",
    },
    "es": {
        "Sr", "Sra", "Sres", "Srta", "Dña", "D", "Dª", "Da", "Lic", "Ing", "Arq",
        "Gral", "Av", "Avda", "Pdte", "Excmo", "Excma", "Ilmo", "Sto", "Sta", "Dr", "Dra",
        "núm", "pág", "aprox", "p.ej", "tel", "ud", "uds", "vol",
    },
    "pl": {
        "m.in", "tzw", "np", "ul", "godz", "prof", "dr", "hab", "inż", "mgr", "ks", "pl",
        "al", "os", "gen", "płk", "mjr", "kpt", "por", "św", "ok", "nr", "pt", "tj", "wg",
        "im", "woj", "pow", "gm", "ds", "tel", "zob", "ang", "niem", "ros", "fr",
        "min", "sek", "pkt", "art", "ust",
    },
    "ru": {
        "т.е", "т.к", "т.н", "т.ч", "ул", "пр", "просп", "пер", "д", "им", "см", "напр",
        "проф", "акад", "ген", "г-н", "г-жа", "св", "ст", "стр", "рис", "обл", "р-н", "пос",
        "с", "ок", "пл", "наб", "тел", "и.о", "зам", "ред", "гл",
    },
}  # fmt: skip

_LANG_FINAL: dict[str, set[str]] = {
    "en": _EN_MONTHS | {"Ltd", "Inc", "Corp", "Co", "Jr", "Sr", "Esq", "PhD", "a.m", "p.m"},
    "de": {"usw", "etc", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sept", "Okt", "Nov",
           "Dez", "GmbH", "bzgl", "Chr", "Uhr"},
    "fr": {"etc", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "Cie"},
    "es": {"etc", "ene", "feb", "abr", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
           "S.A", "S.L", "Cía"},
    "pl": {"r", "tys", "mln", "mld", "zł", "itd", "itp", "gr", "wyd", "Sp",
           "sp", "o.o", "S.A", "z.o.o", "p.n.e", "n.e", "km", "proc"},
    "ru": {"т.д", "т.п", "г", "гг", "млн", "млрд", "тыс", "руб", "коп", "др", "пр", "в",
           "вв", "н.э", "л", "мин", "сек", "ч"},
}  # fmt: skip

_LANG_ACRONYM: dict[str, set[str]] = {
    "en": {"U.S", "U.K", "U.N", "E.U", "D.C", "L.A", "N.Y"},
    "es": {"EE.UU", "EE. UU", "UU", "FF.AA", "CC.OO"},
    "de": {"U.S.A", "U.S"},
    "fr": {"U.S", "É.-U"},
    "pl": {"U.S"},
    "ru": {"С.Ш.А"},
}

# Typical sentence openers: an acronym or initial followed by one of these ends a sentence.
_STARTERS: dict[str, set[str]] = {
    "en": {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
        "These", "Those", "His", "Her", "Its", "Their", "Our", "There", "But", "And", "Or",
        "So", "Yet", "In", "On", "At", "By", "For", "From", "With", "After", "Before",
        "When", "While", "As", "If", "Meanwhile", "However", "Officials", "Police", "Some",
        "Many", "Most", "No", "Now", "Then", "Still", "Also", "According",
    },
    "de": {
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Er", "Sie", "Es", "Wir",
        "Ich", "Man", "Dies", "Diese", "Dieser", "Am", "Im", "In", "Auf", "Nach", "Bei",
        "Mit", "Vor", "Doch", "Aber", "Und", "Auch", "Zudem", "Laut", "Wie", "Als", "Wenn",
        "Dabei", "Damit", "Dann", "So", "Noch",
    },
    "fr": {
        "Le", "La", "Les", "L", "Un", "Une", "Des", "Il", "Elle", "Ils", "Elles", "On",
        "Nous", "Je", "Ce", "Cette", "Ces", "Mais", "Et", "En", "Dans", "Selon", "Pour",
        "Par", "Après", "Avant", "Lors", "Depuis",
    },
    "es": {
        "El", "La", "Los", "Las", "Un", "Una", "Él", "Ella", "Ellos", "Ellas", "Esto",
        "Este", "Esta", "Pero", "Y", "En", "Según", "Para", "Por", "Con", "Tras", "Después",
        "Antes", "Además", "Sin", "No",
    },
    "pl": {
        "W", "We", "Na", "Z", "Ze", "Do", "Po", "Od", "To", "Ten", "Ta", "Te", "On", "Ona",
        "Oni", "One", "Jak", "Ale", "I", "A", "Nie", "Jednak", "Według", "Policja", "Tak",
        "Jest", "Był", "Była", "Było", "Przed", "Podczas",
    },
    "ru": {
        "В", "Во", "На", "По", "С", "Со", "Из", "За", "К", "Это", "Этот", "Эта", "Он",
        "Она", "Они", "Мы", "Я", "Но", "И", "А", "Как", "Однако", "При", "После", "До",
        "Также", "Кроме", "Так", "Там", "Тогда", "Сейчас", "Согласно",
    },
}  # fmt: skip

# German-style ordinals ("am 3. März", "der 2. Weltkrieg"): a number + "." is an ordinal when
# a month name follows or when an article/preposition precedes the number.
_ORDINAL_LANGS = {"de"}
_DE_MONTHS = {
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember",
}  # fmt: skip
_DE_ORDINAL_BEFORE = {
    "am", "vom", "zum", "im", "bis", "ab", "seit", "dem", "den", "der", "die", "das", "des",
    "zur", "beim", "ein", "eine", "einer", "einem", "eines", "jeden", "jede", "jedes",
    "sein", "seine", "seinem", "ihr", "ihre", "ihrem", "zu", "vor", "nach", "dieses",
    "diesem", "dieser",
}  # fmt: skip

SUPPORTED_LANGUAGES: frozenset[str] = frozenset(_LANG_PREFIX)
"""Languages (ISO 639-1) with their own abbreviation and ordinal rules."""


def _with_capitalised(words: set[str]) -> frozenset[str]:
    out = set(words)
    for w in words:
        if w[:1].islower():
            out.add(w[:1].upper() + w[1:])
    return frozenset(out)


@dataclass(frozen=True)
class _Rules:
    prefix: frozenset[str]
    final: frozenset[str]
    acronym: frozenset[str]
    starters: frozenset[str]
    ordinals: bool
    months: frozenset[str]
    prefix_suffixes: tuple[str, ...]


def _build_rules(lang: str) -> _Rules:
    if lang in _LANG_PREFIX:
        prefix = _COMMON_PREFIX | _LANG_PREFIX[lang]
        final = (_COMMON_FINAL | _LANG_FINAL.get(lang, set())) - prefix
        acronym = _LANG_ACRONYM.get(lang, set())
        starters = _STARTERS.get(lang, set())
    else:
        prefix = set(_COMMON_PREFIX)
        final = set(_COMMON_FINAL)
        acronym = set().union(*_LANG_ACRONYM.values())
        starters = set().union(*_STARTERS.values())
    return _Rules(
        prefix=_with_capitalised(prefix),
        final=_with_capitalised(final),
        acronym=frozenset(acronym),
        starters=frozenset(starters),
        ordinals=lang in _ORDINAL_LANGS,
        months=frozenset(_DE_MONTHS) if lang == "de" else frozenset(),
        # German street names abbreviate as one word: "Hauptstr. 5", "Bahnhofstr. 12".
        prefix_suffixes=("str",) if lang == "de" else (),
    )


_RULES: dict[str, _Rules] = {lang: _build_rules(lang) for lang in sorted(SUPPORTED_LANGUAGES)}
_DEFAULT_RULES = _build_rules("")

# --- regexes (compiled once) ----------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Closing quotes/brackets may follow terminal punctuation ("close" group). French typography
# puts a (narrow) no-break space before "»", so one space is allowed before a guillemet.
_CANDIDATE = re.compile(
    # Western terminal punctuation: needs whitespace (or the paragraph end) after it.
    r"(?P<punct>[.!?‼⁉…]+)(?P<close>(?:[\"'”’“)\]›]|[ \u00a0\u202f]?[»›])*)(?=\s|$)"
    # CJK and some other scripts: ends a sentence even when the next one follows directly.
    r"|(?P<fpunct>[。！？]+|[।॥؟۔։።]+)(?P<fclose>[」』）】〉》”’\"']*)"
)
_GREEK_CANDIDATE = re.compile(
    r"(?P<punct>[.!?;…]+)(?P<close>(?:[\"'”’“)\]›]|[ \u00a0\u202f]?[»›])*)(?=\s|$)"
    r"|(?P<fpunct>[。！？]+)(?P<fclose>[」』）】〉》]*)"
)
# Characters skipped before looking at the first letter of the next sentence.
_OPENERS = set("\"'“”„‚‘’«»‹›([{¿¡—–-•*·")
_WORD = re.compile(r"[\w\-]+(?:\.\w+)*", re.UNICODE)
_DOTTED_ACRONYM = re.compile(r"^(?:[^\W\d]{1,2}\.)+[^\W\d]{1,2}$")
_DIGITS = re.compile(r"^\d{1,4}$")
#: A decimal that bad HTML split with a space ("5. 4-magnitude", "$2. 6 million"): one or two
#: digits, a point, one space, digits that do not start a year or a long count ("in 1990. 25
#: people died" and "in May 2. 1,200 people" stay two sentences).
_SPACED_DECIMAL = re.compile(r"(?<![\d.,])\d{1,2}\. \d{1,2}(?!\d|,\d)")


def _base_code(language: str) -> str:
    return language.strip().lower().replace("_", "-").split("-", 1)[0]


def _rules_for(language: str) -> tuple[_Rules, re.Pattern[str]]:
    code = _base_code(language or "")
    if code == "el":
        return _DEFAULT_RULES, _GREEK_CANDIDATE
    return _RULES.get(code, _DEFAULT_RULES), _CANDIDATE


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split on blank lines; each paragraph is stripped and empty ones are dropped."""
    out: list[Paragraph] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, pos, m.start(), out)
        pos = m.end()
    _append_stripped(text, pos, len(text), out)
    return out


def _append_stripped(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Paragraph(start, end, text[start:end]))


def _token_before(text: str, start: int, idx: int) -> tuple[str, int]:
    """The whitespace-delimited token ending at ``idx`` and its start offset."""
    i = idx
    while i > start and not text[i - 1].isspace():
        i -= 1
    j = i
    while j < idx and text[j] in _OPENERS:
        j += 1
    return text[j:idx], i


def _next_info(text: str, pos: int, end: int) -> tuple[str, str, bool]:
    """Classify what follows a candidate boundary.

    Returns ``(kind, word, word_is_initial)`` where kind is ``"end"``, ``"lower"``,
    ``"upper"``, ``"digit"`` or ``"other"`` (caseless scripts, symbols).
    """
    i = pos
    while i < end and text[i].isspace():
        i += 1
    if i >= end:
        return "end", "", False
    while i < end and (text[i] in _OPENERS or text[i].isspace()):
        i += 1
    if i >= end:
        return "other", "", False
    ch = text[i]
    m = _WORD.match(text, i, end)
    word = m.group(0) if m else ""
    is_initial = len(word) == 1 and i + 1 < end and text[i + 1] == "."
    if ch.islower():
        return "lower", word, is_initial
    if ch.isupper():
        return "upper", word, is_initial
    if ch.isdigit():
        return "digit", word, is_initial
    return "other", word, is_initial


_CLOCK_MARKERS = frozenset({"a.m", "p.m"})


_ZONES = frozenset(ZONES)


def _is_boundary(
    text: str,
    para_start: int,
    sent_start: int,
    m: re.Match[str],
    para_end: int,
    rules: _Rules,
) -> bool:
    if m.group("fpunct"):
        return True
    punct = m.group("punct")
    kind, next_word, next_is_initial = _next_info(text, m.end(), para_end)
    if kind == "end":
        return True
    if kind == "lower":
        return False
    token, token_start = _token_before(text, para_start, m.start())
    has_close = bool(m.group("close").strip())
    if "!" in punct or "?" in punct or "‼" in punct or "⁉" in punct or ";" in punct:
        return True
    if punct != "." or has_close:
        # Ellipsis, or a period inside closing quotes/brackets: the sentence ends unless
        # the text goes on in lowercase (checked above).
        return True
    if not token:
        return True
    if token in rules.prefix or (
        rules.prefix_suffixes and token.lower().endswith(rules.prefix_suffixes)
    ):
        return False
    # Two-token abbreviations written with a space: "p. ex.", "d. h.", "т. е.".
    prev_token, _ = _token_before(text, para_start, max(token_start - 1, para_start))
    if prev_token.endswith(".") and len(prev_token) <= 3 and token_start > para_start:
        joined = prev_token + token
        if joined in rules.prefix:
            return False
        if joined in rules.final:
            return kind == "upper"
        if joined in rules.acronym:
            return next_word in rules.starters
    if token in rules.final:
        if token.lower() in _CLOCK_MARKERS and next_word in _ZONES:
            return False  # "at 9:30 p.m. ET on Friday": the zone of the time
        return kind == "upper"
    if token in rules.acronym or _DOTTED_ACRONYM.match(token):
        return kind == "upper" and next_word in rules.starters
    if len(token) == 1 and token.isalpha():
        if token.isupper():
            # An initial ("John F. Kennedy", "A. Nowak"); a sentence ends only before a
            # typical opener word that is not itself another initial.
            return (
                kind == "upper"
                and len(next_word) > 1
                and next_word in rules.starters
                and not next_is_initial
            )
        return kind == "upper"
    if kind == "digit" and any(
        _SPACED_DECIMAL.match(text, m.start() - k) for k in (1, 2) if m.start() - k >= token_start
    ):
        return False  # a decimal broken by a scraper's space: "a 5. 4-magnitude quake"
    if _DIGITS.match(token):
        if token_start == sent_start:
            return False  # enumeration: "1. Introduction"
        if rules.ordinals and kind == "upper":
            if next_word in rules.months:
                return False
            before, _ = _token_before(text, para_start, max(token_start - 1, para_start))
            if token_start > sent_start and before.lower() in _DE_ORDINAL_BEFORE:
                return False
        return True
    return True


#: Longest sentence kept whole, in characters. Real news sentences stay well under it (a long
#: one is 600-800 characters); text without sentence breaks (a scraped table, a run-on dump)
#: is cut into pieces of at most this size, so that per-sentence work (claim reading looks at
#: the tokens around each number) stays linear in the length of the text.
MAX_SENTENCE_CHARS = 2000
_SOFT_BREAKS = (";", ",", ")", ":")


def split_sentences(text: str, language: str = "", cuts: list[int] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets slice ``text`` exactly.

    ``language`` is an ISO 639-1 code (region subtags are ignored: "de-AT" -> "de"); unknown
    or empty codes get the shared default rules. Sentences are stripped of surrounding
    whitespace, in order, non-overlapping, and together cover every non-space character.
    A sentence longer than MAX_SENTENCE_CHARS is cut at a space (after a comma or semicolon
    where one is near the limit); the offset of each cut is appended to ``cuts`` when given.
    """
    rules, candidate = _rules_for(language)
    out: list[Sentence] = []
    found_cuts = cuts if cuts is not None else []
    for para in split_paragraphs(text):
        sent_start = para.start
        for m in candidate.finditer(text, para.start, para.end):
            if m.end() <= sent_start:
                continue
            if _is_boundary(text, para.start, sent_start, m, para.end, rules):
                _append_sentence(text, sent_start, m.end(), out, found_cuts)
                sent_start = m.end()
        _append_sentence(text, sent_start, para.end, out, found_cuts)
    return out


def _cut_point(text: str, start: int, end: int) -> int:
    """Where to cut text[start:end] (longer than the cap): the last soft break, else the last
    space, in the final quarter of the window; a hard cut when there is neither."""
    limit = start + MAX_SENTENCE_CHARS
    floor = start + MAX_SENTENCE_CHARS * 3 // 4
    for marks in (_SOFT_BREAKS, (" ", "\n", "\t")):
        best = max(text.rfind(mark, floor, limit) for mark in marks)
        if best >= floor:
            return best + 1
    return limit


def _append_sentence(text: str, start: int, end: int, out: list[Sentence], cuts: list[int]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut_point(text, start, end)
        cuts.append(cut)
        _append_sentence(text, start, cut, out, cuts)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))
