"""Shared fixtures: the real dataset and a builder for small hand-made claims files."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lib.claims import load_claims, parse_claims
from lib.peers import COLUMNS as PEER_COLUMNS, load_peers

ROOT = Path(__file__).resolve().parent.parent
CLAIMS_PATH = ROOT / "data" / "claims.yaml"

SOURCE = {
    "id": "src-a",
    "file": "a.txt",
    "title": "Article A",
    "publisher": "Publisher A",
    "source_type": "news_outlet",
    "language": "en",
    "published": "2024-06-01",
    "url": "https://example.com/a",
    "note": "A test source.",
}
CLAIM = {
    "id": "claim-1",
    "entity": "OpenAI",
    "metric": "net_loss",
    "value": 5_000_000_000,
    "unit": "USD",
    "per": "year",
    "period": "2024",
    "basis": "estimated",
    "qualifier": "approximately",
    "source": "src-a",
    "quote": "a loss of $5 billion",
    "quote_en": "a loss of $5 billion",
}


def claims_document(claims: list[dict], sources: list[dict] | None = None, acknowledged: list[dict] | None = None) -> dict:
    """A claims document from partial claims (each merged over CLAIM) and sources (over SOURCE), with an
    acknowledged list when given; `...` as a value drops that field."""
    doc = {
        "sources": [{**SOURCE, **s} for s in (sources or [{}])],
        "claims": [{k: v for k, v in {**CLAIM, **c}.items() if v is not ...} for c in claims],
    }
    if acknowledged:
        doc["acknowledged"] = acknowledged
    return doc


def claims_yaml(claims: list[dict], sources: list[dict] | None = None, acknowledged: list[dict] | None = None) -> str:
    """claims_document written as YAML."""
    return yaml.safe_dump(claims_document(claims, sources, acknowledged), sort_keys=False, allow_unicode=True)


def articles_for(claims: list[dict], sources: list[dict] | None = None) -> dict[str, str]:
    """Articles that hold the quotes claims_yaml writes: each source's file, with the quote of every claim citing
    it (text only) as a paragraph of its own."""
    doc = claims_document(claims, sources)
    files = {s.get("id"): s.get("file") for s in doc["sources"]}
    articles: dict[str, list[str]] = {}
    for claim in doc["claims"]:
        file, quote = files.get(claim.get("source")), claim.get("quote")
        if isinstance(file, str) and isinstance(quote, str) and quote not in articles.get(file, []):
            articles.setdefault(file, []).append(quote)
    return {file: "\n\n".join(quotes) + "\n" for file, quotes in articles.items()}


def make_claims(claims: list[dict], sources: list[dict] | None = None, acknowledged: list[dict] | None = None):
    """A validated claims frame from partial claims, with articles that hold their quotes (articles_for); `...`
    as a value drops that field."""
    return parse_claims(claims_yaml(claims, sources, acknowledged), "test.yaml", articles_for(claims, sources))


def claims_bundle(claims: list[dict], sources: list[dict] | None = None, acknowledged: list[dict] | None = None,
                  yaml_text: str | None = None) -> bytes:
    """An upload: a zip of claims_yaml (or yaml_text, edited from it) and the articles that hold its quotes."""
    from lib.bundle import write_bundle

    return write_bundle(yaml_text or claims_yaml(claims, sources, acknowledged), articles_for(claims, sources))


def write_claims(path: Path, claims: list[dict], sources: list[dict] | None = None,
                 acknowledged: list[dict] | None = None) -> Path:
    """claims_yaml written to path, and its articles (articles_for) to the sources/ folder beside it, added to
    what other files there already hold."""
    path.write_text(claims_yaml(claims, sources, acknowledged), encoding="utf-8")
    folder = path.parent / "sources"
    folder.mkdir(exist_ok=True)
    for file, text in articles_for(claims, sources).items():
        article = folder / file
        article.write_text((article.read_text(encoding="utf-8") if article.exists() else "") + text, encoding="utf-8")
    return path


PEER_ROW = {"company": "OpenAI", "report_date": "2025-01-01", "type": "", "includes": "", "status": "", "confidence": "Confident",
            "source_type": "", "exclude_from_graph": "False", "url_1": "https://example.com/epoch", "url_2": "", "url_3": ""}


def make_peers(tmp_path: Path, rows: list[dict]):
    """An Epoch extract from partial rows (each merged over PEER_ROW), written and read back by the strict loader."""
    import csv

    path = tmp_path / "epoch.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=PEER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({**PEER_ROW, **row} for row in rows)
    return load_peers(path)


@pytest.fixture(scope="session")
def real_claims():
    return load_claims(CLAIMS_PATH)


FORMULAS = {"publisher": '=HYPERLINK("http://evil.example","x")', "quote": "+SUM(1,2)", "quote_en": "@SUM(1)",
            "note": "-2+3", "title": "\tTabbed title", "source_note": "\rCarriage"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_FORMULA_TEXT = {"quote": FORMULAS["quote"], "quote_en": FORMULAS["quote_en"], "note": FORMULAS["note"]}
FORMULA_CLAIMS = [  # a valid claims file about 'Acme AI' whose publisher, quotes and notes a spreadsheet would run as formulas
    {"id": "acme-loss-2024", "entity": "Acme AI", "value": 2_000_000_000, **_FORMULA_TEXT},
    {"id": "acme-revenue-2024", "entity": "Acme AI", "metric": "revenue", "value": 500_000_000, **_FORMULA_TEXT},
    {"id": "acme-staff-2024", "entity": "Acme AI", "metric": "staff_cost", "value": 1_000_000_000, **_FORMULA_TEXT},
    {"id": "acme-valuation-2024", "entity": "Acme AI", "metric": "valuation", "value": 10_000_000_000, "per": ...,
     "period": "2024-06", **_FORMULA_TEXT},
]
FORMULA_SOURCES = [{"publisher": FORMULAS["publisher"], "title": FORMULAS["title"], "note": FORMULAS["source_note"]}]


def inert_csv_cells(data: bytes) -> list[str]:
    """Every cell of a CSV download (its stamp line skipped) that is text, checked: none would run as a formula.
    Returns the text cells, for the caller to look for the neutralised ones."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]
    text = []
    for cell in (cell for row in rows for cell in row):
        try:
            float(cell)
        except ValueError:
            assert not cell.startswith(FORMULA_START), f"a spreadsheet would run {cell!r}"
            text.append(cell)
    return text


def upload(at, name: str, payload: bytes):
    """Open the sidebar's "Use your own data" box, as a reader's click does, and upload a file into it (an AppTest)."""
    if not (at.session_state["upload_box"] if "upload_box" in at.session_state else False):
        at.session_state["upload_box"] = True
        at.run()
    generation = at.session_state["upload_generation"] if "upload_generation" in at.session_state else 0
    mime = "application/zip" if name.endswith(".zip") else "application/x-yaml"
    return at.file_uploader(key=f"upload_file_{generation}").set_value((name, payload, mime)).run()
