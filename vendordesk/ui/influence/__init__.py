"""The interdependency panel: graph, what-if, calibration, target."""
