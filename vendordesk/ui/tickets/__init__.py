"""The tickets tab: cases, chargebacks, tasks."""
