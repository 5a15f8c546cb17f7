"""Accepting an article's suggestions in one step: each photo gets what was suggested for it."""

from photodesk.core import people
from photodesk.core.catalog import articles as catalog_articles
from photodesk.core.catalog import photos as catalog_photos
from photodesk.core.export.records import record


def _links(cat, photo_ids):
    return {r["id"]: (sorted(r["people"]), r["event"])
            for r in catalog_photos.photos(cat, photo_ids)}


def _name(cat, kind, target):
    table = "people" if kind == "person" else "events"
    return cat.db.execute(f"SELECT name FROM {table} WHERE id = ?", [target]).fetchone()[0]


def test_confirming_an_article_gives_each_photo_its_own_suggestions(catalog, sample_article):
    ids = people.article_photo_ids(catalog, sample_article)
    pending = [(kind, _name(catalog, kind, target), pid)
               for kind, target, pid in catalog_articles.pending_suggestions(catalog, ids)]
    assert {k for k, _, _ in pending} == {"person", "event"}
    expected = {pid: (sorted(n for k, n, p in pending if k == "person" and p == pid),
                      next((n for k, n, p in pending if k == "event" and p == pid), None))
                for pid in ids}
    nothing = {pid: ([], None) for pid in ids}
    assert _links(catalog, ids) == nothing
    # An export of the fresh story carries no people or event yet.
    assert not any(record(r, 1)["people"] for r in catalog_photos.photos(catalog, ids))

    before = people.decide_all(catalog, ids)
    assert _links(catalog, ids) == expected  # what was suggested where, nothing more
    assert catalog_articles.pending_suggestions(catalog, ids) == []
    exported = [record(r, 1) for r in catalog_photos.photos(catalog, ids)]
    assert any(r["people"] for r in exported) and all(r["event"] for r in exported)

    people.undecide_all(catalog, before)
    assert _links(catalog, ids) == nothing
    assert len(catalog_articles.pending_suggestions(catalog, ids)) == len(pending)


def test_a_rejected_suggestion_stays_rejected(catalog, sample_article):
    ids = people.article_photo_ids(catalog, sample_article)
    kind, target, pid = next(s for s in catalog_articles.pending_suggestions(catalog, ids)
                             if s[0] == "person")
    people.decide(catalog, [pid], kind, target, accept=False)
    people.decide_all(catalog, ids)
    assert _name(catalog, kind, target) not in catalog_photos.photo(catalog, pid)["people"]
