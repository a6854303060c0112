"""The Streamlit boundary: cached loaders keyed on plain values."""
from __future__ import annotations

import streamlit as st

from geo.load import Dataset, load_dataset
from geo.paths import DATA_DIR


@st.cache_data(show_spinner=False)
def dataset(data_dir: str = str(DATA_DIR)) -> Dataset:
    """Every dataset, validated and joined, loaded once per data folder."""
    return load_dataset(data_dir)
