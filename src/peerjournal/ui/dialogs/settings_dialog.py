"""Settings: text size, when to lock by itself, light or dark, reminders.

Each change takes effect and is kept at once, like everything else in the app, so
there is no Save button to forget: ``changed`` carries the new settings.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.spelling import SpellingLanguage
from peerjournal.services.settings import (
    FONT_SIZE_MAX,
    FONT_SIZE_MIN,
    IDLE_MINUTES_MAX,
    IDLE_MINUTES_MIN,
    WINDOW_LANGUAGES,
    ZOOM_STEPS,
    Settings,
    Theme,
)
from peerjournal.ui.kit.i18n import QT_TRANSLATE_NOOP, translate
from peerjournal.ui.kit.widgets import button, label

THEMES = (
    (Theme.SYSTEM, QT_TRANSLATE_NOOP("settings_dialog", "Follow my computer")),
    (Theme.LIGHT, QT_TRANSLATE_NOOP("settings_dialog", "Light")),
    (Theme.DARK, QT_TRANSLATE_NOOP("settings_dialog", "Dark")),
    (Theme.CONTRAST, QT_TRANSLATE_NOOP("settings_dialog", "High contrast")),
)


SPELLING_NAMES = {
    SpellingLanguage.BRITISH_ENGLISH: QT_TRANSLATE_NOOP("settings_dialog", "British English"),
    SpellingLanguage.WELSH: QT_TRANSLATE_NOOP("settings_dialog", "Cymraeg (Welsh)"),
    SpellingLanguage.OFF: QT_TRANSLATE_NOOP("settings_dialog", "Off"),
}


class SettingsDialog(QDialog):
    changed = Signal(object)
    """The settings as they now are (a ``Settings``), after any change."""
    backups_requested = Signal()
    copy_requested = Signal()
    passphrase_requested = Signal()
    recovery_requested = Signal()

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, unlocked: bool = False
    ) -> None:
        super().__init__(parent)
        self._base = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("settings_dialog", "Settings"))
        self.setMinimumWidth(480)
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(FONT_SIZE_MIN, FONT_SIZE_MAX)
        self.font_size.setSuffix(translate("settings_dialog", " pt"))
        self.font_size.setValue(settings.font_size)
        self.font_size.setAccessibleName(translate("settings_dialog", "Text size"))
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(IDLE_MINUTES_MIN, IDLE_MINUTES_MAX)
        self.idle.setValue(settings.idle_minutes)
        self._say_minutes(self.idle.value())
        self.idle.setAccessibleName(
            translate("settings_dialog", "Lock after this many minutes without use")
        )
        self.theme = QComboBox(self)
        self.theme.setObjectName("theme")
        self.theme.setAccessibleName(translate("settings_dialog", "Colours"))
        for value, text in THEMES:
            self.theme.addItem(translate("settings_dialog", text), value.value)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme.value))
        self.zoom = QComboBox(self)
        self.zoom.setObjectName("zoom")
        self.zoom.setAccessibleName(translate("settings_dialog", "Zoom"))
        self.zoom.setToolTip(
            translate(
                "settings_dialog", "Ctrl+plus and Ctrl+minus zoom too; Ctrl+0 goes back to 100%."
            )
        )
        for percent in ZOOM_STEPS:
            self.zoom.addItem(f"{percent}%", percent)
        found = self.zoom.findData(settings.zoom)
        if found < 0:  # a level set by hand in the file: shown as it is
            self.zoom.addItem(f"{settings.zoom}%", settings.zoom)
            found = self.zoom.count() - 1
        self.zoom.setCurrentIndex(found)
        self.spelling = QComboBox(self)
        self.spelling.setObjectName("spelling")
        self.spelling.setAccessibleName(translate("settings_dialog", "Spelling"))
        self.spelling.setToolTip(
            translate(
                "settings_dialog",
                "Misspelt words get a red underline; right-click one for suggestions.",
            )
        )
        for language, name in SPELLING_NAMES.items():
            self.spelling.addItem(translate("settings_dialog", name), language.value)
        self.spelling.setCurrentIndex(self.spelling.findData(settings.spelling.value))
        self.language = QComboBox(self)
        self.language.setObjectName("windowLanguage")
        self.language.setAccessibleName(translate("settings_dialog", "Language of the window"))
        self.language.setToolTip(
            translate(
                "settings_dialog",
                "The window's own words; the programme's questions stay as they are written. "
                "A new choice shows from the next time peerjournal opens.",
            )
        )
        for code, name in WINDOW_LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.on_this_day = QCheckBox(
            translate("settings_dialog", "Show what I wrote a month and a year before"),
            self,
        )
        self.on_this_day.setObjectName("onThisDay")
        self.on_this_day.setChecked(settings.on_this_day)
        self.before_session = QCheckBox(
            translate("settings_dialog", "The day before each session that has a date"), self
        )
        self.before_session.setObjectName("remindBeforeSession")
        self.before_session.setChecked(settings.remind_before_session)
        self.daily = QCheckBox(translate("settings_dialog", "Each day, to write, at"), self)
        self.daily.setObjectName("dailyReminder")
        self.daily.setChecked(bool(settings.daily_reminder))
        self.daily_at = QTimeEdit(self)
        self.daily_at.setObjectName("dailyReminderTime")
        self.daily_at.setDisplayFormat("HH:mm")
        self.daily_at.setAccessibleName(
            translate("settings_dialog", "The time of the daily reminder")
        )
        hours, minutes = (settings.daily_reminder or "19:00").split(":")
        self.daily_at.setTime(QTime(int(hours), int(minutes)))
        self.daily_at.setEnabled(self.daily.isChecked())
        daily_row = QHBoxLayout()
        daily_row.addWidget(self.daily)
        daily_row.addWidget(self.daily_at)
        daily_row.addStretch(1)
        self.start_quietly = QCheckBox(
            translate("settings_dialog", "Start with my computer, quietly"), self
        )
        self.start_quietly.setObjectName("startQuietly")
        self.start_quietly.setChecked(settings.start_quietly)
        self.start_quietly.setToolTip(
            translate(
                "settings_dialog",
                "So reminders come when the window is closed. peerjournal waits, locked, "
                "in the notification area.",
            )
        )
        reminders = QVBoxLayout()
        reminders.setSpacing(6)
        reminders.addWidget(self.before_session)
        reminders.addLayout(daily_row)
        reminders.addWidget(self.start_quietly)
        reminders.addWidget(
            label(
                translate(
                    "settings_dialog",
                    "A reminder says only “A gentle reminder from peerjournal”: nothing you "
                    "wrote and no session's name.",
                ),
                "small",
                self,
            )
        )
        self._fit_reminders()
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(translate("settings_dialog", "Text size"), self.font_size)
        form.addRow(translate("settings_dialog", "Lock by itself after"), self.idle)
        form.addRow(translate("settings_dialog", "Zoom"), self.zoom)
        form.addRow(translate("settings_dialog", "Colours"), self.theme)
        form.addRow(translate("settings_dialog", "Spelling"), self.spelling)
        form.addRow(translate("settings_dialog", "Language"), self.language)
        form.addRow(translate("settings_dialog", "On this day"), self.on_this_day)
        form.addRow(translate("settings_dialog", "Reminders"), reminders)
        self.backups = button(
            translate("settings_dialog", "Backups…"), "", self, name="openBackupsDialog"
        )
        self.backups.setVisible(unlocked)
        self.your_copy = button(
            translate("settings_dialog", "Your copy: export, print, bring in…"),
            "",
            self,
            name="openCopy",
        )
        self.your_copy.setVisible(unlocked)
        self.change_passphrase = button(
            translate("settings_dialog", "Change passphrase…"), "", self, name="openPassphrase"
        )
        self.change_passphrase.setVisible(unlocked)
        self.new_recovery = button(
            translate("settings_dialog", "Make a new recovery key…"),
            "",
            self,
            name="openRecoveryKey",
        )
        self.new_recovery.setVisible(unlocked)
        journal_row = QVBoxLayout()
        journal_row.setSpacing(6)
        for action in (self.your_copy, self.backups, self.change_passphrase, self.new_recovery):
            journal_row.addWidget(action, 0, Qt.AlignmentFlag.AlignLeft)
        if unlocked:
            form.addRow(translate("settings_dialog", "Your journal"), journal_row)
        self.close_button = button(
            translate("settings_dialog", "Close"), "primary", self, name="closeSettings"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(
            label(
                translate("settings_dialog", "Changes are kept as you make them."), "small", self
            ),
            1,
        )
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        # The settings scroll (a zoomed window or a short screen holds more than fits);
        # Close and the note beside it stay in view below.
        body = QWidget(self)
        body.setObjectName("settingsBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 24, 28, 8)
        column.setSpacing(14)
        column.addWidget(label(translate("settings_dialog", "Settings"), "title", body))
        column.addLayout(form)
        column.addWidget(
            label(
                translate(
                    "settings_dialog",
                    "Locking hides everything you have written until your passphrase is typed "
                    "again. Ctrl+L locks at once; Ctrl+Shift+H hides the window straight away "
                    "and locks it too.",
                ),
                "small",
                body,
            )
        )
        column.addStretch(1)
        self.pane = QScrollArea(self)
        self.pane.setObjectName("settingsScroll")
        self.pane.setWidgetResizable(True)
        self.pane.setFrameShape(QFrame.Shape.NoFrame)
        self.pane.setWidget(body)
        self.pane.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        buttons.setContentsMargins(28, 8, 28, 20)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pane, 1)
        layout.addLayout(buttons)
        self.close_button.setDefault(True)
        self._fit_to_screen(form.sizeHint().width() + 56, body)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.close_button.clicked.connect(self.accept)
        self.font_size.valueChanged.connect(self._on_changed)
        self.idle.valueChanged.connect(self._say_minutes)
        self.zoom.currentIndexChanged.connect(self._on_changed)
        self.idle.valueChanged.connect(self._on_changed)
        self.theme.currentIndexChanged.connect(self._on_changed)
        self.spelling.currentIndexChanged.connect(self._on_changed)
        self.language.currentIndexChanged.connect(self._on_changed)
        self.on_this_day.toggled.connect(self._on_changed)
        self.before_session.toggled.connect(self._on_changed)
        self.daily.toggled.connect(self._on_changed)
        self.daily_at.timeChanged.connect(self._on_changed)
        self.start_quietly.toggled.connect(self._on_changed)
        self.backups.clicked.connect(self._to_backups)
        self.your_copy.clicked.connect(self._to_copy)
        self.change_passphrase.clicked.connect(self._to_passphrase)
        self.new_recovery.clicked.connect(self._to_recovery)

    def _fit_to_screen(self, form_width: int, body: QWidget) -> None:
        """Wide enough for the form's longest words in any language, as tall as its
        settings need, and never more than most of the screen."""
        screen = self.screen().availableGeometry()
        bar = self.pane.verticalScrollBar().sizeHint().width()
        width = min(max(480, form_width + bar), int(screen.width() * 0.9))
        self.setMinimumWidth(width)
        need = body.heightForWidth(width - bar) if body.hasHeightForWidth() else -1
        height = max(need, body.sizeHint().height()) + self.close_button.sizeHint().height() + 28
        self.resize(width, min(height, int(screen.height() * 0.9)))

    def _fit_reminders(self) -> None:
        self.daily_at.setEnabled(self.daily.isChecked())
        self.start_quietly.setEnabled(self.daily.isChecked() or self.before_session.isChecked())

    @Slot()
    def _on_changed(self) -> None:
        self._fit_reminders()
        self.changed.emit(self.settings())

    @Slot()
    def _to_backups(self) -> None:
        self.accept()
        self.backups_requested.emit()

    @Slot()
    def _to_copy(self) -> None:
        self.accept()
        self.copy_requested.emit()

    @Slot()
    def _to_recovery(self) -> None:
        self.accept()
        self.recovery_requested.emit()

    @Slot()
    def _to_passphrase(self) -> None:
        self.accept()
        self.passphrase_requested.emit()

    @Slot(int)
    def _say_minutes(self, value: int) -> None:
        self.idle.setSuffix(
            translate("settings_dialog", " minute")
            if value == 1
            else translate("settings_dialog", " minutes")
        )

    def settings(self) -> Settings:
        return replace(
            self._base,
            font_size=self.font_size.value(),
            idle_minutes=self.idle.value(),
            theme=Theme(str(self.theme.currentData())),
            zoom=int(self.zoom.currentData()),
            spelling=SpellingLanguage(str(self.spelling.currentData())),
            language=str(self.language.currentData()),
            on_this_day=self.on_this_day.isChecked(),
            remind_before_session=self.before_session.isChecked(),
            daily_reminder=self.daily_at.time().toString("HH:mm") if self.daily.isChecked() else "",
            start_quietly=self.start_quietly.isChecked(),
        ).clamped()


__all__ = ["SettingsDialog"]
