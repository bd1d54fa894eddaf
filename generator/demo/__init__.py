"""A realistic, valid demo registry of any size, deterministic for a seed (``carbonreg demo``).

``generate(out, events=N, seed=S)`` writes the shared data (rules, factors and agencies copied from
the sample registry), N event folders (plans, reports, retirements, declarations and attachment
files with their SHA-256) and a signed trust folder made with ``generator.publishing.ops`` using
keys derived from the seed in memory. No private key is ever written.
"""
from generator.demo.generate import DEMO_TODAY, DemoSummary, generate

__all__ = ["DEMO_TODAY", "DemoSummary", "generate"]
