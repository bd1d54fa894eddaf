"""The jsonschema-rs fast path never calls a record valid that Python jsonschema rejects.

generator/validation/fastpath.py argues why; these tests check it by differential testing on
instances near the schemas (mutations of the sample registry and of the broken and hostile test
inputs), check its pieces (the number conversion, the pattern dialect, the audit, no network),
and check that the sample registry's records all take the fast path."""
from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from pathlib import Path

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.loading.walk import walk
from generator.loading.yamlsafe import load_yaml_bytes
from generator.validation import fastpath
from generator.validation.schemas import BASE_URI, KINDS, SCHEMA_DIR, _contents, python_validator, rust_validator, validator

REPO = Path(__file__).resolve().parents[2]
SAMPLE = pristine_sample()
INPUT_DIRS = [REPO / "tests" / "corpus", REPO / "tests" / "hostile"]
KIND_LINE = re.compile(rb"^#\s*kind:\s*(\S+)\s*$", re.M)


def _sample_records() -> list[tuple[str, str, dict]]:
    out = []
    for file in walk(SAMPLE, "registry").files:
        doc, findings = load_yaml_bytes(file.path.read_bytes(), file.shown)
        assert doc is not None, findings
        out.append((file.kind, file.shown, doc.data))
    return out


def _test_inputs() -> list[tuple[str, str, object]]:
    """The broken and hostile inputs that load (whatever the schema thinks of them)."""
    out = []
    for folder in INPUT_DIRS:
        for path in sorted(folder.glob("*.yaml")):
            raw = path.read_bytes()
            kind = KIND_LINE.search(raw)
            doc, _ = load_yaml_bytes(raw, path.name)
            if kind and doc is not None and kind.group(1).decode() in KINDS:
                out.append((kind.group(1).decode(), path.name, doc.data))
    return out


SAMPLES = _sample_records()
INPUTS = _test_inputs()
SEEDS = [(kind, data) for kind, _, data in SAMPLES + INPUTS]


