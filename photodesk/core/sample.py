"""The sample newsroom folder: a copy of the bundled one in the user's data folder, to try on."""

import os
import shutil
import tempfile
from pathlib import Path

from photodesk.resources import resource_dir

FOLDER_NAME = "Sample newsroom"
SKIPPED = {"generate.py", "__pycache__"}  # how the photos were made is not part of the story


class SampleError(Exception):
    """The sample folder could not be copied; the message says why."""


def bundled_sample() -> Path:
    return resource_dir() / "sample"


def sample_destination() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "photodesk" / FOLDER_NAME


def install_sample(destination: Path | None = None) -> Path:
    """Copy the sample newsroom folder where the user may change it, and return its path.

    The bundled folder may be read-only (an installed application) and writing metadata must
    never touch it, so editors try PhotoDesk on a copy. A copy already there is kept as it is:
    it holds whatever the user did to it."""
    source, destination = bundled_sample(), Path(destination or sample_destination())
    if destination.is_dir():
        return destination
    if not source.is_dir():
        raise SampleError(f"the sample folder is not part of this installation ({source})")
    partial = destination.with_name(destination.name + ".partial")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(source, partial, ignore=lambda _dir, names: SKIPPED & set(names))
        os.replace(partial, destination)  # whole or not at all
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise SampleError(f"cannot copy the sample folder to {destination}: "
                          f"{exc.strerror or exc}") from exc
    return destination


def fresh_copy(base: Path | None = None) -> tuple[Path, Path]:
    """(folder, catalog): a new copy of the sample in a temporary folder of its own, and a
    catalog path beside it. `make run` opens these, so trying PhotoDesk never writes into the
    tracked sample, the user's catalog or the folders it watches."""
    try:
        where = Path(tempfile.mkdtemp(prefix="photodesk-sample-", dir=base))
    except OSError as exc:
        raise SampleError(f"cannot make a folder for the sample: {exc.strerror or exc}") from exc
    return install_sample(where / FOLDER_NAME), where / "catalog.sqlite"
