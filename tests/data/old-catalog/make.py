"""Makes catalog-m008.sqlite: a desk's catalog as PhotoDesk wrote it before roots (schema
m008, commit e43c2a9), to test that an upgrade keeps everything. Run it with that commit's
code on the path (PYTHONPATH=<checkout of e43c2a9>); the photos were at /srv/old-desk/Photos."""

import shutil
import sys
from pathlib import Path

from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from photodesk.core.search.saved import save_search

FOLDER = Path("/srv/old-desk/Photos")
HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    sample = Path(sys.argv[1])  # resources/sample of that commit
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    shutil.copytree(sample, FOLDER / "2024" / "lao-cai", ignore=shutil.ignore_patterns("generate.py"))
    out = HERE / "catalog-m008.sqlite"
    out.unlink(missing_ok=True)
    cat = Catalog(out, backups=False)
    list(index_paths(cat, [FOLDER], workers=1))
    ids = [p["id"] for p in catalog.photos(cat, list(range(1, 100)))]
    first = ids[0]
    edit_photos(cat, [first], caption="Chú thích của biên tập viên", rating=4,
                people=["Võ Thị Ánh Xuân"], event="Hội nghị thi đua 2024",
                keywords=["thi đua", "Lào Cai"], pick=1)
    save_search(cat, "Ánh Xuân", 'person:"Võ Thị Ánh Xuân"')
    cat.db.execute("VACUUM")
    cat.close()
    for extra in (out.with_name(out.name + "-wal"), out.with_name(out.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.rmtree(out.with_suffix(".thumbs"), ignore_errors=True)
    print(out, "made from", len(ids), "photos")
