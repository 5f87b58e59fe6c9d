"""Evaluation tooling: QA sets, metrics with intervals, baselines, reports, bench, tuning."""
