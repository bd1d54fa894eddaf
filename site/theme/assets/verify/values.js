/*
 * Verify a carbonreg certificate or declaration bundle in the browser, offline.
 *
 * A port of the Python verifier (signing/verify.py and signing/verify_steps.py) that gives the
 * same verdict as `verify BUNDLE --root trust/1.root.json --at TIME`: the same ten named steps
 * (json, bundle, shape, root, authorizations, proof, publication, issuer, status, revocation)
 * with the same message ids, and the same outcome (valid / revocation-unknown / unlogged / revoked /
 * invalid / input-error).
 *
 * Nothing is loaded from the network except this site's own trust/1.root.json (the pinned root;
 * a copy is embedded in the page for use from file://). No library: the small pieces are written
 * here, each citing its specification:
 *   - strict JSON (RFC 8259) refusing duplicate keys, floats, NaN, integers beyond 2^53, BOM;
 *   - JCS, the JSON Canonicalization Scheme (RFC 8785), for our integer-only documents;
 *   - base58btc (draft-msporny-base58) and multibase / Multikey (`z6Mk…`, multicodec 0xed01);
 *   - did:key (W3C CCG did:key method) verification methods `did:key:z…#z…`;
 *   - Ed25519 (RFC 8032) via WebCrypto `crypto.subtle`, after refusing small-order public keys
 *     (RFC 8032 §5.1.3 point decoding, then [8]P = O) because WebCrypto may accept them;
 *   - Data Integrity eddsa-jcs-2022 (W3C "Data Integrity EdDSA Cryptosuites v1.0", §3.3);
 *   - TUF-style envelopes {"signed", "signatures"} with thresholds of distinct keys;
 *   - RFC 6962 Merkle tree leaves/nodes and RFC 9162 §2.1.3.2 inclusion-proof verification.
 *
 * The parts, one classic script each, mirror signing/ and are loaded in this order (assets/verify/ORDER):
 * values, strictjson, jcs, multikey, timefmt, credential_shape, bundle, trust, proof, steps, pdf, page.
 */
/* The browser verifier, part 'values': errors (signing/errors.py) and small JSON value helpers.
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  /* ---------------------------------------------------------------------------------------------
   * The verifier's specification: signing/verifier.json, the file the Python verifier reads too
   * (step names, limits, message texts). The verify page embeds it as JSON in
   * <script type="application/json" id="carbonreg-verifier-spec"> (no fetch: it works from file://).
   * ------------------------------------------------------------------------------------------- */

  const specElement = document.getElementById('carbonreg-verifier-spec');
  if (specElement === null) throw new Error('carbonreg verifier: the page has no #carbonreg-verifier-spec (signing/verifier.json)');
  const SPEC = JSON.parse(specElement.textContent);
  const LIMITS = SPEC.limits;

  /** ``template`` with each ``{name}`` replaced by ``values[name]``, in one pass (signing/verifier_spec.fill). */
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

  /** [zh, en] of message ``key`` with ``values`` filled in (signing/verifier_spec.text). */
  function text(key, values = {}) {
    const message = SPEC.messages[key];
    return [fill(message.zh, values), fill(message.en, values)];
  }

  /* ---------------------------------------------------------------------------------------------
   * Errors: every refusal carries a Chinese and an English reason (like signing/errors.py).
   * ------------------------------------------------------------------------------------------- */

  class Refusal extends Error {
    constructor(zh, en, kind, id) {
      super(en);
      this.zh = zh;
      this.en = en;
      this.kind = kind || 'refused'; // 'unreadable' (bytes/syntax), 'nested' (too deep), 'stale' (expired status list)
      this.id = id || ''; // the message id shared with signing/ (Step.message_id), when more specific than the step's
    }
  }

  const refuse = (zh, en, kind) => { throw new Refusal(zh, en, kind); };

  /** A refusal with "label: " in front of both texts (verify_trust.py does the same). */
  function prefixed(error, labelZh, labelEn = labelZh) {
    if (!(error instanceof Refusal)) throw error;
    return new Refusal(`${labelZh}：${error.zh}`, `${labelEn}: ${error.en}`, error.kind);
  }

  /** A refusal about a document taken from the bundle. */
  const fromBundle = (error) => prefixed(error, ...text('label.certificate-file'));

  /* ---------------------------------------------------------------------------------------------
   * Small JSON value helpers. Parsed objects have no prototype, so "__proto__" is an ordinary key.
   * ------------------------------------------------------------------------------------------- */

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isString = (v) => typeof v === 'string';
  const isInteger = (v) => typeof v === 'number' && Number.isInteger(v);
  const has = (obj, key) => isObject(obj) && Object.prototype.hasOwnProperty.call(obj, key);
  /** Python's ``mapping.get(name)``: the member or null. */
  const get = (obj, key) => (has(obj, key) ? obj[key] : null);

  /** Python's ``str(value)`` and ``repr(value)`` of a JSON value, as the Python verifier's texts print them. */
  const pyStr = (v) => (v === null || v === undefined ? 'None' : v === true ? 'True' : v === false ? 'False'
    : isString(v) ? v : JSON.stringify(v));
  const pyRepr = (v) => (isString(v) ? `'${v}'` : pyStr(v));

  function deepEqual(a, b) {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
    }
    if (isObject(a) && isObject(b)) {
      const ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every((k) => has(b, k) && deepEqual(a[k], b[k]));
    }
    return false;
  }


  Object.assign(parts, { SPEC, LIMITS, fill, text, Refusal, refuse, prefixed, fromBundle, isObject, isString, isInteger, has, get, pyStr, pyRepr, deepEqual });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
