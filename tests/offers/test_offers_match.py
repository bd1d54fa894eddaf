"""Matching: shortfall, eligibility, ranking, whole-tonne contributions and exact prices."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st
from offerstestkit import FORUM, SAMPLE, offer, run

from generator.offers.match import allocate, match_event, match_offers, shortfall, usable


@pytest.fixture(scope="module")
def sample():
    return run(SAMPLE)


@pytest.fixture(scope="module")
def rules(sample):
    return sample.registry.rules[0]


def test_forum_shortfall_and_ranking(sample):
    account = sample.accounts[FORUM]
    assert (shortfall(account, "basic"), shortfall(account, "full")) == (0, 285)
    m = match_event(sample.registry, account, "full", date(2026, 11, 24))
    assert [(c.offer.id, c.contributes) for c in m.candidates] == [
        ("ccer-2026-chongming-wind", 200),             # quality 1
        ("shver-2026-metro-carbon-inclusion", 60),     # quality 0.9, donation
        ("cea-2026-minhang-thermal", 25),              # quality 0.8, CNY 62.00
        ("shea-2026-lingang-power", 0),                # quality 0.8, CNY 71.80
    ]
    assert m.covered and m.contributed == 285 and m.uncovered == 0
    assert m.cost == Decimal("18850.00")


def test_forum_basic_scope_is_not_short(sample):
    m = match_event(sample.registry, sample.accounts[FORUM], "basic", date(2026, 11, 24))
    assert m.shortfall == 0 and m.candidates == () and m.covered


def test_expired_offers_drop_out(sample):
    m = match_event(sample.registry, sample.accounts[FORUM], "full", date(2027, 1, 15))
    assert "shver-2026-metro-carbon-inclusion" not in [c.offer.id for c in m.candidates]
    assert m.cost == Decimal("22570.00")  # 200 × 86.50 + 85 × 62.00


def test_not_yet_valid_offers_drop_out(sample):
    m = match_event(sample.registry, sample.accounts[FORUM], "full", date(2026, 4, 15))
    assert [c.offer.id for c in m.candidates] == ["ccer-2026-chongming-wind", "shver-2026-metro-carbon-inclusion"]
    assert not m.covered and m.uncovered == 25


def test_validity_bounds_are_inclusive(rules):
    o = offer(valid_from=date(2026, 3, 1), valid_until=date(2026, 3, 31))
    for day, expected in [(date(2026, 2, 28), 0), (date(2026, 3, 1), 1), (date(2026, 3, 31), 1), (date(2026, 4, 1), 0)]:
        assert len(match_offers([o], rules, 5, 0, day).candidates) == expected


def test_only_offers_usable_under_the_rules(rules):
    assert usable(offer(kind="ccer", price="80"), rules)
    assert not usable(offer(kind="ccer", price="80", province="jiangsu"), rules)   # Art. 12(2): generated in Shanghai
    assert not usable(offer(kind="vcs", price="20"), rules)
    assert not usable(offer(kind="shea", registry="national-ets-registry"), rules)
    assert not usable(offer(), None)


def test_ties_donation_then_price_then_id(rules):
    offers = [offer("b", price="60"), offer("a", price="60"), offer("c", price="59.99"), offer("d", price=None)]
    m = match_offers(offers, rules, 100, 0, date(2026, 6, 1))
    assert [c.offer.id for c in m.candidates] == ["d", "c", "a", "b"]


def test_quality_first(rules):
    offers = [offer("cheap-shea", price="1"), offer("ccer", kind="ccer", price="500")]
    m = match_offers(offers, rules, 5, 0, date(2026, 6, 1))
    assert [c.offer.id for c in m.candidates] == ["ccer", "cheap-shea"]
    assert [c.contributes for c in m.candidates] == [5, 0]


def test_shortfall_never_negative(rules):
    m = match_offers([offer()], rules, 10, 25, date(2026, 6, 1))
    assert m.shortfall == 0 and m.covered and m.candidates == ()


def test_exact_decimal_cost(rules):
    m = match_offers([offer(price="0.1", quantity=3)], rules, 3, 0, date(2026, 6, 1))
    assert m.cost == Decimal("0.3") and str(m.cost) == "0.3"
    big = match_offers([offer(price="123456789012345678.123456789012", quantity=100000000)], rules,
                       100000000, 0, date(2026, 6, 1))
    assert big.cost == Decimal("12345678901234567812345678.901200000000")  # 38 digits: not rounded


def test_allocate_is_greedy():
    assert allocate(10, [4, 4, 4]) == [4, 4, 2]
    assert allocate(0, [4]) == [0]
    assert allocate(-3, [4]) == [0]


KINDS = st.sampled_from(["cea", "shea", "ccer", "shanghai_ver", "vcs"])
OFFERS = st.lists(st.tuples(KINDS, st.integers(1, 10_000),
                            st.one_of(st.none(), st.decimals("0.01", "500", places=2))), max_size=8)


@settings(max_examples=200, deadline=None)
@given(OFFERS, st.integers(0, 50_000), st.integers(0, 50_000))
def test_contributions_bounded_and_covered_iff_enough(rules, specs, needed, retired):
    offers = [offer(f"o{i}", kind, q, None if p is None else str(p)) for i, (kind, q, p) in enumerate(specs)]
    m = match_offers(offers, rules, needed, retired, date(2026, 6, 1))
    short = max(0, needed - retired)
    assert m.shortfall == short
    for c in m.candidates:
        assert 0 <= c.contributes <= c.offer.quantity_available
        assert c.offer.kind != "vcs"
    assert m.contributed <= short
    assert m.covered == (m.available >= short)
    assert m.contributed == (min(short, m.available) if short else 0)
    qualities = [c.quality for c in m.candidates]
    assert qualities == sorted(qualities, reverse=True)
    expected = sum((c.offer.price_per_tonne * c.contributes for c in m.candidates if c.offer.method == "purchase"),
                   Decimal(0))
    assert m.cost == expected
