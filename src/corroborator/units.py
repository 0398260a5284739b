"""Physical units of counted quantities: one table, so "36 miles" and "58 km" are one value.

The extractors name what a number counts (`Extraction.head`, the canonical English noun).
When that noun is a unit of length, speed, weight, area or volume, `claims.frames` converts the
value to the base unit below and names the measured property instead ("distance", "speed"),
so that values stated in different units align and compare. A converted value (from any unit
but the base one) keeps a band of `CONVERSION_TOLERANCE` either side: outlets round when they
convert ("600 feet" is 182.9 m, printed "180 metres").
"""

from __future__ import annotations

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
    "mile": ("m", 1609.344, "distance"),
    "foot": ("m", 0.3048, "distance"),
    "feet": ("m", 0.3048, "distance"),
    "ft": ("m", 0.3048, "distance"),
    "yard": ("m", 0.9144, "distance"),
    "inch": ("m", 0.0254, "distance"),
    # speed
    "mph": ("km/h", 1.609344, "speed"),
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
    # area
    "hectare": ("m2", 10_000.0, "area"),
    "acre": ("m2", 4046.8564224, "area"),
    # volume
    "litre": ("l", 1.0, "volume"),
    "liter": ("l", 1.0, "volume"),
    "gallon": ("l", 3.785411784, "volume"),
    "barrel": ("l", 158.987294928, "volume"),
}
#: Relative band kept around a value converted from another unit (rounding in conversion).
CONVERSION_TOLERANCE = 0.02
