"""Settings: one tree, the only reader of corroborator's environment variables.

Precedence, lowest first: defaults < config file < environment < command-line flags (a command
that has a flag for a setting passes it explicitly; nothing here reads `sys.argv`).

Config file (TOML), the first that exists of: `$CORROBORATOR_CONFIG`,
`./corroborator.toml`, `$XDG_CONFIG_HOME/corroborator/config.toml` (default
`~/.config/corroborator/config.toml`). Every key, with its default::

    [claims]
    quote_parser = true         # English quote speakers from the spaCy parse (false: rules)
    parse_labels = true         # labels of dates, times, durations that two sources state
                                # from the spaCy parse (false: the rule labels, no spaCy)
    parse_owners = true         # English: the sides of a conflict that the parse gives to two
                                # different people are two facts (false: no parse for it)
    parse_anchors = true        # English: a date, time or duration is matched by the event
                                # the parse ties it to ("deliberated for 14 hours": deliberate)
    parse_worker = true         # `compare` loads spaCy in a child process beside its other
                                # work (false: in its own process, when first needed)

    [embed]
    cache = ""                  # keep sentence vectors on disk ("1": default file, or a path)
    cache_dir = ""              # where the default file lives

    [stories]                   # story grouping, both modes (`stories.score.StoryParams`)
    threshold = 0.8             # score an article needs to join a story (higher: more,
                                # smaller stories)
    attach_threshold = 0.65     # score at which a small fragment is attached to a story
    window_days = 7             # days beyond a story's first/last day an article may join;
                                # also how long a story stays open in corpus mode
    max_span_days = 14          # longest a story may span, first to last day (0: no limit)
    max_size = 200              # members at which a corpus-mode story closes (a new one opens)
    max_open = 20000            # open stories kept in memory by `ingest` (oldest close first)
    top_k = 8                   # candidate stories scored per article
    search = "auto"             # candidate search: "exact", "hnsw" or "auto"

    [provenance]                # who copied, rewrote or translated whom (`provenance`)
    copy_containment = 0.6      # share of the shorter body's word 5-grams found in the other
                                # that makes a copy or syndication (applied by
                                # --analysis fast; the full analysis keeps 0.6 for now)
    same_language = 0.8         # sentence cosine of a rewrite (same language)
    cross_language = 0.6        # sentence cosine across languages (earlier rule only)
    coverage = 0.6              # share of aligned sentences that makes a whole rewrite or
                                # translation
    cross_p = 0.5               # P(translation) at which a sentence pair matches
    cross_run_p = 0.9           # mean P(translation) of a run of partial reuse
    near_duplicate = 0.5        # MinHash Jaccard at which `ingest` joins a near-duplicate
                                # to its original's story and reuses its vector

    [ingest]                    # `corroborator ingest` / `corroborator.corpus.ingest`
    batch_size = 256            # articles per transaction (--batch-size)
    analysis = "full"           # "full" or "fast" (--analysis)
    analyse_now_max = 8         # touched stories up to this size are analysed in the batch;
                                # larger ones at the end
    finish_batch = 64           # stale stories analysed per transaction at the end
    store_vectors = false       # keep the sentence and claim-phrase vectors the analysis
                                # embeds in the store, so that `reanalyse` and a resumed
                                # ingest do not embed them again (about 3x the store)

    [exec]                      # where per-article work runs (`corroborator.exec`)
    executor = "local"          # "local", "ray" or "spark" (--executor)
    workers = -1                # worker processes (--workers); -1: one per core on the
                                # command line, 0 (in the calling process) in the library
    chunk = 16                  # articles per task sent to a worker
    address = ""                # Ray address or Spark master ("": a local cluster)

    [align]                     # claim alignment inside a story (`compare.align`)
    near_miss = 1.1             # sides within this ratio (unhedged, one precision) conflict
                                # even when weakly linked ("52-3" / "53-3")
    rounding_share = 0.05       # a round figure agrees with a precise one within this share
    rounding_min = 1000.0       # ... from this size up ("$36,000" / "$36,280"; not "10" / "12")
    head_likeness = 0.35        # counts whose head words embed further apart never share a
                                # side ("three campuses" / "three life sentences")
    small_head_likeness = 0.6   # ... and counts of at most small_count things this far apart
    small_count = 4             # ("two rifles" / "two grenades")
    relative_date_slack_days = 7  # relative dates read against two publication days agree
                                # within this gap
    approx_time_minutes = 15    # hedged times of day ("about 9pm") agree within this
    possible_floor = 0.2        # a possible conflict whose sides link more weakly than this
                                # is shown as its sides, each a fact of its own
    common_join = 0.4           # equal counts of at most common_count things share a side
    common_count = 20           # only when linked this strongly ("two", "five points"),
    common_head_likeness = 0.7  # unless their heads embed this alike ("workers"/"employees")

Environment: `CORROBORATOR_<SECTION>_<KEY>` for every key of stories, provenance, ingest,
exec and align (`CORROBORATOR_STORIES_THRESHOLD=0.85`, `CORROBORATOR_EXEC_WORKERS=2`), and
`CORROBORATOR_QUOTE_PARSER` (off/0/no/false/rules turn it off), `CORROBORATOR_PARSE_LABELS`,
`CORROBORATOR_PARSE_OWNERS`, `CORROBORATOR_PARSE_WORKER`, `CORROBORATOR_EMBED_CACHE`,
`CORROBORATOR_CACHE_DIR`; `XDG_CACHE_HOME` places the default cache directory.
(`CORROBORATOR_WEIGHTS_CACHE=off` is read by `embed.weights_cache`, and
`CORROBORATOR_ALLOWED_HOSTS` belongs to `serve --allowed-host` and is read with that flag by
the CLI.) A config file that cannot be read, or a value of the wrong type or out of range, is
reported once, on one line, and left out; settings are read again on every call (cheap), so a
changed environment applies at once. None of the settings changes with the executor or the
number of workers: the store is the same for a given set of values.

The matcher's own thresholds (join / conflict / possible) ship with its fitted weights
(`compare/matcher_weights.json`) and are not settings: changing them means refitting.
"""

