"""A number field that shows its minus as the window's other numbers do ("−8 Punkte", not
"-8,0"), and still takes a typed "-" or "−"."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

MINUS = "\u2212"


class SignedSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox with a real minus sign in its text.

    Qt writes the locale's hyphen-minus ("-8,0"); the labels, tables and charts beside the field
    write "−8,0". Shown text gets "−"; text read back (typed or shown) has it turned into the hyphen
    Qt parses, so both keys work. A whole number is shown without its zero decimals ("−8", not
    "−8,0"), as the labels and tables beside it write it; "−5,5" keeps its decimal."""

    def textFromValue(self, value: float) -> str:
        text = super().textFromValue(value)
        zeros = self.locale().decimalPoint() + "0" * self.decimals()
        if self.decimals() and text.endswith(zeros):
            text = text[: -len(zeros)]
        return text.replace("-", MINUS)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(text.replace(MINUS, "-"))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text.replace(MINUS, "-"), pos)
        state = result[0] if isinstance(result, tuple) else result
        return state, text, pos            # the text as typed: the field keeps the user's sign

    def fixup(self, text: str) -> str:
        return super().fixup(text.replace(MINUS, "-")).replace("-", MINUS)
