"""Every user-facing string, written here in English, and its lookup in the session's language.

The English texts below are the source catalogue. Their translations live in gettext catalogues,
`geo/text/locale/<lang>/LC_MESSAGES/messages.po`, one entry per text: its key as the context
(`msgctxt`), the English as `msgid`. `python -m scripts.catalogues` writes the template from this
module, updates each language's catalogue, compiles and checks them (see the README's "Adding a
language"). Each call looks the text up in its own language's catalogue: nothing is installed
process-wide, so sessions in different languages never see each other's.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.dates import get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("en", "fr", "ru")
SOURCE_LANGUAGE = DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


@dataclass(frozen=True)
class Plural:
    """A text whose words follow a number: English singular and plural; the catalogues give as
    many forms as their language has (Russian three, for 1, 2 and 5)."""

    one: str
    other: str
    # The placeholder whose value chooses the form.
    count: str = "n"


STRINGS: dict[str, str | Plural] = {
    "app_title": "Jihadist networks in Central Asia",
    "app_subtitle": "From the Islamic Movement of Uzbekistan to the Islamic State Khorasan Province, 1991 to today",
    "language": "Language",
    "filters": "Filters",
    "years": "Years",
    "groups": "Groups",
    "groups_help": "Leave empty for all groups",
    "page_data": "Data & sources",
    "data_intro": "Every figure in this dashboard comes from these tables. Each row cites at least one source; uncertain dates, places and tolls are recorded as precision levels and ranges.",
    "dataset": "Dataset",
    "rows": "Rows",
    "search": "Search in every column",
    "search_placeholder": "e.g. Tashkent, IMU, 2004",
    "apply_sidebar_filters": "Apply the sidebar's years and groups",
    "rows_shown": Plural("{shown} of {total} row shown", "{shown} of {total} rows shown", count="total"),
    "download_selection": Plural("Download this {n} row (CSV)", "Download these {n} rows (CSV)"),
    "download_full": "Download the whole {name} file (CSV)",
    "select_row_hint": "Select a row to see its sources.",
    "row_sources": "Sources of {id}",
    "no_rows": "No row matches these filters.",
    "how_to_cite": "How to cite",
    "cite_text": Plural(
        "Jihadist networks in Central Asia dashboard, dataset '{name}' ({rows} row), consulted {today}. Cite the original sources listed for each row as well.",
        "Jihadist networks in Central Asia dashboard, dataset '{name}' ({rows} rows), consulted {today}. Cite the original sources listed for each row as well.",
        count="rows",
    ),
    "counts_title": "Rows per dataset",
    "source_link": "First source",
    "shapes_credit": "Country shapes: Natural Earth (public domain), 1:10m around Central Asia.",
    "page_map": "Map",
    "map_intro": "Where the violence was, where the groups lived and which borders were mined or closed, for the years and filters chosen in the sidebar. Click a circle for its record and sources.",
    "lineage": "Include splinters and successors",
    "lineage_help": "Choosing the IMU also brings the IJU, Jamaat Ansarullah and ISKP (from the links table).",
    "more_filters": "Attack filters",
    "region_filter": "Region",
    "region_all": "Anywhere",
    "region_inside": "Central Asia",
    "region_outside": "Outside Central Asia",
    "region_help": "Central Asia: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.",
    "countries_filter": "Countries hit",
    "country_mode": "Chosen countries",
    "country_mode_include": "Only these",
    "country_mode_exclude": "All but these",
    "attack_type": "Attack type",
    "target": "Target",
    "nationalities_filter": "Perpetrators' nationality",
    "min_casualties": "At least this many killed and wounded",
    "min_casualties_help": "Counted at the upper estimate, so an uncertain toll is not hidden.",
    "killed_range": "Killed",
    "killed_range_help": "An attack is kept when its estimates of the killed reach into the range; one with no known toll is left out once the range is narrowed. The last stop means that many or more.",
    "include_foiled": "Include foiled plots",
    "all": "All",
    "layers": "Layers",
    "shade_by": "Shade countries by",
    "color_by": "Colour by",
    "size_by": "Size by",
    "online_tiles": "Online tiles (internet)",
    "online_tiles_help": "OpenStreetMap tiles under the layers. Off, the map makes no request outside this app.",
    "online_tiles_asked": "The link you opened asks for online map tiles. They stay off until you turn them on.",
    "online_tiles_turn_on": "Turn on online tiles (loads OpenStreetMap tiles from the internet)",
    "fit_to_selection": "Follow the selection",
    "fit_to_selection_help": "Zoom the map to the selected attacks whenever the filters change.",
    "zoom_to_selection": "Zoom to the selected attacks",
    "spread_hint": "Several attacks here: click to spread them out",
    "grid_title": "Incidents aggregated in a {degrees}° cell",
    "grid_incidents": "Incidents (foiled plots included)",
    "grid_foiled": "Foiled plots among them",
    "grid_years": "Years",
    "grid_note": (
        "{n} incidents over all years, more than {limit}: the map shows them aggregated in cells of {degrees}°"
        " per year. To see each incident, narrow the filters other than the years (the time bar keeps every"
        " year) to {limit} incidents or fewer."
    ),
    "grid_zoom_in": "Zooming in splits the cells, down to {finest}°.",
    "grid_finest": "At this zoom the cells are at their finest, {finest}°.",
    "grid_popup_note": "To see each incident, narrow the filters other than the years to {limit} incidents or fewer.",
    "step_back": "◀ Year",
    "step_forward": "Year ▶",
    "play": "▶ Play the years",
    "pause": "⏸ Pause",
    "timebar": "Time bar",
    "timebar_histogram": "Attacks over time",
    "timebar_window": "Period shown",
    "timebar_play": "Play",
    "timebar_pause": "Pause",
    "timebar_speed": "Speed",
    "timebar_back_year": "One year back",
    "timebar_back_month": "One month back",
    "timebar_forward_month": "One month forward",
    "timebar_forward_year": "One year forward",
    "metric_attacks": "Attacks",
    "metric_foiled": Plural("{n} foiled plot", "{n} foiled plots"),
    "metric_killed": "Killed",
    "metric_wounded": "Wounded",
    "metric_countries": "Countries",
    "range_help": "Low–high: the sources disagree, both ends are kept.",
    "low_estimate_help": "The lowest figure the sources give; the record card gives the range.",
    "caption_period": "{low}–{high}",
    "caption_filter": "{label}: {values}",
    "caption_groups": "Groups",
    "caption_countries": "Countries",
    "caption_attack_types": "Types",
    "caption_target_types": "Targets",
    "caption_nationalities": "Perpetrators from",
    "caption_min_casualties": "≥ {n} killed and wounded",
    "caption_region_inside": "in Central Asia",
    "caption_region_outside": "outside Central Asia",
    "caption_countries_excluded": "All countries but",
    "caption_killed": "Killed",
    "caption_no_foiled": "foiled plots excluded",
    "selected_events": "Events in this selection",
    "table_rows_capped": "This table lists the first {shown} of the {total} attacks of the selection; the CSV download above holds them all.",
    "looks_in_cells": "Past {n} incidents the map draws cells: each is sized by the incidents in it, all in one colour. Narrow the selection to colour and size by a field.",
    "map_table_hint": "Select a row to find its attack on the map and read its record; clicking a circle on the map selects its row.",
    "download_map_selection": Plural("Download the {n} event shown (CSV)", "Download the {n} events shown (CSV)"),
    "clicked_hint": "Click an attack on the map to see its full record here.",
    "record_sources": "Sources",
    "shapes_attribution_short": "Shapes: Natural Earth",
    "places_attribution_short": "Places: GeoNames (CC BY 4.0)",
    "map_data_attribution": Plural("Data: {n} cited source", "Data: {n} cited sources"),
    "unknown_group": "Unknown or unattributed",
    "perpetrators": "Perpetrators from",
    "date": "Date",
    "place": "Place",
    "group": "Group",
    "killed": "Killed",
    "wounded": "Wounded",
    "foiled": "Foiled plot",
    "yes": "yes",
    "sources": "Sources",
    "record": "Record",
    "unknown": "unknown",
    "more_below": "Full record and sources below the map.",
    "ongoing": "ongoing",
    "kind": "Kind",
    "operator": "Operated by",
    "period": "Period",
    "radius": "Radius",
    "legend": "Legend",
    "legend_groups": "Attacks by group",
    "legend_other_groups": Plural("and {n} other group", "and {n} other groups"),
    "legend_color_attack_type": "Attacks by type",
    "legend_color_target": "Attacks by target",
    "legend_color_location_precision": "Attacks by how precisely the place is known",
    "legend_color_dataset": "Attacks by source dataset",
    "legend_other_values": "Other values",
    "legend_size": "Circle size: killed + wounded (low estimate)",
    "legend_size_killed": "Circle size: killed (low estimate)",
    "legend_size_wounded": "Circle size: wounded (low estimate)",
    "legend_size_fixed": "Circles: one size for every attack",
    "legend_casualties": Plural("{n} killed or wounded", "{n} killed or wounded"),
    "legend_killed": Plural("{n} killed", "{n} killed"),
    "legend_wounded": Plural("{n} wounded", "{n} wounded"),
    "legend_vague_place": "Pale: place known to province or country only",
    "legend_foiled": "Dashed ring: foiled plot",
    "legend_cells": "Circle size: incidents in the cell (each counted once, whichever datasets report it)",
    "legend_cell_incidents": Plural("{n} incident", "{n} incidents"),
    "legend_cell_heat_low": "Few incidents",
    "legend_cell_heat_high": "Many incidents",
    "legend_heat": "Heatmap",
    "legend_heat_low": "Few attacks, weighted by toll",
    "legend_heat_high": "Many attacks, weighted by toll",
    "legend_borders": "Borders in the period",
    "legend_bases": "Bases",
    "legend_base": "Group base, haven or camp",
    "legend_area": "Operating area (radius)",
    "no_attacks": "No attack matches these filters; widen the years or clear a filter.",
    "download_png": "PNG image",
    "download_svg": "SVG image",
    "download_csv": "Numbers (CSV)",
    "chart_numbers": "The numbers behind this chart",
    "page_timeline": "Timeline and trends",
    "timeline_intro": "How violence rose and moved over time, from the IMU to al-Qaida's orbit and then ISKP, for the sidebar's years and filters. Bars count the low estimate; hover a bar for the range and its attacks.",
    "stack_by": "Stack by",
    "stack_group": "Group",
    "stack_country": "Country",
    "measure": "Count",
    "measure_attacks": "Attacks",
    "measure_killed": "Killed",
    "measure_wounded": "Wounded",
    "chart_per_year": "{measure} per year, by {by}",
    "chart_inside_outside": "Attacks per year inside and outside Central Asia",
    "chart_key_events": "Key events",
    "inside_region": "In Central Asia",
    "outside_region": "Outside Central Asia",
    "other_countries": "Other countries",
    "era_roots": "Roots of the IMU",
    "era_al_qaeda": "Al-Qaida years",
    "era_iskp": "ISKP era",
    "counted_curated": "Counted: notable attacks curated from cited sources, not a complete count (inclusion criteria: data/README.md).",
    "counted_incidents": "Counted: incidents across the curated data and your imports; an event found in several datasets counts once.",
    "export_source": "Source: Jihadist networks in Central Asia dashboard, {today}; every row cites its sources.",
    "page_groups": "Groups and lineage",
    "groups_intro": "One profile per group, and how groups split, merged, pledged allegiance, allied and fought. Choose a group to highlight its ancestors and descendants in the graph.",
    "profile_group": "Group",
    "names": "Names",
    "years_active": "Years active",
    "leaders": "Leaders",
    "no_leaders": "not recorded",
    "group_bases": "Bases, havens and operating areas",
    "no_bases": "No base of this group is recorded.",
    "chart_group_years": "{group}: attacks and killed per year",
    "lineage_year": "Links in force in",
    "chart_lineage": "Links between groups in {year}",
    "lineage_highlight": "Highlighted: {group}, its ancestors ({up}) and descendants ({down}).",
    "nobody": "none",
    "page_cooperation": "Regional cooperation",
    "cooperation_intro": "From nothing in 1991 to the CIS Collective Security Treaty, the Shanghai Five and the SCO, the CSTO: who belonged to what in a given year, the agreements, exercises and aid programmes, and the foreign military bases in the region.",
    "organization": "Organisation",
    "membership_year": "Year",
    "chart_membership": "{org}: membership in {year}",
    "no_members": "{org} had no member recorded in {year}.",
    "chart_cooperation": "Agreements, exercises, aid and interventions",
    "chart_foreign_bases": "Foreign military bases in the region",
    "context_title": "Context",
    "context_topic": "Topic",
    "topic_labour_migration": "Labour migration",
    "topic_water": "Water",
    "topic_trafficking": "Drug trafficking",
    "context_indicator": "Figure",
    "context_range": "Bars show the range when sources disagree.",
    "page_abroad": "Attacks abroad",
    "abroad_intro": "Central Asia exports attackers more than it suffers attacks: attacks outside the region by Central Asian nationals, from their country of origin to the attack site, for the sidebar's years and filters.",
    "chart_abroad_map": "From the perpetrators' country to the attack site",
    "chart_by_origin": "Attacks abroad by perpetrators' country",
    "chart_by_destination": "Attacks abroad by country hit",
    "no_abroad": "No attack abroad by Central Asian nationals in this selection.",
    "briefing_credit": "Country shapes: Natural Earth.",
    "briefing_places_credit": "Places: GeoNames (CC BY 4.0).",
    "stamp_sources": Plural(
        "Data: {n} cited source · Country shapes: Natural Earth",
        "Data: {n} cited sources · Country shapes: Natural Earth",
    ),
    "stamp_date": "Jihadist networks in Central Asia dashboard · {today}",
    "presentation": "Presentation mode",
    "presentation_help": "Hides the sidebar and menus, enlarges text and stamps title, period, filters, sources and date on the map, ready for a screenshot. Kept in the link.",
    "exit_presentation": "Leave presentation mode",
    "share": "Share this view",
    "share_help": "This link opens the same page, language, years, filters, layers and story step.",
    "export_title": "Exports",
    "export_png": "Briefing image (PNG)",
    "export_png_300": "Briefing image, 300 dpi",
    "export_html": "Interactive map (HTML, works offline)",
    "export_csv": "Data with citation (CSV)",
    "map_title": "Jihadist attacks, {period}",
    "csv_citation": "# Jihadist networks in Central Asia dashboard, consulted {today}. View: {caption}. Sources cited by these rows: {sources}",
    "page_story": "Story",
    "story_counter": "Step {n} of {total}",
    "previous": "◀ Previous",
    "next": "Next ▶",
    "story_keys": "Keyboard: ← and → move through the steps.",
    # The story's chapters and steps (geo/analysis/story.py), by step key.
    "story_chapter_roots": "1. Roots of the IMU, 1991-2001",
    "story_chapter_al_qaeda": "2. The al-Qaida years and the IMU's fading",
    "story_chapter_iskp": "3. The rise of ISKP",
    "story_chapter_abroad": "4. Attacks abroad",
    "story_chapter_cooperation": "5. Regional cooperation and what is left to do",
    "story_independence_title": "Independence and the first Islamist stirrings",
    "story_independence_body": "In December 1991, weeks after independence, activists of the Adolat group in Namangan occupied an official building and demanded an Islamic state. Their leaders, Tohir Yuldashev and Juma Namangani, fled to Tajikistan, where a civil war broke out in 1992 and ended with the 1997 peace accord.",
    "story_imu_title": "The IMU takes up arms",
    "story_imu_body": "Founded in 1998, the IMU was blamed for the car bombs of February 1999 in Tashkent. In the summers of 1999 and 2000 its fighters crossed from Tajikistan into southern Kyrgyzstan (Batken) and Uzbekistan, taking hostages. Uzbekistan answered by mining stretches of its borders.",
    "story_al_qaeda_title": "After 2001: from Central Asia to the Pakistani border",
    "story_al_qaeda_body": "The US campaign in Afghanistan in October 2001 killed Namangani and pushed the IMU into Pakistan's tribal areas. Foreign bases opened in Uzbekistan and Kyrgyzstan. A faction split off in 2002 as the Islamic Jihad Union, which struck Tashkent and Bukhara in 2004 and plotted in Germany in 2007.",
    "story_fading_title": "The IMU fades and pledges to the Islamic State",
    "story_fading_body": "Drone strikes killed its leaders in 2009 and 2012. In August 2015 the IMU's leader pledged allegiance to the Islamic State; months later the Taliban overran the group's base in Zabul. Its fighters largely merged into the new Khorasan province.",
    "story_iskp_title": "ISKP takes root in eastern Afghanistan",
    "story_iskp_body": "Announced in January 2015, ISKP held ground in Nangarhar and Kunar until 2019-2020 and carried out mass-casualty attacks in Kabul, among them the airport bombing of August 2021 during the US withdrawal.",
    "story_iskp_region_title": "ISKP turns to Central Asia",
    "story_iskp_region_body": "After 2021 ISKP fired rockets towards Uzbekistan and Tajikistan and recruited among Tajiks and Uzbeks, often migrant workers in Russia: the four men arrested for the Crocus City Hall attack near Moscow in March 2024 were Tajik citizens.",
    "story_abroad_title": "Central Asians in attacks far from home",
    "story_abroad_body": "From Istanbul and Stockholm to New York in 2017, then Kerman and the Crocus City Hall near Moscow in 2024, attackers from Central Asia struck far more often abroad than in their own countries.",
    "story_cooperation_title": "From nothing to a web of treaties",
    "story_cooperation_body": "The CIS Collective Security Treaty (1992), the Shanghai Five (1996) and its successor the SCO (2001) with its anti-terrorist structure, then the CSTO (2002): regional security cooperation grew out of the threat, alongside Russian, US, German, French and Indian bases.",
    "story_ahead_title": "What is left to do",
    "story_ahead_body": "Borders remain closed, fenced or disputed, as the Kyrgyz-Tajik clashes of 2021 and 2022 showed, and trafficking routes still cross the region. Raffaello Pantucci points to the radicalisation of Central Asian migrant workers in Russia as the lead to follow, with the home governments and international migration bodies involved.",
    "origin": "Imported from",
    "doubtful": "flagged as doubtful by its dataset",
    "origin_filter": "Events shown",
    "origin_all": "Curated and imported",
    "origin_curated": "Curated only",
    "origin_imported": "Imported only",
    "hide_doubtful": "Hide events their dataset flags as doubtful",
    "page_import": "Import data",
    "import_intro": "Add your own export of the Global Terrorism Database, UCDP GED, ACLED, or a CSV in this dashboard's attacks columns. The format is recognised from the header; rows that cannot be placed or dated are skipped and listed. Imported events are counted on every page with the curated ones, for this session: a record of an attack the curated data or an earlier import already has is linked to it, not counted again (the links are listed below). The dashboard's own data is never changed.",
    "import_file": "Export file (CSV or XLSX)",
    "import_choose": "Choose a file",
    "import_size_limit": "Drop the file here or choose it; up to {mb} MB per file.",
    "import_format": "Format",
    "format_auto": "Recognise from the header",
    "import_button": "Import",
    "import_reading": "Reading the file…",
    "import_progress": "Reading rows: {done} of about {total}…",
    "import_done": Plural(
        "{name}: {n} event imported from a {fmt} export.", "{name}: {n} events imported from a {fmt} export."
    ),
    "import_skipped": Plural("{n} row skipped", "{n} rows skipped"),
    "skip_no_date": "date missing or not a date",
    "skip_future_date": "date in the future",
    "skip_no_coordinates": "no coordinates",
    "skip_coordinates_range": "coordinates out of range (latitude -90..90, longitude -180..180)",
    "skip_duplicate_id": "duplicate event id (an earlier row with it was kept)",
    "skip_no_country": "country not recognised from its name or coordinates",
    "import_cells": Plural(
        "{n} cell holds an implausible value; it is listed with its row, its column and what became of it.",
        "{n} cells hold implausible values; each is listed with its row, its column and what became of it.",
    ),
    "cell_year": "year outside {first}–{last}: the row cannot be dated",
    "cell_date": "not a date: the row cannot be dated",
    "cell_month": "month outside 1–12 (0 or empty when unknown): read as unknown; the event is dated to its year",
    "cell_day": "day outside 1–31 (0 or empty when unknown): read as unknown; the event is dated no closer than its month",
    "cell_day_of_month": "no such day in that month: read as unknown; the event is dated to its month",
    "cell_toll": "not a whole number from 0 to {limit}: read as unknown",
    "cell_coordinate": "not a number from {low} to {high}: the row cannot be placed",
    "import_read_as": "Rows whose {column} is outside {values}, read as {default}: {n}.",
    "import_range_widened": "Rows whose low estimate of the killed or wounded is above the high one, the range now spanning both: {n}.",
    "import_ids_made": "Rows without an event id, each given one from the file and its row number (such as {example}): {n}.",
    "import_formulas": Plural(
        "{n} text cell starts with =, +, - or @; CSV downloads prefix it with a quote so a spreadsheet shows it as text instead of running it.",
        "{n} text cells start with =, +, - or @; CSV downloads prefix them with a quote so a spreadsheet shows them as text instead of running them.",
    ),
    "import_failed": "Nothing was imported from {name}.",
    "who_says_what": "Who says what",
    "incident_records": "The same incident in other datasets",
    "disagree_title": "Where the datasets disagree",
    "disagree_intro": "Each imported record linked to a curated attack or to an earlier import is one incident with it. Records differ when dated to the day {days} day or more apart, placed to the city more than {km} km apart, attributed to different groups (or to none in one of them), or when their tolls are more than {gap} people and {share}% apart. Confirm or reject a link in its first column: the decision is saved with the saved imports and counted at once.",
    "disagree_only": "Only the links whose records differ",
    "disagree_count": "{shown} of {total} links shown; {differ} with records that differ.",
    "links_none": "No imported record repeats a curated attack or another import.",
    "decisions_saved": "Decisions saved in {path}.",
    "download_crosswalk": "Crosswalk (CSV)",
    "link_proposed": "proposed",
    "link_confirmed": "confirmed",
    "link_rejected": "rejected",
    "link_decision_help": "A rejected link is not counted: the record becomes an incident of its own, or joins its next best match. A confirmed link holds even if the scores later prefer another.",
    "differs_toll": "tolls",
    "differs_date": "date",
    "differs_place": "place",
    "differs_group": "group",
    "link_column_decision": "Decision",
    "link_column_differs": "Differ on",
    "link_column_record_id": "Imported record",
    "link_column_linked_to": "Linked to",
    "link_column_score": "Score",
    "link_column_date_a": "Date (linked to)",
    "link_column_date_b": "Date (imported)",
    "link_column_days_apart": "Days apart",
    "link_column_place_a": "Place (linked to)",
    "link_column_place_b": "Place (imported)",
    "link_column_km_apart": "km apart",
    "link_column_group_a": "Group (linked to)",
    "link_column_group_b": "Group (imported)",
    "link_column_killed_a": "Killed (linked to)",
    "link_column_killed_b": "Killed (imported)",
    "link_column_wounded_a": "Wounded (linked to)",
    "link_column_wounded_b": "Wounded (imported)",
    "link_column_reasons": "Why linked",
    "record_origin": "Dataset",
    "record_id": "Record",
    "curated": "Curated",
    "toll_latest_official": "latest official figure",
    "toll_left_out": "left out of the range: {reason}",
    "undated": "undated",
    "toll_column_as_of": "As of",
    "toll_column_given_by": "Given by",
    "toll_column_source": "Published in",
    "toll_column_kind": "Kind",
    "toll_column_killed": "Killed",
    "toll_column_wounded": "Wounded",
    "toll_column_status": "Counted",
    "import_binary": "The file holds binary data, not CSV text. Export it as CSV (UTF-8 or Latin-1) or XLSX.",
    "import_encoding": "The text of {name} cannot be read cleanly in any encoding we know (UTF-8, UTF-16, Windows-1251, Windows-1252, Latin-1): save it again as UTF-8 CSV.",
    "import_nul": "{name} holds binary data (a NUL byte) on line {line}: part of it is not CSV text. Export it again as CSV (UTF-8 or Latin-1) or XLSX.",
    "import_mixed_encoding": "{name} mixes text encodings: line {utf8} is UTF-8 but line {other} is not (byte {byte}), so some names would come out garbled. Save the whole file in one encoding, UTF-8 at best, and import it again.",
    "import_empty": "{name} is empty: there is no header row and no data.",
    "import_too_large": "{name} is {size} MB, over the {limit} MB limit. Filter the export to the region or the years you need and import that.",
    "import_bad_xlsx": "{name} looks like a spreadsheet but cannot be opened ({error}). Save it again as XLSX or CSV.",
    "import_xlsx_unpacked": "{name} would unpack to {size} MB of spreadsheet XML, over the {limit} MB an XLSX import reads. Save it as CSV, which has no such limit, or filter it to the rows you need.",
    "import_xlsx_cells": "{name} has more than {limit} cells (reached on row {row}), more than an XLSX import reads. Save it as CSV, which has no such limit, or filter it to the rows you need.",
    "import_unknown_header": "{name}: the header matches no known format. Closest is {closest}, which also needs the columns {missing}. Export all columns, or use the project's attacks columns.",
    "import_unknown_format": "Unknown format '{fmt}'; choose one of auto, {formats}.",
    "import_missing_columns": "{name} is missing the {fmt} columns {missing}. Export the full column set.",
    "import_unreadable": "{name} cannot be read as {fmt} rows: {error}. Check that text cells with commas or line breaks are in double quotes.",
    "import_no_rows": "{name} has a header but no data rows.",
    "import_not_found": "{name} was not found: check the paths in DASHBOARD_IMPORTS.",
    "import_unexpected": "{name} could not be read ({error}).",
    "imports_current": "Imported in this session",
    "imports_none": "No file imported yet.",
    "imports_broken": "Files that could not be imported",
    "remove": "Remove",
    "remove_saved_help": "Deletes this saved file from the user folder, so that the app no longer tries to import it.",
    "remove_configured_help": "Leaves this file out of the session; it stays named in DASHBOARD_IMPORTS.",
    "save_user": "Save to the user folder",
    "saved_user": "Saved as {path} in the user folder; it will be imported again when the app starts.",
    "save_failed": "{name} could not be saved ({error}).",
    "reason": "Reason",
    "rows_label": "Rows",
    "cell_row": "Row",
    "cell_column": "Column",
    "cell_value": "Value",
    "cell_rule": "Problem",
    "map_as_table": "This map as a table",
    "data_error": "The data files did not pass validation. Fix the problems below and reload.",
}


DATASET_LABELS: dict[str, str] = {
    "attacks": "Attacks and foiled plots",
    "events": "Events (timeline)",
    "groups": "Groups",
    "group_links": "Links between groups",
    "bases": "Bases, havens and operating areas",
    "borders": "Borders",
    "organizations": "Regional organisations",
    "memberships": "Memberships",
    "context": "Context figures (migration, water, trafficking)",
    "group_aliases": "Group names in imported datasets",
    "country_names": "Country names in imported datasets",
    "place_names": "Place names in French and Russian",
    "gleditsch_ward": "Gleditsch–Ward state codes",
    "tolls": "Tolls by source",
    "sources": "Sources",
}

COLUMN_LABELS: dict[str, str] = {
    "id": "Id",
    "date": "Date",
    "date_precision": "Date precision",
    "city": "Place",
    "country_iso3": "Country",
    "location_precision": "Place precision",
    "group_id": "Group",
    "responsibility": "Responsibility",
    "perpetrator_nationalities": "Perpetrators' nationalities",
    "attack_type": "Attack type",
    "target_type": "Target",
    "killed_low": "Killed (low)",
    "killed_high": "Killed (high)",
    "wounded_low": "Wounded (low)",
    "wounded_high": "Wounded (high)",
    "foiled": "Foiled",
    "summary_en": "Summary (EN)",
    "summary_fr": "Summary (FR)",
    "summary_ru": "Summary (RU)",
    "source_ids": "Sources",
    "notes": "Notes",
    "scope": "Why it is included",
    "mirrors": "Copy of",
    "kind": "Kind",
    "title_en": "Title (EN)",
    "title_fr": "Title (FR)",
    "title_ru": "Title (RU)",
    "countries": "Countries",
    "group_ids": "Groups",
    "org_ids": "Organisations",
    "title": "Title",
    "author": "Author",
    "publisher": "Publisher",
    "url": "Link",
    "language": "Language",
    "lang": "Language",
    "name_en": "Name (EN)",
    "name_fr": "Name (FR)",
    "name_ru": "Name (RU)",
    "acronym_en": "Acronym (EN)",
    "acronym_fr": "Acronym (FR)",
    "acronym_ru": "Acronym (RU)",
    "founded_year": "Founded",
    "end_year": "End",
    "leaders": "Leaders",
    "description_en": "Description (EN)",
    "description_fr": "Description (FR)",
    "description_ru": "Description (RU)",
    "color": "Colour",
    "from_group": "From",
    "to_group": "To",
    "start_year": "From year",
    "operator": "Operated by",
    "lat": "Latitude",
    "lon": "Longitude",
    "radius_km": "Radius (km)",
    "country_a": "Country A",
    "country_b": "Country B",
    "status": "Status",
    "founded": "Founded",
    "dissolved": "Dissolved",
    "hq_city": "Headquarters",
    "org_id": "Organisation",
    "start_date": "Start",
    "end_date": "End",
    "source_url": "First source",
    "place": "Place",
    "country": "Country",
    "group": "Group",
    "killed": "Killed",
    "wounded": "Wounded",
    "source": "Source",
    "other_sources": "Other sources",
    "attack_id": "Attack",
    "source_id": "Source",
    "as_of": "As of",
    "given_by": "Given by",
    "excluded": "Left out of the range because",
    "note": "Note",
    "topic": "Topic",
    "dataset": "Dataset",
    "name": "Name",
    "successors": "States that broke away from it",
    "datasets": "Datasets",
    "gw_code": "Gleditsch–Ward code",
    "indicator": "Indicator",
    "year": "Year",
    "value_low": "Value (low)",
    "value_high": "Value (high)",
    "unit": "Unit",
    "label_en": "Label (EN)",
    "label_fr": "Label (FR)",
    "label_ru": "Label (RU)",
}

# Display labels of the closed vocabularies, by column.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "attack_type": {
        "bombing": "Bombing",
        "suicide_bombing": "Suicide bombing",
        "armed_assault": "Armed assault",
        "assassination": "Assassination",
        "hostage_taking": "Hostage taking",
        "vehicle_ramming": "Vehicle ramming",
        "stabbing": "Stabbing",
        "rocket_attack": "Rocket attack",
        "arson": "Arson",
        "incursion": "Armed incursion",
        "other": "Other",
    },
    "target_type": {
        "civilians": "Civilians",
        "government": "Government",
        "military": "Military",
        "police": "Police",
        "diplomatic": "Diplomatic",
        "religious": "Religious",
        "transport": "Transport",
        "business": "Business",
        "education": "Education",
        "tourists": "Tourists",
        "journalists": "Journalists",
        "other": "Other",
    },
    "date_precision": {
        "day": "exact day",
        "month": "month only",
        "year": "year only",
    },
    "location_precision": {
        "exact": "exact place",
        "city": "city",
        "province": "province",
        "country": "country only",
    },
    "responsibility": {
        "claimed": "claimed",
        "attributed": "attributed",
        "suspected": "suspected",
        "unknown": "unknown",
    },
    "status": {
        "mined": "Mined",
        "closed": "Closed",
        "clashes": "Armed clashes",
        "trafficking_route": "Trafficking route",
        "fenced": "Fenced",
    },
    "kind": {
        "base": "Base",
        "safe_haven": "Safe haven",
        "training_camp": "Training camp",
        "operating_area": "Operating area",
        "foreign_military_base": "Foreign military base",
    },
    "layer": {
        "attacks": "Attacks",
        "bases": "Group bases and areas",
        "foreign_bases": "Foreign military bases",
        "borders": "Borders",
        "choropleth": "Countries shaded",
        "heatmap": "Heatmap",
    },
    "event_kind": {
        "founding": "Founding",
        "split": "Split",
        "pledge": "Pledge of allegiance",
        "treaty": "Treaty",
        "membership": "Membership",
        "intervention": "Intervention",
        "base_opened": "Base opened",
        "base_closed": "Base closed",
        "exercise": "Joint exercise",
        "statement": "Statement",
        "aid_programme": "Aid programme",
        "summit": "Summit",
        "leader_killed": "Leader killed",
        "repression": "Repression",
        "other": "Other",
    },
    "link_kind": {
        "split": "Split",
        "merger": "Merger",
        "pledge": "Pledge of allegiance",
        "alliance": "Alliance",
        "rivalry": "Rivalry",
        "successor": "Successor",
    },
    "membership_status": {
        "member": "Member",
        "associate": "Associate member",
        "observer": "Observer",
        "dialogue_partner": "Dialogue partner",
        "partner": "Partner",
        "suspended": "Suspended",
        "left": "Left",
    },
    # Units of the context figures, as data/context.csv writes them.
    "unit": {
        "% of GDP": "% of GDP",
        "%": "%",
        "persons": "persons",
        "tonnes": "tonnes",
        "km3": "km³",
        "km3/year": "km³/year",
    },
    "toll_kind": {
        "official": "Official",
        "media": "Press",
        "claim": "Claim",
        "ngo": "NGO",
        "court": "Court",
        "hospital": "Hospital",
    },
    "source_kind": {
        "news": "News",
        "official": "Official",
        "court": "Court",
        "research": "Research",
        "ngo": "NGO",
        "dataset": "Dataset",
        "encyclopedia": "Encyclopedia",
        "mirror": "Copy",
        "blog": "Blog",
    },
    "choropleth": {
        "attacks": "Number of attacks",
        "casualties": "Killed and wounded",
    },
    "color_by": {
        "group": "Group",
        "attack_type": "Attack type",
        "target": "Target",
        "location_precision": "Place precision",
        "dataset": "Source dataset",
    },
    "size_by": {
        "both": "Killed and wounded",
        "killed": "Killed",
        "wounded": "Wounded",
        "fixed": "Same size",
    },
}

# Words the charts share, by key; `chart_labels` gives them in one language.
CHART_WORDS: dict[str, str] = {
    "year": "Year",
    "attacks": "Attacks",
    "killed": "Killed",
    "wounded": "Wounded",
    "events": "Attacks in this bar",
    "date": "Date",
    "kind": "Kind",
    "event": "Event",
    "founded": "Founded",
    "link": "Link",
    "to": "To",
    "since": "Since",
    "group": "Group",
    "status": "Status",
    "country": "Country",
    "none": "No membership recorded",
    "operator": "Operated by",
    "base": "Base",
    "origin": "Perpetrators from",
    "place": "Place",
    "value": "Value",
    "low": "Lowest figure",
    "high": "Highest figure",
    "notes": "Notes",
    "by": "Group",
    "from": "From",
}


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`; English is the source and needs none. A catalogue not yet
    compiled, or edited since, is compiled in memory from its .po file."""
    if lang not in LANGUAGES or lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po, mo = catalogue_path(lang), catalogue_path(lang, ".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        return gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))
    compiled = io.BytesIO()
    with po.open("rb") as source:
        write_mo(compiled, read_po(source, locale=lang))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translate(context: str, source: str | Plural, lang: str, **values) -> str:
    """`source` (English) in `lang`, its `{placeholders}` filled from `values`."""
    catalogue = translations(lang)
    if isinstance(source, Plural):
        text = catalogue.npgettext(context, source.one, source.other, _count(values[source.count]))
    else:
        text = catalogue.pgettext(context, source)
    return text.format(**values) if values else text


def _count(value) -> int:
    """A plural's number, also when it comes already written out ('1 234')."""
    return value if isinstance(value, int) else int(re.sub(r"\D", "", str(value)) or 0)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    return translate(key, STRINGS[key], lang, **values)


def dataset_label(name: str, lang: str) -> str:
    """A dataset's display name."""
    return translate(f"dataset.{name}", DATASET_LABELS[name], lang)


def column_label(column: str, lang: str) -> str:
    """A column's header in `lang`; the raw name for columns without a label."""
    return translate(f"column.{column}", COLUMN_LABELS[column], lang) if column in COLUMN_LABELS else column


def value_label(column: str, value: str, lang: str) -> str:
    """The display label of a vocabulary value; the value itself when it has none."""
    source = VALUE_LABELS.get(column, {}).get(value)
    return value if source is None else translate(f"value.{column}.{value}", source, lang)


def chart_labels(lang: str) -> dict[str, str]:
    """The charts' shared words in `lang`."""
    return {key: translate(f"chart.{key}", words, lang) for key, words in CHART_WORDS.items()}


def entries() -> Iterator[tuple[str, str | Plural]]:
    """(context, English) of every text: strings, labels and vocabulary values."""
    yield from STRINGS.items()
    for prefix, table in (("dataset", DATASET_LABELS), ("column", COLUMN_LABELS), ("chart", CHART_WORDS)):
        yield from ((f"{prefix}.{key}", text) for key, text in table.items())
    for column, values in VALUE_LABELS.items():
        yield from ((f"value.{column}.{value}", text) for value, text in values.items())


def catalogue() -> Iterator[tuple[str, dict[str, str]]]:
    """(context, text by language) of every entry, plurals in their plural form."""
    for context, source in entries():
        texts = {}
        for lang in LANGUAGES:
            catalogue_ = translations(lang)
            if isinstance(source, Plural):
                texts[lang] = catalogue_.npgettext(context, source.one, source.other, 2)
            else:
                texts[lang] = catalogue_.pgettext(context, source)
        yield context, texts


@cache
def month_names(lang: str) -> tuple[str, ...]:
    """January to December in `lang` as a month stands alone ("апрель 2012"), from CLDR."""
    names = get_month_names("wide", context="stand-alone", locale=lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return tuple(names[month] for month in range(1, 13))
