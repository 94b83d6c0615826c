"""The look: a calm palette of soft greens and warm neutrals, light or dark.

Follows the system's light/dark setting (``QStyleHints.colorScheme``) unless the
participant chose one. Widgets say what they are with a ``role`` property ("title",
"muted", "card" ...) and the style sheet here gives each role its look, so no widget
hard-codes a colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

from peerjournal.core.paths import bundled_dir
from peerjournal.services.settings import Settings, Theme
from peerjournal.ui.kit.headings import told_as_heading

UI_FAMILIES = ["Noto Sans", "Segoe UI", "Cantarell", "Ubuntu", "Helvetica Neue", "DejaVu Sans"]
READING_FAMILIES = ["Noto Serif", "Charis SIL", "Georgia", "Cambria", "DejaVu Serif"]
MONO_FAMILIES = ["Noto Mono", "DejaVu Sans Mono", "Consolas", "Menlo", "monospace"]


@dataclass(frozen=True, slots=True)
class Colours:
    name: str
    dark: bool
    window: str
    surface: str
    sidebar: str
    text: str
    muted: str
    accent: str
    accent_hover: str
    accent_text: str
    accent_soft: str
    border: str
    focus: str
    error: str
    error_soft: str
    selection: str
    bark: str
    leaf_empty: str
    leaf_full: str
    sky: str
    ground: str
    mark: str


LIGHT = Colours(
    name="light",
    dark=False,
    window="#F4F3EC",
    surface="#FFFFFF",
    sidebar="#E9ECE2",
    text="#252E27",
    muted="#56625A",
    accent="#3B6F52",
    accent_hover="#2F5C43",
    accent_text="#FFFFFF",
    accent_soft="#DDEBE0",
    border="#CDD3C8",
    focus="#2E6B8A",
    error="#8E3A2C",
    error_soft="#F7E7E2",
    selection="#CFE3D5",
    bark="#7A5C45",
    leaf_empty="#E3E8DC",
    leaf_full="#5E9B6E",
    sky="#F4F3EC",
    ground="#D9D2BF",
    mark="#F2E2A0",
)

DARK = Colours(
    name="dark",
    dark=True,
    window="#1B201D",
    surface="#242A26",
    sidebar="#1F2521",
    text="#E4E8E1",
    muted="#A7B2A9",
    accent="#8CC4A0",
    accent_hover="#A3D3B3",
    accent_text="#12201A",
    accent_soft="#2E4236",
    border="#3A443D",
    focus="#7FB8D6",
    error="#EBA597",
    error_soft="#4A2E29",
    selection="#35503F",
    bark="#A4866C",
    leaf_empty="#343D37",
    leaf_full="#7DBB8E",
    sky="#1B201D",
    ground="#3A3A30",
    mark="#5C5322",
)


CONTRAST = Colours(
    name="contrast",
    dark=True,
    window="#000000",
    surface="#000000",
    sidebar="#0A0A0A",
    text="#FFFFFF",
    muted="#E6E6E6",
    accent="#FFE94D",
    accent_hover="#FFF27F",
    accent_text="#000000",
    accent_soft="#1F2A44",
    border="#FFFFFF",
    focus="#4DD8FF",
    error="#FF9E8A",
    error_soft="#2A0D08",
    selection="#1F2A44",
    bark="#FFFFFF",
    leaf_empty="#000000",
    leaf_full="#FFE94D",
    sky="#000000",
    ground="#5A5A5A",
    mark="#4A3D00",
)
"""High contrast: white on black, yellow for what can be pressed, cyan focus rings."""

ALL_THEMES = (LIGHT, DARK, CONTRAST)


def system_wants_contrast() -> bool:
    """Whether the desktop asks for high contrast (Qt 6.10 and later report it)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = getattr(Qt, "ContrastPreference", None)
    if preference is None:
        return False
    return bool(accessibility().contrastPreference() == preference.HighContrast)


def is_dark(theme: Theme) -> bool:
    if theme == Theme.DARK:
        return True
    if theme == Theme.LIGHT:
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def colours_for(theme: Theme) -> Colours:
    if theme == Theme.CONTRAST or (theme == Theme.SYSTEM and system_wants_contrast()):
        return CONTRAST
    return DARK if is_dark(theme) else LIGHT


