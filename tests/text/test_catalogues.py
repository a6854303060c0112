"""The translators' catalogues: complete, consistent with the English, and checked so that a
broken one is caught."""

from __future__ import annotations

import copy

import pytest

from geo.text.catalogues import problems, read, template, translated_languages
from geo.text.i18n import STRINGS, Plural, catalogue_path, entries, t, translations

SOURCE = template()


@pytest.mark.parametrize("lang", translated_languages())
def test_every_committed_catalogue_passes_its_check(lang):
    assert problems(read(catalogue_path(lang), lang), SOURCE, lang) == []


def test_the_template_holds_every_english_text_once():
    assert len([m for m in SOURCE if m.id]) == len(list(entries()))


def broken(change):
    catalog = copy.deepcopy(read(catalogue_path("fr"), "fr"))
    change(catalog)
    return problems(catalog, SOURCE, "fr")


def msgid(key):
    source = STRINGS[key]
    return (source.one, source.other) if isinstance(source, Plural) else source


def set_string(key, value):
    def change(catalog):
        catalog.get(msgid(key), context=key).string = value

    return change


def remove(key):
    return lambda catalog: catalog.delete(msgid(key), context=key)


def fuzzy(key):
    return lambda catalog: catalog.get(msgid(key), context=key).flags.add("fuzzy")


@pytest.mark.parametrize(
    "change,expected",
    [
        (set_string("app_title", ""), "app_title: not translated"),
        (set_string("rows_shown", ("{shown} ligne", "{shown} lignes", "{shown} lignes")), "placeholders"),
        (set_string("metric_foiled", ("{n} projet", "{n} projets")), "metric_foiled: 2 plural forms, fr has 3"),
        (set_string("import_failed", "Rien n'a été importé de {nom}."), "placeholders ['nom'] instead of name"),
        (remove("filters"), "filters: missing"),
        (fuzzy("years"), "years: fuzzy"),
    ],
)
def test_a_broken_catalogue_is_reported_with_its_entry(change, expected):
    found = broken(change)
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith("geo/text/locale/fr/LC_MESSAGES/messages.po: ")


@pytest.mark.parametrize(
    "key,values,lang,expected",
    [
        ("metric_foiled", {"n": 1}, "en", "1 foiled plot"),
        ("metric_foiled", {"n": 2}, "en", "2 foiled plots"),
        ("metric_foiled", {"n": 0}, "fr", "0 projet déjoué"),
        ("metric_foiled", {"n": 1}, "fr", "1 projet déjoué"),
        ("metric_foiled", {"n": 2}, "fr", "2 projets déjoués"),
        ("import_skipped", {"n": "1\u202f234"}, "fr", "1\u202f234 lignes écartées"),
        ("rows_shown", {"shown": 1, "total": 1}, "en", "1 of 1 row shown"),
        # Russian has three forms: 1 and 21 (one), 2 to 4 and 22 (few), 5 to 20 and 11 (many).
        ("metric_foiled", {"n": 1}, "ru", "1 предотвращённый теракт"),
        ("metric_foiled", {"n": 2}, "ru", "2 предотвращённых теракта"),
        ("metric_foiled", {"n": 5}, "ru", "5 предотвращённых терактов"),
        ("metric_foiled", {"n": 11}, "ru", "11 предотвращённых терактов"),
        ("metric_foiled", {"n": 21}, "ru", "21 предотвращённый теракт"),
        ("import_skipped", {"n": 1}, "ru", "1 строка пропущена"),
        ("import_skipped", {"n": 2}, "ru", "2 строки пропущены"),
        ("import_skipped", {"n": 5}, "ru", "5 строк пропущено"),
        ("import_skipped", {"n": 11}, "ru", "11 строк пропущено"),
        ("import_skipped", {"n": 21}, "ru", "21 строка пропущена"),
        ("rows_shown", {"shown": 1, "total": 21}, "ru", "Показано 1 из 21 строки"),
        ("rows_shown", {"shown": 3, "total": 11}, "ru", "Показано 3 из 11 строк"),
    ],
)
def test_plural_forms_follow_the_number(key, values, lang, expected):
    assert t(key, lang, **values) == expected


def test_each_call_reads_its_own_language():
    assert (t("filters", "fr"), t("filters", "en"), t("filters", "fr")) == ("Filtres", "Filters", "Filtres")
    assert t("filters", "xx") == "Filters"


def test_a_catalogue_not_yet_compiled_is_compiled_in_memory(tmp_path, monkeypatch):
    committed = catalogue_path("fr").read_bytes()
    monkeypatch.setattr("geo.text.i18n.LOCALE_DIR", tmp_path)
    target = tmp_path / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "messages.po").write_bytes(committed)
    translations.cache_clear()
    try:
        assert translations("fr").pgettext("filters", STRINGS["filters"]) == "Filtres"
        assert not (target / "messages.mo").exists()
    finally:
        translations.cache_clear()
