"""Keys of page elements that are not URL parameters, shared by the pages and their tests.

Streamlit gives each keyed element the CSS class `st-key-<key>`, which browser tests find it by;
charts and display tables carry no key of their own, so each sits in a container that does."""

# The data page's table of rows, and the tables of the events a map shows.
DATA_TABLE = "table"
MAP_TABLE = "map_table"
# The map page's map: its last returned value sits under this key.
MAP = "map"
# The sidebar's "More filters" box: whether it is open.
MORE_FILTERS = "more_filters"
STORY_TABLE = "story_table"
# The map page's heading and table of the selected events, and the clicked attack's card.
SELECTED_EVENTS = "selected_events"
RECORD_CARD = "record_card"
# The card's table of who gives which toll figure.
WHO_SAYS_WHAT = "who_says_what"
# The card's table of an incident's records in other datasets.
INCIDENT_RECORDS = "incident_records"
# Buttons that step through years and through the story, and the one that leaves presentation mode.
STEP_BACK = "step_back"
STEP_FORWARD = "step_forward"
TURN_ON_TILES = "turn_on_tiles"
YEAR_BACK = "year_back"
YEAR_FORWARD = "year_forward"
STORY_BACK = "story_back"
STORY_NEXT = "story_next"
LEAVE_PRESENTATION = "leave"
# What the groups page says of the chosen group, and what the story says of its step.
PROFILE = "profile"
STORY_STEP = "story_step"
# The import page: the file, the button, the report on the file and its implausible cells, and each
# kept file's buttons.
UPLOAD = "upload"
IMPORT_FORMAT = "import_format"
IMPORT_BUTTON = "import_button"
IMPORT_REPORT = "import_report"
IMPORT_CELLS = "import_cells"
SAVE_IMPORT = "save"
REMOVE_IMPORT = "remove"
REMOVE_BROKEN = "remove_broken"
# The import page's review of links between datasets: the filter, the table and its download.
DISAGREE_ONLY = "disagree_only"
LINK_REVIEW = "link_review"
DOWNLOAD_CROSSWALK = "download_crosswalk"
# Each chart with its downloads and its numbers.
CHART_YEARLY = "chart_yearly"
CHART_INSIDE_OUTSIDE = "chart_inside_outside"
CHART_KEY_EVENTS = "chart_key_events"
CHART_GROUP_YEARS = "chart_group_years"
CHART_LINEAGE = "chart_lineage"
CHART_MEMBERSHIP = "chart_membership"
CHART_COOPERATION = "chart_cooperation"
CHART_FOREIGN_BASES = "chart_foreign_bases"
CHART_CONTEXT = "chart_context"
CHART_ABROAD_MAP = "chart_abroad_map"
CHART_BY_ORIGIN = "chart_by_origin"
CHART_BY_DESTINATION = "chart_by_destination"
