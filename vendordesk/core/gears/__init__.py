"""The KPI gears: declarations, KPI formulas, manual values, health scores."""
