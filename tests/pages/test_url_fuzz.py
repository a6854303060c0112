"""Any URL a person may paste or edit: every page opens without an exception and the view it
decodes holds allowed values only.

Generated with hypothesis: repeated keys, reversed, equal or out-of-range years, unknown ids,
very long and non-ASCII values, display labels in place of ids, unknown keys. The app runs are
few and always the same (derandomized) so CI stays fast; URL_FUZZ_EXAMPLES=200 explores longer
(README, Tests)."""

from __future__ import annotations

import os
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo import params
from geo.analysis.filters import year_span
from geo.analysis.story import STEPS
from geo.data.load import load_dataset
from geo.state.urlstate import (
    CHOICES,
    FLAGS,
    LISTS,
    MAX_CASUALTY_FILTER,
    allowed_values,
    decode,
    state_defaults,
    widget_labels,
)
from geo.text.i18n import DATASET_LABELS
from tests.apptest import start

APP_EXAMPLES = int(os.environ.get("URL_FUZZ_EXAMPLES", "2"))
DECODE_EXAMPLES = max(APP_EXAMPLES, 200)
PAGES = [None, "pages/story.py", "pages/timeline.py", "pages/groups.py", "pages/cooperation.py"]
PAGES += ["pages/abroad.py", "pages/data_sources.py", "pages/imports.py"]
NAMES = [value for name, value in vars(params).items() if name.isupper()]


@cache
def world():
    """Defaults, allowed ids and every label of the committed data."""
    data = load_dataset()
    defaults = state_defaults(year_span(data.attacks, data.events))
    allowed = allowed_values(
        list(data.groups["id"]), list(data.countries["iso3"]), list(DATASET_LABELS), list(data.organizations["id"])
    )
    labels = widget_labels(data.groups, data.organizations, list(data.countries["iso3"]))
    words = sorted({value for ids in allowed.values() for value in ids})
    words += sorted({label for by_id in labels.values() for names in by_id.values() for label in names})
    return defaults, allowed, words


def values():
    _, _, words = world()
    years = st.integers(-5, 3000).map(str)
    odd = st.sampled_from(["", " ", "0", "1", "2", "-1", "true", "EN", "Fr", "1e3", "٣", "２０１６", "NaN"])
    text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
    long = st.builds(
        lambda word, n: word * n, st.sampled_from(["é", "Ташкент", "a", "%20", "<b>"]), st.integers(200, 3000)
    )
    return st.one_of(st.sampled_from(words), years, odd, text, long)


def queries():
    keys = st.one_of(st.sampled_from(NAMES), st.sampled_from(["unknown", "Lang", "years[]", "ünï"]))
    return st.dictionaries(keys, st.lists(values(), min_size=1, max_size=4), max_size=6)


def assert_valid(view: dict) -> None:
    """Every value of `view` is one the pages can show."""
    defaults, allowed, _ = world()
    low, high = defaults[params.YEARS]
    assert set(defaults) <= set(view)
    start_year, end_year = view[params.YEARS]
    assert low <= start_year <= end_year <= high
    assert low <= view[params.YEAR] <= high
    assert 1 <= view[params.STEP] <= len(STEPS)
    assert 0 <= view[params.MIN_CASUALTIES] <= MAX_CASUALTY_FILTER
    assert isinstance(view[params.SEARCH], str) and len(view[params.SEARCH]) <= 200
    for key in FLAGS:
        assert isinstance(view[key], bool), key
    for key in LISTS:
        assert set(view[key]) <= set(allowed[key]), key
    for key in (*CHOICES, params.DATASET, params.PROFILE, params.ORGANIZATION):
        assert view[key] in allowed[key], key


@settings(max_examples=DECODE_EXAMPLES, derandomize=True, deadline=None)
@given(queries())
def test_decoding_any_url_gives_allowed_values_only(query):
    defaults, allowed, _ = world()
    assert_valid(decode(query, defaults, allowed))


@pytest.mark.parametrize("page", PAGES)
@settings(
    max_examples=APP_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(query=queries())
# Links that once stopped a page: one-year and reversed windows, labels where ids belong.
@example(query={"years": ["1991", "1991"], "choro": ["Number of attacks"], "group": ["IMU"], "lang": ["FR"]})
@example(query={"years": ["2020", "2010"], "year": ["2025"], "dataset": ["Attacks and foiled plots"]})
def test_every_page_opens_from_any_url(page, query):
    app = start(page, **query)
    assert not app.exception, [e.value for e in app.exception]
    assert_valid({key: app.session_state[key] for key in world()[0]})
