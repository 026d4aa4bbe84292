"""The price-increase tab."""
