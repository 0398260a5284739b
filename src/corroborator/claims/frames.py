"""Claim frames: what a value is about beyond its key, filled after extraction.

The extractors (`claims.quantities`, `claims.dates`, `claims.quotes`) read a value and name
what it measures (`Extraction.key`, `head`, `slot`). Aligning values across articles needs
more than that (measured on the development gold: text similarity alone cannot tell one
boxer's record from his opponent's, killed from injured, or today's quake from a 2005 quake
mentioned for context). `add_frames` fills, for every extraction:

- `holder`: who the sentence attributes the claim to. An attribution in the same sentence
  ("…, police said", "according to the ministry") becomes the holder of the sentence's
  values, and stops being a claim of its own (a whole-sentence "attribution" row is noise to a
  reader; the values it carries are the claims). Quotes keep their speaker as holder.
- `participants`: the names in the value's clause, nearest to the value first: whose number it
  is. Names are capitalised words that are not sentence-initial, folded like story anchors
  (lower case, accents removed, cut to six letters so inflected names match across languages).
- `event_year`: a year stated in the sentence that is not the article's own year (the
  publication year, else the year its dates mostly name): the value belongs to a background
  event.
- `modality`: "negated" when a negation governs the value's clause ("no one was hurt" is a
  claim of zero, read as such by the extractor; a negated verb around a number is not an
  assertion of it), "hedged" for modal or proposal wording ("could", "may", "proposed").
- `label`: a readable name for the fact ("people killed", "fire duration", "deal amount").

All of it is language-neutral except the small per-language word lists below (negations,
modals), which are data, not engine logic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import islice, pairwise

from corroborator.claims.lang import words_of_every_language
from corroborator.claims.lexicon import Lexicon
from corroborator.claims.records import RECORD_SLOT, owner_after_age, owner_before_value
from corroborator.model import Extraction, Sentence
from corroborator.text.calendar import PARTS_OF_DAY
from corroborator.units import CONVERSION_TOLERANCE, PHYSICAL_UNITS

NAME_PREFIX = 6
#: Heads the extractors give when they could not name what a value measures.
GENERIC_HEADS = frozenset({"", "event", "thing", "item", "unit"})

#: What happened to the counted things, by the canonical event verb of a count's key
#: (`Lexicon.event_verbs` makes every language's verb English). Counts of one kind of thing
#: with verbs of different classes are different facts ("12 people were injured" / "12 people
#: were arrested"); verbs of one class may name one fact ("seven villages destroyed" /
#: "7 villages damaged"). A verb outside the table says nothing.
EVENT_CLASSES = {
    "killed": "death",
    "injured": "injury",
    "hospitalised": "injury",
    "treated": "injury",
    "shot": "injury",
    "arrested": "arrest",
    "held": "arrest",
    "evacuated": "evacuation",
    "displaced": "evacuation",
    "stranded": "evacuation",
    "missing": "missing",
    "trapped": "missing",
    "rescued": "rescue",
    "damaged": "damage",
    "destroyed": "damage",
    "affected": "damage",
    "employed": "work",
    "fired": "work",
    "deployed": "deployment",
    "sold": "sale",
    "built": "construction",
}

NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "none", "nobody", "neither", "nor", "n't", "without"}),
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keiner", "niemand", "nie", "ohne"}),
    "fr": frozenset({"ne", "pas", "aucun", "aucune", "jamais", "personne", "sans"}),
    "es": frozenset({"no", "ningún", "ninguna", "ninguno", "nadie", "nunca", "sin"}),
    "it": frozenset({"non", "nessun", "nessuno", "nessuna", "mai", "senza"}),
    "nl": frozenset({"niet", "geen", "niemand", "nooit", "zonder"}),
    "pl": frozenset({"nie", "żaden", "żadna", "nikt", "nigdy", "bez"}),
    "ru": frozenset({"не", "нет", "никто", "никогда", "без", "ни"}),
}
MODALS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"could", "may", "might", "would", "proposed", "planned", "expected", "possible", "if"}
    ),
    "de": frozenset({"könnte", "könnten", "dürfte", "dürften", "soll", "sollen", "geplant"}),
    "fr": frozenset({"pourrait", "pourraient", "prévu", "proposé", "si"}),
    "es": frozenset({"podría", "podrían", "previsto", "propuesto", "si"}),
    "it": frozenset({"potrebbe", "potrebbero", "previsto", "proposto", "se"}),
    "nl": frozenset({"zou", "zouden", "kan", "kunnen", "gepland", "voorgesteld"}),
    "pl": frozenset({"może", "mogą", "mógłby", "planowane", "proponowane"}),
    "ru": frozenset({"может", "могут", "мог", "планируется", "предложенный"}),
}
#: Words the clause-local negation and modal checks look back over, at most.
CLAUSE_WINDOW = 6

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?!\w|[.,]\d)")
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}\.?\s+\d|\d\s*[^\W\d_]{3,}")
_CLAUSE_BREAK = re.compile(r"[;:()]|,\s|\s[-–—]\s")


def fold(word: str) -> str:
    """Lower case, accents removed, cut to NAME_PREFIX letters: 'Kraków' ~ 'Krakowie'."""
    text = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))[:NAME_PREFIX]


def _non_names(lex: Lexicon | None) -> frozenset[str]:
    if lex is None:
        return frozenset()
    return frozenset(
        {*lex.months, *lex.weekdays, *lex.stopwords, *lex.speech_verbs, *lex.source_nouns}
    )


def _names(text: str, sent: Sentence, lex: Lexicon | None) -> list[tuple[int, str]]:
    """(offset, folded name) of capitalised words that are not the sentence's first word."""
    skip = _non_names(lex)
    out: list[tuple[int, str]] = []
    first = True
    for m in _WORD.finditer(text, sent.start, sent.end):
        w = m.group()
        if first:
            first = False
            continue
        if not w[:1].isupper() or w.lower() in skip or len(w) < 2:
            continue
        # German capitalises every noun: only names that look like names (not in the
        # lexicon's noun table) count.
        if lex is not None and lex.nouns_capitalised and w.lower() in lex.noun_heads:
            continue
        out.append((m.start(), fold(w)))
    return out


