"""WelcomePage: what an empty catalog shows instead of an empty grid — add a folder, or try the sample."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from photodesk.resources import resource_dir

ICON = "icons/org.photodesk.PhotoDesk.svg"
COLUMN_WIDTH = 520


class WelcomePage(QWidget):
    """A page in the window, not a dialog: the menus, drag and drop and search stay usable."""

    addFolderRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcome")
        logo = QLabel()
        logo.setPixmap(QIcon(str(resource_dir() / ICON)).pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Welcome to PhotoDesk"))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr(
            "PhotoDesk keeps a catalog of your press photos: it reads their captions and "
            "metadata, finds the articles that name them, and follows the folders as new "
            "photos arrive. Your photos are never changed unless you ask to write metadata."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(self.tr("Add a photo folder…"))
        self.add_button.setDefault(True)
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.addFolderRequested)
        self.sample_button = QPushButton(self.tr("Open the sample newsroom folder"))
        self.sample_button.clicked.connect(self.sampleRequested)
        hint = QLabel(self.tr(
            "The sample is a made-up story with seven generated photos, copied into your data "
            "folder so you can try everything on it. You can also drop a folder on this window."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.add_button, self.sample_button):
            button.setMinimumHeight(40)
        # A column of fixed width: wrapped text then knows its height, and lines stay readable.
        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        for widget in (logo, title, text, self.add_button, self.sample_button, hint, self.status):
            inner.addWidget(widget)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        centre = QVBoxLayout()
        centre.addStretch(2)
        centre.addWidget(column)
        centre.addStretch(3)
        outer.addLayout(centre)
        outer.addStretch(1)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
