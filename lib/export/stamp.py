"""What makes a download reproducible: the dataset's version, the as-of date and the link to the view."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlencode


def dataset_version(data: bytes) -> str:
    """A short hash of a claims file's bytes: the same file always gives the same ten hex digits."""
    return hashlib.sha256(data).hexdigest()[:10]


def view_link(address: str, params: Mapping[str, str]) -> str:
    """The address of a page with its URL parameters, as a browser shows it."""
    return f"{address}?{urlencode(dict(params))}" if params else address


@dataclass(frozen=True)
class Stamp:
    """Carried by every PNG, SVG, CSV and deck: which claims, known by which date, in which view."""

    version: str  # dataset_version() of the claims in force
    uploaded: bool  # the claims came from an upload, not from the bundled file
    as_of: dt.date  # only claims published by this date were used
    link: str  # the view's URL with its parameters

    @property
    def text(self) -> str:
        """'Dataset 3f2a9c1e0b (uploaded) · claims published by 2026-02-01 · http://...' (one line)."""
        marker = " (uploaded)" if self.uploaded else ""
        return f"Dataset {self.version}{marker} · claims published by {self.as_of.isoformat()} · {self.link}"