from __future__ import annotations

import os
import sys
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

CONFIG_ENV = "CORROBORATOR_CONFIG"
_OFF = frozenset(["0", "off", "no", "false", "rules"])
_ON = frozenset(["1", "on", "yes", "true"])


@dataclass(frozen=True)
class ClaimsSettings:
    #: English quote speakers from the spaCy dependency parse (else by rules only)
    quote_parser: bool = True
    #: labels of dates, times and durations from the spaCy parse (`compare.labels`)
    parse_labels: bool = True
    #: owners of conflicting figures from the spaCy parse (`compare.owners`)
    parse_owners: bool = True
    #: the event a date, time or duration belongs to, from the spaCy parse, is its measured
    #: thing for alignment (`compare.labels.when_anchor`)
    parse_anchors: bool = True
    #: `compare` loads the spaCy pipeline in a child process while it reads, extracts and
    #: groups (`nlp.worker`); off: in its own process, when first needed
    parse_worker: bool = True


@dataclass(frozen=True)
class EmbedSettings:
    #: "" (memory only), "1" (the default file under `cache_dir`) or a SQLite file path
    cache: str = ""
    #: directory of the default cache file ("" = $XDG_CACHE_HOME/corroborator or
    #: ~/.cache/corroborator)
    cache_dir: str = ""

    def cache_path(self, env: Mapping[str, str] | None = None) -> Path:
        """The default cache file: `cache_dir`, else $XDG_CACHE_HOME/corroborator, else
        ~/.cache/corroborator; `embeddings.sqlite` in it."""
        env = os.environ if env is None else env
        if self.cache_dir:
            base = Path(self.cache_dir)
        elif env.get("XDG_CACHE_HOME"):
            base = Path(env["XDG_CACHE_HOME"]) / "corroborator"
        else:
            home = _home()
            base = (
                home / ".cache" / "corroborator"
                if home is not None
                else Path(tempfile.gettempdir()) / "corroborator-cache"
            )
        return base / "embeddings.sqlite"


@dataclass(frozen=True)
class StoriesSettings:
    """Story grouping, both modes (the defaults of `stories.score.StoryParams`)."""

    threshold: float = 0.8
    attach_threshold: float = 0.65
    window_days: int = 7
    max_span_days: int = 14
    max_size: int = 200
    max_open: int = 20_000
    top_k: int = 8
    search: str = "auto"


@dataclass(frozen=True)
class ProvenanceSettings:
    """Decision thresholds of provenance (`provenance.derive.Thresholds` and
    `provenance.copies`) and of near-duplicates in `ingest` (`corpus.neardup`)."""

    copy_containment: float = 0.6
    same_language: float = 0.80
    cross_language: float = 0.60
    coverage: float = 0.6
    cross_p: float = 0.5
    cross_run_p: float = 0.9
    near_duplicate: float = 0.5