def _reference_year(published: str | None, dates: Sequence[Extraction], text: str) -> int | None:
    """The article's own year: the publication year, else the year its dates with a month
    or day mostly name (a bare year, "hit in 2009 by a stronger quake", is often
    background), else the latest year it mentions (news reports the newest event; earlier
    years are background). An undated article that names only a background year cannot be
    told apart: its figures then count as this year's."""
    if published and published[:4].isdigit():
        return int(published[:4])
    years = Counter(
        int(str(d.value)[:4])
        for d in dates
        if str(d.value or "")[:4].isdigit() and len(str(d.value)) >= 7
    )
    if years:
        return years.most_common(1)[0][0]
    stated = [int(y) for y in _YEAR.findall(text)]
    return max(stated) if stated else None


#: Months between a date stated beside a figure and the article's own month from which the
#: date names an earlier event ("the last major quake, in February, killed 612" in a November
#: report): the figure belongs to that event, not to this one.
BACKGROUND_MONTHS = 2


def _background_month(same: Sequence[Extraction], published: str | None) -> int | None:
    """The year of an earlier event that every dated mention of a figure's sentence points to,
    when each lies at least `BACKGROUND_MONTHS` before the publication month, or None. Years
    alone are handled by `_reference_year`; this catches a month of the article's own year."""
    now = _month_number(published or "")
    months = [_month_number(str(d.value or "")) for d in same if d.kind == "date"]
    stated = [m for m in months if m is not None]
    if now is None or not stated or any(now - m < BACKGROUND_MONTHS for m in stated):
        return None
    return min(stated) // 12


def _month_number(iso: str) -> int | None:
    """Months since year 0 of an ISO date with a month ("2005-02", "2005-02-14"), or None."""
    if len(iso) < 7 or not iso[:4].isdigit() or not iso[5:7].isdigit():
        return None
    return int(iso[:4]) * 12 + int(iso[5:7]) - 1


@lru_cache(maxsize=4096)
def weekday_named(text: str) -> bool:
    """Whether a date is written with a weekday's name ("on Thursday", "Donnerstag")."""
    weekdays = words_of_every_language("weekdays")
    return any(w in weekdays for w in re.findall(r"\w+", text.lower()))


#: Sentence openers that refer back to the previous sentence's event, per language.
_ANAPHORA = {"en": re.compile(r"(?:It|That|This)\s+(?:had\s+|has\s+|was\s+)?[a-z]+ed\b")}


def _anaphoric(sentence: str, language: str) -> bool:
    pattern = _ANAPHORA.get(language)
    return bool(pattern and pattern.match(sentence))


