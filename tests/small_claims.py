"""The small claims sets tests share. BASE (lib.headline, lib.waterfall, lib.runway_inputs, lib.dashboard): one
company with a loss, revenue, cost lines, a round and a valuation, from three articles (one undated). CHARTED
(lib.history_charts, lib.runway_charts, lib.chart_layout): a loss, two disagreeing training costs, a valuation, a
partnership and a prediction, from a dated and an undated article; EPOCH_ROWS, Epoch AI rows drawn beside them;
START, the month the runway charts' projections start."""
from __future__ import annotations

import datetime as dt


SOURCES = [{"id": "old", "published": "2023-06-01"}, {"id": "new", "published": "2024-06-01"},
           {"id": "undated", "published": None, "written": "2024"}]
BASE = [
    {"id": "loss-2024", "value": 5e9, "period": "2024", "source": "new", "qualifier": "exact"},
    {"id": "revenue-2024", "metric": "revenue", "value": 3e9, "period": "2024", "source": "new", "qualifier": "exact"},
    {"id": "compute-2024", "metric": "compute_cost", "value": 4e9, "period": "2024", "source": "new", "qualifier": "nearly"},
    {"id": "servers-2024", "metric": "operating_cost", "value": 1e6, "per": "day", "period": "2024", "source": "undated", "qualifier": "exact"},
    {"id": "train-lo", "metric": "training_cost", "value": 2e9, "period": "2024", "source": "new", "qualifier": "up_to"},
    {"id": "train-hi", "metric": "training_cost", "value": 6e9, "period": "2024", "source": "undated", "qualifier": "at_least"},
    {"id": "round", "metric": "funding_round", "value": 6e9, "per": ..., "period": "2024-10", "basis": "reported", "source": "new", "qualifier": "exact"},
    {"id": "valuation-old", "metric": "valuation", "value": 80e9, "per": ..., "period": "2023", "source": "old"},
    {"id": "loss-2023", "value": 1e9, "period": "2023", "source": "old", "qualifier": "exact"},
    {"id": "chatgpt-cost-2024", "metric": "operating_cost", "scope": "ChatGPT", "value": 9e9, "period": "2024", "source": "new"},
]


BUNDLE = {"id": "bundle", "metric": "training_cost", "includes": ["training_cost", "compute_cost"], "value": 7e9, "period": "2024",
          "source": "old", "qualifier": "at_least"}


CHARTED = [
    {"id": "loss-en", "value": 5e9, "period": "2024", "source": "a"},
    {"id": "train-a", "metric": "training_cost", "value": 3e9, "period": "2024", "source": "a"},
    {"id": "train-b", "metric": "training_cost", "value": 7e9, "period": "2024", "source": "b"},
    {"id": "val", "metric": "valuation", "value": 80e9, "per": ..., "period": "2024-10", "source": "b"},
    {"id": "mou", "metric": "partnership", "counterparty": "Nvidia", "value": None, "unit": ..., "per": ...,
     "qualifier": ..., "period": "2025-09", "source": "b"},
    {"id": "doom", "metric": "bankruptcy_prediction", "value": None, "unit": ..., "per": ..., "qualifier": ...,
     "period": "2024", "basis": "forecast", "source": "a"},
]
CHARTED_SOURCES = [{"id": "a", "publisher": "Alpha", "published": "2023-08-13"},
                   {"id": "b", "publisher": "Beta", "published": None, "written": "2024-H2"}]


EPOCH_ROWS = [
    {"id": "Oct 2024 157B", "kind": "valuation", "date": "2024-10-02", "value_usd": 157e9, "status": "closed", "confidence": "Confident"},
    {"id": "2024 3.7B", "kind": "revenue_yearly", "date": "2024-12-31", "value_usd": 3.7e9, "type": "Yearly revenue",
     "confidence": "Likely", "source_type": "Media report", "url_1": "https://example.com/yearly"},
    {"id": "Dec 2024 5.5B", "kind": "revenue_run_rate", "date": "2024-12-31", "value_usd": 5.5e9, "type": "Annualized revenue",
     "confidence": "", "source_type": "Media report"},
    {"id": "Feb 2024 tender", "kind": "equity_funding", "date": "2024-02-16", "value_usd": 0, "status": "closed"},
]


START = dt.date(2024, 1, 1)
