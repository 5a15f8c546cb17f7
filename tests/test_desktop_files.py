"""The desktop entry, AppStream metainfo and icons: valid to the desktop's own tools, installed where menus look."""

import os
import re
import shutil
import subprocess
import time
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import pytest
from PIL import Image

import photodesk

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
APP_ID = "org.photodesk.PhotoDesk"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICONS = RESOURCES / "icons"
INSTALLER = ROOT / "packaging" / "install-desktop.sh"


def tool(name: str, package: str) -> str:
    """The tool's path; a test without it is skipped, or fails under CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} not installed (Debian {package})"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return path


def entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name and Name[vi]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def exec_argv(value: str) -> list[str]:
    """An Exec value split as the desktop entry spec says: string escapes, then quoting, then %%."""
    value = re.sub(r"\\([sntr\\])", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r",
                                                "\\": "\\"}[m[1]], value)
    args, current, quoted, chars = [], None, False, iter(value)
    for char in chars:
        if quoted and char == "\\":
            current += next(chars)
        elif char == '"':
            quoted, current = not quoted, current or ""
        elif char == " " and not quoted:
            args, current = args + [current] if current is not None else args, None
        else:
            current = (current or "") + char
    args += [current] if current is not None else []
    return [arg.replace("%%", "%") for arg in args]


def render_module():
    spec = spec_from_file_location("render_icons", ICONS / "render.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def install(data: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "XDG_DATA_HOME": str(data), **(env or {})}
    return subprocess.run(["bash", str(INSTALLER), *args], env=environment, capture_output=True,
                          text=True, timeout=60)


def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_desktop_entry_speaks_vietnamese_and_opens_dropped_folders():
    keys = entry(DESKTOP)
    assert keys["Name"] == "PhotoDesk" and keys["Icon"] == APP_ID
    assert keys["GenericName[vi]"] == "Quản lý ảnh báo chí"
    assert {"Comment[vi]", "Keywords[vi]"} <= keys.keys()
    assert keys["Exec"] == "photodesk gui %F"
    assert "MimeType" not in keys  # claiming inode/directory would make PhotoDesk the file manager


def test_startup_wm_class_is_the_class_qt_gives_the_window(qapp):
    from photodesk.gui.app import application
    assert entry(DESKTOP)["StartupWMClass"] == application().applicationName()


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run([tool("appstreamcli", "appstream"), "validate", "--no-net",
                             str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]:", result.stdout, re.M), result.stdout


def test_metainfo_names_this_version_the_entry_and_the_command():
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.find("releases/release").get("version") == photodesk.__version__
    assert component.findtext("launchable") == DESKTOP.name
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert component.findtext("provides/binary") in scripts


def test_every_svg_parses_and_renders():
    from PySide6.QtSvg import QSvgRenderer
    svgs = sorted(ICONS.glob("*.svg"))
    assert ICONS / f"{APP_ID}.svg" in svgs
    for svg in svgs:
        root = ET.parse(svg).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg", svg
        width, height = root.get("viewBox").split()[2:]
        assert width == height, f"{svg.name} is not square"
        assert QSvgRenderer(str(svg)).isValid(), svg


def test_every_png_has_the_size_its_folder_names():
    pngs = sorted(ICONS.glob(f"hicolor/*/apps/{APP_ID}.png"))
    folders = {png.parts[-3] for png in pngs}
    assert folders == {f"{n}x{n}" for n in render_module().SIZES}
    for png in pngs:
        with Image.open(png) as image:
            assert f"{image.width}x{image.height}" == png.parts[-3], png
            assert image.mode == "RGBA" and image.getpixel((0, image.height - 1))[3] == 0, png


def test_committed_pngs_are_rendered_from_the_current_svgs(qapp):
    """Editing an SVG without running render.py leaves stale PNGs: this catches it."""
    from PySide6.QtGui import QImage
    render = render_module()
    for size in render.SIZES:
        fresh = render.render(render.source_for(size), size)
        fresh = fresh.convertToFormat(QImage.Format.Format_RGBA8888)  # rows of size*4 bytes
        with Image.open(render.png_path(size)) as committed:
            pixels = committed.convert("RGBA").tobytes()
        worst = max(abs(a - b) for a, b in zip(pixels, bytes(fresh.constBits())))
        assert worst <= 8, f"{size} px differs from its SVG by {worst}: run resources/icons/render.py"


def installed_files(data: Path) -> list[Path]:
    icons = data / "icons" / "hicolor"
    return [data / "applications" / DESKTOP.name, data / "metainfo" / METAINFO.name,
            icons / "scalable" / "apps" / f"{APP_ID}.svg",
            *[icons / png.parts[-3] / "apps" / png.name
              for png in ICONS.glob(f"hicolor/*/apps/{APP_ID}.png")]]


def test_install_puts_the_files_where_desktops_look_and_uninstall_removes_them(tmp_path):
    data = tmp_path / "data home"
    result = install(data)
    assert result.returncode == 0, result.stderr
    files = installed_files(data)
    for path in files:
        assert path.is_file(), path
        assert str(path) in result.stdout
    assert (data / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").read_bytes() == \
        (ICONS / "hicolor/48x48/apps" / f"{APP_ID}.png").read_bytes()

    program, *rest = exec_argv(entry(files[0])["Exec"])
    assert Path(program).is_absolute() and os.access(program, os.X_OK), program
    assert program in (str(ROOT / "dist/photodesk/photodesk"), str(ROOT / ".venv/bin/photodesk"))
    assert rest == ["gui", "%F"]
    version = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=120)
    assert photodesk.__version__ in version.stdout

    result = install(data, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert [path for path in files if path.exists()] == []


def test_an_awkward_program_path_is_quoted_so_launchers_start_it(tmp_path):
    """A path with spaces, quotes, $, ` and a backslash, started by GLib's own launcher.

    The program there only records its arguments: what is tested is the line the launcher runs.
    """
    validate = tool("desktop-file-validate", "desktop-file-utils")
    gio = tool("gio", "libglib2.0-bin")
    folder = tmp_path / "My Apps" / "a \"b\" \\c $d `e` 'f' (1)"
    folder.mkdir(parents=True)
    program, record = folder / "photodesk", tmp_path / "argv.txt"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "{record}.part"\n'
                       f'mv "{record}.part" "{record}"\n')
    program.chmod(0o755)
    data = tmp_path / "data"
    result = install(data, env={"PHOTODESK_EXEC": str(program)})
    assert result.returncode == 0, result.stderr
    desktop = data / "applications" / DESKTOP.name
    checked = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout) == (0, "")
    assert exec_argv(entry(desktop)["Exec"])[0] == str(program)

    photos = tmp_path / "photos of 2024"
    photos.mkdir()
    subprocess.run([gio, "launch", str(desktop), str(photos), str(tmp_path)], check=True,
                   timeout=30)
    deadline = time.monotonic() + 10  # gio returns once the program is spawned, not finished
    while not record.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert record.read_text().splitlines() == [str(program), "gui", str(photos), str(tmp_path)]


def test_install_without_a_program_says_what_to_do(tmp_path):
    result = install(tmp_path / "data", env={"PHOTODESK_EXEC": str(tmp_path / "missing")})
    assert result.returncode == 1
    assert "PHOTODESK_EXEC is not an executable file" in result.stderr
    assert not (tmp_path / "data").exists()
