"""`python -m benchmarks` (`make bench`): see benchmarks/run.py."""

from .run import main

main()