def _walk_schema(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found["patterns"].add(value)
            elif key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                found["bounds"].add(value)
            elif key == "properties" and isinstance(value, dict):
                found["keys"].update(value)
            _walk_schema(value, found)
    elif isinstance(node, list):
        for item in node:
            _walk_schema(item, found)


SCHEMA_FACTS = {"patterns": set(), "bounds": set(), "keys": set()}
for _contents_of in _contents().values():
    _walk_schema(_contents_of, SCHEMA_FACTS)
PATTERNS = sorted(SCHEMA_FACTS["patterns"])
BOUNDS = sorted(SCHEMA_FACTS["bounds"])
KEYS = sorted(SCHEMA_FACTS["keys"]) + ["x-carbonreg-public", "extra", "", "ZH"]


def _python_valid(kind: str, instance) -> bool:
    return python_validator(kind).is_valid(instance)


def _check(kind: str, instance) -> bool:
    """The property under test; returns the fast verdict."""
    fast = validator(kind).fast_valid(instance)
    if fast:
        assert _python_valid(kind, instance), f"fast path says valid, Python says invalid: {kind} {instance!r}"
    return fast


# ---- values near the schemas ------------------------------------------------------------------

def _near_bounds() -> list:
    out = []
    tiny = [Decimal(f"1e-{k}") for k in (1, 7, 8, 9, 12, 15, 16, 17, 20, 30)]
    for b in BOUNDS:
        out += [b - 1, b, b + 1, Decimal(b), Decimal(f"{b}.0"), Decimal(f"{b}.000000000000"),
                Decimal(b) + Decimal("0.5"), Decimal(b) - Decimal("0.5")]
        out += [Decimal(b) + t for t in tiny] + [Decimal(b) - t for t in tiny]
    return out


NUMBERS = _near_bounds() + [
    Decimal("0.1"), Decimal("1e-30"), Decimal("-1e-30"), Decimal("100000000.0000001"),
    Decimal("100000000.00000001"), Decimal("99999999.99999999"), Decimal("-0.0"), Decimal("0E-10"),
    Decimal("1E+3"), Decimal("1e-400"), Decimal("-1e-400"), Decimal("1E+400"), Decimal("2.5E+2"),
    Decimal("0.30000000000000004"), Decimal("9007199254740993.5"), Decimal("1.00000000000000000001"),
    2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 63, 2 ** 64 + 1, -(2 ** 63), 10 ** 39, -1, 0, 1,
]
ODD_STRINGS = [
    "", " ", "\n", "0", "0\n", "0.0", "0.0\n", "00", "0.", ".5", "1.5", "1.5\n", " 1", "1 ", "-1", "+1",
    "125000", "125000\n", "1e5", "0.0000000000001", "1234567890123456789", "١٢٣",
    "2025-11-30", "2025-11-30\n", "2025-02-29", "2024-02-29", "2025-1-01", "2025-11-30T00:00:00Z",
    "２０２５-11-30", "0000-01-01", "9999-12-31", "2025-13-01", "20251130",
    "https://", "https://x", "https://example.org/a?b#c", "https://x\n", "http://example.org",
    "HTTPS://example.org", "https://exa mple.org", "https://[::1]/", "https:x", "https://例子.中国/",
    "a@b", "@", "ab", "a@b\n", "user@example.org", "名@例子.中国",
    "2025-shanghai-marathon", "2025-shanghai-marathon\n", "2025-Shanghai", "abc-def", "abc-def\n",
    "abc--def", "-abc", "attachments/a.pdf", "attachments/a.pdf\n", "attachments/../x", "attachments/",
    "a" * 64, "0" * 64, "f" * 64 + "\n", "F" * 64, "91310000MA1FL0000X", "91310000MA1FL0000X\n",
    "kgCO2/kWh", "kgCO2/kWh\n", "tCO2e/10^4kWh", "+86 21 1234 5678", "+86 21 1234 5678\n", "12345",
    "1.2.3", "1.2.3\n", "1..2", "pudong", "pudong\n", "Pudong", "é", "e\u0301", "😀" * 4001, "x" * 4001,
    "\ud800", "a\ud800b", "16", "17", "official", "placeholder", "purchase", "donation", "travel",
    "suspended", "active", "recognised_other", "default", "measured",
]
SCALARS = NUMBERS + ODD_STRINGS + [True, False, None]

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8),
              st.decimals(allow_nan=False, allow_infinity=False)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)),
    max_leaves=6)

values = st.one_of(
    st.sampled_from(SCALARS),
    st.sampled_from(SCALARS),
    st.one_of(*[st.from_regex(p) for p in PATTERNS]),
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: len(str(d)) <= 40),
    st.decimals(min_value=-2, max_value=2, allow_nan=False, allow_infinity=False, places=20),
    st.integers(min_value=-10, max_value=2 * 10 ** 9),
    st.text(max_size=12),
    json_values,
)


def _variants(old) -> list:
    """Values close to an existing one."""
    if isinstance(old, bool) or old is None:
        return [not old if isinstance(old, bool) else 0, None, "true", 1, 0]
    if isinstance(old, int):
        return [old - 1, old + 1, -old, Decimal(old), Decimal(f"{old}.0"), Decimal(old) + Decimal("0.5"),
                Decimal(old) + Decimal("1e-20"), Decimal(old) - Decimal("1e-9"), str(old), bool(old)]
    if isinstance(old, Decimal):
        near = [old.normalize(), -old, old + Decimal("1e-30"), old - Decimal("1e-16"), old * Decimal("1e-20"),
                str(old), str(old) + "\n"]
        if abs(old.adjusted()) < 30:  # (no million-digit integers)
            near += [Decimal(int(old)), int(old), old.quantize(Decimal(1))]
        return near
    if isinstance(old, str):
        return [old + "\n", "\n" + old, old + " ", old.upper(), old[:-1], old * 2, "", old + "é",
                old.replace("-", "_"), old + "\ud800", [old], {"zh": old, "en": old}]
    if isinstance(old, list):
        return [old + old[:1], old[1:], [], old[:1] * 2, [json.loads(json.dumps(o, default=str)) for o in old[:1]], {}]
    if isinstance(old, dict):
        return [{}, [old], dict(list(old.items())[1:]), "x"]
    return [None]


