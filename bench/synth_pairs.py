"""Generated training pairs for the claim matcher: fictional multi-outlet stories, own text.

The development gold has 26 conflicts; the hard negatives it teaches (killed vs injured, one
town's figure vs another's, today's event vs a background one) are few. This generator writes
small fictional stories from sentence templates, several outlets each, where every value
sentence states one known fact, and outlets disagree on some figures on purpose:

- same fact, same or different value (the positives, agreeing and disagreeing);
- a look-alike fact of the same kind (killed / injured / evacuated; the figure of a
  neighbouring town; the toll of a background event years ago; a damage estimate vs a
  budget) (the hard negatives).

Every text is generated here from our own templates and invented names (no corpus text).
`pairs(n_stories, seed)` returns (features, labels) built exactly like bench/train_matcher.py's
gold pairs (extraction, frames, match items, pair features), mentions mapped to facts by the
sentence that states them. Deterministic for a seed.
"""

from __future__ import annotations

import itertools
import random

import numpy as np

TOWNS = ["Harlow Bay", "Medrin", "Oskarvik", "Tullamore Cross", "Vesna", "Carrow", "Ilsted"]
EVENTS = [("fire", "blaze"), ("storm", "gale"), ("quake", "earthquake"), ("flood", "flooding")]
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
         8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}  # fmt: skip

# fact id -> templates; {n} is the value as written, {t} the town, {e} the event noun
FACTS = {
    "killed": [
        "The {e} killed {n} people in {t}, officials said.",
        "{N} people died when the {e} hit {t}.",
        "At least {n} people were killed in {t}, police said.",
        "The death toll in {t} stood at {n}.",
    ],
    "injured": [
        "{N} people were injured in {t}, the regional health service said.",
        "The {e} left {n} people injured in {t}.",
        "Rescuers treated {n} injured residents in {t}.",
    ],
    "evacuated": [
        "About {n} residents of {t} were evacuated.",
        "Authorities evacuated {n} people from their homes in {t}.",
    ],
    "duration": [
        "The {e} raged for {n} hours before it was brought under control.",
        "Crews needed {n} hours to bring the {e} under control.",
    ],
    "damage": [
        "Damage was estimated at ${n} million, the mayor of {t} said.",
        "Insurers put the damage in {t} at ${n} million.",
    ],
}
# look-alike facts, stated in their own sentences
NEIGHBOUR = "In neighbouring {t2}, {n} people were injured."
BACKGROUND = "In {y}, a {e} in the same region killed {n} people."
BUDGET = "The town council of {t} had approved a ${n} million budget for flood defences."

FACT_RANGES = {
    "killed": (2, 12),
    "injured": (5, 60),
    "evacuated": (100, 900),
    "duration": (3, 30),
    "damage": (2, 40),
}


def _written(n: int, rng: random.Random) -> str:
    return WORDS[n] if n in WORDS and rng.random() < 0.5 else str(n)


def story(seed: int) -> tuple[list[str], list[dict[int, str]]]:
    """Texts of one fictional story (3-5 outlets) and, per article, sentence index -> fact."""
    rng = random.Random(seed)
    town, town2 = rng.sample(TOWNS, 2)
    event = rng.choice(EVENTS)
    truth = {f: rng.randint(*FACT_RANGES[f]) for f in FACTS}
    texts, facts = [], []
    for _ in range(rng.randint(3, 5)):
        e = rng.choice(event)
        title = f"{e.capitalize()} hits {town}"
        sents: list[tuple[str, str]] = [(f"A {e} struck {town} on Saturday.", "")]
        for fact in rng.sample(list(FACTS), rng.randint(2, len(FACTS))):
            value = truth[fact]
            if rng.random() < 0.3:  # this outlet reports another figure
                lo, hi = FACT_RANGES[fact]
                value = rng.choice([v for v in range(lo, hi + 1) if abs(v - value) > value * 0.2])
            n = _written(value, rng)
            tpl = rng.choice(FACTS[fact])
            sents.append((tpl.format(n=n, N=n.capitalize(), t=town, e=e), fact))
        if rng.random() < 0.5:
            n = _written(rng.randint(*FACT_RANGES["injured"]), rng)
            sents.append((NEIGHBOUR.format(t2=town2, n=n), "neighbour-injured"))
        if rng.random() < 0.5:
            y = rng.randint(1990, 2015)
            sents.append((BACKGROUND.format(y=y, e=e, n=rng.randint(20, 400)), f"background-{y}"))
        if rng.random() < 0.3:
            sents.append((BUDGET.format(t=town, n=rng.randint(2, 40)), "budget"))
        head, *rest = sents
        rng.shuffle(rest)
        sents = [head, *rest]
        texts.append(title + "\n\n" + " ".join(s for s, _ in sents))
        facts.append({i: f for i, (_, f) in enumerate(sents) if f})
    return texts, facts


def pairs(n_stories: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every pair of fact-mapped value mentions of one unit family."""
    from corroborator.claims import extract_claims
    from corroborator.compare.align import _Item, items_agree, match_items
    from corroborator.compare.matcher import pair_features, unit_family
    from corroborator.model import Article, RawDocument
    from corroborator.pipeline import prepare

    xs: list[np.ndarray] = []
    ys: list[int] = []
    for k in range(n_stories):
        texts, facts = story(seed * 100_003 + k)
        arts: list[Article] = []
        maps: list[tuple[list[str], dict[int, str]]] = []
        for j, (text, fmap) in enumerate(zip(texts, facts, strict=True)):
            raw = RawDocument(source=f"synth{k}-{j}", text=text, published="2026-05-02")
            art = prepare(raw, f"a{j}")
            if isinstance(art, Article):
                arts.append(art)
                # the generated sentences, to map each mention to the fact it states
                maps.append((_split(text.split("\n\n", 1)[1]), fmap))
        by_id = {a.id: a for a in arts}
        items: list[_Item] = []
        labels: list[str] = []
        for g, (a, (generated, fmap)) in enumerate(zip(arts, maps, strict=True)):
            for e in extract_claims(a.text, a.sentences, a.language, a.published):
                if e.kind in ("quote", "attribution", "date"):
                    continue
                sent = a.sentences[e.sentence_index].text.strip() if e.sentence_index >= 0 else ""
                fact = next(
                    (f for i, f in fmap.items() if i < len(generated) and generated[i] == sent),
                    "",
                )
                if fact:
                    items.append(_Item(a.id, g, e, "2026-05-02"))
                    labels.append(fact)
        mitems = match_items(items, by_id)
        for i, j in itertools.combinations(range(len(items)), 2):
            if unit_family(items[i].ext) != unit_family(items[j].ext):
                continue
            agree = items_agree(items[i], items[j])
            xs.append(pair_features(mitems[i], mitems[j], agree))
            ys.append(int(labels[i] == labels[j]))
    return np.vstack(xs), np.asarray(ys, dtype=np.float64)


def _split(body: str) -> list[str]:
    out, cur = [], ""
    for ch in body:
        cur += ch
        if ch == "." and not cur.endswith("$"):
            out.append(cur.strip())
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    return out
