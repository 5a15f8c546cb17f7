"""The Qt-free core: catalog, indexer, metadata, articles, search and export."""
