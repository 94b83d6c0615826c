"""Entry point of `make bench`."""

from __future__ import annotations

print("No benchmarks yet: they arrive with the benchmarks work.")
