"""The settings meeting a catalog: the one-time move of listed folders, catalog and thumbnail
places."""

from pathlib import Path

import pytest

from photodesk.core import settings as store
from photodesk.core import workspace
from photodesk.core.catalog import Catalog
from photodesk.core.settings import ExportDefaults, ListedFolder, Settings
from photodesk.core.catalog import folders as catalog_folders
from tests.conftest import make_jpeg


@pytest.fixture
def cat(tmp_path):
    with Catalog(tmp_path / "catalog.sqlite") as opened:
        yield opened


def old_settings_file(catalog_path, *folders: tuple[str, str]) -> Path:
    """A settings file as earlier versions wrote it: the watched folders listed in it."""
    path = store.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f'language = "vi"\ncatalog = "{catalog_path}"\n\n[export]\nformat = "txt"\n'
    for folder, observer in folders:
        text += f'\n[[folders]]\npath = "{folder}"\nobserver = "{observer}"\n'
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_of_an_old_settings_file_move_into_its_catalog_once(cat, tmp_path):
    a, b, kept = tmp_path / "a", tmp_path / "b", tmp_path / "kept"
    for folder in (a, b, kept):
        folder.mkdir()
    make_jpeg(a / "one.jpg")
    with cat.transaction():
        catalog_folders.add_folder(cat, str(kept))  # in both: its observer moves
    path = old_settings_file(cat.path, (str(a), "polling"), (str(b), "auto"),
                             (str(kept), "native"), (str(tmp_path / "unplugged"), "auto"))
    settings = store.load()
    moved = workspace.move_listed_folders(cat, settings)
    assert moved == workspace.Moved(
        folders=[str(a), str(b), str(kept), str(tmp_path / "unplugged")],
        new=[str(a), str(b)])  # on disk and new: the caller indexes them
    rows = {r["path"]: r for r in catalog_folders.folders(cat)}
    assert rows[str(a)]["observer"] == "polling" and rows[str(b)]["observer"] is None
    assert rows[str(kept)]["observer"] == "native"
    # A share not mounted now is a catalog folder too: offline until it returns.
    assert str(tmp_path / "unplugged") in rows
    # The list has left the file; the rest of it is as it was.
    text = path.read_text(encoding="utf-8")
    assert "[[folders]]" not in text and store.load() == Settings(
        language="vi", catalog=str(cat.path), export=ExportDefaults(format="txt"))
    assert settings.folders == []  # the caller's copy too
    # Once: the next start finds nothing to move.
    assert workspace.move_listed_folders(cat, store.load()) == workspace.Moved()


def test_a_settings_file_for_another_catalog_is_left_alone_until_it_meets_its_own(cat,
                                                                                 tmp_path):
    archive, scratch = tmp_path / "archive", tmp_path / "scratch"
    archive.mkdir()
    scratch.mkdir()
    path = old_settings_file(tmp_path / "main.sqlite", (str(archive), "auto"))
    before = path.read_text(encoding="utf-8")
    with cat.transaction():
        catalog_folders.add_folder(cat, str(scratch))  # `photodesk --catalog test.sqlite index scratch`
    assert workspace.move_listed_folders(cat, store.load()) == workspace.Moved()
    assert [f["path"] for f in catalog_folders.folders(cat)] == [str(scratch)]
    assert path.read_text(encoding="utf-8") == before
    # The window saves a preference meanwhile: the list is kept for the archive.
    store.update(sort="name")
    assert store.load().folders == [ListedFolder(str(archive))]
    with Catalog(tmp_path / "main.sqlite") as main:
        assert workspace.move_listed_folders(main, store.load()).new == [str(archive)]
        assert [f["path"] for f in catalog_folders.folders(main)] == [str(archive)]
    assert store.load().folders == [] and store.load().sort == "name"


def test_an_unwritable_config_folder_is_reported_and_the_move_made_again(cat, tmp_path,
                                                                        monkeypatch):
    folder = tmp_path / "a"
    folder.mkdir()
    home = store.settings_path().parent.parent
    path = old_settings_file(cat.path, (str(folder), "polling"))
    settings = store.load()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))  # the file cannot be read or written
    moved = workspace.move_listed_folders(cat, settings)
    assert moved.new == [str(folder)] and "could not be taken out" in moved.problem
    assert catalog_folders.folder_by_path(cat, str(folder))["observer"] == "polling"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    assert "[[folders]]" in path.read_text(encoding="utf-8")
    # The next start moves it again: nothing new for the catalog, and the list goes.
    assert workspace.move_listed_folders(cat, store.load()) == workspace.Moved([str(folder)])
    assert "[[folders]]" not in path.read_text(encoding="utf-8")


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
    with pytest.raises(CatalogError, match="cannot reach the archive at "
                                           "postgresql://desk:\\*\\*\\*@") as caught:
        Catalog("postgresql://desk:secret@db.example/archive")
    assert "secret" not in str(caught.value)
    with pytest.raises(CatalogError, match="unknown kind of catalog"):
        Catalog("mysql://db/archive")
