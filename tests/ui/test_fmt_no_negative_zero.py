"""Issue 13: "−0,0" never appears; the UI rounds for display in one place (fmt.rounded)."""

from PySide6.QtCore import QLocale

from vendordesk.ui import fmt
from vendordesk.ui.gears.formatting import change_text


def test_values_that_round_to_zero_have_no_minus_sign():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert fmt.number(-0.04, 1) == "0,0"              # not "-0,0"
        assert fmt.percent(-0.0004, 1) == "0,0 %"          # -0.04 % -> 0,0 %
        assert fmt.number(-0.06, 1) == "−0,1"              # a real negative keeps its sign, a real minus
        # 41.02 % vs 41.04 %: -0.02 points -> "0,0 pts", no minus and no plus
        assert change_text(0.0, "pct", 0.4102, 0.4104).startswith("0,0")
        assert change_text(0.0004, "count").startswith("0,0")   # +0.04 % is not "+0,0 %"
    finally:
        QLocale.setDefault(previous)


def test_signed_bridge_values_that_round_to_zero_have_no_sign(qapp):
    """The Net PPM bridge showed "Einkaufspreis −0,00" for a step of −0,00001 points."""
    from vendordesk.ui.influence.bridge import _pts
    from vendordesk.ui.influence.labels import signed_money

    assert _pts(-0.0000001) == "0.00"           # −0.00001 points rounds to 0.00
    assert _pts(0.0057) == "+0.57" and _pts(-0.0022) == "−0.22"
    assert signed_money(-0.4, "EUR", 0) == "€0" and signed_money(-12.0, "EUR", 0) == "−€12"


def test_negatives_carry_a_typographic_minus_not_a_hyphen():
    """Tables on the shared model showed "-0,9" beside charts and tiles with "−0,9"."""
    previous = QLocale()
    try:
        for locale, expected in ((QLocale(QLocale.Language.German, QLocale.Country.Germany),
                                  ("−1.234,5", "−12,5 %", "−12,50\xa0€")),
                                 (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
                                  ("−1,234.5", "−12.5%", None))):
            QLocale.setDefault(locale)
            assert fmt.number(-1234.5, 1) == expected[0]
            assert fmt.percent(-0.125, 1) == expected[1]
            if expected[2]:
                assert fmt.money(-12.5) == expected[2]
            assert "-" not in fmt.number(-3) + fmt.percent(-0.5) + fmt.money(-1.0)
    finally:
        QLocale.setDefault(previous)
