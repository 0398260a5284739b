"""Win-loss records ("Varga (41-2, 30 KOs)", "improved his record to 41-2", "dropped to 22-6-1").

A record is written as wins-losses[-draws] and belongs to one competitor: reports of one
fight disagree on it ("38-4" against "39-4") and a story names several competitors' records,
so each record is read with its owner. The value compared across reports is the number of
wins (a record's first figure); the owner is the competitor's surname as written.

Only records with a cue are read, never a bare "N-M" (a score, a range, a date part):
- in parentheses or between commas right after a capitalised name ("Varga (41-2)",
  "Varga, 41-2, 30 KOs,");
- after "record" ("his record to 41-2", "a record of 41-2"), a record noun after the figure
  ("a 41-2 record") or a verb of change ("improved to", "dropped to", "fell to", "moved to").
Language-neutral apart from those English cue words; other languages get the name forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborator.text.calendar import MONTHS, WEEKDAYS

_FIGURE = r"(?P<w>\d{1,3})\s?[-–]\s?(?P<l>\d{1,3})(?:\s?[-–]\s?(?P<d>\d{1,3}))?(?![\d.,]\d|[-–]\d)"
_NAME = r"(?P<name>[A-Z][\w'’.-]*[a-z][\w'’-]*)"
#: "Varga (41-2" / "Varga, 41-2," : the record stands right after its owner's name
_BY_NAME = re.compile(_NAME + r"(?:\s*\(\s*|,\s+)" + _FIGURE + r"(?=\s*(?:[,;)]|with\b))")
#: A player's height and weight in parentheses after the name, as sports pages write them:
#: "Dale Quill (5-10, 230)" is 5 ft 10 in and 230 lb, not a record of 5-10 (feet 4-7,
#: inches 0-11, a weight of 120-399 pounds). Read as a height and a weight (`quantities`).
PLAYER_BIO = re.compile(
    r"\(\s*(?P<f>[4-7])\s?[-–]\s?(?P<i>1[01]|\d)\s*,\s*(?P<w>(?:1[2-9]|[23]\d)\d)"
    r"(?:\s*(?:lbs?\.?|pounds))?\s*[,;)]"
)
#: "record to 41-2", "a 41-2 record", "improved to 41-2"
_BY_CUE = re.compile(
    r"(?:\brecord\s+(?:to|of|at|now\s+at|stands\s+at)\s+|"
    r"\b(?:improv\w*|drop\w*|fell|falls?|mov\w*|climb\w*|rose|rises?|went)\s+"
    r"(?:[\w'’-]+\s+){0,4}?to\s+|"
    # "a mark of 77-60", "stands at 201-187", "floundering at 6-17" (a team's standing)
    r"\bmark\s+of\s+|\b(?:stands?|standing|sits?|sitting|floundering|slumping|struggling|"
    r"wound\s+up|finish(?:ed|es)?|end(?:ed|s)?)\s+at\s+)" + _FIGURE + r"(?![\w%$€£])",
    re.IGNORECASE,
)
#: "a 41-2 record", "a 120-98 mark", "after a 12-20 start" (a record over a stretch)
_BEFORE_RECORD = re.compile(
    r"\b(?:a|an|his|her|their|the|its)\s+"
    + _FIGURE
    + r"\s+(?:record|mark|start|season(?!\s+(?:opener|finale|debut)))\b",
    re.I,
)
#: "the Hawks are 11-4 on the road", "Dunmore was 10-4.": a named team's standing after a form
#: of "be", closing its clause or followed by a standing's phrase; anything else reads on as
#: something other than a record ("60-65 percent", "6-8 and weighs", "5-2 to win", "2-1 at
#: halftime", "2-0 in front")
_NAMED_IS = re.compile(
    _NAME
    + r"\s+(?:are|were|is|was)\s+(?:now\s+)?"
    + _FIGURE
    + r"(?=\s*(?:[,.;)]|$)|\s+(?:on\s+the\s+(?:road|season|year)|at\s+home|away|overall|"
    r"this\s+(?:season|year)|for\s+the\s+(?:season|year)|since|against|in\s+games|"
    r"in\s+(?:their|its|his|her|the)\s+last|in\s+(?:conference|league|division|group)\b|"
    # "are 7-7 and were eliminated" (not a player's height: "is 6-8 and weighs 240 pounds")
    r"(?:and|but)\b(?!\s+weighs)))"
)
#: subjects of "was 1-1" that are no competitor ("Halftime was 1-1.", "Turnout was 60-65%")
_NOT_COMPETITORS = frozenset(
    {"halftime", "half-time", "turnout", "temperature", "temperatures", "score", "result"}
    | {"vote", "tally", "final", "odds", "polls", "poll", "it", "this", "that", "there"}
)
#: a verb of beating and an article (a team) right before a name: the figures after "the
#: Owls," are that game's score ("beat Brandt, 35-6," gives a boxer's record)
_BEATEN_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeat(?:s|ed|ing)?|rout(?:s|ed|ing)?|edg(?:es|ed|ing)|downed|"
    r"blanked|crushed|stunned|topped|whipped|thrashed|outlasted|outscored)\s+"
    r"(?:the|visiting|host|hosts)\s+(?:[\w'’.-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: "his 11-4 Hawks", "the 2-13 Gulls": a record written before its team's name
_BEFORE_NAME = re.compile(
    r"\b(?:his|her|their|its|the)\s+"
    + _FIGURE
    + r"\s+(?P<name>[A-Z][a-z][\w'’-]*)(?![\w'’-])"
    + r"(?!\s+(?:[A-Za-z]+\s+){0,2}(?:win|victory|defeat|loss|draw|rout|triumph|upset)\b)"
)
_POSSESSIVE = re.compile(r"([A-Z][\w-]*[a-z])['’]s?\s+(?:[a-z]+\s+)?record\b[^.]*$")
_CAPITAL = re.compile(r"\b([A-Z][\w'’-]*[a-z][\w'’-]*)\b")
#: capitalised words that are not competitors' names
_NOT_NAMES = frozenset(
    {
        *MONTHS,
        *WEEKDAYS,
        *("the", "a", "an", "his", "her", "their", "he", "she", "it", "they", "this", "that"),
        *("in", "on", "at", "after", "before", "with", "by", "for", "and", "but"),
        *("later", "earlier", "now", "then", "also", "meanwhile", "however", "champion"),
        *("i", "i'm", "i’m", "we", "you", "last", "next", "first", "after"),
    }
)
_HAS_FIGURE = re.compile(r"\d\s?[-–]\s?\d")
_POSSESSIVE_END = re.compile(r"['’]s?$")
MAX_WINS = 400
#: the `slot` phrase of a record's extraction
RECORD_SLOT = "record"


@dataclass(frozen=True)
class RecordMention:
    start: int  # span of the figure ("41-2" or "22-6-1")
    end: int
    wins: int
    losses: int
    draws: int | None
    owner: str  # surname as written, "" when the record's owner is not named nearby


def _first_name(text: str, lo: int, pos: int) -> str:
    """The first capitalised word of text[lo:pos] that is not a function word or a
    hyphenated epithet ("Ukrainian-born"): the sentence's subject, whose record a verb of
    change ("dropped to 22-6-1") or a possessive ("Varga's sixth defence improved him to")
    reports."""
    for m in _CAPITAL.finditer(text, lo, pos):
        bare = _POSSESSIVE_END.sub("", m.group(1))
        if "-" not in bare and bare.lower() not in _NOT_NAMES:
            return bare
    return ""


def _record_owner(text: str, lo: int, m: re.Match[str]) -> str:
    """Whose record a cue reads: the possessive right before "record" ("Varga's record to
    41-2"), else the sentence's first name."""
    left = text[lo : m.start("w")]
    poss = _POSSESSIVE.search(left)
    return poss.group(1) if poss else _first_name(text, lo, m.start("w"))


def owner_before_value(text: str, lo: int, start: int, end: int) -> str:
    """The named person a figure at text[start:end] belongs to by its position, or "":
    inside parentheses opened right after a name ("Varga (41-2, 30 KOs)"), or between commas
    right after one ("Roth, 33, said", "Varga, 41-2, 30 KOs, won")."""
    left = text[lo:start]
    m = _PAREN_OWNER.search(left)
    if not (m and ")" not in left[m.end() :]):
        m = _COMMA_OWNER.search(left)
        if not (m and _CLOSES.match(text, end)):
            return ""
    name = m.group("name")
    # "Emil Tarnow of Crestline Heights, 48,": the name is a place the person is from, and
    # the figure belongs to the person named before it
    if _AFTER_PLACE_WORD.search(left, 0, m.start("name")):
        place = _FROM_PLACE.search(left, 0, m.start("name"))
        if place is None:
            name = ""
        elif not _LOCATIVE_END.search(left, 0, place.start("name")):
            name = place.group("name")
        # else "a shooting in Lanmark of Tomas Brill, 15,": the run before "of" is
        # itself a place, and the figure is the named person's
    return "" if not name or name.lower() in _NOT_NAMES else name


#: "of/from/in" and a capitalised place run ending where the name ends
_PLACE_TAIL = r"(?:of|from|in)\s+(?:[A-Z][\w'’.-]*\s+)*$"
_AFTER_PLACE_WORD = re.compile(r"\b" + _PLACE_TAIL)
#: a person's name before that
_FROM_PLACE = re.compile(_NAME + r"\s+" + _PLACE_TAIL)
#: a word that puts the capitalised run after it in a place ("in Lanmark")
_LOCATIVE_END = re.compile(r"\b(?:in|at|near|from|of|to|into|across)\s+$")


def owner_after_age(text: str, end: int) -> str:
    """Whose age "the 33-year-old Roth" gives: the name right after it, when the article
    also writes that word after a first name ("Sam Roth") or writes the two together here,
    so that a capitalised noun ("the 32-year-old Englishman") is no owner."""
    m = _AFTER_AGE.match(text, end)
    if not m:
        return ""
    words = m.group(1).split()
    name = _POSSESSIVE_END.sub("", words[-1])
    if name.lower() in _NOT_NAMES:
        return ""
    if len(words) > 1 or re.search(r"\b[A-Z][a-z]+\s+" + re.escape(name) + r"\b", text):
        return name
    return ""


_AFTER_AGE = re.compile(r"\s+((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]*[a-z][\w'’-]*)")

#: "Varga (" then at most a few short items before the figure
_PAREN_OWNER = re.compile(_NAME + r"\s*\((?:[^()]{0,30}[,;]\s*)?$")
#: "Varga, " then at most one short item ("41-2, ") before the figure
_COMMA_OWNER = re.compile(_NAME + r",\s+(?:[^,.;()]{1,20},\s+)?$")
_CLOSES = re.compile(r"[^,;)]{0,12}[,;)]")


def find_records(
    text: str, start: int, end: int, masks: list[tuple[int, int]]
) -> list[RecordMention]:
    """Records in text[start:end] (one sentence), not overlapping `masks`."""
    if not _HAS_FIGURE.search(text, start, end):
        return []
    found: dict[int, RecordMention] = {}

    def add(m: re.Match[str], owner: str) -> None:
        s, e = m.start("w"), m.end("d") if m.group("d") else m.end("l")
        wins, losses = int(m.group("w")), int(m.group("l"))
        if wins > MAX_WINS or any(a < e and s < b for a, b in masks) or s in found:
            return
        if s > start and text[s - 1] in "$€£":
            return
        draws = int(m.group("d")) if m.group("d") else None
        found[s] = RecordMention(s, e, wins, losses, draws, owner)

    for m in _BY_NAME.finditer(text, start, end):
        if m.group("name").lower() in _NOT_NAMES:
            continue
        if _BEATEN_BEFORE.search(text, max(start, m.start() - 60), m.start("name")):
            continue  # "routed the Owls, 88-70,": the game's score, not the loser's record
        paren = text.rfind("(", m.end("name"), m.start("w"))
        if paren >= 0 and PLAYER_BIO.match(text, paren, end):
            continue  # "Quill (5-10, 230)": a height and a weight
        add(m, m.group("name"))
    for pat in (_BY_CUE, _BEFORE_RECORD):
        for m in pat.finditer(text, start, end):
            add(m, _record_owner(text, start, m))
    for pat in (_NAMED_IS, _BEFORE_NAME):
        for m in pat.finditer(text, start, end):
            name = m.group("name").lower()
            if name not in _NOT_NAMES and name not in _NOT_COMPETITORS:
                add(m, m.group("name"))
    return [found[k] for k in sorted(found)]
