"""A static HTML gallery: the title once, then each photo's thumbnail, caption, date, credit,
people, event (and article, when it is not the page's); every text escaped, no script, so it
opens straight from disk and a caption can never run code."""

from html import escape
from urllib.parse import quote

from photodesk.core.templates import DEFAULT_DATE, date_text

LABELS = {"people": "Người trong ảnh", "event": "Sự kiện", "article_title": "Bài viết",
          "credit": "Ảnh", "date": "Ngày"}
# Defence in depth: even markup that slipped through escaping could not run script.
CSP = ("default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; "
       "base-uri 'none'; form-action 'none'")
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em;color:#222;background:#fafafa}
h1{font-size:1.4em} .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1.2em}
figure{margin:0;background:#fff;border:1px solid #ddd;padding:.6em}
img{max-width:100%;height:auto;display:block;margin:0 auto .4em} .name{color:#666;font-size:.85em}
.caption{margin:.3em 0;white-space:pre-line;overflow-wrap:anywhere} .meta{font-size:.85em;color:#444;margin:.15em 0}
.nothumb{height:120px;display:flex;align-items:center;justify-content:center;color:#999;background:#eee}
"""


def gallery(records: list[dict], images: dict[int, tuple[str | None, str | None]], *,
            title: str | None = None) -> str:
    """The page: records (export records), images: photo id -> (small, large) file names
    relative to the page, or None where the catalog has no thumbnail."""
    heading = f"<h1>{_text(title)}</h1>\n" if title else ""
    figures = "\n".join(_figure(r, images.get(r["id"], (None, None)), title) for r in records)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{escape(CSP)}\">\n"
        f"<title>{_text(title or 'PhotoDesk')}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{heading}<div class=\"grid\">\n{figures}\n</div>\n</body>\n</html>\n")


def _figure(r: dict, image: tuple[str | None, str | None], title: str | None) -> str:
    small, large = image
    name = _text(r.get("filename"))
    if small:
        picture = f"<img src=\"{_url(small)}\" alt=\"{name}\" loading=\"lazy\">"
        if large:
            picture = f"<a href=\"{_url(large)}\">{picture}</a>"
    else:
        picture = "<div class=\"nothumb\">(không có ảnh thu nhỏ)</div>"
    caption = r.get("text") if "text" in r else r.get("caption")
    when = r.get("date_created") or r.get("taken_at")
    facts = {"date": date_text(str(when), DEFAULT_DATE) if when else None,
             "credit": r.get("credit"), "people": r.get("people"), "event": r.get("event"),
             "article_title": None if r.get("article_title") == title else r.get("article_title")}
    meta = [_meta(key, value) for key, value in facts.items()]
    return (f"<figure id=\"photo-{int(r['id'])}\">{picture}<figcaption>"
            f"<div class=\"name\">{name}</div>"
            f"<p class=\"caption\">{_text(caption)}</p>{''.join(meta)}</figcaption></figure>")


def _meta(key: str, value) -> str:
    if not value:
        return ""
    text = ", ".join(value) if isinstance(value, list) else str(value)
    return f"<p class=\"meta {key}\">{LABELS[key]}: {_text(text)}</p>"


def _text(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _url(relative: str) -> str:
    """A relative file name as an attribute-safe URL (quoted, then escaped)."""
    return escape(quote(relative, safe="/"), quote=True)
