/* The browser verifier, part 'bundle': the bundle's outer shape (signing/bundle.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { text: specText, LIMITS, get, has, isObject } = parts;

  /* ---------------------------------------------------------------------------------------------
   * The bundle's outer shape (signing/bundle.py).
   * ------------------------------------------------------------------------------------------- */

  const BUNDLE_FORMAT = 'carbonreg-certificate-bundle/1';
  const TOP_FIELDS = ['format', 'credential', 'publication', 'trust'];
  const TRUST_FIELDS = ['rootChain', 'authorizations', 'status'];

  function parseBundle(document) {
    if (!isObject(document)) return [null, [specText('bundle.certificate-file-must-be-a-json-object')]];
    const reasons = [];
    const keys = Object.keys(document);
    if (TOP_FIELDS.some((n) => !has(document, n)) || keys.some((n) => !TOP_FIELDS.includes(n))) {
      reasons.push(specText('bundle.top-level-fields-must-be-exactly', { fields: TOP_FIELDS.join(', ') }));
    }
    if (get(document, 'format') !== BUNDLE_FORMAT) reasons.push(specText('bundle.format-must-be', { format: BUNDLE_FORMAT }));
    if (!isObject(get(document, 'credential'))) reasons.push(specText('bundle.credential-must-be-a-json-object'));
    const publication = get(document, 'publication');
    if (publication !== null && !isObject(publication)) reasons.push(specText('bundle.publication-must-be-a-json-object-or'));
    let trust = get(document, 'trust');
    const trustKeys = isObject(trust) ? Object.keys(trust) : null;
    if (trustKeys === null || trustKeys.length !== TRUST_FIELDS.length || !TRUST_FIELDS.every((n) => has(trust, n))) {
      reasons.push(specText('bundle.trust-must-have-exactly', { fields: TRUST_FIELDS.join(', ') }));
      trust = null;
    }
    const chain = get(trust, 'rootChain');
    if (!Array.isArray(chain) || chain.length === 0 || chain.length > LIMITS.rootChain || !chain.every(isObject)) {
      reasons.push(specText('bundle.rootchain-must-be-a-non-empty-array'));
    }
    if (trust !== null && !isObject(get(trust, 'authorizations'))) reasons.push(specText('bundle.trust-authorizations-must-be-a-json-object'));
    if (trust !== null && get(trust, 'status') !== null && !isObject(get(trust, 'status'))) {
      reasons.push(specText('bundle.trust-status-must-be-a-json-object'));
    }
    if (reasons.length) return [null, reasons];
    return [{ credential: document.credential, publication, rootChain: chain, authorizations: trust.authorizations,
      status: trust.status }, []];
  }


  Object.assign(parts, { BUNDLE_FORMAT, TOP_FIELDS, TRUST_FIELDS, parseBundle });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