def _sentence_background(
    text: str,
    sent: Sentence,
    same: Sequence[Extraction],
    ref_year: int | None,
    published: str | None,
) -> int | None:
    """The earlier event a whole sentence is about (`add_frames`'s year and month rules), or None."""
    if ref_year is None:
        return None
    years = {int(m.group(1)) for m in _YEAR.finditer(text, sent.start, sent.end)}
    if (year := _other_year(years, ref_year)) is not None:
        return year
    return _background_month(same, published) if not years - {ref_year} else None


def _relative_clause_start(text: str, start: int, end: int, lex: Lexicon | None) -> int:
    """Where a relative clause opened by a comma and a relative pronoun ("..., who", "...,
    which") begins in text[start:end], else `end`."""
    pattern = _relative_pattern(lex) if lex is not None else None
    m = pattern.search(text, start, end) if pattern is not None else None
    return m.start() if m else end


@cache
def _relative_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    # "that" / "que" also open complement clauses ("said that ..."): left out
    words = sorted(w for w in lex.relative_pronouns if w not in ("that", "que"))
    if not words:
        return None
    return re.compile(rf",\s+(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def _other_year(years: set[int], ref_year: int) -> int | None:
    """The earliest of the `years` a sentence states when the article's own year is not among
    them: the year of the earlier event it is about ("a quake in 2005 killed 600"), else None."""
    return min(years) if years and ref_year not in years else None


def _clause_bounds(text: str, sent: Sentence, start: int, end: int) -> tuple[int, int]:
    left = sent.start
    for brk in _CLAUSE_BREAK.finditer(text, sent.start, start):
        left = brk.end()
    right = _CLAUSE_BREAK.search(text, end, sent.end)
    return left, (right.start() if right else sent.end)


def _modality(text: str, sent: Sentence, e: Extraction, language: str) -> str:
    c_start, c_end = _clause_bounds(text, sent, e.start, e.end)
    before = [w.lower() for w in _WORD.findall(text[c_start : e.start])][-CLAUSE_WINDOW:]
    after = [w.lower() for w in _WORD.findall(text[e.end : c_end])][:3]
    neg = NEGATIONS.get(language, frozenset())
    # "not 300 but 200", "no more than 12": a negation right before the value.
    numeric = e.kind in ("quantity", "duration", "money", "percentage") and e.value != 0
    if numeric and (any(w in neg for w in before[-3:]) or any(w in neg for w in after[:1])):
        return "negated"
    if any(w in MODALS.get(language, frozenset()) for w in before):
        return "hedged"
    return ""


#: Labels name counted things in the plural ("climbers killed", "knockouts"); measured
#: properties stay singular ("population", "age").
_IRREGULAR_PLURAL = {"person": "people", "man": "men", "woman": "women", "child": "children"}
_PROPERTIES = frozenset(
    [
        "age",
        "population",
        "magnitude",
        "distance",
        "height",
        "depth",
        "length",
        "weight",
        "speed",
        "area",
        "temperature",
        "size",
        "score",
        "rate",
        "toll",
        "total",
        "number",
        "record",
        "value",
        "amount",
    ]
)


def _plural(noun: str) -> str:
    if noun in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[noun]
    if noun.endswith("us") and len(noun) > 3 and noun.isalpha() and noun not in _PROPERTIES:
        return noun + "es"  # virus -> viruses, campus -> campuses
    if noun in _PROPERTIES or not noun.isalpha() or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u", ""):
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "x", "z")):
        return noun + "es"
    return noun + "s"


#: Temperature scales (not a plain factor, so not in PHYSICAL_UNITS): Celsius = (v + shift) *
#: factor; a converted whole degree keeps +-0.5 of its own scale.
_TEMPERATURE = {"celsius": (0.0, 1.0), "fahrenheit": (-32.0, 5 / 9), "kelvin": (-273.15, 1.0)}


def _lone_one(e: Extraction, lex: Lexicon | None) -> bool:
    """ "one" written as a word that counts nothing a reader would check: "at one point", "one
    appeared", "one fun fact". A count of one stays a claim with an event ("one man was
    injured"), an owner or unit, a digit, or a head the lexicon knows ("one person")."""
    if e.kind != "quantity" or e.value != 1 or e.unit or e.owner or lex is None:
        return False
    if not e.text[:1].isalpha() or _verb_after_head(e):
        return False
    head = e.head or ""
    if head.endswith((" count", " charge")):
        return False  # "one count of kidnapping": a charge ("murder count", `quantities`)
    return head not in lex.noun_heads.values() and head not in lex.measure_nouns


