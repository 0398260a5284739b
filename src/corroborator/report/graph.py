"""The provenance graph of a story as inline SVG: no script, no external resource, no font file.

Layout (deterministic, integer coordinates):

- one *block* per independence group (an original and everything derived from it), in the
  story's group order; articles a story lists outside any group get a block each;
- inside a block, a layered tree read left to right: column 0 holds articles whose original is
  not in the block, column d holds articles derived from one in column d - 1, so every arrow
  points right and never crosses a node; children are ordered by their parent's row;
- blocks are packed into shelves (rows) at most `MAX_WIDTH` wide, so thirty independent
  articles make a compact grid instead of one tall column, and a story with a long chain grows
  wider (the page scales the drawing down, or scrolls it on a phone).

Edges go from the original to the derivative, styled per relation (`view.RELATION_STYLES`):
solid for copy/syndication, dashed for rewrite, dotted for translation, dash-dot otherwise. An
edge whose direction is unknown has no arrowhead. Relation and score are drawn at the edge's
middle and repeated with the evidence in a `<title>` tooltip.

Every string from an article is escaped and stripped of characters XML 1.0 forbids, so the
SVG is well-formed XML whatever a title contains. The root carries no `xmlns`: the HTML
parser puts inline `<svg>` in the SVG namespace by itself, and the page keeps its promise of
containing no URL.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from corroborator.model import Article, Story
from corroborator.report.view import (
    RELATION_STYLES,
    ArticleIndex,
    ProvenanceEdge,
    direction_note,
    index_of,
    machine_note,
    provenance_edges,
    slug,
    story_article_ids,
)

NODE_W = 176
NODE_H = 46
COL_GAP = 120  # room for an edge label such as "translation 0.91" between two columns
ROW_GAP = 12
PAD = 10  # inside a block
HEADER = 20  # block title line
BLOCK_GAP = 14
MAX_WIDTH = 1000  # shelf width: two three-column groups fit side by side
LABEL_UNITS = 23  # characters of a node line (wide CJK characters count as two)

DASHES = {"solid": "", "dashed": "7 4", "dotted": "2 3", "dashdot": "9 3 2 3"}
# Characters XML 1.0 does not allow (C0 controls other than tab/newline/CR, surrogates, FFFE/F).
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Escape for XML text and attributes (quotes included), dropping forbidden characters."""
    return html.escape(_XML_BAD.sub("", str(value)), quote=True)


def shorten(text: str, units: int = LABEL_UNITS) -> str:
    """`text` on one line, cut to about `units` character widths with "…" when longer.

    East Asian wide and full-width characters count as two, so a Japanese title does not
    overflow its node box.
    """
    flat = " ".join(_XML_BAD.sub("", text).split())
    widths = [2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in flat]
    if sum(widths) <= units:
        return flat
    used = 0
    for i, w in enumerate(widths):
        if used + w > units - 1:  # one unit left for the ellipsis
            return flat[:i].rstrip() + "…"
        used += w
    return flat


@dataclass
class Node:
    article: str
    x: int
    y: int
    block: int
    ghost: bool  # named by a derivation but not in the report: drawn dashed, not linked


@dataclass
class Block:
    index: int
    title: str
    members: list[str]
    columns: list[list[str]] = field(default_factory=list)
    x: int = 0
    y: int = 0

    @property
    def width(self) -> int:
        cols = max(1, len(self.columns))
        return 2 * PAD + cols * NODE_W + (cols - 1) * COL_GAP

    @property
    def height(self) -> int:
        rows = max([1, *(len(c) for c in self.columns)])
        return HEADER + 2 * PAD + rows * NODE_H + (rows - 1) * ROW_GAP


@dataclass
class Layout:
    width: int
    height: int
    blocks: list[Block]
    nodes: dict[str, Node]
    edges: list[ProvenanceEdge]


def _blocks(story: Story, articles: dict[str, Article], edges: list[ProvenanceEdge]) -> list[Block]:
    blocks: list[Block] = []
    placed: set[str] = set()
    for i, group in enumerate(story.independent_groups, 1):
        members = [a for a in dict.fromkeys(group) if a not in placed]
        if not members:
            continue
        placed.update(members)
        title = f"group {i} · {len(members)} article{'s' if len(members) != 1 else ''}"
        blocks.append(Block(len(blocks), title, members))
    for aid in story_article_ids(story):
        if aid not in placed:
            placed.add(aid)
            blocks.append(Block(len(blocks), "not in a group", [aid]))
    # An original named by a derivation but absent from the story joins its derivative's block.
    where = {aid: b for b in blocks for aid in b.members}
    for e in edges:
        if e.original not in where and e.derivative in where:
            block = where[e.derivative]
            block.members.append(e.original)
            where[e.original] = block
    return blocks


