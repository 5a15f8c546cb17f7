"""The user's settings: a dataclass kept as a small TOML file in the user's config folder."""

import json
import os
import tempfile
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

LANGUAGES = ("", "vi", "en")  # "" follows the system locale


@dataclass
class Settings:
    language: str = ""
    sort: str = "taken"


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "photodesk" / "settings.toml"


def load(path: Path | None = None) -> Settings:
    """The stored settings; a missing, unreadable or foreign file gives the defaults.

    Settings are a convenience: a damaged file must never stop the window from opening.
    """
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Settings()
    settings = Settings()
    for f in fields(Settings):
        value = data.get(f.name)
        if isinstance(value, type(getattr(settings, f.name))):
            setattr(settings, f.name, value)
    if settings.language not in LANGUAGES:
        settings.language = ""
    return settings


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (a temp file in the same folder, then rename)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(dumps(settings))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def dumps(settings: Settings) -> str:
    """TOML for the few flat keys we keep: JSON string escapes are valid TOML basic strings."""
    lines = ["# PhotoDesk settings"]
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, (int, float)):
            text = repr(value)
        else:
            # TOML also wants DEL escaped, which JSON leaves alone.
            text = json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
        lines.append(f"{f.name} = {text}")
    return "\n".join(lines) + "\n"
