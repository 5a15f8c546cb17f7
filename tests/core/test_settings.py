"""Settings: a dataclass kept as TOML; a damaged file never stops the program."""

import tomllib

from photodesk.core import settings


def test_round_trip_through_toml(tmp_path):
    path = tmp_path / "settings.toml"
    settings.save(settings.Settings(language="vi", sort="rating"), path)
    assert settings.load(path) == settings.Settings(language="vi", sort="rating")
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"language": "vi",
                                                                "sort": "rating"}


def test_strings_that_need_escaping_stay_valid_toml(tmp_path):
    path = tmp_path / "settings.toml"
    odd = 'Tiếng "Việt" \\ tab\t new\nline \x7f \x01'
    settings.save(settings.Settings(sort=odd), path)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["sort"] == odd


def test_missing_damaged_or_foreign_files_give_defaults(tmp_path):
    assert settings.load(tmp_path / "none.toml") == settings.Settings()
    damaged = tmp_path / "damaged.toml"
    damaged.write_text("language = [unclosed", encoding="utf-8")
    assert settings.load(damaged) == settings.Settings()
    foreign = tmp_path / "foreign.toml"
    foreign.write_text('language = "klingon"\nsort = 3\nother = true\n', encoding="utf-8")
    assert settings.load(foreign) == settings.Settings()
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert settings.load(binary) == settings.Settings()


def test_default_place_follows_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings.settings_path() == tmp_path / "photodesk" / "settings.toml"
    settings.save(settings.Settings(language="en"))
    assert settings.load().language == "en"
