"""Renders the app icon's PNG sizes from its SVGs (run after editing an SVG; the PNGs are committed).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/render.py
The 16 and 24 px icons come from their own drawings on the pixel grid (NAME-16.svg, NAME-24.svg),
because the full drawing's caption lines and masthead fall between pixels there and blur.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "org.photodesk.PhotoDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = HERE / f"{APP_ID}.svg"


def source_for(size: int) -> Path:
    """The SVG drawn for this size: its own pixel-grid drawing when there is one."""
    own = HERE / f"{APP_ID}-{size}.svg"
    return own if own.exists() else SVG


def png_path(size: int) -> Path:
    return HERE / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(svg: Path, size: int):
    """The SVG drawn into a transparent size×size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def main() -> int:
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(source_for(size), size).save(str(path), "PNG"):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(HERE))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
