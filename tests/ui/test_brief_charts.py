"""Honest brief charts: axis from zero or a marked break, units in the language, no k/M."""

from __future__ import annotations

from vendordesk.ui.briefs.brief_charts import bars_image, money_unit, nice_ticks, waterfall_floor, waterfall_image


def test_units_are_words_of_the_language_never_k_or_m():
    assert money_unit(452_734, "de") == (1e3, "Tsd. €")
    assert money_unit(25_000_000, "de") == (1e6, "Mio. €")
    assert money_unit(9_999, "de") == (1.0, "€")
    assert money_unit(452_734, "en") == (1e3, "thousand €")


def test_ticks_are_round():
    # span 0..28 in about 5 steps: 28 / 5 = 5.6 -> the next round step is 10
    assert nice_ticks(0, 28) == [0, 10, 20]
    assert nice_ticks(0, 1000) == [0, 200, 400, 600, 800, 1000]


def test_waterfall_axis_starts_at_zero_unless_the_steps_would_vanish():
    # the demo bridge: 452.734 -> 401.946; levels run from 452.734 down to 391.356, swing 61.378
    levels = [452_734, 452_734, 429_711, 408_155, 391_356, 403_669, 401_945, 401_946]
    deltas = [0, -23_023, -21_556, -16_799, 12_313, -1_724]
    floor = waterfall_floor(levels, deltas)
    # 391.356 > 4 x 61.378 = 245.512, so it is cut: below 391.356 - 1,5 x 61.378 = 299.289, a round tick: 200.000
    assert floor == 200_000
    # a change of 40 % of the level: never cut (4 x swing is above the lowest level)
    assert waterfall_floor([100, 140, 140], [40]) == 0.0
    assert waterfall_floor([-5, 10], [15]) == 0.0


def test_images_render(qapp):
    image = waterfall_image(("Vorher", 452_734), [("Menge", -23_023), ("Konditionen", 12_313)], ("Nachher", 442_024),
                            "de")
    assert not image.isNull() and image.width() == 1800
    bars = bars_image(["Jan", "Feb"], [("Ziel", "#b0bec5", [1.0, 2.0]), ("Ist", "#1565c0", [1.5, 0.0])], "de")
    assert not bars.isNull()


def _sundays(first, count):
    import datetime as dt

    start = dt.date.fromisoformat(first)
    return [(start + dt.timedelta(weeks=k)).isoformat() for k in range(count)]


def test_month_labels_write_the_year_on_january_and_on_the_first_label():
    """The brief charts said "Sept. 26", "Mai 27" (read as the 27th of May); like the window's
    forecast axis they write the year out on January and on the first label:
    "Juli 2026 · Sept. · Nov. · Jan. 2027"."""
    from vendordesk.ui.briefs.brief_charts import month_labels

    weeks = _sundays("2026-07-05", 30)        # 5 July 2026 .. 24 January 2027: July .. January, 7 months
    width = lambda text: 10.0 * len(text)     # "Sept. 2026" is 100 wide, "Sept." 50
    # 700 wide over 29 week steps: a month (4-5 weeks) is 97-121 apart, room for every month
    wide = month_labels(weeks, "de", 0.0, 700.0, width, gap=10.0)
    assert [text for _, text in wide] == ["Juli 2026", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.", "Jan. 2027"]
    # 300 wide: one month is about 300 / 29 x 4.3 = 45, less than half of "Juli 2026" plus half of "Aug."
    # plus the gap (45 + 20 + 10 = 75); every second month is about 90 apart, and fits
    narrow = month_labels(weeks, "de", 0.0, 300.0, width, gap=10.0)
    assert [text for _, text in narrow] == ["Juli 2026", "Sept.", "Nov.", "Jan. 2027"]
    english = month_labels(weeks, "en", 0.0, 700.0, width, gap=10.0)
    assert english[0][1] == "Jul 2026" and english[-1][1] == "Jan 2027" and english[1][1] == "Aug"


def test_waterfall_labels_fit_their_bar_slot(qapp):
    """The management brief's bridge printed "inkaufsprei", "Konditionen" ran into "Chargeback" and
    "2.667.290 €" over the axis: 8 bars share the plot, and at the chart's font "Einkaufspreis" and
    "2.737.735 €" are wider than one bar's slot. The labels now take a font whose widest word (names)
    or text (values) fits the slot."""
    from PySide6.QtGui import QFontMetricsF

    from vendordesk.ui.briefs.brief_charts import Canvas, fitted_font

    canvas = Canvas()
    slot = canvas.plot.width() / 8               # Vorher, 6 steps, Nachher
    base = QFontMetricsF(canvas.font)
    canvas.done()
    names = ["Vorher", "Einkaufspreis", "Menge", "Mix", "OOS-Verluste", "Konditionen", "Rückbelastungen", "Nachher"]
    values = ["2.667.290 €", "0 €", "+86.142 €", "-22.987 €", "-10.959 €", "+18.952 €", "-704 €", "2.737.735 €"]
    assert base.horizontalAdvance("Einkaufspreis") > slot and base.horizontalAdvance("2.737.735 €") > slot
    font = fitted_font(canvas.font, names + values, slot)
    metrics = QFontMetricsF(font)
    assert all(metrics.horizontalAdvance(word) <= slot for text in names + values for word in text.split())
    assert all(metrics.horizontalAdvance(text) <= slot for text in values)
    # labels that fit keep the chart's font
    assert fitted_font(canvas.font, ["Mix", "0 €"], slot).pixelSize() == canvas.font.pixelSize()
