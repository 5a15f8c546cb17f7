"""Inspector: a large preview of the current photo, its editable description and rights, its
articles (with caption conflicts to settle) and the camera facts. Edits go to the selection."""

from PySide6.QtCore import QRect, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget)

from photodesk.core.catalog import Location
from photodesk.core.catalog.articles import caption_kept
from photodesk.core.thumbs import thumb_path
from photodesk.gui.views.conflict import caption_conflict
from photodesk.gui.views.editors import CaptionField, LineField, common
from photodesk.gui.models.facts import facts
from photodesk.gui.models.queries import photo_extras
from photodesk.gui.style import COLORS
from photodesk.gui.views.tags import TagEditor
from photodesk.gui.workers.tasks import CatalogQuery, ImageLoad, Relay, source_of

PREVIEW_SIZE = 1024
LINES = ("headline", "creator", "credit", "copyright")


class PreviewView(QWidget):
    """Draws one pixmap fitted to the widget, centred on the dark background."""

    doubleClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 300)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self.update()

    def pixmap(self) -> QPixmap | None:
        return self._pixmap

    def mouseDoubleClickEvent(self, event) -> None:
        self.doubleClicked.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(COLORS["grid"]))
        if self._pixmap is None or self._pixmap.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        box = self.rect().adjusted(12, 12, -12, -12)
        size = self._pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(box.center())
        painter.drawPixmap(target, self._pixmap)


