"""The catalog: one SQLite file holding folders, photos, people, events, keywords and their links."""

from photodesk.core.catalog.db import Catalog, CatalogError, default_catalog_path

__all__ = ["Catalog", "CatalogError", "default_catalog_path"]
