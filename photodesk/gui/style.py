"""The dark neutral look: photos are judged on grey, never on a coloured or white desktop."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

COLORS = {
    "window": "#2b2b2b",
    "panel": "#303030",
    "grid": "#262626",
    "tile": "#343434",
    "tile_hover": "#3c3c3c",
    "tile_selected": "#4a4a4a",
    "frame": "#161616",
    "text": "#dcdcdc",
    "muted": "#8c8c8c",
    "accent": "#5b9bd5",
    "star": "#f2c14e",
    "error": "#d9534f",
    "pick": "#3fa45b",
    "warning": "#e0a030",
    "input": "#1f1f1f",
}

SHEET = f"""
QMainWindow, QDockWidget {{ background: {COLORS['window']}; }}
QDockWidget::title {{ background: {COLORS['panel']}; padding: 5px 8px; color: {COLORS['muted']};
    }}
QToolBar {{ background: {COLORS['panel']}; border: none; border-bottom: 1px solid #1c1c1c;
    padding: 5px 8px; spacing: 8px; }}
QLineEdit, QComboBox {{ background: {COLORS['input']}; border: 1px solid #454545;
    border-radius: 4px;
    padding: 4px 8px; color: {COLORS['text']}; selection-background-color: {COLORS['accent']}; }}
