"""lib.validate: the command line exits 0 with a summary, or 1 with one line per problem and no traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.test_claims import replaced


@pytest.mark.parametrize(
    "files, code, stdout, stderr",
    [
        (["data/claims.yaml"], 0, "data/claims.yaml: valid:", ""),
        (["bad.yaml"], 1, "", "bad.yaml:15: claims[0].value: expected a number, got boolean true"),
        (["missing.yaml"], 1, "", "missing.yaml:1: file: cannot read"),
        (["huge.yaml"], 1, "", "huge.yaml:15: claims[0].value: must be a finite number, got 10000000000000000000...0"),
        ([], 2, "", "usage: python -m lib.validate PATH..."),
    ],
)
def test_validate_cli(tmp_path, files, code, stdout, stderr):
    (tmp_path / "bad.yaml").write_text(replaced("value: 5_000_000_000", "value: yes"))
    (tmp_path / "huge.yaml").write_text(replaced("value: 5_000_000_000", "value: 1" + "0" * 309))
    args = [str(ROOT / f) if f.startswith("data/") else f for f in files]
    result = subprocess.run(
        [sys.executable, "-m", "lib.validate", *args], cwd=tmp_path, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == code
    assert stdout in result.stdout
    assert stderr in result.stderr
    assert "Traceback" not in result.stderr