#: "the two Koreas", "the two Sudans", "the two Carolinas": the name of a pair, no count a
#: reader checks (English).
_PAIR_NAME = re.compile(r"(?i:two)\s+[A-Z][a-z]+s\b")
_THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")


def _pair_name(e: Extraction, text: str, language: str) -> bool:
    return (
        language == "en"
        and e.kind == "quantity"
        and e.value == 2
        and _PAIR_NAME.match(text, e.start) is not None
        and _THE_BEFORE.search(text, max(0, e.start - 6), e.start) is not None
    )


#: "one day" as "some day" (English): "One day, he said, ...", "boasted of killing a cop one
#: day", "one day at a time". A length of one day is introduced ("for one day", "lasted one
#: day", "only one day") or placed ("one day later", "one day of talks").
_DAY_CUE_BEFORE = re.compile(
    r"\b(?:for|in|within|after|over|than|lasted|lasting|last|took|take|takes|spent|spend|"
    r"only|just|about|nearly|almost|least|most|barely|each|per|every|a|the|first|another)\s+$",
    re.IGNORECASE,
)
_DAY_CUE_AFTER = re.compile(
    r"\s*(?:later|earlier|before|after|ago|long|of|in|into|old|early|late|-)", re.IGNORECASE
)


def _someday(e: Extraction, text: str, language: str) -> bool:
    return (
        language == "en"
        and e.kind == "duration"
        and e.text.lower() == "one day"
        and not _DAY_CUE_BEFORE.search(text, max(0, e.start - 12), e.start)
        and not _DAY_CUE_AFTER.match(text, e.end)
    )


def _canonical_count(e: Extraction, text: str, lo: int, lex: Lexicon) -> Extraction:
    """One head for one counted thing, whatever the wording, so that frames compare:

    - the lexicon's spelling of the head ("37 KOs" / "37 knockouts": "knockout");
    - a head that is itself an event ("two deaths", "Three die", "3 injuries") counts people
      to whom it happened: "person killed", as "three people were killed";
    - residents counted with no verb, or people after a population cue ("an island of
      200,000 residents", "home to 45,000 people"), are a population.
    """
    head, verb = e.head or "", _verb_after_head(e)
    if e.key != (f"{head} {verb}" if verb else head) or e.per:
        return e  # a key of another shape (records, rates): left as read
    read_verb = verb
    if verb and _partitive_whole(text[max(lo, e.start - 40) : e.start], lex):
        verb = ""  # "two of the five victims died": the five did not all die
    new_head, new_verb = lex.noun_heads.get(head, head), verb
    if not verb and head in lex.nominal_events:
        new_head, new_verb = "person", lex.nominal_events[head]
    elif (
        not verb
        and head in lex.event_verbs
        and lex.event_verbs[head] in EVENT_CLASSES
        and not _written_plural(e.text, head)
    ):
        # "three shot dead": people; "two shots ahead", "three shots" are no people
        new_head, new_verb = "person", lex.event_verbs[head]
    elif (not verb and head in lex.resident_nouns) or (
        not verb
        and head == "person"
        and lex.population_cues
        and text[max(lo, e.start - 30) : e.start].rstrip().lower().endswith(lex.population_cues)
    ):
        new_head = "population"
    if (new_head, new_verb) == (head, read_verb):
        return e
    key = f"{new_head} {new_verb}" if new_verb else new_head
    return replace(e, head=new_head, key=key)


def _written_plural(text: str, head: str) -> bool:
    """Whether the counted word is written as the head's plural ("two shots" for "shot")."""
    words = text.lower().split()
    return bool(words) and words[-1] in (f"{head}s", f"{head}es")


_PARTITIVE = re.compile(
    r"([\w.,]+)\s+of\s+(?:the|those|these|its|their|his|her)?\s*$", re.IGNORECASE
)


def _partitive_whole(before: str, lex: Lexicon) -> bool:
    """Whether a count is the whole of a part counted before it ("two of the five victims",
    "12 of 40 protesters"): what happened is said of the part, not of the whole."""
    m = _PARTITIVE.search(before)
    if m is None:
        return False
    word = m.group(1).strip(".,")
    return word[:1].isdigit() or lex.parse_number_words(word.lower()) is not None


