"""The catalog: one SQLite file holding folders, photos, people, events, keywords and their links."""

from photodesk.core.catalog.db import Catalog, CatalogError, default_catalog_path
from photodesk.core.catalog.location import Location, locate

__all__ = ["Catalog", "CatalogError", "Location", "default_catalog_path", "locate"]
