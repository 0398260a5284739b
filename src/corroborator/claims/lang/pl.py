"""Polish lexicon: inflected number words ("trzysta", "dwóch", "dwunastu", "półtorej godziny"),
durations with case forms ("godzin", "godziny", "dni", "lat"), counts in the genitive
("300 mieszkańców"), money ("2,5 mln zł", "złotych"), percentages ("12 procent", "12 proc."),
dates ("14 marca 2026 r.", "dwa dni temu"), „…” quotes with "powiedział(a) X" / "według X".
Heads map to ENGLISH canonical nouns; slots stay Polish.
"""

from __future__ import annotations

from corroborator.claims.lang.build import UNIT_SECONDS as _S
from corroborator.claims.lang.build import calendar_names, number_grammar
from corroborator.claims.lexicon import APPROX, LOWER, NEARLY, UPPER, Lexicon


def _forms(table: dict[str, tuple[str, ...]], values: dict[str, int]) -> dict[str, float]:
    return {form: float(values[k]) for k, forms in table.items() for form in (k, *forms)}


_VALUES = {
    "zero": 0,
    "jeden": 1,
    "dwa": 2,
    "trzy": 3,
    "cztery": 4,
    "pięć": 5,
    "sześć": 6,
    "siedem": 7,
    "osiem": 8,
    "dziewięć": 9,
    "dziesięć": 10,
    "jedenaście": 11,
    "dwanaście": 12,
    "trzynaście": 13,
    "czternaście": 14,
    "piętnaście": 15,
    "szesnaście": 16,
    "siedemnaście": 17,
    "osiemnaście": 18,
    "dziewiętnaście": 19,
    "dwadzieścia": 20,
    "trzydzieści": 30,
    "czterdzieści": 40,
    "pięćdziesiąt": 50,
    "sześćdziesiąt": 60,
    "siedemdziesiąt": 70,
    "osiemdziesiąt": 80,
    "dziewięćdziesiąt": 90,
    "sto": 100,
    "dwieście": 200,
    "trzysta": 300,
    "czterysta": 400,
    "pięćset": 500,
    "sześćset": 600,
    "siedemset": 700,
    "osiemset": 800,
    "dziewięćset": 900,
}
# Case forms (genitive/dative/instrumental, masculine-personal) of each number word.
_INFLECTED: dict[str, tuple[str, ...]] = {
    "zero": (),
    "jeden": ("jedna", "jedno", "jednego", "jednej", "jedną"),
    "dwa": ("dwie", "dwóch", "dwu", "dwoma", "dwiema", "dwoje"),
    "trzy": ("trzech", "trzema", "troje"),
    "cztery": ("czterech", "czterema"),
    "pięć": ("pięciu", "pięcioma"),
    "sześć": ("sześciu",),
    "siedem": ("siedmiu",),
    "osiem": ("ośmiu",),
    "dziewięć": ("dziewięciu",),
    "dziesięć": ("dziesięciu",),
    "jedenaście": ("jedenastu",),
    "dwanaście": ("dwunastu",),
    "trzynaście": ("trzynastu",),
    "czternaście": ("czternastu",),
    "piętnaście": ("piętnastu",),
    "szesnaście": ("szesnastu",),
    "siedemnaście": ("siedemnastu",),
    "osiemnaście": ("osiemnastu",),
    "dziewiętnaście": ("dziewiętnastu",),
    "dwadzieścia": ("dwudziestu",),
    "trzydzieści": ("trzydziestu",),
    "czterdzieści": ("czterdziestu",),
    "pięćdziesiąt": ("pięćdziesięciu",),
    "sześćdziesiąt": ("sześćdziesięciu",),
    "siedemdziesiąt": ("siedemdziesięciu",),
    "osiemdziesiąt": ("osiemdziesięciu",),
    "dziewięćdziesiąt": ("dziewięćdziesięciu",),
    "sto": ("stu",),
    "dwieście": ("dwustu",),
    "trzysta": ("trzystu",),
    "czterysta": ("czterystu",),
    "pięćset": ("pięciuset",),
    "sześćset": ("sześciuset",),
    "siedemset": ("siedmiuset",),
    "osiemset": ("ośmiuset",),
    "dziewięćset": ("dziewięciuset",),
}
_SCALES = {
    **{w: 1e3 for w in ("tysiąc", "tysiące", "tysięcy", "tysiąca")},
    **{w: 1e6 for w in ("milion", "miliony", "milionów", "miliona", "mln")},
    **{w: 1e9 for w in ("miliard", "miliardy", "miliardów", "miliarda", "mld")},
}
NUMBER_WORDS_RE, parse_number_words = number_grammar(
    _forms(_INFLECTED, _VALUES), {}, {k: v for k, v in _SCALES.items() if len(k) > 3}
)

