"""What makes a download reproducible: the dataset's version, the as-of date and the link to the view.

The link starts with the dashboard's public address when one is configured (public_address); otherwise it is the
view's path, which opens the view on whichever server serves Burnboard, and the stamp says so.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlencode

from lib.i18n import _
from lib.locale_forms import day

PUBLIC_URL = "BURNBOARD_PUBLIC_URL"  # environment: the address readers open the dashboard at, e.g. https://burnboard.example
SHOWN_DIGITS = 7  # of the version, in the stamp's text


def dataset_version(data: bytes) -> str:
    """A short hash of a claims file's bytes: the same file always gives the same ten hex digits."""
    return hashlib.sha256(data).hexdigest()[:10]


def view_link(address: str, params: Mapping[str, str]) -> str:
    """The address of a page with its URL parameters, as a browser shows it."""
    return f"{address}?{urlencode(dict(params))}" if params else address


def public_address(environ: Mapping[str, str], server_address: str = "", server_port: int | None = None,
                   base_path: str = "") -> str:
    """The dashboard's public address, without a trailing slash: $BURNBOARD_PUBLIC_URL, else Streamlit's
    browser.serverAddress (given only when set explicitly) with browser.serverPort (likewise) and
    server.baseUrlPath; '' when neither is configured."""
    configured = environ.get(PUBLIC_URL, "").strip()
    if configured:
        return configured.rstrip("/")
    if not server_address:
        return ""
    address = server_address if "://" in server_address else f"http://{server_address}"
    port = f":{server_port}" if server_port else ""
    path = f"/{base_path.strip('/')}" if base_path.strip("/") else ""
    return f"{address.rstrip('/')}{port}{path}"


def is_address(link: str) -> bool:
    """Whether a link is a full address (http or https) rather than a path on the Burnboard server."""
    return link.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Stamp:
    """Carried by every PNG, SVG, CSV and deck: which claims, known by which date, in which view."""

    version: str  # dataset_version() of the claims in force
    uploaded: bool  # the claims came from an upload, not from the bundled file
    as_of: dt.date  # only claims published by this date were used
    link: str  # the view's address with its parameters, or its path when no public address is configured
    file: str = ""  # the name of a claims file other than the bundled one (the command line's --claims)

    @property
    def text(self) -> str:
        """'Burnboard data, version 2ce5577 (claims published by 1 Feb 2026) · https://...' (one line); an upload is
        'Uploaded data', another file 'Data from FILE', and a path is given as 'open on the Burnboard server: /runway?...'."""
        data = _("Uploaded data") if self.uploaded else _("Data from {file}").format(file=self.file) if self.file \
            else _("Burnboard data")
        where = self.link if is_address(self.link) else _("open on the Burnboard server: {link}").format(link=self.link)
        return _("{data}, version {version} (claims published by {date}) · {where}").format(
            data=data, version=self.version[:SHOWN_DIGITS], date=day(self.as_of), where=where)
