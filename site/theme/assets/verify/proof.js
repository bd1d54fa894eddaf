/* The browser verifier, part 'proof': the eddsa-jcs-2022 proof (signing/eddsa_jcs_2022.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { text: specText, Refusal, canonicalize, concat, deepEqual, exactly, field, get, has, isObject, isString, multibaseDecode,
    parseDidKeyMethod, refuse, sha256, verifySignature } = parts;

  /* ---------------------------------------------------------------------------------------------
   * eddsa-jcs-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3; signing/eddsa_jcs_2022.py).
   * ------------------------------------------------------------------------------------------- */

  const PROOF_TYPE = 'DataIntegrityProof';
  const CRYPTOSUITE = 'eddsa-jcs-2022';
  const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  function checkSuite(options) {
    if (get(options, 'type') !== PROOF_TYPE || get(options, 'cryptosuite') !== CRYPTOSUITE) {
      refuse(...specText('proof.type-and-cryptosuite-must-be', { type: PROOF_TYPE, cryptosuite: CRYPTOSUITE }));
    }
  }

  const withoutKey = (obj, name) => {
    const out = Object.create(null);
    for (const key of Object.keys(obj)) if (key !== name) out[key] = obj[key];
    return out;
  };

  /**
   * §3.3.2 Verify Proof, with our hardening: exactly one proof object, purpose assertionMethod,
   * a 64-byte signature, the proof's @context equal to the document's, weak keys refused.
   * Returns {verified, reasons, method, publicKey, created}.
   */
  async function verifyProof(secured) {
    const proof = get(secured, 'proof');
    if (!isObject(proof)) return { verified: false, reasons: [specText('proof.document-must-carry-exactly-one-proof-object')] };
    try {
      for (const name of ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose', 'proofValue']) {
        if (!isString(get(proof, name))) refuse(...specText('proof.proof-lacks-string-field', { name }));
      }
      checkSuite(proof);
      if (proof.proofPurpose !== 'assertionMethod') refuse(...specText('proof.proof-purpose-must-be', { purpose: 'assertionMethod' }));
      if (has(proof, 'created') && !(isString(proof.created) && DATE_TIME_STAMP.test(proof.created))) {
        refuse(...specText('proof.created-is-not-a-valid-datetimestamp'));
      }
      const proofBytes = multibaseDecode(proof.proofValue);
      if (proofBytes.length !== 64) refuse(...specText('proof.signature-must-be-64-bytes'));
      // 1. unsecuredDocument = the document without proof; proofOptions = the proof without proofValue
      const unsecured = withoutKey(secured, 'proof');
      const proofOptions = withoutKey(proof, 'proofValue');
      // 4.1 (and ours): the proof's @context must equal the document's, then replaces it
      if (has(proofOptions, '@context')) {
        if (!deepEqual(get(secured, '@context'), proofOptions['@context'])) {
          refuse(...specText('proof.proof-context-does-not-match-the-document'));
        }
        unsecured['@context'] = proofOptions['@context'];
      } else if (has(secured, '@context')) {
        refuse(...specText('proof.proof-lacks-context'));
      }
      // §3.3.3 Transformation: JCS of the unsecured document
      checkSuite(proofOptions);
      const transformed = canonicalize(unsecured);
      // §3.3.5 Proof Configuration: the proof options carrying the document's @context, JCS
      const config = withoutKey(proofOptions, 'proofValue');
      if (has(unsecured, '@context')) config['@context'] = unsecured['@context'];
      const canonicalConfig = canonicalize(config);
      // §3.3.4 Hashing: SHA-256(canonical proof config) || SHA-256(transformed document)
      const hashData = concat(await sha256(canonicalConfig), await sha256(transformed));
      // did:key resolution, then §3.3.7 Proof Verification: Ed25519 over the 64 bytes of hashData
      const method = parseDidKeyMethod(proof.verificationMethod);
      if (!(await verifySignature(hashData, proofBytes, method.publicKey))) {
        return { verified: false, reasons: [specText('proof.signature-invalid')] };
      }
      return { verified: true, reasons: [], method, publicKey: method.publicKey, created: get(proof, 'created') };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { verified: false, reasons: [[error.zh, error.en]] };
    }
  }


  Object.assign(parts, { PROOF_TYPE, CRYPTOSUITE, DATE_TIME_STAMP, checkSuite, withoutKey, verifyProof });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
