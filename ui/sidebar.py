"""The sidebar every page shares: navigation, the count of audit findings, the data upload, company, as-of date,
the data and deck downloads.

Each page calls page_setup() first. Rendering the navigation here rather than relying on st.navigation's
sidebar means a deep link on a freshly started server (which Streamlit runs without app.py) looks the same.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lib import audit, bundle, checks, dashboard, second_opinion, transforms as tf
from lib.chart_layout import slug
from lib.export import renderer
from lib.i18n import N_, _, later, ngettext
from ui import cached, data, language, runway, url
from ui import blocks
from ui.blocks import md_escape
from ui.url import choice, date_between, flag, url_persist

PAGES = [
    ("pages/overview.py", N_("Overview"), ":material/dashboard:"),
    ("pages/timeline.py", N_("Timeline"), ":material/timeline:"),
    ("pages/waterfall.py", N_("Waterfall"), ":material/waterfall_chart:"),
    ("pages/runway.py", N_("Runway"), ":material/flight_takeoff:"),
    ("pages/sources.py", N_("Sources"), ":material/format_quote:"),
    ("pages/checks.py", N_("Checks"), ":material/rule:"),
    ("pages/method.py", N_("Method"), ":material/menu_book:"),
    ("pages/add_article.py", N_("Add an article"), ":material/note_add:"),
]


@dataclass(frozen=True)
class Context:
    """What every page needs: the claims in force and the sidebar's choices."""

    claims: pd.DataFrame
    prepared: pd.DataFrame
    dataset_key: str
    entity: str
    as_of: dt.date
    include_undated: bool
    dataset_label: str
    first_published: dt.date
    last_published: dt.date
    peers: pd.DataFrame  # Epoch AI's rows in force (every company), as of the same date
    peer_only: bool  # the company is in Epoch's data but in no claim
    findings: pd.DataFrame  # lib.audit's findings about the claims in force
    flagged: pd.DataFrame  # lib.checks.flags: each claim's errors and warnings
    articles: dict[str, str]  # the articles an upload carries (file name -> text), read before the stored ones


SIDEBAR_PARAMS = ("company", "asof", "undated", language.PARAM)


def _forget_page_params() -> None:
    """A new company starts from its own claims: drop the previous company's page settings (how far the runway
    looks is not a claim, so it stays)."""
    url.forget(keep=(*SIDEBAR_PARAMS, *runway.SHARED, data.SHARED_PARAM))


def _upload_box() -> None:
    """Sidebar upload of a claims YAML, or a zip of claims.yaml and its articles under sources/; problems are listed
    with their lines, a valid file replaces the data. The box is drawn only while open; its label and starting state
    never change, so it keeps its place and state."""
    box = st.sidebar.expander(_("Use your own data"), key=data.UPLOAD_BOX, on_change="rerun")
    if not box.open:
        return
    with box:
        file = st.file_uploader(_("Claims YAML, or a zip of claims.yaml and sources/ (max 5 MB)"), type=["yaml", "yml", "zip"],
                                key=f"upload_file_{data.generation()}",
                                help=_("Same format and rules as data/claims.yaml; see data/README.md. Every quote must stand "
                                       "in its article: put the articles the bundled data lacks in the zip's sources/ folder."))
        if file is not None and st.session_state.get("upload_seen") != file.file_id:
            st.session_state["upload_seen"] = file.file_id
            data.offer(file.name, file.getvalue())
        problems = data.problems()
        for problem in problems[:50]:  # problems quote the file's own text: shown inert
            st.error(md_escape(problem), icon=":material/error:")
        if len(problems) > 50:
            st.error(_("... and {count} more problems.").format(count=len(problems) - 50), icon=":material/error:")
        if problems:
            st.caption(_("Nothing was changed: the data in use stays as it was."))
        if st.session_state.get("upload"):
            _keep_controls()
        if st.session_state.get("upload") and st.button(_("Reset to bundled data"), key="upload_reset",
                                                        icon=":material/restart_alt:"):
            data.reset()
            st.rerun()


def _keep_controls() -> None:
    """Keep and share the upload in force (it is otherwise gone on reload), or forget it once kept."""
    if not data.kept_upload():
        if st.button(_("Keep and share"), key="upload_keep", icon=":material/share:",
                     help=_("Keep this data on this server: the page's link then reopens it, after a reload or for anyone "
                            "you send it to. Nothing is kept unless you ask.")):
            data.keep_upload()
            st.rerun()
        return
    st.caption(_(":material/check_circle: Kept on this server: this page's link (with `?data=`) reopens it."))
    if st.button(_("Forget it"), key="upload_forget", icon=":material/delete:",
                 help=_("Remove it from the store: the link stops working.")):
        data.forget_kept_upload()
        st.rerun()


def _page_links(navigation) -> None:
    """The pages' links, drawn once the sidebar has written its settings to the URL: each carries them (and a
    shared upload's digest), so a page opened in a new tab, or a link copied from the menu, shows the same data,
    company and date."""
    carried = {param: st.query_params[param] for param in (*SIDEBAR_PARAMS, data.SHARED_PARAM) if param in st.query_params}
    for path, label, icon in PAGES:
        navigation.page_link(path, label=_(label), icon=icon, query_params=carried)


