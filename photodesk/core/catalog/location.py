"""Where a catalog is: a file path or a URL (sqlite:///…), and the folder of its thumbnails."""

import os
from dataclasses import dataclass
from pathlib import Path

SCHEMES = ("sqlite", "postgresql", "postgres")  # postgresql://: the newsroom's archive


class LocationError(ValueError):
    """The text names no catalog PhotoDesk can open; the message says why."""


@dataclass(frozen=True)
class Location:
    """A catalog's place, handed to Catalog() by whoever chose it (the command line, the
    window): the catalog itself reads no settings. Picklable, so worker threads and
    processes open the same catalog with the same thumbnail folder."""
    url: str          # sqlite:///abs/path/catalog.sqlite, or postgresql://user@host/db
    path: Path | None  # the SQLite file (None: an archive, on a server)
    thumbs_dir: Path  # where its thumbnails are cached

    @property
    def archive(self) -> bool:
        return self.path is None

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1] if self.archive else self.path.name

    def __str__(self) -> str:
        return hide_password(self.url) if self.archive else str(self.path)

    def __fspath__(self) -> str:
        if self.archive:
            raise TypeError(f"{self}: an archive is not a file")
        return str(self.path)


def locate(where: "str | os.PathLike | Location", thumbs_dir: str | os.PathLike | None = None
           ) -> Location:
    """A Location from a path or URL. thumbs_dir: where thumbnails go (default: beside the
    catalog, CATALOG.thumbs, so that a catalog and its cache move together)."""
    if isinstance(where, Location):
        if thumbs_dir is None:
            return where
        return Location(where.url, where.path, Path(thumbs_dir).expanduser())
    text = os.fspath(where)
    if text.lower().startswith("sqlite:") and not text.lower().startswith("sqlite://"):
        raise LocationError(f"{text}: a SQLite location is written sqlite:///path/to/catalog.sqlite")
    scheme, sep, rest = text.partition("://")
    if is_archive_url(text):
        return _archive(text, rest, thumbs_dir)
    if sep and scheme.lower() not in SCHEMES:
        raise LocationError(f"{text}: unknown kind of catalog {scheme!r}; give a file path or "
                            "sqlite:///path/to/catalog.sqlite")
    if sep:
        if not rest:
            raise LocationError(f"{text}: no file after sqlite://")
        if "?" in rest:
            raise LocationError(f"{text}: options after ? are not supported in a catalog location")
        text = rest
    path = Path(text).expanduser().resolve()
    thumbs = Path(thumbs_dir).expanduser() if thumbs_dir else path.with_suffix(".thumbs")
    return Location(f"sqlite://{path}", path, thumbs)


def is_archive_url(text) -> bool:
    """Whether text names the newsroom's archive (postgresql://…) rather than a file."""
    return str(text).lower().startswith(("postgresql://", "postgres://"))


def _archive(url: str, rest: str, thumbs_dir) -> Location:
    """The newsroom's archive: thumbnails in the settings' folder (a shared one, so that every
    desk shows them without decoding), else in this user's cache, one folder per archive."""
    host_db = rest.rpartition("@")[2].split("?")[0]
    if "/" not in host_db or not host_db.rsplit("/", 1)[1]:
        raise LocationError(f"{hide_password(url)}: an archive is named "
                            "postgresql://user@host/database")
    if thumbs_dir:
        thumbs = Path(thumbs_dir).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = "".join(c if c.isalnum() or c in "-." else "-" for c in host_db)
        thumbs = Path(base) / "photodesk" / "archives" / f"{folder}.thumbs"
    return Location(url, None, thumbs)


def hide_password(url: str) -> str:
    """The URL as it may be shown: its password, if any, as ***."""
    scheme, _, rest = url.partition("://")
    who, at, host = rest.rpartition("@")
    if at and ":" in who:
        who = who.split(":", 1)[0] + ":***"
    return f"{scheme}://{who}{at}{host}"
