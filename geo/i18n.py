"""Every user-facing string in English and French, and the vocabularies' labels."""
from __future__ import annotations

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Jihadist networks in Central Asia", "fr": "Réseaux djihadistes en Asie centrale"},
    "app_subtitle": {
        "en": "From the Islamic Movement of Uzbekistan to the Islamic State Khorasan Province, 1991 to today",
        "fr": "Du Mouvement islamique d'Ouzbékistan à l'État islamique au Khorassan, de 1991 à nos jours",
    },
    "language": {"en": "Language", "fr": "Langue"},
    "filters": {"en": "Filters", "fr": "Filtres"},
    "years": {"en": "Years", "fr": "Années"},
    "groups": {"en": "Groups", "fr": "Groupes"},
    "groups_help": {"en": "Leave empty for all groups", "fr": "Laisser vide pour tous les groupes"},
    "page_data": {"en": "Data & sources", "fr": "Données et sources"},
    "data_intro": {
        "en": "Every figure in this dashboard comes from these tables. Each row cites at least one "
              "source; uncertain dates, places and tolls are recorded as precision levels and ranges.",
        "fr": "Chaque chiffre de ce tableau de bord provient de ces tables. Chaque ligne cite au moins "
              "une source ; dates, lieux et bilans incertains sont notés sous forme de niveaux de "
              "précision et de fourchettes.",
    },
    "dataset": {"en": "Dataset", "fr": "Jeu de données"},
    "rows": {"en": "Rows", "fr": "Lignes"},
    "search": {"en": "Search in every column", "fr": "Rechercher dans toutes les colonnes"},
    "search_placeholder": {"en": "e.g. Tashkent, IMU, 2004", "fr": "ex. Tachkent, MIO, 2004"},
    "apply_sidebar_filters": {"en": "Apply the sidebar's years and groups", "fr": "Appliquer les années et groupes du panneau latéral"},
    "rows_shown": {"en": "{shown} of {total} rows shown", "fr": "{shown} lignes affichées sur {total}"},
    "download_selection": {"en": "Download these {n} rows (CSV)", "fr": "Télécharger ces {n} lignes (CSV)"},
    "download_full": {"en": "Download the whole {name} file (CSV)", "fr": "Télécharger le fichier {name} complet (CSV)"},
    "select_row_hint": {"en": "Select a row to see its sources.", "fr": "Sélectionnez une ligne pour voir ses sources."},
    "row_sources": {"en": "Sources of {id}", "fr": "Sources de {id}"},
    "no_rows": {"en": "No row matches these filters.", "fr": "Aucune ligne ne correspond à ces filtres."},
    "how_to_cite": {"en": "How to cite", "fr": "Comment citer"},
    "cite_text": {
        "en": "Jihadist networks in Central Asia dashboard, dataset '{name}' ({rows} rows), "
              "consulted {today}. Cite the original sources listed for each row as well.",
        "fr": "Tableau de bord « Réseaux djihadistes en Asie centrale », jeu de données « {name} » "
              "({rows} lignes), consulté le {today}. Citez aussi les sources d'origine de chaque ligne.",
    },
    "counts_title": {"en": "Rows per dataset", "fr": "Lignes par jeu de données"},
    "source_link": {"en": "First source", "fr": "Première source"},
    "shapes_credit": {
        "en": "Country shapes: Natural Earth (public domain), 1:10m around Central Asia.",
        "fr": "Contours des pays : Natural Earth (domaine public), au 1/10 000 000 autour de l'Asie centrale.",
    },
    "data_error": {
        "en": "The data files did not pass validation. Fix the problems below and reload.",
        "fr": "Les fichiers de données n'ont pas passé la validation. Corrigez les problèmes ci-dessous puis rechargez.",
    },
}

DATASET_LABELS = {
    "attacks": {"en": "Attacks and foiled plots", "fr": "Attentats et projets déjoués"},
    "events": {"en": "Events (timeline)", "fr": "Événements (chronologie)"},
    "groups": {"en": "Groups", "fr": "Groupes"},
    "group_links": {"en": "Links between groups", "fr": "Liens entre groupes"},
    "bases": {"en": "Bases, havens and operating areas", "fr": "Bases, refuges et zones d'action"},
    "borders": {"en": "Borders", "fr": "Frontières"},
    "organizations": {"en": "Regional organisations", "fr": "Organisations régionales"},
    "memberships": {"en": "Memberships", "fr": "Adhésions"},
    "sources": {"en": "Sources", "fr": "Sources"},
}

