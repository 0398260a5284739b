"""German lexicon (minimal): durations, counts of common news nouns, percentages, money,
„…“ quotes with "sagte X". Heads are mapped to ENGLISH canonical nouns so that a German count
aligns with the English one; slots stay German.
"""

from __future__ import annotations

import re

from corroborator.claims.lexicon import APPROX, LOWER, NEARLY, UPPER, Lexicon

UNITS = {
    "null": 0,
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
_COUNT_WORDS = {k: v for k, v in UNITS.items() if not k.startswith("ein") or k == "eins"}
_STEMS = "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
_HALF = r"(?:einhalb)"
# "zwei", "dreihundert", "zweitausend", "zweieinhalb", "eineinhalb", "anderthalb".
NUMBER_WORDS_RE = (
    rf"\b(?:anderthalb|eineinhalb|(?:(?:{_STEMS})?(?:hundert|tausend))+(?:und)?(?:{_STEMS})?"
    rf"|(?:{_STEMS})(?:und(?:{_STEMS}))?{_HALF}?)\b"
)


def parse_number_words(phrase: str) -> float | None:
    """German number words, including compounds ('dreihundert', 'zweieinhalb')."""
    w = phrase.lower()
    if w in ("anderthalb", "eineinhalb"):
        return 1.5
    half = 0.0
    if w.endswith("einhalb") and w != "einhalb":
        half, w = 0.5, w[: -len("einhalb")]
    total = 0.0
    if "tausend" in w:
        a, w = w.split("tausend", 1)
        # "hunderttausend", "zweihundertfünfzigtausend": the thousands are a number below 1000
        total += (_below_thousand(a) if a not in ("", "ein") else 1.0) * 1000
    total += _below_thousand(w) if w else 0.0
    return total + half


def _below_thousand(w: str) -> float:
    """'zweihundertfünfzig' -> 250 (NaN when a part is no number word)."""
    total = 0.0
    if "hundert" in w:
        a, w = w.split("hundert", 1)
        total += (_small(a) if a not in ("", "ein") else 1.0) * 100
    return total + (_small(w) if w else 0.0)


def _small(w: str) -> float:
    if w in _COUNT_WORDS:
        return float(_COUNT_WORDS[w])
    if "und" in w:
        a, b = w.split("und", 1)
        # "einundzwanzig": "ein" is a unit here, though not a count on its own
        return float(UNITS.get(a, 0) + _COUNT_WORDS.get(b, 0))
    return float("nan")


_SECONDS = {
    "sekunde": ("second", 1.0),
    "minute": ("minute", 60.0),
    "stunde": ("hour", 3600.0),
    "tag": ("day", 86400.0),
    "woche": ("week", 7 * 86400.0),
    "monat": ("month", 30 * 86400.0),
    "jahr": ("year", 365 * 86400.0),
}
DURATION_UNITS = {
    "sekunde": _SECONDS["sekunde"],
    "sekunden": _SECONDS["sekunde"],
    "minute": _SECONDS["minute"],
    "minuten": _SECONDS["minute"],
    "stunde": _SECONDS["stunde"],
    "stunden": _SECONDS["stunde"],
    "tag": _SECONDS["tag"],
    "tage": _SECONDS["tag"],
    "tagen": _SECONDS["tag"],
    "woche": _SECONDS["woche"],
    "wochen": _SECONDS["woche"],
    "monat": _SECONDS["monat"],
    "monate": _SECONDS["monat"],
    "monaten": _SECONDS["monat"],
    "jahr": _SECONDS["jahr"],
    "jahre": _SECONDS["jahr"],
    "jahren": _SECONDS["jahr"],
}
# Duration adjectives: "30-stündige Sitzung", "zweistündigen Debatte" (the head is the noun
# after them, see `unit_adjective_re`).
_ADJ = {"stündig": "stunde", "minütig": "minute", "tägig": "tag", "wöchig": "woche"}
for _stem, _unit in _ADJ.items():
    for _end in ("e", "en", "er", "es", "em"):
        DURATION_UNITS[_stem + _end] = _SECONDS[_unit]
_U = r"(?P<u>Sekunden?|Minuten?|Stunden?|Tage?n?|Wochen?|Monate?n?|Jahre?n?)"
_ADJ_U = r"(?P<u>(?:stündig|minütig|tägig|wöchig)e[nmrs]?)"
DURATION_PHRASES = (
    *(
        (rf"\b{word}{_ADJ_U}\b", float(value))
        for word, value in sorted(_COUNT_WORDS.items())
        if 2 <= value <= 90
    ),
    (rf"\b(?:eineinhalb|anderthalb){_ADJ_U}\b", 1.5),
    (rf"\b(?:eine?n?|einer)\s+(?:halbe[n]?|halben)\s+{_U}\b", 0.5),
    (rf"\b(?:eine?n?|einer)\s+{_U}\b", 1.0),
)

NOUN_HEADS = {
    "einwohner": "resident",
    "einwohnerinnen": "resident",
    "bewohner": "resident",
    "bewohnerinnen": "resident",
    "anwohner": "resident",
    "feuerwehrleute": "firefighter",
    "feuerwehrmänner": "firefighter",
    "einsatzkräfte": "responder",
    "menschen": "person",
    "personen": "person",
    "person": "person",
    "mensch": "person",
    "leute": "person",
    "häuser": "home",
    "haus": "home",
    "wohnungen": "home",
    "gebäude": "building",
    "kinder": "child",
    "kind": "child",
    "männer": "man",
    "frauen": "woman",
    "polizisten": "police officer",
    "soldaten": "soldier",
    "schüler": "student",
    "studenten": "student",
    "opfer": "victim",
    "tote": "person killed",
    "toten": "person killed",
    "todesopfer": "person killed",
    "verletzte": "person injured",
    "verletzten": "person injured",
    "schwerverletzte": "person injured",
    "vermisste": "person missing",
    "festnahmen": "person arrested",
    "fahrzeuge": "vehicle",
    "autos": "car",
    "hektar": "hectare",
    "familien": "family",
    "haushalte": "household",
    "mitarbeiter": "employee",
    "beschäftigte": "employee",
    "arbeitsplätze": "job",
    "stimmen": "vote",
    "flüchtlinge": "refugee",
    "patienten": "patient",
    "schüsse": "shot",
    "flüge": "flight",
    "passagiere": "passenger",
    # Event nouns that head durations, money and percentages.
    "feuer": "fire",
    "flammen": "fire",
    "brand": "fire",
    "großbrand": "fire",
    "waldbrand": "fire",
    "sitzung": "meeting",
    "treffen": "meeting",
    "gespräche": "talks",
    "verhandlungen": "talks",
    "straße": "road",
    "sperrung": "road closure",
    "schaden": "damage",
    "schäden": "damage",
    "kosten": "cost",
    "strafe": "fine",
    "geldstrafe": "fine",
    "budget": "budget",
    "haushalt": "budget",
    "arbeitslosigkeit": "unemployment",
    "arbeitslosenquote": "unemployment",
    "inflation": "inflation",
    "preise": "price",
    "einsatz": "operation",
    "evakuierung": "evacuation",
    "stromausfall": "power outage",
}
EVENT_VERBS = {
    "evakuiert": "evacuated",
    "evakuierten": "evacuated",
    "verletzt": "injured",
    "verletzte": "injured",
    "getötet": "killed",
    "starben": "killed",
    "gestorben": "killed",
    "ums": "killed",
    "festgenommen": "arrested",
    "gerettet": "rescued",
    "zerstört": "destroyed",
    "beschädigt": "damaged",
    "vermisst": "missing",
    "tot": "killed",
}


def lemmatize(word: str) -> str:
    """Unknown German nouns: lower case, common plural endings stripped (best effort)."""
    w = word.lower()
    if w in NOUN_HEADS:
        return NOUN_HEADS[w]
    for suf in ("innen", "en", "er", "e", "n", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            stem = w[: -len(suf)]
            # an inflected form of a known noun: dative plural "Passagieren" -> "passagiere"
            for known in (stem, stem + "e", stem + "en"):
                if known in NOUN_HEADS:
                    return NOUN_HEADS[known]
            return stem
    return w


STOPWORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "und",
        "oder",
        "aber",
        "in",
        "im",
        "an",
        "am",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "seit",
        "von",
        "vor",
        "zu",
        "zum",
        "zur",
        "über",
        "unter",
        "um",
        "für",
        "gegen",
        "durch",
        "bis",
        "als",
        "wie",
        "wurden",
        "wurde",
        "werden",
        "wird",
        "ist",
        "sind",
        "war",
        "waren",
        "hat",
        "haben",
        "hatte",
        "hatten",
        "sei",
        "seien",
        "noch",
        "auch",
        "nur",
        "schon",
        "etwa",
        "rund",
        "fast",
        "mehr",
        "weniger",
        "mindestens",
        "knapp",
        "sagte",
        "sagt",
        "es",
        "sie",
        "er",
        "wir",
        "ihr",
        "man",
        "nicht",
        "kein",
        "keine",
        "dass",
        "prozent",
        "jahre",
        "jahren",
        "alt",
    ]
)

