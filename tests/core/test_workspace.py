"""The settings applied to a catalog: folders, observers, catalog and thumbnail places."""

import pytest

from photodesk.core import settings as store
from photodesk.core import workspace
from photodesk.core.catalog import Catalog
from photodesk.core.settings import Settings, WatchedFolder
from photodesk.core.catalog import folders as catalog_folders


@pytest.fixture
def cat(tmp_path):
    with Catalog(tmp_path / "catalog.sqlite") as opened:
        yield opened


def own(cat, **values) -> Settings:
    """Settings whose catalog is cat, saved as the user's file."""
    settings = Settings(catalog=str(cat.path), **values)
    store.save(settings)
    return settings


def test_settings_folders_enter_the_catalog_with_their_observer(cat, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    settings = own(cat, folders=[WatchedFolder(str(a), "polling"), WatchedFolder(str(b))])
    assert workspace.sync_folders(cat, settings) == workspace.Synced([str(a), str(b)])
    rows = {r["path"]: r for r in catalog_folders.folders(cat)}
    assert rows[str(a)]["observer"] == "polling" and rows[str(b)]["observer"] is None
    # Already there: nothing new to index; a changed choice reaches the catalog.
    settings.folders[0].observer = "native"
    assert workspace.sync_folders(cat, settings).new == []
    assert catalog_folders.folder_by_path(cat, str(a))["observer"] == "native"


def test_a_folder_gone_from_disk_is_not_added(cat, tmp_path):
    settings = own(cat, folders=[WatchedFolder(str(tmp_path / "unplugged"))])
    assert workspace.sync_folders(cat, settings).new == []
    assert catalog_folders.folders(cat) == []


def test_catalog_folders_are_remembered_in_the_settings(cat, tmp_path):
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    with cat.transaction():
        catalog_folders.add_folder(cat, str(top))
        catalog_folders.add_folder(cat, str(top / "sub"))
    workspace.sync_folders(cat, own(cat))
    assert store.load().folders == [WatchedFolder(str(top))]  # saved, top folders only


def test_another_catalog_neither_takes_nor_gives_folders(cat, tmp_path):
    archive, scratch = tmp_path / "archive", tmp_path / "scratch"
    archive.mkdir()
    scratch.mkdir()
    store.save(Settings(catalog=str(tmp_path / "main.sqlite"),
                        folders=[WatchedFolder(str(archive))]))
    with cat.transaction():
        catalog_folders.add_folder(cat, str(scratch))  # `photodesk --catalog test.sqlite index scratch`
    assert workspace.sync_folders(cat, store.load()) == workspace.Synced()
    assert [f["path"] for f in catalog_folders.folders(cat)] == [str(scratch)]
    assert store.load().folders == [WatchedFolder(str(archive))]


def test_an_unwritable_config_folder_is_reported_not_raised(cat, tmp_path, monkeypatch):
    settings = own(cat)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    with cat.transaction():
        catalog_folders.add_folder(cat, str(tmp_path))
    synced = workspace.sync_folders(cat, settings)
    assert synced.new == [] and "could not be saved" in synced.problem


def test_the_thumbnail_cache_goes_where_the_settings_say(tmp_path):
    store.save(Settings(thumbnail_cache=str(tmp_path / "cache")))
    with Catalog(store.load().location(tmp_path / "c.sqlite")) as cat:
        assert cat.thumbs_dir == tmp_path / "cache"
    # The catalog itself reads no settings: opened by path alone, its cache is beside it.
    with Catalog(tmp_path / "c.sqlite") as cat:
        assert cat.thumbs_dir == tmp_path / "c.thumbs"


def test_a_catalog_opens_by_path_or_sqlite_url_and_refuses_what_it_cannot_open(tmp_path):
    from photodesk.core.catalog import CatalogError, locate
    path = tmp_path / "c.sqlite"
    with Catalog(f"sqlite://{path}") as cat:
        assert cat.path == path and cat.location.url == f"sqlite://{path}"
    assert locate(f"sqlite://{path}") == locate(path)
    with pytest.raises(CatalogError, match="PostgreSQL catalogs are not supported") as caught:
        Catalog("postgresql://desk:secret@db.example/archive")
    assert "secret" not in str(caught.value)
    with pytest.raises(CatalogError, match="unknown kind of catalog"):
        Catalog("mysql://db/archive")