def page_setup(title: str) -> Context:
    """Page config, the shared sidebar and the data in force; call first on every page."""
    st.set_page_config(page_title=f"{_(title)} · Burnboard", page_icon=":material/local_fire_department:", layout="wide")
    url.on_page(title)
    url.one_history_entry_per_page()
    sidebar = st.sidebar
    sidebar.markdown("### :material/local_fire_department: Burnboard")
    language.picker()
    navigation = sidebar.container()
    count = sidebar.container()
    sidebar.divider()
    shared_problem = data.open_shared_link()
    if shared_problem:
        sidebar.error(md_escape(shared_problem), icon=":material/link_off:")
    _upload_box()
    dataset = data.in_force()
    claims = dataset.claims
    published = claims["source_published"].dropna()
    first = published.min().date() if not published.empty else dt.date(2000, 1, 1)
    last = max(published.max().date() if not published.empty else dt.date.today(), first)
    in_claims = cached.entities(dataset.key, claims)
    peer_companies = second_opinion.companies(cached.bundled_peers())
    in_articles = set(claims["entity"])
    companies = in_claims + sorted((company for company in peer_companies if company not in in_claims),
                                   key=lambda company: company not in in_articles)  # those in an article first
    covered = second_opinion.company_coverage(claims, cached.bundled_peers(), companies)
    default_company = "OpenAI" if "OpenAI" in in_claims else in_claims[0]
    entity = url_persist(sidebar.selectbox, default=default_company, parse=choice(companies))(
        _("Company"), companies, key="company", on_change=_forget_page_params,
        format_func=lambda company: covered[company].label,
        help=_("Companies in the articles, most money figures first, each with its number of claims; then those only "
               "Epoch AI's data covers (peer data only). Under the box: what the data hold about the one picked."))
    sidebar.caption(md_escape(covered[entity].detail))
    as_of = url_persist(sidebar.date_input, default=last, parse=date_between(first, last))(
        _("Claims published by"), min_value=first, max_value=last, key=data.AS_OF,
        help=_("Only claims from articles published on or before this date are used."))
    include_undated = url_persist(sidebar.checkbox, default=True, parse=flag)(
        _("Include undated articles"), key="undated",
        help=_("Three articles give no date. Each counts from the end of the period it was evidently written in "
               "(2024 or 2024-Q4), so an earlier as-of date leaves it out. Epoch AI's rows with no report date are "
               "used only when this is on."))
    if dataset.uploaded:
        sidebar.warning(_("Using {data} for this browser session only.").format(data=md_escape(dataset.label)),
                        icon=":material/upload_file:")
    if bundle.is_zip(dataset.file, dataset.file_name):  # the upload's articles go with it, or its quotes could not be checked again
        sidebar.download_button(_("Download the data (zip)"), dataset.file, file_name=dataset.file_name, mime="application/zip",
                                icon=":material/download:", key="download_yaml", on_click="ignore",
                                help=_("claims.yaml and its articles under sources/, as they are in force: extend it and "
                                       "upload it again under 'Use your own data'."))
    else:
        sidebar.download_button(_("Download the data (YAML)"), dataset.file, file_name=dataset.file_name,
                                mime="application/x-yaml", icon=":material/download:", key="download_yaml", on_click="ignore",
                                help=_("The claims file as it is in force: extend it and upload it again under "
                                       "'Use your own data'."))
    articles = claims["source"].nunique()
    prepared = cached.prepared(dataset.key, claims, as_of, include_undated)
    peers = cached.peers(as_of, include_undated)
    findings = _audit(dataset, as_of, include_undated)
    flagged = cached.flags(dataset.key, findings, prepared, as_of, include_undated)
    count.caption(_(":material/rule: {findings} in the claims in force: see Checks.").format(findings=checks.summary(findings)))
    _deck_button(dataset, prepared, entity, as_of, include_undated, peers, flagged)
    sidebar.caption(_("{claims} from {articles} ({data}). Every number links to the sentence it came from: see Sources.").format(
        claims=ngettext("{count} claim", "{count} claims", len(claims)).format(count=len(claims)),
        articles=ngettext("{count} article", "{count} articles", articles).format(count=articles),
        data=md_escape(dataset.label)))
    _page_links(navigation)
    cached.settled_heap()
    return Context(claims, prepared, dataset.key, entity, as_of, include_undated, dataset.label, first, last, peers,
                   entity not in in_articles, findings, flagged, dataset.articles)


def _audit(dataset: data.Dataset, as_of: dt.date, include_undated: bool) -> pd.DataFrame:
    """The audit of the claims in force (cached per dataset and as-of view); should it fail, the sidebar says so
    and the pages go on without findings, never showing a traceback."""
    try:
        return cached.findings(dataset.key, dataset.claims, as_of, include_undated, dataset.articles)
    except Exception as err:
        st.sidebar.error(_("The audit could not run on these claims: {error}: {detail}").format(
            error=md_escape(type(err).__name__), detail=md_escape(err)), icon=":material/error:")
        return pd.DataFrame(columns=audit.COLUMNS)


