"""Whose figure a value is, read from a dependency parse: the person a conflict's sides belong to.

Two reports set against each other on "how many yards" or "how many points" often give two
players' figures, not one figure two ways ("Carter rushed for 120 yards" / "Mason ran for 80
yards" in one game story). The rules read an owner only from a record's shape ("Varga
(41-2)") or a possessive; here the parse of a value's sentence gives the named person the
value belongs to: the subject of the verb that governs it ("Dale Carter rushed for 120
yards"), or the possessor of the noun it counts ("Carter's 120 yards"), when the tagger marks
that word as part of a PERSON entity. A verb of saying or estimating makes no owner ("the
coroner put the toll at 12": the coroner is the source, not the owner). Used only on the
mentions of claims whose sides disagree, so a story costs one parse per such mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from corroborator.nlp.base import Doc

#: languages whose owners are read from a parse (the verb lemmas below are English)
OWNER_LANGUAGES = frozenset({"en"})
#: verbs whose subject is a figure's source, not its owner
_SOURCE_VERBS = frozenset({"say", "tell", "announce", "report", "confirm", "state", "indicate",
                           "add", "note", "put", "estimate", "quote", "cite", "show", "count",
                           "claim", "tally", "list", "record", "give"})  # fmt: skip
#: dependency labels climbed from a value to the verb or noun it belongs to
_UP = frozenset({"nummod", "dobj", "obj", "pobj", "prep", "npadvmod", "appos", "attr",
                 "amod", "compound", "quantmod", "advmod", "acomp", "pcomp", "dative",
                 "oprd", "conj"})  # fmt: skip
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: the most steps from a value up to its verb
_MAX_STEPS = 6


def figure_owner(doc: Doc, start: int, end: int) -> str:
    """The surname (lower case) of the person the value at [start, end) of a parsed sentence
    belongs to, or ""."""
    if not doc.has_parse:
        return ""
    inside = [j for j, t in enumerate(doc.tokens) if t.start < end and t.end > start]
    if not inside:
        return ""
    cur = next((j for j in inside if doc.tokens[j].head not in inside), inside[0])
    people = [(e.start, e.end, e.text) for e in doc.entities if e.label == "PERSON"]

    def person_at(j: int) -> str:
        tok = doc.tokens[j]
        for lo, hi, text in people:
            if lo <= tok.start < hi:
                return _surname(text)
        return ""

    for _ in range(_MAX_STEPS):
        tok = doc.tokens[cur]
        for c in doc.children(cur):
            if doc.tokens[c].dep == "poss" and (name := person_at(c)):
                return name  # "Carter's 120 yards"
        if tok.pos in ("VERB", "AUX"):
            if tok.lemma.lower() in _SOURCE_VERBS:
                return ""
            subject = next((c for c in doc.children(cur) if doc.tokens[c].dep in _SUBJECTS), None)
            if subject is not None:
                return person_at(subject)
            if tok.dep != "conj":
                return ""
        if tok.head == cur or tok.dep not in _UP:
            return ""
        cur = tok.head
    return ""


def parsed_owners(mentions: Iterable[tuple[str, str, int, int, str]]) -> list[str]:
    """The owner of each of `mentions` (language, sentence text, start, end in the sentence,
    the sentence before it or ""): a surname, or "" where the language has no parser or the
    parse names no person."""
    from corroborator.nlp.registry import get_parser, spacy_available

    out = []
    for language, sentence, start, end, before in mentions:
        if language not in OWNER_LANGUAGES or not spacy_available(language):
            out.append("")
            continue
        parser = get_parser(language, entities=True, lemmas=True)
        owner = figure_owner(parser.parse(sentence), start, end)
        if not owner and before and _ANAPHORIC_AGE.match(sentence) and start < _ANAPHOR_REACH:
            # "The 52-year-old lectures ...": the person the sentence before names last
            people = [e for e in parser.parse(before).entities if e.label == "PERSON"]
            owner = _surname(people[-1].text) if people else ""
        out.append(owner)
    return out


#: a sentence that opens on an age standing for a person named before ("The 52-year-old ...")
_ANAPHORIC_AGE = re.compile(r"(?:The|the)\s+\d{1,3}-year-old\b(?!\s+[A-Z])")
#: ... the age within this many characters of the sentence's start
_ANAPHOR_REACH = 12


def _surname(name: str) -> str:
    last = name.split()[-1] if name.split() else ""
    for tail in ("'s", "’s"):
        last = last.removesuffix(tail)
    return last.lower()


def scope_attached(doc: Doc, scope: int, start: int, end: int) -> bool:
    """Whether the phrase whose first word starts at character `scope` of a parsed sentence
    ("in the fourth quarter") limits the value at [start, end): its word hangs from the value
    or from a word the value hangs from ("landed 41 punches in the fifth round": "in" hangs
    from "landed" or "punches"), or from a word inside the value's own phrase ("31 of his 74
    punches thrown in the round": "in" hangs from "thrown", which hangs from
    "punches"). "The deal, expected to close in the fourth quarter, values the company at $42
    a share": "in" hangs from "close", which joins the value's words only at "values", above
    the value's phrase, so the price is not a quarter's. Without a parse, True (the caller's
    rule stands)."""
    if not doc.has_parse:
        return True
    first = next((j for j, t in enumerate(doc.tokens) if t.start <= scope < t.end), None)
    inside = {j for j, t in enumerate(doc.tokens) if t.start < end and t.end > start}
    if first is None or not inside:
        return True
    top = next((j for j in sorted(inside) if doc.tokens[j].head not in inside), min(inside))
    above: set[int] = set()  # the value's words and every word they hang from
    j = top
    while j not in above:
        above.add(j)
        if doc.tokens[j].head == j:
            break
        j = doc.tokens[j].head
    above |= inside
    j = doc.tokens[first].head
    if j in above:
        return True
    # inside the value's phrase: climbing from the phrase's word reaches the value's top word
    # before any word above it
    for _ in range(len(doc.tokens)):
        if j == top or j in inside:
            return True
        if j in above or doc.tokens[j].head == j:
            return False
        j = doc.tokens[j].head
    return False


def parsed_scope_attached(language: str, sentence: str, scope: int, start: int, end: int) -> bool:
    """`scope_attached` on the parse of `sentence` (offsets in it); True where the language has
    no parser installed."""
    from corroborator.nlp.registry import get_parser, spacy_available

    if language not in OWNER_LANGUAGES or not spacy_available(language):
        return True
    doc = get_parser(language, entities=False, lemmas=False).parse(sentence)
    return scope_attached(doc, scope, start, end)


#: A run of capitalised words written with single spaces ("North Harlow Sea Otters", "Marta
#: Quill"): the words of one name. A hyphen ends a run ("the Harlow Otters-Denton Falcons
#: game" names two teams).
_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.]*(?: [A-ZÀ-ÖØ-Þ][\w'’.]*)+(?![\w-])")
#: at most this many words between two parts of one name ("Harlow [Sea] Otters")
_NAME_GAP = 2
#: ... seen in at least this many sentences
_NAME_SEEN = 2
#: small words a title-case headline leaves in lower case ("Otters Top Falcons in Overtime")
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "vs", "as",
     "with", "from", "into", "over"}
)  # fmt: skip


def _title_case(sentence: str) -> bool:
    """A headline in title case ("Otters Top Falcons in Overtime"): three words or more, every
    one capitalised but the small ones. Its runs are not names ("Marta Quill won." is a
    sentence)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    return len(words) >= 3 and all(w[0].isupper() for w in words if w.lower() not in _TITLE_SMALL)


