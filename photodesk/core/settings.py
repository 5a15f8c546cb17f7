"""The user's settings: a dataclass kept as a small TOML file in the user's config folder.

They are this machine's preferences. What belongs to a catalog (its folders, how each is
watched) is kept in the catalog, so every PhotoDesk that opens it agrees; a file written by an
earlier version may still list folders, which move into their catalog once (workspace.py)."""

import fcntl
import json
import os
import shutil
import time
import tomllib
from contextlib import contextmanager
import copy
from dataclasses import dataclass, field, fields
from pathlib import Path

from photodesk.core.paths import within
from photodesk.core.safefile import replacing

LANGUAGES = ("", "vi", "en")  # "" follows the system locale
WRITE_MODES = ("embedded", "sidecar")
THUMB_SIZES = ("small", "medium", "large")
SORT_DIRECTIONS = {"": None, "ascending": False, "descending": True}  # as search's descending
EXPORT_FORMATS = ("csv", "json", "txt", "xmp", "jpeg", "html")  # as core/export/run.py
DEFAULT_CACHE_MB = 2048
CACHE_MB_RANGE = (16, 1024 * 1024)  # 16 MB to 1 TB: a number outside was typed by mistake


@dataclass
class ListedFolder:
    """A folder listed by a settings file of an earlier version, with its observer choice:
    kept only until it moves into its catalog (workspace.move_listed_folders)."""
    path: str
    observer: str = "auto"


@dataclass
class ExportDefaults:
    format: str = "csv"
    template: str = ""       # "" = each format's own default
    folder: str = ""         # "" = the user's Pictures folder
    csv_bom: bool = True     # without a BOM, Excel on Windows garbles the Vietnamese


@dataclass
class Settings:
    language: str = ""
    sort: str = "taken"
    sort_direction: str = ""       # "", the sort's usual direction, or one of SORT_DIRECTIONS
    thumb_size: str = "medium"     # the contact sheet's cells: small, medium or large
    catalog: str = ""              # "" = the user data folder's catalog.sqlite
    thumbnail_cache: str = ""      # "" = beside the catalog (CATALOG.thumbs)
    thumbnail_cache_mb: int = DEFAULT_CACHE_MB
    write_mode: str = "embedded"
    desk: str = ""                 # this desk's name in an archive's edit history ("" = none)
    folders: list[ListedFolder] = field(default_factory=list)  # from earlier versions only
    export: ExportDefaults = field(default_factory=ExportDefaults)

    def catalog_path(self) -> Path:
        from photodesk.core.catalog.db import default_catalog_path
        return Path(self.catalog).expanduser() if self.catalog else default_catalog_path()

    def catalog_where(self) -> str:
        """The catalog these settings name: an archive's URL as written, else a file's path."""
        if self.catalog and "://" in self.catalog:
            return self.catalog
        return str(self.catalog_path())

    def location(self, where: "str | os.PathLike | None" = None):
        """The catalog to open — where (a path or URL), else the one these settings name —
        with the thumbnail folder these settings give it (a Location)."""
        from photodesk.core.catalog.location import locate
        base = locate(where or self.catalog_where())
        if base.archive:  # the archive's own cache folder unless the settings name one
            return locate(base, self.thumbnail_cache or None)
        return locate(base, self.thumbnail_dir(base.path))

    def thumbnail_dir(self, catalog_path: str | os.PathLike) -> Path:
        """Where a catalog's thumbnails live: the chosen folder, or beside the catalog so that
        a catalog and its cache move together."""
        if self.thumbnail_cache:
            return Path(self.thumbnail_cache).expanduser()
        return Path(catalog_path).with_suffix(".thumbs")

    @property
    def thumbnail_cache_bytes(self) -> int:
        return self.thumbnail_cache_mb * 1024 * 1024



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


