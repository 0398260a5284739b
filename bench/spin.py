"""Spun and round-trip paraphrases of short fictional news texts, made deterministically.

The texts below are ours (fictional events). `spin(text, ops, seed)` applies the named
operations, each the way a synonym spinner or a word-by-word round trip through a pivot
language damages a text:

- `swap`: replace common news words by thesaurus entries ("people" → "individuals",
  "however" → "be that as it may"). `SWAPS_OUTSIDE_LIST` are entries that the detector's
  spinner list does not hold, so recall is not only the list finding itself again.
- `garble`: swap two neighbouring words inside a sentence ("the main road" → "the road main").
- `drop`: drop articles ("the", "a", "an"), as a round trip through a language without them does.
- `pivot`: word-by-word calques and detached hyphens: "ceasefire" → "a stopped of the fire",
  "two-month" → "two -month", "as well as" → "as good as".
- `detok`: spaces before commas and full stops, as a careless detokeniser leaves them.

Used by `bench/mt_detect.py`; nothing here reads data from outside the repository.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

TEXTS: tuple[str, ...] = (
    "Firefighters in the northern town of Varlen worked through the night to contain a blaze "
    "that started in a timber warehouse on Monday evening. About 300 residents were told to "
    "leave their homes as smoke spread across the valley. Officials said no one was injured, "
    "but two houses near the warehouse were badly damaged. However, the fire crews warned that "
    "strong winds could spread the flames again. The mayor said the town would pay for hotel "
    "rooms for families who could not go back. Police have started an investigation into the "
    "cause of the fire, which has not yet been determined.",
    "Dock workers at the port of Melsund ended their two-month strike on Friday after the "
    "union and the port authority agreed on a new contract. The deal raises wages by 6 percent "
    "over three years and limits night shifts. Shipping companies had diverted dozens of vessels "
    "to other ports during the dispute, and some shops ran short of goods. The union leader "
    "said members voted to accept the offer because it protects jobs. The first ships are "
    "expected to unload on Monday, and the backlog should clear within two weeks.",
    "A ceasefire between the two rebel groups in the hill province of Osterra held for a "
    "third day on Wednesday, according to observers from the regional council. Children "
    "returned to school in several villages for the first time since March. Aid convoys "
    "reached the main hospital, which had been running out of medicine. However, both sides "
    "accused each other of moving troops near the border. The council said talks on a "
    "permanent agreement would start next week in the capital, as well as a meeting on the "
    "return of people who fled the fighting.",
    "The city council of Bramford approved a plan on Tuesday to build 1,200 new homes on the "
    "site of a former steel plant. The project will include a school, a park and a health "
    "centre. Residents had asked for more green space, and the final plan doubles the size of "
    "the park. Construction is expected to start next spring and last about four years. Some "
    "local businesses welcomed the decision because it will bring new customers, while others "
    "worried about traffic on the main road, which is already busy at rush hour.",
    "Heavy rain caused flooding in the coastal region of Temmark on Sunday, closing roads and "
    "cutting power to about 15,000 homes. Emergency services rescued 40 people from cars "
    "stuck in the water. The weather office said more rain was expected on Monday and warned "
    "people to stay away from rivers. Schools in the region will stay closed for two days. "
    "Farmers said the floods had destroyed a large part of the harvest. The regional "
    "government promised quick help for families whose houses were damaged.",
    "A small passenger plane made an emergency landing on a highway near the city of Ostrel "
    "on Thursday after its engine failed shortly after take-off. The pilot and three "
    "passengers walked away unhurt. Police closed the road for five hours while the plane was "
    "moved. Witnesses said the pilot had landed between two trucks. The aviation authority "
    "has started an inquiry, and the company that owns the plane said it would cooperate "
    "fully. It was the second incident involving a plane from the same airfield this year.",
    "Scientists at the University of Karst said on Monday that they had found a new species of "
    "frog in the mountain forests of the south. The frog is about two centimetres long and "
    "lives near streams at high altitude. The researchers said the species is at risk because "
    "its habitat is shrinking. However, the discovery suggests that the region holds more "
    "unknown animals than expected. The team plans a second expedition next year, as well as "
    "a study of how the frogs survive the cold winters.",
    "The national railway company of Dalmia announced on Wednesday that ticket prices will rise "
    "by 4 percent from January. The company said the increase is needed because energy costs "
    "have doubled in two years. Passenger groups criticised the decision and said many people "
    "already cannot afford to travel by train. The transport minister said the government "
    "would look at support for students and older people. The company also promised to add "
    "new trains on the busiest lines before the end of next year.",
    "Thousands of people marched through the centre of Lerwick City on Saturday to protest "
    "against plans to close the main hospital's emergency department. The organisers said more "
    "than 8,000 people took part, while police put the number at about 5,000. Speakers warned "
    "that patients would have to travel an hour to the next hospital. The health authority "
    "said no final decision had been made and that it would hold a public meeting next month. "
    "The march ended peacefully in front of the town hall.",
    "A fishing boat with six crew members sank off the island of Hessa early on Tuesday after "
    "it hit rocks in heavy fog. A coast guard helicopter rescued five of the men within an "
    "hour. The sixth was found later by a passing ferry and taken to hospital with mild "
    "hypothermia. The owner of the boat said the crew had been at sea for three days. "
    "Investigators will examine whether the boat's radar was working. Local fishermen said "
    "the waters near the island are dangerous in autumn because fog forms quickly.",
    "The football club of Sandor City has appointed a new coach after a season in which the "
    "team lost 20 of its 34 matches. The club said on Friday that the former youth coach will "
    "take over immediately and has signed a two-year contract. Fans had protested outside the "
    "stadium after the last home game. The new coach said he wanted to give young players "
    "more chances and build a team that attacks. The first match of the new season will be "
    "played at home in August against the league champions.",
    "Prices for vegetables in the markets of Tarnow have risen sharply over the past month "
    "because a late frost damaged crops across the region. Tomatoes now cost twice as much as "
    "in May, traders said. Shoppers said they were buying less and looking for cheaper "
    "alternatives. The agriculture ministry said it expected prices to fall again in "
    "September, when the next harvest arrives. Some farmers have asked the government for "
    "compensation, saying the frost destroyed up to half of their fields.",
)

# (pattern, replacement) pairs; the first group's entries are on the detector's spinner list.
SWAPS_ON_LIST: tuple[tuple[str, str], ...] = (
    ("people", "individuals"),
    ("residents", "inhabitants"),
    ("started", "commenced"),
    ("however,", "be that as it may,"),
    ("because", "in light of the fact that"),
    ("firefighters", "fire warriors"),
    ("police", "law implementation"),
    ("houses", "dwellings"),
    ("children", "youngsters"),
    ("town", "township"),
    ("region", "locale"),
    ("hours", "hrs"),
    ("quickly", "speedily"),
    ("large", "colossal"),
)
SWAPS_OUTSIDE_LIST: tuple[tuple[str, str], ...] = (
    ("said", "stated"),
    ("homes", "residences"),
    ("told", "advised"),
    ("warned", "cautioned"),
    ("expected", "anticipated"),
    ("help", "assistance"),
    ("plan", "scheme"),
    ("damaged", "harmed"),
    ("rain", "precipitation"),
    ("new", "novel"),
    ("next", "following"),
    ("main", "principal"),
    ("road", "thoroughfare"),
    ("price", "cost tag"),
    ("about", "approximately"),
    ("team", "squad"),
)
PIVOTS: tuple[tuple[str, str], ...] = (
    ("ceasefire", "stopped of the fire"),
    ("as well as", "as good as"),
    ("take-off", "take -off"),
    ("take over", "take above"),
    ("rush hour", "hour of the rush"),
    ("on Monday", "the Monday"),
    ("walked away", "went away walking"),
)
OPS: tuple[str, ...] = ("swap", "garble", "drop", "pivot", "detok")
_WORD = re.compile(r"[A-Za-z]+")


def _replace(text: str, pairs: Sequence[tuple[str, str]], rng: random.Random, rate: float) -> str:
    for src, dst in pairs:
        pattern = re.compile(rf"\b{re.escape(src)}\b", re.IGNORECASE)

        def sub(m: re.Match[str], dst: str = dst) -> str:
            if rng.random() > rate:
                return m.group(0)
            return dst.capitalize() if m.group(0)[0].isupper() else dst

        text = pattern.sub(sub, text)
    return text


def _garble(text: str, rng: random.Random, rate: float) -> str:
    out = []
    for sentence in re.split(r"(?<=[.!?]) ", text):
        words = sentence.split(" ")
        i = 1
        while i < len(words) - 2:
            a, b = words[i], words[i + 1]
            if a.isalpha() and b.isalpha() and a.islower() and b.islower() and rng.random() < rate:
                words[i], words[i + 1] = b, a
                i += 2
            else:
                i += 1
        out.append(" ".join(words))
    return " ".join(out)


def _drop_articles(text: str, rng: random.Random, rate: float) -> str:
    def sub(m: re.Match[str]) -> str:
        return "" if rng.random() < rate else m.group(0)

    return re.sub(r"\b(?:the|a|an) (?=[a-z])", sub, text)


def _pivot(text: str, rng: random.Random, rate: float) -> str:
    text = _replace(text, PIVOTS, rng, 1.0)
    return re.sub(r"(\w)-(\w)", lambda m: f"{m[1]} -{m[2]}" if rng.random() < rate else m[0], text)


def _detok(text: str, rng: random.Random, rate: float) -> str:
    return re.sub(
        r"(\w)([,.])(?= )", lambda m: f"{m[1]} {m[2]}" if rng.random() < rate else m[0], text
    )


def spin(text: str, ops: Sequence[str], seed: int, rate: float = 0.5) -> str:
    """`text` with the operations `ops` applied in `OPS` order, with `rate` per chance."""
    unknown = sorted(set(ops) - set(OPS))
    if unknown:
        raise ValueError(f"unknown spin operation(s) {unknown}; known: {', '.join(OPS)}")
    rng = random.Random(seed)
    if "swap" in ops:
        text = _replace(text, SWAPS_ON_LIST + SWAPS_OUTSIDE_LIST, rng, rate)
    if "garble" in ops:
        text = _garble(text, rng, rate / 5)
    if "drop" in ops:
        text = _drop_articles(text, rng, rate)
    if "pivot" in ops:
        text = _pivot(text, rng, rate)
    if "detok" in ops:
        text = _detok(text, rng, rate)
    return text