def _columns(block: Block, parent: dict[str, str]) -> list[list[str]]:
    """Layered tree of a block: depth = steps to an ancestor with no parent in the block."""
    inside = set(block.members)
    order = {aid: i for i, aid in enumerate(block.members)}

    def depth(aid: str) -> int:
        seen = {aid}
        d = 0
        cur = aid
        while cur in parent and parent[cur] in inside and parent[cur] not in seen:
            cur = parent[cur]
            seen.add(cur)
            d += 1
        return d

    depths = {aid: depth(aid) for aid in block.members}
    columns: list[list[str]] = [[] for _ in range(max(depths.values()) + 1)]
    for aid in block.members:
        columns[depths[aid]].append(aid)
    row: dict[str, int] = {aid: i for i, aid in enumerate(columns[0])}
    for col in columns[1:]:
        col.sort(key=lambda a: (row.get(parent.get(a, ""), len(row)), order[a]))
        row.update({aid: i for i, aid in enumerate(col)})
    return columns


def layout(story: Story, articles: dict[str, Article]) -> Layout:
    """Positions of every node and block of the story's provenance graph (see module doc)."""
    edges = provenance_edges(story, articles)
    parent = {e.derivative: e.original for e in edges}
    blocks = _blocks(story, articles, edges)
    for block in blocks:
        block.columns = _columns(block, parent)
    width = max([MAX_WIDTH, *(b.width for b in blocks)])
    x = y = shelf = 0
    used_width = 0
    for block in blocks:
        if x and x + block.width > width:
            x, y, shelf = 0, y + shelf + BLOCK_GAP, 0
        block.x, block.y = x, y
        x += block.width + BLOCK_GAP
        shelf = max(shelf, block.height)
        used_width = max(used_width, block.x + block.width)
    nodes: dict[str, Node] = {}
    for block in blocks:
        for c, col in enumerate(block.columns):
            for r, aid in enumerate(col):
                nodes[aid] = Node(
                    aid,
                    block.x + PAD + c * (NODE_W + COL_GAP),
                    block.y + HEADER + PAD + r * (NODE_H + ROW_GAP),
                    block.index,
                    aid not in articles,
                )
    return Layout(used_width, y + shelf if blocks else 0, blocks, nodes, edges)


def _flat_title(article: Article) -> str:
    return " ".join((article.title or article.source).split())


def _node_svg(node: Node, names: ArticleIndex, edge: ProvenanceEdge | None) -> str:
    """A node: the article's outlet on the first line (bold, with the name's "(2)" when two
    articles share outlet and title), its language and title on the second; the tooltip
    gives the full name, the title and the derivation."""
    article = names.get(node.article)
    lang = article.language if article else ""
    name = names.name(node.article)
    note = machine_note(article)
    # Bold text is about 3 units wider; a flagged node keeps room for "machine 0.82".
    head = shorten(names.short(node.article), 11 if note is not None and note.flagged else 21)
    if article is None:
        second = "(not in report)"
    else:
        second = " · ".join(p for p in (lang, _flat_title(article)) if p)
    tip = [f"{name}: {article.title if article else '(not in report)'}"]
    if lang:
        tip.append(lang)
    tip.append(
        f"{edge.relation} of {names.name(edge.original)}, score {edge.score:.2f}"
        if edge
        else "original"
    )
    if note is not None and note.flagged:
        tip.append(note.label)
    tx, ty = node.x + 8, node.y + 18
    parts = [
        f"<title>{xml_text(' — '.join(p for p in tip if p))}</title>",
        f'<rect x="{node.x}" y="{node.y}" width="{NODE_W}" height="{NODE_H}" rx="5"/>',
        f'<text x="{tx}" y="{ty}" class="pg-id">{xml_text(head)}</text>',
    ]
    if note is not None and note.flagged:
        parts.append(
            f'<text x="{node.x + NODE_W - 8}" y="{ty}" class="pg-machine" text-anchor="end">'
            f"machine {note.score:.2f}</text>"
        )
    parts.append(f'<text x="{tx}" y="{ty + 17}">{xml_text(shorten(second))}</text>')
    body = "".join(parts)
    if node.ghost:
        return f'<g class="pg-node pg-ghost">{body}</g>'
    return f'<a href="#article-{slug(node.article)}" class="pg-node">{body}</a>'


