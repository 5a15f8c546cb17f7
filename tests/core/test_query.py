"""The query parser: tokens, the syntax tree, problems that point at their part, and that no
text whatever makes it raise anything but QueryError."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings, strategies as st

from photodesk.core import search
from photodesk.core.search.parser import MAX_CLAUSES
from photodesk.core.search.syntax import All, Any, Fact, Not, QueryError, Text
from photodesk.core.search.tokens import tokenize
from tests.conftest import stored_at

TODAY = date(2024, 2, 29)


def tree(text):
    query = search.parse(text, today=TODAY)
    assert not query.problems, query.problems
    return query.tree


def test_tokens_keep_their_place_in_the_text():
    tokens = tokenize('Hà-Nội -person:"Võ Thị" (a OR b)')
    assert [(t.kind, t.text) for t in tokens] == [
        ("word", "Hà-Nội"), ("neg", ""), ("field", "Võ Thị"), ("open", ""), ("word", "a"),
        ("or", "OR"), ("word", "b"), ("close", "")]
    assert tokens[2].name == "person" and tokens[2].quoted
    assert (tokens[2].start, tokens[2].end) == (8, 23)


def test_words_fold_and_a_word_with_inner_punctuation_is_a_phrase_prefix():
    assert tree("Đồng") == Text(("dong",))
    assert tree("Hà-Nội") == Text(("ha", "noi"))
    assert tree('"Hà Nội"') == Text(("ha", "noi"), phrase=True)
    assert tree("a b") == All((Text(("a",)), Text(("b",))))


def test_operators_build_the_tree():
    a, b, c = Text(("a",)), Text(("b",)), Text(("c",))
    assert tree("a OR b c") == Any((a, All((b, c))))
    assert tree("(a OR b) c") == All((Any((a, b)), c))
    assert tree("-a") == Not(a)
    assert tree("--a") == a
    assert tree("NOT a AND b") == All((Not(a), b))
    assert tree("-(a OR b)") == Not(Any((a, b)))
    assert tree("a or b") == All((a, Text(("or",)), b))  # only OR in capitals is the operator


def test_fields_read_their_values():
    assert tree('person:"Võ Thị Ánh Xuân"') == Text(("vo", "thi", "anh", "xuan"), "people",
                                                    phrase=True)
    assert tree("People:xuan") == Text(("xuan",), "people")  # names ignore case; aliases
    assert tree('folder:"/a/b"') == Text(("a", "b"), "folder", phrase=True, anchored=True,
                                                 path="/a/b")
    assert tree("rating:>=3") == Fact("rating", (3, None))
    assert tree("rating:<2") == Fact("rating", (None, 1))
    assert tree("rating:2..4") == Fact("rating", (2, 4))
    assert tree("label:đỏ").value[0] == "Red"
    assert tree("pick:reject") == Fact("pick", -1)
    assert tree("status:missing") == Fact("status", "missing")
    assert tree("-has:gps") == Not(Fact("has", "gps"))


@pytest.mark.parametrize("value, start, end", [
    ("2024-02-28", datetime(2024, 2, 28), datetime(2024, 2, 29)),
    ("28/2/2024", datetime(2024, 2, 28), datetime(2024, 2, 29)),
    ("2024-02", datetime(2024, 2, 1), datetime(2024, 3, 1)),
    ("2/2024", datetime(2024, 2, 1), datetime(2024, 3, 1)),
    ("2024-12", datetime(2024, 12, 1), datetime(2025, 1, 1)),
    ("2024", datetime(2024, 1, 1), datetime(2025, 1, 1)),
    ("2024-01..2024-03", datetime(2024, 1, 1), datetime(2024, 4, 1)),
    ("2024..", datetime(2024, 1, 1), None),
    ("..2023", None, datetime(2024, 1, 1)),
    ("today", datetime(2024, 2, 29), datetime(2024, 3, 1)),
    ("yesterday", datetime(2024, 2, 28), datetime(2024, 2, 29)),
    ("-7d", datetime(2024, 2, 22), datetime(2024, 3, 1)),
    ("-2w", datetime(2024, 2, 15), datetime(2024, 3, 1)),
    ("-1m", datetime(2024, 1, 29), datetime(2024, 3, 1)),
    ("-1y", datetime(2023, 2, 28), datetime(2024, 3, 1)),  # no 29 February in 2023
])
def test_date_values(value, start, end):
    assert tree(f"date:{value}") == Fact("date", (start, end))


@pytest.mark.parametrize("text, part, message", [
    ("foo:bar", "foo:bar", "foo: is not a field"),
    ("rating:x", "rating:x", "is not a rating"),
    ("rating:7", "rating:7", "outside the ratings"),
    ("date:2024-02-30", "date:2024-02-30", "is not a date"),
    ("date:..", "date:..", "no date on either side"),
    ("date:2025..2024", "date:2025..2024", "ends before it starts"),
    ("person:", "person:", "needs a value"),
    ('person:"', 'person:"', "never closed"),
    ("person:---", "person:---", "no letters or digits"),
    ("(a", "(", "never closed"),
    ("a)", ")", "closes no ("),
    ("()", "(", "nothing to search inside"),
    ("OR a", "OR", "both sides"),
    ("a OR", "OR", "both sides"),
    ("-(", "(", "never closed"),
    ("a NOT", "NOT", "needs something after it"),
    ('"', '"', "never closed"),
    ("§", "§", "no letters or digits"),
])
def test_problems_point_at_their_part(text, part, message):
    query = search.parse(text, today=TODAY)
    assert any(text[p.start:p.end] == part and message in p.message for p in query.problems), \
        query.problems


def test_strict_parsing_raises_query_error_with_a_pointer():
    with pytest.raises(QueryError) as caught:
        search.parse("xuan rating:9", strict=True)
    assert "rating:9" in str(caught.value) and "     ^^^^^^^^" in str(caught.value)
    assert caught.value.problems


def test_limits_keep_huge_input_answerable():
    deep = "(" * 400 + "a" + ")" * 400
    query = search.parse(deep)
    assert any("more than 16 parentheses" in p.message for p in query.problems)
    many = " ".join(f"w{i}" for i in range(500))
    query = search.parse(many)
    assert len(query.tree.children) == MAX_CLAUSES
    assert any(f"first {MAX_CLAUSES}" in p.message for p in query.problems)
    long = "x" * 5000
    assert any("first 1000 characters" in p.message for p in search.parse(long).problems)
    assert search.parse("-" * 900 + "a").tree == Text(("a",))  # an even number of minuses


FRAGMENTS = st.sampled_from([
    "person:", "date:", "rating:", "has:", "label:", "pick:", "status:", "folder:", "file:",
    "indexed:", '"', "(", ")", "-", "OR", "AND", "NOT", " ", "..", "2024", "-7d", ">=", "xuân",
    "Đồng", "a", "foo:", ":", "*", "^", "{", "}", "NEAR", "\ue000", "\x00", "𞤀", "_", "'",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(FRAGMENTS, st.text(max_size=3))).map("".join)))
def test_the_parser_raises_nothing_but_its_own_error(text):
    query = search.parse(text)  # lenient: never raises
    assert query.text == text
    for problem in query.problems:
        assert 0 <= problem.start <= problem.end <= len(text)
    try:
        search.parse(text, strict=True)
    except QueryError:
        pass
    search.plan(query)  # and every tree compiles


_CATALOG = {}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=4))).map("".join))
def test_any_text_searches_without_error(tmp_path_factory, text):
    from photodesk.core.catalog import Catalog
    from photodesk.core.edit import edit_photos
    if "cat" not in _CATALOG:
        cat = _CATALOG["cat"] = Catalog(tmp_path_factory.mktemp("hyp") / "c.sqlite")
        pid = cat.db["photos"].insert({**stored_at(cat, "/p/x.jpg"), "name": "x.jpg", "status": "present",
                                       "taken_at": "2024-02-28T10:00:00"}).last_pk
        edit_photos(cat, [pid], caption='NEAR("a" b) * - AND OR NOT xuân', people=["Xuân"])
    cat = _CATALOG["cat"]
    for sort in search.SORTS:
        search.run(cat, text, sort=sort)
    search.facets(cat, text)
