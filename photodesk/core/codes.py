"""Code replacements as in Photo Mechanic: `\\vtax\\` typed in a caption becomes the full text.

A code file is plain text, one code a line: the code, a TAB, the replacement. The desk's own
list lives in the user's config folder (CONFIG/photodesk/codes.txt, the same format), so it can
be edited by hand, shared as a file, and is the same for every catalog on the machine.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from photodesk.core.metadata.files import replace_file, write_new

CODE = re.compile(r"\\([^\\\s]{1,64})\\")
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class CodeFileError(ValueError):
    """A code file cannot be read; the message names the file and the reason."""


@dataclass
class Imported:
    added: int = 0
    changed: int = 0
    warnings: list[str] = field(default_factory=list)


def codes_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "photodesk" / "codes.txt"


def parse_codes(text: str, source: str = "codes") -> tuple[dict[str, str], list[str]]:
    """code -> replacement, and a warning for each line that is not a code."""
    codes: dict[str, str] = {}
    warnings = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        code, tab, replacement = line.partition("\t")
        code = code.strip()
        if not tab or not code or not replacement.strip():
            warnings.append(f"{source}:{number}: not 'code<TAB>replacement', skipped")
        elif not CODE.fullmatch(f"\\{code}\\"):
            warnings.append(f"{source}:{number}: code {code!r} has spaces or a backslash, skipped")
        else:
            if code in codes:
                warnings.append(f"{source}:{number}: code {code!r} given twice; the later wins")
            codes[code] = replacement.strip()
    return codes, warnings


def format_codes(codes: dict[str, str]) -> str:
    return "".join(f"{code}\t{' '.join(text.split())}\n" for code, text in sorted(codes.items()))


def read_code_file(path) -> tuple[dict[str, str], list[str]]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CodeFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return parse_codes(_decode(raw, path), path.name)


def _decode(raw: bytes, path: Path) -> str:
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="strict")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CodeFileError(f"{path}: not UTF-8 (nor UTF-16 with a byte-order mark); save it as "
                            "UTF-8 and import it again") from exc


def load_codes(path=None) -> dict[str, str]:
    """The desk's codes (an empty list when there is no file yet)."""
    path = Path(path) if path else codes_path()
    if not path.exists():
        return {}
    codes, _ = read_code_file(path)
    return codes


def save_codes(codes: dict[str, str], path=None) -> Path:
    path = Path(path) if path else codes_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = format_codes(codes).encode("utf-8")
    if path.exists():
        replace_file(path, data)
    else:
        write_new(path, data)
    return path


def import_codes(file, *, replace: bool = False, path=None) -> Imported:
    """Add a code file's codes to the desk's list (or replace the list with them)."""
    new, warnings = read_code_file(file)
    current = {} if replace else load_codes(path)
    result = Imported(warnings=warnings)
    for code, text in new.items():
        if code not in current:
            result.added += 1
        elif current[code] != text:
            result.changed += 1
        current[code] = text
    save_codes(current, path)
    return result


def export_codes(file, *, path=None, overwrite: bool = False) -> int:
    """Write the desk's codes to file, in the same format; returns how many."""
    codes = load_codes(path)
    write_new(Path(file), format_codes(codes).encode("utf-8"), overwrite=overwrite)
    return len(codes)


def expand(text: str | None, codes: dict[str, str]) -> str | None:
    """Replace every known \\code\\ in text; unknown codes stay as typed."""
    if not text or "\\" not in text:
        return text
    return CODE.sub(lambda m: codes.get(m.group(1), m.group(0)), text)


def unknown_codes(text: str | None, codes: dict[str, str]) -> list[str]:
    """Codes typed in text that the list does not have (to tell the editor)."""
    return [m.group(1) for m in CODE.finditer(text or "") if m.group(1) not in codes]
