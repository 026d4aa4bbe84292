"""fit_to_width: the arithmetic that keeps a table inside its width (pure; worked by hand)."""

from __future__ import annotations

from vendordesk.ui.models.fit import fit_to_width


def test_a_table_that_fits_keeps_its_widths():
    assert fit_to_width({"a": 100, "b": 200}, {"a": 50, "b": 50}, 300) == ({"a": 100, "b": 200}, [])


def test_the_columns_give_up_their_slack_in_proportion():
    # 100 + 200 = 300 in 240: 60 px to give; slack a 100-80 = 20, b 200-80 = 120 (140 in all):
    # a gives 60 * 20/140 = 8.57 -> 9, b 60 * 120/140 = 51.43 -> 52; 61 taken, 1 px narrower than needed
    widths, folded = fit_to_width({"a": 100, "b": 200}, {"a": 80, "b": 80}, 240)
    assert folded == [] and widths == {"a": 91, "b": 148} and sum(widths.values()) <= 240


def test_when_the_floors_are_too_wide_the_fold_order_leaves_columns_out():
    # floors 100 + 100 + 100 = 300 > 250: leave out "c" (first named); a + b = 150 + 150 = 300,
    # 50 to give from slack 50 + 50: 25 each -> 125 + 125 = 250
    widths, folded = fit_to_width({"a": 150, "b": 150, "c": 120}, {"a": 100, "b": 100, "c": 100}, 250,
                                  fold=["c", "b"])
    assert folded == ["c"] and widths == {"a": 125, "b": 125}


def test_no_column_goes_below_its_floor_even_when_nothing_is_left_to_fold():
    widths, folded = fit_to_width({"a": 150, "b": 150}, {"a": 120, "b": 120}, 200, fold=["b"])
    assert folded == ["b"] and widths == {"a": 150}
    widths, folded = fit_to_width({"a": 150}, {"a": 120}, 100, fold=["a"])   # the last column stays
    assert folded == [] and widths == {"a": 120}
