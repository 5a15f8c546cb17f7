"""Events every long job yields alike: Progress, Skipped, Failed, Done; each adds its own."""

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    started: float  # time.monotonic() when the job began

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None


@dataclass(frozen=True)
class Skipped:
    """Left alone on purpose: nothing to do there, or not the job's to do; reason says why."""
    path: str  # the file (in an export, the output's name)
    reason: str
    photo_id: int | None = None


@dataclass(frozen=True)
class Failed:
    """Could not be done; reason says why, and the file is as it was."""
    path: str  # the file; "" when the job did not get as far as finding it
    reason: str
    photo_id: int | None = None  # the catalog's photo, when the job knows it
    failure: str = "permanent"   # "passing": tried again at the next run, though unchanged


@dataclass(frozen=True)
class Done:
    """The job's summary, last: the files it wrote, in order, and how many it skipped."""
    written: tuple[str, ...]
    skipped: int


Event = Progress | Skipped | Failed | Done