def _nodes(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _nodes(item, path + (i,))


def _set(root, path, new):
    if not path:
        return new
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return root


@st.composite
def near_instances(draw):
    kind, base = draw(st.sampled_from(SEEDS))
    instance = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        nodes = list(_nodes(instance))
        focus = draw(st.sampled_from(["any", "number", "string"]))  # numbers and strings are where it's subtle
        if focus == "number":
            nodes = [n for n in nodes if type(n[1]) in (int, Decimal)] or nodes
        elif focus == "string":
            nodes = [n for n in nodes if type(n[1]) is str] or nodes
        path, old = draw(st.sampled_from(nodes))
        op = draw(st.sampled_from(["variant", "variant", "replace", "delete", "add", "list"]))
        if op == "variant":
            instance = _set(instance, path, copy.deepcopy(draw(st.sampled_from(_variants(old)))))
        elif op == "replace":
            instance = _set(instance, path, draw(values))
        elif op == "delete" and path:
            parent = instance
            for step in path[:-1]:
                parent = parent[step]
            del parent[path[-1]]
        elif op == "add" and isinstance(old, dict):
            old[draw(st.sampled_from(KEYS))] = draw(values)
        elif op == "list" and isinstance(old, list):
            choice = draw(st.integers(min_value=0, max_value=2))
            if choice == 0 and old:
                old.append(copy.deepcopy(old[0]))
            elif choice == 1:
                old.append(draw(values))
            elif old:
                old.pop()
    return kind, instance


# ---- the differential tests ---------------------------------------------------------------------

@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(near_instances())
def test_fast_valid_implies_python_valid(case):
    _check(*case)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(KINDS)), data=st.data())
def test_fast_valid_implies_python_valid_on_loose_instances(kind, data):
    instance = data.draw(st.dictionaries(st.sampled_from(KEYS), values, max_size=8))
    _check(kind, instance)


@pytest.mark.parametrize("kind, name, data", SAMPLES + INPUTS, ids=[n for _, n, _ in SAMPLES + INPUTS])
def test_seed_verdicts_agree(kind, name, data):
    # The fast path is conclusive for every seed: it says valid exactly when Python does.
    assert validator(kind).fast_valid(data) == _python_valid(kind, data)


@pytest.mark.parametrize("kind, name, data", SAMPLES, ids=[n for _, n, _ in SAMPLES])
def test_every_sample_record_takes_the_fast_path(kind, name, data):
    assert validator(kind).fast_valid(data), f"{name} would be validated by Python only"


@pytest.mark.parametrize("kind, name, data", SAMPLES + INPUTS, ids=[n for _, n, _ in SAMPLES + INPUTS])
def test_iter_errors_are_pythons(kind, name, data):
    def described(errors):
        return [(e.message, list(e.absolute_path), e.validator) for e in errors]
    assert described(validator(kind).iter_errors(data)) == described(python_validator(kind).iter_errors(data))


# ---- the number conversion ----------------------------------------------------------------------

def _plan():
    return copy.deepcopy(next(d for k, n, d in SAMPLES if k == "plan" and "exhibition_area_m2" in d["attendance"]))


@pytest.mark.parametrize("field, value, fast, python", [
    ("on_site_participants", Decimal("1.0"), False, False),  # integral Decimal: not an integer to Python
    ("on_site_participants", Decimal("1E+3"), False, False),
    ("on_site_participants", Decimal("100.5"), False, False),
    ("on_site_participants", 100000000, True, True),
    ("on_site_participants", 100000001, False, False),
    ("on_site_participants", Decimal("100000000.0000001"), False, False),
    ("on_site_participants", 2 ** 64 + 1, False, False),
    ("on_site_participants", True, False, False),
    ("exhibition_area_m2", Decimal("0.1"), True, True),
    ("exhibition_area_m2", Decimal("1e-30"), True, True),
    ("exhibition_area_m2", Decimal("-1e-30"), False, False),
    ("exhibition_area_m2", Decimal("1e-400"), False, True),  # its float is 0.0: Python decides
    ("exhibition_area_m2", Decimal("-1e-400"), False, False),  # its float is -0.0 >= 0: Python decides
    ("exhibition_area_m2", Decimal("-0.0"), False, True),
    ("exhibition_area_m2", Decimal("12.0"), False, True),
    ("exhibition_area_m2", Decimal("1E+400"), False, True),
    ("exhibition_area_m2", 12, True, True),
    ("exhibition_area_m2", "0.42", True, True),
    ("exhibition_area_m2", "0.42\n", False, True),  # Python's $ matches before a final newline
    ("exhibition_area_m2", "\n0.42", False, False),
    ("exhibition_area_m2", "-0.42", False, False),
])
def test_numbers_near_bounds(field, value, fast, python):
    plan = _plan()
    plan["attendance"][field] = value
    assert validator("plan").fast_valid(plan) is fast
    assert _python_valid("plan", plan) is python


