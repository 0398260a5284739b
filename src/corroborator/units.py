"""Physical units of counted quantities: one table, so "36 miles" and "58 km" are one value.

The extractors name what a number counts (`Extraction.head`, the canonical English noun).
When that noun is a unit of length, speed, weight, area or volume, `claims.frames` converts the
value to the base unit below and names the measured property instead ("distance", "speed"),
so that values stated in different units align and compare. A converted value (from any unit
but the base one) keeps a band of `CONVERSION_TOLERANCE` either side: outlets round when they
convert ("600 feet" is 182.9 m, printed "180 metres").
"""

from __future__ import annotations

from dataclasses import dataclass

#: canonical unit noun -> (base unit, base units per unit, measured property)
PHYSICAL_UNITS: dict[str, tuple[str, float, str]] = {
    # length
    "metre": ("m", 1.0, "distance"),
    "meter": ("m", 1.0, "distance"),
    "kilometre": ("m", 1000.0, "distance"),
    "kilometer": ("m", 1000.0, "distance"),
    "km": ("m", 1000.0, "distance"),
    "centimetre": ("m", 0.01, "distance"),
    "centimeter": ("m", 0.01, "distance"),
    "millimetre": ("m", 0.001, "distance"),
    "mile": ("m", 1609.344, "distance"),
    "foot": ("m", 0.3048, "distance"),
    "feet": ("m", 0.3048, "distance"),
    "ft": ("m", 0.3048, "distance"),
    "yard": ("m", 0.9144, "distance"),
    "inch": ("m", 0.0254, "distance"),
    # speed
    "mph": ("km/h", 1.609344, "speed"),
    "mile per hour": ("km/h", 1.609344, "speed"),
    "kilometre per hour": ("km/h", 1.0, "speed"),
    "metre per second": ("km/h", 3.6, "speed"),
    "kph": ("km/h", 1.0, "speed"),
    "km/h": ("km/h", 1.0, "speed"),
    "knot": ("km/h", 1.852, "speed"),
    # weight (a "ton" is taken as metric: the short ton is 9 % lighter, within a hedge's band)
    "kilogram": ("kg", 1.0, "weight"),
    "kg": ("kg", 1.0, "weight"),
    "gram": ("kg", 0.001, "weight"),
    "tonne": ("kg", 1000.0, "weight"),
    "ton": ("kg", 1000.0, "weight"),
    "lb": ("kg", 0.45359237, "weight"),
    "pound-mass": ("kg", 0.45359237, "weight"),
    "ounce": ("kg", 0.028349523125, "weight"),
    # area
    "hectare": ("m2", 10_000.0, "area"),
    "acre": ("m2", 4046.8564224, "area"),
    "square metre": ("m2", 1.0, "area"),
    "square kilometre": ("m2", 1_000_000.0, "area"),
    "square foot": ("m2", 0.09290304, "area"),
    "square mile": ("m2", 2_589_988.110336, "area"),
    # volume
    "litre": ("l", 1.0, "volume"),
    "liter": ("l", 1.0, "volume"),
    "gallon": ("l", 3.785411784, "volume"),
    "millilitre": ("l", 0.001, "volume"),
    "cubic metre": ("l", 1000.0, "volume"),
    "barrel": ("l", 158.987294928, "volume"),
}
#: Relative band kept around a value converted from another unit (rounding in conversion).
CONVERSION_TOLERANCE = 0.02

#: The symbol a report shows for a value in the unit its sources wrote ("238 yd", "30 mph"):
#: a claim whose mentions all state one unit is shown in it, not in the base unit it was
#: compared in (see `compare.align`).
SHOWN_SYMBOL: dict[str, str] = {
    "metre": "m",
    "meter": "m",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "centimetre": "cm",
    "centimeter": "cm",
    "millimetre": "mm",
    "mile": "mi",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "yard": "yd",
    "inch": "in",
    "mph": "mph",
    "mile per hour": "mph",
    "kilometre per hour": "km/h",
    "metre per second": "m/s",
    "kph": "km/h",
    "km/h": "km/h",
    "knot": "kn",
    "kilogram": "kg",
    "kg": "kg",
    "gram": "g",
    "tonne": "t",
    "ton": "t",
    "lb": "lb",
    "pound-mass": "lb",
    "ounce": "oz",
    "hectare": "ha",
    "acre": "acre",
    "square metre": "m2",
    "square kilometre": "km2",
    "square foot": "sq ft",
    "square mile": "sq mi",
    "litre": "l",
    "liter": "l",
    "gallon": "gal",
    "millilitre": "ml",
    "cubic metre": "m3",
    "barrel": "bbl",
}


