"""Caption templates: `{caption} ({people}) – {date:%d/%m/%Y}. Ảnh: {credit}` filled per photo.

A variable is a name in braces, optionally with a format after a colon: a strftime pattern
for dates, a width such as `03` for numbers. `{{` and `}}` are literal braces.

Text next to a variable goes with it, so an empty value leaves no dangling words. Brackets
right after a variable (and a quote, when one opened it) close it; the rest of the text up to
the next variable opens that one (` (`, ` – `, `, `, ` Ảnh: `). An empty variable drops the
text that opens it and what closes it. When the first of a run of empty variables was opened by
a bare separator (` – `, `, `) and the next value printed is too, that value takes the first
one's. The first value printed takes no separator before it, and a separator does not repeat
the full stop or comma a value ends with. So with no credit `{caption} Ảnh: {credit}` gives the
caption alone, with nobody tagged `{caption} ({people}) – {date}` gives `caption – date`, with
no city `{caption} – {city}, {country}` gives `caption – country`, and `{caption}. Ảnh:
{credit}` prints one full stop after a caption that ends with one. The text a template starts
with is always printed, and so is the text after its last variable. Code
replacements (`\\vtax\\`) in the template text are expanded first. An unknown variable or a
malformed template raises TemplateError with a message for the editor, never a crash.
"""

import string
from dataclasses import dataclass
from datetime import date, datetime

from photodesk.core import codes as code_list
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.edit import edit_photos
from photodesk.core.fields import BY_NAME

DEFAULT_DATE = "%d/%m/%Y"
CLOSERS = ")]»”’"  # right after a variable, these close it and drop with it
QUOTES = "\"'"  # close a variable too when the text before it opened one
SEPARATORS = " \t,;:.–—-/|"  # text of these alone only separates two values
TEXT_FIELDS = ("caption", "headline", "title", "creator", "credit", "source", "copyright",
               "city", "location", "state", "country", "label")
VARIABLES = {
    **{name: BY_NAME[name].label for name in TEXT_FIELDS},
    "people": "People shown, separated by commas",
    "keywords": "Keywords, separated by commas",
    "event": "Event",
    "place": "Sublocation, city, province and country that are known, separated by commas",
    "date": "Date created (else date taken); format with strftime, default %d/%m/%Y",
    "taken": "Date taken by the camera; format with strftime, default %d/%m/%Y",
    "filename": "File name with extension",
    "stem": "File name without extension",
    "article_title": "Title of the article the photo belongs to",
    "rating": "Rating (0–5)",
    "id": "Photo id in the catalog",
    "n": "Position in the export or selection, from 1; format such as {n:03}",
}
DATES = ("date", "taken")
NUMBERS = ("rating", "id", "n")


class TemplateError(ValueError):
    """The template cannot be used; the message says why."""


@dataclass(frozen=True)
class Template:
    text: str
    parts: tuple  # (literal, variable or None, format spec)


def parse(text: str, codes: dict[str, str] | None = None) -> Template:
    expanded = code_list.expand(text, codes) if codes else text
    try:
        parsed = list(string.Formatter().parse(expanded))
    except ValueError as exc:
        raise TemplateError(f"template {text!r}: {exc} (write {{{{ and }}}} for literal "
                            "braces)") from exc
    parts, text_before = [], ""
    for literal, name, spec, conversion in parsed:
        text_before += literal  # `{{` comes as a part of its own, with no variable
        if name is not None:
            _check(name, spec or "", conversion)
            parts.append((text_before, name, spec or ""))
            text_before = ""
    parts.append((text_before, None, ""))
    return Template(text, tuple(parts))


def _check(name: str, spec: str, conversion: str | None) -> None:
    if name not in VARIABLES:
        known = ", ".join("{" + v + "}" for v in VARIABLES)
        raise TemplateError(f"unknown variable {{{name}}}; known: {known}")
    if conversion:
        raise TemplateError(f"{{{name}!{conversion}}}: conversions are not supported")
    if spec and name in DATES:
        try:
            datetime(2024, 3, 15).strftime(spec)
        except ValueError as exc:
            raise TemplateError(f"{{{name}:{spec}}}: {exc}") from exc
    elif spec and name in NUMBERS:
        try:
            format(1, spec)
        except ValueError as exc:
            raise TemplateError(f"{{{name}:{spec}}}: not a number format ({exc})") from exc
    elif spec:
        raise TemplateError(f"{{{name}:{spec}}}: only dates and numbers take a format")


