"""Where a catalog is: a file path or a URL (sqlite:///…), and the folder of its thumbnails."""

import os
from dataclasses import dataclass
from pathlib import Path

SCHEMES = ("sqlite",)  # postgresql:// is the shared archive's, still to come


class LocationError(ValueError):
    """The text names no catalog PhotoDesk can open; the message says why."""


@dataclass(frozen=True)
class Location:
    """A catalog's place, handed to Catalog() by whoever chose it (the command line, the
    window): the catalog itself reads no settings. Picklable, so worker threads and
    processes open the same catalog with the same thumbnail folder."""
    url: str          # sqlite:///abs/path/catalog.sqlite
    path: Path        # the SQLite file
    thumbs_dir: Path  # where its thumbnails are cached

    @property
    def name(self) -> str:
        return self.path.name

    def __str__(self) -> str:
        return str(self.path)

    def __fspath__(self) -> str:
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
    if sep and scheme.lower() in ("postgresql", "postgres"):
        raise LocationError(f"{hide_password(text)}: PostgreSQL catalogs are not supported by "
                            "this version yet; use a SQLite file")
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


def hide_password(url: str) -> str:
    """The URL as it may be shown: its password, if any, as ***."""
    scheme, _, rest = url.partition("://")
    who, at, host = rest.rpartition("@")
    if at and ":" in who:
        who = who.split(":", 1)[0] + ":***"
    return f"{scheme}://{who}{at}{host}"