def _verb_after_head(e: Extraction) -> str:
    """The event word of a key ("person killed" -> "killed"), "" when the key is its head."""
    return e.key[len(e.head or "") :].strip() if e.head and e.key.startswith(e.head) else ""


def _in_celsius(e: Extraction, shift: float, factor: float) -> Extraction:
    assert isinstance(e.value, int | float)

    def conv(v: float | None) -> float | None:
        return None if v is None else round((v + shift) * factor, 6)

    value = conv(float(e.value))
    assert value is not None
    low, high = conv(e.low), conv(e.high)
    exact = e.low in (None, e.value) and e.high in (None, e.value)
    if exact and not e.approximate and factor != 1.0:  # a whole degree F is 0.56 degree C
        low, high = value - 0.5 * factor, value + 0.5 * factor
    return replace(
        e,
        value=value,
        low=low,
        high=high,
        unit="°C",
        head="temperature",
        key=f"temperature {_verb_after_head(e)}".strip(),
    )


#: feet then inches, as a person's height is written ("6-foot-9", "5 feet 8 inches", "6ft 2")
_FEET_AND_INCHES = re.compile(r"\d\s*-?\s*(?:foot|feet|ft)\b\W*\d", re.IGNORECASE)
#: feet and inches with no unit word, read in feet from a player's bio ("Quill (5-10, 230)")
_BIO_HEIGHT = re.compile(r"[4-7]\s?[-–]\s?(?:1[01]|\d)")


def _in_base_unit(e: Extraction) -> Extraction:
    """A count of a physical unit ("36 miles") as the measured property in its base unit
    (distance, 57,936 m; see `corroborator.units`), a temperature in degrees Celsius ("82
    degrees Fahrenheit" -> 27.8 °C); anything else unchanged."""
    if e.kind != "quantity" or not isinstance(e.value, int | float):
        return e
    scale = _TEMPERATURE.get((e.head or "").lower())
    if scale is not None:
        return _in_celsius(e, *scale)
    unit = PHYSICAL_UNITS.get((e.head or "").lower())
    if unit is None:
        return e
    base, factor, prop = unit
    if (
        prop == "distance"
        and 4 <= float(e.value) < 8
        and (_FEET_AND_INCHES.search(e.text) or _BIO_HEIGHT.fullmatch(e.text))
    ):
        prop = "height"  # "a 6-foot-5 boxer", "5 feet 8 inches": a person's height
    value = float(e.value) * factor
    low = None if e.low is None else e.low * factor
    high = None if e.high is None else e.high * factor
    if factor != 1.0 and low is None and high is None and not e.approximate:
        low, high = value * (1 - CONVERSION_TOLERANCE), value * (1 + CONVERSION_TOLERANCE)
    return replace(
        e,
        value=value,
        low=low,
        high=high,
        unit=base,
        head=prop,
        key=f"{prop} {_verb_after_head(e)}".strip(),
        stated_unit=(e.head or "").lower(),
    )


#: a figure of one person read as a plural ("Varga's wins")
_OWNED = {"win": "wins", "loss": "losses"}


def label_for(e: Extraction) -> str:
    """A readable name for the fact ('people killed', 'fire duration', 'quote by Novak',
    "Varga's wins")."""
    if e.kind == "quote":
        return f"quote by {e.speaker}" if e.speaker and e.speaker != "unknown" else "quote"
    head = (e.head or "").strip()
    words = e.key.split()
    if e.kind == "quantity":
        if head in GENERIC_HEADS:
            return f"count ({e.slot})" if e.slot else "count"
        # the plural, unless the text writes the head as it is ("a 5,000-strong crowd")
        written = re.search(rf"\b{re.escape(head)}\b", e.text, re.IGNORECASE)
        if not e.unit and e.value != 1 and words and words[0] == head and not written:
            words[0] = _plural(head)
        if e.owner:
            return f"{e.owner}'s " + " ".join(_OWNED.get(w, w) for w in words)
        return " ".join(words)
    noun = {"date": "date", "time": "time", "duration": "duration"}.get(e.kind, e.kind)
    # no head, a letter of an abbreviation ("U.S." -> "u"), or the kind again ("duration
    # duration"): the words around the value name it better
    if head in ("", "event") or len(head) <= 2 or head == noun:
        return f"{noun} ({e.slot})" if len(e.slot or "") > 2 else noun
    return e.key


