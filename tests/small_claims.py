"""The small claims set the tests of lib.headline, lib.waterfall, lib.runway_inputs and lib.dashboard share: one
company with a loss, revenue, cost lines, a round and a valuation, from three articles (one undated)."""
from __future__ import annotations


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
