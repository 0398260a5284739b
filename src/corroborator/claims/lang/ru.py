"""Russian lexicon: inflected number words ("двадцать пять", "двух", "трёхсот", "полтора часа"),
durations with case forms ("часа", "часов", "суток", "лет"), counts ("300 жителей"), money
("3 млн рублей"), percentages ("12 процентов"), dates ("14 марта 2026 года", "два дня назад"),
«…» quotes with "сказал(а) X" / "по словам X". Heads map to ENGLISH canonical nouns.
"""

from __future__ import annotations

from corroborator.claims.lang.build import UNIT_SECONDS as _S
from corroborator.claims.lang.build import calendar_names, number_grammar
from corroborator.claims.lexicon import APPROX, LOWER, NEARLY, UPPER, Lexicon

# Each number word with its oblique case forms.
_NUMBERS: dict[int, tuple[str, ...]] = {
    0: ("ноль",),
    1: ("один", "одна", "одно", "одного", "одной", "одному", "одним"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трёх", "трех", "трём", "трем", "тремя"),
    4: ("четыре", "четырёх", "четырех", "четырьмя"),
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести"),
    7: ("семь", "семи"),
    8: ("восемь", "восьми"),
    9: ("девять", "девяти"),
    10: ("десять", "десяти"),
    11: ("одиннадцать", "одиннадцати"),
    12: ("двенадцать", "двенадцати"),
    13: ("тринадцать", "тринадцати"),
    14: ("четырнадцать", "четырнадцати"),
    15: ("пятнадцать", "пятнадцати"),
    16: ("шестнадцать", "шестнадцати"),
    17: ("семнадцать", "семнадцати"),
    18: ("восемнадцать", "восемнадцати"),
    19: ("девятнадцать", "девятнадцати"),
    20: ("двадцать", "двадцати"),
    30: ("тридцать", "тридцати"),
    40: ("сорок", "сорока"),
    50: ("пятьдесят", "пятидесяти"),
    60: ("шестьдесят", "шестидесяти"),
    70: ("семьдесят", "семидесяти"),
    80: ("восемьдесят", "восьмидесяти"),
    90: ("девяносто", "девяноста"),
    100: ("сто", "ста"),
    200: ("двести", "двухсот"),
    300: ("триста", "трёхсот", "трехсот"),
    400: ("четыреста", "четырёхсот", "четырехсот"),
    500: ("пятьсот", "пятисот"),
    600: ("шестьсот", "шестисот"),
    700: ("семьсот", "семисот"),
    800: ("восемьсот", "восьмисот"),
    900: ("девятьсот", "девятисот"),
}
_UNITS = {form: float(v) for v, forms in _NUMBERS.items() for form in forms}
_SCALES = {
    **{w: 1e3 for w in ("тысяча", "тысячи", "тысяч", "тысячу", "тыс")},
    **{w: 1e6 for w in ("миллион", "миллиона", "миллионов", "млн")},
    **{w: 1e9 for w in ("миллиард", "миллиарда", "миллиардов", "млрд")},
}
NUMBER_WORDS_RE, parse_number_words = number_grammar(
    _UNITS, {}, {k: v for k, v in _SCALES.items() if len(k) > 4}
)

DURATION_UNITS = {
    **{w: _S["second"] for w in ("секунда", "секунды", "секунд", "секунду")},
    **{w: _S["minute"] for w in ("минута", "минуты", "минут", "минуту", "мин")},
    **{w: _S["hour"] for w in ("час", "часа", "часов", "часу")},
    **{w: _S["day"] for w in ("день", "дня", "дней", "сутки", "суток")},
    **{w: _S["week"] for w in ("неделя", "недели", "недель", "неделю")},
    **{w: _S["month"] for w in ("месяц", "месяца", "месяцев")},
    **{w: _S["year"] for w in ("год", "года", "лет", "году")},
    **{w: _S["decade"] for w in ("десятилетие", "десятилетия", "десятилетий")},
}
_U = (
    r"(?P<u>секунд[ыу]?|минут[ыу]?|часа|часов|час|дня|дней|день|суток|сутки|недел[иьюя]"
    r"|месяца|месяцев|месяц|года|году|год|лет|десятилети[еяй])"
)
DURATION_PHRASES = (
    (rf"\bполтор[аы]\s+{_U}(?!\w)", 1.5),
    (r"\bпол(?P<u>часа|дня|года|суток)(?!\w)", 0.5),
)

NOUN_HEADS = {
    **{w: "resident" for w in ("жителей", "жителя", "жители", "житель", "жильцов")},
    **{w: "person" for w in ("человек", "человека", "людей", "люди")},
    **{w: "firefighter" for w in ("пожарных", "пожарные", "пожарный", "спасателей")},
    **{w: "police officer" for w in ("полицейских", "полицейские", "полицейский")},
    **{w: "soldier" for w in ("военных", "солдат", "военнослужащих")},
    **{w: "child" for w in ("детей", "дети", "ребёнок", "ребенка")},
    **{w: "home" for w in ("домов", "дома", "дом", "квартир")},
    **{w: "car" for w in ("автомобилей", "автомобиля", "машин")},
    **{w: "vehicle" for w in ("транспортных",)},
    **{w: "victim" for w in ("жертв", "жертвы")},
    **{w: "person killed" for w in ("погибших", "погибшие", "убитых")},
    **{w: "person injured" for w in ("раненых", "пострадавших", "раненые", "пострадавшие")},
    **{w: "person missing" for w in ("пропавших",)},
    **{w: "passenger" for w in ("пассажиров", "пассажира")},
    **{w: "employee" for w in ("сотрудников", "работников")},
    **{w: "family" for w in ("семей", "семьи")},
    **{w: "building" for w in ("зданий", "здания")},
    **{w: "hectare" for w in ("гектаров", "га")},
    **{w: "fire" for w in ("пожар", "огонь", "возгорание", "пламя")},
    **{w: "meeting" for w in ("заседание", "встреча", "совещание", "собрание")},
    **{w: "debate" for w in ("дебаты", "обсуждение")},
    **{w: "strike" for w in ("забастовка",)},
    **{w: "talks" for w in ("переговоры",)},
    **{w: "road" for w in ("дорога", "дорогу", "трасса", "трассу", "улица", "улицу")},
    **{w: "damage" for w in ("ущерб", "убытки")},
    **{w: "cost" for w in ("стоимость",)},
    **{w: "budget" for w in ("бюджет",)},
    **{w: "fine" for w in ("штраф",)},
    **{w: "unemployment" for w in ("безработица",)},
    **{w: "inflation" for w in ("инфляция",)},
    **{w: "price" for w in ("цены",)},
    **{w: "operation" for w in ("операция",)},
    **{w: "evacuation" for w in ("эвакуация",)},
}
EVENT_VERBS = {
    **{
        w: "evacuated"
        for w in ("эвакуированы", "эвакуировали", "эвакуировано", "эвакуированных", "эвакуирован")
    },
    **{w: "injured" for w in ("ранены", "пострадали", "ранения", "травмы", "пострадавших")},
    **{w: "killed" for w in ("погибли", "погибло", "погиб", "убиты", "погибших", "скончались")},
    **{w: "arrested" for w in ("задержаны", "задержали", "арестованы", "задержанных")},
    **{w: "rescued" for w in ("спасены", "спасли", "спасено")},
    **{w: "displaced" for w in ("переселены",)},
    **{w: "destroyed" for w in ("разрушены", "уничтожены")},
    **{w: "damaged" for w in ("повреждены",)},
    **{w: "missing" for w in ("пропали",)},
    **{w: "hospitalised" for w in ("госпитализированы", "госпитализировали")},
}


def lemmatize(word: str) -> str:
    """Unknown Russian nouns: lower case as written (the slot keeps the word for matching)."""
    w = word.lower()
    return NOUN_HEADS.get(w, w)


PREPOSITIONS = frozenset(
    [
        "в",
        "во",
        "на",
        "с",
        "со",
        "из",
        "к",
        "ко",
        "по",
        "от",
        "до",
        "за",
        "под",
        "над",
        "о",
        "об",
        "при",
        "про",
        "через",
        "для",
        "без",
        "у",
        "около",
        "после",
        "перед",
        "между",
        "среди",
    ]
)
AUXILIARIES = frozenset(
    [
        "был",
        "была",
        "было",
        "были",
        "будет",
        "будут",
        "является",
        "получили",
        "получил",
        "получила",
        "оказались",
    ]
)
PRONOUNS = frozenset(["он", "она", "оно", "они", "мы", "вы", "я", "это"])
# Multipliers of a rate: "deux fois par semaine" counts nothing.
_RATE_NOUNS = frozenset(["раза", "раз"])
STOPWORDS = (
    _RATE_NOUNS
    | PREPOSITIONS
    | AUXILIARIES
    | PRONOUNS
    | frozenset(
        [
            "и",
            "а",
            "но",
            "или",
            "что",
            "который",
            "которая",
            "которое",
            "которые",
            "не",
            "уже",
            "ещё",
            "еще",
            "также",
            "тоже",
            "очень",
            "более",
            "почти",
            "свыше",
            "около",
            "примерно",
            "вчера",
            "сегодня",
            "завтра",
            "этот",
            "эта",
            "эти",
            "этого",
            "как",
            "когда",
            "потому",
            "так",
            "процентов",
            "процента",
            "лет",
        ]
    )
)

MONTHS, WEEKDAYS = calendar_names("ru")
MONTHS.update({"май": 5, "мая": 5})
WEEKDAYS.update({"вторник": 1, "четверг": 3})

LEXICON = Lexicon(
    code="ru",
    thousands_seps=(" ",),
    decimal_sep=",",
    number_words_re=NUMBER_WORDS_RE,
    parse_number_words=parse_number_words,
    scales=_SCALES,
    duration_units=DURATION_UNITS,
    duration_phrases=DURATION_PHRASES,
    half_suffix_re=r"\s+с\s+половиной(?!\w)",
    percent_re=r"\s?(?:%|процент(?:ов|а)?(?!\w))",
    points_re=r"\s+процентн\w+\s+пункт\w*",
    currency_words={
        "рублей": "RUB",
        "рубля": "RUB",
        "рубль": "RUB",
        "руб.": "RUB",
        "евро": "EUR",
        "долларов": "USD",
        "доллара": "USD",
        "злотых": "PLN",
    },
    hedges={
        "около": APPROX,
        "примерно": APPROX,
        "порядка": APPROX,
        "приблизительно": APPROX,
        "почти": NEARLY,
        "почти что": NEARLY,
        "более": LOWER,
        "более чем": LOWER,
        "свыше": LOWER,
        "не менее": LOWER,
        "больше": LOWER,
        "менее": UPPER,
        "не более": UPPER,
    },
    post_hedges={},
    stopwords=STOPWORDS,
    auxiliaries=AUXILIARIES,
    prepositions=PREPOSITIONS,
    determiners=frozenset(["этот", "эта", "это", "эти"]),
    noun_heads=NOUN_HEADS,
    event_verbs=EVENT_VERBS,
    nominal_events={"эвакуация": "evacuated", "эвакуацию": "evacuated"},
    verb_nouns={
        "начался": "start",
        "вспыхнул": "start",
        "перекрыта": "closure",
        "закрыта": "closure",
        "перекрыли": "closure",
    },
    lemmatize=lemmatize,
    nouns_capitalised=False,
    age_re=r"-летн\w+",
    range_words=("-", "–"),
    between_words=("от",),
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative_days={"вчера": -1, "сегодня": 0, "завтра": 1, "позавчера": -2},
    past_words=("прошлой", "прошлом", "прошлую", "прошлый"),
    next_words=("следующей", "следующем", "следующую", "будущей"),
    this_words=("этой", "этом"),
    week_word_re=r"неделе",
    month_word_re=r"месяце",
    year_word_re=r"году",
    ago_re=r"\s+назад(?!\w)",
    forward_preps=("до",),
    future_markers=("будет", "будут", "планируется"),
    year_prepositions=("в", "с", "до", "после"),
    times_of_day=("ч.", "часов утра"),
    speech_verbs=frozenset(
        [
            "сказал",
            "сказала",
            "заявил",
            "заявила",
            "отметил",
            "отметила",
            "добавил",
            "добавила",
            "сообщил",
            "сообщила",
            "рассказал",
            "рассказала",
            "подчеркнул",
            "подчеркнула",
            "пояснил",
            "пояснила",
            "говорит",
        ]
    ),
    source_nouns=frozenset(
        [
            "полиция",
            "власти",
            "министерство",
            "правительство",
            "представитель",
            "мэр",
            "свидетели",
            "эксперты",
            "мчс",
        ]
    ),
    according_to_re=r"(?:\bпо\s+словам|\bпо\s+данным|\bсогласно)\s+",
    that_word="что",
    pronouns=frozenset(["он", "она"]),
    org_words=frozenset(
        ["полиция", "министерство", "правительство", "служба", "мчс", "управление"]
    ),
    name_stopwords=frozenset(["и", "а", "но", "он", "она"]),
    rate_words=("раз", "раза", "ежедневно"),
    relative_pronouns=frozenset(["который", "которая", "которое", "которые", "что"]),
    clause_words=frozenset(["и", "а", "но", "потому", "когда", "пока", "прежде"]),
    timeframe_preps=("за", "с"),
    timeframe_marker_re=r"(?i:(?<!\w)(?:впервые|сам\w+|наи\w+|худш\w+|лучш\w+|никогда|не|рекордн\w+)(?!\w))",
    and_words=("и",),
    unit_half_re=r"(?!x)x",
    ago_prefix_re="",
    date_of_words=(),
)
