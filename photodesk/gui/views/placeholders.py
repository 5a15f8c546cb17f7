"""Drawn pixmaps: stand-ins for thumbnails still loading or missing, and small icons."""

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def placeholder_pixmap(size: QSize) -> QPixmap:
    """A quiet frame in the grid's colours, so loading cells do not flash."""
    pixmap = QPixmap(size.width(), int(size.height() * 0.72))
    pixmap.fill(QColor("#3a3a3a"))
    return pixmap


def broken_pixmap(size: QSize) -> QPixmap:
    """A crossed frame: the file has no thumbnail (missing or unreadable)."""
    pixmap = QPixmap(size.width(), int(size.height() * 0.72))
    pixmap.fill(QColor("#332b2b"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#7a4a4a"), 2))
    rect = QRectF(pixmap.rect()).adjusted(1, 1, -1, -1)
    painter.drawRect(rect)
    painter.drawLine(rect.topLeft(), rect.bottomRight())
    painter.drawLine(rect.topRight(), rect.bottomLeft())
    painter.end()
    return pixmap


def is_placeholder(pixmap, *stand_ins: QPixmap) -> bool:
    return pixmap is None or any(pixmap.cacheKey() == p.cacheKey() for p in stand_ins)



def search_icon(size: int = 16, color: str = "#8c8c8c") -> QIcon:
    """A magnifier for the search field; Fusion's standard icons have none."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(color), 1.6))
    r = size * 0.36
    painter.drawEllipse(QRectF(size * 0.14, size * 0.14, 2 * r, 2 * r))
    painter.drawLine(QPointF(size * 0.14 + 1.7 * r, size * 0.14 + 1.7 * r),
                     QPointF(size * 0.88, size * 0.88))
    painter.end()
    return QIcon(pixmap)
