/* The browser verifier, part 'jcs': JCS, RFC 8785 (signing/jcs.py), bytes and SHA-256.
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { isObject, isString, refuse, text: specText } = parts;

  /* ---------------------------------------------------------------------------------------------
   * JCS, RFC 8785. Strings are serialized as ECMAScript JSON.stringify does (RFC 8785 §3.2.2.2),
   * object members sorted by their UTF-16 code units (§3.2.3), integers as their shortest decimal
   * form (§3.2.2.3; our documents have no floats: they are refused), no whitespace.
   * ------------------------------------------------------------------------------------------- */

  function jcsText(value) {
    if (value === null) return 'null';
    if (value === true) return 'true';
    if (value === false) return 'false';
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) {
        // rfc8785's IntegerDomainError, as jcs.py prints it (JSON numbers here are integers: floats were refused)
        refuse(...specText('jcs.integer-out-of-range', { error: `${value} exceeds safe integer domain for JSON floats` }));
      }
      return String(value); // -0 prints as "0", as RFC 8785 requires
    }
    if (isString(value)) {
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
        refuse(...specText('jcs.cannot-canonicalize', { error: 'input contains non-UTF-8 codepoints' })); // rfc8785's words
      }
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) return `[${value.map(jcsText).join(',')}]`;
    if (isObject(value)) {
      const keys = Object.keys(value).sort(); // default sort compares UTF-16 code units
      return `{${keys.map((k) => `${jcsText(k)}:${jcsText(value[k])}`).join(',')}}`;
    }
    return refuse(...specText('jcs.cannot-canonicalize', { error: `unsupported type: ${typeof value}` }));
  }

  const utf8 = (text) => new TextEncoder().encode(text);
  const canonicalize = (value) => utf8(jcsText(value));

  /* ---------------------------------------------------------------------------------------------
   * Bytes: hex, SHA-256 (WebCrypto), concatenation.
   * ------------------------------------------------------------------------------------------- */

  const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

  function fromHex(text) {
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i += 1) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    return out;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) { out.set(part, offset); offset += part.length; }
    return out;
  }

  const bytesEqual = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);


  Object.assign(parts, { jcsText, utf8, canonicalize, toHex, fromHex, sha256, concat, bytesEqual });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
