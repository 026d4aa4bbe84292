"""The KPI gears tab."""
