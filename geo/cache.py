"""The Streamlit boundary: cached loaders keyed on plain values.

The dataset, the display shapes and the basemap are shared read-only by every session
(cache_resource): copying them out of the cache on each call cost a fifth of a second per
rerun and memory per session. So are the imported records and the selections made of them
(`shared`), which may hold a million rows: cache_data would keep each pickled and unpickle a
copy at every call of every rerun. Everything else derived from a view is cached per value
(cache_data).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import params
from geo.analysis.disagreements import compared
from geo.analysis.filters import select_attacks, with_imports
from geo.data.load import Dataset, load_dataset
from geo.data.paths import DATA_DIR
from geo.io.importer import ImportResult, Progress, import_bytes
from geo.io.linking import Link, crosswalk, effective, incident_ids, linked_across
from geo.io.messages import Message, failure_of
from geo.io.userfiles import UPLOAD_PREFIX
from geo.map.basemap import basemap_collections, display_shapes
from geo.map.bundle import bundle_text, bundled_assets, write_bundle
from geo.map.elements import ASSETS_JS
from geo.map.events import map_payload
from geo.map.labels import label_payload
from geo.map.overlays import Timeline
from geo.map.overlays import overlay_specs as layer_specs
from geo.map.timebar import timebar_payload
from geo.render.exports import chart_png as render_png
from geo.render.exports import chart_svg as render_svg
from geo.state import urlstate
from geo.state.criteria import (
    UPLOADS_KEY,
    attack_counts,
    attack_criteria,
    every_year,
    filter_arguments,
    selection_key,
)
from geo.state.criteria import filter_options as options_of
from geo.state.view import PageView
from geo.state.view import page_view as view_of
from geo.text.escape import compact_json


def _shallow(value):
    """`value` as a caller gets it: frames shallow-copied, which under pandas' copy-on-write keeps
    whatever the caller changes out of the cached frame."""
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)
    if isinstance(value, ImportResult):
        return dataclasses.replace(value, attacks=value.attacks.copy(deep=False), cells=value.cells.copy(deep=False))
    return value


def shared(max_entries: int):
    """Cached once for every session (cache_resource), at most `max_entries` results kept, each
    call given a shallow copy of the one result (see `_shallow`)."""

    def wrap(function):
        cached = st.cache_resource(show_spinner=False, max_entries=max_entries)(function)

        @functools.wraps(function)
        def call(*args, **kwargs):
            return _shallow(cached(*args, **kwargs))

        call.clear = cached.clear
        return call

    return wrap


@st.cache_resource(show_spinner=False)
def dataset(data_dir: str = str(DATA_DIR)) -> Dataset:
    """Every dataset, validated and joined, loaded once per data folder."""
    return load_dataset(data_dir)


@st.cache_resource(show_spinner=False)
def shapes(data_dir: str = str(DATA_DIR)) -> gpd.GeoDataFrame:
    """Country shapes simplified for display."""
    return display_shapes(dataset(data_dir).countries)


@st.cache_resource(show_spinner=False)
def basemap_json(data_dir: str = str(DATA_DIR)) -> tuple[str, str]:
    """The basemap's two collections (world, region) as JSON text."""
    return basemap_collections(shapes(data_dir))


@st.cache_resource(show_spinner=False)
def map_scripts() -> tuple[tuple[str, str], ...]:
    """The scripts the live maps load: the bundle, written once per server; the separate files
    where static/ cannot be written (a read-only install), said once in the server's log."""
    text = bundle_text()
    try:
        write_bundle(text)
    except OSError as error:
        logging.getLogger(__name__).warning("The map's scripts are served one by one: %s", error)
        return ASSETS_JS
    return bundled_assets(text)


