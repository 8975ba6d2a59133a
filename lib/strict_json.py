"""JSON that every reader accepts (jq, JavaScript's JSON.parse): a missing value is null, never NaN or
Infinity, and numpy or pandas scalars are written as plain numbers, text or null."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd


def plain(value):
    """A value made of dicts, lists, text, numbers, booleans and None only: NaN, NaT and pd.NA become None,
    numpy scalars Python ones, tuples lists."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return value


def dumps(value) -> str:
    """Strict JSON text of value (see plain), UTF-8 characters kept, indented by two spaces."""
    return json.dumps(plain(value), ensure_ascii=False, indent=2, allow_nan=False)


def loads(text: str | bytes):
    """Parse JSON as strictly as JSON.parse does: NaN, Infinity and -Infinity are errors."""
    def refuse(name: str):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)
