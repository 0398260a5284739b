"""French lexicon: durations, counts of common news nouns, money, percentages, dates, «…»
quotes with "a déclaré X" / "selon X". Heads map to ENGLISH canonical nouns; slots stay French.
Elided articles ("l'incendie", "d'euros") are split off by the tokenizer.
"""

from __future__ import annotations

from corroborator.claims.lang.build import UNIT_SECONDS as _S
from corroborator.claims.lang.build import calendar_names, number_grammar
from corroborator.claims.lexicon import APPROX, LOWER, NEARLY, UPPER, Lexicon

_UNITS = {
    "zéro": 0,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "quatre-vingt": 80,
    "quatre-vingts": 80,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
}
# "un"/"une" are the indefinite article too: a number only inside a larger phrase.
NUMBER_WORDS_RE, parse_number_words = number_grammar(
    {**_UNITS, "un": 1, "une": 1},
    {"cent": 100, "cents": 100},
    {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
    joiners=("et",),
    lead_re=r"une?",
)
NUMBER_WORDS_RE = rf"(?!(?:une?|et)\b){NUMBER_WORDS_RE}"

DURATION_UNITS = {
    **{w: _S["second"] for w in ("seconde", "secondes")},
    **{w: _S["minute"] for w in ("minute", "minutes", "min")},
    **{w: _S["hour"] for w in ("heure", "heures")},
    **{w: _S["day"] for w in ("jour", "jours", "journée", "journées")},
    **{w: _S["week"] for w in ("semaine", "semaines")},
    **{w: _S["month"] for w in ("mois",)},
    **{w: _S["year"] for w in ("an", "ans", "année", "années")},
    **{w: _S["decade"] for w in ("décennie", "décennies")},
}
_U = r"(?P<u>secondes?|minutes?|heures?|journées?|jours?|semaines?|mois|années?|ans?|décennies?)"
DURATION_PHRASES = (
    (rf"\bune?\s+{_U}\s+et\s+demie?\b", 1.5),
    (rf"\bune?\s+demi-{_U}\b", 0.5),
    (rf"\bune?\s+{_U}\b(?!\s+et\s+demie?)", 1.0),
)

NOUN_HEADS = {
    "habitants": "resident",
    "habitant": "resident",
    "riverains": "resident",
    "résidents": "resident",
    "personnes": "person",
    "personne": "person",
    "gens": "person",
    "pompiers": "firefighter",
    "sapeurs-pompiers": "firefighter",
    "policiers": "police officer",
    "gendarmes": "police officer",
    "soldats": "soldier",
    "militaires": "soldier",
    "enfants": "child",
    "enfant": "child",
    "maisons": "home",
    "logements": "home",
    "foyers": "household",
    "voitures": "car",
    "véhicules": "vehicle",
    "victimes": "victim",
    "morts": "person killed",
    "tués": "person killed",
    "blessés": "person injured",
    "disparus": "person missing",
    "hommes": "man",
    "femmes": "woman",
    "élèves": "student",
    "étudiants": "student",
    "salariés": "employee",
    "employés": "employee",
    "emplois": "job",
    "passagers": "passenger",
    "manifestants": "protester",
    "familles": "family",
    "bâtiments": "building",
    "hectares": "hectare",
    # Event nouns heading durations, money and percentages.
    "incendie": "fire",
    "feu": "fire",
    "flammes": "fire",
    "brasier": "fire",
    "réunion": "meeting",
    "séance": "meeting",
    "débat": "debate",
    "grève": "strike",
    "négociations": "talks",
    "pourparlers": "talks",
    "route": "road",
    "fermeture": "closure",
    "dégâts": "damage",
    "dommages": "damage",
    "préjudice": "damage",
    "coût": "cost",
    "budget": "budget",
    "amende": "fine",
    "chômage": "unemployment",
    "inflation": "inflation",
    "prix": "price",
    "opération": "operation",
    "évacuation": "evacuation",
    "panne": "power outage",
}
EVENT_VERBS = {
    **{w: "evacuated" for w in ("évacué", "évacués", "évacuée", "évacuées", "évacuer")},
    **{w: "injured" for w in ("blessé", "blessés", "blessée", "blessées")},
    **{w: "killed" for w in ("tué", "tués", "tuée", "tuées", "morts", "mort", "décédés")},
    **{w: "arrested" for w in ("arrêté", "arrêtés", "interpellé", "interpellés", "interpellées")},
    **{w: "rescued" for w in ("secouru", "secourus", "sauvé", "sauvés")},
    **{w: "displaced" for w in ("déplacés", "relogés")},
    **{w: "destroyed" for w in ("détruit", "détruits", "détruites")},
    **{w: "damaged" for w in ("endommagé", "endommagés", "endommagées")},
    **{w: "missing" for w in ("disparu", "disparus")},
    **{w: "hospitalised" for w in ("hospitalisé", "hospitalisés", "hospitalisées")},
}
_PLURAL_NO_STRIP = ("is", "us", "os", "as")


def lemmatize(word: str) -> str:
    """Unknown French nouns: lower case, plural -s/-x stripped (best effort)."""
    w = word.lower()
    if w in NOUN_HEADS:
        return NOUN_HEADS[w]
    if len(w) > 4 and w.endswith(("s", "x")) and not w.endswith(_PLURAL_NO_STRIP):
        return w[:-1]
    return w


DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
    ]
)
PREPOSITIONS = frozenset(
    [
        "de",
        "d'",
        "d’",
        "du",
        "des",
        "à",
        "au",
        "aux",
        "en",
        "dans",
        "sur",
        "sous",
        "pour",
        "par",
        "avec",
        "sans",
        "vers",
        "chez",
        "contre",
        "entre",
        "après",
        "avant",
        "depuis",
        "pendant",
        "durant",
        "près",
        "selon",
        "lors",
        "devant",
        "derrière",
        "parmi",
        "jusqu",
    ]
)
AUXILIARIES = frozenset(
    [
        "a",
        "ont",
        "avait",
        "avaient",
        "est",
        "sont",
        "était",
        "étaient",
        "été",
        "sera",
        "seront",
        "fut",
        "furent",
        "se",
        "s'",
        "s’",
        "y",
    ]
)
PRONOUNS = frozenset(
    ["il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "j’", "ce", "c'", "c’"]
)
# Multipliers of a rate: "deux fois par semaine" counts nothing.
_RATE_NOUNS = frozenset(["fois"])
STOPWORDS = (
    _RATE_NOUNS
    | DETERMINERS
    | PREPOSITIONS
    | AUXILIARIES
    | PRONOUNS
    | frozenset(
        [
            "et",
            "ou",
            "mais",
            "donc",
            "ni",
            "car",
            "que",
            "qu'",
            "qu’",
            "qui",
            "dont",
            "où",
            "ne",
            "n'",
            "n’",
            "pas",
            "plus",
            "moins",
            "très",
            "aussi",
            "environ",
            "presque",
            "quelque",
            "quelques",
            "tous",
            "tout",
            "toute",
            "toutes",
            "autres",
            "autre",
            "cent",
            "pour",
            "hier",
            "aujourd'hui",
            "demain",
            "déjà",
            "encore",
            "selon",
            "a",
            "déclaré",
            "dit",
            "ans",
        ]
    )
)

MONTHS, WEEKDAYS = calendar_names("fr")
MONTHS["mai"] = 5

LEXICON = Lexicon(
    code="fr",
    thousands_seps=(" ", "."),
    decimal_sep=",",
    number_words_re=NUMBER_WORDS_RE,
    parse_number_words=parse_number_words,
    scales={"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
    duration_units=DURATION_UNITS,
    duration_phrases=DURATION_PHRASES,
    half_suffix_re=r"(?!x)x",
    percent_re=r"\s?(?:%|pour\s?cent\b)",
    points_re=r"\s+points?\s+de\s+pourcentage\b",
    currency_words={
        "euros": "EUR",
        "euro": "EUR",
        "d'euros": "EUR",
        "d’euros": "EUR",
        "dollars": "USD",
        "de dollars": "USD",
        "livres": "GBP",
        "francs suisses": "CHF",
        "francs": "CHF",
        "zlotys": "PLN",
        "roubles": "RUB",
        "de roubles": "RUB",
    },
    hedges={
        "environ": APPROX,
        "quelque": APPROX,
        "près de": NEARLY,
        "presque": NEARLY,
        "quasiment": NEARLY,
        "plus de": LOWER,
        "au moins": LOWER,
        "moins de": UPPER,
        "jusqu'à": UPPER,
        "jusqu’à": UPPER,
    },
    post_hedges={" environ": APPROX},
    stopwords=STOPWORDS,
    auxiliaries=AUXILIARIES,
    prepositions=PREPOSITIONS,
    determiners=DETERMINERS,
    noun_heads=NOUN_HEADS,
    event_verbs=EVENT_VERBS,
    nominal_events={"évacuation": "evacuated", "arrestation": "arrested", "sauvetage": "rescued"},
    verb_nouns={
        "éclaté": "start",
        "commencé": "start",
        "fermée": "closure",
        "fermé": "closure",
        "coupée": "closure",
        "bloquée": "closure",
    },
    lemmatize=lemmatize,
    nouns_capitalised=False,
    age_re=r"\s+ans(?=\s*[,)])",
    range_words=("à", "-", "–", "et"),
    between_words=("entre", "de"),
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative_days={"hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "avant-hier": -2},
    past_words=("dernier", "dernière"),
    next_words=("prochain", "prochaine"),
    this_words=("ce", "cette"),
    week_word_re=r"semaine",
    month_word_re=r"mois",
    year_word_re=r"année",
    ago_re=r"(?!x)x",
    forward_preps=("jusqu'à", "d'ici"),
    future_markers=("va", "vont", "sera", "seront", "devrait", "doit"),
    future_suffixes=("era", "ira", "eront", "iront", "erons", "irons", "erez", "irez"),
    year_prepositions=("en", "depuis", "jusqu'en", "avant", "après"),
    times_of_day=("h", "heures du matin"),
    speech_verbs=frozenset(
        [
            "a déclaré",
            "a dit",
            "a affirmé",
            "a expliqué",
            "a ajouté",
            "a indiqué",
            "a précisé",
            "a souligné",
            "a confirmé",
            "a annoncé",
            "a assuré",
            "déclare",
            "dit",
            "affirme",
            "explique",
            "ajoute",
            "indique",
            "précise",
            "souligne",
            "confirme",
            "assure",
        ]
    ),
    source_nouns=frozenset(
        [
            "police",
            "pompiers",
            "autorités",
            "ministère",
            "gouvernement",
            "porte-parole",
            "préfecture",
            "mairie",
            "maire",
            "témoins",
            "experts",
        ]
    ),
    according_to_re=r"\bselon\s+",
    that_word="que",
    pronouns=frozenset(["il", "elle", "ils", "elles"]),
    org_words=frozenset(
        ["police", "ministère", "gouvernement", "préfecture", "mairie", "service", "services"]
    ),
    name_stopwords=frozenset(["le", "la", "les", "et", "mais", "il", "elle", "selon"]),
    rate_words=("par", "fois", "chaque"),
    relative_pronouns=frozenset(["qui", "que", "qu'", "qu’", "lequel", "laquelle"]),
    clause_words=frozenset(["et", "mais", "car", "parce", "lorsque", "quand", "alors", "avant"]),
    timeframe_preps=("en", "depuis"),
    timeframe_marker_re=(r"(?i:\b(?:plus|moins|pire|meilleure?|premi[eè]re?|jamais|pas|record)\b)"),
    and_words=("et",),
    unit_half_re=r"\s+et\s+demie?\b",
    ago_prefix_re=r"\bil\s+y\s+a",
    date_of_words=(),
    clock_words=("h", "heures"),
    local_time_re=r"heure\s+locale\b",
    time_hedges=("peu après", "peu avant", "vers", "aux alentours de", "environ"),
    time_prepositions=("à", "dès", "jusqu'à", "jusqu’à", "depuis"),
)
