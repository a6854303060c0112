"""Closed vocabularies of the data contract (the values a column may take)."""

DATE_PRECISIONS = ("day", "month", "year")
LOCATION_PRECISIONS = ("exact", "city", "province", "country")
RESPONSIBILITIES = ("claimed", "attributed", "suspected", "unknown")
ATTACK_TYPES = (
    "bombing",
    "suicide_bombing",
    "armed_assault",
    "assassination",
    "hostage_taking",
    "vehicle_ramming",
    "stabbing",
    "rocket_attack",
    "arson",
    "incursion",
    "other",
)
TARGET_TYPES = (
    "civilians",
    "government",
    "military",
    "police",
    "diplomatic",
    "religious",
    "transport",
    "business",
    "education",
    "tourists",
    "journalists",
    "other",
)
EVENT_KINDS = (
    "founding",
    "split",
    "pledge",
    "treaty",
    "membership",
    "intervention",
    "base_opened",
    "base_closed",
    "exercise",
    "statement",
    "aid_programme",
    "summit",
    "leader_killed",
    "repression",
    "other",
)
LINK_KINDS = ("split", "merger", "pledge", "alliance", "rivalry", "successor")
BASE_KINDS = ("base", "safe_haven", "training_camp", "operating_area", "foreign_military_base")
BORDER_STATUSES = ("mined", "closed", "clashes", "trafficking_route", "fenced")
ORG_KINDS = ("security", "economic", "political")
MEMBERSHIP_STATUSES = ("member", "associate", "observer", "dialogue_partner", "partner", "suspended", "left")
CONTEXT_TOPICS = ("labour_migration", "water", "trafficking")
IMPORT_DATASETS = ("gtd", "ucdp", "acled")
# Where a group alias was seen: an import format, whose names the importer maps to group ids, or
# `media_ru`, the Russian names regional media use, kept as a cited glossary the importer never reads.
ALIAS_DATASETS = (*IMPORT_DATASETS, "media_ru")
# The page's languages other than English, the data's own: those a place name is given in.
TRANSLATED_LANGUAGES = ("fr", "ru")
# Who a toll figure comes from: a government or police body, the press, the perpetrators, a
# non-governmental organisation, a court, a hospital.
TOLL_KINDS = ("official", "media", "claim", "ngo", "court", "hospital")
# What a source is. Only the first six are primary or news sources a row may rest on: an
# encyclopedia or a mirror (a copy of an encyclopedia article or of a document, `mirrors` naming
# the original) may complement them, never stand alone, and nor may a blog.
PRIMARY_SOURCE_KINDS = ("news", "official", "court", "research", "ngo", "dataset")
SOURCE_KINDS = (*PRIMARY_SOURCE_KINDS, "encyclopedia", "mirror", "blog")
# Why an attack is in the curated data (see data/README.md): it happened in one of the five
# republics, its perpetrators were nationals of one of them, a Central Asian group carried it out,
# it is an ISKP attack with 20 or more killed, or it struck a Central Asian target (a state,
# its nationals or its missions) outside the region.
SCOPES = ("territory", "nationality", "central_asian_group", "iskp_mass_casualty", "central_asian_target")
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
# The groups born in Central Asia or of its émigrés, whose attacks anywhere are in scope.
CENTRAL_ASIAN_GROUPS = (
    "imu",
    "iju",
    "jamaat_ansarullah",
    "katibat_imam_bukhari",
    "ktj",
    "jund_al_khilafah",
    "uto",
    "akramiya",
    "hizb_ut_tahrir",
)
ISKP_MASS_CASUALTY_KILLED = 20
BOOLEANS = ("true", "false")
UNKNOWN_GROUP = "unknown"
