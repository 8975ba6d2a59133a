"""The Streamlit cache wrappers the pages use: the only module of lib/ that imports streamlit."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from lib import claims as claims_lib, transforms as tf

BUNDLED_PATH = Path(__file__).resolve().parent.parent / "data" / "claims.yaml"


@st.cache_data(show_spinner=False)
def bundled_claims() -> pd.DataFrame:
    """The bundled dataset, validated once per server."""
    return claims_lib.load_claims(BUNDLED_PATH)


@st.cache_data(show_spinner=False, max_entries=16)
def uploaded_claims(data: bytes, name: str) -> pd.DataFrame:
    """An uploaded dataset, validated with the bundled file's rules (errors are not cached)."""
    return claims_lib.parse_claims(data, name)


@st.cache_data(show_spinner=False, max_entries=64)
def prepared(claims: pd.DataFrame, as_of, include_undated: bool) -> pd.DataFrame:
    """Claims known at the as-of date, in USD, with period dates, conflicts and annualised flows."""
    return tf.prepare(tf.as_of(claims, as_of, include_undated))
