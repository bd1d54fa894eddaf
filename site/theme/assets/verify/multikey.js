/* The browser verifier, part 'multikey': base58btc, multibase, small-order keys, Multikey, did:key and Ed25519 (signing/multikey.py, ed25519_point.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { text: specText, isString, pyRepr, refuse, toHex } = parts;

  /* ---------------------------------------------------------------------------------------------
   * base58btc (Bitcoin alphabet) and multibase: a multibase string is "z" + base58btc. Decoding
   * follows the Python `base58` package the CLI uses: trailing ASCII whitespace is ignored, each
   * leading "1" is a zero byte, any other character outside the alphabet is refused.
   * ------------------------------------------------------------------------------------------- */

  const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

  function base58Decode(text) {
    if (/[^\x00-\x7f]/.test(text)) throw new Error('not ASCII');
    const body = text.replace(/[ \t\n\r\x0b\x0c]+$/, '');
    let zeros = 0;
    while (zeros < body.length && body[zeros] === '1') zeros += 1;
    let number = 0n;
    for (const char of body.slice(zeros)) {
      const digit = BASE58.indexOf(char);
      if (digit < 0) throw new Error(`invalid character ${char}`);
      number = number * 58n + BigInt(digit);
    }
    const bytes = [];
    while (number > 0n) { bytes.push(Number(number % 256n)); number /= 256n; }
    return new Uint8Array([...new Array(zeros).fill(0), ...bytes.reverse()]);
  }

  function multibaseDecodeAs(text, [whatZh, whatEn]) {
    if (!isString(text) || !text.startsWith('z') || text.length < 2) {
      refuse(...specText('key.must-be-base58btc-multibase', { what_zh: whatZh, what_en: whatEn }));
    }
    try {
      return base58Decode(text.slice(1));
    } catch (error) {
      return refuse(...specText('key.not-valid-base58btc', { what_zh: whatZh, what_en: whatEn }));
    }
  }

  const multibaseDecode = (text) => multibaseDecodeAs(text, specText('label.value'));

  /* ---------------------------------------------------------------------------------------------
   * Small-order Ed25519 public keys (signing/ed25519_point.py). A small-order key (the identity,
   * for one) lets a forged signature verify for any message, and WebCrypto implementations may
   * accept it. Decode the point as RFC 8032 §5.1.3 does (refusing non-canonical encodings), then
   * refuse P when [8]P is the neutral element (0, 1).
   * ------------------------------------------------------------------------------------------- */

  const P = 2n ** 255n - 19n;
  const mod = (a) => ((a % P) + P) % P;

  function powMod(base, exponent) {
    let result = 1n, b = mod(base), e = exponent;
    while (e > 0n) {
      if (e & 1n) result = (result * b) % P;
      b = (b * b) % P;
      e >>= 1n;
    }
    return result;
  }

  const D = mod(-121665n * powMod(121666n, P - 2n));
  const SQRT_M1 = powMod(2n, (P - 1n) / 4n);

  function decodePoint(encoded) {
    if (encoded.length !== 32) return null;
    let number = 0n;
    for (let i = 31; i >= 0; i -= 1) number = (number << 8n) | BigInt(encoded[i]); // little-endian
    const sign = number >> 255n;
    const y = number & ((1n << 255n) - 1n);
    if (y >= P) return null;
    const u = mod(y * y - 1n);
    const v = mod(D * y * y + 1n);
    let x = mod(u * powMod(v, 3n) * powMod(u * powMod(v, 7n), (P - 5n) / 8n));
    const check = mod(v * x * x);
    if (check === mod(-u)) x = mod(x * SQRT_M1);
    else if (check !== u) return null;
    if (x === 0n && sign === 1n) return null;
    if ((x & 1n) !== sign) x = P - x;
    return [x, y];
  }

  function addPoints([x1, y1], [x2, y2]) {
    const t = mod(D * x1 * x2 * y1 * y2);
    return [mod((x1 * y2 + y1 * x2) * powMod(1n + t, P - 2n)), mod((y1 * y2 + x1 * x2) * powMod(1n - t, P - 2n))];
  }

  const weakKeyCache = new Map();

  /** A bilingual reason why ``encoded`` is not an acceptable Ed25519 public key, or null. */
  function weakKeyReason(encoded) {
    const cacheKey = toHex(encoded);
    if (weakKeyCache.has(cacheKey)) return weakKeyCache.get(cacheKey);
    let point = decodePoint(encoded);
    let reason = null;
    if (point === null) {
      reason = specText('key.public-key-is-not-a-valid-ed25519');
    } else {
      for (let i = 0; i < 3; i += 1) point = addPoints(point, point);
      if (point[0] === 0n && point[1] === 1n) reason = specText('key.small-order-ed25519-public-key-refused');
    }
    weakKeyCache.set(cacheKey, reason);
    return reason;
  }

  /* ---------------------------------------------------------------------------------------------
   * Multikey and did:key (signing/multikey.py). An Ed25519 Multikey is multibase("z", 0xed 0x01
   * || 32-byte key): the multicodec ed25519-pub code 0xed as an unsigned varint. A did:key
   * verification method is did:key:<multikey>#<multikey>, the fragment repeating the key.
   * ------------------------------------------------------------------------------------------- */

  const DID_KEY_PREFIX = 'did:key:';

  function checkPublicKey(raw) {
    if (!(raw instanceof Uint8Array) || raw.length !== 32) {
      refuse(...specText('key.an-ed25519-public-key-must-be-32'));
    }
    const reason = weakKeyReason(raw);
    if (reason !== null) refuse(reason[0], reason[1]);
    return raw;
  }

  function decodePublicKey(multikey) {
    const data = multibaseDecodeAs(multikey, specText('label.public-key'));
    if (data[0] !== 0xed || data[1] !== 0x01) refuse(...specText('key.public-key-multicodec-must-be-ed01'));
    if (data.length !== 34) refuse(...specText('key.an-ed25519-public-key-must-be-32'));
    return checkPublicKey(data.slice(2));
  }

  function parseDidKeyMethod(url) {
    if (!isString(url) || !url.startsWith(DID_KEY_PREFIX) || url.split('#').length !== 2) {
      refuse(...specText('key.verification-method-must-be-did-key', { url: pyRepr(url) }));
    }
    const [did, fragment] = url.split('#');
    const multikey = did.slice(DID_KEY_PREFIX.length);
    if (fragment !== multikey) refuse(...specText('key.did-key-fragment-must-be-the-same'));
    return { did, multikey, publicKey: decodePublicKey(multikey) };
  }

  /* ---------------------------------------------------------------------------------------------
   * Ed25519 signature verification (RFC 8032) with WebCrypto; weak keys never verify.
   * ------------------------------------------------------------------------------------------- */

  const importedKeys = new Map();

  async function verifySignature(message, signature, publicKey) {
    if (signature.length !== 64) return false;
    try {
      checkPublicKey(publicKey);
    } catch (error) {
      return false;
    }
    const id = toHex(publicKey);
    if (!importedKeys.has(id)) {
      importedKeys.set(id, crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']));
    }
    try {
      return await crypto.subtle.verify({ name: 'Ed25519' }, await importedKeys.get(id), signature, message);
    } catch (error) {
      return false;
    }
  }


  Object.assign(parts, { BASE58, base58Decode, multibaseDecodeAs, multibaseDecode, P, mod, powMod, D, SQRT_M1,
    decodePoint, addPoints, weakKeyCache, weakKeyReason, DID_KEY_PREFIX, checkPublicKey, decodePublicKey,
    parseDidKeyMethod, importedKeys, verifySignature });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
