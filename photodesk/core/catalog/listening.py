"""Hearing other desks: the archive announces the photos each change touched (postgres.CHANNEL,
from its triggers), and a Listener relays them as events; when the server goes away it says
so, tries again, and once it is back has every photo read afresh (changes meanwhile were not
heard)."""

import threading
from dataclasses import dataclass

from photodesk.core.catalog import postgres

RETRY_SECONDS = 2.0
WAIT_SECONDS = 0.5  # how often the wait for news looks whether it should stop


@dataclass(frozen=True)
class PhotosChanged:
    """Another desk (or an indexer) changed these photos; everything: too many to name, or
    changes were missed while the server was away: read every photo shown again."""
    photo_ids: tuple[int, ...] = ()
    everything: bool = False


@dataclass(frozen=True)
class Unreachable:
    reason: str


@dataclass(frozen=True)
class Reachable:
    pass


@dataclass(frozen=True)
class Listening:
    """Every change from now on is heard (once, when the listener first starts)."""


class Listener:
    """run(cat) yields Listening, then PhotosChanged, Unreachable and Reachable, until
    stop()."""

    def __init__(self):
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self, cat):
        import psycopg
        url, lost, started = cat.location.url, False, False
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(url, autocommit=True, connect_timeout=5)
            except psycopg.OperationalError as e:
                if not lost:
                    lost = True
                    yield Unreachable(postgres.problem(e, url))
                self._stop.wait(RETRY_SECONDS)
                continue
            try:
                with conn:
                    conn.execute(f"LISTEN {postgres.CHANNEL}")
                    if not started:
                        started = True
                        yield Listening()
                    if lost:
                        lost = False
                        yield Reachable()
                        yield PhotosChanged(everything=True)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=WAIT_SECONDS):
                            yield announced(note.payload)
            except psycopg.OperationalError as e:
                lost = True
                yield Unreachable(postgres.problem(e, url))
                self._stop.wait(RETRY_SECONDS)


def announced(payload: str) -> PhotosChanged:
    if payload == "*":
        return PhotosChanged(everything=True)
    return PhotosChanged(tuple(int(i) for i in payload.split(",") if i.isdigit()))