def ui_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def reading_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def mono_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(point_size)
    return font


def palette_for(c: Colours) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(c.window))
    p.setColor(role.WindowText, QColor(c.text))
    p.setColor(role.Base, QColor(c.surface))
    p.setColor(role.AlternateBase, QColor(c.sidebar))
    p.setColor(role.Text, QColor(c.text))
    p.setColor(role.PlaceholderText, QColor(c.muted))
    p.setColor(role.Button, QColor(c.surface))
    p.setColor(role.ButtonText, QColor(c.text))
    p.setColor(role.Highlight, QColor(c.selection))
    p.setColor(role.HighlightedText, QColor(c.text))
    p.setColor(role.ToolTipBase, QColor(c.surface))
    p.setColor(role.ToolTipText, QColor(c.text))
    p.setColor(role.Link, QColor(c.accent))
    p.setColor(role.BrightText, QColor(c.error))
    p.setColor(role.Light, QColor(c.surface))
    p.setColor(role.Mid, QColor(c.border))
    p.setColor(role.Dark, QColor(c.border))
    p.setColor(role.Accent, QColor(c.accent))
    disabled = QPalette.ColorGroup.Disabled
    p.setColor(disabled, role.Text, QColor(c.muted))
    p.setColor(disabled, role.WindowText, QColor(c.muted))
    p.setColor(disabled, role.ButtonText, QColor(c.muted))
    return p


_PIXELS = re.compile(r"(?<![\w.#])(\d+)px")


def style_sheet(c: Colours, size: float, scale: float = 1.0) -> str:
    """The application style sheet for ``c`` at a base text size of ``size`` points.

    Every length in pixels (padding, borders, tick boxes, rounded corners) is drawn
    ``scale`` times larger, so a zoomed window grows as a whole, not only its words.
    """
    sheet = _style_sheet(c, size)
    if scale == 1.0:
        return sheet
    return _PIXELS.sub(lambda m: f"{max(1, round(int(m[1]) * scale))}px", sheet)