def _edge_svg(
    edge: ProvenanceEdge, nodes: dict[str, Node], slot: tuple[int, int], names: ArticleIndex
) -> str:
    """One edge; `slot` = (k, n): this is the k-th of n edges leaving the original, top to
    bottom, so their start points are spread along the original's right side."""
    src, dst = nodes[edge.original], nodes[edge.derivative]
    k, n = slot
    x1, y1 = src.x + NODE_W, src.y + NODE_H * (k + 1) // (n + 1)
    x2, y2 = dst.x, dst.y + NODE_H // 2
    bend = max(40, abs(x2 - x1) // 2)
    path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
    style = RELATION_STYLES.get(edge.relation, "dashdot")
    dash = DASHES[style]
    rel_class = edge.relation if edge.relation in RELATION_STYLES else "other"
    attrs = f' stroke-dasharray="{dash}"' if dash else ""
    # The curve always ends horizontally, so the arrowhead is a fixed right-pointing triangle
    # (drawn, not a <marker>: no url() reference, nothing to keep unique across graphs).
    arrow = (
        f'<path class="pg-arrow" d="M{x2},{y2} L{x2 - 10},{y2 - 5} L{x2 - 10},{y2 + 5} z"/>'
        if edge.known_direction
        else ""
    )
    note = direction_note(edge)
    der, orig = names.name(edge.derivative), names.name(edge.original)
    tip = f"{der} ← {orig}: {edge.relation}, score {edge.score:.2f}"
    tip += f" ({note})" if note else ""
    tip += f". Evidence: {edge.evidence}" if edge.evidence else ""
    label = f"{edge.relation} {edge.score:.2f}" + ("" if edge.known_direction else " ?")
    # Label just above the last, horizontal stretch of the curve: labels of edges that fan out
    # from one original then sit one node row apart instead of crowding at the fork.
    mx, my = x2 - 12, y2 - 6
    return (
        f'<g class="pg-edge pg-{rel_class}"><title>{xml_text(tip)}</title>'
        f'<path d="{path}" fill="none"{attrs}/>{arrow}'
        f'<text x="{mx}" y="{my}" text-anchor="end">{xml_text(shorten(label, 22))}</text></g>'
    )


def _describe(lay: Layout, names: ArticleIndex) -> str:
    n_edges = len(lay.edges)
    groups = sum(1 for b in lay.blocks if b.title != "not in a group")
    parts = [
        f"{len(lay.nodes)} articles in {groups} independent group{'s' if groups != 1 else ''}",
        f"{n_edges} derivation{'s' if n_edges != 1 else ''}",
    ]
    for e in lay.edges:
        note = direction_note(e)
        parts.append(
            f"{names.name(e.derivative)} from {names.name(e.original)}: {e.relation} {e.score:.2f}"
            + (f" ({note})" if note else "")
        )
    return "; ".join(parts) + "."


def provenance_svg(story: Story, articles: dict[str, Article]) -> str:
    """The story's provenance graph as an inline `<svg>` element, or "" for a story with no
    articles. Ids inside are prefixed with the story's slug, so several graphs share a page."""
    names = index_of(articles)
    lay = layout(story, names)
    if not lay.nodes:
        return ""
    sid = f"pg-{slug(story.id)}"
    out = [
        f'<svg class="pg" id="{sid}" role="group" aria-labelledby="{sid}-t {sid}-d" '
        f'viewBox="0 0 {lay.width} {lay.height}" width="{lay.width}" height="{lay.height}">',
        f'<title id="{sid}-t">Provenance graph: {xml_text(story.title)}</title>',
        f'<desc id="{sid}-d">{xml_text(_describe(lay, names))}</desc>',
    ]
    for block in lay.blocks:
        out.append(
            f'<g class="pg-block"><rect x="{block.x}" y="{block.y}" width="{block.width}" '
            f'height="{block.height}" rx="6"/>'
            f'<text x="{block.x + PAD}" y="{block.y + 15}">{xml_text(block.title)}</text></g>'
        )
    by_derivative = {e.derivative: e for e in lay.edges}
    drawn = [e for e in lay.edges if e.original in lay.nodes and e.derivative in lay.nodes]
    leaving: dict[str, list[ProvenanceEdge]] = {}
    for e in drawn:
        leaving.setdefault(e.original, []).append(e)
    slots: dict[str, tuple[int, int]] = {}
    for out_edges in leaving.values():
        ordered = sorted(out_edges, key=lambda e: (lay.nodes[e.derivative].y, e.derivative))
        slots.update({e.derivative: (k, len(ordered)) for k, e in enumerate(ordered)})
    out.extend(_edge_svg(e, lay.nodes, slots[e.derivative], names) for e in drawn)
    out.extend(
        _node_svg(lay.nodes[aid], names, by_derivative.get(aid))
        for b in lay.blocks
        for col in b.columns
        for aid in col
    )
    out.append("</svg>")
    return "\n".join(out)
