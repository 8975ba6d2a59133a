"""lib.figures: what kind each input of a derived figure is, and when two sets of inputs are not alike."""
from __future__ import annotations

import pytest

from lib import figures


@pytest.mark.parametrize("before, after, reason", [
    (("funding round 2024-10", "cash burn 2024"), ("funding round 2024-10", "net loss 2025"), "cash burn 2024 became net loss 2025"),
    (("funding round 2024-10", "net loss 2024"), ("funding round 2024-10", "net loss 2024"), ""),
    (("net loss 2024",), ("revenue 2024", "net loss 2024"), "it now also uses revenue 2024"),
    (("revenue 2024", "net loss 2024"), ("net loss 2024",), "it no longer uses revenue 2024"),
    (("investment (tranche) 2023", "net loss 2023"), ("funding round 2024-10", "net loss 2024"),
     "investment (tranche) 2023, net loss 2023 became funding round 2024-10, net loss 2024"),
])
def test_kind_change(before, after, reason):
    assert figures.kind_change(before, after) == reason
