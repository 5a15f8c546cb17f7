"""Importing an article into the catalog and linking its image references to photos, both ways."""

import os
import re
from dataclasses import dataclass, field

from photodesk.core import search
from photodesk.core.articles.model import Article, PersonMention
from photodesk.core.articles.names import find_event, find_people
from photodesk.core.articles.read import read_article
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.catalog.schema import name_key
from photodesk.core.fold import fold


@dataclass
class Imported:
    article_id: int
    title: str
    references: int
    linked: int
    ambiguous: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    # (name, photo id) of unmatched images whose file beside the article looks like a photo
    lookalikes: list[tuple[str, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    photo_ids: list[int] = field(default_factory=list)  # the photos it links (they show it)


def import_article(cat: Catalog, path: str, year: int | None = None,
                   found_in_folder: bool = False) -> Imported | None:
    """Read the article file, store it, link its images and suggest its people and event.

    Raises ArticleError (with the file's name) when the file cannot be read as an article.
    A text file found in a folder that names no image is not taken for an article (None).
    """
    path = os.path.abspath(path)
    parsed = read_article(path, year=year)
    if found_in_folder and not parsed.images:
        return None
    st = os.stat(path)
    with cat.transaction():
        article_id = catalog.articles.save_article(cat, {
            "path": path, "size": st.st_size, "mtime_ns": st.st_mtime_ns, "title": parsed.title,
            "lede": parsed.lede, "dateline": parsed.dateline, "published": parsed.published,
            "paragraphs": parsed.paragraphs, "warnings": parsed.warnings,
        }, [{"position": i.position, "paragraph": i.paragraph, "name": i.name,
             "caption": i.caption} for i in parsed.images])
        _store_people_and_event(cat, article_id, parsed)
        linked = _link(cat, catalog.articles.references_of_article(cat, article_id))
    result = Imported(article_id, parsed.title, len(parsed.images), 0, warnings=parsed.warnings)
    for ref in catalog.articles.article(cat, article_id)["images"]:
        if ref["photo_id"] is not None:
            result.linked += 1
            result.photo_ids.append(ref["photo_id"])
        elif ref["match"] == "ambiguous":
            result.ambiguous.append(ref["name"])
        else:
            result.unmatched.append(ref["name"])
            if ref["lookalike_id"] is not None:
                result.lookalikes.append((ref["name"], ref["lookalike_id"]))
    with cat.transaction():
        search.refresh(cat, linked)
    return result


def link_photos(cat: Catalog, photo_ids: list[int]) -> list[int]:
    """Link newly indexed photos to articles that name them; a second photo of the same name
    turns a link found elsewhere into an ambiguity for the editor to settle.

    Call inside the indexer's write transaction; returns the ids of photos that got linked.
    """
    keys = catalog.articles.name_keys(cat, photo_ids)
    return _link(cat, catalog.articles.references_named(cat, keys)) if keys else []


def _link(cat: Catalog, references: list[dict]) -> list[int]:
    linked, beside = [], _Beside()
    for ref in references:
        photo_id, match = _resolve(cat, ref)
        lookalike = _lookalike(cat, ref, beside) if match == "unmatched" else None
        catalog.articles.resolve_reference(cat, ref["id"], photo_id, match, lookalike)
        if photo_id is not None and photo_id != ref.get("photo_id"):
            _carry_caption(cat, photo_id, ref["caption"])
            _suggest_for_photo(cat, photo_id, ref["article_id"], ref["caption"])
            linked.append(photo_id)
    return linked


def _resolve(cat: Catalog, ref: dict) -> tuple[int | None, str]:
    """Same folder as the article first, then anywhere; two candidates are never guessed."""
    candidates = catalog.articles.photos_named(cat, ref["name_key"])
    folder = os.path.dirname(ref["article_path"])
    near = [p for p in candidates if os.path.dirname(p["path"]) == folder]
    scope = near or candidates
    if len(scope) == 1:
        return scope[0]["id"], "linked"
    return None, "ambiguous" if scope else "unmatched"


class _Beside:
    """The image files in an article's folder by name_key, each folder listed once."""

    def __init__(self):
        self._folders: dict[str, dict[str, str]] = {}

    def file(self, article_path: str, key: str) -> str | None:
        folder = os.path.dirname(article_path)
        if folder not in self._folders:
            try:
                names = os.listdir(folder)
            except OSError:
                names = []
            self._folders[folder] = {name_key(n): os.path.join(folder, n) for n in names}
        return self._folders[folder].get(key)


def _lookalike(cat: Catalog, ref: dict, beside: _Beside) -> int | None:
    """The photo that looks like the file of this name beside the article, when no photo has
    the name: a CMS renames and resizes what it publishes (DSC_1234.jpg becomes
    DSC-1234-1709.jpg), and a story saved with its images keeps those copies beside it. Of
    the near-identical photos (duplicates.NEAR) the original is suggested (the largest, the
    earliest taken…: other copies may be in the catalog too); the editor confirms."""
    path = beside.file(ref["article_path"], ref["name_key"])
    if path is None:
        return None
    # Pillow and the fingerprints: only for an image named by no photo, with a file beside.
    from photodesk.core.duplicates import NEAR, originality
    from photodesk.core.similar import SimilarError, similar
    try:
        found = similar(cat, path, limit=50, threshold=NEAR)
    except SimilarError:
        return None  # not an image, or too little to compare
    rows = catalog.photos.photos(cat, [m.photo_id for m in found])
    return min(rows, key=originality)["id"] if rows else None


def confirm_lookalikes(cat: Catalog, article_id: int, accept: bool = True) -> list[int]:
    """Link the article's images to the look-alikes suggested for them, as if the editor had
    chosen each (its caption carried over, its people and event suggested), or (accept
    False) forget the suggestions. Returns the photos linked."""
    with cat.transaction():
        waiting = catalog.articles.lookalikes_of_article(cat, article_id)
        linked = [photo_id for _, photo_id in waiting] if accept else []
        for position, photo_id in waiting if accept else []:
            choose_photo(cat, article_id, position, photo_id)
        catalog.articles.forget_lookalikes(cat, article_id)
        search.refresh(cat, linked)  # the article's title is in their search text now
    return linked


def _carry_caption(cat: Catalog, photo_id: int, caption: str | None) -> None:
    """The article's caption fills an empty one; a different caption is kept, not replaced."""
    if not caption:
        return
    if not catalog.photos.photo_field(cat, photo_id, "caption"):
        catalog.edits.apply_edit(cat, photo_id, {"caption": caption})


def _store_people_and_event(cat: Catalog, article_id: int, parsed: Article) -> None:
    catalog.articles.set_article_people(cat, article_id, [
        (catalog.articles.person_id(cat, m.name, m.title), m.title) for m in _people_in(cat, parsed.text())])
    event = find_event(parsed)
    if event:
        catalog.articles.save_event(cat, event.name, event.date, event.place, article_id)


def _suggest_for_photo(cat: Catalog, photo_id: int, article_id: int, caption: str | None) -> None:
    for mention in _people_in(cat, caption or ""):
        catalog.articles.suggest(cat, photo_id, "person", catalog.articles.person_id(cat, mention.name, mention.title))
    event = catalog.articles.article(cat, article_id)["event"]
    if event:
        catalog.articles.suggest(cat, photo_id, "event", event["id"])


def _people_in(cat: Catalog, text: str) -> list[PersonMention]:
    """Names the finder sees, plus registry people named (or aliased) in the text, folded."""
    found = {fold(m.name): m for m in find_people(text)}
    folded = " " + " ".join(re.findall(r"\w+", fold(text))) + " "
    for person in catalog.articles.people(cat):
        names = [person["name"], *(person["aliases"] or "").split(";")]
        for name in filter(None, (n.strip() for n in names)):
            key = " ".join(re.findall(r"\w+", fold(name)))
            if key and f" {key} " in folded and fold(person["name"]) not in found:
                found[fold(person["name"])] = PersonMention(person["name"], person["title"])
    return list(found.values())


def choose_photo(cat: Catalog, article_id: int, position: int, photo_id: int) -> None:
    """The editor settles an ambiguous reference."""
    ref = catalog.articles.reference_at(cat, article_id, position)
    with cat.transaction():
        catalog.articles.resolve_reference(cat, ref["id"], photo_id, "chosen")
        _carry_caption(cat, photo_id, ref["caption"])
        _suggest_for_photo(cat, photo_id, article_id, ref["caption"])


__all__ = ["Imported", "import_article", "link_photos", "choose_photo", "confirm_lookalikes",
           "name_key"]
