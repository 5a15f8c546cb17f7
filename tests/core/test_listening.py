"""Another desk's change heard within 2 s on the archive (LISTEN/NOTIFY from its triggers);
the server stopped and started again: said, retried, and every photo read afresh after."""

import threading
import time

from photodesk.core import search
from photodesk.core.catalog import Catalog, postgres
from photodesk.core.catalog.listening import (Listener, Listening, PhotosChanged, Reachable,
                                              Unreachable, announced)
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from tests.core.test_archive_catalog import _newsroom


class Heard:
    """A Listener on its own thread, its events in a list."""

    def __init__(self, url: str):
        self.events, self.listener = [], Listener()
        self.cat = Catalog(url)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.wait_for(lambda e: isinstance(e, Listening))  # LISTEN before the change

    def _run(self):
        for event in self.listener.run(self.cat):
            self.events.append((time.monotonic(), event))

    def wait_for(self, test, seconds: float = 10):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            found = [(t, e) for t, e in self.events if test(e)]
            if found:
                return found[0]
            time.sleep(0.05)
        raise AssertionError(f"not heard within {seconds} s: {self.events}")

    def close(self):
        self.listener.stop()
        self.thread.join(10)
        self.cat.close()


def test_another_desks_edit_is_heard_within_two_seconds(tmp_path, pg_url):
    postgres.init(pg_url)
    with Catalog(pg_url) as desk_a:
        list(index_paths(desk_a, [str(_newsroom(tmp_path))], workers=1))
        pid = search.search(desk_a, "", sort="name")[0]
    heard = Heard(pg_url)
    try:
        with Catalog(pg_url) as desk_b:
            saved = time.monotonic()
            edit_photos(desk_b, [pid], caption="Bàn B sửa")
        at, _ = heard.wait_for(lambda e: isinstance(e, PhotosChanged) and pid in e.photo_ids)
        assert at - saved < 2.0
        heard.events.clear()
        with Catalog(pg_url) as desk_b:  # a tag alone is a change of the photo too
            edit_photos(desk_b, [pid], people=["Võ Thị Ánh Xuân"])
        heard.wait_for(lambda e: isinstance(e, PhotosChanged) and pid in e.photo_ids)
    finally:
        heard.close()


def test_the_server_gone_and_back(tmp_path, pg_url, pg_server):
    postgres.init(pg_url)
    heard = Heard(pg_url)
    try:
        pg_server.stop()
        try:
            _, gone = heard.wait_for(lambda e: isinstance(e, Unreachable))
            assert "cannot be reached" in gone.reason
        finally:
            pg_server.start()
        heard.wait_for(lambda e: isinstance(e, Reachable), seconds=20)
        heard.wait_for(lambda e: isinstance(e, PhotosChanged) and e.everything)
    finally:
        heard.close()


def test_announcements_read():
    assert announced("3,5,8") == PhotosChanged((3, 5, 8))
    assert announced("*") == PhotosChanged(everything=True)
