"""Settings: a dataclass kept as TOML; a damaged file is set aside and never stops the program."""

import os
import tomllib

import pytest

from photodesk.core import settings
from photodesk.core.settings import ExportDefaults, Settings, ListedFolder


def every_setting() -> Settings:
    return Settings(
        language="vi", sort="rating", catalog="/srv/ảnh/catalog.sqlite",
        thumbnail_cache="/var/cache/photodesk thumbs", thumbnail_cache_mb=512,
        write_mode="sidecar",
        folders=[ListedFolder("/mnt/tòa soạn/2024", "polling"), ListedFolder("/home/a/Ảnh")],
        export=ExportDefaults(format="html", template="{caption} Ảnh: {credit}",
                              folder="/home/a/Xuất", csv_bom=True))


def test_every_setting_round_trips_through_plain_toml(tmp_path):
    path = tmp_path / "settings.toml"
    settings.save(every_setting(), path)
    assert settings.read(path) == settings.Loaded(every_setting())
    # A person (or another program) reads the same file as plain TOML.
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["folders"] == [{"path": "/mnt/tòa soạn/2024", "observer": "polling"},
                               {"path": "/home/a/Ảnh", "observer": "auto"}]
    assert data["export"]["template"] == "{caption} Ảnh: {credit}"
    assert data["thumbnail_cache_mb"] == 512 and data["write_mode"] == "sidecar"


