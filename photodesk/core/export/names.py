"""Export file names from a pattern: one plain name per photo, never a path, never twice."""

import unicodedata
from collections import Counter

from photodesk.core.templates import Template, parse, render

FORBIDDEN = set('/\\:*?"<>|\x00')  # separators, and what Windows/NAS shares refuse
MAX_BYTES = 255


class FileNameError(ValueError):
    """A file name pattern gives a name that cannot be used; the message says which and why."""


def check_name(name: str) -> str:
    """name, NFC-normalised, if it is a plain file name; else FileNameError saying why."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise FileNameError("the pattern gives an empty file name")
    if name in (".", ".."):
        raise FileNameError(f"{name!r} is not a file name")
    bad = sorted(FORBIDDEN & set(name)) + [c for c in name if ord(c) < 32 and c != "\x00"]
    if bad:
        shown = ", ".join(repr(c) for c in dict.fromkeys(bad))
        raise FileNameError(f"{name!r} holds {shown}: a file name may not hold path separators or "
                        "characters shared folders refuse")
    if len(name.encode("utf-8")) > MAX_BYTES:
        raise FileNameError(f"{name[:40]!r}… is longer than {MAX_BYTES} bytes")
    return name


def output_names(rows: list[dict], pattern: str, extension: str, *,
                 keep: tuple[str, ...] = (), article_title: str | None = None) -> list[str]:
    """One checked name per photo row: pattern rendered, extension added unless the name
    already ends with it or with one of keep. Two photos may not get the same name."""
    template: Template = parse(pattern)
    names, seen = [], {}
    for n, row in enumerate(rows, 1):
        try:
            name = check_name(render(template, row, n=n, article_title=article_title))
        except FileNameError as exc:
            raise FileNameError(f"{row.get('name')}: {exc}") from None
        if not name.lower().endswith((extension.lower(),) + tuple(k.lower() for k in keep)):
            name += extension
        key = name.casefold()
        if key in seen:
            raise FileNameError(f"{row.get('name')} and {seen[key]} would both be named {name!r}; "
                            "add {n} or {id} to the file name pattern")
        seen[key] = row.get("name")
        names.append(name)
    return names


def _stem(name: str) -> str:
    return (name.rsplit(".", 1)[0] if "." in name else name).casefold()


def sidecar_names(rows: list[dict], *, article_title: str | None = None) -> list[str]:
    """Exported sidecars named as the write names them beside photos: NAME.xmp, or NAME.EXT.xmp
    for photos that share NAME in this export (same.jpg and same.png never share a sidecar)."""
    stems = Counter(_stem(r.get("name") or "") for r in rows)
    names, seen = [], {}
    for row in rows:
        pattern = "{filename}" if stems[_stem(row.get("name") or "")] > 1 else "{stem}"
        name = output_names([row], pattern, ".xmp", article_title=article_title)[0]
        if name.casefold() in seen:
            raise FileNameError(f"{row.get('name')} and {seen[name.casefold()]} would both be "
                                f"named {name!r}; add {{n}} or {{id}} to the file name pattern")
        seen[name.casefold()] = row.get("name")
        names.append(name)
    return names


def sidecar_beside(name: str, names: list[str]) -> str:
    """The sidecar of an exported file called name, among the export's names, by the same rule."""
    shared = sum(_stem(n) == _stem(name) for n in names) > 1
    return name + ".xmp" if shared else name.rsplit(".", 1)[0] + ".xmp"
