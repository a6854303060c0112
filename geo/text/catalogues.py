"""The translators' catalogues: the template written from the English texts, each language's
catalogue updated from it, compiled, and checked.

A catalogue passes when every entry of the template is translated, none is fuzzy, each
translation names the same `{placeholders}` as its English, and a plural has as many forms as the
language has (from CLDR)."""

from __future__ import annotations

from pathlib import Path
from string import Formatter

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from geo.data.paths import ROOT
from geo.text.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE, Plural, catalogue_path, entries

PROJECT = "Central Asia jihadist networks"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def template() -> Catalog:
    """Every English text as an entry, its key as context."""
    catalog = Catalog(project=PROJECT, version="1", copyright_holder=PROJECT, msgid_bugs_address="", fuzzy=False)
    for context, source in entries():
        catalog.add((source.one, source.other) if isinstance(source, Plural) else source, context=context)
    return catalog


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=0, sort_output=False, ignore_obsolete=True)


def updated(lang: str, source: Catalog) -> Catalog:
    """The catalogue of `lang` with the template's entries: new ones empty, changed ones fuzzy
    (their old translation kept for the translator to check), removed ones dropped."""
    path = catalogue_path(lang)
    catalog = read(path, lang) if path.exists() else Catalog(locale=lang, project=PROJECT, fuzzy=False)
    catalog.update(source, no_fuzzy_matching=False)
    catalog.project, catalog.copyright_holder, catalog.msgid_bugs_address = PROJECT, PROJECT, ""
    catalog.last_translator, catalog.language_team = "", Locale.parse(lang).english_name
    catalog.version, catalog.revision_date = "1", source.creation_date
    catalog.header_comment = (
        f"# {Locale.parse(lang).english_name} texts of {PROJECT}.\n"
        "# Translate each msgstr (keep every {placeholder}); then run: python scripts/catalogues.py check"
    )
    return catalog


def compile_catalogue(lang: str) -> Path:
    po, mo = catalogue_path(lang), catalogue_path(lang, ".mo")
    with mo.open("wb") as file:
        write_mo(file, read(po, lang))
    return mo


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def problems(catalog: Catalog, source: Catalog, lang: str) -> list[str]:
    """What keeps `catalog` (of `lang`) from being used: one line per entry, naming its context."""
    forms = get_plural(lang).num_plurals
    found = []
    for message in source:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        where = f"{catalogue_path(lang).relative_to(ROOT)}: {message.context}"
        if entry is None:
            found.append(f"{where}: missing")
            continue
        translations = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        if entry.fuzzy:
            found.append(f"{where}: fuzzy (the English changed; check the translation)")
        if not all(text.strip() for text in translations):
            found.append(f"{where}: not translated")
            continue
        if isinstance(message.id, tuple) and len(translations) != forms:
            found.append(f"{where}: {len(translations)} plural forms, {lang} has {forms}")
        wanted = set().union(*map(_fields, english))
        wrong = [text for text in translations if _fields(text) != wanted]
        if wrong:
            names = ", ".join(sorted(wanted)) or "none"
            found.append(f"{where}: placeholders {sorted(_fields(wrong[0]))} instead of {names}")
    return found


def translated_languages() -> tuple[str, ...]:
    return tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
