"""Import messages kept as catalogue keys and values, so each reader gets them in their language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.text.i18n import t
from geo.text.numbers import number_text


@dataclass(frozen=True)
class Message:
    """A text for the reader, kept as its key in geo.i18n and the values it names, so that each
    page shows it in its session's language (and the command line in English)."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        """The text in `lang`, whole numbers written with its thousands separator (a year or an id
        is kept as text for that reason)."""
        values = {
            k: number_text(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in self.values
        }
        return t(self.key, lang, **values)


def message(key: str, **values) -> Message:
    return Message(key, tuple(sorted(values.items())))


class ImportFailure(Exception):
    """A file that cannot be imported at all: what is wrong, where, and how to fix it."""

    def __init__(self, key: str, **values):
        self.message = message(key, **values)
        super().__init__(self.message.text())


def failure_of(error: Exception, name: str) -> Message:
    """Why a file could not be imported, for a page to show in its language: the reader's own words
    when it refused the file, else the error itself, so that nothing unforeseen shows a traceback.
    A file system error is shown without its path, which is the server's business."""
    if isinstance(error, ImportFailure):
        return error.message
    if isinstance(error, FileNotFoundError):
        return message("import_not_found", name=name)
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return message("import_unexpected", name=name, error=f"{type(error).__name__}: {detail}")
