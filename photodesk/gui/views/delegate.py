"""ThumbDelegate: one contact-sheet cell — thumbnail, name, stars, label, pick and status badges."""

from collections import OrderedDict

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from photodesk.gui.views.culling import LABEL_COLORS, PICK, REJECT
from photodesk.gui.models.photolist import PhotoRole
from photodesk.gui.style import COLORS

GAP = 6  # between cells
GRID = QSize(202, 222)
# Cells by the size of their image (the thumbnails are 256 px: larger would only blur).
CELLS = {"small": QSize(142, 162), "medium": GRID, "large": QSize(276, 296)}
PAD = 10
FOOTER = 42  # the name line and the stars line under the image
SHADOW = 90  # the alpha of the black shadow under a print
REJECT_FADE = 140  # the alpha of the black over a rejected photo
PRINTS = 300  # scaled or faded thumbnails kept: a few screens


class ThumbDelegate(QStyledItemDelegate):
    """Paints cells the way contact sheets do: image on a slightly lighter tile, text under it.

    Only opaque pixmaps are copied and opaque rectangles filled, at their own size: Qt's
    raster engine splits any blended or scaled fill of 96 lines or more across its own
    threads and waits for them, and with the catalog workers busy on two cores that wait
    was most of a paint's 50-120 ms (issue 20). So the rounded tiles, the scaled thumbnails
    and the faded rejects are drawn once into pixmaps kept here, and the shadow is the
    tile's colour darkened rather than black laid over it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tiles: dict[tuple, QPixmap] = {}
        self._prints: OrderedDict[tuple, QPixmap] = OrderedDict()

    def sizeHint(self, option, index) -> QSize:
        grid = self.parent().gridSize() if hasattr(self.parent(), "gridSize") else GRID
        return QSize(grid.width() - GAP, grid.height() - GAP)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        cell = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        tile = QColor(COLORS["tile_selected" if selected else "tile_hover" if hovered else "tile"])
        painter.drawPixmap(option.rect.topLeft(), self._tile(option.rect.size(), tile, selected,
                                                             painter.device().devicePixelRatio()))

        row = index.data(PhotoRole)
        if row and row.get("label") in LABEL_COLORS:
            self._paint_label(painter, cell, LABEL_COLORS[row["label"]])
        area = option.rect.adjusted(PAD, PAD, -PAD, -FOOTER)
        faded = bool(row) and row.get("pick") == REJECT
        image = self._paint_image(painter, area, index.data(Qt.ItemDataRole.DecorationRole),
                                  tile, faded)
        if row and image is not None:
            self._paint_marks(painter, image, row)
        footer = QRect(option.rect.left() + PAD, area.bottom() + 6,
                       option.rect.width() - 2 * PAD, 16)
        self._paint_name(painter, option, footer, index.data(Qt.ItemDataRole.DisplayRole) or "")
        if row:
            self._paint_badges(painter, footer.translated(0, 18), row)
        painter.restore()

    def _paint_image(self, painter: QPainter, area: QRect, pixmap, tile: QColor,
                     faded: bool) -> QRect | None:
        if pixmap is None or pixmap.isNull():
            return None
        size = _print_size(pixmap.deviceIndependentSize().toSize(), area.size())
        target = QRect(QPoint(0, 0), size)
        target.moveCenter(area.center())
        painter.setPen(Qt.PenStyle.NoPen)
        shade = 1 - SHADOW / 255  # a faint shadow lifts the print off the tile
        painter.setBrush(QColor.fromRgbF(tile.redF() * shade, tile.greenF() * shade,
                                         tile.blueF() * shade))
        painter.drawRect(target.translated(2, 2))
        painter.drawPixmap(target.topLeft(), self._print(pixmap, size, faded))
        painter.setPen(QPen(QColor(COLORS["frame"]), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(target).adjusted(-0.5, -0.5, 0.5, 0.5))
        return target

    def _tile(self, size: QSize, color: QColor, selected: bool, ratio: float) -> QPixmap:
        """The cell's rounded tile on the grid's background, drawn once per size and look."""
        key = (size.width(), size.height(), color.rgb(), selected, ratio)
        tile = self._tiles.get(key)
        if tile is None:
            tile = QPixmap(size * ratio)
            tile.setDevicePixelRatio(ratio)
            tile.fill(QColor(COLORS["grid"]))
            painter = QPainter(tile)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(COLORS["accent"]), 2) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)).adjusted(1.5, 1.5, -1.5,
                                                                                -1.5), 4, 4)
            painter.end()
            self._tiles[key] = tile
        return tile

    def _print(self, pixmap: QPixmap, size: QSize, faded: bool) -> QPixmap:
        """pixmap at size, faded when the photo is rejected (still judgeable): as it is when
        it needs neither, else made once and kept among the last PRINTS."""
        if not faded and pixmap.deviceIndependentSize().toSize() == size:
            return pixmap
        key = (pixmap.cacheKey(), size.width(), size.height(), faded)
        made = self._prints.get(key)
        if made is not None:
            self._prints.move_to_end(key)
            return made
        ratio = pixmap.devicePixelRatio()
        made = pixmap.scaled(size * ratio, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        made.setDevicePixelRatio(ratio)
        if faded:
            painter = QPainter(made)
            painter.fillRect(made.rect(), QColor(0, 0, 0, REJECT_FADE))
            painter.end()
        self._prints[key] = made
        while len(self._prints) > PRINTS:
            self._prints.popitem(last=False)
        return made

    def _paint_label(self, painter: QPainter, cell: QRectF, color: str) -> None:
        """A colour label tints the tile's bottom edge, as contact sheets colour a frame."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        strip = QRectF(cell.left() + 3, cell.bottom() - 6, cell.width() - 6, 4)
        painter.drawRoundedRect(strip, 2, 2)

    def _paint_marks(self, painter: QPainter, image: QRect, row: dict) -> None:
        pick = row.get("pick") or 0
        if pick in (PICK, REJECT):
            self._disc(painter, QPointF(image.left() + 12, image.top() + 12),
                       COLORS["pick"] if pick == PICK else COLORS["error"],
                       "✓" if pick == PICK else "✕")
        if row.get("articles"):
            self._article_badge(painter, QRectF(image.right() - 22, image.top() + 5, 17, 19))

    def _disc(self, painter: QPainter, centre: QPointF, color: str, mark: str) -> None:
        painter.setPen(QPen(QColor(0, 0, 0, 120), 1))
        painter.setBrush(QColor(color))
        painter.drawEllipse(centre, 9, 9)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(centre.x() - 9, centre.y() - 9, 18, 18),
                         Qt.AlignmentFlag.AlignCenter, mark)

    def _article_badge(self, painter: QPainter, rect: QRectF) -> None:
        """A folded page: this photo appears in an article."""
        painter.setPen(QPen(QColor(0, 0, 0, 150), 1))
        painter.setBrush(QColor("#f4f1e8"))
        painter.drawRoundedRect(rect, 2, 2)
        painter.setPen(QPen(QColor("#5a5a5a"), 1.2))
        for i in range(4):
            y = rect.top() + 5 + i * 3.4
            right = rect.right() - (7 if i == 3 else 4)
            painter.drawLine(QPointF(rect.left() + 4, y), QPointF(right, y))

    def _paint_name(self, painter: QPainter, option, rect: QRect, name: str) -> None:
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.92)
        painter.setFont(font)
        painter.setPen(QColor(COLORS["text"]))
        elided = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)

    def _paint_badges(self, painter: QPainter, rect: QRect, row: dict) -> None:
        rating = row.get("rating") or 0
        if rating > 0:
            painter.setPen(QColor(COLORS["star"]))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             "★" * min(int(rating), 5))
        status = row.get("status")
        if status in ("missing", "unreadable"):
            text = self.tr("Missing") if status == "missing" else self.tr("Unreadable")
            self._pill(painter, rect, text)

    def _pill(self, painter: QPainter, rect: QRect, text: str) -> None:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text) + 12
        pill = QRect(rect.right() - width, rect.top() + 1, width, rect.height() - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COLORS["error"]))
        painter.drawRoundedRect(QRectF(pill), 7, 7)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)


def _print_size(size: QSize, area: QSize) -> QSize:
    """The thumbnail's size in a cell: fitted to area, but left as it is when it fits and
    would grow by less than a tenth (a 176 px thumbnail made 178 px only blurs it)."""
    fitted = size.scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
    fits = size.width() <= area.width() and size.height() <= area.height()
    return size if fits and fitted.width() <= size.width() * 1.1 else fitted
