"""Every documented operation: the table the service routes by, read from operations.json."""

from __future__ import annotations

from pathlib import Path

from ._service import Operation, load_operations

OPERATIONS: list[Operation] = load_operations(
    Path(__file__).with_name("operations.json")
)
