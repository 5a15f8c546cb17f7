"""Thumbnails: one DCT-scaled decode serves both sizes, cached as JPEG files keyed by content hash."""

import io
import math
import os
import re
import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from blake3 import blake3
from PIL import ExifTags, Image, ImageFile, ImageOps

SIZES = (256, 1024)
MAX_PIXELS = 200_000_000  # above this a file is refused as a decompression bomb, not decoded
QUALITY = 82
# The 1024 px comes from a DCT-scaled decode 1–2× its size, where bicubic is within 40–57 dB
# of Lanczos on camera and corpus photos (no visible difference) and takes 21 ms instead of 29
# for a 24 MP file. The 256 px is shrunk 4× from there, where bicubic strays further from
# Lanczos (34–50 dB) and Lanczos costs only 4 ms.
RESAMPLING = {256: Image.Resampling.LANCZOS, 1024: Image.Resampling.BICUBIC}
REDUCING_GAP = 2.0

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
    # The 256 px image as made for its thumbnail, when this decode made one (the fingerprint
    # is read from it); None when both thumbnails were there already.
    small: Image.Image | None = None


def thumb_path(cache_dir: Path, content_hash: str, size: int) -> Path:
    return Path(cache_dir) / content_hash[:2] / f"{content_hash}-{size}.jpg"


def has_thumbnails(cache_dir: Path, content_hash: str) -> bool:
    return all(thumb_path(cache_dir, content_hash, s).exists() for s in SIZES)


def make_thumbnails(data: bytes, cache_dir: Path, content_hash: str) -> Decoded:
    """Decode once at the smallest DCT scale that still covers 1024 px, write both sizes."""
    image = _opened(data)
    decoded = Decoded(image.format or "", *image.size)
    if has_thumbnails(cache_dir, content_hash):
        return decoded
    thumb, decoded.truncated = _decode_scaled(image, SIZES[-1])
    for size in reversed(SIZES):
        # Each size from the one before: the 256 px from the 1024 px, not from the decode.
        thumb = _shrunk(thumb, size)
        _save_atomically(thumb, thumb_path(cache_dir, content_hash, size))
    decoded.small = thumb
    return decoded


def small_image(data: bytes) -> Image.Image:
    """The 256 px image make_thumbnails() would make of these bytes, unsaved: how a file
    outside the catalog is looked at as the indexer looks at a photo (its fingerprint)."""
    thumb, _ = _decode_scaled(_opened(data), SIZES[-1])
    for size in reversed(SIZES):
        thumb = _shrunk(thumb, size)
    return thumb


def _opened(data: bytes) -> Image.Image:
    """The image of these bytes, opened (not decoded); refused when it is no image or a
    decompression bomb."""
    try:
        image = Image.open(io.BytesIO(data))
    except Exception as exc:
        raise ThumbnailError(f"not a decodable image ({_plain(exc)})") from exc
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ThumbnailError(
            f"refused: {width}×{height} px is over the {MAX_PIXELS // 1_000_000} MP limit "
            "(possible decompression bomb)")
    return image


def _shrunk(image: Image.Image, size: int) -> Image.Image:
    """image fitted within size×size px (never enlarged), in RESAMPLING[size].

    Above twice the size it is first reduced by an integer factor (averaging blocks of
    pixels, cheap) to within 2–4× the size, as Image.thumbnail's reducing_gap=2 means to; but
    thumbnail decides per axis, and 1024×683 → 256×171 is 4× across and 3.99× down, so it
    reduced only across and left Lanczos 4× down (6.7 ms instead of 3.8)."""
    width, height = image.size
    target = fitted(width, height, size)
    if target == (width, height):
        return image
    factor = int(max(width / target[0], height / target[1]) / REDUCING_GAP)
    box = (0, 0, width, height)
    if factor > 1:
        image = image.reduce(factor)
        # Only what reduce averaged from whole blocks: its last row or column may be partial.
        box = (0, 0, width / factor, height / factor)
    return image.resize(target, RESAMPLING[size], box=box)


def fitted(width: int, height: int, size: int) -> tuple[int, int]:
    """width×height shrunk to fit within size×size, aspect kept, rounded as Image.thumbnail
    rounds (so thumbnails keep the sizes they always had)."""
    if width <= size and height <= size:
        return width, height
    aspect = width / height
    if aspect >= 1:
        return size, _round_aspect(size / aspect, lambda n: 0 if n == 0 else abs(aspect - size / n))
    return _round_aspect(size * aspect, lambda n: abs(aspect - n / size)), size


def _round_aspect(number: float, key) -> int:
    return max(min(math.floor(number), math.ceil(number), key=key), 1)


def _plain(exc: Exception) -> str:
    """Pillow names the stream it was given (<_io.BytesIO object at 0x…>): meaningless to a user."""
    text = re.sub(r"\s*<_io\.\w+ object at 0x[0-9a-f]+>", "", str(exc))
    return text or type(exc).__name__


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
            raise ThumbnailError(f"image data damaged ({_plain(exc)})") from exc
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = False
    except Exception as exc:
        raise ThumbnailError(f"image data damaged ({_plain(exc)})") from exc
    return _to_rgb(_upright(image)), truncated


