"""Where a path stands against a folder: inside it (strictly) or within it (the folder too)."""


def inside(path: str, folder: str) -> bool:
    """path lies in folder or below it, and is not folder itself ("/a/bc" is not in "/a/b")."""
    return path.startswith(folder.rstrip("/") + "/")


def within(path: str, folder: str) -> bool:
    return path == folder or inside(path, folder)
