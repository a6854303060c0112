"""Text from data made safe where it is shown: markdown and spreadsheet formulas."""

from __future__ import annotations

import json
import re

# A spreadsheet runs a cell starting with these as a formula when the CSV is opened, and
# skips any whitespace before them (" =1+1", "\t=1+1" and "\n@SUM(A1)" run too).
FORMULA_PREFIXES = ("=", "+", "-", "@")


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def defuse_formula(value):
    """Prefix a cell that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and (value.lstrip().startswith(FORMULA_PREFIXES) or value[:1] in ("\t", "\r")):
        return "'" + value
    return value


def escape_markdown(text: str) -> str:
    """Text that Streamlit's markdown shows literally, HTML and markup included."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def compact_json(value) -> str:
    """JSON that is safe to place inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