def test_positive_decimal_strings_under_not():
    # positiveDecimal: {"pattern": "^(0|[1-9]...)...$", "not": {"pattern": "^0(\\.0*)?$"}}
    factors = copy.deepcopy(next(d for k, n, d in SAMPLES if k == "factor-set"))
    for text, python in [("0", False), ("0.000", False), ("0\n", False), ("0.0\n", False), ("0.5", True),
                         ("1\n", True), ("0.5\n", True), ("00.5", False), ("0.", False)]:
        factors["factors"][0]["value"] = text
        assert _python_valid("factor-set", factors) is python, text
        assert validator("factor-set").fast_valid(factors) is (python and not text.endswith("\n")), text


def test_to_rust_refuses_what_it_cannot_carry_exactly():
    for value in [Decimal("1.0"), Decimal("0E-10"), Decimal("1e-400"), Decimal("1E+400"), Decimal("NaN"),
                  2 ** 53 + 1, 1.5, (1, 2), {1: "a"}, [Decimal("3")]]:
        with pytest.raises(fastpath.Unsafe):
            fastpath.to_rust(value)
    assert fastpath.to_rust({"a": [Decimal("0.1"), 2, True, None, "x"]}) == {"a": [0.1, 2, True, None, "x"]}


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(BOUNDS))
def test_converted_decimals_compare_like_decimals(d, bound):
    try:
        f = fastpath.to_rust(d)
    except fastpath.Unsafe:
        return
    assert (f < bound) == (d < bound) and (f > bound) == (d > bound) and f != bound


# ---- patterns and formats -------------------------------------------------------------------------

def _rust_pattern(pattern: str):
    return jsonschema_rs.Draft202012Validator({"pattern": pattern}, pattern_options=jsonschema_rs.RegexOptions())


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_schema_pattern_is_in_the_audited_dialect(pattern):
    assert fastpath.pattern_kind(pattern) in ("exact", "dollar", "anchored")


