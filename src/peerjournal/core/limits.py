"""How much one answer or page may hold: here alone, so reading a page needs no kinds."""

from __future__ import annotations

MAX_TEXT_CHARS = 16 * 1024 * 1024

__all__ = ["MAX_TEXT_CHARS"]
