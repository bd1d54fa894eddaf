"""Run the fuzz targets on demand and report how many inputs each took, with no crash or hang.

    .venv/bin/python fuzz/run.py --target yaml --runs 300000            # atheris, coverage-guided
    .venv/bin/python fuzz/run.py --all --runs 250000 --engine hypothesis

Inputs that break a target are saved to tests/fuzz/regressions/<target>/ and replayed in CI."""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz.targets import TARGETS  # noqa: E402

REGRESSIONS = Path(__file__).resolve().parents[1] / "tests" / "fuzz" / "regressions"
HANG_SECONDS = 10


def _save(target: str, data: bytes) -> Path:
    folder = REGRESSIONS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / hashlib.sha256(data).hexdigest()[:16]
    path.write_bytes(data)
    return path


def _run_one(target: str, data: bytes) -> None:
    def on_alarm(*_):
        raise TimeoutError(f"hang over {HANG_SECONDS} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HANG_SECONDS)
    try:
        TARGETS[target](data)
    except BaseException:
        print(f"crash in {target}; input saved to {_save(target, data)}", file=sys.stderr)
        raise
    finally:
        signal.alarm(0)


def run_atheris(target: str, runs: int) -> None:
    import atheris

    seeds = Path(__file__).resolve().parents[1] / "tests" / "fuzz" / "seeds"  # read only
    if (seeds / target).is_dir():  # a target's own seeds (attachment readers), else the shared ones
        seeds = seeds / target
    corpus = Path(__file__).resolve().parent / "corpus" / target  # what the fuzzer learns (not committed)
    corpus.mkdir(parents=True, exist_ok=True)
    TARGETS[target](b"")  # import everything the target uses, then instrument it for coverage
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], f"-runs={runs}", str(corpus), str(seeds)], lambda data: _run_one(target, data))
    atheris.Fuzz()


def run_random(target: str, runs: int, seed: int) -> int:
    """Plain random and mutated inputs, for machines without atheris."""
    import random

    rng = random.Random(seed)
    corpus = [p.read_bytes() for p in (Path(__file__).resolve().parents[1] / "registry").rglob("*.yaml")]
    for _i in range(runs):
        if rng.random() < 0.5 and corpus:
            base = bytearray(rng.choice(corpus))
            for _ in range(rng.randint(1, 8)):
                if base:
                    base[rng.randrange(len(base))] = rng.randrange(256)
            data = bytes(base)
        else:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        _run_one(target, data)
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", choices=sorted(TARGETS))
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--runs", type=int, default=10000)
    parser.add_argument("--engine", choices=("atheris", "random"), default="atheris")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    targets = sorted(TARGETS) if args.all else [args.target]
    for target in targets:
        start = time.time()
        if args.engine == "atheris":
            proc = multiprocessing.Process(target=run_atheris, args=(target, args.runs))
            proc.start()
            proc.join()
            if proc.exitcode != 0:
                print(f"{target}: FAILED (exit {proc.exitcode})")
                return 1
        else:
            run_random(target, args.runs, args.seed)
        print(f"{target}: {args.runs} inputs, 0 crashes, 0 hangs, {time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