QLineEdit:focus, QComboBox:focus {{ border-color: {COLORS['accent']}; }}
#grid {{ background: {COLORS['grid']}; border: none; }}
QListWidget, QTreeWidget {{ background: {COLORS['panel']}; border: none; color: {COLORS['text']}; }}
QListWidget::item {{ padding: 4px 8px; }}
QListWidget#sidebar {{ padding-top: 2px; }}
QListWidget::item:selected, QTreeWidget::item:selected {{ background: #454545; color: white; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {COLORS['panel']}; border: none; }}
QSplitter::handle {{ background: #1c1c1c; }}
QStatusBar {{ background: {COLORS['panel']}; color: {COLORS['muted']};
    border-top: 1px solid #1c1c1c; }}
QStatusBar::item {{ border: none; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QProgressBar {{ background: {COLORS['input']}; border: 1px solid #454545; border-radius: 3px;
    max-height: 10px; }}
QProgressBar::chunk {{ background: {COLORS['accent']}; border-radius: 2px; }}
QLabel#sectionTitle {{ color: {COLORS['muted']}; font-weight: bold; padding-top: 10px; }}
QLabel#fieldLabel {{ color: {COLORS['muted']}; }}
QLabel#fieldValue {{ color: {COLORS['text']}; }}
QLabel#fileName {{ color: white; font-size: 13pt; font-weight: bold; }}
QLabel#status {{ color: {COLORS['error']}; font-weight: bold; }}
QLabel#empty {{ color: {COLORS['muted']}; }}
QLabel#welcomeTitle {{ color: white; font-size: 20pt; font-weight: bold; }}
QPushButton {{ background: #3d3d3d; border: 1px solid #505050; border-radius: 4px;
    padding: 3px 12px;
    color: {COLORS['text']}; }}
QPushButton:hover {{ background: #474747; }}
QPushButton#primary {{ background: {COLORS['accent']}; border-color: #6fa8dc; color: white;
    font-weight: bold; }}
QPushButton#primary:hover {{ background: #6aa6de; }}
QScrollBar:vertical {{ background: {COLORS['grid']}; width: 12px; margin: 0; }}
QScrollBar:horizontal {{ background: {COLORS['grid']}; height: 12px; margin: 0; }}
QScrollBar::handle {{ background: #4a4a4a; border-radius: 4px; margin: 2px; }}
QScrollBar::handle:hover {{ background: #5a5a5a; }}
QScrollBar::handle:vertical {{ min-height: 30px; }}
QScrollBar::handle:horizontal {{ min-width: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QHeaderView::section {{ background: {COLORS['panel']}; color: {COLORS['muted']}; border: none;
    border-right: 1px solid #1c1c1c; padding: 4px 6px; }}
QMenuBar {{ background: {COLORS['panel']}; color: {COLORS['text']}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: #454545; }}
QMenu {{ background: {COLORS['panel']}; color: {COLORS['text']}; border: 1px solid #1c1c1c; }}
QTreeWidget#sidebar {{ padding-top: 4px; }}
QTreeWidget#sidebar::item {{ padding: 3px 2px; }}
QPlainTextEdit {{ background: {COLORS['input']}; border: 1px solid #454545; border-radius: 4px;
    padding: 2px 4px; color: {COLORS['text']}; selection-background-color: {COLORS['accent']}; }}
QPlainTextEdit:focus {{ border-color: {COLORS['accent']}; }}
QLabel#editLabel {{ color: {COLORS['muted']}; padding-top: 6px; }}
QLabel#note {{ color: {COLORS['warning']}; }}
QLabel#hint {{ color: {COLORS['muted']}; font-size: 9pt; }}
QLabel#articles {{ color: {COLORS['text']}; padding: 4px 0; }}
QFrame#chip {{ background: #3f4a57; border-radius: 10px; }}
QFrame#suggestion {{ background: transparent; border: 1px dashed #7a8796; border-radius: 10px; }}
QLabel#chipText {{ color: white; }}
QFrame#chip QToolButton, QFrame#suggestion QToolButton {{ color: {COLORS['text']};
    border: none; padding: 0 3px; font-weight: bold; }}
QFrame#chip QToolButton:hover, QFrame#suggestion QToolButton:hover {{ color: white;
    background: #55606e; border-radius: 8px; }}
QFrame#conflict, QFrame#ambiguous {{ background: #3a3426; border: 1px solid #6b5a2e;
    border-radius: 5px; }}
QLabel#conflictTitle {{ color: {COLORS['warning']}; font-weight: bold; }}
QLabel#conflictText {{ color: {COLORS['text']}; font-style: italic; }}
QWidget#articleView {{ background: {COLORS['panel']}; }}
QLabel#paneTitle {{ color: {COLORS['muted']}; font-weight: bold; }}
QScrollArea QWidget#articlePage {{ background: #f6f4ee; }}
QWidget#articlePage QLabel {{ color: #1f1f1f; }}
QWidget#articlePage QLabel#articleTitle {{ font-size: 17pt; font-weight: bold; color: #111111;
    font-family: "DejaVu Serif", "Noto Serif", Georgia, serif; }}
QWidget#articlePage QLabel#lede {{ font-weight: bold; font-size: 11pt; }}
QWidget#articlePage QLabel#paragraph {{ font-size: 11pt; }}
QWidget#articlePage QLabel#caption {{ color: #4a4a4a; font-style: italic; font-size: 9.5pt; }}
QWidget#articlePage QLabel#muted {{ color: #6e6e6e; font-size: 9.5pt; }}
QWidget#articlePage QLabel#unmatched {{ color: #7a7a7a; border: 1px dashed #a0a0a0;
    background: #ecebe6; }}
QWidget#articlePage QFrame#conflict, QWidget#articlePage QFrame#ambiguous {{
    background: #fbf1d6; border: 1px solid #d9b45a; }}
QWidget#articlePage QLabel#conflictTitle {{ color: #7a5200; }}
QWidget#articlePage QLabel#conflictText {{ color: #333333; }}
QWidget#articlePage QPushButton {{ background: #ffffff; color: #222222; border-color: #b9b9b9; }}
QWidget#articlePage QPushButton:hover {{ background: #eeeeee; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, COLORS["window"]),
        (QPalette.ColorRole.WindowText, COLORS["text"]),
        (QPalette.ColorRole.Base, COLORS["input"]),
        (QPalette.ColorRole.AlternateBase, COLORS["panel"]),
        (QPalette.ColorRole.Text, COLORS["text"]),
        (QPalette.ColorRole.Button, COLORS["panel"]),
        (QPalette.ColorRole.ButtonText, COLORS["text"]),
        (QPalette.ColorRole.Highlight, COLORS["accent"]),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#1f1f1f"),
        (QPalette.ColorRole.ToolTipText, COLORS["text"]),
        (QPalette.ColorRole.PlaceholderText, COLORS["muted"]),
        (QPalette.ColorRole.Link, COLORS["accent"]),
    ):
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#666666"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#666666"))
    app.setPalette(palette)
    app.setStyleSheet(SHEET)