def _style_sheet(c: Colours, size: float) -> str:
    h1 = f"{size * 1.75:.1f}"
    h2 = f"{size * 1.3:.1f}"
    h3 = f"{size * 1.1:.1f}"
    small = f"{max(size - 2, 8):.1f}"
    tick = "dark" if c.dark else "light"
    check = (bundled_dir("resources") / "ui" / f"check-{tick}.svg").as_posix()
    partial = (bundled_dir("resources") / "ui" / f"partial-{tick}.svg").as_posix()
    return f"""
QWidget {{ color: {c.text}; }}
QMainWindow, QDialog, QStackedWidget#contentStack, QScrollArea#pageScroll,
QWidget#pageBody, QWidget#gate {{ background: {c.window}; }}
QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
    padding: 6px; }}

QFrame#topBar {{ background: {c.window}; border-bottom: 1px solid {c.border}; }}
QFrame#sidebarFrame {{ background: {c.sidebar}; border-right: 1px solid {c.border}; }}
QTreeWidget#sidebar {{ background: {c.sidebar}; border: none; padding: 4px 0; }}
QTreeWidget#sidebar::item {{ padding: 5px 4px; border-radius: 6px; }}
QTreeWidget#sidebar::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QTreeWidget#sidebar::item:hover {{ background: {c.selection}; }}
QTreeWidget#sidebar:focus {{ border: 2px solid {c.focus}; border-radius: 6px; }}

QLabel[role="title"] {{ font-size: {h1}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {h2}pt; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {h3}pt; font-weight: 600; }}
QLabel[role="eyebrow"] {{ color: {c.muted}; font-size: {small}pt; font-weight: 600;
    letter-spacing: 1px; }}
QLabel[role="question"] {{ font-size: {h3}pt; font-weight: 600; }}
QLabel[role="muted"], QLabel[role="hint"] {{ color: {c.muted}; }}
QLabel[role="small"] {{ color: {c.muted}; font-size: {small}pt; }}
QLabel[role="error"] {{ color: {c.error}; background: {c.error_soft}; border-radius: 8px;
    padding: 10px 12px; }}
QLabel[role="notice"] {{ background: {c.accent_soft}; border-radius: 8px; padding: 10px 12px; }}
QLabel[role="recoveryKey"] {{ background: {c.surface}; border: 1px dashed {c.accent};
    border-radius: 10px; padding: 18px; font-size: {h2}pt; letter-spacing: 2px; }}
QLabel[role="progress"] {{ color: {c.muted}; font-size: {small}pt; }}
QLabel#saveIndicator {{ color: {c.muted}; font-size: {small}pt; padding: 0 8px; }}
QLabel#saveIndicator[state="error"] {{ color: {c.error}; }}

QFrame[role="card"] {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 12px; }}
QFrame[role="softCard"] {{ background: {c.accent_soft}; border-radius: 12px; }}
QFrame[role="option"] {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 10px; }}
QFrame[role="option"][chosen="true"] {{ background: {c.accent_soft};
    border: 1px solid {c.accent}; }}
QFrame[role="rankRow"] {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 10px; }}

QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px;
    padding: 6px 8px; selection-background-color: {c.selection};
    selection-color: {c.text}; }}
QPlainTextEdit, QTextEdit {{ padding: 8px 10px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 2px solid {c.focus}; }}
QSpinBox, QComboBox {{ min-height: 30px; padding: 2px 6px; }}
QTextBrowser#historyPreview {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 8px; padding: 10px; }}
QTextBrowser {{ background: transparent; border: none; }}
QTextBrowser:focus {{ border: 2px solid {c.focus}; border-radius: 8px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {c.error}; }}

QPushButton {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px;
    padding: 7px 16px; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:focus {{ border: 2px solid {c.focus}; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.window}; }}
QPushButton:checked {{ background: {c.accent_soft}; border-color: {c.accent}; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text};
    border: 1px solid {c.accent}; font-weight: 600; }}
QPushButton[role="primary"]:hover {{ background: {c.accent_hover}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid {c.focus}; }}
QPushButton[role="primary"]:disabled {{ background: {c.border}; color: {c.muted};
    border-color: {c.border}; }}
QPushButton[role="link"] {{ background: transparent; border: none; color: {c.accent};
    text-decoration: underline; padding: 4px 2px; }}
QPushButton[role="link"]:focus {{ border: 2px solid {c.focus}; border-radius: 4px; }}
QLabel[role="linkWords"] {{ color: {c.accent}; text-decoration: underline; }}
QPushButton[role="support"] {{ background: {c.accent_soft}; border: 1px solid {c.accent};
    font-weight: 600; }}
QPushButton[role="quiet"] {{ background: transparent; border: 1px solid transparent;
    color: {c.muted}; padding: 4px 10px; }}
QPushButton[role="quiet"]:hover {{ border-color: {c.border}; color: {c.text}; }}
QPushButton[role="quiet"]:focus {{ border: 2px solid {c.focus}; color: {c.text}; }}
QToolButton {{ border: 1px solid transparent; border-radius: 6px; padding: 4px 8px; }}
QToolButton:hover {{ border-color: {c.border}; }}
QToolButton:focus {{ border: 2px solid {c.focus}; }}
QToolButton:checked {{ background: {c.accent_soft}; }}
QTabBar::scroller {{ width: 34px; }}
QTabBar QToolButton {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 0; padding: 2px; }}

QCheckBox, QRadioButton {{ spacing: 8px; padding: 3px 4px; border-radius: 6px;
    border: 2px solid transparent; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c.focus}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 16px; height: 16px;
    border: 2px solid {c.muted}; background: {c.surface}; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: 10px; }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
    image: url({check}); }}
QRadioButton::indicator:checked {{ border-color: {c.accent};
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
    stop:0 {c.accent}, stop:0.55 {c.accent}, stop:0.62 {c.surface}, stop:1 {c.surface}); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {c.border}; }}
QTreeView::indicator {{ width: 16px; height: 16px; border: 2px solid {c.muted};
    background: {c.surface}; border-radius: 4px; }}
QTreeView::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
    image: url({check}); }}
QTreeView::indicator:indeterminate {{ background: {c.accent_soft}; border-color: {c.accent};
    image: url({partial}); }}

QSlider {{ min-height: 30px; }}
QSlider::groove:horizontal {{ height: 6px; background: {c.leaf_empty}; border-radius: 3px;
    border: 1px solid {c.border}; }}
QSlider::sub-page:horizontal, QSlider::add-page:horizontal {{ background: transparent; }}
QSlider::handle:horizontal {{ background: {c.accent}; border: 2px solid {c.surface};
    width: 18px; height: 18px; margin: -9px 0; border-radius: 11px; }}
QSlider[unset="true"]::handle:horizontal {{ background: {c.surface};
    border: 2px solid {c.muted}; }}
QSlider:focus::handle:horizontal {{ border-color: {c.focus}; }}

QProgressBar {{ background: {c.leaf_empty}; border: none; border-radius: 4px; height: 8px;
    max-height: 8px; text-align: center; }}
QProgressBar::chunk {{ background: {c.leaf_full}; border-radius: 4px; }}
QProgressBar#strengthBar[strength="weak"]::chunk {{ background: {c.error}; }}
QProgressBar#strengthBar[strength="fair"]::chunk {{ background: {c.bark}; }}

QListWidget {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px; }}
QListWidget::item {{ padding: 6px; border-radius: 6px; }}
QListWidget::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QListWidget:focus {{ border: 2px solid {c.focus}; }}
QScrollArea {{ border: none; }}
QStatusBar {{ background: {c.window}; border-top: 1px solid {c.border}; }}
QGroupBox {{ border: 1px solid {c.border}; border-radius: 10px; margin-top: 14px;
    padding: 12px 10px 10px 10px; background: {c.surface}; font-weight: 600; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
QCalendarWidget QWidget {{ alternate-background-color: {c.sidebar}; }}
QCalendarWidget QAbstractItemView {{ selection-background-color: {c.accent_soft};
    selection-color: {c.text}; }}
QGraphicsView#treeView {{ background: {c.sky}; border: none; }}
QGraphicsView#treeView:focus {{ border: 2px solid {c.focus}; border-radius: 8px; }}
"""


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)
    if isinstance(widget, QLabel):
        told_as_heading(widget)