#: Where one sentence turns from one source to another: "X said A, but Y said B".
_CONTRAST = re.compile(
    r",\s+(?:but|while|whereas|aber|während|doch|mais|alors\s+que|tandis\s+que|pero|mientras)\s+"
    r"|;\s+",
    re.I,
)
#: Verbs that give a figure as a source's estimate: "the survey put the magnitude at 6.1".
_ESTIMATE_VERBS = frozenset({"put", "puts", "estimated", "estimates", "gave", "gives"})
_SKIP_BEFORE_VERB = frozenset({"has", "had", "have", "also", "then", "later", "initially"})
_HOLDER_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def clause_holders(text: str, sent: Sentence, lex: Lexicon | None) -> list[tuple[int, int, str]]:
    """Sources that open the clauses of a sentence: (start, end, holder key) per clause whose
    subject is followed by a speech or estimate verb ("the national seismic center said …",
    "the regional survey put its magnitude at …", "Vestland's state television
    says …"). The key is the head of the subject: the last word of its noun phrase before a
    preposition or comma ("center", "survey", "television"), lemmatised.

    Clauses are the stretches between contrast joints (", but", ", while", "; "). This reads
    an attribution the whole-sentence patterns of `claims.quotes` miss: two sources in one
    sentence, and subjects with a possessive or a place after them. Pronoun subjects give no
    holder (who "he" is needs coreference)."""
    if lex is None:
        return []
    bounds = [sent.start]
    bounds += [m.end() for m in _CONTRAST.finditer(text, sent.start, sent.end)]
    bounds.append(sent.end)
    out: list[tuple[int, int, str]] = []
    for c_start, c_end in pairwise(bounds):
        found = _clause_subject_source(text, c_start, c_end, lex)
        if found:
            out.append((found[1], c_end, found[0]))
    return out


def _clause_subject_source(text: str, start: int, end: int, lex: Lexicon) -> tuple[str, int] | None:
    """The subject's head and the offset of its verb, when the clause opens with "<subject>
    <speech or estimate verb>"; the values after the verb are the source's."""
    # the subject and its verb open the clause: the first 12 words are enough
    words = [(m.group(), m.start()) for m in islice(_HOLDER_WORD.finditer(text, start, end), 12)]
    for k, (w, pos) in enumerate(words):
        low = w.lower()
        if low not in lex.speech_verbs and low not in _ESTIMATE_VERBS:
            continue
        if low in _ESTIMATE_VERBS and not re.search(r"\bat\b", text[pos:end]):
            continue
        j = k - 1
        while j >= 0 and (words[j][0].lower() in _SKIP_BEFORE_VERB or words[j][0].endswith("ly")):
            j -= 1
        if j < 0:
            return None
        subject = text[start : words[j][1] + len(words[j][0])]
        # the noun phrase before a comma or preposition: "the regional survey in
        # Port Alder, Vestland" -> "the regional survey"
        phrase = subject.split(",", 1)[0]
        np_words: list[str] = []
        for w2 in _HOLDER_WORD.findall(phrase):
            if np_words and w2.lower() in lex.prepositions:
                break
            np_words.append(w2)
        if not np_words or len(np_words) > 7:
            return None
        if all(w.lower() in lex.determiners for w in np_words):
            return None  # "An estimated 100,000 people": no subject
        head = re.sub(r"['’]s$", "", np_words[-1]).strip(".")
        if not head or head.lower() in lex.pronouns or head.lower() in lex.stopwords:
            return None
        name = head[:1].isupper() and (len(np_words) > 1 or lex.nouns_capitalised)
        return (head.lower() if name else lex.lemmatize(head.lower()).lower()), pos
    return None