@dataclass(frozen=True)
class Unit:
    """One unit of measure: its canonical name (singular, British spelling, "X per Y" for
    rates), the symbols written after a number (case-sensitive: "MW" is not "mW") and the
    English names (singular; plurals are made by `_plural`, irregular ones listed)."""

    name: str
    symbols: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


def _u(name: str, symbols: str = "", names: str = "") -> Unit:
    return Unit(name, tuple(symbols.split()), tuple(n.replace("_", " ") for n in names.split()))


#: Units of measure read after a number ("256GB", "30 mph", "5.5 kWh", "296 horsepower").
#: Symbols are language-neutral; names are English (singular and plural), plus the American
#: spellings. Canonical names follow the unit names of the NewsQuant gold (and quantulum3):
#: "kilometre", "mile per hour", "gigabyte". Left out on purpose: one-letter symbols that are
#: also words or initials ("t", "C", "F", "V", "A", "in"), "M" (million), "PS" (also a
#: mangled "£"), and symbols of different units that differ only by case ("mW"/"MW").
UNITS: tuple[Unit, ...] = (
    # length
    _u("metre", "m", "metre meter"),
    _u("kilometre", "km", "kilometre kilometer"),
    _u("centimetre", "cm", "centimetre centimeter"),
    _u("millimetre", "mm", "millimetre millimeter"),
    _u("micrometre", "μm µm", "micrometre micrometer micron"),
    _u("nanometre", "nm", "nanometre nanometer"),
    _u("mile", "mi", "mile"),
    _u("foot", "ft ′", "foot feet"),  # the prime and double prime: 12′, 25.5″
    _u("inch", "″", "inch"),
    _u("yard", "yd yds", "yard"),
    # mass
    _u("kilogram", "kg kgs", "kilogram kilogramme kilo"),
    _u("gram", "g", "gram gramme"),
    _u("milligram", "mg", "milligram"),
    _u("tonne", "", "tonne metric_ton"),
    _u("ton", "", "ton"),
    _u("pound-mass", "lb lbs", ""),
    _u("ounce", "oz", "ounce"),
    # volume
    _u("litre", "l L", "litre liter"),
    _u("millilitre", "ml mL", "millilitre milliliter"),
    _u("gallon", "gal", "gallon"),
    _u("barrel", "bbl", "barrel"),
    _u("cubic metre", "m3 m³", "cubic_metre cubic_meter"),
    # area
    _u("square metre", "m2 m² sqm sq_m", "square_metre square_meter sq_m"),
    _u("square kilometre", "km2 km²", "square_kilometre square_kilometer sq_km"),
    _u("square foot", "sq_ft", "square_foot square_feet sq_ft"),
    _u("square mile", "", "square_mile sq_mi"),
    _u("hectare", "ha", "hectare"),
    _u("acre", "", "acre"),
    # speed
    _u("mile per hour", "mph m.p.h.", "mile_per_hour"),
    _u("kilometre per hour", "km/h kph kmh kmph", "kilometre_per_hour kilometer_per_hour"),
    _u("metre per second", "m/s", "metre_per_second meter_per_second"),
    _u("knot", "kt kts", "knot"),
    _u("mile per gallon", "mpg", "mile_per_gallon"),
    # power, energy, electricity
    _u("watt", "W", "watt"),
    _u("kilowatt", "kW", "kilowatt"),
    _u("megawatt", "MW", "megawatt"),
    _u("gigawatt", "GW", "gigawatt"),
    _u("horsepower", "hp HP", "horsepower"),
    _u("brake horsepower", "bhp", "brake_horsepower"),
    _u("kilowatt hour", "kWh", "kilowatt_hour kilowatt-hour"),
    _u("megawatt hour", "MWh", "megawatt_hour megawatt-hour"),
    _u("gigawatt hour", "GWh", "gigawatt_hour gigawatt-hour"),
    _u("terawatt hour", "TWh", "terawatt_hour terawatt-hour"),
    _u("milliampere-hour", "mAh", "milliampere-hour"),
    _u("kilovolt", "kV", "kilovolt"),
    _u("volt", "", "volt"),
    _u("calorie", "kcal", "calorie"),
    _u("joule", "J", "joule"),
    _u("newton metre", "Nm", "newton_metre newton_meter"),
    _u("pound-foot", "lb-ft", "pound-foot pound-feet"),
    # data and frequency
    _u("kilobyte", "KB kB", "kilobyte"),
    _u("megabyte", "MB", "megabyte"),
    _u("gigabyte", "GB", "gigabyte"),
    _u("terabyte", "TB", "terabyte"),
    _u("petabyte", "PB", "petabyte"),
    _u("megabit per second", "Mbps Mbit/s Mb/s", "megabit_per_second"),
    _u("gigabit per second", "Gbps Gbit/s Gb/s", "gigabit_per_second"),
    _u("hertz", "Hz HZ", "hertz"),
    _u("kilohertz", "kHz", "kilohertz"),
    _u("megahertz", "MHz", "megahertz"),
    _u("gigahertz", "GHz Ghz", "gigahertz"),
    _u("megapixel", "MP", "megapixel"),
    # temperature; a bare "degree" is an angle or a temperature
    _u("degree", "°", "degree"),
    # "degC", "deg C": the degree sign as text that folds non-ASCII characters away.
    _u("celsius", "°C ºC degC deg_C", "celsius centigrade degree_celsius degree_centigrade"),
    _u("fahrenheit", "°F ºF degF deg_F", "fahrenheit degree_fahrenheit"),
    # pressure
    _u("pascal", "", "pascal"),
    _u("kilopascal", "kPa", "kilopascal"),
    _u("megapascal", "MPa", "megapascal"),
    _u("gigapascal", "GPa", "gigapascal"),
    _u("pound per square inch", "psi", "pound_per_square_inch"),
    _u("kilopound per square inch", "ksi", "kilopound_per_square_inch"),
    # concentrations and rates
    _u("part per million", "ppm", "part_per_million"),
    _u("parts-per-billion", "ppb", "part_per_billion"),
    _u("revolutions per minute", "rpm", "revolution_per_minute"),
    _u("basis point", "bps", "basis_point"),
    # statistics of play that sports pages write as abbreviations after the number ("25.3
    # ppg", "5.2 WAR"): the unit is what they abbreviate, so the claim reads "points per game"
    _u("point per game", "ppg PPG", "point_per_game"),
    _u("rebound per game", "rpg RPG", "rebound_per_game"),
    _u("assist per game", "apg APG", "assist_per_game"),
    _u("win above replacement", "WAR", "win_above_replacement"),
)

_IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "pound-foot": "pound-feet"}
_INVARIANT = ("hertz", "kilohertz", "megahertz", "gigahertz", "horsepower", "feet")
_AFTER_PLURAL = ("celsius", "fahrenheit", "centigrade")


def _plural(name: str) -> str:
    """'kilometre' -> 'kilometres', 'mile per hour' -> 'miles per hour', 'square foot' ->
    'square feet', 'degree celsius' -> 'degrees celsius'."""
    head, sep, rest = name.partition(" per ")
    words = head.split(" ")
    if words[0] == "sq":
        return name  # "sq ft": an abbreviation
    last = len(words) - 1
    if words[-1] in _AFTER_PLURAL and len(words) > 1:
        last -= 1  # "degrees celsius"
    w = words[last]
    if w in _IRREGULAR_PLURALS:
        words[last] = _IRREGULAR_PLURALS[w]
    elif not w.endswith(_INVARIANT):
        words[last] = w + "s"
    return " ".join(words) + sep + rest


def _index() -> tuple[dict[str, str], dict[str, str]]:
    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    for unit in UNITS:
        names[unit.name] = unit.name
        for s in unit.symbols:
            symbols[s.replace("_", " ")] = unit.name
        for n in unit.names:
            names[n.lower()] = unit.name
            names[_plural(n.lower())] = unit.name
    return symbols, names


#: symbol (case-sensitive) -> canonical unit name; English name or plural (lower) -> name.
UNIT_SYMBOLS, UNIT_NAMES = _index()


def canonical_unit(word: str) -> str | None:
    """The canonical unit name of a symbol or English unit name ("km", "Litres", "hp",
    "miles per hour"), or None when the word names no unit of the table."""
    return UNIT_SYMBOLS.get(word) or UNIT_NAMES.get(word.lower())