@st.cache_data(show_spinner=False, max_entries=32)
def filter_options(
    lang: str, imports: tuple = (), decisions: tuple = (), data_dir: str = str(DATA_DIR)
) -> dict[str, dict[str, str]]:
    """The sidebar's list filters: ids found in the data (curated and imported) and their labels."""
    return options_of(incidents(imports, decisions, data_dir), dataset(data_dir).groups, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def filter_counts(
    imports: tuple = (), decisions: tuple = (), data_dir: str = str(DATA_DIR)
) -> dict[str, dict[str, int]]:
    """How many incidents each group and each country has, curated and imported."""
    return attack_counts(incidents(imports, decisions, data_dir))


def incidents(imports: tuple = (), decisions: tuple = (), data_dir: str = str(DATA_DIR)) -> gpd.GeoDataFrame:
    """Every incident, curated or imported, unfiltered."""
    return attacks({"imports": imports, "decisions": decisions}, data_dir)


@st.cache_resource(show_spinner=False)
def place_labels(lang: str, data_dir: str = str(DATA_DIR)) -> str:
    """The basemap's place names in `lang` as JSON text, built once per language."""
    return compact_json(label_payload(shapes(data_dir), lang))


@st.cache_resource(show_spinner=False)
def widget_labels(data_dir: str = str(DATA_DIR)) -> dict[str, dict[str, list[str]]]:
    """Every id a widget shows by label, with its labels in every language (fixed by the data)."""
    data = dataset(data_dir)
    return urlstate.widget_labels(data.groups, data.organizations, list(data.countries["iso3"]))


@shared(max_entries=8)
def imported(
    path: str, name: str, fmt: str, modified: float, data_dir: str = str(DATA_DIR), _read: ImportResult | None = None
) -> ImportResult:
    """One imported file, read once per content (`modified` changes when the file does; an upload's
    source is its fingerprint, and its bytes are the session's); `_read`, the file already read by
    `imported_now`, is kept as it is."""
    if _read is not None:
        return _read
    data = dataset(data_dir)
    raw = st.session_state[UPLOADS_KEY][path] if path.startswith(UPLOAD_PREFIX) else Path(path).read_bytes()
    return import_bytes(raw, name, data, fmt)


def checked_imports(entries: list, data_dir: str = str(DATA_DIR)) -> tuple[list, list[tuple[tuple, Message]]]:
    """The entries that import, and those that do not with why: one bad file is the Import page's
    to report, and every other page goes on without it."""
    usable, broken = [], []
    for entry in entries:
        try:
            imported(*entry, data_dir=data_dir)
        except Exception as error:  # whatever a file does to its reader, the pages must still run
            broken.append((entry, failure_of(error, entry[1])))
        else:
            usable.append(entry)
    return usable, broken


def _frames(imports: tuple, data_dir: str) -> list[pd.DataFrame]:
    """The imported records of every entry that still imports: a file gone or spoilt since the
    session checked it is left out, not a traceback on every page."""
    frames = []
    for item in imports:
        try:
            frames.append(imported(*item, data_dir=data_dir).attacks)
        except Exception:  # the Import page says what is wrong with it
            continue
    return frames


def imported_now(
    path: str, name: str, fmt: str, modified: float, progress: Progress, data_dir: str = str(DATA_DIR)
) -> ImportResult:
    """One file read now, `progress` told after each chunk of rows, then cached as `imported` caches
    it. Not cached itself: Streamlit would record the progress bar's updates with the result and
    replay them, on a bar that no longer exists, at each later call."""
    raw = st.session_state[UPLOADS_KEY][path] if path.startswith(UPLOAD_PREFIX) else Path(path).read_bytes()
    result = import_bytes(raw, name, dataset(data_dir), fmt, progress)
    return imported(path, name, fmt, modified, data_dir, _read=result)


@st.cache_data(show_spinner=False, max_entries=16)
def links_of(imports: tuple, decisions: tuple = (), data_dir: str = str(DATA_DIR)) -> list[Link]:
    """The links of the imported records to the curated attacks and to earlier imports, with a
    person's `decisions` ((record, target, decision) triples) applied."""
    frames = _frames(imports, data_dir)
    return linked_across(dataset(data_dir).attacks, frames, {(r, t): d for r, t, d in decisions})


def incident_of(imports: tuple, decisions: tuple = (), data_dir: str = str(DATA_DIR)) -> dict[str, str]:
    """For the imported records that repeat a curated attack or an earlier import, the incident's id."""
    found = effective(links_of(imports, decisions, data_dir))
    records = pd.Series([link.record for link in found], dtype=object)
    return dict(zip(records, incident_ids(records, found)))


@st.cache_data(show_spinner=False, max_entries=16)
def link_review(imports: tuple, decisions: tuple = (), data_dir: str = str(DATA_DIR)) -> pd.DataFrame:
    """Every link, those a person rejected included, as the crosswalk's rows with both records
    compared (see `geo.analysis.disagreements.compared`)."""
    curated = dataset(data_dir).attacks
    records = imported_records(imports, data_dir)
    table = crosswalk(links_of(imports, decisions, data_dir), set(curated["id"]))
    both = pd.concat([curated, records], ignore_index=True) if len(records) else curated
    return compared(table, both)


@shared(max_entries=8)
def imported_records(imports: tuple, data_dir: str = str(DATA_DIR)) -> pd.DataFrame:
    """Every imported record, linked or not, for the cards that show an incident's records."""
    frames = _frames(imports, data_dir)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


@shared(max_entries=16)
def attacks(criteria: dict, data_dir: str = str(DATA_DIR)) -> gpd.GeoDataFrame:
    """The incidents selected by `criteria` (`select_attacks` arguments plus `imports`): curated
    attacks, and imported records that repeat none of them or of an earlier import."""
    imports = tuple(tuple(item) for item in criteria.get("imports", ()))
    decisions = tuple(tuple(item) for item in criteria.get("decisions", ()))
    frames = _frames(imports, data_dir)
    incidents = incident_of(imports, decisions, data_dir) if imports else None
    merged = with_imports(dataset(data_dir).attacks, frames, incidents)
    return select_attacks(merged, **filter_arguments(criteria))


def page_view(state: Mapping, data_dir: str = str(DATA_DIR)) -> PageView:
    """The view in `state` (the session's), with its selection and filter options from the caches."""
    data = dataset(data_dir)
    criteria = attack_criteria(state, data.group_links)
    options = filter_options(state[params.LANG], criteria["imports"], criteria["decisions"], data_dir)
    return view_of(state, data, criteria, attacks(criteria, data_dir), options, date.today().isoformat())


@st.cache_data(show_spinner=False, max_entries=32)
def event_payload_json(
    criteria: dict, lang: str, data_dir: str = str(DATA_DIR), color_by: str = "group", size_by: str = "both"
) -> str:
    """The packed attacks of a selection as JSON, ready for the map, coloured and sized as asked
    (or aggregated into cells when it is large)."""
    data = dataset(data_dir)
    chosen = attacks(criteria, data_dir)
    return compact_json(
        map_payload(chosen, data.groups, data.sources, lang, tolls=data.tolls, color_by=color_by, size_by=size_by)
    )


@st.cache_data(show_spinner=False, max_entries=32)
def timebar_json(criteria: dict, span: tuple[int, int], lang: str, data_dir: str = str(DATA_DIR)) -> str:
    """The time bar of a selection: its attacks over every year of `span`, the window of its years."""
    scrubbed = every_year(criteria)
    dates = attacks(scrubbed, data_dir)["date"]
    return compact_json(timebar_payload(dates, span, criteria["years"], lang, selection_key(scrubbed)))


def timeline(criteria: dict, span: tuple[int, int], lang: str, data_dir: str = str(DATA_DIR)) -> Timeline:
    """What a map scrubbed in the browser needs besides its view: the time bar, the selection over every year."""
    scrubbed = every_year(criteria)
    every = attacks(scrubbed, data_dir)
    return Timeline(timebar_json(criteria, span, lang, data_dir), len(every), selection_key(scrubbed), every)


@st.cache_data(show_spinner=False, max_entries=64)
def chart_png(spec: str) -> bytes:
    """A chart's PNG, rendered once per spec."""
    return render_png(spec)


@st.cache_data(show_spinner=False, max_entries=64)
def chart_svg(spec: str) -> str:
    """A chart's SVG, rendered once per spec."""
    return render_svg(spec)


@st.cache_data(show_spinner=False, max_entries=64)
def overlay_specs(
    criteria: dict,
    view: dict,
    lang: str,
    key: str,
    attribution: str,
    stamp: tuple | None = None,
    legend_open: bool = True,
    data_dir: str = str(DATA_DIR),
    span: tuple[int, int] | None = None,
) -> list[tuple]:
    """The map's layers for a selection and view, as JSON payloads built once; with the data's
    `span`, a time bar over it and the layers it filters in the browser over every year."""
    data = dataset(data_dir)
    scrubbed = timeline(criteria, span, lang, data_dir) if span is not None else None
    return layer_specs(
        data,
        attacks(criteria, data_dir),
        event_payload_json(
            every_year(criteria) if scrubbed else criteria,
            lang,
            data_dir,
            view[params.COLOR_BY],
            view[params.SIZE_BY],
        ),
        view,
        shapes(data_dir),
        lang,
        key,
        attribution,
        stamp,
        legend_open,
        scrubbed,
    )


def map_layers(
    view: PageView, legend_open: bool = True, data_dir: str = str(DATA_DIR), time_bar: bool = False
) -> list[tuple]:
    """The map's layers for a page's view, its stamp included in presentation mode, and the time
    bar when asked."""
    span = tuple(view.data_span) if time_bar else None
    return overlay_specs(
        view.criteria, view.map_view, view.lang, view.key, view.attribution, view.stamp, legend_open, data_dir, span
    )
