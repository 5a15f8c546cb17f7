"""Shared test helpers: the real corpus, temporary catalogs, and a JPEG factory."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PHOTODESK_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
IPTC_REF = CORPUS / "php-image-metadata-parser/tests/Fixtures/IPTC-PhotometadataRef-Std2021.1.jpg"
ARTICLE = SHARED / "samples/articles/lao-cai-thi-dua-2024.txt"


@pytest.fixture(autouse=True)
def own_user_folders(tmp_path_factory, monkeypatch):
    """Each test gets empty user config and data folders: no test reads or changes the
    settings, codes or catalog of whoever runs the suite (and tests cannot leak into each
    other through them)."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


def corpus_file(rel: str) -> Path:
    path = CORPUS / rel
    if not path.exists():
        pytest.skip(f"corpus file missing: {path}")
    return path


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    return CORPUS


@pytest.fixture
def catalog(tmp_path):
    from photodesk.core.catalog import Catalog
    cat = Catalog(tmp_path / "catalog.sqlite")
    yield cat
    cat.close()


@pytest.fixture
def photo_dir(tmp_path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    return folder


def make_jpeg(path: Path, size=(640, 480), color=(200, 80, 40), exif=None) -> Path:
    """A real JPEG with a gradient, so thumbnails and hashes differ from file to file."""
    image = Image.new("RGB", size, color)
    for x in range(0, size[0], max(1, size[0] // 16)):
        image.paste((x % 256, 128, 255 - x % 256), (x, 0, x + 4, size[1]))
    buf = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buf, "JPEG", quality=85, **kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def make_scene(path: Path, seed: int = 0, size=(1200, 800), quality: int = 90) -> Path:
    """A JPEG with a scene of its own (shapes of random colours over a gradient, from seed):
    detailed enough for a fingerprint, which make_jpeg's stripes are not."""
    import random
    from PIL import ImageDraw
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    w, h = size
    for _ in range(12):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.randrange(w // 12, w // 3)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality)
    return path


def stored_at(cat, path: str) -> dict:
    """The root and relative path a photo row at path is stored under (for tests that write
    rows directly)."""
    from photodesk.core.catalog.roots import stored
    root_id, rel = stored(cat, path)
    return {"root_id": root_id, "relpath": rel}


def copy_corpus(rel: str, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(corpus_file(rel), dest)
    return dest


def exiftool(*args) -> str:
    if not shutil.which("exiftool"):
        message = "exiftool not installed (Debian libimage-exiftool-perl)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return subprocess.run(["exiftool", *map(str, args)], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def sample_article(catalog, tmp_path) -> int:
    """The bundled sample folder copied and indexed; the id of its article."""
    from photodesk.core.catalog import articles as store
    from photodesk.core.index import index_paths
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    list(index_paths(catalog, [folder], workers=1))
    return store.articles(catalog)[0]["id"]


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (tests/postgres.py)."""
    from tests import postgres
    try:
        server = postgres.start_server()
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        postgres.unavailable(str(e))
    yield server
    postgres.remove(server)


@pytest.fixture
def pg_url(pg_server, request):
    """The URL of a new, empty database on the test server, dropped afterwards."""
    import re

    import psycopg
    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
