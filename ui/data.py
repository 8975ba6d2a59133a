"""The data in force for this browser session: an accepted upload, else the bundled claims, as of the sidebar's
date, with the exchange rates the reader gave for the session; and the stamp that names them on every download.

An upload is a claims YAML or a zip of claims.yaml and its articles under sources/ (lib.bundle). It is checked
with the bundled file's rules, its quotes against its own articles first; a valid one replaces the data for this
session only (its settings start again from their defaults), an invalid one leaves the data as it was and its
problems are kept for the sidebar to list. Reset goes back to the bundled file.

A rate the reader gives for a currency no article or file converts is kept under SESSION_RATES (no widget owns
that key) and applied to the claims in force, so every prepared view converts with it.

An accepted upload that still breaks a page is a loader bug: the app sets it aside (kept for download), names
the claim that breaks it and the error, and goes back to the bundled data.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lib import bundle, claims as claims_lib, culprit, store
from lib.export.stamp import Stamp, dataset_version
from lib.i18n import _
from ui import cached, language, url

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_BOX = "upload_box"  # whether the sidebar's "Use your own data" box is open
SET_ASIDE = "upload_set_aside"  # an accepted upload a page broke on: (name, data, what went wrong)
UPLOAD_STATE = ("upload", "upload_problems", "upload_seen", "upload_generation", UPLOAD_BOX, SET_ASIDE)
AS_OF = "asof"  # the sidebar's as-of date: only claims published by then are in force
SESSION_RATES = "session_rates"  # the reader's exchange rates for this session: currency -> units per USD
KEPT = (*UPLOAD_STATE, SESSION_RATES)  # what another dataset does not reset
SHARED_PARAM = "data"  # URL parameter: the digest of a bundle kept by "Keep and share" (lib.store)
SHARED = "upload_shared"  # session state: (digest, upload key, why it opens nothing) of the link opened or kept
LASTING = ("article_draft", SHARED)  # kept when the data in force changes: the Add an article page's draft, the link


@dataclass(frozen=True)
class Dataset:
    """The claims in force, the key their caches use, how the sidebar names them and their version."""

    claims: pd.DataFrame
    key: str
    label: str
    version: str
    uploaded: bool
    articles: dict[str, str]  # the articles an upload carries (file name -> text), read before the stored ones
    file: bytes  # the file as it was given (the bundled claims.yaml, or the upload's YAML or zip), for the download
    file_name: str


def in_force() -> Dataset:
    """The accepted upload of this session, else the bundled data; with the reader's exchange rates, under a key
    that names them, so that every cached view of it converts with them."""
    upload = st.session_state.get("upload")
    if upload:
        name, data, key = upload
        dataset = Dataset(cached.uploaded_claims(key, name, data), key, _("uploaded file {file}").format(file=name),
                          dataset_version(data), True, cached.uploaded_articles(key, name, data), data, name)
    else:
        dataset = Dataset(cached.bundled_claims(), cached.BUNDLED, _("bundled data"), cached.bundled_version(), False, {},
                          cached.bundled_file(), cached.BUNDLED_PATH.name)
    rates = tuple(sorted(session_rates().items()))
    if not rates:
        return dataset
    key = dataset.key + "".join(f"|{currency}={rate!r}" for currency, rate in rates)
    return dataclasses.replace(dataset, claims=cached.with_session_rates(key, dataset.claims, rates), key=key)


def session_rates() -> dict[str, float]:
    """The exchange rates the reader gave for this session: currency -> units per USD."""
    return st.session_state.get(SESSION_RATES, {})


def give_rate(currency: str, per_usd: float | None) -> None:
    """Keep (or, with None, forget) the reader's rate for a currency for this session."""
    rates = {c: r for c, r in session_rates().items() if c != currency}
    if per_usd is not None and per_usd > 0:
        rates[currency] = float(per_usd)
    st.session_state[SESSION_RATES] = rates


def offer(name: str, data: bytes) -> bool:
    """Check an uploaded file, a claims YAML or a zip of it and its articles; a valid one comes into force (True),
    an invalid one leaves its problems (False)."""
    if len(data) > MAX_UPLOAD_BYTES:
        st.session_state["upload_problems"] = [_("{file}: the file is {size} MB; the limit is 5 MB.").format(
            file=name, size=f"{len(data) / 1e6:.1f}")]
        return False
    key = cached.upload_key(data)
    try:
        cached.uploaded_claims(key, name, data)
    except (bundle.BundleError, claims_lib.ClaimsError) as err:
        st.session_state["upload_problems"] = err.problems
        return False
    st.session_state["upload"] = (name, data, key)
    st.session_state["upload_problems"] = []
    st.session_state.pop(SET_ASIDE, None)
    _forget_settings()
    return True


def problems() -> list[str]:
    """What was wrong with the last file offered (empty when it was accepted or none was offered)."""
    return st.session_state.get("upload_problems", [])


def generation() -> int:
    """Bumped by every reset, so the uploader gets a new key and forgets its file."""
    return st.session_state.get("upload_generation", 0)