def _names_in(run: str) -> list[list[str]]:
    """The words of a run cut where a name ends: after a word with a full stop that is no
    initial ("Vance. Ada Ortiz"), after a possessive ("Harlow's Marta Quill": a team and its
    player), and at a word in capitals, which is an abbreviation, not a name's part ("Otters RB
    Dale Quill")."""
    names: list[list[str]] = [[]]
    for word in run.split(" "):
        bare = word.strip(".'’")
        if len(bare) > 1 and bare.isupper():
            names.append([])
            continue
        names[-1].append(word)
        if (word.endswith(".") and len(bare) > 1) or re.search(r"['’]s?$", word):
            names.append([])
    return [name for name in names if len(name) > 1]


def _shouted(run: str) -> bool:
    """A run in capitals ("OTTERS TOP FALCONS"): a headline, not a name."""
    return sum(len(w) > 2 and w.isupper() for w in run.split(" ")) >= 2


def owner_aliases(
    sentences: Iterable[str],
    keys: set[str],
    key_of: Callable[[str], str],
) -> dict[str, str]:
    """Owner keys that name one owner in the story, each mapped to one of them.

    Owners are single words ("Quill", "Marta"; "Otters", "Harlow"), so two reports may name
    one person or team by two words: the first name and the surname, the city and the
    nickname. Two keys are one owner when their words are parts of one name in at least
    `_NAME_SEEN` sentences of the story: in one run of capitalised words, at most `_NAME_GAP`
    words apart ("Marta Quill", "the Harlow Otters", "North Harlow Sea Otters"). Headlines
    in title case or capitals are skipped ("Otters Top Falcons", "OTTERS TOP FALCONS" name
    two teams). Owners are joined only when every two of them were seen so ("North" joins
    neither "North Harlow" to "North Falls" nor a headline glued to a sentence, seen once),
    the pairs seen most often first. `key_of` makes a word a key as the caller compares owners.
    Every key of a group of two or more maps to the group's first key; keys never joined map to
    nothing.
    """
    if len(keys) < 2:
        return {}
    seen: dict[frozenset[str], int] = {}
    for sentence in sentences:
        pairs: set[frozenset[str]] = set()
        for run in _NAME_RUN.finditer(sentence):
            if _shouted(run.group()):
                continue
            for name in _names_in(run.group()):
                words = [key_of(w.strip(".'’")) for w in name]
                for i, a in enumerate(words):
                    if a in keys:
                        pairs.update(
                            frozenset((a, b))
                            for b in words[i + 1 : i + 2 + _NAME_GAP]
                            if b in keys and b != a
                        )
        if pairs and _title_case(sentence):
            continue  # looked at only where two owners stand in one name: most sentences have none
        for pair in pairs:
            seen[pair] = seen.get(pair, 0) + 1
    named = {pair for pair, n in seen.items() if n >= _NAME_SEEN}
    groups: list[set[str]] = [{k} for k in sorted(keys)]
    # the names seen most often first ("Harlow Otters" before a stray "Otters Falcons")
    for pair in sorted(named, key=lambda p: (-seen[p], sorted(p))):
        a, b = sorted(pair)
        ga = next(g for g in groups if a in g)
        gb = next(g for g in groups if b in g)
        if ga is not gb and all(frozenset((x, y)) in named for x in ga for y in gb):
            ga |= gb
            groups.remove(gb)
    return {k: min(g) for g in groups if len(g) > 1 for k in sorted(g)}