def repolish(widget: QWidget) -> None:
    """Re-applies the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class ThemeManager(QObject):
    """Applies the look to the application and keeps it in step with the system."""

    def __init__(self, app: QApplication, settings: Settings) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self.colours = LIGHT
        self._connect_signals()

    def _connect_signals(self) -> None:
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_scheme_changed)
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None and hasattr(accessibility(), "contrastPreferenceChanged"):
            accessibility().contrastPreferenceChanged.connect(self._on_contrast_changed)

    def apply(self, settings: Settings | None = None) -> None:
        if settings is not None:
            self._settings = settings
        self.colours = colours_for(self._settings.theme)
        _applied[:] = [self.colours]
        style = QStyleFactory.create("Fusion")
        if style is not None:
            self._app.setStyle(style)
        self._app.setPalette(palette_for(self.colours))
        settings = self._settings
        self._app.setFont(ui_font(settings.point_size))
        self._app.setStyleSheet(style_sheet(self.colours, settings.point_size, settings.scale))

    @property
    def settings(self) -> Settings:
        return self._settings

    @Slot()
    def _on_contrast_changed(self) -> None:
        if self._settings.theme == Theme.SYSTEM:
            self.apply()

    @Slot(Qt.ColorScheme)
    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._settings.theme == Theme.SYSTEM:
            self.apply()


def current_colours() -> Colours:
    """The colours in use now (for widgets that paint for themselves)."""
    if _applied:
        return _applied[-1]
    app = QApplication.instance()
    if isinstance(app, QApplication):
        base = app.palette().color(QPalette.ColorRole.Window)
        return DARK if base.lightness() < 128 else LIGHT
    return LIGHT


_applied: list[Colours] = []


__all__ = [
    "ALL_THEMES",
    "CONTRAST",
    "DARK",
    "LIGHT",
    "Colours",
    "ThemeManager",
    "colours_for",
    "current_colours",
    "mono_font",
    "reading_font",
    "repolish",
    "set_role",
    "ui_font",
]
