"""The Peer Coaching Tree, drawn: roots, trunk, branches and crown, each part clickable.

Each of the ten parts sits where its content pack puts it (``Part.tree.place/slot``)
and wears a sprig of leaves, one per question, that fill in as the participant
answers. Click a part, or move with the arrow keys and press Enter, to open it.
"""

from __future__ import annotations

import contextlib
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import progress as p
from peerjournal.core.content import model as m
from peerjournal.core.errors import VaultLocked
from peerjournal.ui.editors.reading import markdown_label
from peerjournal.ui.kit.i18n import progress_words, translate
from peerjournal.ui.kit.theme import Colours, current_colours
from peerjournal.ui.kit.widgets import label

SCENE = QRectF(60, 20, 880, 860)
GROUND_Y = 650.0

# Where each place's slots sit, in scene coordinates.
SPOTS: dict[m.TreePlace, list[QPointF]] = {
    m.TreePlace.ROOTS: [QPointF(500, 790), QPointF(330, 770), QPointF(670, 770)],
    m.TreePlace.TRUNK: [QPointF(500, 612), QPointF(500, 515), QPointF(500, 418)],
    m.TreePlace.BRANCHES: [
        QPointF(165, 330),
        QPointF(300, 215),
        QPointF(500, 250),
        QPointF(700, 215),
        QPointF(835, 330),
    ],
    m.TreePlace.CROWN: [QPointF(500, 95)],
}
PLACE_ORDER = [m.TreePlace.ROOTS, m.TreePlace.TRUNK, m.TreePlace.BRANCHES, m.TreePlace.CROWN]


def leaf_path(length: float) -> QPainterPath:
    """A leaf pointing along +x from the origin."""
    path = QPainterPath(QPointF(0, 0))
    path.quadTo(QPointF(length * 0.45, -length * 0.62), QPointF(length, 0))
    path.quadTo(QPointF(length * 0.55, length * 0.62), QPointF(0, 0))
    return path


def card_font(scale: float) -> QFont:
    """A part's name on the Tree, at the window's text scale."""
    font = QFont()
    font.setPointSizeF(18 * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def card_size(title: str, font: QFont) -> QSizeF:
    """A part's card: its name with room either side, and a row of leaves beneath."""
    metrics = QFontMetricsF(font)
    return QSizeF(max(metrics.horizontalAdvance(title) + 36, 150), metrics.height() + 52)


class PartNode(QGraphicsObject):
    """A part on the tree: a label and a sprig of leaves showing progress."""

    activated = Signal(str)

    def __init__(
        self, part: m.Part, place: m.TreePlace, colours: Colours, text_scale: float = 1.0
    ) -> None:
        super().__init__()
        self.part = part
        self.place = place
        self.colours = colours
        self.progress = p.Progress(0, len(part.prompts))
        self.current = False
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(part.title)
        self.font = card_font(text_scale)
        self._text_height = QFontMetricsF(self.font).height()
        size = card_size(part.title, self.font)
        self._width, self._height = size.width(), size.height()

    def boundingRect(self) -> QRectF:
        return QRectF(
            -self._width / 2 - 6, -self._height / 2 - 6, self._width + 12, self._height + 12
        )

    def set_progress(self, progress: p.Progress) -> None:
        self.progress = progress
        self.setToolTip(f"{self.part.title}: {progress_words(progress)}")
        self.update()

    def set_current(self, current: bool) -> None:
        self.current = current
        self.update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        c = self.colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self._width, self._height
        box = QRectF(-w / 2, -h / 2, w, h)
        fill = QColor(c.surface)
        if self.hovered:
            fill = QColor(c.accent_soft)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(c.focus), 3) if self.current else QPen(QColor(c.border), 1.2))
        painter.drawRoundedRect(box, 16, 16)
        painter.setPen(QColor(c.text))
        painter.setFont(self.font)
        painter.drawText(
            QRectF(-w / 2, -h / 2 + 8, w, self._text_height + 4),
            Qt.AlignmentFlag.AlignCenter,
            self.part.title,
        )
        total = max(self.progress.total, 1)
        done = self.progress.done
        leaf = leaf_path(20)
        gap = 21.0
        start = -gap * (total - 1) / 2
        for i in range(total):
            painter.save()
            painter.translate(start + i * gap, h / 2 - 10)
            painter.rotate(-90 + (-10 if i % 2 == 0 else 10))
            filled = i < done
            painter.setBrush(QColor(c.leaf_full if filled else c.leaf_empty))
            painter.setPen(QPen(QColor(c.leaf_full if filled else c.muted), 1.2))
            painter.drawPath(leaf)
            painter.restore()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.boundingRect().contains(
            event.pos()
        ):
            self.activated.emit(self.part.id)


