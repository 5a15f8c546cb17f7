"""One photo as an export record: the fields editors send, lists kept as lists, and the
template's text when a template is given."""

from photodesk.core.templates import Template, render

COLUMNS = ("filename", "caption", "headline", "title", "people", "event", "keywords", "creator",
           "credit", "source", "copyright", "date_created", "taken_at", "location", "city",
           "state", "country", "rating", "label", "article_title", "id", "path")


def record(row: dict, n: int, *, template: Template | None = None,
           article_title: str | None = None) -> dict:
    title = article_title or next((a["title"] for a in row.get("articles") or []
                                   if a.get("title")), None)
    out = {c: row.get(c) for c in COLUMNS}
    out.update(filename=row.get("name"), article_title=title,
               people=list(row.get("people") or []), keywords=list(row.get("keywords") or []))
    if template is not None:
        out["text"] = render(template, row, article_title=title, n=n)
    return out


def flat(value) -> str:
    """A record value as one cell of text: lists joined with '; ', nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)
