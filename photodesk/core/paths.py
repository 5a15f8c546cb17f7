"""Where a path stands against a folder: inside it (strictly) or within it (the folder too);
folders written one way."""

import os


def inside(path: str, folder: str) -> bool:
    """path lies in folder or below it, and is not folder itself ("/a/bc" is not in "/a/b")."""
    return path.startswith(folder.rstrip("/") + "/")


def within(path: str, folder: str) -> bool:
    return path == folder or inside(path, folder)


def normal_path(path: str) -> str:
    """A folder as the catalog keeps it: absolute, "~" expanded, no trailing slash."""
    return os.path.normpath(os.path.abspath(os.path.expanduser(path)))
