"""The translators' catalogues: python scripts/catalogues.py [update|compile|check]

update   writes geo/text/locale/messages.pot from the English texts of geo/text/i18n.py and
         brings each language's messages.po up to date with it (new entries empty, changed
         ones fuzzy), then compiles;
compile  writes each messages.mo (scripts/setup runs this);
check    lists every entry missing, untranslated, fuzzy, with other placeholders or the wrong
         number of plural forms, and exits 1 if there is one.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.text.catalogues import (
    TEMPLATE,
    compile_catalogue,
    problems,
    read,
    template,
    translated_languages,
    updated,
    write,
)
from geo.text.i18n import catalogue_path


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    source = template()
    if command == "update":
        write(source, TEMPLATE)
        for lang in translated_languages():
            write(updated(lang, source), catalogue_path(lang))
            print(f"updated {catalogue_path(lang)}")
        command = "compile"
    if command == "compile":
        for lang in translated_languages():
            print(f"compiled {compile_catalogue(lang)}")
        return 0
    if command == "check":
        found = [
            line for lang in translated_languages() for line in problems(read(catalogue_path(lang), lang), source, lang)
        ]
        print("\n".join(found) or f"ok: {len(source) - 1} entries in {', '.join(translated_languages())}")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
