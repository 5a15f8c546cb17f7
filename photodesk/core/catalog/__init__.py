"""The catalog: one SQLite file holding folders, photos, people, events, keywords and their links.

Catalog and its errors load on first use (PEP 562): naming a location, or the command line
starting, needs no SQLite layer yet.
"""

from photodesk.core.catalog.location import Location, LocationError, locate

__all__ = ["Catalog", "CatalogError", "Location", "LocationError", "default_catalog_path",
           "locate"]
_FROM_DB = ("Catalog", "CatalogError", "default_catalog_path")


def __getattr__(name: str):
    if name in _FROM_DB:
        from photodesk.core.catalog import db
        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
