"""Exporting caption sets: CSV, JSON, caption sheets, XMP sidecars, JPEG copies, HTML galleries.

Typical use: `p = plan(cat, of_article(cat, 3), "html", Options(template=...))`, show
`preflight_export(cat, ...)`, then `for event in run(p, folder): ...`. run() raises
ExportConflict before writing anything when files exist, unless overwrite=True.
"""

from photodesk.core.export.run import (
    FORMATS, ExportConflict, ExportError, Exported, Options, Plan, conflicts, plan, run,
)
from photodesk.core.export.selection import (
    Selection, SelectionError, of_article, of_event, of_photos, of_query,
)

__all__ = ["FORMATS", "ExportConflict", "ExportError", "Exported", "Options", "Plan",
           "Selection", "SelectionError", "conflicts", "of_article", "of_event", "of_photos",
           "of_query", "plan", "run"]
