"""ArticleView: an article as the reader saw it — its text with its photos inline at their places
and their captions under them; caption conflicts and ambiguous images settled in place."""

import os

from PySide6.QtCore import QRect, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from photodesk.core.catalog.articles import caption_kept
from photodesk.core.thumbs import thumb_path
from photodesk.gui.views.conflict import caption_conflict
from photodesk.gui.views.sidebar import _day
from photodesk.gui.style import COLORS
from photodesk.gui.workers.tasks import ImageLoad, Relay, source_of

COLUMN = 620  # the text column, about a newspaper page's measure
IMAGE_BOX = QSize(COLUMN, 460)
CANDIDATE_BOX = QSize(180, 140)
ACROSS = 2  # photos side by side at most, when they share a caption


class ClickableImage(QWidget):
    """A photo drawn at the column's width, its height following its shape; click selects it."""

    clicked = Signal()

    def __init__(self, row: dict, max_height: int, parent=None):
        super().__init__(parent)
        self.photo_id = row.get("id")
        self.highlighted = False
        self._pixmap: QPixmap | None = None
        width, height = row.get("width") or 3, row.get("height") or 2
        self._aspect = height / width  # known before the picture loads, so nothing jumps
        self._max_height = max_height
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(80)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(int(width * self._aspect), self._max_height)

    def sizeHint(self) -> QSize:
        return QSize(COLUMN, self.heightForWidth(COLUMN))

    def set_image(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._aspect = pixmap.height() / max(1, pixmap.width())
        self.updateGeometry()
        self.update()

    def has_image(self) -> bool:
        return self._pixmap is not None

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._pixmap is None:
            painter.fillRect(self.rect(), QColor("#dcd9d0"))
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(self.rect().center())
        painter.drawPixmap(target, self._pixmap)
        if self.highlighted:  # the photo selected in the grid
            painter.setPen(QPen(QColor(COLORS["accent"]), 4))
            painter.drawRect(target.adjusted(2, 2, -2, -2))

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()


class ArticleView(QWidget):
    """Shows queries.article_page(); the window reloads it after edits."""

    photoClicked = Signal(int)
    closed = Signal()

    def __init__(self, thumbs_dir, editor, parent=None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self._thumbs_dir, self._editor = thumbs_dir, editor
        self._article: dict | None = None
        self._highlighted: int | None = None
        self._images: dict[tuple, list[ClickableImage]] = {}
        self._pixmaps: dict[tuple, QPixmap] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = Relay(self)
        self._relay.image.connect(self._on_image)
        self.heading = QLabel()
        self.heading.setObjectName("paneTitle")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close the article"))
        close.setAutoRaise(True)
        close.clicked.connect(self.close_article)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 6, 6)
        bar.addWidget(self.heading, 1)
        bar.addWidget(close)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.heading.setText(self.tr("Article"))

    def article_id(self) -> int | None:
        return self._article["id"] if self._article else None

    def close_article(self) -> None:
        self._article = None
        self.hide()
        self.closed.emit()

    # --- building ----------------------------------------------------------------------------

    def show_article(self, article: dict) -> None:
        """Build the page; a reload of the same article keeps the reader's place."""
        same = self._article is not None and self._article["id"] == article["id"]
        keep = self.scroll.verticalScrollBar().value() if same else 0
        if not same:
            self._pixmaps.clear()  # another article: the last one's pictures are not needed
        self._article = article
        self._images = {}
        page = QWidget()
        page.setObjectName("articlePage")
        column = QVBoxLayout()
        column.setSpacing(10)
        self._header(column, article)
        images = article["images"]
        self._gallery(column, [i for i in images if (i["paragraph"] or 0) < 0])
        for n, text in enumerate(article["paragraphs"]):
            para = self._text("lede" if n == 0 else "paragraph", text)
            column.addWidget(para)
            self._gallery(column, [i for i in images if i["paragraph"] == n])
        placed = set(range(len(article["paragraphs"])))
        self._gallery(column, [i for i in images if (i["paragraph"] or 0) >= 0
                               and i["paragraph"] not in placed])
        for warning in article.get("warnings") or []:
            column.addWidget(self._text("muted", warning))
        column.addStretch(1)
        centre = QHBoxLayout(page)
        centre.setContentsMargins(24, 16, 24, 32)
        centre.addStretch(1)
        holder = QWidget()
        holder.setMaximumWidth(COLUMN)
        holder.setLayout(column)
        centre.addWidget(holder, 100)
        centre.addStretch(1)
        self.scroll.setWidget(page)
        self.scroll.verticalScrollBar().setValue(keep)
        for image in self.images():
            image.set_highlighted(image.photo_id is not None and
                                  image.photo_id == self._highlighted)
        self.heading.setText(self.tr("Article"))
        self.show()

    def _header(self, column: QVBoxLayout, article: dict) -> None:
        column.addWidget(self._text("articleTitle", article.get("title") or article["path"]))
        # The dateline opens the lede already; the file name tells the editor which file it is.
        meta = " · ".join(filter(None, (_day(article.get("published")),
                                        os.path.basename(article["path"]))))
        if meta:
            column.addWidget(self._text("muted", meta))
        event = article.get("event")
        if event:
            column.addWidget(self._text("muted", self.tr("Event: %1").replace(
                "%1", " · ".join(filter(None, (event["name"], _day(event.get("date")),
                                               event.get("place")))))))
        if article.get("people"):
            names = ", ".join(f"{p['name']} ({p['title']})" if p.get("title") else p["name"]
                              for p in article["people"])
            column.addWidget(self._text("muted", self.tr("People: %1").replace("%1", names)))
        if article.get("pending"):
            # One step for the whole story: each photo gets what the article suggested for
            # it (the people its caption names, the event), not every name on every photo.
            accept = QPushButton(self.tr("Confirm the article's %n suggestion(s)", "",
                                         article["pending"]))
            accept.setObjectName("acceptSuggestions")
            accept.setToolTip(self.tr("The people and event the article suggests for its "
                                      "photos become Person Shown and Event (undo: Ctrl+Z)"))
            ids = sorted(article["photos"])
            accept.clicked.connect(lambda: self._editor.accept_all(
                ids, self.tr("Confirm the article's suggestions")))
            row = QHBoxLayout()
            row.addWidget(accept)
            row.addStretch(1)
            column.addLayout(row)

    def _gallery(self, column: QVBoxLayout, images: list[dict]) -> None:
        """Images that follow the same paragraph, one under another as the reader saw them;
        photos that share a caption side by side (ACROSS to a row) with the caption once.

        Never a row of every image of a run: seven photos with their own captions would be
        seven slivers, wider together than the pane."""
        for figure in _figures(images):
            if len(figure) == 1:
                column.addWidget(self._figure(figure[0], 1, with_caption=True))
                continue
            for start in range(0, len(figure), ACROSS):
                row = QHBoxLayout()
                row.setSpacing(8)
                for image in figure[start:start + ACROSS]:
                    row.addWidget(self._figure(image, ACROSS, with_caption=False), 1)
                for _ in range(ACROSS - len(figure[start:start + ACROSS])):
                    row.addStretch(1)  # a last, short row keeps the others' size
                column.addLayout(row)
            column.addWidget(self._text("caption", figure[0]["caption"]))

    def _figure(self, image: dict, across: int, with_caption: bool) -> QWidget:
        figure = QFrame()
        figure.setObjectName("figure")
        box = QVBoxLayout(figure)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        if image["match"] == "ambiguous":
            box.addWidget(self._ambiguous(image))
        elif image["photo_id"] is None:
            missing = self._text("unmatched", self.tr("%1 — no photo of this name in the "
                                                      "catalog").replace("%1", image["name"]))
            missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            missing.setMinimumHeight(80)
            box.addWidget(missing)
        else:
            box.addWidget(self._photo(image, across))
        if with_caption and image.get("caption"):
            box.addWidget(self._text("caption", image["caption"]))
        conflict = self._conflict(image)
        if conflict is not None:
            box.addWidget(conflict)
        return figure

    def _photo(self, image: dict, across: int) -> ClickableImage:
        box = QSize(IMAGE_BOX.width() // across, IMAGE_BOX.height())
        pid = image["photo_id"]
        row = self._article["photos"].get(pid) or {}
        label = ClickableImage(row, IMAGE_BOX.height())
        label.setToolTip(row.get("path") or image["name"])
        label.clicked.connect(lambda: self.photoClicked.emit(pid))
        self._load(label, row.get("hash"), box, source_of(row))
        return label

    def _ambiguous(self, image: dict) -> QFrame:
        frame = QFrame()
        frame.setObjectName("ambiguous")
        box = QVBoxLayout(frame)
        box.addWidget(self._text("conflictTitle", self.tr(
            "“%1” could be any of these photos. Which one does the article show?").replace(
            "%1", image["name"])))
        row = QHBoxLayout()
        for candidate in self._article["candidates"].get(image["position"], []):
            row.addWidget(self._candidate(image, candidate))
        row.addStretch(1)
        box.addLayout(row)
        return frame

    def _candidate(self, image: dict, candidate: dict) -> QWidget:
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        picture = ClickableImage(candidate, CANDIDATE_BOX.height())
        picture.setFixedWidth(CANDIDATE_BOX.width())
        picture.setToolTip(candidate["path"])
        picture.clicked.connect(lambda: self.photoClicked.emit(candidate["id"]))
        self._load(picture, candidate.get("hash"), CANDIDATE_BOX, source_of(candidate))
        where = self._text("muted", _tail(candidate["path"]))
        choose = QPushButton(self.tr("This one"))
        choose.setObjectName("choosePhoto")
        choose.clicked.connect(lambda: self._editor.choose_photo(
            self._article["id"], image["position"], candidate["id"]))
        for w in (picture, where, choose):
            box.addWidget(w)
        return cell

    def _conflict(self, image: dict) -> QFrame | None:
        own, theirs = (image.get("photo_caption") or "").strip(), (image.get("caption") or "")
        pid = image["photo_id"]
        if pid is None or not own or not theirs.strip() or own == theirs.strip() or \
                self._editor.kept(pid, self._article["id"]) or \
                caption_kept(image, image.get("photo_caption")):
            return None
        article_id = self._article["id"]
        return caption_conflict(
            self._text("conflictTitle", self.tr("The photo's own caption differs:")),
            self._text("conflictText", own),
            self.tr("Use article caption"), self.tr("Keep the photo's caption"),
            lambda: self._editor.edit([pid], {"caption": theirs},
                                      self.tr("Use article caption")),
            lambda: self._editor.keep_caption(pid, article_id))

    def _text(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # --- images ------------------------------------------------------------------------------

    def _load(self, label: ClickableImage, digest: str | None, box: QSize,
              source: str | None = None) -> None:
        if not digest:
            return
        key = (digest, box.width(), box.height())
        self._images.setdefault(key, []).append(label)
        if key in self._pixmaps:
            label.set_image(self._pixmaps[key])
            return
        path = str(thumb_path(self._thumbs_dir, digest, 1024 if box.width() > 256 else 256))
        self._pool.start(ImageLoad(self._relay, key, path, box, source))

    def _on_image(self, key, image) -> None:
        if image.isNull():
            return
        self._pixmaps[key] = QPixmap.fromImage(image)
        for label in self._images.get(key, []):
            label.set_image(self._pixmaps[key])

    def highlight(self, photo_id: int | None) -> None:
        """Frame the photo selected in the grid, and bring it into view if it is out of it."""
        self._highlighted = photo_id
        shown = [i for i in self.images() if i.photo_id is not None]
        for image in shown:
            image.set_highlighted(image.photo_id == photo_id)
        chosen = [i for i in shown if i.photo_id == photo_id]
        if chosen and not chosen[0].visibleRegion().boundingRect().height():
            if chosen[0] is shown[0]:
                # The article's first photo: from the top, so its title, people and the
                # button confirming its suggestions are in view too.
                self.scroll.verticalScrollBar().setValue(0)
            else:
                self.scroll.ensureWidgetVisible(chosen[0], 0, 60)

    def images(self) -> list[ClickableImage]:
        return self.findChildren(ClickableImage)

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()


def _figures(images: list[dict]) -> list[list[dict]]:
    """Images grouped as the article prints them: consecutive images with the same caption
    are one figure (a pair of photos above one caption); an image without one stands alone."""
    figures: list[list[dict]] = []
    for image in images:
        caption = (image.get("caption") or "").strip()
        if figures and caption and (figures[-1][-1].get("caption") or "").strip() == caption:
            figures[-1].append(image)
        else:
            figures.append([image])
    return figures


def _tail(path: str, parts: int = 2) -> str:
    return "/".join(path.rstrip("/").split("/")[-parts:])
