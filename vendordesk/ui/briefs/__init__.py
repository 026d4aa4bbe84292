"""Printable briefs drawn with Qt: the management brief dialog and the charts of the briefs."""
