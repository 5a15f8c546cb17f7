"""The pre-flight report an editor sees before a write or an export: what will be cut, what is
missing, where a file's own blocks disagree, and which files will get a sidecar instead."""

from dataclasses import asdict, dataclass, field
from pathlib import Path

from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.fields import BY_NAME
from photodesk.core.metadata.sources import disagreements
from photodesk.core.metadata.values import WRITABLE, catalog_values, iim_date_ok, iim_values
from photodesk.core.metadata.write import Listings, fields_to_write, plan_file

WARNING, ERROR = "warning", "error"
KINDS = {  # each kind of issue as the summary counts it (photos with it)
    "unwritable": "cannot be written", "missing_credit": "without credit",
    "missing_copyright": "without copyright", "iim_limit": "cut to IIM limits",
    "partial_date": "with a partial date", "disagree": "whose blocks disagree",
    "sidecar": "will get a sidecar", "nothing_to_write": "with nothing to write"}


@dataclass(frozen=True)
class Issue:
    kind: str          # one of KINDS
    message: str
    photo_id: int | None = None
    path: str = ""
    field: str | None = None
    severity: str = WARNING


@dataclass
class Report:
    photos: int
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]

    def of_kind(self, kind: str) -> list[Issue]:
        return [i for i in self.issues if i.kind == kind]

    def counts(self) -> dict[str, int]:
        """Photos with each kind of issue, in the order of KINDS."""
        found = {kind: len({(i.photo_id, i.path) for i in self.of_kind(kind)})
                 for kind in KINDS}
        return {kind: n for kind, n in found.items() if n}

    def summary(self) -> str:
        """One line however many photos: the counts by kind."""
        if not self.issues:
            return f"Pre-flight: {self.photos} photos, nothing to report."
        counted = ", ".join(f"{n} {KINDS[kind]}" for kind, n in self.counts().items())
        return (f"Pre-flight: {self.photos} photos, {len(self.errors)} errors, "
                f"{len(self.warnings)} warnings. Photos: {counted}.")

    def lines(self, verbose: bool = False) -> list[str]:
        """The summary, and with verbose one line per issue."""
        out = [self.summary()]
        for i in self.issues if verbose else ():
            where = Path(i.path).name if i.path else "all"
            out.append(f"  {i.severity}: {where}: {i.message}")
        return out

    def as_dict(self) -> dict:
        return {"photos": self.photos, "issues": [asdict(i) for i in self.issues]}


def preflight_write(cat: Catalog, photo_ids, *, fields=None, sidecar: bool = False,
                    damaged_exif: str = "embed") -> Report:
    """Checks before writing these photos' fields to their files (reads each file once). Where
    each photo will go is what the write will do: the embedded write is made and proved in
    memory (write.plan_file), nothing is written."""
    ids = list(photo_ids)
    report = Report(len(ids))
    listings = Listings()
    for pid in ids:
        row = catalog.photos.photo(cat, pid)
        if row is None:
            report.issues.append(Issue("unwritable", f"no photo {pid} in the catalog", pid,
                                       severity=ERROR))
            continue
        names = fields_to_write(row, fields)
        if not names and not sidecar:
            report.issues.append(Issue("nothing_to_write", "no field was changed since the "
                                       "last write", pid, row["path"]))
            continue
        report.issues += _value_issues(row, names)
        report.issues += _file_issues(row, catalog_values(row, names), sidecar, damaged_exif,
                                      listings)
    return report


def preflight_export(cat: Catalog, photo_ids, *, iim: bool = True) -> Report:
    """Checks before exporting these photos: missing credit or copyright, and IIM cuts when
    the export embeds IIM (JPEG copies)."""
    ids = list(photo_ids)
    report = Report(len(ids))
    for row in catalog.photos.photos(cat, ids):
        names = [f.name for f in WRITABLE] if iim else []
        report.issues += _value_issues(row, names)
    return report


def _value_issues(row: dict, names: list[str]) -> list[Issue]:
    pid, path = row["id"], row["path"]
    issues = []
    for name, kind in (("credit", "missing_credit"), ("copyright", "missing_copyright")):
        if not row.get(name):
            issues.append(Issue(kind, f"no {BY_NAME[name].label.lower()}", pid, path, name))
    values = catalog_values(row, names)
    _, cuts = iim_values(values)
    issues += [Issue("iim_limit", c.message, pid, path, c.field) for c in cuts]
    if "date_created" in values and not iim_date_ok(values["date_created"]):
        issues.append(Issue("partial_date", f"date created {values['date_created']!r} is not a "
                            "full date: IIM gets none, XMP gets it as it is", pid, path,
                            "date_created"))
    return issues


def _file_issues(row: dict, values: dict, sidecar: bool, damaged_exif: str,
                 listings: Listings) -> list[Issue]:
    pid, path = row["id"], row["path"]
    if row.get("status") == "missing":
        return [Issue("unwritable", "the file is missing", pid, path, severity=ERROR)]
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [Issue("unwritable", f"cannot read the file: {exc.strerror or exc}", pid, path,
                      severity=ERROR)]
    issues = [Issue("disagree", f"{BY_NAME[d.field].label}: {d.describe()}", pid, path, d.field)
              for d in disagreements(data)]
    plan = plan_file(Path(path), data, values, sidecar=sidecar, damaged_exif=damaged_exif,
                     names=listings(path))
    if plan.target == "none":
        issues.append(Issue("unwritable", plan.reason, pid, path, severity=ERROR))
    elif plan.target == "sidecar" and not sidecar:
        issues.append(Issue("sidecar", f"will get a sidecar ({plan.sidecar.name}) instead: "
                            f"{plan.reason}", pid, path))
    return issues
