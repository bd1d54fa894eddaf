"""Issue 13, section 2: the site offers the standard spreadsheet for download, one per rules version,
the same workbook ``carbonreg template xlsx`` writes for that version's first day."""
from generator.cli import main
from generator.loading.yamlsafe import load_yaml


def test_one_template_per_rules_version(site, tmp_path, capsys):
    versions = sorted(p.stem for p in (site.registry / "rules").glob("*.yaml"))
    assert sorted(p.stem for p in (site.root / "templates").glob("*.xlsx")) == versions
    for version in versions:
        rules = load_yaml(site.registry / "rules" / f"{version}.yaml")[0].data
        mine = tmp_path / f"{version}.xlsx"
        assert main(["template", "xlsx", "--date", str(rules["effective_from"]), "--out", str(mine),
                     "--registry", str(site.registry)]) == 0
        assert (site.root / "templates" / f"{version}.xlsx").read_bytes() == mine.read_bytes()


def test_the_filing_guides_link_to_the_templates(site):
    import posixpath
    import re

    for page in ("docs/filing/index.html", "en/docs/filing/index.html"):
        html = (site.root / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.xlsx)"', html)
        assert links, page
        for link in links:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
            assert (site.root / target).is_file(), (page, link)