def _spot(tree: m.TreeSpot) -> QPointF:
    spots = SPOTS[tree.place]
    index = tree.slot - 1
    if 0 <= index < len(spots):
        return spots[index]
    angle = math.radians(20 * index)  # a pack with more parts than drawn spots: fan out
    base = spots[-1]
    return QPointF(base.x() + 60 * math.cos(angle), base.y() - 50 * math.sin(angle))


def _card_rect(title: str, spot: QPointF, scale: float) -> QRectF:
    size = card_size(title, card_font(scale))
    return QRectF(
        spot.x() - size.width() / 2, spot.y() - size.height() / 2, size.width(), size.height()
    )


def _roomy_scale(cards: list[tuple[str, QPointF]], wanted: float) -> float:
    """The largest card size up to ``wanted`` at which no two parts' cards overlap.

    The drawing is fitted to the view, so larger words on it come at the cost of its
    room: beyond this, the parts list beside the tree holds the same names at full size.
    """
    scale = wanted
    while scale > 1.0:
        rects = [_card_rect(title, spot, scale) for title, spot in cards]
        if not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :]):
            return scale
        scale = max(1.0, scale - 0.1)
    return 1.0 if wanted >= 1.0 else wanted


def _text_scale() -> float:
    """How much larger than 12 pt the window's text is drawn (its size and zoom)."""
    return max(QApplication.font().pointSizeF(), 1.0) / 12


