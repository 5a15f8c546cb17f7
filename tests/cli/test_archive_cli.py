"""photodesk archive init and copy, on a real PostgreSQL server: what was done is said, a desk's
catalog goes in and comes back with the same photos; faults are one line, not a traceback."""

from click.testing import CliRunner

from photodesk.cli import main
from tests.conftest import make_scene


def invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_init_then_copy_in_and_out(tmp_path, pg_url):
    result = invoke("archive", "init", pg_url)
    assert result.exit_code == 0, result.output
    assert "created 19 tables" in result.output
    assert "the archive is ready" in result.output
    again = invoke("archive", "init", pg_url)
    assert again.exit_code == 1 and "already holds a PhotoDesk archive" in again.output

    for i in range(3):
        make_scene(tmp_path / "photos" / f"DSC_{i}.jpg", seed=i, size=(300, 200))
    desk = tmp_path / "desk.sqlite"
    assert invoke("--catalog", desk, "index", tmp_path / "photos").exit_code == 0
    assert invoke("--catalog", desk, "edit", "--caption", "Lũ ở Đắk Lắk",
                  tmp_path / "photos" / "DSC_1.jpg").exit_code == 0
    result = invoke("archive", "copy", desk, pg_url)
    assert result.exit_code == 0, result.output
    assert "photos: 3" in result.output

    back = tmp_path / "back.sqlite"
    result = invoke("archive", "copy", pg_url, back)
    assert result.exit_code == 0, result.output
    found = invoke("--catalog", back, "search", "dak lak")
    assert found.exit_code == 0 and "DSC_1.jpg" in found.output
    assert "DSC_0.jpg" not in found.output


def test_faults_are_one_line(tmp_path):
    result = invoke("archive", "init", "postgresql://desk:secret@127.0.0.1:9/archive")
    assert result.exit_code == 1
    assert "cannot reach the archive at postgresql://desk:***@127.0.0.1:9/archive" in result.output
    assert "secret" not in result.output and "Traceback" not in result.output
    result = invoke("archive", "init", str(tmp_path / "x.sqlite"))
    assert result.exit_code == 1 and "postgresql://user@host/database" in result.output


def test_every_command_on_the_archive(tmp_path, pg_url, pg_server):
    """A desk pointed at the archive: index, search (with facets), show, stats, articles, edit;
    a reader may search but not edit; checks and backups are the server's; one line each."""
    import psycopg

    from tests.core.test_archive_catalog import _newsroom
    assert invoke("archive", "init", pg_url).exit_code == 0
    folder = _newsroom(tmp_path)

    def on_archive(*args, url=pg_url):
        return invoke("--catalog", url, *args)

    result = on_archive("index", folder)
    assert result.exit_code == 0, result.output
    assert "7 new" in result.output
    result = on_archive("search", "--facets", "hoa son")
    assert result.exit_code == 0, result.output
    assert "DSC_0412.jpg" in result.output and "status: present" in result.output
    assert on_archive("article", "list").output.count("7/7 linked") == 1
    assert "catalog: postgresql://" in on_archive("stats").output
    result = on_archive("edit", "--caption", "Đêm hội Hòa Sơn", folder / "DSC_0412.jpg")
    assert result.exit_code == 0, result.output
    found = on_archive("search", "dem hoi")
    assert "DSC_0412.jpg" in found.output and "1 of 1 shown" in found.output
    result = on_archive("catalog", "backup")
    assert result.exit_code == 1 and "pg_dump" in result.output

    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS staff_reader")
        admin.execute("CREATE ROLE staff_reader LOGIN IN ROLE photodesk_reader")
    reader = pg_url.replace("postgres@", "staff_reader@")
    assert "DSC_0412.jpg" in on_archive("search", "dem hoi", url=reader).output
    result = on_archive("edit", "--caption", "x", folder / "DSC_0412.jpg", url=reader)
    assert result.exit_code == 1
    assert "your role may only read the archive" in result.output
    assert "Traceback" not in result.output
    assert "Đêm hội" in on_archive("show", folder / "DSC_0412.jpg").output
