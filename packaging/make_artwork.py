"""Draws the Peer Coaching Tree artwork (resources/tree.svg) from the app's own tree view.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_artwork.py

The window draws the tree live (with leaves filling in); this exports the same drawing,
leaves empty, as an SVG for the welcome page, the README and printed material.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QRadialGradient
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem, QGraphicsTextItem

from peerjournal.core.content.loader import load_content
from peerjournal.ui.application import make_app
from peerjournal.ui.tree_view import TreeView

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    make_app()
    view = TreeView(load_content(), lambda _prompt_id: None)
    scene = view.scene()
    # The artwork is the tree itself: no part boxes, no labels (the window adds those).
    for item in scene.items():
        if item in view.nodes or isinstance(item, QGraphicsSimpleTextItem | QGraphicsTextItem):
            item.setVisible(False)
    area = scene.itemsBoundingRect().adjusted(-4, -4, 4, 4)
    generator = QSvgGenerator()
    generator.setFileName(str(ROOT / "resources" / "tree.svg"))
    generator.setSize(QSize(int(area.width()), int(area.height())))
    generator.setViewBox(QRectF(0, 0, area.width(), area.height()))
    generator.setTitle("The Peer Coaching Tree")
    generator.setDescription("An oak: roots, trunk, branches and crown.")
    scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
    # The soil fades out all round (in the window it runs to the edges of the view).
    for item in scene.items():
        if isinstance(item, QGraphicsPathItem) and item.brush().gradient() is not None:
            soil = item.brush().gradient().stops()[0][1]
            fade = QRadialGradient(area.center().x(), item.boundingRect().top() + 40, 420)
            fade.setColorAt(0, soil)
            faded = QColor(soil)
            faded.setAlpha(0)
            fade.setColorAt(1, faded)
            item.setBrush(QBrush(fade))
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, area.width(), area.height()), area)
    painter.end()


if __name__ == "__main__":
    main()
