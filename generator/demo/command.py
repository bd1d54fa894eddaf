"""``carbonreg demo``: write a demo registry and say what is in it."""
from __future__ import annotations

import sys
import time
from pathlib import Path


def add_parser(sub) -> None:
    demo = sub.add_parser("demo", help="生成演示登记库 / write a realistic demo registry")
    demo.add_argument("--events", type=int, default=100, help="活动数量 / number of events (default 100)")
    demo.add_argument("--seed", default="1", help="随机种子（同一种子同样字节）/ seed: same seed, same bytes")
    demo.add_argument("--out", required=True, help="输出目录（须不存在或为空）/ output folder (new or empty)")


def run_demo(args) -> int:
    from generator.demo.generate import DEMO_TODAY, generate

    if args.events < 1:
        print("carbonreg: --events 至少为 1 / --events must be at least 1", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        summary = generate(Path(args.out), args.events, args.seed)
    except FileExistsError:
        print(f"carbonreg: {args.out} 已存在且不为空 / {args.out} exists and is not empty", file=sys.stderr)
        return 2
    statuses = ", ".join(f"{k} {v}" for k, v in summary.statuses.items())
    print(f"已生成演示登记库 / wrote demo registry {summary.out}: {summary.events} events ({statuses}); "
          f"{summary.declared} declared, {summary.certified} certified, {summary.revoked} revoked "
          f"in {time.perf_counter() - started:.1f} s")
    print(f"检查 / check: carbonreg check {summary.out} --today {DEMO_TODAY.isoformat()}")
    return 0
