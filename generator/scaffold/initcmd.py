"""CLI for ``carbonreg init DIR --jurisdiction <profile>``: parse, call ``init.py``, print the next steps."""
from __future__ import annotations

import sys
from pathlib import Path

from generator.scaffold import init


def add_parser(sub) -> None:
    p = sub.add_parser("init", help="新建登记库仓库 / start a new registry repository")
    p.add_argument("dir", metavar="DIR", help="新仓库的文件夹（不存在或为空）/ folder of the new repository (missing or empty)")
    p.add_argument("--jurisdiction", required=True, metavar="PROFILE",
                   help=f"地区规则包 / jurisdiction profile: {', '.join(init.profile_ids())}")
    p.add_argument("--operator-zh", help="平台运营方名称（中文）/ the operator's name in Chinese")
    p.add_argument("--operator-en", help="平台运营方名称（英文）/ the operator's name in English")
    p.add_argument("--base-url", help="网站地址 / the site's address, https://…")
    p.add_argument("--no-git", action="store_true", help="不运行 git init / do not run git init")
    p.set_defaults(handler=run_init)


def run_init(args) -> int:
    from generator.history.git import GitError, init_repository
    from generator.publishing.files import WriteRefused

    target = Path(args.dir)
    operator = None
    if args.operator_zh or args.operator_en:
        operator = {"zh": args.operator_zh or args.operator_en, "en": args.operator_en or args.operator_zh}
    try:
        profile = init.load_profile(args.jurisdiction)
        init.init_registry(target, profile, init.installed_version(), operator, args.base_url)
        if not args.no_git:
            init_repository(target)
    except (init.InitError, WriteRefused, GitError) as exc:
        print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
        return 1
    print(f"已创建登记库仓库 / created a registry repository: {target}")
    print(next_steps(args.dir, profile))
    return 0


def next_steps(folder: str, profile: init.Profile) -> str:
    keys = "../platform-keys"
    roles = ("root-1", "root-2", "root-3", "authorizations", "status", "log", "platform")
    return "\n".join([
        "下一步 / next steps:",
        f"  cd {folder}",
        "  1. 检查（应无错误）/ check (no errors expected):",
        "       carbonreg check registry",
        f"  2. 生成平台密钥，放在仓库之外 / generate the platform's keys, outside the repository ({keys}):",
        f"       mkdir -p {keys} && for k in {' '.join(roles)}; do carbonreg keys generate {keys}/$k.pem; done",
        "  3. 创建信任根 / create the trust root:",
        f"       carbonreg trust init --registry registry --name carbonreg:{profile.jurisdiction} "
        f"--root-key {keys}/root-1.pem --root-key {keys}/root-2.pem --root-key {keys}/root-3.pem --threshold 2 "
        f"--authorizations-key {keys}/authorizations.pem --status-key {keys}/status.pem "
        f"--log-key {keys}/log.pem --platform-key {keys}/platform.pem",
        "  4. 修改 registry/registry.yaml 中的运营方与网址，然后提交 / set the operator and address in "
        "registry/registry.yaml, then commit:",
        "       git add -A && git commit -m \"Start the registry / 创建登记库\"",
        "  5. 技术服务机构入驻见 CONTRIBUTING.md / agencies join as CONTRIBUTING.md says (carbonreg new agency)",
    ])