DECK_SLIDES = "deck_slides"  # session state: the slide kinds the reader chose, in their order (None until they choose)
DECK_PICKER = "deck_slides_picker"  # the picker's widget
DECK_BOX = "deck_slides_box"  # whether the "Slides in the deck" box is open
SLIDES_PARAM = "slides"
NO_SLIDES = "none"  # the URL's word for a choice of no slides


def _slide_kinds(raw: str) -> tuple[str, ...]:
    """The URL's slide kinds (lib.export.deck.SLIDES' keys; unknown ones are dropped where they are used)."""
    return tuple(kind for kind in raw.split(",") if kind and kind != NO_SLIDES)


def _slides_text(kinds: tuple[str, ...] | None) -> str:
    return "" if kinds is None else ",".join(kinds) or NO_SLIDES


def _retitled(entity: str) -> list[str]:
    """The names of this company's charts (and Epoch AI's) that the reader gave a title of their own in this session."""
    return [name for name, (title, _subtitle) in blocks.held_words().items()
            if title.strip() and name.startswith((f"{slug(entity)}-", "epoch-"))]


def _pick_slides() -> None:
    st.session_state[DECK_SLIDES] = tuple(st.session_state[DECK_PICKER])


def _slide_picker(entity: str, chosen: tuple[str, ...] | None) -> None:
    """Which charts go into the deck, in the order picked; drawn only while its box is open (python-pptx, which
    names the slides, is loaded then). Until the reader picks, the charts they retitled come first."""
    box = st.sidebar.expander(_("Slides in the deck"), key=DECK_BOX, on_change="rerun", icon=":material/view_carousel:")
    if not box.open:
        return
    from lib.export.deck import SLIDES, default_slides

    st.session_state[DECK_PICKER] = default_slides(_retitled(entity)) if chosen is None else [k for k in chosen if k in SLIDES]
    box.multiselect(_("Slides, in the order picked"), list(SLIDES), format_func=lambda kind: _(SLIDES[kind]), key=DECK_PICKER,
                    on_change=_pick_slides, placeholder=_("Pick the slides"),
                    help=_("The deck shows the slides in the order you pick them: remove one and add it again to move it "
                           "to the end. A chart the data cannot draw for this company is left out (and when none can be, "
                           "the deck has every chart)."))


def _deck_button(dataset: data.Dataset, prepared: pd.DataFrame, entity: str, as_of: dt.date, include_undated: bool,
                 peers: pd.DataFrame, flagged: pd.DataFrame) -> None:
    """A .pptx of the charts for this company and as-of date that the reader chose (every chart, those with the
    reader's own title first, until they choose), with the runway sliders' values, stamped with a link that opens
    those values; the audit's findings about its claims go into the speaker notes."""
    available, reason = cached.renderer_found()
    if not available:
        st.sidebar.caption(_("Deck download unavailable: {reason}").format(reason=md_escape(reason)))
        return
    chosen, _problem = url.url_state(DECK_SLIDES, param=SLIDES_PARAM, default=None, parse=_slide_kinds, text=_slides_text)
    _slide_picker(entity, chosen)
    inputs = cached.runway_inputs(dataset.key, prepared, as_of, include_undated, entity)
    held = runway.for_deck(inputs, entity) if inputs is not None else {"settings": {}, "stamp": data.stamp()}
    st.sidebar.download_button(
        _("Download deck (.pptx)"),
        later(lambda words=blocks.held_words(), slides=chosen: _deck(dataset.claims, entity, held, as_of, include_undated,
                                                                     peers, flagged, words, slides)),
        file_name=f"burnboard-{re.sub(r'[^a-z0-9]+', '-', entity.lower()).strip('-')}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
        key="download_deck", on_click="ignore", disabled=chosen == (),
        help=_("Pick at least one slide under 'Slides in the deck'.") if chosen == () else
             _("The charts as 16:9 slides with their sources; the quotes are in the speaker notes."),
    )


def _deck(claims: pd.DataFrame, entity: str, held: dict, as_of: dt.date, include_undated: bool, peers: pd.DataFrame,
          flagged: pd.DataFrame, words: dict[str, tuple[str, str]], slides: tuple[str, ...] | None) -> bytes:
    """The deck's bytes, built when the button is clicked from the claims in force, the runway values held then
    and the slides chosen (None: every chart, those with the reader's own title first); python-pptx is loaded
    then too, not with the page."""
    from lib.export.deck import chosen_charts, deck_bytes, default_slides

    known = tf.as_of(claims, as_of, include_undated)
    charts = [checks.annotate(chart.in_words(*words.get(chart.name, ("", ""))), flagged) for chart in
              dashboard.build_charts(known, entity, held["settings"], as_of, held.get("scenarios", ()), peers)]
    order = default_slides([chart.name for chart in charts if words.get(chart.name, ("", ""))[0].strip()]) if slides is None else slides
    return deck_bytes(chosen_charts(charts, order) or charts, stamp=held["stamp"], renderer=renderer.shared(), claims=known)