def add_frames(
    text: str,
    sentences: Sequence[Sentence],
    extractions: Sequence[Extraction],
    language: str,
    published: str | None,
    lex: Lexicon | None,
) -> list[Extraction]:
    """Frames for one article's extractions; attributions fold into their sentence's claims.

    An attribution ("…, police said") is not a claim of its own: it becomes the `holder` of the
    values in its sentence. Reported speech that carries no checkable value is left out (a
    whole sentence as a "claim" cannot be corroborated or contradicted by value, and such
    rows were most of the single-source noise on real news).
    """
    sents = list(sentences) or [Sentence(0, len(text), text)]
    dates = [e for e in extractions if e.kind == "date"]
    ref_year = _reference_year(published, dates, text)
    by_sentence: dict[int, list[Extraction]] = {}
    for e in extractions:
        by_sentence.setdefault(e.sentence_index, []).append(e)
    out: list[Extraction] = []
    names_cache: dict[int, list[tuple[int, str]]] = {}
    holders_cache: dict[int, list[tuple[int, int, str]]] = {}
    for e in extractions:
        idx = e.sentence_index if 0 <= e.sentence_index < len(sents) else -1
        sent = sents[idx] if idx >= 0 else Sentence(0, len(text), text)
        if (
            e.kind == "attribution"
            or _lone_one(e, lex)
            or _pair_name(e, text, language)
            or _someday(e, text, language)
        ):
            continue
        same = by_sentence.get(e.sentence_index, [])
        holder = e.holder
        if e.kind == "quote":
            holder = e.head
        else:
            if idx not in holders_cache:
                holders_cache[idx] = clause_holders(text, sent, lex)
            regions = holders_cache[idx]
            att = next((o for o in same if o.kind == "attribution"), None)
            if att is not None and len({h for _, _, h in regions}) < 2:
                holder = att.head
            else:
                # the source of the value's own clause ("X said A, but Y said B")
                holder = next((h for s, t, h in regions if s <= e.start < t), holder)
        if idx not in names_cache:
            names_cache[idx] = _names(text, sent, lex)
        names = [
            (abs(pos - e.start), n) for pos, n in names_cache[idx] if not e.start <= pos < e.end
        ]
        names.sort()
        participants = tuple(dict.fromkeys(n for _, n in names))
        event_year = None
        # a record ("38-4") is the competitor's standing as of the report, whatever year the
        # sentence recalls ("unbeaten since 2004")
        if ref_year is not None and e.kind != "quote" and e.slot != RECORD_SLOT:
            # years stated in the sentence, outside the value itself ("a 2,000-foot fall")
            # ... nor in a relative clause after it ("now has 1,874 points, 9 more than Okafor,
            # who set the record in 2004": the record's year, not the figure's)
            stop = _relative_clause_start(text, e.end, sent.end, lex)
            years = {
                int(m.group(1))
                for m in _YEAR.finditer(text, sent.start, stop)
                if not e.start <= m.start() < e.end
            }
            if e.kind == "date" and str(e.value or "")[:4].isdigit():
                years.add(int(str(e.value)[:4]))
            event_year = _other_year(years, ref_year)
            if event_year is None and e.kind != "date" and not years - {ref_year}:
                event_year = _background_month(same, published)
                if event_year is None and not years and idx > 0 and _anaphoric(sent.text, language):
                    # "It killed 612 people": the figure belongs to the sentence before's event
                    event_year = _sentence_background(
                        text, sents[idx - 1], by_sentence.get(idx - 1, []), ref_year, published
                    )
        event_date, explicit, weekday = None, False, False
        if e.kind not in ("quote", "date"):
            # of two days in the sentence, the one nearest the value ("rescuers searched on
            # Sunday after Saturday's magnitude 6.2 quake": the magnitude is Saturday's)
            days = [
                d
                for d in same
                if d.kind == "date" and len(str(d.value or "")) == 10 and not d.approximate
            ]
            day = min(days, key=lambda d: max(d.start - e.end, e.start - d.end, 0), default=None)
            if day is not None:
                event_date = str(day.value)
                explicit = any(ch.isdigit() for ch in day.text) or bool(
                    _MONTH_WORD.search(day.text)
                )
                weekday = weekday_named(day.text)
        owner = e.owner
        if owner is None and e.kind == "quantity":
            owner = owner_before_value(text, sent.start, e.start, e.end) or None
            if owner is None and e.head == "age":
                owner = owner_after_age(text, e.end) or None
        if e.kind == "quantity" and lex is not None:
            e = _canonical_count(e, text, sent.start, lex)
        framed = replace(
            _in_base_unit(e),
            owner=owner,
            holder=holder,
            participants=participants,
            event_year=event_year,
            event_date=event_date,
            event_date_explicit=bool(explicit),
            event_weekday=weekday,
            modality=_modality(text, sent, e, language),
        )
        # an extractor that names its claims keeps the name ("votes against": its owner
        # "against" is a side of a vote, not a person whose figure it is)
        framed.label = (
            e.label or _when_label(framed, text, sent, language, lex) or label_for(framed)
        )
        out.append(framed)
    return out


