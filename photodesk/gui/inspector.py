"""Inspector: a large preview of the current photo and everything the catalog knows of it."""

from PySide6.QtCore import QRect, QSize, Qt, QThreadPool
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (QGridLayout, QLabel, QScrollArea, QSizePolicy, QSplitter,
                               QVBoxLayout, QWidget)

from photodesk.core.thumbs import thumb_path
from photodesk.gui.facts import facts
from photodesk.gui.style import COLORS
from photodesk.gui.tasks import ImageLoad, Relay

PREVIEW_SIZE = 1024


class PreviewView(QWidget):
    """Draws one pixmap fitted to the widget, centred on the dark background."""

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
    """Read-only for now: the fields are labels; editing comes later."""

    def __init__(self, thumbs_dir, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self._thumbs_dir = thumbs_dir
        self._photo: dict | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.image.connect(self._on_preview)
        self.preview = PreviewView()
        self.addWidget(self.preview)
        self.addWidget(self._details())
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.show_photo(None)

    def _details(self) -> QScrollArea:
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(14, 10, 14, 14)
        self.name = self._label("fileName")
        self.path = self._label("fieldLabel")
        self.status = self._label("status")
        self.empty = self._label("empty")
        self.empty.setText(self.tr("No photo selected"))
        for w in (self.name, self.path, self.status, self.empty):
            outer.addWidget(w)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(5)
        grid.setColumnStretch(1, 1)
        self._values: dict[str, tuple[QLabel, QLabel]] = {}
        self._sections: list[tuple[QLabel, list[str]]] = []
        for title, fields in self._layout():
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
        outer.addLayout(grid)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll

    def _layout(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (self.tr("Description"), [
                ("headline", self.tr("Headline")), ("caption", self.tr("Caption")),
                ("people", self.tr("People shown")), ("event", self.tr("Event")),
                ("keywords", self.tr("Keywords")), ("place", self.tr("Place")),
                ("date_created", self.tr("Date created")), ("articles", self.tr("Articles")),
            ]),
            (self.tr("Rights"), [
                ("creator", self.tr("Creator")), ("credit", self.tr("Credit")),
                ("source", self.tr("Source")), ("copyright", self.tr("Copyright")),
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

    def show_photo(self, row: dict | None, stand_in: QPixmap | None = None) -> None:
        """Show row (a catalog photo dict); stand_in is drawn until the large preview loads."""
        same = row is not None and self._photo is not None and row["id"] == self._photo["id"]
        same_image = same and row.get("hash") == self._photo.get("hash")
        self._photo = row
        self.empty.setVisible(row is None)
        self.name.setVisible(row is not None)
        self.path.setVisible(row is not None)
        values = facts(row) if row else {}
        for key, (label, value) in self._values.items():
            text = values.get(key) or ""
            value.setText(text)
            label.setVisible(bool(text))
            value.setVisible(bool(text))
        for heading, keys in self._sections:
            heading.setVisible(any(values.get(k) for k in keys))
        if row is None:
            self.status.hide()
            self.preview.set_pixmap(None)
            return
        self.name.setText(row["name"])
        self.path.setText(row["path"])
        self._show_status(row)
        if not same_image:
            self.preview.set_pixmap(stand_in)
            self._load_preview(row)

    def _show_status(self, row: dict) -> None:
        status, reason = row.get("status"), row.get("status_reason")
        if status == "missing":
            text = self.tr("Missing file")
        elif status == "unreadable":
            text = self.tr("Unreadable")
        else:
            self.status.hide()
            return
        self.status.setText(f"{text}: {reason}" if reason else text)
        self.status.show()

    def text_of(self, key: str) -> str:
        """The text shown for a field (tests and accessibility read it)."""
        return self._values[key][1].text()

    def _load_preview(self, row: dict) -> None:
        if not row.get("hash"):
            return
        path = str(thumb_path(self._thumbs_dir, row["hash"], PREVIEW_SIZE))
        self._pool.clear()  # a preview nobody waits for any more need not be read
        self._pool.start(ImageLoad(self._relay, (row["id"], row["hash"]), path))

    def _on_preview(self, key, image) -> None:
        if self._photo is None or key != (self._photo["id"], self._photo.get("hash")):
            return
        if not image.isNull():
            self.preview.set_pixmap(QPixmap.fromImage(image))

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()