LEXICON = Lexicon(
    code="de",
    thousands_seps=(".", " "),
    decimal_sep=",",
    number_words_re=NUMBER_WORDS_RE,
    parse_number_words=lambda p: None if (v := parse_number_words(p)) is None or v != v else v,
    scales={
        "tausend": 1e3,
        "million": 1e6,
        "millionen": 1e6,
        "mio.": 1e6,
        "mio": 1e6,
        "milliarde": 1e9,
        "milliarden": 1e9,
        "mrd.": 1e9,
        "mrd": 1e9,
    },
    duration_units=DURATION_UNITS,
    duration_phrases=DURATION_PHRASES,
    half_suffix_re=r"(?!x)x",
    percent_re=r"\s?(?:%|Prozent\b)",
    points_re=r"\s+Prozentpunkte?n?\b",
    currency_words={
        "euro": "EUR",
        "dollar": "USD",
        "us-dollar": "USD",
        "franken": "CHF",
        "pfund": "GBP",
        "złoty": "PLN",
        "zloty": "PLN",
        "yen": "JPY",
    },
    hedges={
        "etwa": APPROX,
        "rund": APPROX,
        "ungefähr": APPROX,
        "circa": APPROX,
        "ca.": APPROX,
        "gut": APPROX,
        "geschätzt": APPROX,
        "fast": NEARLY,
        "beinahe": NEARLY,
        "knapp": NEARLY,
        "nahezu": NEARLY,
        "mehr als": LOWER,
        "über": LOWER,
        "mindestens": LOWER,
        "weniger als": UPPER,
        "unter": UPPER,
        "bis zu": UPPER,
        "höchstens": UPPER,
    },
    post_hedges={},
    stopwords=STOPWORDS,
    auxiliaries=frozenset(
        ["wurde", "wurden", "ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten", "sei"]
    ),
    prepositions=frozenset(
        [
            "in",
            "im",
            "an",
            "am",
            "auf",
            "aus",
            "bei",
            "mit",
            "nach",
            "seit",
            "von",
            "vor",
            "zu",
            "um",
            "für",
            "über",
        ]
    ),
    determiners=frozenset(
        ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
    ),
    noun_heads=NOUN_HEADS,
    event_verbs=EVENT_VERBS,
    nominal_events={"evakuierung": "evacuated", "rettung": "rescued"},
    verb_nouns={
        "brach": "start",
        "begann": "start",
        "ausgebrochen": "start",
        "gesperrt": "closure",
        "geschlossen": "closure",
    },
    lemmatize=lemmatize,
    nouns_capitalised=True,
    age_re=r"(?:-|\s)jährige[nrm]?\b|\s+Jahre\s+alt\b",
    range_words=("bis", "-", "–"),
    between_words=("zwischen",),
    months={
        "januar": 1,
        "jänner": 1,
        "februar": 2,
        "märz": 3,
        "april": 4,
        "mai": 5,
        "juni": 6,
        "juli": 7,
        "august": 8,
        "september": 9,
        "oktober": 10,
        "november": 11,
        "dezember": 12,
    },
    weekdays={
        "montag": 0,
        "dienstag": 1,
        "mittwoch": 2,
        "donnerstag": 3,
        "freitag": 4,
        "samstag": 5,
        "sonnabend": 5,
        "sonntag": 6,
    },
    relative_days={"gestern": -1, "heute": 0, "morgen": 1, "vorgestern": -2},
    past_words=("letzten", "letzte", "vergangenen", "vergangene", "vorigen"),
    next_words=("nächsten", "nächste", "kommenden", "kommende"),
    this_words=("diese", "diesen", "dieser"),
    week_word_re=r"Woche",
    month_word_re=r"Monat",
    year_word_re=r"Jahr",
    ago_re=r"(?!x)x",
    ago_prefix_re=r"\bvor",
    unit_adjective_re=r"(?:stündig|minütig|tägig|wöchig)e[nmrs]?$",
    forward_preps=("bis",),
    future_markers=("wird", "werden", "werde", "soll", "sollen"),
    year_prepositions=("im jahr", "seit", "bis", "von", "ab"),
    times_of_day=("uhr", "h"),
    speech_verbs=frozenset(
        [
            "sagte",
            "sagt",
            "sagten",
            "erklärte",
            "erklärt",
            "betonte",
            "betont",
            "teilte",
            "mitteilte",
            "berichtete",
            "berichtet",
            "bestätigte",
            "bestätigt",
            "meinte",
            "meint",
            "fügte",
            "hinzu",
            "warnte",
            "warnt",
        ]
    ),
    source_nouns=frozenset(
        [
            "polizei",
            "feuerwehr",
            "behörden",
            "behörde",
            "sprecher",
            "sprecherin",
            "ministerium",
            "regierung",
            "zeugen",
            "experten",
            "bürgermeister",
            "bürgermeisterin",
        ]
    ),
    according_to_re=r"\b(?:laut|nach\s+Angaben\s+(?:der|des|von))\s+",
    that_word="dass",
    pronouns=frozenset(["er", "sie"]),
    org_words=frozenset(
        ["polizei", "feuerwehr", "ministerium", "regierung", "behörde", "amt", "stadt"]
    ),
    name_stopwords=frozenset(["der", "die", "das", "und", "aber", "er", "sie", "es"]),
    rate_words=("pro", "je", "mal"),
    relative_pronouns=frozenset(["der", "die", "das", "welche", "welcher", "welches"]),
    clause_words=frozenset(
        ["und", "aber", "oder", "weil", "bevor", "nachdem", "während", "wenn", "dass", "obwohl"]
    ),
    vague_counts=(
        (r"\b(?:zehntausende|zehntausenden)\b", 1e4),
        (r"\b(?:hunderttausende|hunderttausenden)\b", 1e5),
        (r"\b(?:dutzende|dutzenden)\b", 12.0),
        (r"\b(?:hunderte|hunderten)\b", 100.0),
        (r"\b(?:tausende|tausenden)\b", 1e3),
    ),
    zero_subjects=("niemand", "keiner"),
    zero_determiners=("keine", "kein", "keinen"),
    zero_fillers=frozenset(["dabei", "bei", "dem", "der", "nach", "angaben", "ersten", "schwer"]),
    weekday_suffix_re=r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht|früh)",
    clock_words=("uhr", "h"),
    local_time_re=r"Ortszeit\b",
    time_hedges=("kurz nach", "kurz vor", "gegen", "etwa", "um etwa", "rund", "ca.", "circa"),
    time_prepositions=("um", "ab", "bis", "seit", "gegen"),
    timeframe_preps=("seit", "in"),
    # Superlatives and ordinals are lower case in German ("der schwerste Brand seit zehn
    # Jahren", "zum ersten Mal seit 20 Jahren"); negations ("seit Jahren nicht").
    timeframe_marker_re=r"\b(?:erste[nmrs]?|[a-zäöüß]{2,}(?:st|ßt)e[nmrs]?|nie|nicht)\b",
)

_ = re  # regexes live in the pattern strings above