@dataclass(frozen=True)
class IngestSettings:
    """`ingest` batches and analysis (`jobs.ingest.IngestOptions`)."""

    batch_size: int = 256
    analysis: str = "full"
    analyse_now_max: int = 8
    finish_batch: int = 64
    store_vectors: bool = False


@dataclass(frozen=True)
class ExecSettings:
    """Where per-article work runs (`corroborator.exec`)."""

    executor: str = "local"
    #: -1: one per core on the command line, 0 in the library
    workers: int = -1
    chunk: int = 16
    address: str = ""


#: Allowed values of the settings that take one of a few words.
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("stories", "search"): ("auto", "exact", "hnsw"),
    ("ingest", "analysis"): ("full", "fast"),
    ("exec", "executor"): ("local", "ray", "spark"),
}
#: Lowest allowed value of numeric settings (others: 0).
_MINIMUM: dict[tuple[str, str], float] = {
    ("stories", "max_size"): 1,
    ("stories", "max_open"): 1,
    ("stories", "top_k"): 1,
    ("ingest", "batch_size"): 1,
    ("ingest", "finish_batch"): 1,
    ("exec", "workers"): -1,
    ("exec", "chunk"): 1,
    ("align", "near_miss"): 1,
    ("align", "rounding_min"): 1,
}


@dataclass(frozen=True)
class AlignSettings:
    """Claim alignment inside a story (`compare.align`)."""

    #: sides within this ratio, none hedged and written to one precision, are `conflicting`
    #: even when weakly linked ("52-3" / "53-3")
    near_miss: float = 1.1
    #: a round figure agrees with a precise one within this share of it ("$36,000" / "$36,280")
    rounding_share: float = 0.05
    #: ... when the figures are at least this large (small counts are exact: "10" / "12 dead")
    rounding_min: float = 1000.0
    #: counts whose head words embed further apart than this never share a side
    head_likeness: float = 0.35
    #: ... and counts of at most `small_count` things this far apart
    small_head_likeness: float = 0.6
    small_count: int = 4
    #: relative dates resolved against two different publication days agree within this gap
    relative_date_slack_days: int = 7
    #: hedged times of day ("about 9pm") agree within this many minutes
    approx_time_minutes: int = 15
    #: a possible conflict whose weakest link between sides is below this is no conflict:
    #: its sides are shown as facts of their own (the matcher's `possible` bar is 0.12)
    possible_floor: float = 0.2
    #: equal counts of at most `common_count` things ("two", "five points": values said of many
    #: things in one story) share a side only when they link at least this strongly (the
    #: matcher's own `join` bar, for other values, is 0.2)
    common_join: float = 0.4
    common_count: int = 20
    #: ... unless their head words embed at least this alike ("workers" / "employees")
    common_head_likeness: float = 0.7


