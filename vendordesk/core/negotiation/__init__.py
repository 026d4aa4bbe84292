"""Price-increase prep: the case, its checks, analysis, levers and results."""