def read(path: Path | None = None, *, repair: bool = True) -> Loaded:
    """The stored settings, and a message when the file was damaged.

    Settings are a convenience: a damaged file must never stop PhotoDesk from opening. It is
    moved aside (kept, so the user can recover what they had) and defaults take its place.
    repair=False leaves a damaged file where it is: for readers that cannot tell the user.
    """
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(Settings())
    except (OSError, UnicodeDecodeError) as exc:
        return _damaged(path, f"cannot be read ({exc})", repair)
    try:
        data = tomllib.loads(text)
        settings, wrong = from_dict(data)
    except tomllib.TOMLDecodeError as exc:
        return _damaged(path, f"is not valid TOML ({exc})", repair)
    except (RecursionError, MemoryError):
        # tomllib recurses once per nested bracket: a few hundred of them exhaust the stack.
        return _damaged(path, "is nested too deeply to be read", repair)
    if wrong:
        # Values of the wrong kind are replaced one by one; the rest of the file still counts.
        return Loaded(settings, f"{path}: ignored {'; '.join(wrong)}")
    return Loaded(settings)


def _damaged(path: Path, why: str, repair: bool = True) -> Loaded:
    message = f"{path} {why}; using default settings"
    if not repair:
        return Loaded(Settings(), message)
    kept = _free_name(path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"))
    try:
        os.rename(path, kept)  # where two processes race, only one moves the user's file
    except OSError:
        kept = None
    if kept is not None:
        message += f", the old file is kept as {kept.name}"
        try:
            save(Settings(), path)
        except OSError:
            pass
    return Loaded(Settings(), message, kept)


def _free_name(path: Path) -> Path:
    n, candidate = 1, path
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def from_dict(data: dict) -> tuple[Settings, list[str]]:
    """Settings from parsed TOML, and what was ignored in it (each key, and why)."""
    settings, wrong = Settings(), []
    known = {f.name for f in fields(Settings)}
    wrong += [f"{name} (unknown setting)" for name in data if name not in known]
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "folders":
            settings.folders, bad = _folders(value)
            wrong += bad
        elif f.name == "export":
            if isinstance(value, dict):
                settings.export, bad = _export(value)
                wrong += [f"export.{name}" for name in bad]
            else:
                wrong.append("export (not a table)")
        elif _same_kind(value, getattr(settings, f.name)):
            setattr(settings, f.name, value)
        else:
            wrong.append(f"{f.name} (not a {type(getattr(settings, f.name)).__name__})")
    for name, allowed in (("language", LANGUAGES), ("write_mode", WRITE_MODES),
                          ("thumb_size", THUMB_SIZES), ("sort_direction", SORT_DIRECTIONS)):
        if getattr(settings, name) not in allowed:
            setattr(settings, name, getattr(Settings, name))
            wrong.append(f"{name} (one of {', '.join(repr(a) for a in allowed)})")
    low, high = CACHE_MB_RANGE
    if not low <= settings.thumbnail_cache_mb <= high:
        settings.thumbnail_cache_mb = DEFAULT_CACHE_MB
        wrong.append(f"thumbnail_cache_mb (from {low} to {high})")
    for name in ("catalog", "thumbnail_cache"):
        from photodesk.core.catalog.location import is_archive_url
        if name == "catalog" and is_archive_url(settings.catalog):
            continue  # the newsroom's archive, by its URL
        place = _place(getattr(settings, name))
        if place is None:
            setattr(settings, name, "")
            wrong.append(f"{name} (not an absolute path)")
        else:
            setattr(settings, name, place)
    why = _bad_cache_place(settings)
    if why:
        settings.thumbnail_cache = ""
        wrong.append(f"thumbnail_cache ({why})")
    return settings, wrong


def check(settings: Settings, folders: list[str] = ()) -> list[str]:
    """What would be ignored in these settings once saved (the Settings dialog asks first);
    folders: the catalog's, which the thumbnail folder must not overlap either."""
    wrong = from_dict(tomllib.loads(dumps(settings)))[1]
    why = _bad_cache_place(settings, folders)
    if why and not any(w.startswith("thumbnail_cache") for w in wrong):
        wrong.append(f"thumbnail_cache ({why})")
    return wrong


def _place(value: str) -> str | None:
    """A path setting made absolute ("~" expanded); "" stays "" (the default); None when it is
    relative, since it would then change meaning with the folder PhotoDesk starts in."""
    if not value:
        return ""
    expanded = os.path.expanduser(value)
    return os.path.normpath(expanded) if os.path.isabs(expanded) else None


def _bad_cache_place(settings: Settings, folders: list[str] = ()) -> str | None:
    """Why a thumbnail folder would be dangerous: the cache is pruned and cleared, so it must
    not be the home folder or share a tree with the photos (folders: the catalog's)."""
    cache = settings.thumbnail_cache
    if not cache:
        return None
    if cache in (os.path.expanduser("~"), "/"):
        return "it would be the home folder"
    for folder in [*(f.path for f in settings.folders), *folders]:
        if within(cache, folder) or within(folder, cache):
            return f"it overlaps the watched folder {folder}"
    return None



def _same_kind(value, default) -> bool:
    # bool is an int in Python; in a settings file true is not 1.
    return type(value) is type(default)


def _folders(value) -> tuple[list[ListedFolder], list[str]]:
    """The folders an earlier version listed, each path absolute and listed once (the first
    entry wins)."""
    from photodesk.core.folders import OBSERVERS  # only files of earlier versions get here
    if not isinstance(value, list):
        return [], ["folders (not a list of tables)"]
    folders, wrong, seen = [], [], set()
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            wrong.append("a folders entry without a path")
            continue
        path = _place(item["path"])
        if not path:
            wrong.append(f"folder {item['path']!r} (not an absolute path)")
            continue
        if path in seen:
            wrong.append(f"folder {path} (listed twice)")
            continue
        seen.add(path)
        observer = str(item.get("observer", "auto")).lower()
        if observer not in OBSERVERS:
            wrong.append(f"observer of {path} (one of {', '.join(OBSERVERS)})")
            observer = "auto"
        folders.append(ListedFolder(path, observer))
    return folders, wrong


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
    folder = _place(export.folder)
    if folder is None:
        wrong.append("folder (not an absolute path)")
    export.folder = folder or ""
    return export, wrong


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (safefile: a temp file in the same folder, then rename)."""
    path = path or settings_path()
    try:
        data = dumps(settings).encode("utf-8")
    except UnicodeEncodeError as exc:
        # A folder name that is not UTF-8 (an old disk) cannot be written into TOML.
        raise ValueError(f"a name in the settings is not valid UTF-8 "
                         f"({exc.object[exc.start:exc.end]!r}); not saved") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, mode=0o600) as temp:  # the user's alone, as it always was
        temp.write(data)
    return path


@contextmanager
def _locked(path: Path):
    # The window, `photodesk watch` and `photodesk index` may change the file at once: each
    # read-change-write holds the lock, so no one writes back a copy older than another's.
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def modify(change, path: Path | None = None) -> Settings:
    """Read the file, change(settings), write it back, all under the settings lock; only what
    change() touches is changed, whatever others wrote meanwhile. Raises OSError, or ValueError
    for a name that cannot be written."""
    path = path or settings_path()
    with _locked(path):
        loaded = read(path)
        if loaded.problem and loaded.kept_as is None and path.exists():
            # Values that were ignored would be gone once the file is written back: the file
            # as the user wrote it is kept beside, once.
            shutil.copy2(path, _free_name(path.with_name(
                f"{path.name}.before-{time.strftime('%Y%m%d-%H%M%S')}")))
        settings = loaded.settings
        change(settings)
        save(settings, path)
    return settings


def update(path: Path | None = None, **changes) -> Settings:
    """Set some top-level settings (the others stay as the file has them)."""
    def change(settings: Settings) -> None:
        for name, value in changes.items():
            setattr(settings, name, copy.deepcopy(value))
    return modify(change, path)


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
    for folder in settings.folders:  # until they move into their catalog
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
