"""photodesk search: the query language, pages, facets and saved searches from the shell."""

import json

import pytest
from click.testing import CliRunner

from photodesk.cli import main
from tests.core.test_query_catalog import build


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-desk")
    build(folder).close()
    return folder


def invoke(desk, *args):
    return CliRunner().invoke(main, ["--catalog", str(desk / "catalog.sqlite"), *map(str, args)])


def listed(result) -> list[str]:
    return [line.split()[-1].rsplit("/", 1)[-1] for line in result.stdout.splitlines()
            if line[:6].strip().isdigit()]


def test_fields_and_operators_from_the_shell(desk):
    result = invoke(desk, "search", 'person:"vo thi anh xuan"', "-has:gps")
    assert result.exit_code == 0, result.output
    assert listed(result) == ["b.jpg"]
    assert "present" in result.stdout and "Võ Thị Ánh Xuân tặng ảnh" in result.stdout
    assert "1 of 1 shown" in result.stderr
    result = invoke(desk, "search", "date:2024-01..2024-03", "rating:>=2", "--sort", "rating")
    assert listed(result) == ["a.jpg", "b.jpg"]


def test_json_is_still_a_list_of_photo_rows(desk):
    rows = json.loads(invoke(desk, "search", "--json", "trinh xuan").stdout)
    assert {r["name"] for r in rows} == {"a.jpg", "IMG_6193.jpeg"}
    assert rows[0]["people"] and "edited" not in rows[0]


def test_pages_follow_the_cursor(desk):
    first = invoke(desk, "search", "--limit", "4")
    assert len(listed(first)) == 4 and "4 of 6 shown" in first.stderr
    cursor = first.stderr.split("--after ")[1].split()[0]
    second = invoke(desk, "search", "--limit", "4", "--after", cursor)
    assert len(listed(second)) == 2 and "--after" not in second.stderr
    assert not set(listed(first)) & set(listed(second))
    bad = invoke(desk, "search", "--after", "garbage!")
    assert bad.exit_code == 2 and "not a page cursor" in bad.output


def test_a_malformed_part_warns_and_the_rest_searches(desk):
    result = invoke(desk, "search", "foo:bar", "sa")
    assert result.exit_code == 0
    assert listed(result) == ["c.jpg"]
    assert "warning: foo: is not a field" in result.stderr
    assert "foo:bar sa\n    ^^^^^^^" in result.stderr


def test_facets_are_counted_for_the_result(desk):
    result = invoke(desk, "search", "--facets", "xuan")
    assert result.exit_code == 0, result.output
    assert "person: Trịnh Xuân Trường (2); Võ Thị Ánh Xuân (2)" in result.stdout
    assert "year: 2024 (3)" in result.stdout
    data = json.loads(invoke(desk, "search", "--facets", "--json", "xuan").stdout)
    assert data["total"] == 3 and len(data["photos"]) == 3 and data["facets"]["exact"]
    people = {v["value"]: v for v in data["facets"]["groups"]["person"]}
    assert people["Võ Thị Ánh Xuân"]["clause"] == 'person:"Võ Thị Ánh Xuân"'


def test_saved_searches_from_the_shell(desk):
    saved = invoke(desk, "search", "--save", "Phó Chủ tịch", 'person:"vo thi anh xuan"')
    assert saved.exit_code == 0 and "Saved search Phó Chủ tịch" in saved.stderr
    refused = invoke(desk, "search", "--save", "Broken", "rating:9")
    assert refused.exit_code == 2 and "rating:9" in refused.output
    listing = invoke(desk, "search", "--list-saved")
    assert listing.stdout == 'Phó Chủ tịch\tperson:"vo thi anh xuan"\n'
    assert listed(invoke(desk, "search", "--saved", "Phó Chủ tịch")) == ["a.jpg", "b.jpg"]
    assert listed(invoke(desk, "search", "--saved", "pho chu tich", "tang")) == ["b.jpg"]
    assert json.loads(invoke(desk, "search", "--list-saved", "--json").stdout)[0]["sort"] == "taken"
    unknown = invoke(desk, "search", "--saved", "Nobody")
    assert unknown.exit_code == 2 and "no saved search named 'Nobody'" in unknown.output
    assert invoke(desk, "search", "--delete-saved", "Phó Chủ tịch").exit_code == 0
    assert invoke(desk, "search", "--list-saved").stdout == ""


def test_the_syntax_is_explained(desk):
    result = invoke(desk, "search", "--syntax")
    assert result.exit_code == 0
    for field in ("person:", "date:", "rating:>=3", "-has:caption", "OR"):
        assert field in result.stdout


def test_minus_words_are_query_words_not_options(desk):
    result = invoke(desk, "search", "-has:people", "--json", "-status:missing", "--limit", "9")
    assert result.exit_code == 0, result.output
    assert {r["name"] for r in json.loads(result.stdout)} == {"c.jpg", "d.jpg"}


def test_every_sort_runs_either_way_and_a_saved_search_keeps_it(desk):
    newest = listed(invoke(desk, "search"))
    assert len(newest) == 6
    assert listed(invoke(desk, "search", "--ascending")) == newest[::-1]
    assert listed(invoke(desk, "search", "--sort", "taken", "--descending")) == newest
    by_name = listed(invoke(desk, "search", "--sort", "name"))
    assert listed(invoke(desk, "search", "--sort", "name", "--descending")) == by_name[::-1]
    first = invoke(desk, "search", "--ascending", "--limit", "4")
    cursor = first.stderr.split("--after ")[1].split()[0]
    second = invoke(desk, "search", "--ascending", "--limit", "4", "--after", cursor)
    assert listed(first) + listed(second) == newest[::-1]
    wrong = invoke(desk, "search", "--limit", "4", "--after", cursor)
    assert wrong.exit_code == 2 and "sorted by taken ascending, not descending" in wrong.output
    refused = invoke(desk, "search", "xuan", "--sort", "relevance", "--ascending")
    assert refused.exit_code == 2 and "relevance runs one way only" in refused.output
    saved = invoke(desk, "search", "--save", "Cũ trước", "--ascending", "xuan")
    assert saved.exit_code == 0, saved.output
    assert invoke(desk, "search", "--list-saved").stdout == (
        "Cũ trước\txuan\t(sorted by date taken, oldest first)\n")
    assert json.loads(invoke(desk, "search", "--list-saved", "--json").stdout)[0][
        "descending"] is False
    oldest = listed(invoke(desk, "search", "--saved", "Cũ trước"))
    assert oldest == [n for n in newest[::-1] if n in oldest] and len(oldest) == 3
    assert listed(invoke(desk, "search", "--saved", "Cũ trước", "--descending")) == oldest[::-1]
    assert invoke(desk, "search", "--delete-saved", "Cũ trước").exit_code == 0
