"""C108: a credential the publication log holds is still in the registry (a logged certificate whose
file is deleted would leave the public a receipt for a document the registry no longer shows; a
withdrawal goes through a revocation notice)."""
from pathlib import Path

from gentestkit import FORUM, MARATHON, TODAY, assert_at, codes, line_of, only, run
from samplekit import unpublish

from generator.caches import Caches
from generator.incremental.check import check_incremental


def test_sample_passes(reg: Path):
    assert "C108" not in codes(run(reg))


def test_a_deleted_logged_certificate_is_an_error_at_its_log_entry(reg: Path):
    (reg / FORUM / "certificate.json").unlink()
    result = run(reg)
    f = only(result, "C108")
    assert f.severity.value == "error" and result.failed()
    assert "urn:carbonreg:certificate:CN-2026-0002" in f.en and "revocation" in f.en and "撤销公告" in f.zh
    assert_at(f, "trust/log.json", line_of(reg / "trust/log.json", '"urn:carbonreg:certificate:CN-2026-0002"'))


def test_a_deleted_declaration_too(reg: Path):
    (reg / MARATHON / "declaration.json").unlink()
    assert "urn:carbonreg:declaration:" in only(run(reg), "C108").en


def test_unpublished_with_its_log_entry_is_fine(reg: Path):
    """The test kit's way back to "before it was published": the file and its log entry go, the
    checkpoint and the status list are re-signed; the registry then has no error at all."""
    unpublish(reg, FORUM)
    result = run(reg)
    assert not result.failed(), [f"{x.code} {x.en}" for x in result.findings if x.severity.value == "error"]


def test_the_incremental_check_keeps_each_events_credentials(reg: Path, tmp_path: Path):
    """The second check takes every event from its memo: the credential ids must come back with it,
    or every logged credential would look deleted."""
    caches = Caches(tmp_path / "cache")
    first = check_incremental(reg, TODAY, "registry", caches=caches)
    second = check_incremental(reg, TODAY, "registry", caches=Caches(tmp_path / "cache"))
    assert "C108" not in {f.code for f in first.findings} | {f.code for f in second.findings}
    (reg / FORUM / "certificate.json").unlink()
    third = check_incremental(reg, TODAY, "registry", caches=Caches(tmp_path / "cache"))
    assert [f.code for f in third.findings].count("C108") == 1
