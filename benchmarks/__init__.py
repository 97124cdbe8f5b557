"""Scale benchmarks for the explainer: synthetic seeds (synth.py) and the timed runs (run.py)."""
