"""Benchmark scripts (run each as ``python benchmarks/NAME.py``).

A package, so that type checkers name ``benchmarks/html.py`` ``benchmarks.html``
instead of letting it shadow the standard library's ``html`` module.
"""
