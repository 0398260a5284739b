"""Language identification: ISO 639-1 codes from text, with metadata hints as a fallback.

We use CLD2 (``pycld2``): offline, fast (C++), and good on news-length text. Its weak spots
decide the shape of this module:

* It raises on invalid UTF-8, lone surrogates and most control characters, so the text is
  sanitised first.
* On short text its verdict is flagged unreliable, and its ``bestEffort`` guesses are poor
  (it calls a short Italian sentence English), so we never use them. Instead, when CLD2 is
  unreliable, a valid ``hint`` (JSONL metadata, ``<html lang>``) wins; failing that, a script
  that belongs to a single language (Hangul -> ko, Greek -> el, …) decides; otherwise the
  answer is ``"und"`` (undetermined), which callers should treat as "unknown", not as English.
* CLD2 uses a few legacy codes ("iw", "jw", "in") and script-tagged ones ("zh-Hant"); they are
  mapped to plain ISO 639-1.
"""

from __future__ import annotations

import re
import unicodedata

import pycld2

from corroborator.text.sentences import SUPPORTED_LANGUAGES

__all__ = [
    "UNDETERMINED",
    "detect_language",
    "is_supported_language",
    "normalize_language_code",
]

UNDETERMINED = "und"

# Legacy or non-ISO-639-1 codes CLD2 (or web metadata) may use -> ISO 639-1.
_LEGACY = {"iw": "he", "jw": "jv", "in": "id", "mo": "ro", "ji": "yi", "sh": "sr"}
# Common ISO 639-2/3 codes seen in metadata ("eng", "ger") -> ISO 639-1.
_THREE_LETTER = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es",
    "pol": "pl", "rus": "ru", "ukr": "uk", "ita": "it", "zho": "zh", "chi": "zh",
    "cmn": "zh", "ara": "ar", "por": "pt", "nld": "nl", "dut": "nl", "jpn": "ja",
    "kor": "ko", "heb": "he", "tur": "tr", "ces": "cs", "cze": "cs", "swe": "sv",
    "dan": "da", "nor": "no", "nob": "nb", "fin": "fi", "ell": "el", "gre": "el",
    "hun": "hu", "ron": "ro", "rum": "ro", "bul": "bg", "hrv": "hr", "srp": "sr",
    "slk": "sk", "slo": "sk", "slv": "sl", "cat": "ca", "hin": "hi", "fas": "fa",
    "per": "fa", "vie": "vi", "ind": "id", "tha": "th", "lit": "lt", "lav": "lv",
    "est": "et", "bel": "be",
}  # fmt: skip

# Every two-letter code CLD2 knows, after legacy mapping: the set of codes we accept as hints.
_KNOWN: frozenset[str] = frozenset(
    _LEGACY.get(code, code)
    for _name, code in pycld2.LANGUAGES
    if len(code) == 2 and code.isalpha() and code != "un"
) | frozenset({"nb", "nn"})

# Codes CLD2 accepts as ``hintLanguage`` (it raises on anything else, including "").
_CLD2_CODES: frozenset[str] = frozenset(code for _name, code in pycld2.LANGUAGES)

# Scripts used by essentially one language: decide short texts CLD2 is unsure about.
# Keys are the first word of the Unicode character name.
_SCRIPT_LANGUAGE = {
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "THAI": "th", "GREEK": "el",
    "HEBREW": "he", "GEORGIAN": "ka", "ARMENIAN": "hy", "KHMER": "km", "LAO": "lo",
    "TAMIL": "ta", "TELUGU": "te", "KANNADA": "kn", "MALAYALAM": "ml", "GUJARATI": "gu",
    "GURMUKHI": "pa", "SINHALA": "si", "MYANMAR": "my", "ETHIOPIC": "am", "TIBETAN": "bo",
    "CJK": "zh",
}  # fmt: skip

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# CLD2 reads at most this many characters; a large sample is as good as the whole article.
_MAX_CHARS = 50_000
# Below this share of letters among non-space characters the text is not prose (tables of
# numbers, base64, binary decoded as text) and we do not guess.
_MIN_LETTER_SHARE = 0.3
# Share of U+FFFD replacement characters above which the input was mis-decoded binary.
_MAX_REPLACEMENT_SHARE = 0.1


def normalize_language_code(code: str | None) -> str | None:
    """Turn a metadata language tag into ISO 639-1, or ``None`` if it is not a known language.

    Accepts BCP 47 tags ("en-GB", "zh_Hant_TW", "DE"), legacy codes ("iw") and common
    three-letter codes ("eng", "ger").
    """
    if not code or not isinstance(code, str):
        return None
    base = code.strip().lower().replace("_", "-").split("-", 1)[0]
    base = _THREE_LETTER.get(base, base)
    base = _LEGACY.get(base, base)
    return base if base in _KNOWN else None


def is_supported_language(code: str | None) -> bool:
    """True when the sentence splitter has language-specific rules for ``code``."""
    norm = normalize_language_code(code)
    return norm is not None and norm in SUPPORTED_LANGUAGES


def _sanitise(text: str) -> str:
    return _CONTROL.sub(" ", text[:_MAX_CHARS])


def _from_cld2(code: str) -> str | None:
    if code in ("un", "xxx") or code.startswith("xx-"):
        return None
    return normalize_language_code(code)


def _script_language(text: str) -> str | None:
    """Language implied by the dominant letter script, if that script has one language."""
    counts: dict[str, int] = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        script = name.split(" ", 1)[0] if name else ""
        counts[script] = counts.get(script, 0) + 1
    if not letters:
        return None
    # Japanese mixes kana with Han characters; any real share of kana means Japanese.
    kana = counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0)
    if kana * 5 >= letters:
        return "ja"
    script, n = max(sorted(counts.items()), key=lambda kv: kv[1])
    if n * 2 < letters:
        return None
    return _SCRIPT_LANGUAGE.get(script)


def detect_language(text: str, hint: str | None = None) -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``"und"`` if it cannot be told.

    ``hint`` (any tag ``normalize_language_code`` accepts) nudges CLD2 and is returned when
    CLD2 is unreliable, which is typical for texts under a few dozen characters. Empty text,
    text without letters (digits only), and binary-looking input return ``"und"`` whatever
    the hint says, because there is no language in them to identify.
    """
    if not isinstance(text, str) or not text:
        return UNDETERMINED
    clean = _sanitise(text)
    visible = [ch for ch in clean if not ch.isspace()]
    if not visible:
        return UNDETERMINED
    letters = sum(1 for ch in visible if ch.isalpha())
    if letters == 0 or letters < _MIN_LETTER_SHARE * len(visible):
        return UNDETERMINED
    if clean.count("\ufffd") > _MAX_REPLACEMENT_SHARE * len(visible):
        return UNDETERMINED
    norm_hint = normalize_language_code(hint)
    kwargs: dict[str, str] = {}
    if norm_hint and norm_hint in _CLD2_CODES:
        kwargs["hintLanguage"] = norm_hint
    try:
        reliable, _found, details = pycld2.detect(
            clean.encode("utf-8"), isPlainText=True, bestEffort=False, **kwargs
        )
    except pycld2.error:
        # Sanitising removes everything CLD2 is known to reject; if it still refuses, the
        # input is treated like any text CLD2 cannot judge (hint or script fallback below).
        reliable, details = False, ()
    top = _from_cld2(details[0][1]) if details else None
    if reliable and top:
        return top
    if norm_hint:
        return norm_hint
    return _script_language(clean) or UNDETERMINED