def _upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says; the image itself when it needs no turn
    (exif_transpose would copy it: 1 ms for a 24 MP file's scaled decode)."""
    try:
        if image.getexif().get(ExifTags.Base.Orientation, 1) not in TURNED:
            return image
        return ImageOps.exif_transpose(image)
    except Exception:
        return image  # a damaged orientation tag must not cost the thumbnail


TURNED = frozenset(range(2, 9))  # the EXIF orientations other than "as stored"


def full_size(path: str | os.PathLike) -> Image.Image:
    """The photo at 100 %, right way up, in RGB: what the loupe shows to check focus.

    ThumbnailError when the file cannot be decoded (the loupe then keeps its preview)."""
    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ThumbnailError(f"over {MAX_PIXELS // 1_000_000} MP: not decoded")
            decoded, _ = _decode_scaled(image, max(image.size))  # no draft scaling: full size
            if decoded is image:
                decoded = image.copy()  # leaving `with` closes image, and its pixels with it
    except ThumbnailError:
        raise
    except Exception as exc:  # a vanished file, a damaged one, a format Pillow lacks
        raise ThumbnailError(_plain(exc)) from exc
    return decoded


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
    # The writer's host and pid in the name: a later prune removes it at once when that
    # process is gone (killed mid-write), not only an hour later.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, "JPEG", quality=QUALITY, optimize=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the cache as a cache: use marks, remaking what was removed ----------------------------

TOUCH_AFTER = 10 * 60  # seconds: a thumbnail used again sooner is not marked again
# A thumbnail's file name (its folder is the hash's first two digits), and the name
# _save_atomically's mkstemp gives a file still being written.
# Exact (a 64-digit BLAKE3 hex and one of our sizes): a photo named like 20240520-001.jpg in a
# folder "20" must never be taken for a thumbnail.
THUMB_NAME = re.compile(r"([0-9a-f]{2})([0-9a-f]{62})-(%s)\.jpg" % "|".join(map(str, SIZES)))
TEMP_NAME = re.compile(r"tmp[\w-]+\.tmp")
_HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32]
TEMP_PREFIX = f"tmp-{_HOST}-{os.getpid()}-"  # of the process that imported this module


def temp_prefix() -> str:
    """TEMP_PREFIX of the process writing now: a reader forked from the fork server has
    this module from the server, and TEMP_PREFIX with the server's pid."""
    return f"tmp-{_HOST}-{os.getpid()}-"


OWNED_TEMP = re.compile(r"tmp-([A-Za-z0-9]*)-(\d+)-[\w-]*\.tmp")


def temp_writer_gone(name: str) -> bool:
    """A temp file named by TEMP_PREFIX on this host whose writing process no longer runs."""
    match = OWNED_TEMP.fullmatch(name)
    if match is None or match.group(1) != _HOST:
        return False
    try:
        os.kill(int(match.group(2)), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False
# One lock per hash stripe: two threads wanting the same missing thumbnail decode it once.
_REMAKING = [threading.Lock() for _ in range(256)]


def content_hash_of(data: bytes) -> str:
    """The catalog's identity of a file's bytes (BLAKE3, as the indexer records it)."""
    return blake3(data).hexdigest()


def thumb_key(path: str | os.PathLike) -> tuple[Path, str, int] | None:
    """(cache folder, content hash, size) of a thumbnail path; None for any other path."""
    path = Path(path)
    match = THUMB_NAME.fullmatch(path.name)
    if match is None or match.group(1) != path.parent.name:
        return None
    return path.parent.parent, match.group(1) + match.group(2), int(match.group(3))


def touch(path: str | os.PathLike, now: float | None = None) -> bool:
    """Mark a thumbnail as used (its mtime is its last use); False when it is not there.

    Marked at most every TOUCH_AFTER seconds, so scrolling a grid does not write all the time.
    """
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return False
    now = time.time() if now is None else now
    if now - mtime > TOUCH_AFTER:
        try:
            os.utime(path, (now, now))
        except OSError:
            pass  # a read-only cache still serves; only its use goes unrecorded
    return True


def remake(cache_dir: str | os.PathLike, content_hash: str, source_path: str | os.PathLike,
           *, replace: bool = False) -> str | None:
    """Make both thumbnails again from the original; why not when that cannot be done.

    The original is only read, and only used when its bytes still have content_hash: a
    changed file belongs to the indexer, which will give it a new hash and new thumbnails.
    replace: make them even when both are there (an original that is gone or changed
    keeps the old ones).
    """
    cache_dir = Path(cache_dir)
    with _REMAKING[hash(content_hash) % len(_REMAKING)]:
        if not replace and has_thumbnails(cache_dir, content_hash):
            return None
        try:
            data = Path(source_path).read_bytes()
        except FileNotFoundError:
            return "the original is missing"
        except OSError as exc:
            return f"the original cannot be read ({exc.strerror or exc})"
        if content_hash_of(data) != content_hash:
            return "the original changed since it was indexed"
        if replace:
            for size in SIZES:
                thumb_path(cache_dir, content_hash, size).unlink(missing_ok=True)
        try:
            make_thumbnails(data, cache_dir, content_hash)
        except ThumbnailError as exc:
            return str(exc)
        except OSError as exc:
            return f"the thumbnail cannot be written ({exc.strerror or exc})"
    return None


def ensure(cache_dir: str | os.PathLike, content_hash: str, size: int,
           source_path: str | os.PathLike | None = None) -> Path | None:
    """The thumbnail's path, marked as used; remade from source_path when it was removed.

    None when it is not there and cannot be made (no source, original gone, changed or not
    decodable). Safe from many threads at once.
    """
    path = thumb_path(Path(cache_dir), content_hash, size)
    if touch(path):
        return path
    if source_path is None or remake(cache_dir, content_hash, source_path) is not None:
        return None
    return path if path.exists() else None