class Inspector(QSplitter):
    """Shows the current photo; every edit made here applies to the whole selection."""

    articleRequested = Signal(int)
    originalRequested = Signal(int)  # the original of a photo marked as a copy: its id
    loupeRequested = Signal()

    def __init__(self, thumbs_dir, location: Location, editor, selection, parent=None):
        """editor is the window's Editor; selection() returns the selected photo ids."""
        super().__init__(Qt.Orientation.Vertical, parent)
        self._thumbs_dir, self._location = thumbs_dir, location
        self._editor, self._selection = editor, selection
        self._photo: dict | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.image.connect(self._on_preview)
        self._relay.result.connect(self._on_extras)
        self.preview = PreviewView()
        self.preview.doubleClicked.connect(self.loupeRequested)
        self.addWidget(self.preview)
        self.addWidget(self._details())
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setChildrenCollapsible(False)
        self.show_photo(None)

    # --- building ----------------------------------------------------------------------------

    def _details(self) -> QScrollArea:
        body = QWidget()
        body.setObjectName("inspectorBody")
        self._outer = QVBoxLayout(body)
        self._outer.setContentsMargins(14, 10, 14, 14)
        self._outer.setSpacing(4)
        self.name = self._label("fileName")
        self.path = self._label("fieldLabel")
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = self._label("status")
        self.selection_note = self._label("note")
        self.empty = self._label("empty", self.tr("No photo selected"))
        self.articles = self._label("articles")
        self.articles.linkActivated.connect(lambda href: self.articleRequested.emit(int(href)))
        self.original = self._label("articles")
        self.original.linkActivated.connect(lambda href: self.originalRequested.emit(int(href)))
        self.conflicts = QVBoxLayout()
        for w in (self.name, self.path, self.status, self.selection_note, self.empty,
                  self.articles, self.original):
            self._outer.addWidget(w)
        self._outer.addLayout(self.conflicts)
        self._build_editors()
        self._build_facts()
        self._outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll

    def _build_editors(self) -> None:
        self.editing = QWidget()
        box = QVBoxLayout(self.editing)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        self.lines = {key: LineField() for key in LINES}
        self.caption = CaptionField()
        self.people = TagEditor("person")
        self.event = TagEditor("event")
        self.keywords = TagEditor("keyword")
        box.addWidget(self._label("sectionTitle", self.tr("Description").upper()))
        for title, widget in ((self.tr("Headline"), self.lines["headline"]),
                              (self.tr("Caption"), self.caption),
                              (self.tr("People shown"), self.people),
                              (self.tr("Event"), self.event),
                              (self.tr("Keywords"), self.keywords)):
            box.addWidget(self._label("editLabel", title))
            box.addWidget(widget)
        box.addWidget(self._label("sectionTitle", self.tr("Rights").upper()))
        for key, title in (("creator", self.tr("Creator")), ("credit", self.tr("Credit")),
                           ("copyright", self.tr("Copyright"))):
            box.addWidget(self._label("editLabel", title))
            box.addWidget(self.lines[key])
        self._outer.addWidget(self.editing)
        self._connect_editors()

    def set_read_only(self, read_only: bool) -> None:
        """Grey the editing parts (an archive's reader may not edit)."""
        self.editing.setEnabled(not read_only)
        self.editing.setToolTip(self.tr("Your role on the archive may not edit.")
                                if read_only else "")

    def _connect_editors(self) -> None:
        for key, line in self.lines.items():
            line.committed.connect(lambda text, k=key: self._edit({k: text or None}))
        self.caption.committed.connect(lambda text: self._edit({"caption": text or None}))
        for editor, field in ((self.people, "people"), (self.keywords, "keywords")):
            editor.added.connect(lambda name, extra, f=field: self._tag(f, name, extra))
            editor.removed.connect(lambda name, f=field: self._untag(f, name))
        self.event.added.connect(self._set_event)
        self.event.removed.connect(lambda _name: self._edit({"event": None},
                                                            self.tr("Clear event")))
        self.people.suggestionDecided.connect(lambda i, ok: self._decide("person", i, ok))
        self.event.suggestionDecided.connect(lambda i, ok: self._decide("event", i, ok))

    def _build_facts(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(5)
        grid.setColumnStretch(1, 1)
        self._values: dict[str, tuple[QLabel, QLabel]] = {}
        self._sections: list[tuple[QLabel, list[str]]] = []
        for title, fields in self._facts_layout():
            heading = self._label("sectionTitle", title.upper())
            grid.addWidget(heading, grid.rowCount(), 0, 1, 2)
            self._sections.append((heading, [key for key, _ in fields]))
            for key, text in fields:
                row = grid.rowCount()
                label = self._label("fieldLabel", text)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = self._label("fieldValue")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, 0)
                grid.addWidget(value, row, 1)
                self._values[key] = (label, value)
        self._outer.addLayout(grid)

    def _facts_layout(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (self.tr("Place and date"), [
                ("place", self.tr("Place")), ("date_created", self.tr("Date created")),
                ("source", self.tr("Source")),
            ]),
            (self.tr("Camera"), [
                ("camera", self.tr("Camera")), ("lens", self.tr("Lens")),
                ("exposure", self.tr("Shutter speed")), ("aperture", self.tr("Aperture")),
                ("iso", self.tr("ISO")), ("focal_length", self.tr("Focal length")),
                ("taken_at", self.tr("Taken at")), ("size", self.tr("Size")),
                ("gps", self.tr("GPS")),
            ]),
            (self.tr("File"), [("warnings", self.tr("Warnings"))]),
        ]

    @staticmethod
    def _label(name: str, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    # --- showing a photo -------------------------------------------------------------------

    def photo_id(self) -> int | None:
        return self._photo["id"] if self._photo else None

    def set_registry(self, data: dict) -> None:
        self.people.set_entries(data.get("people", []))
        self.event.set_entries(data.get("events", []))
        self.keywords.set_entries([{"name": k} for k in data.get("keywords", [])])

    def show_photo(self, row: dict | None, stand_in: QPixmap | None = None,
                   selected: list[dict] | None = None, count: int = 1) -> None:
        """Show row (a catalog photo dict); selected are the known rows of a selection of count
        photos, whose shared values the editors show. stand_in is drawn until the preview loads."""
        same = row is not None and self._photo is not None and row["id"] == self._photo["id"]
        same_image = same and row.get("hash") == self._photo.get("hash")
        self._photo = row
        for w in (self.name, self.path, self.editing):
            w.setVisible(row is not None)
        self.empty.setVisible(row is None)
        self._show_facts(facts(row) if row else {})
        self._show_selection(row, selected or ([row] if row else []), count)
        if not same:
            self.original.hide()  # until the extras say which photo it is a copy of
        if row is None:
            self.status.hide()
            self.articles.hide()
            self._show_conflicts(None)
            self.preview.set_pixmap(None)
            return
        self.name.setText(row["name"])
        self.path.setText(row["path"])
        self._show_status(row)
        self._show_articles(row)
        if not same_image:
            self.preview.set_pixmap(stand_in)
            self._load_preview(row)
        if not same:
            self.people.set_suggestions([])
            self.event.set_suggestions([])
        self._pool.start(CatalogQuery(self._relay, ("extras", row["id"]), self._location,
                                      photo_extras, row["id"], row.get("copy_of")))

    def _show_selection(self, row, rows: list[dict], count: int) -> None:
        self.selection_note.setVisible(count > 1)
        self.selection_note.setText(self.tr("%n photos selected: edits apply to all of them.",
                                            "", count))
        if row is None:
            return
        for key, line in self.lines.items():
            line.show_value(common(rows, key))
        self.caption.show_value(common(rows, "caption"))
        self.people.set_tags(row.get("people") or [])
        self.event.set_tags([row["event"]] if row.get("event") else [])
        self.keywords.set_tags(row.get("keywords") or [])

    def _show_facts(self, values: dict) -> None:
        for key, (label, value) in self._values.items():
            text = values.get(key) or ""
            value.setText(text)
            label.setVisible(bool(text))
            value.setVisible(bool(text))
        for heading, keys in self._sections:
            heading.setVisible(any(values.get(k) for k in keys))

    def _show_status(self, row: dict) -> None:
        status, reason = row.get("status"), row.get("status_reason")
        if status == "missing":
            text = self.tr("Missing file")
        elif status == "unreadable" and row.get("failure") == "passing":
            text = self.tr("Unreadable for now (read again at the next indexing)")
        elif status == "unreadable":
            text = self.tr("Unreadable")
        else:
            self.status.hide()
            return
        self.status.setText(f"{text}: {reason}" if reason else text)
        self.status.show()

    def _show_articles(self, row: dict) -> None:
        seen, links = set(), []
        for a in row.get("articles") or []:
            if a["id"] not in seen:
                seen.add(a["id"])
                links.append(f'<a href="{a["id"]}">{_escape(a.get("title") or a["path"])}</a>')
        self.articles.setText(self.tr("In the article %1").replace("%1", ", ".join(links))
                              if links else "")
        self.articles.setVisible(bool(links))
        self._show_conflicts(row)

    def _show_conflicts(self, row: dict | None) -> None:
        while self.conflicts.count():
            old = self.conflicts.takeAt(0).widget()
            old.hide()  # out of the layout now; hidden, or it lingers until deleted
            old.deleteLater()
        if row is None:
            return
        own = (row.get("caption") or "").strip()
        shown = set()
        for a in row.get("articles") or []:
            theirs = (a.get("caption") or "").strip()
            kept = self._editor.kept(row["id"], a["id"]) or caption_kept(a, row.get("caption"))
            if own and theirs and theirs != own and not kept and theirs not in shown:
                shown.add(theirs)
                self.conflicts.addWidget(self._conflict(row["id"], a, theirs))

    def _conflict(self, photo_id: int, article: dict, caption: str) -> QFrame:
        title = article.get("title") or article["path"]
        return caption_conflict(
            self._label("conflictTitle", self.tr(
                "The article “%1” captions this photo differently:").replace("%1", title)),
            self._label("conflictText", caption),
            self.tr("Use article caption"), self.tr("Keep this caption"),
            lambda: self._editor.edit([photo_id], {"caption": caption},
                                      self.tr("Use article caption")),
            lambda: self._editor.keep_caption(photo_id, article["id"]))

    def conflict_frames(self) -> list[QFrame]:
        return [self.conflicts.itemAt(i).widget() for i in range(self.conflicts.count())]

    def text_of(self, key: str) -> str:
        """The text shown for a field (tests and accessibility read it)."""
        if key in self.lines:
            return self.lines[key].text()
        if key == "caption":
            return self.caption.toPlainText()
        if key in ("people", "keywords"):
            return "; ".join(getattr(self, key).tags())
        if key == "event":
            return "; ".join(self.event.tags())
        return self._values[key][1].text()

    # --- edits -------------------------------------------------------------------------------

    def _ids(self) -> list[int]:
        return self._selection() or ([self._photo["id"]] if self._photo else [])

    def _edit(self, changes: dict, text: str | None = None) -> None:
        field = next(iter(changes))
        ids = self._ids()
        # One photo shown: the edit is of the version shown, and another desk's change since
        # then is a conflict to settle (a selection's edit applies to each as it is).
        versions = None
        if self._photo and ids == [self._photo["id"]] and self._photo.get("version"):
            versions = {self._photo["id"]: self._photo["version"]}
        self._editor.edit(ids, changes, text or self.tr("Edit %1").replace(
            "%1", self._field_name(field).lower()), versions=versions)

    def _field_name(self, field: str) -> str:
        return {"headline": self.tr("Headline"), "caption": self.tr("Caption"),
                "creator": self.tr("Creator"), "credit": self.tr("Credit"),
                "copyright": self.tr("Copyright"), "event": self.tr("Event")}.get(field, field)

    def _tag(self, field: str, name: str, extra) -> None:
        new = (name, extra or None) if field == "people" and extra is not None else None
        text = (self.tr("Tag %1") if field == "people" else self.tr("Add keyword %1"))
        self._editor.tag(self._ids(), field, add=[name], text=text.replace("%1", name),
                         new_person=new)

    def _untag(self, field: str, name: str) -> None:
        text = self.tr("Untag %1") if field == "people" else self.tr("Remove keyword %1")
        self._editor.tag(self._ids(), field, remove=[name], text=text.replace("%1", name))

    def _set_event(self, name: str, extra) -> None:
        new = (name, *extra) if extra is not None else None
        self._editor.edit(self._ids(), {"event": name},
                          self.tr("Set event %1").replace("%1", name), new_event=new)

    def _decide(self, kind: str, target_id: int, accept: bool) -> None:
        text = self.tr("Accept suggestion") if accept else self.tr("Reject suggestion")
        self._editor.decide(self._ids(), kind, target_id, accept, text)

    # --- results from workers ------------------------------------------------------------------

    def _on_extras(self, token, value) -> None:
        if isinstance(value, Exception) or self._photo is None or token[1] != self._photo["id"]:
            return
        suggestions = value["suggestions"]
        self.people.set_suggestions(suggestions["people"])
        self.event.set_suggestions(suggestions["events"])
        original = value.get("original")
        if original:
            link = f'<a href="{original["id"]}">{_escape(original["name"])}</a>'
            self.original.setText(self.tr("Copy of %1").replace("%1", link))
        self.original.setVisible(bool(original))

    def _load_preview(self, row: dict) -> None:
        if not row.get("hash"):
            return
        path = str(thumb_path(self._thumbs_dir, row["hash"], PREVIEW_SIZE))
        self._pool.clear()  # a preview nobody waits for any more need not be read
        self._pool.start(ImageLoad(self._relay, (row["id"], row["hash"]), path,
                                     source=source_of(row)))

    def _on_preview(self, key, image) -> None:
        if self._photo is None or key != (self._photo["id"], self._photo.get("hash")):
            return
        if not image.isNull():
            self.preview.set_pixmap(QPixmap.fromImage(image))

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