def reset() -> None:
    """Back to the bundled data, every setting (and exchange rate given) from its default."""
    for key in ("upload", "upload_problems", "upload_seen", SET_ASIDE, SESSION_RATES):
        st.session_state.pop(key, None)
    st.session_state["upload_generation"] = generation() + 1
    _forget_settings()


def set_aside(error: Exception) -> bool:
    """After a page raised: when an upload was in force, set it aside with a message naming the claim that breaks
    it (lib.culprit) and the error, and go back to the bundled data (True). False when the bundled data was in
    force: that is a bug of the app itself, not of a file."""
    upload = st.session_state.get("upload")
    if not upload:
        return False
    name, payload, key = upload
    claims = cached.uploaded_claims(key, name, payload)
    found = culprit.find(claims, st.session_state.get("company"))
    where = (_("The claim that breaks it: {claim} ({file}:{line}).").format(
                 claim=found["id"], file=bundle.claims_path(payload, name), line=found["line"]) if found is not None else
             _("No single claim could be named: it fails only with this page's settings."))
    message = _("{file} passed validation, but a page failed on it: {error}: {detail}. {where} "
                "This is a loader bug (the file should have been refused); the dashboard is back on the bundled data, "
                "and your file is kept for download.").format(file=name, error=type(error).__name__, detail=error, where=where)
    st.session_state[SET_ASIDE] = (name, payload, message)
    st.session_state["upload_problems"] = [message]
    st.session_state.pop("upload")
    _forget_settings()
    return True


def set_aside_upload() -> tuple[str, bytes, str] | None:
    """The upload a page broke on in this session, (name, data, message), or None."""
    return st.session_state.get(SET_ASIDE)


def _forget_settings() -> None:
    """Another dataset has other companies and dates: every setting starts again from its defaults, but the reader's
    language, which is not the data's."""
    kept = (*KEPT, *LASTING, url.PAGE, language.KEY)
    for key in [k for k in st.session_state if k not in kept and not str(k).startswith("upload_file")]:
        del st.session_state[key]
    for param in [param for param in st.query_params if param != language.PARAM]:
        del st.query_params[param]


def open_shared_link() -> str:
    """A link ?data=HASH: the bundle kept under HASH comes into force, once per session and link, with the link's
    other settings; while it is in force the URL keeps the parameter, so a reload or a copied link opens it again.
    Returns why the link opens nothing ('' when it opens, or there is none)."""
    digest = st.query_params.get(SHARED_PARAM)
    if digest and (st.session_state.get(SHARED) or ("",))[0] != digest:
        payload = cached.shared_store(str(store.configured_path())).get(digest)
        settings, key, problem = st.query_params.to_dict(), "", ""
        if payload is None:
            problem = _("The link's data ({digest}...) is not kept on this server: it was forgotten, is older than "
                        "the store keeps anything, or was kept on another server.").format(digest=digest[:12])
        elif offer(f"shared-{digest[:12]}.zip", payload):
            key = cached.upload_key(payload)
            st.query_params.from_dict(settings)
        else:
            problem = _("The link's data ({digest}...) no longer passes the loader's checks: {problems}").format(
                digest=digest[:12], problems="; ".join(problems()[:3]))
        st.session_state[SHARED] = (digest, key, problem)
    opened, key, problem = st.session_state.get(SHARED) or ("", "", "")
    upload = st.session_state.get("upload")
    if upload and key and upload[2] == key:
        st.query_params[SHARED_PARAM] = opened
    return problem if digest == opened else ""


def kept_upload() -> str:
    """The digest the upload in force is kept under in the shared store ('' when it is not kept)."""
    opened, key, _problem = st.session_state.get(SHARED) or ("", "", "")
    upload = st.session_state.get("upload")
    return opened if upload and key and upload[2] == key else ""


def keep_upload() -> None:
    """Keep the upload in force in the shared store as a zip of its claims and articles (lib.bundle), so that this
    page's link (?data=HASH) reopens it after a reload and on any machine serving the same store."""
    name, payload, key = st.session_state["upload"]
    kept = payload if bundle.is_zip(payload, name) else bundle.write_bundle(payload.decode("utf-8"), {})
    try:
        digest = cached.shared_store(str(store.configured_path())).keep(kept)
    except store.StoreError as err:
        st.session_state["upload_problems"] = [str(err)]
        return
    st.session_state[SHARED] = (digest, key, "")
    st.query_params[SHARED_PARAM] = digest


def forget_kept_upload() -> None:
    """Remove the kept upload from the store: its link stops working; the data stays in force for this session."""
    cached.shared_store(str(store.configured_path())).forget(kept_upload())
    st.session_state.pop(SHARED, None)
    st.query_params.pop(SHARED_PARAM, None)


def stamp(**link_overrides: str) -> Stamp:
    """What makes a download reproducible: this dataset's version, the sidebar's as-of date and this view's link
    (link_overrides replace or add URL parameters)."""
    dataset = in_force()
    return Stamp(dataset.version, dataset.uploaded, st.session_state[AS_OF], url.link(**link_overrides))
