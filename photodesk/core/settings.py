"""The user's settings: a dataclass kept as a small TOML file in the user's config folder."""

import json
import os
import tempfile
import time
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

LANGUAGES = ("", "vi", "en")  # "" follows the system locale
OBSERVERS = ("auto", "native", "polling")  # auto: native, polling on network file systems
WRITE_MODES = ("embedded", "sidecar")
EXPORT_FORMATS = ("csv", "json", "txt", "xmp", "jpeg", "html")  # as core/export/run.py
DEFAULT_CACHE_MB = 2048


@dataclass
class WatchedFolder:
    path: str
    observer: str = "auto"


@dataclass
class ExportDefaults:
    format: str = "csv"
    template: str = ""       # "" = each format's own default
    folder: str = ""         # "" = the user's Pictures folder
    csv_bom: bool = False    # a BOM makes old Excel read UTF-8


@dataclass
class Settings:
    language: str = ""
    sort: str = "taken"
    catalog: str = ""              # "" = the user data folder's catalog.sqlite
    thumbnail_cache: str = ""      # "" = beside the catalog (CATALOG.thumbs)
    thumbnail_cache_mb: int = DEFAULT_CACHE_MB
    write_mode: str = "embedded"
    folders: list[WatchedFolder] = field(default_factory=list)
    export: ExportDefaults = field(default_factory=ExportDefaults)

    def catalog_path(self) -> Path:
        from photodesk.core.catalog.db import default_catalog_path
        return Path(self.catalog).expanduser() if self.catalog else default_catalog_path()

    def thumbnail_dir(self, catalog_path: str | os.PathLike) -> Path:
        """Where a catalog's thumbnails live: the chosen folder, or beside the catalog so that
        a catalog and its cache move together."""
        if self.thumbnail_cache:
            return Path(self.thumbnail_cache).expanduser()
        return Path(catalog_path).with_suffix(".thumbs")

    @property
    def thumbnail_cache_bytes(self) -> int:
        return self.thumbnail_cache_mb * 1024 * 1024

    def observer_for(self, folder: str) -> str:
        return next((f.observer for f in self.folders if f.path == folder), "auto")


@dataclass
class Loaded:
    """Settings as read, and what went wrong reading them (None when nothing did)."""
    settings: Settings
    problem: str | None = None
    kept_as: Path | None = None


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "photodesk" / "settings.toml"


def load(path: Path | None = None) -> Settings:
    """The stored settings; a missing or damaged file gives the defaults (see read())."""
    return read(path).settings


def read(path: Path | None = None) -> Loaded:
    """The stored settings, and a message when the file was damaged.

    Settings are a convenience: a damaged file must never stop PhotoDesk from opening. It is
    moved aside (kept, so the user can recover what they had) and defaults take its place.
    """
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(Settings())
    except (OSError, UnicodeDecodeError) as exc:
        return _damaged(path, f"cannot be read ({exc})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _damaged(path, f"is not valid TOML ({exc})")
    settings, wrong = from_dict(data)
    if wrong:
        # Values of the wrong kind are replaced one by one; the rest of the file still counts.
        return Loaded(settings, f"{path}: ignored {', '.join(wrong)} (not valid values)")
    return Loaded(settings)


def _damaged(path: Path, why: str) -> Loaded:
    kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, kept)
    except OSError:
        kept = None
    message = f"{path} {why}; using default settings"
    if kept is not None:
        message += f", the old file is kept as {kept.name}"
        try:
            save(Settings(), path)
        except OSError:
            pass
    return Loaded(Settings(), message, kept)


def from_dict(data: dict) -> tuple[Settings, list[str]]:
    """Settings from parsed TOML, and the names of keys whose values were unusable."""
    settings, wrong = Settings(), []
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "folders":
            folders = _folders(value)
            if folders is None:
                wrong.append("folders")
            else:
                settings.folders = folders
        elif f.name == "export":
            if isinstance(value, dict):
                settings.export, bad = _export(value)
                wrong += [f"export.{name}" for name in bad]
            else:
                wrong.append("export")
        elif _same_kind(value, getattr(settings, f.name)):
            setattr(settings, f.name, value)
        else:
            wrong.append(f.name)
    for name, allowed in (("language", LANGUAGES), ("write_mode", WRITE_MODES)):
        if getattr(settings, name) not in allowed:
            setattr(settings, name, getattr(Settings, name))
            wrong.append(name)
    if settings.thumbnail_cache_mb < 16:
        settings.thumbnail_cache_mb = DEFAULT_CACHE_MB
        wrong.append("thumbnail_cache_mb")
    return settings, wrong


def _same_kind(value, default) -> bool:
    # bool is an int in Python; in a settings file true is not 1.
    return type(value) is type(default)


def _folders(value) -> list[WatchedFolder] | None:
    if not isinstance(value, list):
        return None
    folders = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            return None
        observer = item.get("observer", "auto")
        folders.append(WatchedFolder(item["path"], observer if observer in OBSERVERS else "auto"))
    return folders


def _export(value: dict) -> tuple[ExportDefaults, list[str]]:
    export, wrong = ExportDefaults(), []
    for f in fields(ExportDefaults):
        if f.name in value:
            if _same_kind(value[f.name], getattr(export, f.name)):
                setattr(export, f.name, value[f.name])
            else:
                wrong.append(f.name)
    if export.format not in EXPORT_FORMATS:
        export.format = ExportDefaults.format
        wrong.append("format")
    return export, wrong


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (a temp file in the same folder, then rename)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(dumps(settings))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def update(**changes) -> Settings:
    """Read, change and save in one step, so two parts of the program keep each other's keys."""
    settings = load()
    for name, value in changes.items():
        setattr(settings, name, value)
    save(settings)
    return settings


def remember_folder(path: str, observer: str = "auto") -> Settings:
    """Add a folder to the watched list (the catalog keeps its photos; this keeps the choice)."""
    settings = load()
    if not any(f.path == path for f in settings.folders):
        settings.folders.append(WatchedFolder(path, observer))
        save(settings)
    return settings


def dumps(settings: Settings) -> str:
    """TOML for our few keys, tables last as TOML wants."""
    lines = ["# PhotoDesk settings. Edit with care: a file that cannot be read is set aside",
             "# and replaced by defaults."]
    for f in fields(Settings):
        if f.name not in ("folders", "export"):
            lines.append(f"{f.name} = {_value(getattr(settings, f.name))}")
    lines += ["", "[export]"]
    lines += [f"{f.name} = {_value(getattr(settings.export, f.name))}"
              for f in fields(ExportDefaults)]
    for folder in settings.folders:
        lines += ["", "[[folders]]", f"path = {_value(folder.path)}",
                  f"observer = {_value(folder.observer)}"]
    return "\n".join(lines) + "\n"


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    # JSON string escapes are valid TOML basic strings; TOML also wants DEL escaped.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
