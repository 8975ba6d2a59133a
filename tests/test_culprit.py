"""lib.culprit: the claim that makes the pages' computations fail, found by replaying them on shorter prefixes."""
from __future__ import annotations

import pytest

from lib import culprit, headline
from tests.conftest import make_claims

CLAIMS = [{"id": f"loss-{year}", "period": str(year), "value": 1_000_000_000 * (year - 2019)} for year in range(2020, 2026)]


@pytest.fixture
def fails_on(monkeypatch):
    """Make the cards fail whenever the given claim is in force, as a loader bug would."""
    def install(claim_id: str):
        original = headline.headline_figures

        def failing(prepared, entity, as_of=None):
            if claim_id in set(prepared["id"]):
                raise OverflowError("cannot convert float infinity to integer")
            return original(prepared, entity, as_of)

        monkeypatch.setattr(headline, "headline_figures", failing)
    return install


@pytest.mark.parametrize("breaking, line", [("loss-2020", 12), ("loss-2023", 48), ("loss-2025", 72)])
def test_find_names_the_claim_that_breaks_the_pages(fails_on, breaking, line):
    fails_on(breaking)
    found = culprit.find(make_claims(CLAIMS), "OpenAI")
    assert (found["id"], found["line"]) == (breaking, line)


def test_find_gives_none_when_the_pages_compute_fine():
    assert culprit.find(make_claims(CLAIMS), "OpenAI") is None


def test_replay_raises_what_the_pages_raise(fails_on):
    fails_on("loss-2021")
    with pytest.raises(OverflowError, match="cannot convert float infinity"):
        culprit.replay(make_claims(CLAIMS), "OpenAI")
