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
        "fr": "Chaque chiffre de ce tableau de bord provient de ces tableaux. Chaque ligne cite au moins "
        "une source ; dates, lieux et bilans incertains sont notés sous forme de niveaux de "
        "précision et de fourchettes.",
    },
    "dataset": {"en": "Dataset", "fr": "Jeu de données"},
    "rows": {"en": "Rows", "fr": "Lignes"},
    "search": {"en": "Search in every column", "fr": "Rechercher dans toutes les colonnes"},
    "search_placeholder": {"en": "e.g. Tashkent, IMU, 2004", "fr": "p. ex. Tachkent, MIO, 2004"},
    "apply_sidebar_filters": {
        "en": "Apply the sidebar's years and groups",
        "fr": "Appliquer les années et groupes du panneau latéral",
    },
    "rows_shown": {"en": "{shown} of {total} rows shown", "fr": "{shown} lignes affichées sur {total}"},
    "download_selection": {"en": "Download these {n} rows (CSV)", "fr": "Télécharger ces {n} lignes (CSV)"},
    "download_full": {
        "en": "Download the whole {name} file (CSV)",
        "fr": "Télécharger le fichier {name} complet (CSV)",
    },
    "select_row_hint": {
        "en": "Select a row to see its sources.",
        "fr": "Sélectionnez une ligne pour voir ses sources.",
    },
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
    "page_map": {"en": "Map", "fr": "Carte"},
    "map_intro": {
        "en": "Where the violence was, where the groups lived and which borders were mined or closed, "
        "for the years and filters chosen in the sidebar. Click a circle for its record and sources.",
        "fr": "Où la violence a frappé, où les groupes vivaient et quelles frontières étaient minées ou fermées, "
        "pour les années et filtres choisis dans le panneau latéral. Cliquez sur un cercle pour sa fiche et ses sources.",
    },
    "lineage": {"en": "Include splinters and successors", "fr": "Inclure scissions et successeurs"},
    "lineage_help": {
        "en": "Choosing the IMU also brings the IJU, Jamaat Ansarullah and ISKP (from the links table).",
        "fr": "Choisir le MIO ajoute aussi l'UJI, Jamaat Ansarullah et l'EI-K (d'après le tableau des liens).",
    },
    "more_filters": {"en": "Attack filters", "fr": "Filtres des attentats"},
    "countries_filter": {"en": "Countries hit", "fr": "Pays frappés"},
    "attack_type": {"en": "Attack type", "fr": "Type d'attaque"},
    "target": {"en": "Target", "fr": "Cible"},
    "nationalities_filter": {"en": "Perpetrators' nationality", "fr": "Nationalité des auteurs"},
    "min_casualties": {"en": "At least this many killed and wounded", "fr": "Au moins ce nombre de tués et blessés"},
    "min_casualties_help": {
        "en": "Counted at the upper estimate, so an uncertain toll is not hidden.",
        "fr": "Compté sur l'estimation haute, pour ne pas masquer un bilan incertain.",
    },
    "hide_vague": {
        "en": "Hide events placed only at country level",
        "fr": "Masquer les événements localisés seulement à l'échelle du pays",
    },
    "include_foiled": {"en": "Include foiled plots", "fr": "Inclure les projets déjoués"},
    "all": {"en": "All", "fr": "Tous"},
    "layers": {"en": "Layers", "fr": "Couches"},
    "shade_by": {"en": "Shade countries by", "fr": "Colorer les pays selon"},
    "online_tiles": {"en": "Online tiles (internet)", "fr": "Fond en ligne (internet)"},
    "online_tiles_help": {
        "en": "OpenStreetMap tiles under the layers. Off, the map makes no request outside this app.",
        "fr": "Tuiles OpenStreetMap sous les couches. Désactivé, la carte ne fait aucune requête hors de cette application.",
    },
    "step_back": {"en": "◀ Year", "fr": "◀ Année"},
    "step_forward": {"en": "Year ▶", "fr": "Année ▶"},
    "play": {"en": "▶ Play the years", "fr": "▶ Dérouler les années"},
    "pause": {"en": "⏸ Pause", "fr": "⏸ Pause"},
    "timebar": {"en": "Time bar", "fr": "Barre du temps"},
    "timebar_histogram": {"en": "Attacks over time", "fr": "Attentats dans le temps"},
    "timebar_window": {"en": "Period shown", "fr": "Période affichée"},
    "timebar_play": {"en": "Play", "fr": "Lecture"},
    "timebar_pause": {"en": "Pause", "fr": "Pause"},
    "timebar_speed": {"en": "Speed", "fr": "Vitesse"},
    "timebar_back_year": {"en": "One year back", "fr": "Une année en arrière"},
    "timebar_back_month": {"en": "One month back", "fr": "Un mois en arrière"},
    "timebar_forward_month": {"en": "One month forward", "fr": "Un mois en avant"},
    "timebar_forward_year": {"en": "One year forward", "fr": "Une année en avant"},
    "metric_attacks": {"en": "Attacks", "fr": "Attentats"},
    "metric_foiled": {"en": "{n} foiled plots", "fr": "{n} projets déjoués"},
    "metric_killed": {"en": "Killed", "fr": "Tués"},
    "metric_wounded": {"en": "Wounded", "fr": "Blessés"},
    "metric_countries": {"en": "Countries", "fr": "Pays"},
    "range_help": {
        "en": "Low–high: the sources disagree, both ends are kept.",
        "fr": "Bas–haut : les sources divergent, les deux bornes sont gardées.",
    },
    "caption_period": {"en": "{low}–{high}", "fr": "{low}–{high}"},
    "caption_filter": {"en": "{label}: {values}", "fr": "{label} : {values}"},
    "caption_groups": {"en": "Groups", "fr": "Groupes"},
    "caption_countries": {"en": "Countries", "fr": "Pays"},
    "caption_attack_types": {"en": "Types", "fr": "Types"},
    "caption_target_types": {"en": "Targets", "fr": "Cibles"},
    "caption_nationalities": {"en": "Perpetrators from", "fr": "Auteurs originaires de"},
    "caption_min_casualties": {"en": "≥ {n} killed and wounded", "fr": "≥ {n} tués et blessés"},
    "caption_precise": {
        "en": "country-level places hidden",
        "fr": "lieux connus seulement à l'échelle du pays masqués",
    },
    "caption_no_foiled": {"en": "foiled plots excluded", "fr": "projets déjoués exclus"},
    "selected_events": {"en": "Events in this selection", "fr": "Événements de cette sélection"},
    "download_map_selection": {
        "en": "Download the {n} events shown (CSV)",
        "fr": "Télécharger les {n} événements affichés (CSV)",
    },
    "clicked_hint": {
        "en": "Click an attack on the map to see its full record here.",
        "fr": "Cliquez sur un attentat de la carte pour voir ici sa fiche complète.",
    },
    "record_sources": {"en": "Sources", "fr": "Sources"},
    "shapes_attribution_short": {"en": "Shapes: Natural Earth", "fr": "Contours : Natural Earth"},
    "map_data_attribution": {"en": "Data: {n} cited sources", "fr": "Données : {n} sources citées"},
    "unknown_group": {"en": "Unknown or unattributed", "fr": "Inconnu ou non attribué"},
    "perpetrators": {"en": "Perpetrators from", "fr": "Auteurs originaires de"},
    "date": {"en": "Date", "fr": "Date"},
    "place": {"en": "Place", "fr": "Lieu"},
    "group": {"en": "Group", "fr": "Groupe"},
    "killed": {"en": "Killed", "fr": "Tués"},
    "wounded": {"en": "Wounded", "fr": "Blessés"},
    "foiled": {"en": "Foiled plot", "fr": "Projet déjoué"},
    "yes": {"en": "yes", "fr": "oui"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "record": {"en": "Record", "fr": "Fiche"},
    "unknown": {"en": "unknown", "fr": "inconnu"},
    "more_below": {"en": "Full record and sources below the map.", "fr": "Fiche complète et sources sous la carte."},
    "ongoing": {"en": "ongoing", "fr": "en cours"},
    "kind": {"en": "Kind", "fr": "Type"},
    "operator": {"en": "Operated by", "fr": "Exploitée par"},
    "period": {"en": "Period", "fr": "Période"},
    "radius": {"en": "Radius", "fr": "Rayon"},
    "legend": {"en": "Legend", "fr": "Légende"},
    "legend_groups": {"en": "Attacks by group", "fr": "Attentats par groupe"},
    "legend_size": {
        "en": "Circle size: killed + wounded (low estimate)",
        "fr": "Taille : tués + blessés (estimation basse)",
    },
    "legend_casualties": {"en": "{n} killed or wounded", "fr": "{n} tués ou blessés"},
    "legend_vague_place": {
        "en": "Pale: place known to province or country only",
        "fr": "Pâle : lieu connu seulement à l'échelle de la province ou du pays",
    },
    "legend_foiled": {"en": "Dashed ring: foiled plot", "fr": "Anneau pointillé : projet déjoué"},
    "legend_heat": {"en": "Heatmap", "fr": "Carte de densité"},
    "legend_heat_low": {"en": "Few attacks, weighted by toll", "fr": "Peu d'attentats, pondérés par le bilan"},
    "legend_heat_high": {"en": "Many attacks, weighted by toll", "fr": "Beaucoup d'attentats, pondérés par le bilan"},
    "legend_borders": {"en": "Borders in the period", "fr": "Frontières sur la période"},
    "legend_bases": {"en": "Bases", "fr": "Bases"},
    "legend_base": {"en": "Group base, haven or camp", "fr": "Base, refuge ou camp d'un groupe"},
    "legend_area": {"en": "Operating area (radius)", "fr": "Zone d'action (rayon)"},
    "no_attacks": {
        "en": "No attack matches these filters; widen the years or clear a filter.",
        "fr": "Aucun attentat ne correspond à ces filtres ; élargissez les années ou retirez un filtre.",
    },
    "download_png": {"en": "PNG image", "fr": "Image PNG"},
    "download_svg": {"en": "SVG image", "fr": "Image SVG"},
    "download_csv": {"en": "Numbers (CSV)", "fr": "Chiffres (CSV)"},
    "chart_numbers": {"en": "The numbers behind this chart", "fr": "Les chiffres de ce graphique"},
    "page_timeline": {"en": "Timeline and trends", "fr": "Chronologie et tendances"},
    "timeline_intro": {
        "en": "How violence rose and moved over time, from the IMU to al-Qaida's orbit and then ISKP, for the "
        "sidebar's years and filters. Bars count the low estimate; hover a bar for the range and its attacks.",
        "fr": "Comment la violence a crû et s'est déplacée, du MIO à l'orbite d'al-Qaïda puis à l'EI-K, pour les "
        "années et filtres du panneau latéral. Les barres additionnent les estimations basses ; survolez une barre "
        "pour la fourchette et ses attentats.",
    },
    "stack_by": {"en": "Stack by", "fr": "Empiler selon"},
    "stack_group": {"en": "Group", "fr": "Groupe"},
    "stack_country": {"en": "Country", "fr": "Pays"},
    "measure": {"en": "Count", "fr": "Compter"},
    "measure_attacks": {"en": "Attacks", "fr": "Attentats"},
    "measure_killed": {"en": "Killed", "fr": "Tués"},
    "measure_wounded": {"en": "Wounded", "fr": "Blessés"},
    "chart_per_year": {"en": "{measure} per year, by {by}", "fr": "{measure} par an, par {by}"},
    "chart_inside_outside": {
        "en": "Attacks per year inside and outside Central Asia",
        "fr": "Attentats par an en Asie centrale et hors de la région",
    },
    "chart_key_events": {"en": "Key events", "fr": "Événements clés"},
    "inside_region": {"en": "In Central Asia", "fr": "En Asie centrale"},
    "outside_region": {"en": "Outside Central Asia", "fr": "Hors d'Asie centrale"},
    "other_countries": {"en": "Other countries", "fr": "Autres pays"},
    "era_roots": {"en": "Roots of the IMU", "fr": "Racines du MIO"},
    "era_al_qaeda": {"en": "Al-Qaida years", "fr": "Années al-Qaïda"},
    "era_iskp": {"en": "ISKP era", "fr": "Ère de l'EI-K"},
    "counted_curated": {
        "en": "Counted: notable attacks curated from cited sources, not a complete count (inclusion criteria: "
        "data/README.md).",
        "fr": "Compté : attentats marquants retenus d'après des sources citées, pas un décompte complet (critères "
        "d'inclusion : data/README.md).",
    },
    "counted_incidents": {
        "en": "Counted: incidents across the curated data and your imports; an event found in several datasets "
        "counts once.",
        "fr": "Compté : incidents des données du tableau de bord et de vos imports ; un événement présent dans "
        "plusieurs jeux compte une fois.",
    },
    "export_source": {
        "en": "Source: Jihadist networks in Central Asia dashboard, {today}; every row cites its sources.",
        "fr": "Source : tableau de bord « Réseaux djihadistes en Asie centrale », {today} ; chaque ligne cite ses sources.",
    },
    "page_groups": {"en": "Groups and lineage", "fr": "Groupes et filiations"},
    "groups_intro": {
        "en": "One profile per group, and how groups split, merged, pledged allegiance, allied and fought. "
        "Choose a group to highlight its ancestors and descendants in the graph.",
        "fr": "Une fiche par groupe, et comment les groupes se sont scindés, ont fusionné, prêté allégeance, "
        "se sont alliés ou combattus. Choisissez un groupe pour mettre en évidence ses ascendants et ses "
        "descendants dans le graphe.",
    },
    "profile_group": {"en": "Group", "fr": "Groupe"},
    "names": {"en": "Names", "fr": "Noms"},
    "years_active": {"en": "Years active", "fr": "Années d'activité"},
    "leaders": {"en": "Leaders", "fr": "Dirigeants"},
    "no_leaders": {"en": "not recorded", "fr": "non renseignés"},
    "group_bases": {"en": "Bases, havens and operating areas", "fr": "Bases, refuges et zones d'action"},
    "no_bases": {"en": "No base of this group is recorded.", "fr": "Aucune base de ce groupe n'est enregistrée."},
    "chart_group_years": {"en": "{group}: attacks and killed per year", "fr": "{group} : attentats et tués par an"},
    "lineage_year": {"en": "Links in force in", "fr": "Liens en vigueur en"},
    "chart_lineage": {"en": "Links between groups in {year}", "fr": "Liens entre groupes en {year}"},
    "lineage_highlight": {
        "en": "Highlighted: {group}, its ancestors ({up}) and descendants ({down}).",
        "fr": "En évidence : {group}, ses ascendants ({up}) et descendants ({down}).",
    },
    "nobody": {"en": "none", "fr": "aucun"},
    "page_cooperation": {"en": "Regional cooperation", "fr": "Coopération régionale"},
    "cooperation_intro": {
        "en": "From nothing in 1991 to the CIS Collective Security Treaty, the Shanghai Five and the SCO, the CSTO: "
        "who belonged to what in a given year, the agreements, exercises and aid programmes, and the foreign "
        "military bases in the region.",
        "fr": "De l'absence de toute coopération en 1991 au traité de sécurité collective de la CEI, aux Cinq de "
        "Shanghai et à l'OCS, puis à l'OTSC : "
        "qui appartenait à quoi une année donnée, les accords, exercices et programmes d'aide, et les bases "
        "militaires étrangères de la région.",
    },
    "organization": {"en": "Organisation", "fr": "Organisation"},
    "membership_year": {"en": "Year", "fr": "Année"},
    "chart_membership": {"en": "{org}: membership in {year}", "fr": "{org} : adhésions en {year}"},
    "no_members": {
        "en": "{org} had no member recorded in {year}.",
        "fr": "{org} n'avait aucun membre enregistré en {year}.",
    },
    "chart_cooperation": {
        "en": "Agreements, exercises, aid and interventions",
        "fr": "Accords, exercices, aides et interventions",
    },
    "chart_foreign_bases": {
        "en": "Foreign military bases in the region",
        "fr": "Bases militaires étrangères dans la région",
    },
    "context_title": {"en": "Context", "fr": "Contexte"},
    "context_topic": {"en": "Topic", "fr": "Thème"},
    "topic_labour_migration": {"en": "Labour migration", "fr": "Migrations de travail"},
    "topic_water": {"en": "Water", "fr": "Eau"},
    "topic_trafficking": {"en": "Drug trafficking", "fr": "Trafic de drogue"},
    "context_indicator": {"en": "Figure", "fr": "Indicateur"},
    "context_range": {
        "en": "Bars show the range when sources disagree.",
        "fr": "Les barres montrent la fourchette quand les sources divergent.",
    },
    "page_abroad": {"en": "Attacks abroad", "fr": "Attentats à l'étranger"},
    "abroad_intro": {
        "en": "Central Asia exports attackers more than it suffers attacks: attacks outside the region by "
        "Central Asian nationals, from their country of origin to the attack site, for the sidebar's years and filters.",
        "fr": "L'Asie centrale exporte plus d'assaillants qu'elle ne subit d'attentats : attentats hors de la région "
        "commis par des ressortissants d'Asie centrale, de leur pays d'origine au lieu de l'attaque, pour les "
        "années et filtres du panneau latéral.",
    },
    "chart_abroad_map": {
        "en": "From the perpetrators' country to the attack site",
        "fr": "Du pays des auteurs au lieu de l'attentat",
    },
    "chart_by_origin": {
        "en": "Attacks abroad by perpetrators' country",
        "fr": "Attentats à l'étranger par pays des auteurs",
    },
    "chart_by_destination": {"en": "Attacks abroad by country hit", "fr": "Attentats à l'étranger par pays frappé"},
    "no_abroad": {
        "en": "No attack abroad by Central Asian nationals in this selection.",
        "fr": "Aucun attentat à l'étranger par des ressortissants d'Asie centrale dans cette sélection.",
    },
    "briefing_credit": {"en": "Country shapes: Natural Earth.", "fr": "Contours des pays : Natural Earth."},
    "stamp_sources": {
        "en": "Data: {n} cited sources · Country shapes: Natural Earth",
        "fr": "Données : {n} sources citées · Contours : Natural Earth",
    },
    "stamp_date": {
        "en": "Jihadist networks in Central Asia dashboard · {today}",
        "fr": "Tableau de bord « Réseaux djihadistes en Asie centrale » · {today}",
    },
    "presentation": {"en": "Presentation mode", "fr": "Mode présentation"},
    "presentation_help": {
        "en": "Hides the sidebar and menus, enlarges text and stamps title, period, filters, sources "
        "and date on the map, ready for a screenshot. Kept in the link.",
        "fr": "Masque le panneau latéral et les menus, agrandit le texte et inscrit titre, période, "
        "filtres, sources et date sur la carte, prêts pour une capture d'écran. Conservé dans le lien.",
    },
    "exit_presentation": {"en": "Leave presentation mode", "fr": "Quitter le mode présentation"},
    "share": {"en": "Share this view", "fr": "Partager cette vue"},
    "share_help": {
        "en": "This link opens the same page, language, years, filters, layers and story step.",
        "fr": "Ce lien rouvre la même page avec la même langue, les mêmes années, filtres, couches et étape du récit.",
    },
    "export_title": {"en": "Exports", "fr": "Exports"},
    "export_png": {"en": "Briefing image (PNG)", "fr": "Image légendée (PNG)"},
    "export_png_300": {"en": "Briefing image, 300 dpi", "fr": "Image légendée, 300 ppp"},
    "export_html": {"en": "Interactive map (HTML, works offline)", "fr": "Carte interactive (HTML, hors ligne)"},
    "export_csv": {"en": "Data with citation (CSV)", "fr": "Données avec citation (CSV)"},
    "map_title": {"en": "Jihadist attacks, {period}", "fr": "Attentats djihadistes, {period}"},
    "csv_citation": {
        "en": "# Jihadist networks in Central Asia dashboard, consulted {today}. View: {caption}. "
        "Sources cited by these rows: {sources}",
        "fr": "# Tableau de bord « Réseaux djihadistes en Asie centrale », consulté le {today}. Vue : {caption}. "
        "Sources citées par ces lignes : {sources}",
    },
    "page_story": {"en": "Story", "fr": "Récit"},
    "story_counter": {"en": "Step {n} of {total}", "fr": "Étape {n} sur {total}"},
    "previous": {"en": "◀ Previous", "fr": "◀ Précédent"},
    "next": {"en": "Next ▶", "fr": "Suivant ▶"},
    "story_keys": {
        "en": "Keyboard: ← and → move through the steps.",
        "fr": "Clavier : ← et → font défiler les étapes.",
    },
    "origin": {"en": "Imported from", "fr": "Importé de"},
    "doubtful": {"en": "flagged as doubtful by its dataset", "fr": "signalé comme douteux par son jeu de données"},
    "origin_filter": {"en": "Events shown", "fr": "Événements affichés"},
    "origin_all": {"en": "Curated and imported", "fr": "Du tableau de bord et importés"},
    "origin_curated": {"en": "Curated only", "fr": "Du tableau de bord seulement"},
    "origin_imported": {"en": "Imported only", "fr": "Importés seulement"},
    "hide_doubtful": {
        "en": "Hide events their dataset flags as doubtful",
        "fr": "Masquer les événements signalés douteux par leur jeu de données",
    },
    "page_import": {"en": "Import data", "fr": "Importer des données"},
    "import_intro": {
        "en": "Add your own export of the Global Terrorism Database, UCDP GED, ACLED, or a CSV in this dashboard's "
        "attacks columns. The format is recognised from the header; rows that cannot be placed or dated are "
        "skipped and listed. Imported events are counted on every page with the curated ones, for this session: "
        "a record of an attack the curated data or an earlier import already has is linked to it, not counted "
        "again (the links are listed below). The dashboard's own data is never changed.",
        "fr": "Ajoutez votre propre export de la Global Terrorism Database, de l'UCDP GED, d'ACLED, ou un CSV aux colonnes "
        "des attentats de ce tableau de bord. Le format est reconnu d'après l'en-tête ; les lignes impossibles à "
        "situer sur la carte ou dans le temps sont écartées et listées. Les événements importés sont comptés sur "
        "toutes les pages avec ceux du tableau de bord, pour cette session : l'enregistrement d'un attentat que "
        "le tableau de bord ou un import précédent contient déjà lui est lié, sans être compté deux fois (les "
        "liens sont listés plus bas). Les propres données du tableau de bord ne sont jamais modifiées.",
    },
    "import_file": {"en": "Export file (CSV or XLSX)", "fr": "Fichier d'export (CSV ou XLSX)"},
    "import_choose": {"en": "Choose a file", "fr": "Choisir un fichier"},
    "import_size_limit": {
        "en": "Drop the file here or choose it; up to {mb} MB per file.",
        "fr": "Déposez le fichier ici ou choisissez-le ; {mb} Mo au plus par fichier.",
    },
    "import_format": {"en": "Format", "fr": "Format"},
    "format_auto": {"en": "Recognise from the header", "fr": "Reconnaître d'après l'en-tête"},
    "import_button": {"en": "Import", "fr": "Importer"},
    "import_done": {
        "en": "{name}: {n} events imported from a {fmt} export.",
        "fr": "{name} : {n} événements importés d'un export {fmt}.",
    },
    "import_skipped": {"en": "{n} rows skipped", "fr": "{n} lignes écartées"},
    "skip_no_date": {"en": "date missing or not a date", "fr": "date absente ou invalide"},
    "skip_future_date": {"en": "date in the future", "fr": "date future"},
    "skip_no_coordinates": {"en": "no coordinates", "fr": "pas de coordonnées"},
    "skip_coordinates_range": {
        "en": "coordinates out of range (latitude -90..90, longitude -180..180)",
        "fr": "coordonnées hors limites (latitude de -90 à 90, longitude de -180 à 180)",
    },
    "skip_duplicate_id": {
        "en": "duplicate event id (an earlier row with it was kept)",
        "fr": "identifiant d'événement en double (la ligne précédente qui le porte a été gardée)",
    },
    "skip_no_country": {
        "en": "country not recognised from its name or coordinates",
        "fr": "pays non reconnu, ni par son nom ni par ses coordonnées",
    },
    "import_read_as": {
        "en": "Rows whose {column} is outside {values}, read as {default}: {n}.",
        "fr": "Lignes dont la valeur de {column} est hors des valeurs admises ({values}), lue comme {default} : {n}.",
    },
    "import_range_widened": {
        "en": "Rows whose low estimate of the killed or wounded is above the high one, the range now spanning "
        "both: {n}.",
        "fr": "Lignes dont l'estimation basse des tués ou des blessés dépasse l'estimation haute, la fourchette "
        "couvrant désormais les deux : {n}.",
    },
    "import_ids_made": {
        "en": "Rows without an event id, each given one from the file and its row number (such as {example}): {n}.",
        "fr": "Lignes sans identifiant d'événement, chacune pourvue d'un identifiant tiré du fichier et de son "
        "numéro de ligne (par exemple {example}) : {n}.",
    },
    "import_formulas": {
        "en": "{n} text cells start with =, +, - or @; CSV downloads prefix them with a quote so a "
        "spreadsheet shows them as text instead of running them.",
        "fr": "{n} cellules de texte commencent par =, +, - ou @ ; les téléchargements CSV les font "
        "précéder d'une apostrophe pour qu'un tableur les affiche comme du texte au lieu de les "
        "exécuter.",
    },
    "import_failed": {"en": "Nothing was imported from {name}.", "fr": "Rien n'a été importé de {name}."},
    "who_says_what": {"en": "Who says what", "fr": "Qui dit quoi"},
    "incident_records": {
        "en": "The same incident in other datasets",
        "fr": "Le même incident dans d'autres jeux de données",
    },
    "disagree_title": {"en": "Where the datasets disagree", "fr": "Là où les jeux de données divergent"},
    "disagree_intro": {
        "en": "Each imported record linked to a curated attack or to an earlier import is one incident with "
        "it. Records differ when dated to the day {days} day or more apart, placed to the city more than "
        "{km} km apart, attributed to different groups (or to none in one of them), or when their tolls "
        "are more than {gap} people and {share}% apart. Confirm or reject a link in its first column: the "
        "decision is saved with the saved imports and counted at once.",
        "fr": "Chaque enregistrement importé lié à un attentat du tableau de bord ou d'un import précédent "
        "forme avec lui un seul incident. Deux enregistrements divergent quand, datés au jour, ils sont "
        "à {days} jour ou plus d'écart, quand, situés à la ville près, ils sont à plus de {km} km, quand "
        "ils attribuent l'attentat à des groupes différents (ou l'un à aucun), ou quand leurs bilans "
        "s'écartent de plus de {gap} personnes et de plus de {share} %. Confirmez ou rejetez un lien dans "
        "sa première colonne : la décision est enregistrée avec les imports enregistrés et comptée "
        "aussitôt.",
    },
    "disagree_only": {
        "en": "Only the links whose records differ",
        "fr": "Seulement les liens dont les enregistrements divergent",
    },
    "disagree_count": {
        "en": "{shown} of {total} links shown; {differ} with records that differ.",
        "fr": "{shown} liens affichés sur {total} ; {differ} entre enregistrements qui divergent.",
    },
    "links_none": {
        "en": "No imported record repeats a curated attack or another import.",
        "fr": "Aucun enregistrement importé ne répète un attentat du tableau de bord ou un autre import.",
    },
    "decisions_saved": {
        "en": "Decisions saved in {path}.",
        "fr": "Décisions enregistrées dans {path}.",
    },
    "download_crosswalk": {"en": "Crosswalk (CSV)", "fr": "Table de correspondance (CSV)"},
    "link_proposed": {"en": "proposed", "fr": "proposé"},
    "link_confirmed": {"en": "confirmed", "fr": "confirmé"},
    "link_rejected": {"en": "rejected", "fr": "rejeté"},
    "link_decision_help": {
        "en": "A rejected link is not counted: the record becomes an incident of its own, or joins its next "
        "best match. A confirmed link holds even if the scores later prefer another.",
        "fr": "Un lien rejeté n'est pas compté : l'enregistrement devient un incident à part entière, ou "
        "rejoint sa meilleure correspondance suivante. Un lien confirmé tient même si les scores en "
        "préfèrent ensuite un autre.",
    },
    "differs_toll": {"en": "tolls", "fr": "bilans"},
    "differs_date": {"en": "date", "fr": "date"},
    "differs_place": {"en": "place", "fr": "lieu"},
    "differs_group": {"en": "group", "fr": "groupe"},
    "link_column_decision": {"en": "Decision", "fr": "Décision"},
    "link_column_differs": {"en": "Differ on", "fr": "Divergent sur"},
    "link_column_record_id": {"en": "Imported record", "fr": "Enregistrement importé"},
    "link_column_linked_to": {"en": "Linked to", "fr": "Lié à"},
    "link_column_score": {"en": "Score", "fr": "Score"},
    "link_column_date_a": {"en": "Date (linked to)", "fr": "Date (lié à)"},
    "link_column_date_b": {"en": "Date (imported)", "fr": "Date (importé)"},
    "link_column_days_apart": {"en": "Days apart", "fr": "Jours d'écart"},
    "link_column_place_a": {"en": "Place (linked to)", "fr": "Lieu (lié à)"},
    "link_column_place_b": {"en": "Place (imported)", "fr": "Lieu (importé)"},
    "link_column_km_apart": {"en": "km apart", "fr": "km d'écart"},
    "link_column_group_a": {"en": "Group (linked to)", "fr": "Groupe (lié à)"},
    "link_column_group_b": {"en": "Group (imported)", "fr": "Groupe (importé)"},
    "link_column_killed_a": {"en": "Killed (linked to)", "fr": "Tués (lié à)"},
    "link_column_killed_b": {"en": "Killed (imported)", "fr": "Tués (importé)"},
    "link_column_wounded_a": {"en": "Wounded (linked to)", "fr": "Blessés (lié à)"},
    "link_column_wounded_b": {"en": "Wounded (imported)", "fr": "Blessés (importé)"},
    "link_column_reasons": {"en": "Why linked", "fr": "Raisons du lien"},
    "record_origin": {"en": "Dataset", "fr": "Jeu de données"},
    "record_id": {"en": "Record", "fr": "Enregistrement"},
    "curated": {"en": "Curated", "fr": "Données du tableau de bord"},
    "toll_latest_official": {"en": "latest official figure", "fr": "dernier chiffre officiel"},
    "toll_left_out": {"en": "left out of the range: {reason}", "fr": "écarté de la fourchette : {reason}"},
    "undated": {"en": "undated", "fr": "sans date"},
    "toll_column_as_of": {"en": "As of", "fr": "À la date du"},
    "toll_column_given_by": {"en": "Given by", "fr": "Donné par"},
    "toll_column_source": {"en": "Published in", "fr": "Publié dans"},
    "toll_column_kind": {"en": "Kind", "fr": "Type"},
    "toll_column_killed": {"en": "Killed", "fr": "Tués"},
    "toll_column_wounded": {"en": "Wounded", "fr": "Blessés"},
    "toll_column_status": {"en": "Counted", "fr": "Pris en compte"},
    "import_binary": {
        "en": "The file holds binary data, not CSV text. Export it as CSV (UTF-8 or Latin-1) or XLSX.",
        "fr": "Le fichier contient des données binaires, pas du texte CSV. Exportez-le en CSV (UTF-8 ou "
        "Latin-1) ou en XLSX.",
    },
    "import_encoding": {
        "en": "The text of {name} cannot be read cleanly in any encoding we know (UTF-8, UTF-16, Windows-1251, "
        "Windows-1252, Latin-1): save it again as UTF-8 CSV.",
        "fr": "Le texte de {name} ne se lit proprement dans aucun des encodages connus (UTF-8, UTF-16, "
        "Windows-1251, Windows-1252, Latin-1) : enregistrez-le de nouveau en CSV UTF-8.",
    },
    "import_empty": {
        "en": "{name} is empty: there is no header row and no data.",
        "fr": "{name} est vide : il n'a ni ligne d'en-tête ni données.",
    },
    "import_too_large": {
        "en": "{name} is {size} MB, over the {limit} MB limit. Filter the export to the region or the "
        "years you need and import that.",
        "fr": "{name} pèse {size} Mo, au-delà de la limite de {limit} Mo. Filtrez l'export sur la "
        "région ou les années voulues et importez ce fichier.",
    },
    "import_bad_xlsx": {
        "en": "{name} looks like a spreadsheet but cannot be opened ({error}). Save it again as XLSX or CSV.",
        "fr": "{name} ressemble à un classeur mais ne peut pas être ouvert ({error}). Enregistrez-le à "
        "nouveau en XLSX ou en CSV.",
    },
    "import_unknown_header": {
        "en": "{name}: the header matches no known format. Closest is {closest}, which also needs "
        "the columns {missing}. Export all columns, or use the project's attacks columns.",
        "fr": "{name} : l'en-tête ne correspond à aucun format connu. Le plus proche est {closest}, "
        "qui demande aussi les colonnes {missing}. Exportez toutes les colonnes, ou "
        "reprenez les colonnes des attentats de ce tableau de bord.",
    },
    "import_unknown_format": {
        "en": "Unknown format '{fmt}'; choose one of auto, {formats}.",
        "fr": "Format « {fmt} » inconnu ; choisissez parmi auto, {formats}.",
    },
    "import_missing_columns": {
        "en": "{name} is missing the {fmt} columns {missing}. Export the full column set.",
        "fr": "Il manque à {name} les colonnes {fmt} {missing}. Exportez toutes les colonnes.",
    },
    "import_unreadable": {
        "en": "{name} cannot be read as {fmt} rows: {error}. Check that text cells with commas or "
        "line breaks are in double quotes.",
        "fr": "{name} ne peut pas être lu comme des lignes {fmt} : {error}. Vérifiez que les cellules "
        "de texte contenant des virgules ou des retours à la ligne sont entre guillemets "
        "doubles.",
    },
    "import_no_rows": {
        "en": "{name} has a header but no data rows.",
        "fr": "{name} a un en-tête mais aucune ligne de données.",
    },
    "imports_current": {"en": "Imported in this session", "fr": "Importés dans cette session"},
    "imports_none": {"en": "No file imported yet.", "fr": "Aucun fichier importé pour l'instant."},
    "remove": {"en": "Remove", "fr": "Retirer"},
    "save_user": {"en": "Save to the user folder", "fr": "Enregistrer dans le dossier utilisateur"},
    "saved_user": {
        "en": "Saved as {path}; it will be imported again when the app starts.",
        "fr": "Enregistré sous {path} ; il sera réimporté au démarrage de l'application.",
    },
    "reason": {"en": "Reason", "fr": "Motif"},
    "rows_label": {"en": "Rows", "fr": "Lignes"},
    "map_as_table": {"en": "This map as a table", "fr": "Cette carte sous forme de tableau"},
    "data_error": {
        "en": "The data files did not pass validation. Fix the problems below and reload.",
        "fr": "Les fichiers de données ne sont pas valides. Corrigez les problèmes ci-dessous puis rechargez la page.",
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
    "context": {
        "en": "Context figures (migration, water, trafficking)",
        "fr": "Chiffres de contexte (migrations, eau, trafics)",
    },
    "group_aliases": {"en": "Group names in imported datasets", "fr": "Noms des groupes dans les jeux importés"},
    "country_names": {"en": "Country names in imported datasets", "fr": "Noms des pays dans les jeux importés"},
    "gleditsch_ward": {"en": "Gleditsch–Ward state codes", "fr": "Codes des États de Gleditsch et Ward"},
    "tolls": {"en": "Tolls by source", "fr": "Bilans par source"},
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
    "scope": {"en": "Why it is included", "fr": "Raison de l'inclusion"},
    "mirrors": {"en": "Copy of", "fr": "Copie de"},
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
    "place": {"en": "Place", "fr": "Lieu"},
    "country": {"en": "Country", "fr": "Pays"},
    "group": {"en": "Group", "fr": "Groupe"},
    "killed": {"en": "Killed", "fr": "Tués"},
    "wounded": {"en": "Wounded", "fr": "Blessés"},
    "source": {"en": "Source", "fr": "Source"},
    "other_sources": {"en": "Other sources", "fr": "Autres sources"},
    "attack_id": {"en": "Attack", "fr": "Attentat"},
    "source_id": {"en": "Source", "fr": "Source"},
    "as_of": {"en": "As of", "fr": "À la date du"},
    "given_by": {"en": "Given by", "fr": "Donné par"},
    "excluded": {"en": "Left out of the range because", "fr": "Écarté de la fourchette car"},
    "note": {"en": "Note", "fr": "Remarque"},
    "topic": {"en": "Topic", "fr": "Thème"},
    "dataset": {"en": "Dataset", "fr": "Jeu de données"},
    "name": {"en": "Name", "fr": "Nom"},
    "successors": {"en": "States that broke away from it", "fr": "États qui s'en sont détachés"},
    "datasets": {"en": "Datasets", "fr": "Jeux de données"},
    "gw_code": {"en": "Gleditsch–Ward code", "fr": "Code Gleditsch–Ward"},
    "indicator": {"en": "Indicator", "fr": "Indicateur"},
    "year": {"en": "Year", "fr": "Année"},
    "value_low": {"en": "Value (low)", "fr": "Valeur (basse)"},
    "value_high": {"en": "Value (high)", "fr": "Valeur (haute)"},
    "unit": {"en": "Unit", "fr": "Unité"},
    "label_en": {"en": "Label (EN)", "fr": "Libellé (EN)"},
    "label_fr": {"en": "Label (FR)", "fr": "Libellé (FR)"},
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


def _pairs(**labels: tuple[str, str]) -> dict[str, dict[str, str]]:
    return {value: {"en": en, "fr": fr} for value, (en, fr) in labels.items()}


# Display labels of the closed vocabularies, by column.
VALUE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "attack_type": _pairs(
        bombing=("Bombing", "Attentat à l'explosif"),
        suicide_bombing=("Suicide bombing", "Attentat-suicide"),
        armed_assault=("Armed assault", "Attaque armée"),
        assassination=("Assassination", "Assassinat"),
        hostage_taking=("Hostage taking", "Prise d'otages"),
        vehicle_ramming=("Vehicle ramming", "Attaque au véhicule-bélier"),
        stabbing=("Stabbing", "Attaque au couteau"),
        rocket_attack=("Rocket attack", "Tir de roquettes"),
        arson=("Arson", "Incendie criminel"),
        incursion=("Armed incursion", "Incursion armée"),
        other=("Other", "Autre"),
    ),
    "target_type": _pairs(
        civilians=("Civilians", "Civils"),
        government=("Government", "Gouvernement"),
        military=("Military", "Armée"),
        police=("Police", "Police"),
        diplomatic=("Diplomatic", "Diplomatique"),
        religious=("Religious", "Religieux"),
        transport=("Transport", "Transports"),
        business=("Business", "Entreprises"),
        education=("Education", "Enseignement"),
        tourists=("Tourists", "Touristes"),
        journalists=("Journalists", "Journalistes"),
        other=("Other", "Autre"),
    ),
    "date_precision": _pairs(
        day=("exact day", "jour exact"), month=("month only", "mois seulement"), year=("year only", "année seulement")
    ),
    "location_precision": _pairs(
        exact=("exact place", "lieu exact"),
        city=("city", "ville"),
        province=("province", "province"),
        country=("country only", "pays seulement"),
    ),
    "responsibility": _pairs(
        claimed=("claimed", "revendiqué"),
        attributed=("attributed", "attribué"),
        suspected=("suspected", "soupçonné"),
        unknown=("unknown", "inconnu"),
    ),
    "status": _pairs(
        mined=("Mined", "Minée"),
        closed=("Closed", "Fermée"),
        clashes=("Armed clashes", "Affrontements armés"),
        trafficking_route=("Trafficking route", "Route de trafics"),
        fenced=("Fenced", "Clôturée"),
    ),
    "kind": _pairs(
        base=("Base", "Base"),
        safe_haven=("Safe haven", "Refuge"),
        training_camp=("Training camp", "Camp d'entraînement"),
        operating_area=("Operating area", "Zone d'action"),
        foreign_military_base=("Foreign military base", "Base militaire étrangère"),
    ),
    "layer": _pairs(
        attacks=("Attacks", "Attentats"),
        bases=("Group bases and areas", "Bases et zones des groupes"),
        foreign_bases=("Foreign military bases", "Bases militaires étrangères"),
        borders=("Borders", "Frontières"),
        choropleth=("Countries shaded", "Pays colorés"),
        heatmap=("Heatmap", "Carte de densité"),
    ),
    "event_kind": _pairs(
        founding=("Founding", "Fondation"),
        split=("Split", "Scission"),
        pledge=("Pledge of allegiance", "Allégeance"),
        treaty=("Treaty", "Traité"),
        membership=("Membership", "Adhésion"),
        intervention=("Intervention", "Intervention"),
        base_opened=("Base opened", "Ouverture de base"),
        base_closed=("Base closed", "Fermeture de base"),
        exercise=("Joint exercise", "Exercice conjoint"),
        statement=("Statement", "Déclaration"),
        aid_programme=("Aid programme", "Programme d'aide"),
        summit=("Summit", "Sommet"),
        leader_killed=("Leader killed", "Chef tué"),
        repression=("Repression", "Répression"),
        other=("Other", "Autre"),
    ),
    "link_kind": _pairs(
        split=("Split", "Scission"),
        merger=("Merger", "Fusion"),
        pledge=("Pledge of allegiance", "Allégeance"),
        alliance=("Alliance", "Alliance"),
        rivalry=("Rivalry", "Rivalité"),
        successor=("Successor", "Successeur"),
    ),
    "membership_status": _pairs(
        member=("Member", "Membre"),
        associate=("Associate member", "Membre associé"),
        observer=("Observer", "Observateur"),
        dialogue_partner=("Dialogue partner", "Partenaire de dialogue"),
        partner=("Partner", "Partenaire"),
        suspended=("Suspended", "Suspendu"),
        left=("Left", "Retiré"),
    ),
    # Units of the context figures, as data/context.csv writes them.
    "unit": {
        unit: {"en": en, "fr": fr}
        for unit, en, fr in (
            ("% of GDP", "% of GDP", "% du PIB"),
            ("%", "%", "%"),
            ("persons", "persons", "personnes"),
            ("tonnes", "tonnes", "tonnes"),
            ("km3", "km³", "km³"),
            ("km3/year", "km³/year", "km³/an"),
        )
    },
    "toll_kind": _pairs(
        official=("Official", "Officiel"),
        media=("Press", "Presse"),
        claim=("Claim", "Revendication"),
        ngo=("NGO", "ONG"),
        court=("Court", "Tribunal"),
        hospital=("Hospital", "Hôpital"),
    ),
    "source_kind": _pairs(
        news=("News", "Presse"),
        official=("Official", "Officiel"),
        court=("Court", "Tribunal"),
        research=("Research", "Recherche"),
        ngo=("NGO", "ONG"),
        dataset=("Dataset", "Jeu de données"),
        encyclopedia=("Encyclopedia", "Encyclopédie"),
        mirror=("Copy", "Copie"),
        blog=("Blog", "Blog"),
    ),
    "choropleth": _pairs(
        attacks=("Number of attacks", "Nombre d'attentats"), casualties=("Killed and wounded", "Tués et blessés")
    ),
}

# Words the charts share, by key; `chart_labels` gives them in one language.
CHART_WORDS = _pairs(
    year=("Year", "Année"),
    attacks=("Attacks", "Attentats"),
    killed=("Killed", "Tués"),
    wounded=("Wounded", "Blessés"),
    events=("Attacks in this bar", "Attentats de cette barre"),
    date=("Date", "Date"),
    kind=("Kind", "Type"),
    event=("Event", "Événement"),
    founded=("Founded", "Fondation"),
    link=("Link", "Lien"),
    to=("To", "Vers"),
    since=("Since", "Depuis"),
    group=("Group", "Groupe"),
    status=("Status", "Statut"),
    country=("Country", "Pays"),
    none=("No membership recorded", "Aucune adhésion enregistrée"),
    operator=("Operated by", "Exploitée par"),
    base=("Base", "Base"),
    origin=("Perpetrators from", "Auteurs originaires de"),
    place=("Place", "Lieu"),
    value=("Value", "Valeur"),
    by=("Group", "Groupe"),
)
CHART_WORDS["from"] = {"en": "From", "fr": "De"}


def catalogue():
    """(where, texts by language) for every entry: strings, labels and vocabulary values."""
    for name, table in (
        ("STRINGS", STRINGS),
        ("DATASET_LABELS", DATASET_LABELS),
        ("COLUMN_LABELS", COLUMN_LABELS),
        ("CHART_WORDS", CHART_WORDS),
    ):
        yield from ((f"{name}.{key}", texts) for key, texts in table.items())
    for column, values in VALUE_LABELS.items():
        yield from ((f"VALUE_LABELS.{column}.{value}", texts) for value, texts in values.items())


def chart_labels(lang: str) -> dict[str, str]:
    """The charts' shared words in `lang`."""
    return {key: words[lang] for key, words in CHART_WORDS.items()}


MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}


def value_label(column: str, value: str, lang: str) -> str:
    """The display label of a vocabulary value; the value itself when it has none."""
    return VALUE_LABELS.get(column, {}).get(value, {}).get(lang, value)
