"""A real PostgreSQL server for the tests: Debian's `postgresql` started on 127.0.0.1, on a free
port, in a temporary data folder, as the `postgres` user when the tests run as root (initdb
refuses root). Without a server the tests that need one skip, except in CI (CI or
PHOTODESK_NEED_POSTGRES set), where they fail: `.ci/run` installs it."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Server:
    port: int
    folder: Path
    bindir: Path
    run_as: list[str]

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def ctl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.run_as, str(self.bindir / "pg_ctl"), "-D",
                               str(self.folder / "data"), *args], capture_output=True,
                              text=True, timeout=120)

    def stop(self) -> None:
        self.ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        done = self.ctl("-o", options, "-l", str(self.folder / "log"), "-w", "start")
        if done.returncode != 0:
            log = (self.folder / "log").read_text(errors="replace")[-2000:] \
                if (self.folder / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {done.stderr}{log}")


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> Server:
    """A new server, started; RuntimeError saying why when it cannot be."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server installed (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="photodesk-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        import pwd
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no postgres user") from None
        os.chown(folder, user.pw_uid, user.pw_gid)
        folder.chmod(0o700)
        run_as = ["runuser", "-u", "postgres", "--"]
    done = subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(folder / "data"),
                           "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync",
                           "--locale=C.UTF-8"], capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise RuntimeError(f"initdb failed: {done.stderr[-2000:]}")
    server = Server(_free_port(), folder, bindir, run_as)
    server.start()
    return server


def remove(server: Server) -> None:
    server.stop()
    subprocess.run([*server.run_as, "rm", "-rf", str(server.folder)], timeout=60)
    shutil.rmtree(server.folder, ignore_errors=True)


def unavailable(reason: str):
    """Skip, or fail in CI, where a server must be there."""
    if os.environ.get("PHOTODESK_NEED_POSTGRES") or os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")
