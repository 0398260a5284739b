"""Bytes to text: encoding detection and junk detection.

Order of trust: a byte-order mark, then strict UTF-8 (most of the web), then
charset-normalizer's best guess, accepted only when it is coherent enough. Anything that
still looks like binary (NUL bytes, many control characters) is refused with a reason
instead of being turned into mojibake that would pollute claims.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: Share of control characters (other than tab/newline/CR/FF) above which text is "binary".
BINARY_CONTROL_RATIO = 0.02

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not usable text; the message is the one-line reason shown to users."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we accept.

    NUL bytes never occur in 8-bit or UTF-8 text; a high share of other C0 control
    characters means an image, archive or executable.
    """
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > BINARY_CONTROL_RATIO


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample)


#: Prior by share of the web, used only to break near-ties between charset-normalizer's
#: candidates (a short French text is equally "coherent" in cp1250 and cp1252).
_PREVALENCE = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "cp1250",
    "iso8859_2",
    "koi8_r",
    "shift_jis",
    "gb2312",
    "euc_kr",
    "big5",
    "cp1256",
    "cp1253",
    "cp1254",
)


def _pick_encoding(candidates: list[tuple[str, float, float]]) -> str:
    """Least chaos, then highest coherence; near-ties (within 0.05) go to the commoner one."""
    best_chaos = min(c[1] for c in candidates)
    close = [c for c in candidates if c[1] <= best_chaos + 1e-9]
    best_coh = max(c[2] for c in close)
    tied = [c for c in close if c[2] >= best_coh - 0.05]

    def rank(c: tuple[str, float, float]) -> tuple[int, float]:
        name = c[0].lower().replace("-", "_")
        return (_PREVALENCE.index(name) if name in _PREVALENCE else len(_PREVALENCE), -c[2])

    return min(tied, key=rank)[0]


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data` to text or raise DecodeError with a one-line reason.

    `declared` is an encoding the container announced (HTTP header, meta charset); it is
    tried after BOM and strict UTF-8, because declarations are often wrong.
    """
    if not data.strip():
        raise DecodeError("empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after byte-order mark: {exc.reason}") from None
    if looks_binary(data):
        raise DecodeError("binary content (not text)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            text = data.decode(declared)
            if _control_ratio(text) <= BINARY_CONTROL_RATIO:
                return Decoded(text, declared.lower())
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:1_000_000]))
    if not matches:
        raise DecodeError("undecodable text: no character encoding fits")
    encoding = _pick_encoding(
        [(m.encoding, m.chaos, m.coherence) for m in matches if m.encoding is not None]
    )
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise DecodeError(f"undecodable text (best guess {encoding} fails)") from None
    if _control_ratio(text) > BINARY_CONTROL_RATIO:
        raise DecodeError("binary content (not text)")
    return Decoded(text, encoding)