class TreeView(QGraphicsView):
    """The whole tree; ``part_activated`` when a part is clicked or chosen by keyboard."""

    part_activated = Signal(str)

    def __init__(
        self, content: m.Content, lookup: p.AnswerLookup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("treeView")
        self.setAccessibleName(translate("tree_view", "The Peer Coaching Tree"))
        self.setAccessibleDescription(
            translate(
                "tree_view",
                "Use the arrow keys to move between the parts of the tree, and Enter to open one.",
            )
        )
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(260, 300)  # it draws itself to fit whatever room it has
        self._lookup = lookup
        self._content = content
        self.colours = current_colours()
        self.scene_ = QGraphicsScene(SCENE, self)
        self.setScene(self.scene_)
        self.nodes: list[PartNode] = []
        self._current = 0
        self._draw()

    def _draw(self) -> None:
        self._wanted = _text_scale()
        cards = [
            (part.title, _spot(part.tree))
            for part in self._content.tree_parts()
            if part.tree is not None
        ]
        self._scale = _roomy_scale(cards, self._wanted)
        self.scene_.clear()
        self.nodes = []
        self._draw_tree()
        self._place_parts(self._content)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self.nodes:
            colours = current_colours()
            scale = _text_scale()
            if colours != self.colours or scale != self._wanted:  # a new look or zoom
                self.colours = colours
                try:
                    self._draw()
                except VaultLocked:  # a look changed just as the journal locked
                    return
                self._fit()
                if self.hasFocus():
                    self._mark_current()

    # -- drawing ----------------------------------------------------------------------

    def _draw_tree(self) -> None:
        c = self.colours
        scene = self.scene_
        scene.setBackgroundBrush(QColor(c.sky))
        ground = QPainterPath()
        ground.moveTo(0, GROUND_Y + 10)
        ground.cubicTo(250, GROUND_Y - 20, 750, GROUND_Y - 20, 1000, GROUND_Y + 10)
        ground.lineTo(1000, 900)
        ground.lineTo(0, 900)
        ground.closeSubpath()
        soil = QLinearGradient(0, GROUND_Y, 0, 900)
        soil.setColorAt(0, QColor(c.ground))
        soil.setColorAt(1, QColor(c.window))
        scene.addPath(ground, QPen(Qt.PenStyle.NoPen), QBrush(soil))

        bark = QColor(c.bark)
        for dx, dy, spread in (
            (-250, 150, 0.55),
            (-130, 210, 0.3),
            (0, 230, 0.0),
            (130, 210, -0.3),
            (250, 150, -0.55),
            (-330, 90, 0.7),
            (330, 90, -0.7),
        ):
            root = QPainterPath(QPointF(500, GROUND_Y - 10))
            root.cubicTo(
                QPointF(500 + dx * 0.2, GROUND_Y + dy * 0.4),
                QPointF(500 + dx * 0.7 + spread * 30, GROUND_Y + dy * 0.7),
                QPointF(500 + dx, GROUND_Y + dy),
            )
            item = QGraphicsPathItem(root)
            width = 10 - abs(dx) / 60
            item.setPen(QPen(bark, max(width, 4), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            scene.addItem(item)

        canopy = QPainterPath()
        for cx, cy, r in (
            (500, 190, 170),
            (330, 250, 140),
            (670, 250, 140),
            (200, 330, 105),
            (800, 330, 105),
            (420, 120, 120),
            (580, 120, 120),
            (500, 85, 100),
        ):
            canopy.addEllipse(QPointF(cx, cy), r, r * 0.82)
        canopy = canopy.simplified()
        canopy_colour = QColor(c.leaf_empty)
        canopy_colour.setAlpha(200 if c.dark else 255)
        scene.addPath(canopy, QPen(QColor(c.border), 1.5), QBrush(canopy_colour))

        trunk = QPainterPath(QPointF(440, GROUND_Y + 5))
        trunk.cubicTo(QPointF(462, 560), QPointF(468, 430), QPointF(470, 345))
        trunk.lineTo(530, 345)
        trunk.cubicTo(QPointF(532, 430), QPointF(538, 560), QPointF(560, GROUND_Y + 5))
        trunk.closeSubpath()
        scene.addPath(trunk, QPen(QColor(c.bark).darker(115), 1.5), QBrush(bark))

        branch_pen_width = 14.0
        for end in SPOTS[m.TreePlace.BRANCHES]:
            branch = QPainterPath(QPointF(500, 360))
            mid = QPointF((500 + end.x()) / 2, min(360, end.y()) + 40)
            branch.quadTo(mid, end)
            item = QGraphicsPathItem(branch)
            width = branch_pen_width if abs(end.x() - 500) > 50 else branch_pen_width + 4
            item.setPen(QPen(bark, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            scene.addItem(item)
        crown_stem = QPainterPath(QPointF(500, 250))
        crown_stem.lineTo(500, 120)
        stem = QGraphicsPathItem(crown_stem)
        stem.setPen(QPen(bark, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        scene.addItem(stem)

        for text, x, y in (
            ("CROWN", 70, 40),
            ("BRANCHES", 70, 180),
            ("TRUNK", 70, 470),
            ("ROOTS", 70, 720),
        ):
            caption = QGraphicsSimpleTextItem(text)
            font = QFont()
            font.setPointSizeF(13 * self._scale)
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
            font.setWeight(QFont.Weight.DemiBold)
            caption.setFont(font)
            caption.setBrush(QColor(c.muted))
            caption.setPos(x, y)
            scene.addItem(caption)

    def _place_parts(self, content: m.Content) -> None:
        placed = sorted(
            ((part, part.tree) for part in content.tree_parts() if part.tree is not None),
            key=lambda pair: (PLACE_ORDER.index(pair[1].place), pair[1].slot),
        )
        for part, tree in placed:
            spot = _spot(tree)
            node = PartNode(part, tree.place, self.colours, self._scale)
            node.setPos(spot)
            node.setZValue(10)
            node.activated.connect(self.part_activated)
            self.scene_.addItem(node)
            self.nodes.append(node)

    # -- state --------------------------------------------------------------------------

    def refresh(self) -> None:
        for node in self.nodes:
            node.set_progress(p.part_progress(node.part, self._lookup))

    def node(self, part_id: str) -> PartNode | None:
        return next((n for n in self.nodes if n.part.id == part_id), None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def shown_rect(self) -> QRectF:
        """The drawing and every part's card whole (a long name reaches past the drawing)."""
        shown = QRectF(SCENE)
        for node in self.nodes:
            shown = shown.united(node.sceneBoundingRect().adjusted(-12, -12, 12, 12))
        return shown

    def _fit(self) -> None:
        shown = self.shown_rect()
        self.scene_.setSceneRect(shown)
        self.fitInView(shown, Qt.AspectRatioMode.KeepAspectRatio)

    # -- keyboard ---------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._mark_current()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        for node in self.nodes:
            node.set_current(False)

    def _mark_current(self) -> None:
        for i, node in enumerate(self.nodes):
            node.set_current(i == self._current)
        if self.nodes:
            current = self.nodes[self._current]
            self.setAccessibleDescription(
                translate("tree_view", "%1: %2. Press Enter to open.")
                .replace("%1", current.part.title)
                .replace("%2", progress_words(current.progress))
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self.nodes:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._current = (self._current + 1) % len(self.nodes)
            self._mark_current()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._current = (self._current - 1) % len(self.nodes)
            self._mark_current()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.part_activated.emit(self.nodes[self._current].part.id)
        else:
            super().keyPressEvent(event)


class TreePage(QWidget):
    """The Tree drawn large, with the programme's introduction beside it."""

    part_requested = Signal(str)

    def __init__(
        self,
        content: m.Content,
        programme: m.Programme | None,
        lookup: p.AnswerLookup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("treePage")
        self._lookup = lookup
        self.view = TreeView(content, lookup, self)
        side = QWidget(self)
        side.setObjectName("pageBody")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 28, 16, 24)
        side_layout.setSpacing(12)
        title = programme.title if programme else "The Peer Coaching Tree"
        heading = label(title, "title", side, name="treeTitle")
        heading.setWordWrap(True)
        side_layout.addWidget(heading)
        self.progress = label("", "progress", side, name="treeProgress")
        self.progress.setWordWrap(True)
        side_layout.addWidget(self.progress)
        side_layout.addWidget(
            label(
                translate(
                    "tree_view",
                    "Choose a part of the tree to open it. Each leaf is a question; leaves fill "
                    "in as you write. There is no order to follow and no rush.",
                ),
                "muted",
                side,
            )
        )
        if programme and programme.intro:
            side_layout.addWidget(markdown_label(programme.intro, side))
        # The drawing's parts as a list too: what a screen reader reads, and a way in by
        # keyboard or by name for anyone who finds the picture hard to use.
        parts_heading = label(translate("tree_view", "The parts of the tree"), "heading", side)
        parts_heading.setWordWrap(True)
        side_layout.addWidget(parts_heading)
        self.parts = QListWidget(side)
        self.parts.setObjectName("treeParts")
        self.parts.setAccessibleName(translate("tree_view", "The parts of the tree"))
        self.parts.setAccessibleDescription(translate("tree_view", "Press Enter to open a part."))
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parts.setWordWrap(True)
        for node in self.view.nodes:
            item = QListWidgetItem(node.part.title, self.parts)
            item.setData(Qt.ItemDataRole.UserRole, node.part.id)
        side_layout.addWidget(self.parts)
        side_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(side)
        self._side_scroll = scroll
        self._fit_side()
        self._programme = programme
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.view, 5)
        layout.addWidget(scroll, 3)
        self.refresh()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.view.part_activated.connect(self.part_requested)
        self.parts.itemActivated.connect(self._on_part_chosen)

    def _on_part_chosen(self, item: QListWidgetItem) -> None:
        self.part_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def refresh(self) -> None:
        self.view.refresh()
        for row, node in enumerate(self.view.nodes):
            item = self.parts.item(row)
            if item is not None:
                item.setText(f"{node.part.title}: {progress_words(node.progress)}")
        self.parts.setFixedHeight(
            self.parts.sizeHintForRow(0) * self.parts.count() + 2 * self.parts.frameWidth() + 8
            if self.parts.count()
            else 0
        )
        if self._programme is not None:
            self.progress.setText(
                progress_words(p.programme_progress(self._programme, self._lookup))
            )

    def on_changes(self, _changes: object) -> None:
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "parts"):
            with contextlib.suppress(VaultLocked):  # a zoom just as the journal locked
                self.refresh()
            self._fit_side()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side()

    def _fit_side(self) -> None:
        """The words beside the tree keep the width their longest word needs."""
        scroll = self._side_scroll
        side = scroll.widget()
        need = side.minimumSizeHint().width() if side is not None else 0
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(max(300, need + bar + 2 * scroll.frameWidth()))

    def focus_first(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["PartNode", "TreePage", "TreeView"]
