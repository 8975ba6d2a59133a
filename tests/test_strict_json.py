"""lib.strict_json: JSON every reader accepts, missing values as null."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib import strict_json


@pytest.mark.parametrize("value, text", [
    ({"reason": float("nan")}, '{\n  "reason": null\n}'),
    ([float("inf"), -float("inf"), pd.NA, pd.NaT, None], '[\n  null,\n  null,\n  null,\n  null,\n  null\n]'),
    ({"n": np.int64(3), "x": np.float64(2.5), "ok": np.bool_(True), "ids": ("a", "b")},
     '{\n  "n": 3,\n  "x": 2.5,\n  "ok": true,\n  "ids": [\n    "a",\n    "b"\n  ]\n}'),
    ({"text": "≈ 16%"}, '{\n  "text": "≈ 16%"\n}'),
])
def test_dumps_writes_null_for_what_json_cannot_hold(value, text):
    assert strict_json.dumps(value) == text


@pytest.mark.parametrize("text", ['{"reason": NaN}', "[Infinity]", "[-Infinity]"])
def test_loads_refuses_what_json_parse_refuses(text):
    with pytest.raises(ValueError, match="not JSON"):
        strict_json.loads(text)


def test_loads_reads_strict_json():
    assert strict_json.loads('{"a": [1, null, "x"]}') == {"a": [1, None, "x"]}
