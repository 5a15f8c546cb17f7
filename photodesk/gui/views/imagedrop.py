"""An image file dropped on the search field: the photos that look like it (similar:"PATH")."""

from PySide6.QtCore import QEvent, QObject

from photodesk.core.analyse import IMAGE_SUFFIXES


class ImageDrop(QObject):
    """Watches a line edit for a dropped local image file (a web download, a screenshot of a
    page) and hands its path on, instead of the line edit typing its URL into the field."""

    def __init__(self, field, on_file):
        super().__init__(field)
        self._on_file = on_file
        field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_image(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            path = dropped_image(event.mimeData())
            if path:
                event.acceptProposedAction()
                self._on_file(path)
                return True
        return False


def dropped_image(mime) -> str | None:
    """The first local file of a drop whose name says it is an image, else None."""
    for url in mime.urls() if mime.hasUrls() else ():
        path = url.toLocalFile()
        if path and "." in path and "." + path.rsplit(".", 1)[1].lower() in IMAGE_SUFFIXES:
            return path
    return None