DURATION_UNITS = {
    **{w: _S["second"] for w in ("sekunda", "sekundy", "sekund", "sekundę")},
    **{w: _S["minute"] for w in ("minuta", "minuty", "minut", "minutę", "min")},
    **{w: _S["hour"] for w in ("godzina", "godziny", "godzin", "godzinę", "godz")},
    **{w: _S["day"] for w in ("dzień", "dni", "dnia", "doba", "doby", "dób")},
    **{w: _S["week"] for w in ("tydzień", "tygodnie", "tygodni", "tygodnia")},
    **{w: _S["month"] for w in ("miesiąc", "miesiące", "miesięcy", "miesiąca")},
    **{w: _S["year"] for w in ("rok", "lata", "lat", "roku")},
    **{w: _S["decade"] for w in ("dekada", "dekady", "dekad", "dekadę")},
}
_U = (
    r"(?P<u>sekund[ayę]?|minut[ayę]?|godzin[ayę]?|dzień|dni|dnia|doby|tygodni[ea]?|tydzień"
    r"|miesiące|miesięcy|miesiąca|miesiąc|roku|lat|lata|rok|dekad[yę]?)"
)
DURATION_PHRASES = (
    (rf"\bpółtor(?:a|ej)\s+{_U}\b", 1.5),
    (rf"(?<!\bi\s)\bpół\s+{_U}\b", 0.5),
)

NOUN_HEADS = {
    **{w: "resident" for w in ("mieszkańców", "mieszkańcy", "mieszkańcom", "mieszkaniec")},
    **{w: "person" for w in ("osób", "osoby", "osoba", "ludzi", "ludzie")},
    **{w: "firefighter" for w in ("strażaków", "strażacy", "strażak", "strażaka")},
    **{w: "police officer" for w in ("policjantów", "policjanci", "policjant")},
    **{w: "soldier" for w in ("żołnierzy", "żołnierze", "żołnierz")},
    **{w: "child" for w in ("dzieci", "dziecko", "dziecka")},
    **{w: "home" for w in ("domów", "domy", "dom", "mieszkań")},
    **{w: "car" for w in ("samochodów", "samochody", "aut", "auta")},
    **{w: "vehicle" for w in ("pojazdów", "pojazdy")},
    **{w: "victim" for w in ("ofiar", "ofiary", "ofiara")},
    **{w: "person killed" for w in ("zabitych", "zmarłych", "zabici")},
    **{w: "person injured" for w in ("rannych", "ranni", "poszkodowanych")},
    **{w: "person missing" for w in ("zaginionych",)},
    **{w: "passenger" for w in ("pasażerów", "pasażerowie")},
    **{w: "employee" for w in ("pracowników", "pracownicy")},
    **{w: "family" for w in ("rodzin", "rodziny")},
    **{w: "building" for w in ("budynków", "budynki")},
    **{w: "hectare" for w in ("hektarów", "hektary", "ha")},
    **{w: "fire" for w in ("pożar", "pożaru", "ogień", "płomienie", "pożogi")},
    **{w: "meeting" for w in ("posiedzenie", "spotkanie", "zebranie", "obrady", "sesja")},
    **{w: "debate" for w in ("debata", "debaty", "dyskusja")},
    **{w: "strike" for w in ("strajk", "strajku")},
    **{w: "talks" for w in ("rozmowy", "negocjacje")},
    **{w: "road" for w in ("droga", "drogę", "drogi", "ulica", "ulicę", "trasa", "trasę")},
    **{w: "damage" for w in ("szkody", "straty", "szkód", "strat")},
    **{w: "cost" for w in ("koszt", "koszty")},
    **{w: "budget" for w in ("budżet",)},
    **{w: "fine" for w in ("grzywna", "kara", "grzywny")},
    **{w: "unemployment" for w in ("bezrobocie",)},
    **{w: "inflation" for w in ("inflacja",)},
    **{w: "price" for w in ("ceny",)},
    **{w: "operation" for w in ("akcja", "akcji", "operacja")},
    **{w: "evacuation" for w in ("ewakuacja",)},
}
EVENT_VERBS = {
    **{
        w: "evacuated"
        for w in (
            "ewakuowano",
            "ewakuowanych",
            "ewakuowani",
            "ewakuowało",
            "ewakuowała",
            "ewakuowały",
            "ewakuowali",
        )
    },
    **{w: "injured" for w in ("rannych", "ranni", "ranne", "ranny", "obrażenia")},
    **{w: "killed" for w in ("zginęło", "zginęli", "zginął", "zabitych", "zmarło", "zmarli")},
    **{w: "arrested" for w in ("zatrzymano", "zatrzymanych", "zatrzymani", "aresztowano")},
    **{w: "rescued" for w in ("uratowano", "uratowanych", "uratowani", "ocalono")},
    **{w: "displaced" for w in ("przesiedlonych", "przesiedleni")},
    **{w: "destroyed" for w in ("zniszczonych", "zniszczone", "zniszczono")},
    **{w: "damaged" for w in ("uszkodzonych", "uszkodzone", "uszkodzono")},
    **{w: "missing" for w in ("zaginionych", "zaginęło")},
    **{w: "hospitalised" for w in ("hospitalizowanych", "hospitalizowano")},
}


