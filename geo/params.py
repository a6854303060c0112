"""Every URL query parameter name the app uses; widgets bound to the URL use these as keys."""

LANG = "lang"
YEARS = "years"
GROUPS = "groups"
DATASET = "dataset"
SEARCH = "q"
APPLY_FILTERS = "filtered"
