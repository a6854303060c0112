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
# Who a toll figure comes from: a government or police body, the press, the perpetrators, a
# non-governmental organisation, a court, a hospital.
TOLL_KINDS = ("official", "media", "claim", "ngo", "court", "hospital")
BOOLEANS = ("true", "false")
UNKNOWN_GROUP = "unknown"
