"""A small fictional corpus for the equivalence tests (tests/test_equivalence.py and
tests/test_exec_*.py) and the canonical export of a store they compare.

Three invented events: a bridge closure in Marrowick (an original, a syndicated copy under
another outlet, a rewrite and a French translation), a warehouse fire in Tollbury (two
reports that disagree on the number of injured) and a one-article ferry story; plus an empty
file and a line that is not JSON (recorded skips). Every text was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from corroborator.corpus import list_stories, story_report
from corroborator.export import export_table
from corroborator.report import render
from corroborator.store import open_store

BRIDGE = (
    "The Halden Bridge in Marrowick was closed to all traffic on Tuesday after engineers "
    "found a crack in one of its steel girders. City engineer Mara Oswin said the crack was "
    "about 40 centimetres long. About 18,000 vehicles cross the bridge every day, according "
    "to the city transport office. Buses will be diverted through the Kettle Street tunnel "
    "for at least three weeks. The bridge opened in 1971 and was last inspected in 2024. "
    "Mayor Ivo Brandt said repairs would cost about 2 million euros."
)
BRIDGE_REWRITE = (
    "Marrowick shut the Halden Bridge on Tuesday when inspectors discovered a cracked steel "
    "girder. The crack measures roughly 40 centimetres, city engineer Mara Oswin told "
    "reporters. Some 18,000 vehicles use the crossing daily. Bus lines will run through the "
    "Kettle Street tunnel for three weeks or more. Mayor Ivo Brandt put the cost of the "
    "repairs at 2 million euros."
)
BRIDGE_FR = (
    "Le pont Halden de Marrowick a été fermé à toute circulation mardi après que des "
    "ingénieurs ont découvert une fissure dans l'une de ses poutres en acier. L'ingénieure "
    "de la ville Mara Oswin a déclaré que la fissure mesurait environ 40 centimètres. "
    "Environ 18 000 véhicules traversent le pont chaque jour, selon le bureau des transports "
    "de la ville. Les bus seront déviés par le tunnel de Kettle Street pendant au moins "
    "trois semaines. Le maire Ivo Brandt a déclaré que les réparations coûteraient environ "
    "2 millions d'euros."
)
FIRE_A = (
    "A fire destroyed a furniture warehouse in Tollbury on Saturday night. Twelve workers "
    "were injured, fire chief Nadia Perrin said on Sunday. More than 60 firefighters fought "
    "the blaze for six hours. The cause of the fire is not yet known. The warehouse, owned "
    "by the Corrin Group, employed 140 people."
)
FIRE_B = (
    "Fourteen people were injured when fire tore through a furniture warehouse in Tollbury "
    "late on Saturday, police said. Firefighters needed six hours to control the flames. "
    "The Corrin Group, which owns the site, said 140 people worked there. Investigators "
    "have not yet found the cause of the fire."
)
FERRY = (
    "The ferry service between Port Aldine and the island of Skerra will resume on Monday "
    "after a two-month pause. The operator, Skerra Lines, said the new vessel can carry 300 "
    "passengers and 40 cars. Tickets go on sale on Friday."
)


#: the crawl file's JSON Lines records (a copy, a syndicated copy, a rewrite, a translation, two
#: reports of another event)
CRAWL_ROWS: list[dict[str, str]] = [
    {
        "title": "Halden Bridge closed after crack found",
        "text": BRIDGE,
        "url": "https://marrowick-post.example/bridge",
        "outlet": "Marrowick Post",
        "published": "2026-03-10",
    },
    {
        "title": "Crack closes Marrowick's Halden Bridge",
        "text": BRIDGE,
        "url": "https://wire.example/halden",
        "outlet": "Wire Service",
        "published": "2026-03-10",
    },
    {
        "title": "Cracked girder shuts Halden Bridge",
        "text": BRIDGE_REWRITE,
        "url": "https://valley-news.example/halden",
        "outlet": "Valley News",
        "published": "2026-03-11",
    },
    {
        "title": "Le pont Halden fermé après la découverte d'une fissure",
        "text": BRIDGE_FR,
        "url": "https://journal.example/fr/halden",
        "outlet": "Le Journal",
        "published": "2026-03-11",
    },
    {
        "title": "Fire destroys Tollbury warehouse",
        "text": FIRE_A,
        "url": "https://tollbury-times.example/fire",
        "outlet": "Tollbury Times",
        "published": "2026-03-15",
    },
    {
        "title": "Fourteen hurt in Tollbury warehouse blaze",
        "text": FIRE_B,
        "url": "https://county-herald.example/fire",
        "outlet": "County Herald",
        "published": "2026-03-15",
    },
]


def write_corpus(folder: Path) -> Path:
    """Write the corpus into `folder` (JSON Lines, a text file and an empty file)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "crawl.jsonl").open("w", encoding="utf-8") as fh:
        for row in CRAWL_ROWS:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        fh.write("{this line is not JSON\n")
    (folder / "ferry.txt").write_text("Skerra ferry to resume\n\n" + FERRY, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def canonical_export(db: Path, scratch: Path) -> str:
    """The store as one text: the `report` JSON of every story, then the JSON Lines export
    of every table (articles, stories, links, claims), rows sorted, then the skips."""
    scratch.mkdir(parents=True, exist_ok=True)
    store = open_store(db)
    try:
        parts: list[str] = []
        for story in sorted(list_stories(store), key=lambda s: str(s["id"])):
            parts.append(render(story_report(store, str(story["id"])), "json"))
        for what in ("articles", "stories", "links", "claims"):
            path = scratch / f"{what}.jsonl"
            export_table(store, what, "jsonl", path)
            parts.append("\n".join(sorted(path.read_text(encoding="utf-8").splitlines())))
        parts.append("\n".join(sorted(f"{s.source}\t{s.reason}" for s in store.skips())))
    finally:
        store.close()
    return "\n".join(parts)
