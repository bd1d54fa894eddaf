"""Open data (issue 14): data/catalog.jsonld is a DCAT-AP 3 catalogue that expands as JSON-LD offline
(its context is inlined: any remote context would be an error here) and lists every dataset file
the data page links, with sizes equal to the files; every export carries schema_version."""
from __future__ import annotations

import csv
import json

import pytest

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


def _offline_loader(url, options=None):
    raise AssertionError(f"the catalogue must not need the network: it asked for {url}")


@pytest.fixture(scope="module")
def expanded(site):
    from pyld import jsonld

    doc = json.loads((site.root / "data" / "catalog.jsonld").read_text(encoding="utf-8"))
    return jsonld.expand(doc, {"documentLoader": _offline_loader})


def _ids(node, key):
    return [v["@id"] for v in node.get(key, [])]


def test_catalogue_expands_with_dcat_terms(expanded):
    catalogs = [n for n in expanded if DCAT + "Catalog" in n.get("@type", [])]
    assert len(catalogs) == 1
    catalog = catalogs[0]
    assert catalog[DCT + "title"] and catalog[DCT + "modified"] and catalog[DCT + "publisher"]
    datasets = catalog[DCAT + "dataset"]
    assert len(datasets) >= 7
    for ds in datasets:
        assert DCAT + "Dataset" in ds["@type"]
        assert {v["@language"] for v in ds[DCT + "title"]} == {"zh", "en"}
        assert ds[DCT + "description"] and ds[DCAT + "distribution"]
        for dist in ds[DCAT + "distribution"]:
            assert DCAT + "Distribution" in dist["@type"]
            assert _ids(dist, DCAT + "accessURL") and _ids(dist, DCAT + "downloadURL")
            assert _ids(dist, DCAT + "mediaType")[0].startswith("http://www.iana.org/assignments/media-types/")
            assert int(dist[DCAT + "byteSize"][0]["@value"]) > 0


def test_catalogue_lists_every_file_the_data_page_links_with_its_size(site, expanded):
    import re

    base = "https://carbonreg.example.org/"
    listed = {}
    for ds in expanded[0][DCAT + "dataset"]:
        for dist in ds[DCAT + "distribution"]:
            listed[_ids(dist, DCAT + "downloadURL")[0][len(base):]] = int(dist[DCAT + "byteSize"][0]["@value"])
    page = (site.root / "data" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="\.\./((?:data|trust|revocations)/[^"]+\.(?:json|csv|xml)|feed\.xml)" download', page))
    assert {"data/events.csv", "data/registry.json", "data/emission-lines.csv", "data/retirements.csv",
            "data/revocations.json", "data/offers.json", "feed.xml"} <= linked
    assert linked <= set(listed)
    for rel, size in listed.items():
        assert (site.root / rel).stat().st_size == size, rel
    assert 'href="../data/catalog.jsonld"' in page


def test_every_export_carries_schema_version(site):
    data = site.root / "data"
    versions = set()
    for name in ("registry.json", "events-index.json", "revocations.json", "offers.json"):
        versions.add(json.loads((data / name).read_text(encoding="utf-8"))["schema_version"])
    for path in sorted((data / "events").glob("*.json")):
        versions.add(json.loads(path.read_text(encoding="utf-8"))["schema_version"])
    for name in ("events.csv", "emission-lines.csv", "retirements.csv"):
        with open(data / name, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        versions |= {r["schema_version"] for r in rows}
    catalog = json.loads((data / "catalog.jsonld").read_text(encoding="utf-8"))
    # The events index became an object (it was a list of objects): a change the policy allows only
    # with a new major version, so the exports are 2.0, and the policy's changelog says why.
    assert versions == {catalog["owl:versionInfo"]} == {"2.0"}
    assert isinstance(json.loads((data / "events-index.json").read_text(encoding="utf-8")), dict)
    for policy in (site.root / "docs" / "data" / "index.html", site.root / "en" / "docs" / "data" / "index.html"):
        text = policy.read_text(encoding="utf-8")
        assert "<strong>2.0</strong>" in text and "events-index.json" in text, policy