#: words after a date or duration that are not what it is the date of ("Tuesday afternoon",
#: "a day earlier", "two weeks ago")
_NOT_EVENTS = PARTS_OF_DAY | frozenset(
    [
        "ago",
        "earlier",
        "later",
        "after",
        "before",
        "from",
        "until",
        "since",
        "through",
        "local",
        "time",
    ]
)
_DETERMINER = {
    "en": re.compile(r"\b(?:a|an|the|this|that|its|his|her|their|our)\s+$|'s\s+$", re.IGNORECASE)
}
_WORD_AFTER = re.compile(r"[\s-]+([a-z][a-z-]{2,})\b")
#: small words inside a name ("Department of Natural Resources", "Ludwig van Beethoven")
_NAME_PARTICLES = "of|de|del|la|von|van"
_CAPITALISED = re.compile(rf"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_NAME_PARTICLES}))*")


def _when_label(
    e: Extraction, text: str, sent: Sentence, language: str, lex: Lexicon | None
) -> str:
    """A readable label for a date, time or duration, or "" to keep `label_for`'s:

    - the noun the value qualifies, after a determiner ("a May 19 hearing" -> "hearing
      date", "the two-day summit" -> "summit duration"; English);
    - a whole name rather than a fragment of it as the head ("in Port Alder on May 14" ->
      "Port Alder date", not "port date").
    """
    if e.kind not in ("date", "time", "duration") or lex is None:
        return ""
    noun = e.kind
    # the value between a determiner and its noun modifies the noun
    det = _DETERMINER.get(language)
    m = _WORD_AFTER.match(text, e.end, sent.end)
    if (
        m is not None
        and det is not None
        and det.search(text, max(sent.start, e.start - 12), e.start)
    ):
        word = m.group(1)
        if word not in lex.stopwords and word not in _NOT_EVENTS and word != noun:
            return f"{word} {noun}"
    head = (e.head or "").strip()
    # (German capitalises every noun; a headline in title case names nothing this way)
    if len(head) > 2 and language != "de" and not _title_case(text[sent.start : sent.end]):
        for cap in _CAPITALISED.finditer(text, sent.start, sent.end):
            if cap.start() == sent.start and " " not in cap.group():
                continue  # the sentence's first word is capitalised anyway
            name = _name_around(cap.group(), head, lex.stopwords)
            if name:
                return f"{name} {noun}"
    return ""


_NAME_WORD = re.compile(rf"[A-Z][a-z][\w.-]*|{_NAME_PARTICLES}")
#: the most words of a name label ("Alaska Department of Natural Resources")
_NAME_WORDS = 5


def _name_around(run: str, head: str, stop: frozenset[str]) -> str:
    """The name in a run of capitalised words that holds the word `head` starts: the words
    next to it that are names (capital then lower case: not "A", "PM" or "AP"), at most
    five, without a possessive ("in Port Alder on" -> "Port Alder")."""
    words = [w.rstrip(".’'").removesuffix("’s").removesuffix("'s") for w in run.split()]
    at = next((k for k, w in enumerate(words) if w.lower().startswith(head)), None)
    if at is None or not _NAME_WORD.fullmatch(words[at]):
        return ""
    lo = hi = at
    while lo > 0 and _NAME_WORD.fullmatch(words[lo - 1]) and hi - lo < _NAME_WORDS - 1:
        lo -= 1
    while hi + 1 < len(words) and _NAME_WORD.fullmatch(words[hi + 1]) and hi - lo < _NAME_WORDS - 1:
        hi += 1
    while lo < hi and (words[lo][0].islower() or words[lo].lower() in stop):
        lo += 1  # "The Cleveland Browns" -> "Cleveland Browns"
    while hi > lo and words[hi][0].islower():
        hi -= 1
    return " ".join(words[lo : hi + 1])


def _title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case: no word of three letters or more in
    lower case but an article or a conjunction ("Olm Argued With Boss Before Monday
    Game", "Fire Kills Three on Friday")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    lower = [w for w in words if len(w) >= 3 and w[0].islower() and w not in _TITLE_SMALL]
    return len(words) >= 4 and not lower


_TITLE_SMALL = frozenset({"the", "and", "for", "but", "nor", "via"})