@settings(max_examples=60, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("pattern", PATTERNS)
def test_rust_patterns_are_pythons_or_stricter(pattern, data):
    text = data.draw(st.one_of(st.from_regex(pattern), st.from_regex(pattern).map(lambda s: s + "\n"),
                               st.from_regex(pattern).map(lambda s: "\n" + s), st.text(max_size=10),
                               st.sampled_from(ODD_STRINGS).filter(lambda s: "\ud800" not in s)))
    rust = _rust_pattern(pattern).is_valid(text)
    python = re.search(pattern, text) is not None
    if fastpath.pattern_kind(pattern) == "exact" or not text.endswith("\n"):
        assert rust == python, text
    else:
        assert python or not rust, text


@pytest.mark.parametrize("pattern, kind", [
    ("^[a-z]+$", "anchored"), ("^https://", "exact"), ("^0(\\.0*)?$", "anchored"), ("a\\$", "exact"),
    ("^[0-9 ()-]{5,24}$", "anchored"), ("^[-a]$", "anchored"), ("^(a|b)$", "anchored"), ("^a|b$", "dollar"),
    ("[a-z]*$", "dollar"), ("^[a-z]*\\$", "exact"),
    ("\\d", None), ("(?i)a", None), ("[^a]", None), ("a.b", None), ("[a--b]", None), ("[[a]]", None),
    ("a{,3}", None), ("a+?", None), ("^a$b", None), ("a^", None), ("[a-Z]", None), ("[z-a]", None),
    ("(a", None), ("a)", None), ("*a", None), ("\\w", None), ("[a&&b]", None), ("a{3,2}", None), ("\\", None),
])
def test_pattern_dialect(pattern, kind):
    assert fastpath.pattern_kind(pattern) == kind


@pytest.mark.parametrize("value", [s for s in ODD_STRINGS if "\ud800" not in s])
@pytest.mark.parametrize("name", ["date", "uri", "email"])
def test_formats_are_pythons(name, value):
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string", "format": name}
    rust = fastpath.rust_validator({"urn:t": schema}, fastpath.rust_registry([]), "urn:t",
                                   python_validator("plan").format_checker)
    assert rust is not None
    assert rust.is_valid(value) == python_validator("plan").format_checker.conforms(value, name)


# ---- the audit, references, unknown keywords -------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_schemas_pass_the_audit(kind):
    problems, formats = fastpath.audit(_contents(), BASE_URI + KINDS[kind])
    assert problems == []
    assert formats <= {"date", "uri", "email"}
    assert rust_validator(kind) is not None


@pytest.mark.parametrize("schema, ok", [
    ({"type": "string", "pattern": "^[a-z]+$", "not": {"pattern": "^a$"}}, True),
    ({"type": "string", "not": {"pattern": "^a$"}}, False),
    ({"type": "string", "pattern": "^https://", "not": {"pattern": "^a$"}}, False),
    ({"type": "string", "pattern": "[a-z]*$", "not": {"pattern": "^a$"}}, False),  # Rust matches "\n"
    ({"type": "string", "pattern": "^a|b$", "not": {"pattern": "^a$"}}, False),
    ({"pattern": "^[a-z]+$", "not": {"not": {"pattern": "^a$"}}}, True),  # polarity back to POS
    ({"not": {"properties": {"a": {"pattern": "^a$"}}}}, False),
    ({"not": {"pattern": "^https://"}}, True),
    ({"if": {"pattern": "^a$"}, "then": {}}, False),
    ({"if": {"pattern": "^https://"}, "then": {}}, True),
    ({"if": {"properties": {"a": {"const": "x"}}, "required": ["a"]}, "then": {"required": ["b"]}}, True),
    ({"not": {"uniqueItems": True}}, False),
    ({"not": {"format": "date"}}, False),
    ({"dependentRequired": {"a": ["b"]}}, False),
    ({"minimum": 0.5}, False),
    ({"maximum": 2 ** 60}, False),
    ({"enum": [1, "a"]}, False),
    ({"const": True}, False),
    ({"$ref": "https://example.invalid/x.json"}, False),
    ({"$ref": "#/$defs/missing"}, False),
    ({"x-carbonreg-public": True, "title": "t", "type": "object"}, True),
    ({"multipleOf": 2}, False),
    ({"pattern": "\\d+"}, False),
])
def test_audit(schema, ok):
    problems, _ = fastpath.audit({"urn:t": schema}, "urn:t")
    assert (problems == []) is ok, problems


def test_unknown_keywords_are_ignored():
    schema = {"x-carbonreg-public": True, "x-other": {"type": "string"}, "type": "object"}
    rust = fastpath.rust_validator({"urn:t": schema}, fastpath.rust_registry([]), "urn:t", None)
    assert rust.is_valid({}) and not rust.is_valid([])


def test_references_never_reach_the_network():
    remote = {"$ref": "https://example.invalid/remote.schema.json"}
    with pytest.raises(Exception, match="never fetched"):
        fastpath.rust_registry([("urn:t", remote)])
    registry = fastpath.rust_registry(_contents().items())
    with pytest.raises(jsonschema_rs.ValidationError, match="Retrieval is disabled"):
        jsonschema_rs.Draft202012Validator(remote, registry=registry, offline=True)
    # our own cross-file references resolve from the local registry
    rust = rust_validator("plan")
    assert rust is not None and rust.is_valid(_plan())


def test_schema_files_are_all_in_the_registry():
    assert set(_contents()) == {json.loads(p.read_text(encoding="utf-8"))["$id"] for p in SCHEMA_DIR.glob("*.schema.json")}