def lemmatize(word: str) -> str:
    """Unknown Polish nouns: lower case as written (inflection is too rich for suffix rules;
    the slot phrase still carries the word for cross-lingual matching)."""
    w = word.lower()
    return NOUN_HEADS.get(w, w)


PREPOSITIONS = frozenset(
    [
        "w",
        "we",
        "z",
        "ze",
        "na",
        "do",
        "od",
        "o",
        "po",
        "przy",
        "przez",
        "za",
        "przed",
        "pod",
        "nad",
        "dla",
        "bez",
        "u",
        "ku",
        "między",
        "wśród",
        "według",
        "podczas",
        "około",
        "wobec",
    ]
)
AUXILIARIES = frozenset(
    [
        "został",
        "została",
        "zostało",
        "zostali",
        "zostały",
        "było",
        "był",
        "była",
        "były",
        "byli",
        "jest",
        "są",
        "będzie",
        "się",
        "odniosło",
        "odnieśli",
    ]
)
PRONOUNS = frozenset(["on", "ona", "ono", "oni", "one", "my", "wy", "ja", "to"])
# Multipliers of a rate: "deux fois par semaine" counts nothing.
_RATE_NOUNS = frozenset(["razy", "raz"])
STOPWORDS = (
    _RATE_NOUNS
    | PREPOSITIONS
    | AUXILIARIES
    | PRONOUNS
    | frozenset(
        [
            "i",
            "a",
            "oraz",
            "lub",
            "albo",
            "ale",
            "że",
            "który",
            "która",
            "które",
            "którzy",
            "nie",
            "już",
            "jeszcze",
            "także",
            "też",
            "bardzo",
            "ponad",
            "prawie",
            "blisko",
            "niemal",
            "około",
            "ok",
            "wczoraj",
            "dziś",
            "dzisiaj",
            "jutro",
            "tym",
            "ten",
            "ta",
            "te",
            "tego",
            "tej",
            "tych",
            "jak",
            "co",
            "gdy",
            "kiedy",
            "ponieważ",
            "bo",
            "proc",
            "procent",
            "lat",
        ]
    )
)

MONTHS, WEEKDAYS = calendar_names("pl")
MONTHS["maj"] = 5
WEEKDAYS.update({"poniedziałek": 0, "wtorek": 1, "czwartek": 3, "piątek": 4})

