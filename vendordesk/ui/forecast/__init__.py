"""The forecast tab."""
