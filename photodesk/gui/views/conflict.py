"""The frame that shows a photo's own caption beside an article's, with Use and Keep buttons."""

from typing import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


def caption_conflict(title: QLabel, text: QLabel, use_text: str, keep_text: str,
                     use: Callable[[], None], keep: Callable[[], None]) -> QFrame:
    """title and text: labels made (and translated) by the view showing the frame."""
    frame = QFrame()
    frame.setObjectName("conflict")
    box = QVBoxLayout(frame)
    box.setContentsMargins(10, 8, 10, 8)
    box.addWidget(title)
    box.addWidget(text)
    buttons = QHBoxLayout()
    for label, name, slot in ((use_text, "useArticleCaption", use),
                              (keep_text, "keepCaption", keep)):
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(lambda *_, slot=slot: slot())
        buttons.addWidget(button)
    buttons.addStretch(1)
    box.addLayout(buttons)
    return frame