def test_strings_that_need_escaping_stay_valid_toml(tmp_path):
    path = tmp_path / "settings.toml"
    odd = 'Tiếng "Việt" \\ tab\t new\nline \x7f \x01'
    settings.save(Settings(sort=odd, folders=[ListedFolder(odd)]), path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["sort"] == odd and data["folders"][0]["path"] == odd


def test_a_missing_file_gives_defaults_without_a_message(tmp_path):
    assert settings.read(tmp_path / "none.toml") == settings.Loaded(Settings())


def test_a_damaged_file_is_reported_kept_beside_and_replaced_by_defaults(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('language = "vi"\nfolders = [unclosed', encoding="utf-8")
    loaded = settings.read(path)
    assert loaded.settings == Settings()
    assert "not valid TOML" in loaded.problem and loaded.kept_as.name in loaded.problem
    # The user's old file is kept, byte for byte, next to the new one.
    assert loaded.kept_as.parent == tmp_path
    assert loaded.kept_as.read_text(encoding="utf-8") == 'language = "vi"\nfolders = [unclosed'
    assert tomllib.loads(path.read_text(encoding="utf-8"))["language"] == ""
    # The next start is quiet: the defaults file reads cleanly.
    assert settings.read(path) == settings.Loaded(Settings())


def test_binary_garbage_is_treated_as_damaged(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xff\xfe\x00")
    loaded = settings.read(path)
    assert loaded.settings == Settings() and "cannot be read" in loaded.problem
    assert loaded.kept_as.read_bytes() == b"\xff\xfe\x00"


def test_a_deeply_nested_file_is_set_aside_not_a_crash(tmp_path):
    # About 1 KB of brackets exhausts tomllib's recursion; it must read as damaged.
    path = tmp_path / "settings.toml"
    text = "a = " + "[" * 500 + "]" * 500 + "\n"
    path.write_text(text, encoding="utf-8")
    loaded = settings.read(path)
    assert loaded.settings == Settings() and "nested too deeply" in loaded.problem
    assert loaded.kept_as.read_text(encoding="utf-8") == text
    assert settings.read(path) == settings.Loaded(Settings())


def test_wrong_values_are_replaced_one_by_one_and_named(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('language = "klingon"\nsort = "name"\nthumbnail_cache_mb = true\n'
                    'write_mode = "paper"\nother = 1\n'
                    '[export]\nformat = "docx"\ntemplate = "{caption}"\n'
                    '[[folders]]\npath = "/a"\nobserver = "telepathy"\n', encoding="utf-8")
    loaded = settings.read(path)
    assert loaded.settings == Settings(sort="name", folders=[ListedFolder("/a")],
                                       export=ExportDefaults(template="{caption}"))
    for name in ("language", "thumbnail_cache_mb", "write_mode", "export.format",
                 "other (unknown setting)", "observer of /a"):
        assert name in loaded.problem
    assert path.exists() and loaded.kept_as is None  # the rest of the file still counts


def test_default_place_follows_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings.settings_path() == tmp_path / "photodesk" / "settings.toml"
    settings.save(Settings(language="en"))
    assert settings.load().language == "en"


def test_catalog_and_thumbnail_places(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = Settings()
    assert default.catalog_path() == tmp_path / "data" / "photodesk" / "catalog.sqlite"
    assert default.thumbnail_dir(tmp_path / "c.sqlite") == tmp_path / "c.thumbs"
    chosen = Settings(catalog=str(tmp_path / "x.sqlite"), thumbnail_cache=str(tmp_path / "t"))
    assert chosen.catalog_path() == tmp_path / "x.sqlite"
    assert chosen.thumbnail_dir(tmp_path / "c.sqlite") == tmp_path / "t"


def test_paths_are_made_absolute_and_relative_ones_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "settings.toml"
    path.write_text('catalog = "~/newsroom.sqlite"\nthumbnail_cache = "thumbs"\n'
                    '[export]\nfolder = "~/Xuất/"\n'
                    '[[folders]]\npath = "~/Ảnh/"\nobserver = "POLLING"\n'
                    '[[folders]]\npath = "{home}/Ảnh"\n'
                    '[[folders]]\npath = ""\n'.replace("{home}", str(tmp_path / "home")),
                    encoding="utf-8")
    loaded = settings.read(path)
    home = tmp_path / "home"
    assert loaded.settings.catalog == str(home / "newsroom.sqlite")
    assert loaded.settings.thumbnail_cache == ""  # relative: would follow the working folder
    assert loaded.settings.export.folder == str(home / "Xuất")
    assert loaded.settings.folders == [ListedFolder(str(home / "Ảnh"), "polling")]
    for why in ("thumbnail_cache (not an absolute path)", "listed twice", "folder ''"):
        assert why in loaded.problem


def test_a_thumbnail_folder_sharing_a_tree_with_photos_is_refused(tmp_path):
    photos = tmp_path / "photos"
    for cache in (photos, photos / "2024" / "05", tmp_path):
        chosen = Settings(thumbnail_cache=str(cache))
        # The catalog's folders, as the Settings dialog gives them.
        assert any("overlaps the watched folder" in w
                   for w in settings.check(chosen, [str(photos)])), cache
        # A folder an earlier version listed counts until it moves into the catalog.
        listed = Settings(thumbnail_cache=str(cache), folders=[ListedFolder(str(photos))])
        assert any("overlaps the watched folder" in w for w in settings.check(listed)), cache
    fine = Settings(thumbnail_cache=str(tmp_path / "cache"), folders=[ListedFolder(str(photos))])
    assert settings.check(fine, [str(tmp_path / "other")]) == []


def test_changes_keep_what_others_wrote_meanwhile(tmp_path):
    path = tmp_path / "settings.toml"
    settings.save(Settings(sort="name"), path)
    # Another process sets the export folder; then this one changes only the sort.
    settings.update(path, export=ExportDefaults(folder="/srv/out"))
    settings.update(path, sort="rating")
    assert settings.load(path) == Settings(sort="rating", export=ExportDefaults(folder="/srv/out"))


def test_two_damaged_files_set_aside_in_one_second_are_both_kept(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("first = [", encoding="utf-8")
    first = settings.read(path).kept_as
    path.write_text("second = [", encoding="utf-8")
    second = settings.read(path).kept_as
    assert first != second
    assert first.read_text(encoding="utf-8") == "first = ["
    assert second.read_text(encoding="utf-8") == "second = ["


def test_a_reader_that_cannot_report_leaves_a_damaged_file_alone(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("x = [", encoding="utf-8")
    loaded = settings.read(path, repair=False)
    assert loaded.settings == Settings() and "not valid TOML" in loaded.problem
    assert path.read_text(encoding="utf-8") == "x = [" and loaded.kept_as is None


def test_rewriting_a_file_with_ignored_entries_keeps_the_original_beside(tmp_path):
    path = tmp_path / "settings.toml"
    original = 'future_key = 1\nthumbnail_cache_mb = 8\n[[folders]]\npath = "Pictures/rel"\n'
    path.write_text(original, encoding="utf-8")
    settings.update(path, language="vi")
    kept = list(tmp_path.glob("settings.toml.before-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == original
    assert settings.load(path).language == "vi"
    settings.update(path, sort="name")  # a clean file now: no second copy
    assert len(list(tmp_path.glob("settings.toml.before-*"))) == 1


def test_a_folder_name_that_is_not_utf8_is_refused_with_a_message(tmp_path):
    path = tmp_path / "settings.toml"
    odd = os.fsdecode(b"/mnt/old-disk/\xff\xfe")
    with pytest.raises(ValueError, match="not valid UTF-8"):
        settings.update(path, catalog=odd)
    assert not path.exists() or "old-disk" not in path.read_text(encoding="utf-8")
