"""Thumbnails: one DCT-scaled decode serves both sizes, cached as JPEG files keyed by content hash."""

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFile, ImageOps

SIZES = (256, 1024)
MAX_PIXELS = 200_000_000  # above this a file is refused as a decompression bomb, not decoded
QUALITY = 82

# We enforce our own pixel limit before decoding; Pillow's warning would only add noise.
Image.MAX_IMAGE_PIXELS = None


class ThumbnailError(Exception):
    """The image could not be decoded into thumbnails; the message says why."""


@dataclass
class Decoded:
    format: str
    width: int
    height: int
    truncated: bool = False


def thumb_path(cache_dir: Path, content_hash: str, size: int) -> Path:
    return Path(cache_dir) / content_hash[:2] / f"{content_hash}-{size}.jpg"


def has_thumbnails(cache_dir: Path, content_hash: str) -> bool:
    return all(thumb_path(cache_dir, content_hash, s).exists() for s in SIZES)


def make_thumbnails(data: bytes, cache_dir: Path, content_hash: str) -> Decoded:
    """Decode once at the smallest DCT scale that still covers 1024 px, write both sizes."""
    try:
        image = Image.open(io.BytesIO(data))
    except Exception as exc:
        raise ThumbnailError(f"not a decodable image ({exc})") from exc
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ThumbnailError(
            f"refused: {width}×{height} px is over the {MAX_PIXELS // 1_000_000} MP limit "
            "(possible decompression bomb)")
    decoded = Decoded(image.format or "", width, height)
    if has_thumbnails(cache_dir, content_hash):
        return decoded
    large, decoded.truncated = _decode_scaled(image, SIZES[-1])
    for size in reversed(SIZES):
        large.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=2.0)
        _save_atomically(large, thumb_path(cache_dir, content_hash, size))
    return decoded


def _decode_scaled(image: Image.Image, size: int) -> tuple[Image.Image, bool]:
    # JPEG only: libjpeg scales by 1/2..1/8 while decoding, to the smallest scale whose
    # long side still covers `size` (draft wants both sides covered, so ask in proportion).
    width, height = image.size
    scale = size / max(width, height, 1)
    image.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
    truncated = False
    try:
        image.load()
    except OSError:
        # A truncated file still shows its top part; better a partial thumbnail than none.
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        try:
            image.load()
            truncated = True
        except Exception as exc:
            raise ThumbnailError(f"image data damaged ({exc})") from exc
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = False
    except Exception as exc:
        raise ThumbnailError(f"image data damaged ({exc})") from exc
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:
        upright = image  # a damaged orientation tag must not cost the thumbnail
    return _to_rgb(upright), truncated


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return background
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("RGB")
    return image.convert("RGB")


def _save_atomically(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, "JPEG", quality=QUALITY, optimize=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
