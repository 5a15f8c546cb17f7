"""Thumbnails made cheaply stay as good as Lanczos from the full-size photo; their sizes are
the ones Image.thumbnail gives; the loupe's full-size image outlives its file."""

import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageOps

from photodesk.core import thumbs
from tests.conftest import corpus_file, make_jpeg

# 24 MP and 12 MP camera photos, the first with an EXIF orientation to turn; both decoded
# DCT-scaled (1/2) and shrunk 1.6–2×: the path a camera file takes.
CAMERA_PHOTOS = ["exif-samples/jpg/tests/42_IndexError.jpg", "exif-samples/jpg/mobile/jolla.jpg",
                 "exif-samples/jpg/corrupted.jpg"]
MIN_PSNR = 38.0  # dB; 39.7–53 measured on the corpus (35 is where differences start to show)


def psnr(a: Image.Image, b: Image.Image) -> float:
    histogram = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).histogram()
    squares = sum(v * v * n for band in range(3)
                  for v, n in enumerate(histogram[band * 256:(band + 1) * 256]))
    mse = squares / (3 * a.width * a.height)
    return math.inf if mse == 0 else 10 * math.log10(255 ** 2 / mse)


def made(data: bytes, monkeypatch) -> dict[int, Image.Image]:
    """The thumbnails' pixels as made, before JPEG saving (which differs more than they do)."""
    got: dict[int, Image.Image] = {}
    monkeypatch.setattr(thumbs, "_save_atomically",
                        lambda image, path: got.__setitem__(int(path.stem[-4:].lstrip("-")),
                                                            image.copy()))
    thumbs.make_thumbnails(data, Path(tempfile.mkdtemp()), "ab" * 32)
    return got


@pytest.mark.parametrize("rel", CAMERA_PHOTOS)
def test_thumbnails_of_camera_photos_stay_close_to_lanczos_from_full_size(rel, monkeypatch):
    path = corpus_file(rel)
    got = made(path.read_bytes(), monkeypatch)
    full = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    for size in thumbs.SIZES:
        assert max(got[size].size) == size
        reference = full.resize(got[size].size, Image.Resampling.LANCZOS)
        assert psnr(got[size], reference) >= MIN_PSNR, (rel, size)


def test_the_small_thumbnail_is_reduced_on_both_axes_then_lanczos(monkeypatch):
    # 1024×683 → 256×171 is 4× across and 3.99× down: halved both ways (cheap), then Lanczos
    # from 512×341.5; Image.thumbnail would halve only across and leave Lanczos 4× down.
    path = corpus_file(CAMERA_PHOTOS[1])
    large = made(path.read_bytes(), monkeypatch)[1024]
    assert large.size == (1024, 768)
    large = large.crop((0, 0, 1024, 683))
    small = thumbs._shrunk(large, 256)
    assert small.size == (256, 171)
    assert small.tobytes() == large.reduce(2).resize(
        (256, 171), Image.Resampling.LANCZOS, box=(0, 0, 512, 341.5)).tobytes()
    assert psnr(small, large.resize((256, 171), Image.Resampling.LANCZOS)) >= MIN_PSNR


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 12000), st.integers(1, 12000), st.sampled_from(thumbs.SIZES))
def test_thumbnail_sizes_are_those_image_thumbnail_gives(width, height, size):
    image = Image.new("1", (width, height))
    image.thumbnail((size, size))
    assert thumbs.fitted(width, height, size) == image.size


def test_a_photo_no_larger_than_the_thumbnail_is_not_resampled(photo_dir, monkeypatch):
    path = make_jpeg(photo_dir / "small.jpg", size=(300, 200))
    got = made(path.read_bytes(), monkeypatch)
    assert got[1024].size == (300, 200) and got[256].size == (256, 171)


def test_the_full_size_image_outlives_its_file(photo_dir):
    # Not turned, the decode is the opened file's own image, which closing the file empties.
    path = make_jpeg(photo_dir / "big.jpg", size=(1600, 900))
    image = thumbs.full_size(path)
    assert image.size == (1600, 900)
    assert image.getpixel((10, 10)) == Image.open(path).convert("RGB").getpixel((10, 10))
