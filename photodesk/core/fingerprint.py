"""Perceptual fingerprints: how a photo looks, as two 64-bit DCT hashes compared bit by bit.

A fingerprint is read from the 256 px image the indexer makes for the thumbnail (no decode of
its own): greyed and shrunk to 16×16, its lowest 8×8 DCT frequencies, each one bit: above the
median of the 63 that are not the mean, or not (the "pHash" of Zauner, 2010). Resizing and
re-compressing keep those frequencies, so copies stay within a few bits. A crop moves them;
so each photo has two hashes: of its whole frame, and of its inset frame (the whole less 5 %
at each side, what a light crop keeps). Two photos are as far apart as the closest pair of
whole/whole, whole/inset and inset/whole: the whole frame of a copy cropped by 5 % shows what
its original's inset frame shows.

Measured on the 60 photos of ../shared/corpus with detail (tests/core/test_similar.py): copies
at half size, at 800 px, at JPEG quality 50 and cropped by 5 % per side are all within 4 bits
of their original (but for a 284×25 strip, whose half-size copy is too small to compare);
distinct photos are never closer than 18 bits apart. THRESHOLD sits between. A blank frame
(one grey, an 8×8 icon) has no fingerprint: its bits would be noise.
"""

import math
from dataclasses import dataclass
from itertools import combinations
from operator import mul
from pathlib import Path

from PIL import Image, ImageStat

from photodesk.core.thumbs import SIZES, remake, small_image, thumb_path

SIDE = 16  # the grey square the DCT reads: as exact as 32×32 on the corpus, 3× cheaper
CUT = 0.05  # the inset frame leaves out this share of the width and height at each side
BITS = 64
# The default look-alike threshold: at most this many of the 64 bits differ. Copies measured
# within 4; different photos at 18 or more (and unrelated hashes 32 apart on average).
THRESHOLD = 10
# Looked up in an index as 4 bands of 16 bits: two hashes within THRESHOLD bits of each other
# have a band within THRESHOLD // 4 bits (pigeonhole), so each band is probed with the values
# that near (137 values a band at 10 bits) and nothing within the threshold is missed.
BANDS = 4
BAND_BITS = BITS // BANDS
MOST = 15  # the largest threshold the index serves (3 bits a band: 697 values to probe)
FLAT = 5.0  # greys varying less than this (standard deviation, of 255) make a blank frame
_DCT = [[math.cos(math.pi * (2 * x + 1) * u / (2 * SIDE)) for x in range(SIDE)]
        for u in range(8)]


@dataclass(frozen=True)
class Fingerprint:
    """A photo's look: 64-bit hashes (unsigned) of its whole frame and its inset frame."""
    whole: int
    inset: int


def of_image(image: Image.Image) -> Fingerprint | None:
    """The fingerprint of an image (the 256 px one a thumbnail is made from); None when the
    frame is blank."""
    grey = image.convert("L")
    whole = grey.resize((SIDE, SIDE), Image.Resampling.LANCZOS)
    if min(image.size) < SIDE or ImageStat.Stat(whole).stddev[0] < FLAT:
        return None
    width, height = grey.size
    inset = grey.resize((SIDE, SIDE), Image.Resampling.LANCZOS,
                        box=(width * CUT, height * CUT, width * (1 - CUT), height * (1 - CUT)))
    return Fingerprint(_hash(whole.tobytes()), _hash(inset.tobytes()))


def _hash(pixels: bytes) -> int:
    # Only the 8 lowest frequencies each way are wanted: two passes of 8 sums, not a full DCT.
    columns = [pixels[x::SIDE] for x in range(SIDE)]
    rows = [[sum(map(mul, basis, column)) for column in columns] for basis in _DCT]
    coefficients = [sum(map(mul, row, basis)) for row in rows for basis in _DCT]
    median = sorted(coefficients[1:])[31]  # of the 63 that are not the mean
    bits = 0
    for c in coefficients:
        bits = (bits << 1) | (c > median)
    return bits


def of_file(path: str | Path) -> Fingerprint | None:
    """The fingerprint of any image file (a web download, a screenshot), read as the indexer
    reads a photo. ThumbnailError when it cannot be decoded; OSError when it cannot be read."""
    return of_image(small_image(Path(path).read_bytes()))


def of_thumbnail(thumbs_dir: str | Path, content_hash: str) -> Fingerprint | None:
    """The fingerprint of a photo from its cached 256 px thumbnail: the image it is made
    from, JPEG-compressed (0–2 bits off on the corpus). OSError when it is not there or
    cannot be read (Pillow's errors on a damaged file are OSErrors too)."""
    with Image.open(thumb_path(Path(thumbs_dir), content_hash, SIZES[0])) as image:
        return of_image(image)


def of_photo(path: str, content_hash: str, thumbs_dir: str) -> tuple[Fingerprint | None, str | None]:
    """(fingerprint, None) of a photo indexed before fingerprints were kept, or (None, why
    not): from its cached thumbnail; when that is gone, its thumbnails are made again from
    the original first (if it still has that content hash). Runs in readers."""
    try:
        return of_thumbnail(thumbs_dir, content_hash), None
    except OSError:
        pass
    problem = remake(thumbs_dir, content_hash, path)
    if problem is not None:
        return None, problem
    try:
        return of_thumbnail(thumbs_dir, content_hash), None
    except Exception as exc:  # one photo's problem must not stop the others
        return None, f"its thumbnail cannot be read ({exc})"


def distance(a: Fingerprint, b: Fingerprint) -> int:
    """How many bits apart two photos are: the closest of whole/whole, whole/inset (b is a
    crop of a) and inset/whole (a is a crop of b)."""
    return min((a.whole ^ b.whole).bit_count(), (a.whole ^ b.inset).bit_count(),
               (a.inset ^ b.whole).bit_count())


def bands(value: int) -> tuple[int, ...]:
    """A hash's 4 bands of 16 bits, the first the highest."""
    return tuple((value >> (BITS - BAND_BITS * (i + 1))) & ((1 << BAND_BITS) - 1)
                 for i in range(BANDS))


def probes(fingerprint: Fingerprint, threshold: int = THRESHOLD) -> dict[tuple[str, int], set[int]]:
    """The band values to look up for every photo within threshold bits of fingerprint:
    {(hash, band number): values}, hash "whole" or "inset" naming the catalog's hash."""
    if not 0 <= threshold <= MOST:
        raise ValueError(f"a look-alike threshold is 0 to {MOST} bits")
    radius = threshold // BANDS
    found: dict[tuple[str, int], set[int]] = {}
    for number, (whole, inset) in enumerate(zip(bands(fingerprint.whole),
                                                bands(fingerprint.inset))):
        # A catalog photo's whole frame is compared with both of ours; its inset frame with
        # our whole one (we are the crop).
        found["whole", number] = _near(whole, radius) | _near(inset, radius)
        found["inset", number] = _near(whole, radius)
    return found


def _near(band: int, radius: int) -> set[int]:
    """Every band value within radius bits of band."""
    found = {band}
    for r in range(1, radius + 1):
        for flipped in combinations(range(BAND_BITS), r):
            value = band
            for bit in flipped:
                value ^= 1 << bit
            found.add(value)
    return found