def render(template: Template | str, photo: dict, *, article_title: str | None = None,
           n: int | None = None, codes: dict[str, str] | None = None) -> str:
    """The template filled with one photo's values (a catalog row with its links)."""
    if isinstance(template, str):
        template = parse(template, codes)
    values = photo_values(photo, article_title=article_title, n=n)
    texts = [None if name is None else _formatted(name, values.get(name), spec)
             for _, name, spec in template.parts]
    out, opened = [], ""  # opened: the text before the variable last met, as written
    waiting = None  # a bare separator before a run of empty variables: the next one printed
    for i, (literal, name, _) in enumerate(template.parts):
        if i == 0:  # the text the template starts with is always printed
            closing, opening = literal, ""
        else:  # brackets (and quotes opened before it) right after a variable close it
            cut = _closing(literal, opened)
            closing, opening = (literal[:cut] if texts[i - 1] else ""), literal[cut:]
        out.append(closing)
        opened = opening
        if name is None:  # after the last variable
            out.append(_joined("".join(out), opening))
        elif texts[i]:
            if waiting is not None and _bare(opening):
                opening = waiting
            out += [_joined("".join(out), opening), texts[i]]
            waiting = None
        elif waiting is None and _bare(opening):
            waiting = opening
    return "".join(out)


def _closing(literal: str, opened: str) -> int:
    """How much of the text after a variable closes it."""
    cut = 0
    while cut < len(literal) and (literal[cut] in CLOSERS
                                  or (literal[cut] in QUOTES and literal[cut] in opened)):
        cut += 1
    return cut


def _bare(text: str) -> bool:
    return not text.strip(SEPARATORS)


def _joined(printed: str, opening: str) -> str:
    """The text that opens a value, as it follows what is printed: no separator before the
    first value, and no second full stop after a caption that ends with one."""
    if not printed.strip():
        return opening.lstrip(SEPARATORS)
    end = printed.rstrip()[-1:]
    if end in ".,;:" and opening[:1] == end:
        return opening[1:]
    return opening


def photo_values(photo: dict, *, article_title: str | None = None, n: int | None = None) -> dict:
    name = photo.get("name") or ""
    articles = photo.get("articles") or []
    values = {f: photo.get(f) for f in TEXT_FIELDS}
    values.update(
        people=", ".join(photo.get("people") or []),
        keywords=", ".join(photo.get("keywords") or []),
        event=photo.get("event"),
        place=", ".join(filter(None, (photo.get(k) for k in ("location", "city", "state",
                                                             "country")))),
        date=photo.get("date_created") or photo.get("taken_at"),
        taken=photo.get("taken_at"),
        filename=name,
        stem=name.rsplit(".", 1)[0] if "." in name else name,
        article_title=article_title or next((a["title"] for a in articles if a.get("title")),
                                            None),
        rating=photo.get("rating"),
        id=photo.get("id"),
        n=n,
    )
    return values


def _formatted(name: str, value, spec: str) -> str:
    if value in (None, ""):
        return ""
    if name in DATES:
        return date_text(str(value), spec or DEFAULT_DATE)
    if name in NUMBERS:
        return format(int(value), spec) if spec else str(int(value))
    return str(value)


def date_text(value: str, spec: str) -> str:
    """A stored ISO date in the given strftime format; a partial date is shown as stored."""
    text = value.strip().replace(" ", "T", 1)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = date.fromisoformat(text[:10])
        except ValueError:
            return value
    return moment.strftime(spec)


def fill_captions(cat: Catalog, photo_ids, template_text: str, *, field: str = "caption",
                  codes: dict[str, str] | None = None, article_title: str | None = None) -> int:
    """Set field on each photo to the template filled with its own values (via edit_photos,
    so the change is remembered as the editor's). Returns how many photos changed."""
    if field not in TEXT_FIELDS:
        raise TemplateError(f"{field!r} is not a text field a template can fill")
    template = parse(template_text, codes)
    changed = 0
    for n, row in enumerate(catalog.photos.photos(cat, list(photo_ids)), 1):
        text = render(template, row, article_title=article_title, n=n).strip()
        if text != (row.get(field) or ""):
            edit_photos(cat, [row["id"]], **{field: text or None})
            changed += 1
    return changed
