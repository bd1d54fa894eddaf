"""A short, seeded slice of the fuzz campaign (fuzz/run.py runs millions on demand), and a replay of
every input that once broke a target (tests/fuzz/regressions/<target>/)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings, strategies as st
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from fuzz.targets import TARGETS  # noqa: E402

REGRESSIONS = Path(__file__).parent / "regressions"
SAMPLE = pristine_sample()
YAML_SEEDS = sorted(p.read_bytes() for p in SAMPLE.rglob("*.yaml"))
SLICE = settings(max_examples=300, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

yaml_text = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
              st.sampled_from(["2025-02-30", ".inf", "!!python/object:x", "*a", "&a x", "<<: *a", "0o17", "1e999"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


def _dump(value, indent=0) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        return "".join(f"{pad}{k!s}:\n{_dump(v, indent + 1)}" if isinstance(v, (dict, list)) and v
                       else f"{pad}{k!s}: {_dump(v).strip()}\n" for k, v in value.items()) or f"{pad}{{}}\n"
    if isinstance(value, list):
        return "".join(f"{pad}- {_dump(v).strip()}\n" for v in value) or f"{pad}[]\n"
    return f"{pad}{value}\n"


@seed(20261124)
@SLICE
@given(st.binary(max_size=400))
def test_yaml_loader_and_schemas_on_random_bytes(data):
    TARGETS["yaml"](data)


@seed(20261124)
@SLICE
@given(yaml_text)
def test_yaml_loader_on_yaml_shaped_text(value):
    TARGETS["yaml"](_dump(value).encode("utf-8"))


@seed(20261124)
@SLICE
@given(st.sampled_from(YAML_SEEDS), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6))
def test_yaml_loader_on_mutated_registry_files(base, edits):
    data = bytearray(base)
    for position, value in edits:
        data[position % len(data)] = value
    TARGETS["yaml"](bytes(data))


@seed(20261124)
@SLICE
@given(st.binary(max_size=300))
def test_strict_json_on_random_bytes(data):
    TARGETS["json"](data)


@seed(20261124)
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=5, max_size=12))
def test_verify_never_accepts_a_mutated_certificate(data):
    TARGETS["verify-mutated"](data)


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*/*")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_regressions_stay_fixed(path):
    TARGETS[path.parent.name](path.read_bytes())


DOCUMENT_TARGETS = sorted(t for t in TARGETS if t.startswith("doc-") or t == "personal-text")
SEEDS = Path(__file__).parent / "seeds"


@pytest.mark.parametrize("target", DOCUMENT_TARGETS)
def test_attachment_readers_on_mutated_seeds(target):
    """Each reader on its seeds with bytes overwritten, cut or repeated: content or a refusal, never a crash."""
    import random

    seeds = sorted(p.read_bytes() for p in (SEEDS / target).iterdir())
    assert seeds
    rng = random.Random(20261124)
    for _ in range(150):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 6)):
            position = rng.randrange(len(data))
            action = rng.random()
            if action < 0.6:
                data[position] = rng.randrange(256)
            elif action < 0.8:
                del data[position:position + rng.randint(1, 64)]
            else:
                data[position:position] = data[position:position + rng.randint(1, 64)] * rng.randint(1, 4)
        TARGETS[target](bytes(data))