LEXICON = Lexicon(
    code="pl",
    thousands_seps=(" ",),
    decimal_sep=",",
    number_words_re=NUMBER_WORDS_RE,
    parse_number_words=parse_number_words,
    scales=_SCALES,
    duration_units=DURATION_UNITS,
    duration_phrases=DURATION_PHRASES,
    half_suffix_re=r"\s+i\s+pół\b",
    percent_re=r"\s?(?:%|proc\.|procent\w*\b)",
    points_re=r"\s+punkt(?:y|ów)?\s+procentow\w*\b",
    currency_words={
        "zł": "PLN",
        "złotych": "PLN",
        "złote": "PLN",
        "złoty": "PLN",
        "euro": "EUR",
        "dolarów": "USD",
        "dolary": "USD",
        "funtów": "GBP",
        "rubli": "RUB",
    },
    hedges={
        "około": APPROX,
        "ok.": APPROX,
        "mniej więcej": APPROX,
        "prawie": NEARLY,
        "blisko": NEARLY,
        "niemal": NEARLY,
        "niemal że": NEARLY,
        "ponad": LOWER,
        "przeszło": LOWER,
        "co najmniej": LOWER,
        "mniej niż": UPPER,
        "maksymalnie": UPPER,
    },
    post_hedges={},
    stopwords=STOPWORDS,
    auxiliaries=AUXILIARIES,
    prepositions=PREPOSITIONS,
    determiners=frozenset(["ten", "ta", "to", "tego", "tej", "tych"]),
    noun_heads=NOUN_HEADS,
    event_verbs=EVENT_VERBS,
    nominal_events={"ewakuacja": "evacuated", "ewakuację": "evacuated", "ewakuacji": "evacuated"},
    verb_nouns={
        "wybuchł": "start",
        "zaczął": "start",
        "zamknięta": "closure",
        "zamknięto": "closure",
        "zablokowana": "closure",
    },
    lemmatize=lemmatize,
    nouns_capitalised=False,
    age_re=r"-letni\w*\b|\s+lat(?=\s*[,)])",
    range_words=("do", "-", "–"),
    between_words=("od", "między"),
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative_days={"wczoraj": -1, "dziś": 0, "dzisiaj": 0, "jutro": 1, "przedwczoraj": -2},
    past_words=(
        "zeszłym",
        "ubiegłym",
        "zeszłej",
        "ubiegłej",
        "ostatni",
        "zeszłą",
        "ubiegłą",
        "ostatnią",
        "zeszły",
        "ubiegły",
    ),
    next_words=("przyszłym", "przyszłej", "następnym", "przyszłą", "następną", "przyszły"),
    this_words=("tym", "tej"),
    week_word_re=r"tygodniu",
    month_word_re=r"miesiącu",
    year_word_re=r"roku",
    ago_re=r"\s+temu\b",
    forward_preps=("do",),
    future_markers=("będzie", "będą", "ma", "mają"),
    year_prepositions=("w", "od", "do", "przed", "po"),
    times_of_day=("godz.", "h"),
    speech_verbs=frozenset(
        [
            "powiedział",
            "powiedziała",
            "stwierdził",
            "stwierdziła",
            "oświadczył",
            "oświadczyła",
            "dodał",
            "dodała",
            "podkreślił",
            "podkreśliła",
            "poinformował",
            "poinformowała",
            "przekazał",
            "przekazała",
            "zaznaczył",
            "zaznaczyła",
            "mówi",
            "mówił",
            "mówiła",
        ]
    ),
    source_nouns=frozenset(
        [
            "policja",
            "policji",
            "straż",
            "władze",
            "ministerstwo",
            "rząd",
            "rzecznik",
            "rzeczniczka",
            "burmistrz",
            "świadkowie",
            "eksperci",
        ]
    ),
    according_to_re=r"\b(?:według|wg|zdaniem)\s+",
    that_word="że",
    pronouns=frozenset(["on", "ona"]),
    org_words=frozenset(["policja", "straż", "ministerstwo", "rząd", "urząd", "służby", "komenda"]),
    name_stopwords=frozenset(["i", "a", "ale", "według", "on", "ona"]),
    rate_words=("razy", "raz", "co", "dziennie"),
    relative_pronouns=frozenset(["który", "która", "które", "którzy", "którego", "której"]),
    clause_words=frozenset(["i", "a", "ale", "bo", "ponieważ", "gdy", "kiedy", "zanim", "zaś"]),
    timeframe_preps=("od", "w"),
    timeframe_marker_re=(r"(?i:\b(?:pierwsz\w*|naj\w+|nigdy|nie|rekordow\w*)\b)"),
    and_words=("i",),
    unit_half_re=r"(?!x)x",
    ago_prefix_re="",
    date_of_words=(),
)
