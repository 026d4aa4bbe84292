"""The interdependency model: graph, simulation, calibration, explanations, the sales target."""
