from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QPoint, Qt, SignalInstance
from PySide6.QtWidgets import QWidget

class SignalBlocker:
    args: list[object] | None
    signal_triggered: bool
    def __enter__(self) -> SignalBlocker: ...
    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

class _WaitWidgetContextManager:
    def __enter__(self) -> _WaitWidgetContextManager: ...
    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

class QtBot:
    def addWidget(
        self, widget: QWidget, *, before_close_func: Callable[[QWidget], None] | None = ...
    ) -> None: ...
    def waitActive(self, widget: QWidget, *, timeout: int = ...) -> _WaitWidgetContextManager: ...
    def waitExposed(self, widget: QWidget, *, timeout: int = ...) -> _WaitWidgetContextManager: ...
    def waitSignal(
        self,
        signal: SignalInstance,
        *,
        timeout: int = ...,
        raising: bool | None = ...,
        check_params_cb: Callable[..., bool] | None = ...,
    ) -> SignalBlocker: ...
    def wait(self, ms: int) -> None: ...
    def waitUntil(self, callback: Callable[[], object], *, timeout: int = ...) -> None: ...
    @staticmethod
    def keyClick(
        widget: QWidget,
        key: Qt.Key | str,
        modifier: Qt.KeyboardModifier = ...,
        delay: int = ...,
    ) -> None: ...
    @staticmethod
    def keyClicks(
        widget: QWidget, sequence: str, modifier: Qt.KeyboardModifier = ..., delay: int = ...
    ) -> None: ...
    @staticmethod
    def keyPress(
        widget: QWidget, key: Qt.Key | str, modifier: Qt.KeyboardModifier = ..., delay: int = ...
    ) -> None: ...
    @staticmethod
    def keyRelease(
        widget: QWidget, key: Qt.Key | str, modifier: Qt.KeyboardModifier = ..., delay: int = ...
    ) -> None: ...
    @staticmethod
    def mouseClick(
        widget: QWidget,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = ...,
        pos: QPoint = ...,
        delay: int = ...,
    ) -> None: ...
    @staticmethod
    def mouseDClick(
        widget: QWidget,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = ...,
        pos: QPoint = ...,
        delay: int = ...,
    ) -> None: ...
