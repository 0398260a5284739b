"""The per-language word lists that drive the language-neutral claim engine.

A language plugs in by building one `Lexicon` (see `claims/lang/en.py`) and registering it in
`claims/lang/__init__.py`. The engine never hard-codes English words: every word it looks for
comes from here, so adding French or Polish means writing a lexicon, not touching the engine.
Keys and heads are always produced in ENGLISH canonical form (via `noun_heads`, `event_verbs`,
`nominal_events`) so values align across languages; slots stay in the article's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# Hedge classes. The engine turns each into bounds (see `claims/numbers.py::apply_hedge`).
APPROX = "approx"  # about, around, roughly, some, an estimated: value +- tolerance
NEARLY = "nearly"  # nearly, almost, close to: [0.85 N, N]
LOWER = "lower"  # more than, over, at least: low = N, high open
UPPER = "upper"  # fewer than, less than, up to, at most: high = N, low open


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything language-specific the extractors need.

    Hashed by identity (eq=False): one instance per language, used as a cache key for the
    compiled patterns.

    Word keys are lower case. Regex fragments (`*_re`) are inserted into larger patterns that
    are compiled once per lexicon and matched case-insensitively.
    """

    code: str
    thousands_seps: tuple[str, ...]
    decimal_sep: str
    # Spelled-out numbers: a regex matching one number phrase, and its parser.
    number_words_re: str
    parse_number_words: Callable[[str], float | None]
    # Scale words after a number ("1.2 million", "3 Mrd."): surface -> factor.
    scales: Mapping[str, float]
    # Time units: surface -> (canonical unit name, seconds).
    duration_units: Mapping[str, tuple[str, float]]
    # Whole-phrase durations with no digits ("an hour and a half"): (regex with group u, factor).
    duration_phrases: tuple[tuple[str, float], ...]
    # After a number: "and a half" style suffixes adding a fraction.
    half_suffix_re: str
    percent_re: str
    points_re: str
    currency_words: Mapping[str, str]
    hedges: Mapping[str, str]
    post_hedges: Mapping[str, str]
    # Words that end a noun run / are never heads (articles, prepositions, auxiliaries...).
    stopwords: frozenset[str]
    auxiliaries: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    # Counted nouns: surface (lower) -> canonical English head; unknown nouns use `lemmatize`.
    noun_heads: Mapping[str, str]
    # Event verbs/participles: surface -> canonical English participle ("died" -> "killed").
    event_verbs: Mapping[str, str]
    # Nominalised events before "of": "evacuation" -> "evacuated".
    nominal_events: Mapping[str, str]
    # Measured-event verbs turned into head nouns for durations/dates ("closed" -> "closure").
    verb_nouns: Mapping[str, str]
    lemmatize: Callable[[str], str]
    # Whether common nouns are capitalised (German): heads may then be capitalised words.
    nouns_capitalised: bool
    # Age patterns: regex with group n (number) -> quantity head "age".
    age_re: str
    # Range connectors between two numbers ("to", "bis") and the opener ("between", "zwischen").
    range_words: tuple[str, ...]
    between_words: tuple[str, ...]
    # Dates.
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    relative_days: Mapping[str, int]
    past_words: tuple[str, ...]
    next_words: tuple[str, ...]
    this_words: tuple[str, ...]
    week_word_re: str
    month_word_re: str
    year_word_re: str
    ago_re: str
    future_markers: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    times_of_day: tuple[str, ...]
    # Speech: verbs introducing quotes/reported speech, and source nouns without a name.
    speech_verbs: frozenset[str]
    source_nouns: frozenset[str]
    according_to_re: str
    that_word: str
    pronouns: frozenset[str]
    org_words: frozenset[str]
    # Words never part of a speaker name even when capitalised ("The", "But").
    name_stopwords: frozenset[str] = field(default_factory=frozenset)
    # Words before a number that make it not a count (rates: "times", "per").
    rate_words: tuple[str, ...] = ()
    # Adjectives that may stand before a time unit and say nothing of the length ("two full
    # days", "a whole day").
    length_fillers: tuple[str, ...] = ()
    # Relative pronouns: "a debate that lasted two hours" -> the duration's head is "debate".
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)
    # Words that complete the verb before them ("broke out", "took place", "set off"): the verb
    # of "the fire broke out at 9pm" is "broke", not "out".
    verb_completions: frozenset[str] = field(default_factory=frozenset)
    # Words right before a count that make it a population ("home to 45,000 people"), and
    # the counted nouns that without a verb are one ("an island of 200,000 residents").
    population_cues: tuple[str, ...] = ()
    resident_nouns: frozenset[str] = field(default_factory=frozenset)
    # Words that open a new clause (besides punctuation): the subject of a duration is looked
    # for only in the clause holding the number ("..., before crews brought it under control").
    clause_words: frozenset[str] = field(default_factory=frozenset)
    # Time-frame idioms are not durations: "the worst blaze in a decade", "for the first time
    # in 20 years". A duration right after one of `timeframe_preps` is dropped when the clause
    # before it matches `timeframe_marker_re` (a superlative, "first", a negation).
    timeframe_preps: tuple[str, ...] = ()
    timeframe_marker_re: str = ""
    # Words joining two parts of one amount: "two hours and 30 minutes", "vingt et un".
    and_words: tuple[str, ...] = ("and", "und")
    # A half after the unit: French "deux heures et demie", Spanish "dos horas y media".
    unit_half_re: str = ""
    # "ago" before the amount: French "il y a deux jours", Spanish "hace dos días", German
    # "vor zwei Tagen". (`ago_re` is the English-style marker after it.)
    ago_prefix_re: str = ""
    # Words between day, month and year: "14 de marzo de 2026", "the 3rd of March".
    date_of_words: tuple[str, ...] = ("of",)
    # Duration written as an adjective ending: German "30-stündige Sitzung"; the head is the
    # noun after it.
    unit_adjective_re: str = ""
    # Words right before a weekday that point forward whatever the tense: "cancelled until
    # Thursday", "bis Donnerstag", "jusqu'à jeudi".
    forward_preps: tuple[str, ...] = ()
    # --- value forms (see `claims/numbers.py`, `claims/quantities.py`) ---
    # Read "30, 000" and "6. 1" (a stray space after a separator, from bad HTML) as one number.
    loose_separators: bool = False
    # Vague plural counts: (regex, unit) -> "dozens" (12) = at least two dozen, below ten dozen:
    # low 2 x unit, high 10 x unit - 1, approximate. Most specific pattern first ("tens of
    # thousands" before "thousands"). The regex may swallow a following "of".
    vague_counts: tuple[tuple[str, float], ...] = ()
    # Zero as a value: subjects ("no one", "nobody", "niemand") and determiners ("no",
    # "keine") that make "no one was hurt" / "no injuries" a count of 0 ("person injured").
    # Nouns that name the scale of a number written before it: "magnitude-5.9", "magnitude of
    # 5.9", "category 4" -> head "magnitude".
    measure_nouns: frozenset[str] = field(default_factory=frozenset)
    # Phrases after a number that name its scale: " on the Richter scale", "-magnitude"
    # (regex, head).
    measure_suffixes: tuple[tuple[str, str], ...] = ()
    # Unit abbreviations glued to a number ("200ft", "48km", "600m"): surface -> head noun.
    glued_units: Mapping[str, str] = field(default_factory=dict)
    # Age before a number: "aged 24", "im Alter von 24" (regex ending the left context).
    age_prefix_re: str = ""
    # Words glued to a number by a hyphen that keep it a value, with the sign they give:
    # "minus-130 degrees" (-1), "sub-7 nanometre chips" (+1). Other "word-5" are names.
    signed_prefixes: Mapping[str, float] = field(default_factory=dict)
    # Partitive words after a scale word: "1,5 millones de personas", "2 million of them".
    partitive_words: tuple[str, ...] = ()
    zero_subjects: tuple[str, ...] = ()
    zero_determiners: tuple[str, ...] = ()
    # Endings of a future-tense verb where the tense is written in the verb itself
    # ("visitera", "visitará"): a lower-case word of 5+ letters ending so puts the sentence
    # in the future, like `future_markers`.
    future_suffixes: tuple[str, ...] = ()
    # Words allowed between a zero subject and its event verb ("is believed to have been").
    zero_fillers: frozenset[str] = field(default_factory=frozenset)
    #: nouns after a zero determiner that report the event named after "of" ("no reports of
    #: injuries" -> zero injured)
    zero_reports: frozenset[str] = field(default_factory=frozenset)
    # Compounds glued to a weekday: German "Mittwochabend", "Montagmorgen" (regex).
    weekday_suffix_re: str = ""
    # --- more date forms (see `claims/dates.py`); empty = not read for the language ---
    # Words right before a bare year that make it a date: "the 1996 campaign", "early 1990",
    # "mid-1996", "fiscal 1989", "between 1985 and 1987" (a year after `year_join_words` is
    # a date only right after another year).
    year_modifiers: tuple[str, ...] = ()
    year_join_words: tuple[str, ...] = ()
    # Nouns right after a bare year that make it a count ("the 2000 soldiers").
    year_count_nouns: frozenset[str] = field(default_factory=frozenset)
    # Words before a month name without a day: "since March", "by August", "early May".
    month_prepositions: tuple[str, ...] = ()
    # Of those, the ones that look back only ("since March").
    past_prepositions: tuple[str, ...] = ()
    # The article as the amount of "a year ago" ("a", "an"), and "earlier" read like "ago".
    one_words: tuple[str, ...] = ()
    earlier_re: str = ""
    # Comparatives that make "earlier" not a date ("a month earlier than usual").
    than_words: tuple[str, ...] = ()
    # Quarters and halves of a year ("the third quarter", "third-quarter", "first half"):
    # ordinal -> number; the words (regex); the determiners before them.
    period_ordinals: Mapping[str, int] = field(default_factory=dict)
    quarter_word_re: str = ""
    half_word_re: str = ""
    period_determiners: tuple[str, ...] = ()
    # "the latest quarter", "the quarter" (the last one reported), "the current quarter",
    # "the year-ago quarter"; read only where `quarter_context_re` matches the article.
    latest_words: tuple[str, ...] = ()
    # The noun of "the latest period" / "the year-ago period" (regex; a quarter in context).
    period_word_re: str = ""
    current_words: tuple[str, ...] = ()
    year_ago_words: tuple[str, ...] = ()
    quarter_context_re: str = ""
    # Decades: the ending after the decade's first year ("1990s", "1990's") -> "199X" (no
    # digit for the year inside it, so it is not read as the year 1990 or 199).
    decade_suffix_re: str = ""
    # Seasons: word -> TIMEX code ("summer" -> "SU"), and the month in its middle (north).
    seasons: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    # The weekend (regex): "over the weekend", "this weekend" -> ISO week + "-WE".
    weekend_re: str = ""
    # Words in the clause that make a weekday after a forward preposition past ("had filed
    # reports by Wednesday").
    past_auxiliaries: tuple[str, ...] = ()
    # --- times of day (see `claims/times.py`) ---
    # Whether "a.m."/"pm" mark a 12-hour clock (English).
    ampm: bool = False
    # Clock words after a number: "Uhr", "h", "hours" ("17:06 hours").
    clock_words: tuple[str, ...] = ()
    # "local time", "Ortszeit": the zone of a time when no zone name is given (regex).
    local_time_re: str = ""
    # "around", "shortly after", "gegen": the time is approximate.
    time_hedges: tuple[str, ...] = ()
    # "at", "um", "until": a bare "17:06" after one is a time.
    time_prepositions: tuple[str, ...] = ()
