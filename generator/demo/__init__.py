"""A realistic, valid demo registry of any size, deterministic for a seed (``carbonreg demo``).

``generate(out, events=N, seed=S)`` writes the shared data (rules, factors and agencies copied from
the sample registry), N event folders (plans, reports, retirements, declarations and attachment
files with their SHA-256) and a signed trust folder made with ``generator.publishing.ops`` using
keys derived from the seed in memory. No private key is ever written.
"""
__all__ = ["DEMO_TODAY", "DemoSummary", "generate"]


def __getattr__(name: str):
    """Loaded on use: ``carbonreg`` lists the demo command without importing the generator (and the
    signing code it uses), which would cost every other command half a second."""
    if name in __all__:
        import importlib

        module = importlib.import_module("generator.demo.generate")
        # Importing the submodule bound the name "generate" to it: bind the public names instead.
        globals().update({n: getattr(module, n) for n in __all__})
        return globals()[name]
    raise AttributeError(name)