COLUMN_LABELS = {
    "id": {"en": "Id", "fr": "Id"},
    "date": {"en": "Date", "fr": "Date"},
    "date_precision": {"en": "Date precision", "fr": "Précision de la date"},
    "city": {"en": "Place", "fr": "Lieu"},
    "country_iso3": {"en": "Country", "fr": "Pays"},
    "location_precision": {"en": "Place precision", "fr": "Précision du lieu"},
    "group_id": {"en": "Group", "fr": "Groupe"},
    "responsibility": {"en": "Responsibility", "fr": "Responsabilité"},
    "perpetrator_nationalities": {"en": "Perpetrators' nationalities", "fr": "Nationalités des auteurs"},
    "attack_type": {"en": "Attack type", "fr": "Type d'attaque"},
    "target_type": {"en": "Target", "fr": "Cible"},
    "killed_low": {"en": "Killed (low)", "fr": "Tués (bas)"},
    "killed_high": {"en": "Killed (high)", "fr": "Tués (haut)"},
    "wounded_low": {"en": "Wounded (low)", "fr": "Blessés (bas)"},
    "wounded_high": {"en": "Wounded (high)", "fr": "Blessés (haut)"},
    "foiled": {"en": "Foiled", "fr": "Déjoué"},
    "summary_en": {"en": "Summary (EN)", "fr": "Résumé (EN)"},
    "summary_fr": {"en": "Summary (FR)", "fr": "Résumé (FR)"},
    "source_ids": {"en": "Sources", "fr": "Sources"},
    "notes": {"en": "Notes", "fr": "Notes"},
    "kind": {"en": "Kind", "fr": "Type"},
    "title_en": {"en": "Title (EN)", "fr": "Titre (EN)"},
    "title_fr": {"en": "Title (FR)", "fr": "Titre (FR)"},
    "countries": {"en": "Countries", "fr": "Pays"},
    "group_ids": {"en": "Groups", "fr": "Groupes"},
    "org_ids": {"en": "Organisations", "fr": "Organisations"},
    "title": {"en": "Title", "fr": "Titre"},
    "author": {"en": "Author", "fr": "Auteur"},
    "publisher": {"en": "Publisher", "fr": "Éditeur"},
    "url": {"en": "Link", "fr": "Lien"},
    "language": {"en": "Language", "fr": "Langue"},
    "name_en": {"en": "Name (EN)", "fr": "Nom (EN)"},
    "name_fr": {"en": "Name (FR)", "fr": "Nom (FR)"},
    "acronym_en": {"en": "Acronym (EN)", "fr": "Sigle (EN)"},
    "acronym_fr": {"en": "Acronym (FR)", "fr": "Sigle (FR)"},
    "founded_year": {"en": "Founded", "fr": "Fondation"},
    "end_year": {"en": "End", "fr": "Fin"},
    "leaders": {"en": "Leaders", "fr": "Dirigeants"},
    "description_en": {"en": "Description (EN)", "fr": "Description (EN)"},
    "description_fr": {"en": "Description (FR)", "fr": "Description (FR)"},
    "color": {"en": "Colour", "fr": "Couleur"},
    "from_group": {"en": "From", "fr": "De"},
    "to_group": {"en": "To", "fr": "Vers"},
    "start_year": {"en": "From year", "fr": "Depuis"},
    "operator": {"en": "Operated by", "fr": "Exploitée par"},
    "lat": {"en": "Latitude", "fr": "Latitude"},
    "lon": {"en": "Longitude", "fr": "Longitude"},
    "radius_km": {"en": "Radius (km)", "fr": "Rayon (km)"},
    "country_a": {"en": "Country A", "fr": "Pays A"},
    "country_b": {"en": "Country B", "fr": "Pays B"},
    "status": {"en": "Status", "fr": "Statut"},
    "founded": {"en": "Founded", "fr": "Fondation"},
    "dissolved": {"en": "Dissolved", "fr": "Dissolution"},
    "hq_city": {"en": "Headquarters", "fr": "Siège"},
    "org_id": {"en": "Organisation", "fr": "Organisation"},
    "start_date": {"en": "Start", "fr": "Début"},
    "end_date": {"en": "End", "fr": "Fin"},
    "source_url": {"en": "First source", "fr": "Première source"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = STRINGS[key][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def dataset_label(name: str, lang: str) -> str:
    """A dataset's display name."""
    return DATASET_LABELS[name][lang]


def column_label(column: str, lang: str) -> str:
    """A column's header in `lang`; the raw name for columns without a label."""
    return COLUMN_LABELS.get(column, {}).get(lang, column)
