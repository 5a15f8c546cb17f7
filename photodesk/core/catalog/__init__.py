"""The catalog: folders, photos, people, events, keywords, articles and their links, in one
database, grouped by idea: folders, photos, edits, registry (people, events, keywords),
articles, roots (where the photos live), desk (what the window lists), fingerprints (how
photos look, and which are copies), backup.

Catalog and its errors, and each of those modules, load on first use (PEP 562): naming a
location, or the command line starting, needs no SQLite layer yet. Use a module under its own
name: catalog.photos.photo(cat, id), catalog.folders.add_folder(cat, path).
"""

import importlib

from photodesk.core.catalog.location import Location, LocationError, locate

MODULES = ("articles", "backup", "connections", "db", "desk", "edits", "fingerprints",
           "folders", "photos", "registry", "roots", "schema")
__all__ = ["Catalog", "CatalogError", "Location", "LocationError", "default_catalog_path",
           "locate", "pending_upgrade", *MODULES]
_FROM_DB = ("Catalog", "CatalogError", "default_catalog_path", "pending_upgrade")


def __getattr__(name: str):
    if name in _FROM_DB:
        from photodesk.core.catalog import db
        return getattr(db, name)
    if name in MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
