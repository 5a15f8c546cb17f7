"""One way to find or create a person, an event or a keyword, and one rule for what changes."""

from photodesk.core.catalog import registry
from photodesk.core.catalog.articles import person_id, save_event
from photodesk.core.catalog.desk import add_event, add_person


def test_an_editors_title_is_never_overwritten_by_an_article(catalog):
    with catalog.transaction():
        pid = person_id(catalog, "Võ Thị Ánh Xuân", None)  # an article without a title
        assert person_id(catalog, "Võ Thị Ánh Xuân", "Phó Chủ tịch nước") == pid  # fills it
        add_person(catalog, "Võ Thị Ánh Xuân", "Quyền Chủ tịch nước", None)  # the editor's
        person_id(catalog, "Võ Thị Ánh Xuân", "Phó Chủ tịch nước")  # a later article
        registry.ensure_person(catalog, "Võ Thị Ánh Xuân")  # a file: the name alone
    rows = catalog.db.execute("SELECT id, title FROM people").fetchall()
    assert rows == [(pid, "Quyền Chủ tịch nước")]


def test_an_event_is_its_name_and_date_and_a_name_alone_finds_it(catalog):
    with catalog.transaction():
        dated = save_event(catalog, "Hội chợ Nông sản", "2025-03-15", "Quảng trường", None)
        other = add_event(catalog, "Hội chợ Nông sản", "2024-03-10", None)
        assert other != dated
        # An IPTC Event field has no date: the event of that name, the first one, not a new one.
        assert registry.ensure_event(catalog, "Hội chợ Nông sản") == min(dated, other)
        undated = add_event(catalog, "Lễ ra quân", None, None)
        assert registry.ensure_event(catalog, "Lễ ra quân") == undated
        # The editor's place replaces; a file's (none) changes nothing.
        add_event(catalog, "Hội chợ Nông sản", "2025-03-15", "Nhà văn hóa tỉnh")
    assert catalog.db.execute("SELECT place FROM events WHERE id = ?", [dated]
                              ).fetchone() == ("Nhà văn hóa tỉnh",)
    assert catalog.db.execute("SELECT count(*) FROM events").fetchone() == (3,)


def test_a_keyword_is_created_once(catalog):
    with catalog.transaction():
        first = registry.ensure_keyword(catalog, "thi đua")
        assert registry.ensure_keyword(catalog, "thi đua") == first
