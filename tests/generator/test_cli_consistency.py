"""One command line: every option of every carbonreg command has help in Chinese and English, usage
errors are bilingual, and a flag means one thing across commands (issue 15)."""
from __future__ import annotations

import argparse
import re
import subprocess
import sys

from generator.cli import build_parser

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


def options():
    for path, parser in commands(build_parser()):
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)) or action.help == argparse.SUPPRESS:
                continue
            yield " ".join(path), action


def test_every_option_has_help_in_both_languages():
    missing = [f"carbonreg {cmd} {'/'.join(a.option_strings) or a.dest}" for cmd, a in options()
               if not a.help or not HAN.search(a.help) or not LATIN.search(a.help)]
    assert not missing, "options without zh + en help:\n" + "\n".join(missing)


def test_registry_is_always_the_registry_folder():
    wrong = [f"carbonreg {cmd} --registry" for cmd, a in options()
             if "--registry" in a.option_strings and a.dest != "registry"]
    assert not wrong
    meanings = {a.help for cmd, a in options() if "--registry" in a.option_strings}
    assert all("登记库文件夹" in h and "registry folder" in h for h in meanings), meanings


def test_usage_errors_are_bilingual_and_exit_2():
    for argv in (["build", "--bogus"], ["certify"], ["check", "--format", "x"], ["init"]):
        proc = subprocess.run([sys.executable, "-m", "generator.cli", *argv], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, argv
        last = proc.stderr.strip().splitlines()
        assert any(HAN.search(line) and LATIN.search(line) for line in last), proc.stderr


def test_version():
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and re.fullmatch(r"carbonreg \d+\.\d+\.\d+\S*", proc.stdout.strip().splitlines()[0])


def test_one_error_type_for_what_a_user_can_cause():
    from generator.errors import CarbonregError
    from generator.history.comment import CommentError
    from generator.history.git import GitError
    from generator.publishing.files import WriteRefused
    from generator.publishing.ops import OperationError
    from generator.scaffold.answers import Retry
    from generator.scaffold.init import InitError
    from generator.scaffold.new import ScaffoldError
    from generator.site.output import OutputError
    from generator.spreadsheet.safety import WorkbookRefused
    from generator.spreadsheet.template import TemplateError

    for kind in (CommentError, GitError, WriteRefused, OperationError, InitError, ScaffoldError, OutputError,
                 Retry, WorkbookRefused, TemplateError):
        assert issubclass(kind, CarbonregError), kind
        error = kind("中文", "English")
        assert (error.zh, error.en) == ("中文", "English") and str(error) == "中文 / English"
    assert GitError.exit_code == 2 and OutputError.exit_code == 2 and WriteRefused.exit_code == 1
