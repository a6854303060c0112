"""What a validation problem is and how it reads."""

from __future__ import annotations

from dataclasses import dataclass

# CSV line numbers count the header as line 1, so data row 0 sits on line 2.
HEADER_LINES = 1


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule in one cell: enough to find and fix it by hand."""

    file: str
    line: int | None
    column: str
    value: str
    rule: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "whole file"
        column = f", column '{self.column}'" if self.column else ""
        value = f", value {self.value!r}" if self.value != "" or self.column else ""
        return f"{self.file}: {where}{column}{value}: {self.rule}"


def line_of(row_index: int) -> int:
    """The file line of a 0-based data row."""
    return int(row_index) + HEADER_LINES + 1


class DataValidationError(ValueError):
    """Raised with every problem found, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column, p.rule))
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} data problem(s):\n{lines}")
