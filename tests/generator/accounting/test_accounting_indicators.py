"""Indicators of an event's total (accounting/indicators.py): intensity and the placeholder share."""
from decimal import Decimal as D

from gentestkit import FORUM, run

from generator.accounting.indicators import intensity, placeholder_share


def test_indicators_by_hand(reg):
    acc = run(reg).accounts[FORUM]
    placeholder = sum((x.tco2e for x in acc.lines if x.factor_origin == "placeholder"), D(0))
    assert placeholder_share(acc) == (placeholder / acc.total).quantize(D("0.0001"))
    assert D("0.8") < placeholder_share(acc) < D("1")  # only electricity and heat are official
    per = intensity(acc, {"on_site_participants": D(1000), "visits": D(0)})
    assert per == {"perParticipant": (acc.total / 1000).quantize(D("0.000001"))}
