"""Settings: one tree, the only reader of corroborator's environment variables.

Precedence, lowest first: defaults < config file < environment < command-line flags (a command
that has a flag for a setting passes it explicitly; nothing here reads `sys.argv`).

Config file (TOML), the first that exists of: `$CORROBORATOR_CONFIG`,
`./corroborator.toml`, `$XDG_CONFIG_HOME/corroborator/config.toml` (default
`~/.config/corroborator/config.toml`)::

    [claims]
    quote_parser = false        # quote speakers by rules only (no spaCy load)

    [embed]
    cache = "1"                 # keep sentence vectors on disk ("1": default file, or a path)
    cache_dir = "/data/cache"   # where the default file lives

Environment (same keys): `CORROBORATOR_QUOTE_PARSER` (off/0/no/false/rules turn it off),
`CORROBORATOR_EMBED_CACHE`, `CORROBORATOR_CACHE_DIR`; `XDG_CACHE_HOME` places the default
cache directory. (`CORROBORATOR_ALLOWED_HOSTS` belongs to `serve --allowed-host` and is read
with that flag by the CLI.) A config file that cannot be read is reported once, on one line, and left
out; settings are read again on every call (cheap), so a changed environment applies at once.

Not yet here: the thresholds of stories, provenance and alignment, which are still module
constants next to the code that uses them (issue 15 names this as the next step).
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_ENV = "CORROBORATOR_CONFIG"
_OFF = frozenset(["0", "off", "no", "false", "rules"])


@dataclass(frozen=True)
class ClaimsSettings:
    #: English quote speakers from the spaCy dependency parse (else by rules only)
    quote_parser: bool = True


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
            base = Path.home() / ".cache" / "corroborator"
        return base / "embeddings.sqlite"


@dataclass(frozen=True)
class Settings:
    claims: ClaimsSettings = field(default_factory=ClaimsSettings)
    embed: EmbedSettings = field(default_factory=EmbedSettings)
    #: the config file read, if any
    source: str | None = None


def _config_file(env: Mapping[str, str], cwd: Path) -> Path | None:
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    local = cwd / "corroborator.toml"
    if local.is_file():
        return local
    xdg = env.get("XDG_CONFIG_HOME")
    home = Path(xdg) if xdg else Path.home() / ".config"
    user = home / "corroborator" / "config.toml"
    return user if user.is_file() else None


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
        key = f"{path}: {e}"
        if key not in _warned:
            _warned.add(key)
            print(f"corroborator: config file {path} left out: {e}", file=sys.stderr)
        return {}
    return {k: dict(v) for k, v in sections.items() if isinstance(v, dict)}


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    return str(value).strip().lower() not in _OFF


def load(env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Settings:
    """Defaults < config file < environment."""
    env = os.environ if env is None else env
    path = _config_file(env, cwd or Path.cwd())
    file = _file_values(path)
    claims, embed = file.get("claims", {}), file.get("embed", {})
    quote_parser = _flag(claims.get("quote_parser"), True)
    if "CORROBORATOR_QUOTE_PARSER" in env:
        quote_parser = _flag(env["CORROBORATOR_QUOTE_PARSER"], True)
    cache = str(embed.get("cache", "") or "")
    cache = env.get("CORROBORATOR_EMBED_CACHE", cache).strip()
    cache_dir = str(embed.get("cache_dir", "") or "")
    cache_dir = env.get("CORROBORATOR_CACHE_DIR", cache_dir)
    return Settings(
        claims=ClaimsSettings(quote_parser=quote_parser),
        embed=EmbedSettings(cache=cache, cache_dir=cache_dir),
        source=str(path) if path is not None and file else None,
    )


def settings() -> Settings:
    """The settings in force now (see the module doc)."""
    return load()
