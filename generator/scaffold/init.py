"""``carbonreg init DIR --jurisdiction <profile>``: a new registry repository, ready for its first check.

A profile is data (``profiles/<id>/``: ``profile.yaml``, ``rules/``, ``factors/``): adding a
jurisdiction adds a folder, no code. The repository gets the profile's rules and factor sets, the
JSON Schemas (so the files' ``$schema`` modelines work offline), empty record folders (each with a
README.md saying what goes there), the workflow templates pinned to the installed carbonreg, a
pre-commit configuration, and a README and CONTRIBUTING for organizers and agencies in zh and en.
Nothing existing is ever overwritten: a folder that is not empty is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator import datadir
from generator.errors import CarbonregError
from generator.loading.yamlsafe import load_yaml
from generator.publishing.files import write_atomic

PROFILES = datadir.PROFILES
TEMPLATES = Path(__file__).resolve().parent / "repo"
WORKFLOWS = ("check.yml", "comment.yml", "publish.yml", "status.yml")

FOLDER_NOTES = {
    "events": ("每场活动一个文件夹：events/<年份>/<活动编号>/（carbonreg new event）",
               "one folder per event: events/<year>/<event-id>/ (carbonreg new event)"),
    "agencies": ("每家技术服务机构一个文件：agencies/<机构编号>.yaml（carbonreg new agency）",
                 "one file per technical service agency: agencies/<agency-id>.yaml (carbonreg new agency)"),
    "revocations": ("平台的撤销公告：revocations/<编号>.yaml（carbonreg revoke）",
                    "the platform's revocation notices: revocations/<id>.yaml (carbonreg revoke)"),
    "trust": ("平台签名的信任文件（carbonreg trust init / authorize、publish、status sign 生成）；不得手工编辑",
              "the platform's signed trust documents (written by carbonreg trust init / authorize, publish, "
              "status sign); never edit them by hand"),
}


class InitError(CarbonregError):
    pass


@dataclass(frozen=True)
class Profile:
    id: str
    folder: Path
    jurisdiction: str
    name: dict
    registry_name: dict
    guideline: dict


def profile_ids() -> list[str]:
    return sorted(p.parent.name for p in PROFILES.glob("*/profile.yaml"))


def load_profile(profile_id: str) -> Profile:
    path = PROFILES / profile_id / "profile.yaml"
    if not re.fullmatch(r"[a-z][a-z0-9-]*", profile_id) or not path.is_file():
        raise InitError(f"没有名为 {profile_id!r} 的地区规则包；可选：{', '.join(profile_ids())}",
                        f"no jurisdiction profile {profile_id!r}; choose one of: {', '.join(profile_ids())}")
    doc, findings = load_yaml(path)
    data = doc.data if doc is not None else None
    keys = ("jurisdiction", "name", "registry_name", "guideline")
    if findings or not isinstance(data, dict) or any(k not in data for k in keys):
        raise InitError(f"{path} 不完整：需要 {', '.join(keys)}", f"{path} is incomplete: it needs {', '.join(keys)}")
    return Profile(profile_id, path.parent, data["jurisdiction"], dict(data["name"]), dict(data["registry_name"]),
                   dict(data["guideline"]))


def installed_version() -> str:
    try:
        return metadata.version("carbonreg")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def init_registry(target: Path, profile: Profile, version: str, operator: dict | None = None,
                  base_url: str | None = None) -> list[Path]:
    """Write the new repository's files at ``target`` (missing or empty); returns them in order."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(f"{target} 已存在且不是空文件夹；请指定一个新文件夹", f"{target} exists and is not empty; name a new folder")
    words = {"version": version, "profile": profile.id,
             "registry_zh": profile.registry_name["zh"], "registry_en": profile.registry_name["en"],
             "guideline_zh": profile.guideline["zh"], "guideline_en": profile.guideline["en"]}
    written: list[Path] = []

    def put(rel: str, data: bytes) -> None:
        written.append(write_atomic(target / rel, data, replace=False))

    def template(name: str) -> bytes:
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        for key, value in words.items():
            text = text.replace("{{" + key + "}}", value)
        return text.encode("utf-8")

    put("README.md", template("README.md"))
    put("CONTRIBUTING.md", template("CONTRIBUTING.md"))
    put(".pre-commit-config.yaml", template("pre-commit-config.yaml"))
    put(".gitignore", template("gitignore"))
    put(".github/pull_request_template.md", (datadir.GITHUB / "pull_request_template.md").read_bytes())
    for name in WORKFLOWS:
        source = datadir.GITHUB / "workflows" / name
        if source.is_file():
            put(f".github/workflows/{name}", pin_version(source.read_text(encoding="utf-8"), version).encode("utf-8"))
    for schema in sorted((datadir.SCHEMAS / "v1").glob("*.json")):
        put(f"schemas/v1/{schema.name}", schema.read_bytes())
    put("registry/registry.yaml", registry_yaml(profile, operator, base_url))
    for kind in ("rules", "factors"):
        for path in sorted((profile.folder / kind).glob("*.yaml")):
            put(f"registry/{kind}/{path.name}", path.read_bytes())
    for folder, (zh, en) in FOLDER_NOTES.items():
        put(f"registry/{folder}/README.md", f"# registry/{folder}/\n\n{zh}\n\n{en}\n".encode("utf-8"))
    return written


def pin_version(workflow: str, version: str) -> str:
    """The workflow templates install carbonreg from ``CARBONREG_SPEC``: pin it to ``version``."""
    return re.sub(r'(CARBONREG_SPEC: "carbonreg @ git\+[^"@]+@)v[^"]*"', rf'\g<1>v{version}"', workflow)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def registry_yaml(profile: Profile, operator: dict | None, base_url: str | None) -> bytes:
    operator = operator or {"zh": f"{profile.name['zh']}碳中和登记平台运营方", "en": f"{profile.name['en']} registry operator"}
    lines = ["# yaml-language-server: $schema=../schemas/v1/registry.schema.json",
             f"# carbonreg init --jurisdiction {profile.id}: 请修改运营方名称与网址 / set the operator's name and the site's address",
             "name:", f"  zh: {_quoted(profile.registry_name['zh'])}", f"  en: {_quoted(profile.registry_name['en'])}",
             f"jurisdiction: {profile.jurisdiction}"]
    if base_url:
        lines.append(f"base_url: {_quoted(base_url)}")
    lines += ["operator:", f"  zh: {_quoted(operator['zh'])}", f"  en: {_quoted(operator['en'])}"]
    return ("\n".join(lines) + "\n").encode("utf-8")