@dataclass(frozen=True)
class Settings:
    claims: ClaimsSettings = field(default_factory=ClaimsSettings)
    embed: EmbedSettings = field(default_factory=EmbedSettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    provenance: ProvenanceSettings = field(default_factory=ProvenanceSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    exec: ExecSettings = field(default_factory=ExecSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    #: the config file read, if any
    source: str | None = None


def _config_file(env: Mapping[str, str], cwd: Path) -> Path | None:
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    local = cwd / "corroborator.toml"
    if local.is_file():
        return local
    xdg = env.get("XDG_CONFIG_HOME")
    home = _home()
    if xdg:
        base = Path(xdg)
    elif home is not None:
        base = home / ".config"
    else:
        return None
    user = base / "corroborator" / "config.toml"
    return user if user.is_file() else None


def _home() -> Path | None:
    """The user's home folder, or None where there is none (no $HOME and no password entry,
    as in some containers): then there is no user config file, and the default cache lives
    in the temporary folder."""
    try:
        return Path.home()
    except (RuntimeError, KeyError):
        return None


@lru_cache(maxsize=8)
def _read_file(path: str, mtime: float) -> dict[str, Any]:
    """The parsed file, cached by path and modification time (callers copy what they use)."""
    with open(path, "rb") as f:
        return tomllib.load(f)


_warned: set[str] = set()


def _file_values(path: Path | None) -> dict[str, dict[str, Any]]:
    if path is None:
        return {}
    try:
        sections = _read_file(str(path), path.stat().st_mtime)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        _warn_once(f"config file {path} left out: {e}")
        return {}
    return {k: dict(v) for k, v in sections.items() if isinstance(v, dict)}


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    return str(value).strip().lower() not in _OFF


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"corroborator: {message}", file=sys.stderr)


def _value(section: str, key: str, kind: type, raw: object) -> object:
    """`raw` (from the file or the environment) as the setting's type; ValueError says why."""
    if kind is bool:
        if isinstance(raw, bool) or str(raw).strip().lower() in _OFF | _ON:
            return _flag(raw, False)
        raise ValueError("not true or false")
    if kind is str:
        value: object = str(raw).strip()
        choices = _CHOICES.get((section, key))
        if choices and value not in choices:
            raise ValueError(f"not one of {', '.join(choices)}")
        return value
    if isinstance(raw, bool) or (kind is int and isinstance(raw, float)):
        raise ValueError(f"not {'an integer' if kind is int else 'a number'}")
    try:
        number = kind(str(raw).strip()) if isinstance(raw, str) else kind(raw)
    except (TypeError, ValueError):
        raise ValueError(f"not {'an integer' if kind is int else 'a number'}") from None
    low = _MINIMUM.get((section, key), 0)
    if number < low or number != number:  # NaN compares false
        raise ValueError(f"below {low}")
    return number


S = TypeVar("S")


def _section(
    name: str, cls: type[S], file: Mapping[str, Any], env: Mapping[str, str], path: Path | None
) -> S:
    """Section `name`: its defaults, then the file's `[name]` keys, then the environment's
    `CORROBORATOR_<NAME>_<KEY>`; a bad value is reported once and left out."""
    out = cls()
    kinds = {f.name: type(getattr(out, f.name)) for f in fields(cls)}  # type: ignore[arg-type]
    given: dict[str, tuple[object, str]] = {}
    for key, raw in file.items():
        if key not in kinds:
            _warn_once(f"config file {path}: {name}.{key} left out: unknown key")
            continue
        given[key] = (raw, f"config file {path}: {name}.{key}")
    prefix = f"CORROBORATOR_{name.upper()}_"
    for key in kinds:
        if prefix + key.upper() in env:
            given[key] = (env[prefix + key.upper()], prefix + key.upper())
    changes: dict[str, object] = {}
    for key, (raw, where) in given.items():
        try:
            changes[key] = _value(name, key, kinds[key], raw)
        except ValueError as exc:
            _warn_once(f"{where}={raw!r} left out: {exc}")
    return replace(out, **changes) if changes else out  # type: ignore[type-var]


def load(env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Settings:
    """Defaults < config file < environment."""
    env = os.environ if env is None else env
    path = _config_file(env, cwd or Path.cwd())
    file = _file_values(path)
    claims, embed = file.get("claims", {}), file.get("embed", {})

    def claims_flag(key: str) -> bool:
        """`[claims] <key>`, overridden by `CORROBORATOR_<KEY>`; on unless turned off."""
        name = f"CORROBORATOR_{key.upper()}"
        return _flag(env[name] if name in env else claims.get(key), True)

    cache = str(embed.get("cache", "") or "")
    cache = env.get("CORROBORATOR_EMBED_CACHE", cache).strip()
    cache_dir = str(embed.get("cache_dir", "") or "")
    cache_dir = env.get("CORROBORATOR_CACHE_DIR", cache_dir)
    return Settings(
        claims=ClaimsSettings(
            quote_parser=claims_flag("quote_parser"),
            parse_labels=claims_flag("parse_labels"),
            parse_owners=claims_flag("parse_owners"),
            parse_anchors=claims_flag("parse_anchors"),
            parse_worker=claims_flag("parse_worker"),
        ),
        embed=EmbedSettings(cache=cache, cache_dir=cache_dir),
        stories=_section("stories", StoriesSettings, file.get("stories", {}), env, path),
        provenance=_section(
            "provenance", ProvenanceSettings, file.get("provenance", {}), env, path
        ),
        ingest=_section("ingest", IngestSettings, file.get("ingest", {}), env, path),
        exec=_section("exec", ExecSettings, file.get("exec", {}), env, path),
        align=_section("align", AlignSettings, file.get("align", {}), env, path),
        source=str(path) if path is not None and file else None,
    )


def settings() -> Settings:
    """The settings in force now (see the module doc)."""
    return load()
