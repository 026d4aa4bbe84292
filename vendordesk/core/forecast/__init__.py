"""Our forecast, Amazon's next to it, backtests, supply and out-of-stock risk."""
