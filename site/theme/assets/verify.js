/*
 * Verify a carbonreg certificate or declaration bundle in the browser, offline.
 *
 * A port of the Python verifier (signing/verify.py and signing/verify_steps.py) that gives the
 * same verdict as `verify BUNDLE --root trust/1.root.json --at TIME`: the same ten named steps
 * (json, bundle, shape, root, authorizations, proof, publication, issuer, status, revocation)
 * and the same outcome (valid / revocation-unknown / revoked / invalid).
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
 */
(function () {
  'use strict';

  const STEP_NAMES = ['json', 'bundle', 'shape', 'root', 'authorizations', 'proof', 'publication', 'issuer',
    'status', 'revocation'];
  const TIME_FROM_LOG = 'log checkpoint';
  const TIME_UNTRUSTED = 'proof.created (untrusted)';

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
  const fromBundle = (error) => prefixed(error, '证书文件', 'the certificate file');

  /* ---------------------------------------------------------------------------------------------
   * Small JSON value helpers. Parsed objects have no prototype, so "__proto__" is an ordinary key.
   * ------------------------------------------------------------------------------------------- */

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isString = (v) => typeof v === 'string';
  const isInteger = (v) => typeof v === 'number' && Number.isInteger(v);
  const has = (obj, key) => isObject(obj) && Object.prototype.hasOwnProperty.call(obj, key);
  /** Python's ``mapping.get(name)``: the member or null. */
  const get = (obj, key) => (has(obj, key) ? obj[key] : null);

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

  /* ---------------------------------------------------------------------------------------------
   * Strict JSON (signing/strictjson.py): RFC 8259 grammar, and refuse what a lenient parser
   * accepts: a BOM, invalid UTF-8, more than 1,000,000 bytes, duplicate keys, NaN/Infinity,
   * numbers with a fraction or an exponent (quantities are decimal strings), integers beyond
   * ±(2^53 - 1), control characters in strings, and strings that are not in Unicode NFC.
   * ------------------------------------------------------------------------------------------- */

  const MAX_BYTES = 1000000;
  const MAX_SAFE = 2n ** 53n - 1n;
  const MAX_DEPTH = 500;

  class StrictJsonParser {
    constructor(text) {
      this.text = text;
      this.pos = 0;
      this.depth = 0;
    }

    syntax(what) {
      const before = this.text.slice(0, this.pos);
      const line = before.split('\n').length;
      const column = this.pos - before.lastIndexOf('\n');
      refuse(`JSON 语法错误（第 ${line} 行第 ${column} 列）：${what}`,
        `JSON syntax error (line ${line}, column ${column}): ${what}`, 'unreadable');
    }

    skipSpace() {
      while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos += 1;
    }

    document() {
      this.skipSpace();
      const value = this.value();
      this.skipSpace();
      if (this.pos !== this.text.length) this.syntax('Extra data');
      return value;
    }

    value() {
      const c = this.text[this.pos];
      if (c === '{') return this.object();
      if (c === '[') return this.array();
      if (c === '"') return this.string();
      for (const word of ['NaN', 'Infinity', '-Infinity']) { // Python's json accepts these: refused
        if (this.text.startsWith(word, this.pos)) refuse(`JSON 中不允许 ${word}`, `${word} is not allowed in JSON`);
      }
      if (c === '-' || (c >= '0' && c <= '9')) return this.number();
      for (const [word, value] of [['true', true], ['false', false], ['null', null]]) {
        if (this.text.startsWith(word, this.pos)) {
          this.pos += word.length;
          return value;
        }
      }
      return this.syntax('Expecting value');
    }

    nested(parse) {
      this.depth += 1;
      if (this.depth > MAX_DEPTH) refuse('JSON 嵌套过深', 'JSON is nested too deeply', 'nested'); // a refusal (exit 1), as in Python
      this.pos += 1;
      this.skipSpace();
      const result = parse();
      this.depth -= 1;
      return result;
    }

    object() {
      return this.nested(() => {
        const result = Object.create(null);
        if (this.text[this.pos] === '}') { this.pos += 1; return result; }
        for (;;) {
          if (this.text[this.pos] !== '"') this.syntax('Expecting property name enclosed in double quotes');
          const key = this.string();
          if (Object.prototype.hasOwnProperty.call(result, key)) {
            refuse(`重复的键：${JSON.stringify(key)}`, `duplicate key: ${JSON.stringify(key)}`);
          }
          this.skipSpace();
          if (this.text[this.pos] !== ':') this.syntax("Expecting ':' delimiter");
          this.pos += 1;
          this.skipSpace();
          result[key] = this.value();
          this.skipSpace();
          const c = this.text[this.pos];
          this.pos += 1;
          if (c === '}') return result;
          if (c !== ',') { this.pos -= 1; this.syntax("Expecting ',' delimiter"); }
          this.skipSpace();
        }
      });
    }

    array() {
      return this.nested(() => {
        const result = [];
        if (this.text[this.pos] === ']') { this.pos += 1; return result; }
        for (;;) {
          result.push(this.value());
          this.skipSpace();
          const c = this.text[this.pos];
          this.pos += 1;
          if (c === ']') return result;
          if (c !== ',') { this.pos -= 1; this.syntax("Expecting ',' delimiter"); }
          this.skipSpace();
        }
      });
    }

    string() {
      this.pos += 1; // opening quote
      let out = '';
      for (;;) {
        if (this.pos >= this.text.length) this.syntax('Unterminated string');
        const c = this.text[this.pos];
        if (c === '"') { this.pos += 1; return out; }
        if (c < ' ') this.syntax('Invalid control character in string');
        if (c !== '\\') { out += c; this.pos += 1; continue; }
        const e = this.text[this.pos + 1];
        const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e];
        if (simple !== undefined) { out += simple; this.pos += 2; continue; }
        if (e !== 'u') this.syntax('Invalid \\escape');
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.syntax('Invalid \\uXXXX escape');
        out += String.fromCharCode(parseInt(hex, 16)); // a lone surrogate is kept, JCS refuses it
        this.pos += 6;
      }
    }

    number() {
      const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
      if (!match) return this.syntax('Expecting value');
      this.pos += match[0].length;
      if (match[2] !== undefined || match[3] !== undefined) {
        refuse(`不允许浮点数 ${match[0]}，数量请用十进制字符串`,
          `float ${match[0]} is not allowed; write quantities as decimal strings`);
      }
      const big = BigInt(match[0]);
      if (big > MAX_SAFE || big < -MAX_SAFE) {
        refuse(`整数 ${match[0]} 超出 ±2^53 范围`, `integer ${match[0]} is outside the range ±2^53`);
      }
      return Number(big);
    }
  }

  function checkNfc(value, path) {
    if (isString(value)) {
      if (value.normalize('NFC') !== value) {
        refuse(`字符串不是 NFC 规范形式（位置 ${path || '/'}）`, `string is not in Unicode NFC (at ${path || '/'})`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => checkNfc(item, `${path}/${i}`));
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        checkNfc(key, `${path}/${key}`);
        checkNfc(value[key], `${path}/${key}`);
      }
    }
  }

  /** Parse untrusted bytes strictly (strictjson.loads); raises a Refusal. */
  function strictJson(bytes) {
    if (bytes.length > MAX_BYTES) {
      refuse(`JSON 超过 ${MAX_BYTES} 字节的上限`, `JSON is larger than the ${MAX_BYTES}-byte limit`, 'unreadable');
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      refuse('JSON 不能以 BOM 开头', 'JSON must not start with a byte-order mark', 'unreadable');
    }
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (error) {
      refuse('JSON 不是有效的 UTF-8', 'JSON is not valid UTF-8', 'unreadable');
    }
    const value = new StrictJsonParser(text).document();
    checkNfc(value, '');
    return value;
  }

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
        refuse('JCS：只允许 ±2^53 以内的整数', 'JCS: only integers within ±2^53 are allowed here');
      }
      return String(value); // -0 prints as "0", as RFC 8785 requires
    }
    if (isString(value)) {
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
        refuse('无法规范化为 JCS：字符串含有孤立的代理项', 'cannot canonicalize with JCS: lone surrogate in a string');
      }
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) return `[${value.map(jcsText).join(',')}]`;
    if (isObject(value)) {
      const keys = Object.keys(value).sort(); // default sort compares UTF-16 code units
      return `{${keys.map((k) => `${jcsText(k)}:${jcsText(value[k])}`).join(',')}}`;
    }
    return refuse('无法规范化为 JCS', 'cannot canonicalize with JCS');
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

  function multibaseDecodeAs(text, whatZh, whatEn) {
    if (!isString(text) || !text.startsWith('z') || text.length < 2) {
      refuse(`${whatZh}必须是以 z 开头的 base58btc multibase`, `${whatEn} must be base58btc multibase starting with 'z'`);
    }
    try {
      return base58Decode(text.slice(1));
    } catch (error) {
      return refuse(`${whatZh}不是有效的 base58btc`, `${whatEn} is not valid base58btc`);
    }
  }

  const multibaseDecode = (text) => multibaseDecodeAs(text, '值', 'value');

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
      reason = ['公钥不是有效的 Ed25519 点编码', 'public key is not a valid Ed25519 point encoding'];
    } else {
      for (let i = 0; i < 3; i += 1) point = addPoints(point, point);
      if (point[0] === 0n && point[1] === 1n) reason = ['拒绝小阶 Ed25519 公钥', 'small-order Ed25519 public key refused'];
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
      refuse('Ed25519 公钥必须是 32 字节', 'an Ed25519 public key must be 32 bytes');
    }
    const reason = weakKeyReason(raw);
    if (reason !== null) refuse(reason[0], reason[1]);
    return raw;
  }

  function decodePublicKey(multikey) {
    const data = multibaseDecodeAs(multikey, '公钥', 'public key');
    if (data[0] !== 0xed || data[1] !== 0x01) {
      refuse('公钥的 multicodec 头必须是 ed01（Ed25519）', 'public key multicodec header must be ed01 (Ed25519)');
    }
    if (data.length !== 34) refuse('Ed25519 公钥必须是 32 字节', 'an Ed25519 public key must be 32 bytes');
    return checkPublicKey(data.slice(2));
  }

  function parseDidKeyMethod(url) {
    if (!isString(url) || !url.startsWith(DID_KEY_PREFIX) || url.split('#').length !== 2) {
      refuse(`验证方法必须是 did:key:z…#z… 形式：${JSON.stringify(url)}`,
        `verification method must be of the form did:key:z...#z...: ${JSON.stringify(url)}`);
    }
    const [did, fragment] = url.split('#');
    const multikey = did.slice(DID_KEY_PREFIX.length);
    if (fragment !== multikey) refuse('did:key 的片段必须与密钥相同', 'did:key fragment must be the same as its key');
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

  /* ---------------------------------------------------------------------------------------------
   * Time: our timestamps are exactly YYYY-MM-DDTHH:MM:SSZ (signing/timefmt.py). Times are whole
   * seconds since 1970-01-01T00:00:00Z, computed without Date (which mangles years below 100).
   * ------------------------------------------------------------------------------------------- */

  const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

  function daysFromCivil(y, m, d) { // Howard Hinnant's algorithm, proleptic Gregorian calendar
    const year = m <= 2 ? y - 1 : y;
    const era = Math.floor(year / 400);
    const yoe = year - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function validDate(y, m, d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }

  function parseTimestamp(text) {
    const match = isString(text) ? TIMESTAMP.exec(text) : null;
    if (!match) {
      refuse(`时间格式应为 YYYY-MM-DDTHH:MM:SSZ：${JSON.stringify(text)}`,
        `timestamp must be YYYY-MM-DDTHH:MM:SSZ: ${JSON.stringify(text)}`);
    }
    const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
      refuse(`无效的日期时间：${JSON.stringify(text)}`, `invalid date or time: ${JSON.stringify(text)}`);
    }
    return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  }

  function formatTimestamp(seconds) {
    const days = Math.floor(seconds / 86400);
    const rest = seconds - days * 86400;
    const z = days + 719468; // civil_from_days, the inverse of daysFromCivil
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    const pad = (n, w = 2) => String(n).padStart(w, '0');
    return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}Z`;
  }

  /** ``check_not_expired``: metadata is refused at or after its expiry. */
  function checkNotExpired(expires, at, what) {
    if (at >= expires) refuse(`${what} 已过期`, `${what} has expired`);
  }

  /* ---------------------------------------------------------------------------------------------
   * Decimal quantities "(0|[1-9][0-9]*)(.[0-9]+)?" compared exactly as scaled BigInts.
   * ------------------------------------------------------------------------------------------- */

  function decimalValue(text) {
    const [whole, fraction = ''] = text.split('.');
    return { units: BigInt(whole + fraction), scale: fraction.length };
  }

  function decimalAlign(a, b) {
    const scale = Math.max(a.scale, b.scale);
    return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
  }

  const decimalCompare = (a, b) => { const [x, y] = decimalAlign(a, b); return x < y ? -1 : x > y ? 1 : 0; };
  const decimalAdd = (a, b) => { const [x, y, scale] = decimalAlign(a, b); return { units: x + y, scale }; };

  /* ---------------------------------------------------------------------------------------------
   * The strict shape of a credential (signing/credential_shape.py): every problem collected.
   * ------------------------------------------------------------------------------------------- */

  const CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://carbonreg.org/contexts/v1'];
  const TYPES = {
    certificate: ['VerifiableCredential', 'CarbonNeutralityCertificate'],
    declaration: ['VerifiableCredential', 'CarbonNeutralityDeclaration'],
  };
  const NUMBER_FIELD = { certificate: 'certificateNumber', declaration: 'declarationId' };
  const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
  const DOCUMENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
  const EVENT_ID = /^[0-9]{4}(-[a-z0-9]+)+$/;
  const IDENTIFIER = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
  const SERIAL = /^[0-9]{1,40}$/;
  const SHA256_HEX = /^[0-9a-f]{64}$/;
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const MAX_STRING = 2000;
  // Python's str.strip() whitespace, so that "blank" means the same as in the CLI.
  const PY_BLANK = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

  const pyStr = (v) => (v === null || v === undefined ? 'None' : v === true ? 'True' : v === false ? 'False'
    : isString(v) ? v : JSON.stringify(v));
  const pyRepr = (v) => (isString(v) ? `'${v}'` : pyStr(v));

  class ShapeChecker {
    constructor() { this.problems = []; }

    add(path, zh, en) { this.problems.push({ path, zh, en }); }

    obj(value, path, required, optional = []) {
      if (!isObject(value)) { this.add(path, '应为 JSON 对象', 'must be a JSON object'); return null; }
      for (const name of required) if (!has(value, name)) this.add(`${path}/${name}`, '缺少必填字段', 'required field is missing');
      for (const name of Object.keys(value)) {
        if (!required.includes(name) && !optional.includes(name)) this.add(`${path}/${name}`, '不允许的字段', 'field is not allowed');
      }
      return value;
    }

    text(value, path, pattern) {
      if (!isString(value) || PY_BLANK.test(value)) { this.add(path, '应为非空字符串', 'must be a non-empty string'); return null; }
      if ([...value].length > MAX_STRING) {
        this.add(path, `字符串超过 ${MAX_STRING} 个字符`, `string is longer than ${MAX_STRING} characters`);
      }
      if (pattern && !pattern.test(value)) {
        this.add(path, `格式不符：${pyRepr(value)}`, `does not match the expected format: ${pyRepr(value)}`);
        return null;
      }
      return value;
    }

    names(value, path) {
      const names = this.obj(value, path, ['zh', 'en']);
      if (names !== null) { this.text(get(names, 'zh'), `${path}/zh`); this.text(get(names, 'en'), `${path}/en`); }
    }

    decimal(value, path) {
      if (typeof value === 'number') {
        this.add(path, '数量必须是十进制字符串，不能是 JSON 数字', 'quantity must be a decimal string, not a JSON number');
        return null;
      }
      const text = this.text(value, path, DECIMAL);
      return text === null ? null : decimalValue(text);
    }

    timestamp(value, path) {
      try { return parseTimestamp(value); } catch (error) { this.add(path, error.zh, error.en); return null; }
    }

    date(value, path) {
      const match = isString(value) ? DATE.exec(value) : null;
      if (match && validDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
        return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
      }
      this.add(path, `日期格式应为 YYYY-MM-DD：${pyRepr(value)}`, `date must be YYYY-MM-DD: ${pyRepr(value)}`);
      return null;
    }

    array(value, path, each) {
      if (!Array.isArray(value) || value.length === 0) { this.add(path, '应为非空数组', 'must be a non-empty array'); return []; }
      return value.map((item, i) => each(item, `${path}/${i}`));
    }
  }

  function walkNfc(value, path, check) {
    if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (key.normalize('NFC') !== key) check.add(`${path}/${key}`, '键不是 NFC 规范形式', 'key is not in Unicode NFC');
        walkNfc(value[key], `${path}/${key}`, check);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walkNfc(item, `${path}/${i}`, check));
    } else if (isString(value) && value.normalize('NFC') !== value) {
      check.add(path, '字符串不是 NFC 规范形式', 'string is not in Unicode NFC');
    }
  }

  function shapeEvent(check, value, path) {
    const event = check.obj(value, path, ['id', 'name', 'kind', 'organizer', 'venue', 'district', 'start', 'end']);
    if (event === null) return null;
    const eventId = check.text(get(event, 'id'), `${path}/id`, EVENT_ID);
    check.names(get(event, 'name'), `${path}/name`);
    check.text(get(event, 'kind'), `${path}/kind`, IDENTIFIER);
    check.names(get(event, 'organizer'), `${path}/organizer`);
    check.names(get(event, 'venue'), `${path}/venue`);
    check.text(get(event, 'district'), `${path}/district`, IDENTIFIER);
    const start = check.date(get(event, 'start'), `${path}/start`);
    const end = check.date(get(event, 'end'), `${path}/end`);
    if (start !== null && end !== null && end < start) check.add(`${path}/end`, '结束日期早于开始日期', 'end date is before the start date');
    return eventId;
  }

  function shapeSerial(check, value, path) {
    const serial = check.obj(value, path, ['prefix', 'first', 'last']);
    if (serial === null) return;
    check.text(get(serial, 'prefix'), `${path}/prefix`);
    const first = check.text(get(serial, 'first'), `${path}/first`, SERIAL);
    const last = check.text(get(serial, 'last'), `${path}/last`, SERIAL);
    if (first && last && BigInt(last) < BigInt(first)) check.add(`${path}/last`, '序列号区段的结尾小于开头', 'serial block ends before it starts');
  }

  function shapeRetirement(check, value, path) {
    const item = check.obj(value, path, ['id', 'kind', 'registry', 'quantity', 'retiredOn', 'serials']);
    if (item === null) return null;
    check.text(get(item, 'id'), `${path}/id`, DOCUMENT_NUMBER);
    check.text(get(item, 'kind'), `${path}/kind`, IDENTIFIER);
    check.text(get(item, 'registry'), `${path}/registry`, IDENTIFIER);
    check.date(get(item, 'retiredOn'), `${path}/retiredOn`);
    check.array(get(item, 'serials'), `${path}/serials`, (v, p) => shapeSerial(check, v, p));
    return check.decimal(get(item, 'quantity'), `${path}/quantity`);
  }

  /** The signed figures must agree: total = basic + extended, needed covers the scope, etc. */
  function shapeFigures(check, subject, path) {
    const emissions = check.obj(get(subject, 'emissions'), `${path}/emissions`, ['basic', 'extended', 'total']) || {};
    const [basic, extended, total] = ['basic', 'extended', 'total'].map((n) => check.decimal(get(emissions, n), `${path}/emissions/${n}`));
    if (basic && extended && total && decimalCompare(decimalAdd(basic, extended), total) !== 0) {
      check.add(`${path}/emissions/total`, '总排放量不等于基本与拓展排放量之和', 'total is not basic + extended');
    }
    const offsets = check.obj(get(subject, 'offsets'), `${path}/offsets`, ['needed', 'retired', 'retirements']) || {};
    const needed = check.decimal(get(offsets, 'needed'), `${path}/offsets/needed`);
    const retired = check.decimal(get(offsets, 'retired'), `${path}/offsets/retired`);
    const items = check.array(get(offsets, 'retirements'), `${path}/offsets/retirements`, (v, p) => shapeRetirement(check, v, p));
    const listed = get(offsets, 'retirements');
    const ids = Array.isArray(listed) ? listed.filter(isObject).map((r) => pyStr(get(r, 'id'))) : [];
    if (new Set(ids).size !== ids.length) check.add(`${path}/offsets/retirements`, '注销记录重复', 'a retirement is listed twice');
    const covered = get(subject, 'scope') === 'basic' ? basic : total;
    if (needed && covered && decimalCompare(needed, covered) < 0) {
      check.add(`${path}/offsets/needed`, '所需抵销量小于该范围的排放量', "offsets needed are less than the scope's emissions");
    }
    if (retired && items.length && !items.includes(null)
        && decimalCompare(items.reduce(decimalAdd, { units: 0n, scale: 0 }), retired) !== 0) {
      check.add(`${path}/offsets/retired`, '注销量之和不等于 retired', 'the retirements do not add up to retired');
    }
    if (retired && needed && decimalCompare(retired, needed) < 0) {
      check.add(`${path}/offsets/retired`, '注销量不足以覆盖所需抵销量', 'quantity retired does not cover the offsets needed');
    }
  }

  function shapeEvidence(check, value, path) {
    const item = check.obj(value, path, ['path', 'sha256']);
    if (item === null) return null;
    const where = check.text(get(item, 'path'), `${path}/path`);
    check.text(get(item, 'sha256'), `${path}/sha256`, SHA256_HEX);
    if (where && (where.startsWith('/') || where.includes('\\') || where.split('/').includes('..') || where.split('/').includes(''))) {
      check.add(`${path}/path`, '证据路径必须是登记库内的相对路径', 'evidence path must be relative, inside the registry');
    }
    return where;
  }

  function shapeSubject(check, value, kind, number) {
    const path = '/credentialSubject';
    const field = NUMBER_FIELD[kind];
    const required = ['id', field, 'event', 'scope', 'emissions', 'offsets', 'evidence'];
    const subject = check.obj(value, path, kind === 'certificate' ? [...required, 'agency'] : required);
    if (subject === null) return;
    if (get(subject, field) !== number) check.add(`${path}/${field}`, '编号与凭证 id 不一致', 'number does not match the credential id');
    const eventId = shapeEvent(check, get(subject, 'event'), `${path}/event`);
    if (eventId && get(subject, 'id') !== `urn:carbonreg:event:${eventId}`) {
      check.add(`${path}/id`, '主体 id 应为 urn:carbonreg:event:<活动编号>', 'subject id must be urn:carbonreg:event:<event id>');
    }
    if (!['basic', 'full'].includes(get(subject, 'scope'))) check.add(`${path}/scope`, '范围必须是 basic 或 full', 'scope must be basic or full');
    shapeFigures(check, subject, path);
    if (kind === 'certificate') {
      const agency = check.obj(get(subject, 'agency'), `${path}/agency`, ['id', 'name']);
      if (agency !== null) {
        check.text(get(agency, 'id'), `${path}/agency/id`, IDENTIFIER);
        check.names(get(agency, 'name'), `${path}/agency/name`);
      }
    }
    const paths = check.array(get(subject, 'evidence'), `${path}/evidence`, (v, p) => shapeEvidence(check, v, p));
    if (new Set(paths).size !== paths.length) check.add(`${path}/evidence`, '证据路径重复', 'an evidence path is listed twice');
  }

  function credentialKind(doc) {
    const types = get(doc, 'type');
    return Object.keys(TYPES).find((k) => deepEqual(types, TYPES[k])) || null;
  }

  function kindAndNumber(check, doc) {
    const kind = credentialKind(doc);
    if (kind === null) {
      check.add('/type', '类型必须是证书或声明凭证', 'type must be that of a certificate or a declaration');
      return [null, null];
    }
    const prefix = `urn:carbonreg:${kind}:`;
    const id = get(doc, 'id');
    if (!isString(id) || !id.startsWith(prefix)) { check.add('/id', `id 必须以 ${prefix} 开头`, `id must start with ${prefix}`); return [kind, null]; }
    const number = id.slice(prefix.length);
    if (!DOCUMENT_NUMBER.test(number)) check.add('/id', `编号格式不符：${pyRepr(number)}`, `number has the wrong format: ${pyRepr(number)}`);
    return [kind, number];
  }

  function checkShape(doc) {
    const check = new ShapeChecker();
    const top = check.obj(doc, '', ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject'], ['proof']);
    if (top === null) return check.problems;
    const unsigned = Object.create(null);
    for (const key of Object.keys(top)) if (key !== 'proof') unsigned[key] = top[key];
    walkNfc(unsigned, '', check);
    if (!deepEqual(get(top, '@context'), CONTEXTS)) check.add('/@context', '@context 必须恰好是固定的两个值', '@context must be exactly the two pinned values');
    const [kind, number] = kindAndNumber(check, top);
    const issuer = check.obj(get(top, 'issuer'), '/issuer', ['id', 'name']);
    if (issuer !== null) {
      const did = get(issuer, 'id');
      try {
        if (!isString(did) || !did.startsWith(DID_KEY_PREFIX)) refuse('签发者 id 必须是 did:key', 'issuer id must be a did:key');
        decodePublicKey(did.slice(DID_KEY_PREFIX.length));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        check.add('/issuer/id', error.zh, error.en);
      }
      check.names(get(issuer, 'name'), '/issuer/name');
    }
    check.timestamp(get(top, 'validFrom'), '/validFrom');
    if (kind !== null) shapeSubject(check, get(top, 'credentialSubject'), kind, number);
    if (has(top, 'proof') && !isObject(top.proof)) check.add('/proof', '证明必须是单个 JSON 对象', 'proof must be a single JSON object');
    return check.problems;
  }

  /* ---------------------------------------------------------------------------------------------
   * The bundle's outer shape (signing/bundle.py).
   * ------------------------------------------------------------------------------------------- */

  const BUNDLE_FORMAT = 'carbonreg-certificate-bundle/1';
  const TOP_FIELDS = ['format', 'credential', 'publication', 'trust'];
  const TRUST_FIELDS = ['rootChain', 'authorizations', 'status'];

  function parseBundle(document) {
    if (!isObject(document)) return [null, [['证书文件必须是 JSON 对象', 'certificate file must be a JSON object']]];
    const reasons = [];
    const keys = Object.keys(document);
    if (TOP_FIELDS.some((n) => !has(document, n)) || keys.some((n) => !TOP_FIELDS.includes(n))) {
      reasons.push([`顶层字段应恰好为 ${TOP_FIELDS.join(', ')}`, `top-level fields must be exactly ${TOP_FIELDS.join(', ')}`]);
    }
    if (get(document, 'format') !== BUNDLE_FORMAT) reasons.push([`format 必须是 ${BUNDLE_FORMAT}`, `format must be ${BUNDLE_FORMAT}`]);
    if (!isObject(get(document, 'credential'))) reasons.push(['credential 必须是 JSON 对象', 'credential must be a JSON object']);
    const publication = get(document, 'publication');
    if (publication !== null && !isObject(publication)) reasons.push(['publication 必须是 JSON 对象或 null', 'publication must be a JSON object or null']);
    let trust = get(document, 'trust');
    const trustKeys = isObject(trust) ? Object.keys(trust) : null;
    if (trustKeys === null || trustKeys.length !== TRUST_FIELDS.length || !TRUST_FIELDS.every((n) => has(trust, n))) {
      reasons.push([`trust 必须恰好含 ${TRUST_FIELDS.join(', ')}`, `trust must have exactly ${TRUST_FIELDS.join(', ')}`]);
      trust = null;
    }
    const chain = get(trust, 'rootChain');
    if (!Array.isArray(chain) || chain.length === 0 || chain.length > 100 || !chain.every(isObject)) {
      reasons.push(['rootChain 必须是由对象组成的非空数组', 'rootChain must be a non-empty array of objects']);
    }
    if (trust !== null && !isObject(get(trust, 'authorizations'))) reasons.push(['trust.authorizations 必须是 JSON 对象', 'trust.authorizations must be a JSON object']);
    if (trust !== null && get(trust, 'status') !== null && !isObject(get(trust, 'status'))) {
      reasons.push(['trust.status 必须是 JSON 对象或 null', 'trust.status must be a JSON object or null']);
    }
    if (reasons.length) return [null, reasons];
    return [{ credential: document.credential, publication, rootChain: chain, authorizations: trust.authorizations,
      status: trust.status }, []];
  }

  /* ---------------------------------------------------------------------------------------------
   * Trust metadata (signing/trust.py), modeled on TUF: an envelope {"signed", "signatures"}; each
   * signature is Ed25519 over JCS(signed), multibase base58btc; a key id is the SHA-256 hex of the
   * raw key, so a threshold counts distinct keys. The root lists keys and, per role (root,
   * authorizations, status, optional log), the key ids allowed to sign and how many must.
   * ------------------------------------------------------------------------------------------- */

  const ROLE_NAMES = ['root', 'authorizations', 'status'];
  const OPTIONAL_ROLE_NAMES = ['log'];

  /** ``_field``: the member of the wanted JSON type, or a refusal naming it. */
  function field(mapping, name, kind, where) {
    const value = get(mapping, name);
    const ok = { object: isObject, array: Array.isArray, string: isString, integer: isInteger }[kind](value);
    if (!ok) refuse(`${where} 缺少或错误的字段 ${name}`, `${where}: missing or wrong field ${name}`);
    return value;
  }

  /** ``verify_threshold``: the distinct key ids of ``role`` that validly signed ``signed``. */
  async function verifyThreshold(envelope, keys, role, roleName) {
    const signed = field(envelope, 'signed', 'object', roleName);
    const signatures = field(envelope, 'signatures', 'array', roleName);
    const message = canonicalize(signed);
    const valid = new Set();
    for (const entry of signatures) {
      if (!isObject(entry)) continue;
      const keyid = get(entry, 'keyid'), sig = get(entry, 'sig');
      if (!isString(keyid) || !role.keyids.has(keyid) || !keys.has(keyid) || !isString(sig)) continue;
      let signature;
      try { signature = multibaseDecode(sig); } catch (error) { continue; }
      if (await verifySignature(message, signature, keys.get(keyid))) valid.add(keyid);
    }
    if (valid.size < role.threshold) {
      refuse(`${roleName} 的有效签名不足：${valid.size}/${role.threshold}`,
        `${roleName}: not enough valid signatures: ${valid.size} of ${role.threshold}`);
    }
    return valid;
  }

  async function parseRoot(signed) {
    if (!isObject(signed) || get(signed, '_type') !== 'root') refuse('不是 root 元数据', 'not root metadata');
    const version = field(signed, 'version', 'integer', 'root');
    if (version < 1) refuse('root 版本必须 ≥ 1', 'root version must be at least 1');
    const expires = parseTimestamp(field(signed, 'expires', 'string', 'root'));
    const rawKeys = get(signed, 'keys');
    if (!isObject(rawKeys)) refuse('root 缺少 keys', 'root: missing keys');
    const keys = new Map();
    for (const keyid of Object.keys(rawKeys)) {
      const publicKey = decodePublicKey(field(rawKeys[keyid], 'publicKeyMultibase', 'string', `key ${keyid}`));
      if (toHex(await sha256(publicKey)) !== keyid) refuse(`密钥 ID 与公钥不符：${keyid}`, `key id does not match its public key: ${keyid}`);
      keys.set(keyid, publicKey);
    }
    const rawRoles = get(signed, 'roles');
    const allRoles = [...ROLE_NAMES, ...OPTIONAL_ROLE_NAMES];
    if (!isObject(rawRoles) || !ROLE_NAMES.every((n) => has(rawRoles, n)) || !Object.keys(rawRoles).every((n) => allRoles.includes(n))) {
      refuse(`root 必须恰好定义角色 ${ROLE_NAMES.join(', ')}（可选 ${OPTIONAL_ROLE_NAMES.join(', ')}）`,
        `root must define exactly the roles ${ROLE_NAMES.join(', ')} (and optionally ${OPTIONAL_ROLE_NAMES.join(', ')})`);
    }
    const roles = {};
    for (const name of allRoles.filter((n) => has(rawRoles, n))) {
      const keyids = field(rawRoles[name], 'keyids', 'array', `role ${name}`);
      const threshold = field(rawRoles[name], 'threshold', 'integer', `role ${name}`);
      if (!keyids.every(isString) || new Set(keyids).size !== keyids.length || !keyids.every((k) => keys.has(k))) {
        refuse(`角色 ${name} 的密钥重复或未列出`, `role ${name}: key ids repeated or not listed in keys`);
      }
      if (!(threshold >= 1 && threshold <= keyids.length)) refuse(`角色 ${name} 的阈值无效：${threshold}`, `role ${name}: invalid threshold ${threshold}`);
      roles[name] = { keyids: new Set(keyids), threshold };
    }
    const registry = get(signed, 'registry');
    if (registry !== null && (!isString(registry) || registry === '')) refuse('root 的 registry 必须是非空字符串', 'root: registry must be a non-empty string');
    const root = { version, expires, keys, roles, registry };
    root.logRole = has(roles, 'log') ? 'log' : 'status';
    root.roleKeys = (name) => [root.keys, root.roles[name]]; // only the role's key ids are ever used
    return root;
  }

  const rootFingerprint = async (envelope) => toHex(await sha256(canonicalize(field(envelope, 'signed', 'object', 'root'))));

  async function loadTrustedRoot(envelope) { // an initial root is self-signed
    const root = await parseRoot(field(envelope, 'signed', 'object', 'root'));
    await verifyThreshold(envelope, ...root.roleKeys('root'), 'root');
    return root;
  }

  /** TUF root rotation: version N+1, signed by a threshold of N's root keys and of its own. */
  async function rotateRoot(trusted, envelope) {
    const next = await parseRoot(field(envelope, 'signed', 'object', 'root'));
    if (next.version <= trusted.version) refuse(`root 版本回退：${next.version} ≤ ${trusted.version}`, `root rollback: version ${next.version} is not above ${trusted.version}`);
    if (next.version !== trusted.version + 1) refuse(`root 版本必须是 ${trusted.version + 1}`, `root version must be ${trusted.version + 1}`);
    if (trusted.registry !== null && next.registry !== trusted.registry) {
      refuse(`root 不能更改登记库名称 ${trusted.registry}`, `root may not change the registry name ${trusted.registry}`);
    }
    await verifyThreshold(envelope, ...trusted.roleKeys('root'), 'root (previous keys)');
    await verifyThreshold(envelope, ...next.roleKeys('root'), 'root (new keys)');
    return next;
  }

  async function rootVersion(envelope, label) {
    try { return (await parseRoot(get(envelope, 'signed'))).version; } catch (error) { throw prefixed(error, label); }
  }

  /**
   * verify_trust.walk_roots: start at the pinned root (self-signed; its file name N.root.json must
   * match its version), then take every later version, one at a time, from the bundle's rootChain,
   * each rotated by the rules above. A fork (two documents for one version), a gap, or an expired
   * newest root is refused. Returns the newest root, the pinned root's fingerprint and the newest
   * root's fingerprint (what a status list's snapshot names).
   */
  async function walkRoots(anchor, chain, at) {
    if (!isObject(anchor.content)) refuse(`${anchor.label} 不是 JSON 对象`, `${anchor.label} is not a JSON object`);
    const nameMatch = /^([1-9][0-9]{0,8})\.root\.json$/.exec(anchor.label.split('/').pop());
    if (nameMatch && (await rootVersion(anchor.content, anchor.label)) !== Number(nameMatch[1])) {
      refuse(`${anchor.label} 的版本与文件名不符`, `${anchor.label}: version does not match the file name`);
    }
    let root = await loadTrustedRoot(anchor.content);
    const byVersion = new Map();
    const labelled = [[anchor.label, anchor.content], ...chain.map((e, i) => [`rootChain[${i}]`, e])];
    for (const [label, envelope] of labelled) {
      const version = await rootVersion(envelope, label);
      if (!byVersion.has(version)) byVersion.set(version, []);
      byVersion.get(version).push([label, envelope]);
    }
    const startPrint = await rootFingerprint(anchor.content);
    let newestPrint = startPrint;
    for (const [label, envelope] of byVersion.get(root.version)) {
      if ((await rootFingerprint(envelope)) !== startPrint) {
        refuse(`${label} 中的 root v${root.version} 与固定的 root 不同`, `the root v${root.version} in ${label} differs from the pinned root (${anchor.label})`);
      }
    }
    while (byVersion.has(root.version + 1)) {
      const candidates = byVersion.get(root.version + 1);
      const prints = new Set();
      for (const [, envelope] of candidates) prints.add(await rootFingerprint(envelope));
      if (prints.size > 1) refuse(`root v${root.version + 1} 有两个不同的版本（分叉）`, `two different documents claim to be root v${root.version + 1} (a fork)`);
      root = await rotateRoot(root, candidates[0][1]);
      newestPrint = await rootFingerprint(candidates[0][1]);
    }
    const unreachable = [...byVersion.keys()].filter((v) => v > root.version).sort((a, b) => a - b);
    if (unreachable.length) {
      refuse(`缺少 root v${root.version + 1}，无法到达 v${unreachable[unreachable.length - 1]}`,
        `root v${root.version + 1} is missing: v${unreachable[unreachable.length - 1]} cannot be reached`);
    }
    checkNotExpired(root.expires, at, `root v${root.version}`);
    return [root, startPrint, newestPrint];
  }

  /* ---------------------------------------------------------------------------------------------
   * Agency authorizations (signing/authorizations.py): signed by the root's authorizations role.
   * Every window includes its start and excludes its end.
   * ------------------------------------------------------------------------------------------- */

  function checkWindow(start, end, where) {
    if (end <= start) refuse(`${where} 的结束时间必须晚于开始时间`, `${where}: window must end after it starts`);
  }

  function parseAgencyKey(raw, where) {
    const multikey = field(raw, 'publicKeyMultibase', 'string', where);
    const compromised = get(raw, 'compromisedSince');
    const key = {
      multikey,
      publicKey: decodePublicKey(multikey),
      validFrom: parseTimestamp(field(raw, 'validFrom', 'string', where)),
      validUntil: parseTimestamp(field(raw, 'validUntil', 'string', where)),
      compromisedSince: compromised === null ? null : parseTimestamp(compromised),
    };
    checkWindow(key.validFrom, key.validUntil, where);
    return key;
  }

  function parseAgency(raw) {
    const id = field(raw, 'id', 'string', 'agency');
    const where = `agency ${id}`;
    const names = field(raw, 'names', 'object', where);
    const window = field(raw, 'accreditation', 'object', where);
    const status = field(raw, 'status', 'object', where);
    const state = field(status, 'state', 'string', where);
    if (!['active', 'suspended'].includes(state)) refuse(`${where} 的状态无效：${state}`, `${where}: invalid state ${state}`);
    const agency = {
      id,
      nameZh: field(names, 'zh', 'string', where),
      nameEn: field(names, 'en', 'string', where),
      accreditedFrom: parseTimestamp(field(window, 'from', 'string', where)),
      accreditedUntil: parseTimestamp(field(window, 'until', 'string', where)),
      state,
      stateSince: parseTimestamp(field(status, 'since', 'string', where)),
      keys: field(raw, 'keys', 'array', where).map((k, i) => parseAgencyKey(k, `${where} key ${i}`)),
    };
    checkWindow(agency.accreditedFrom, agency.accreditedUntil, where);
    return agency;
  }

  function parseAuthorizations(signed) {
    if (!isObject(signed) || get(signed, '_type') !== 'authorizations') refuse('不是机构授权元数据', 'not agency authorization metadata');
    const version = field(signed, 'version', 'integer', 'authorizations');
    const agencies = field(signed, 'agencies', 'array', 'authorizations').map(parseAgency);
    const platform = get(signed, 'platform') === null ? null : parseAgency(signed.platform);
    const everyone = platform === null ? agencies : [...agencies, platform];
    const ids = everyone.map((a) => a.id);
    const keys = everyone.flatMap((a) => a.keys.map((k) => toHex(k.publicKey)));
    if (new Set(ids).size !== ids.length || new Set(keys).size !== keys.length) refuse('机构 ID 或密钥重复', 'agency id or key listed twice');
    const expires = parseTimestamp(field(signed, 'expires', 'string', 'authorizations'));
    return { version, expires, agencies, platform };
  }

  /** verify_trust.choose_authorizations with only the bundle's copy: signed, then unexpired. */
  async function chooseAuthorizations(envelope, root, at) {
    let document;
    try {
      const signed = get(envelope, 'signed');
      document = parseAuthorizations(isObject(signed) ? signed : {});
      await verifyThreshold(envelope, ...root.roleKeys('authorizations'), 'authorizations');
    } catch (error) {
      throw fromBundle(error);
    }
    checkNotExpired(document.expires, at, `authorizations v${document.version}`);
    document.sha256 = toHex(await sha256(canonicalize(envelope.signed)));
    return document;
  }

  /** ``_judge``: was the key of this agency authorized at ``at``? (a trusted time or not) */
  function judge(agency, key, at, trusted) {
    const reasons = [];
    if (!(agency.accreditedFrom <= at && at < agency.accreditedUntil)) reasons.push(['该时间不在机构认可期内', "time is outside the agency's accreditation window"]);
    if (agency.state === 'suspended') {
      if (!trusted) reasons.push(['机构已被暂停且没有可信时间', 'agency is suspended and no trusted time is available']);
      else if (at >= agency.stateSince) reasons.push(['机构当时已被暂停', 'agency was suspended at that time']);
    }
    if (!(key.validFrom <= at && at < key.validUntil)) reasons.push(['该时间不在密钥有效期内', "time is outside the key's validity window"]);
    if (key.compromisedSince !== null) {
      if (!trusted) reasons.push(['密钥已泄露且没有可信时间', 'key is compromised and no trusted time is available']);
      else if (at >= key.compromisedSince) reasons.push(['密钥当时已泄露', 'key was compromised at that time']);
    }
    return { authorized: reasons.length === 0, agency, key, reasons };
  }

  function authorizationAt(document, method, at, trusted, platformOnly) {
    let publicKey;
    try { publicKey = parseDidKeyMethod(method).publicKey; } catch (error) { return { agency: null, reasons: [[error.zh, error.en]] }; }
    const pool = platformOnly ? (document.platform ? [document.platform] : []) : document.agencies;
    for (const agency of pool) {
      const key = agency.keys.find((k) => bytesEqual(k.publicKey, publicKey));
      if (key) return judge(agency, key, at, trusted);
    }
    return { agency: null, reasons: [platformOnly ? ['密钥不是平台的签名密钥', 'key is not a signing key of the platform']
      : ['密钥不属于任何获授权机构', 'key belongs to no authorized agency']] };
  }

  /* ---------------------------------------------------------------------------------------------
   * The publication log (signing/transparency.py, signing/merkle.py). RFC 6962 §2.1: leaf hash
   * SHA-256(0x00 || leaf), node hash SHA-256(0x01 || left || right). A leaf is JCS({digest,
   * published, id}), digest = SHA-256 hex of JCS(signed credential, proof included).
   * ------------------------------------------------------------------------------------------- */

  const leafHash = (leaf) => sha256(concat(new Uint8Array([0]), leaf));
  const nodeHash = (left, right) => sha256(concat(new Uint8Array([1]), left, right));

  /**
   * RFC 9162 §2.1.3.2, verifying an inclusion proof, step by step. BigInt indices: JavaScript's
   * bitwise operators would truncate to 32 bits.
   */
  async function verifyInclusion(index, treeSize, leaf, proof, rootHash) {
    let fn = BigInt(index), sn = BigInt(treeSize) - 1n; // 1. fn = leaf_index, sn = tree_size - 1
    if (!(fn >= 0n && fn <= sn)) return false; //          (leaf_index must be < tree_size)
    let r = leaf; //                                       2. r = hash
    for (const p of proof) { //                            3. for each value p in the inclusion path:
      if (sn === 0n) return false; //                         a. if sn is 0, stop and fail
      if ((fn & 1n) === 1n || fn === sn) { //                 b. if LSB(fn) is set, or fn equals sn:
        r = await nodeHash(p, r); //                             i. r = HASH(0x01 || p || r)
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; } // ii. shift until LSB(fn) set or fn 0
      } else {
        r = await nodeHash(r, p); //                          otherwise r = HASH(0x01 || r || p)
      }
      fn >>= 1n; sn >>= 1n; //                                c. shift fn and sn right by one
    }
    return sn === 0n && bytesEqual(r, rootHash); //        4. sn must be 0 and r the expected root
  }

  const HEX32 = /^[0-9a-f]{64}$/;

  function logHex(value, name) {
    if (!isString(value) || !HEX32.test(value)) refuse(`${name} 必须是 64 位小写十六进制`, `${name} must be 64 lower-case hex digits`);
    return fromHex(value);
  }

  function logInteger(value, name) {
    if (!isInteger(value) || value < 0) refuse(`${name} 必须是非负整数`, `${name} must be a non-negative integer`);
    return value;
  }

  const exactly = (obj, names) => isObject(obj) && Object.keys(obj).length === names.length && names.every((n) => has(obj, n));

  /** A checkpoint {"_type": "checkpoint", registry, size, rootHash, issued} signed by the log role. */
  async function verifyCheckpoint(envelope, root) {
    const signed = get(envelope, 'signed');
    if (!isObject(signed) || get(signed, '_type') !== 'checkpoint') refuse('不是日志检查点', 'not a log checkpoint');
    if (!Object.keys(signed).every((k) => ['_type', 'registry', 'size', 'rootHash', 'issued'].includes(k))) {
      refuse('检查点含有未知字段', 'checkpoint has unknown fields');
    }
    const checkpoint = {
      registry: get(signed, 'registry'),
      size: logInteger(get(signed, 'size'), 'size'),
      rootHash: logHex(get(signed, 'rootHash'), 'rootHash'),
      issued: parseTimestamp(get(signed, 'issued')),
    };
    await verifyThreshold(envelope, ...root.roleKeys(root.logRole), `checkpoint (${root.logRole})`);
    if (root.registry !== null && checkpoint.registry !== root.registry) {
      refuse(`检查点属于另一登记库：${pyStr(checkpoint.registry)}`, `checkpoint belongs to another registry: ${pyStr(checkpoint.registry)}`);
    }
    return checkpoint;
  }

  /** transparency.verify_receipt: leaf bound to this credential, checkpoint, inclusion, times. */
  async function verifyReceipt(receipt, credential, root) {
    const fields = ['leaf', 'index', 'treeSize', 'auditPath', 'checkpoint'];
    if (!exactly(receipt, fields)) refuse(`发布回执必须恰好含 ${fields.join('、')}`, `receipt must have exactly ${fields.join(', ')}`);
    const leaf = receipt.leaf;
    if (!exactly(leaf, ['digest', 'published', 'id'])) refuse('日志叶子必须恰好含 digest、published、id', 'log leaf must have exactly digest, published and id');
    logHex(leaf.digest, 'digest');
    if (!isString(leaf.id)) refuse('日志叶子的 id 必须是字符串', 'log leaf id must be a string');
    const published = parseTimestamp(leaf.published);
    if (leaf.id !== get(credential, 'id')) refuse('回执属于另一份凭证（id 不同）', 'receipt belongs to another credential (different id)');
    if (leaf.digest !== toHex(await sha256(canonicalize(credential)))) {
      refuse('凭证在记入日志后被改动（摘要不符）', 'credential was changed after it was logged (digest differs)');
    }
    const index = logInteger(receipt.index, 'index');
    const size = logInteger(receipt.treeSize, 'treeSize');
    if (!Array.isArray(receipt.auditPath)) refuse('auditPath 必须是数组', 'auditPath must be an array');
    const path = receipt.auditPath.map((node) => logHex(node, 'auditPath'));
    const checkpoint = await verifyCheckpoint(receipt.checkpoint, root);
    if (checkpoint.size !== size) refuse('回执的树大小与检查点不符', "receipt tree size differs from the checkpoint's");
    if (!(await verifyInclusion(index, size, await leafHash(canonicalize(leaf)), path, checkpoint.rootHash))) {
      refuse('包含证明与签名检查点不符', 'inclusion proof does not match the signed checkpoint');
    }
    if (published > checkpoint.issued) refuse('发布时间晚于检查点时间', 'publication time is later than the checkpoint');
    return { published, index, treeSize: size, checkpoint };
  }

  /* ---------------------------------------------------------------------------------------------
   * The signed status (revocation) list (signing/statuslist.py), signed by the status role. It is
   * fresh while the time asked about is before ``expires``; validity at most 31 days.
   * ------------------------------------------------------------------------------------------- */

  const MAX_VALIDITY = 31 * 86400;

  /** statuslist._parse_snapshot: the trust documents the list names as current (TUF snapshot). */
  function parseSnapshot(raw) {
    const parts = [['root', 'version', 'sha256'], ['authorizations', 'version', 'sha256'], ['checkpoint', 'size', 'rootHash']];
    if (!exactly(raw, parts.map((p) => p[0]))) {
      refuse('状态列表缺少 snapshot（root、authorizations、checkpoint）：这是旧格式的列表，请取得当前列表',
        'status list lacks its snapshot (root, authorizations, checkpoint): an old-format list; get the current one');
    }
    const snapshot = {};
    for (const [name, count, digest] of parts) {
      const part = raw[name];
      const where = `status snapshot.${name}`;
      if (!exactly(part, [count, digest])) refuse(`${where} 必须恰好含 ${count}、${digest}`, `${where} must have exactly ${count} and ${digest}`);
      const number = field(part, count, 'integer', where);
      if (number < (count === 'size' ? 0 : 1)) refuse(`${where}.${count} 超出范围`, `${where}.${count} is out of range`);
      const hex = field(part, digest, 'string', where);
      if (!HEX32.test(hex)) refuse(`${where} 的 sha256 必须是 64 位小写十六进制`, `${where}: sha256 must be 64 lower-case hex digits`);
      snapshot[name] = [number, hex];
    }
    return snapshot;
  }

  /** verify_trust.snapshot_problems: [id, zh, en] for each document older than, or not, the one named. */
  function snapshotProblems(status, held) {
    const snap = status.snapshot;
    const whereZh = `状态列表 v${status.version}（来自证书文件）`, whereEn = `status list v${status.version} (from the certificate file)`;
    const problems = [];
    for (const [name, nameZh, version, digest] of [['root', 'root', held.rootVersion, held.rootSha256],
      ['authorizations', '机构授权文件', held.authorizationsVersion, held.authorizationsSha256]]) {
      if (version === null || version === undefined) continue;
      const [named, namedDigest] = snap[name];
      if (version < named) {
        problems.push([`status.snapshot-${name}-older`,
          `所用的${nameZh} v${version} 比${whereZh}指明的 v${named} 旧：旧信任文件与新列表混用（可能借旧文件回避撤销或密钥泄露标记）`,
          `the ${name} document used (v${version}) is older than v${named} named by ${whereEn}: old trust `
          + 'documents mixed with a newer list (which could hide a revocation or a key-compromise mark)']);
      } else if (version === named && digest !== namedDigest) {
        problems.push([`status.snapshot-${name}-differs`, `所用的${nameZh} v${version} 与${whereZh}指明的不是同一份文件`,
          `the ${name} document v${version} used is not the one ${whereEn} names`]);
      }
    }
    if (held.checkpointSize !== null && held.checkpointSize !== undefined && held.checkpointSize === snap.checkpoint[0]
        && held.checkpointRootHash !== snap.checkpoint[1]) {
      problems.push(['status.snapshot-checkpoint-differs',
        `发布回执的检查点（大小 ${held.checkpointSize}）与${whereZh}指明的不同：日志分叉`,
        `the receipt's checkpoint (size ${held.checkpointSize}) differs from the one ${whereEn} names: a forked log`]);
    }
    return problems;
  }

  function parseStatusList(signed) {
    if (!isObject(signed) || get(signed, '_type') !== 'status') refuse('不是撤销状态列表', 'not a status list');
    const status = {
      version: field(signed, 'version', 'integer', 'status'),
      issued: parseTimestamp(field(signed, 'issued', 'string', 'status')),
      expires: parseTimestamp(field(signed, 'expires', 'string', 'status')),
      registryVersion: field(signed, 'registryVersion', 'string', 'status'),
      entries: field(signed, 'entries', 'array', 'status').map((raw) => {
        const revoked = get(raw, 'revoked');
        return { id: field(raw, 'id', 'string', 'status entry'), reason: field(raw, 'reason', 'string', 'status entry'),
          revoked: revoked === null ? null : parseTimestamp(revoked) };
      }),
      snapshot: parseSnapshot(get(signed, 'snapshot')),
      registry: get(signed, 'registry') === null ? null : field(signed, 'registry', 'string', 'status'),
      site: get(signed, 'site') === null ? null : field(signed, 'site', 'string', 'status'),
    };
    if (status.site !== null && !(/^https?:\/\//.test(status.site) && status.site.endsWith('/'))) {
      refuse('状态列表的 site 必须是以 / 结尾的 http(s) 地址', 'status list: site must be an http(s) URL ending in /');
    }
    if (!(status.issued < status.expires && status.expires <= status.issued + MAX_VALIDITY)) {
      refuse('状态列表的有效期必须为正且不超过 31 天', 'status list validity must be positive and at most 31 days');
    }
    if (new Set(status.entries.map((e) => e.id)).size !== status.entries.length) refuse('状态列表中有重复条目', 'status list has a duplicate entry');
    return status;
  }

  /** verify_status_list: signatures, registry, then freshness last (a stale list is still read). */
  async function verifyStatusList(envelope, root, at) {
    const status = parseStatusList(field(envelope, 'signed', 'object', 'status'));
    await verifyThreshold(envelope, ...root.roleKeys('status'), 'status');
    if (root.registry !== null && status.registry !== root.registry) {
      refuse(`状态列表属于另一登记库：${pyStr(status.registry)}（应为 ${root.registry}）`,
        `status list belongs to another registry: ${pyStr(status.registry)} (expected ${root.registry})`);
    }
    const stale = at >= status.expires ? [`状态列表 v${status.version} 已过期（${formatTimestamp(status.expires)}）`,
      `status list v${status.version} has expired (${formatTimestamp(status.expires)})`] : null;
    return { status, fresh: stale === null, stale };
  }

  const revocationOf = (status, id, at) => status.entries.find((e) => e.id === id && (e.revoked === null || e.revoked <= at)) || null;

  /* ---------------------------------------------------------------------------------------------
   * eddsa-jcs-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3; signing/eddsa_jcs_2022.py).
   * ------------------------------------------------------------------------------------------- */

  const PROOF_TYPE = 'DataIntegrityProof';
  const CRYPTOSUITE = 'eddsa-jcs-2022';
  const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  function checkSuite(options) {
    if (get(options, 'type') !== PROOF_TYPE || get(options, 'cryptosuite') !== CRYPTOSUITE) {
      refuse(`证明类型必须是 ${PROOF_TYPE}，密码套件必须是 ${CRYPTOSUITE}`, `proof type must be ${PROOF_TYPE} and cryptosuite ${CRYPTOSUITE}`);
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
    if (!isObject(proof)) return { verified: false, reasons: [['文档必须恰好含有一个证明对象', 'document must carry exactly one proof object']] };
    try {
      for (const name of ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose', 'proofValue']) {
        if (!isString(get(proof, name))) refuse(`证明缺少字符串字段 ${name}`, `proof lacks string field ${name}`);
      }
      checkSuite(proof);
      if (proof.proofPurpose !== 'assertionMethod') refuse('证明目的必须是 assertionMethod', 'proof purpose must be assertionMethod');
      if (has(proof, 'created') && !(isString(proof.created) && DATE_TIME_STAMP.test(proof.created))) {
        refuse('created 不是有效的日期时间', 'created is not a valid dateTimeStamp');
      }
      const proofBytes = multibaseDecode(proof.proofValue);
      if (proofBytes.length !== 64) refuse('签名必须是 64 字节', 'signature must be 64 bytes');
      // 1. unsecuredDocument = the document without proof; proofOptions = the proof without proofValue
      const unsecured = withoutKey(secured, 'proof');
      const proofOptions = withoutKey(proof, 'proofValue');
      // 4.1 (and ours): the proof's @context must equal the document's, then replaces it
      if (has(proofOptions, '@context')) {
        if (!deepEqual(get(secured, '@context'), proofOptions['@context'])) {
          refuse('证明的 @context 与文档的 @context 不一致', "proof @context does not match the document's @context");
        }
        unsecured['@context'] = proofOptions['@context'];
      } else if (has(secured, '@context')) {
        refuse('证明缺少 @context', 'proof lacks @context');
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
        return { verified: false, reasons: [['签名无效', 'signature invalid']] };
      }
      return { verified: true, reasons: [], method, publicKey: method.publicKey, created: get(proof, 'created') };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { verified: false, reasons: [[error.zh, error.en]] };
    }
  }

  /* ---------------------------------------------------------------------------------------------
   * The steps, in the CLI's order (signing/verify_steps.py), and the verdict.
   * ------------------------------------------------------------------------------------------- */

  class Run {
    constructor(at) {
      this.at = at;
      this.steps = [];
      this.facts = { statusAsOf: formatTimestamp(at), revocation: 'unknown' };
      this.held = null; // the trust documents used, for the status list's snapshot
    }

    /** A step; its message id is ``<step>.<what>``, by default ``<step>.<outcome>`` (Step.message_id). */
    add(name, outcome, zh, en, id) { this.steps.push({ name, outcome, zh, en, id: id || `${name}.${outcome}` }); }

    ok(name, zh, en, id) { this.add(name, 'passed', zh, en, id); }

    warn(name, zh, en, id) { this.add(name, 'warning', zh, en, id); }

    fail(name, zh, en, id) { this.add(name, 'failed', zh, en, id); }

    get last() { return this.steps[this.steps.length - 1]; }

    verdict(unreadable = false) {
      const done = new Set(this.steps.map((s) => s.name));
      const blocker = (this.steps.find((s) => s.outcome !== 'passed') || { name: 'root' }).name;
      for (const name of STEP_NAMES) {
        if (!done.has(name)) {
          this.add(name, 'skipped', `未检查：需要先通过“${blocker}”`, `not checked: needs step '${blocker}'`);
        }
      }
      const valid = this.steps.every((s) => s.outcome === 'passed');
      const genuine = !unreadable && this.steps.every((s) => s.outcome === 'passed' || s.outcome === 'warning');
      const unlogged = this.steps.some((s) => s.name === 'publication' && s.outcome === 'warning');
      const outcome = unreadable ? 'input-error' : valid ? 'valid' : genuine ? (unlogged ? 'unlogged' : 'revocation-unknown')
        : this.facts.revocation === 'revoked' ? 'revoked' : 'invalid';
      const exitCode = unreadable ? 66 : valid ? 0 : genuine ? 2 : 1;
      return { valid, genuine, outcome, exitCode, unreadable, steps: this.steps, ...this.facts };
    }
  }

  const joinReasons = (reasons) => [reasons.map((r) => r[0]).join('；'), reasons.map((r) => r[1]).join('; ')];

  function stepJson(run, bytes) {
    try {
      const document = strictJson(bytes);
      run.ok('json', '严格 JSON 解析通过', 'strict JSON parse passed');
      return document;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      run.fail('json', error.zh, error.en, error.kind === 'nested' ? 'json.nested' : '');
      return error.kind === 'unreadable' ? undefined : null;
    }
  }

  function stepBundle(run, document) {
    const [bundle, reasons] = parseBundle(document);
    if (bundle === null) run.fail('bundle', ...joinReasons(reasons));
    else run.ok('bundle', '证书文件结构正确', 'certificate file structure is right');
    return bundle;
  }

  function stepShape(run, credential) {
    const problems = checkShape(credential);
    if (!isObject(get(credential, 'proof'))) { run.fail('shape', '凭证没有证明', 'credential has no proof'); return null; }
    if (problems.length) {
      run.fail('shape', problems.map((p) => `${p.path} ${p.zh}`).join('；'), problems.map((p) => `${p.path} ${p.en}`).join('; '));
      return null;
    }
    const kind = credentialKind(credential);
    Object.assign(run.facts, { kind, credentialId: credential.id });
    run.ok('shape', `凭证格式正确（${kind === 'certificate' ? '证书' : '声明'}）`, `credential shape is right (${kind})`);
    return kind;
  }

  async function stepRoot(run, bundle, anchor) {
    try {
      if (anchor.error) refuse(`${anchor.label}：${anchor.error[0]}`, `${anchor.label}: ${anchor.error[1]}`);
      const [root, print, newestPrint] = await walkRoots(anchor, bundle.rootChain, run.at);
      Object.assign(run.facts, { rootFingerprint: print, rootVersion: root.version, registry: root.registry });
      run.held = { rootVersion: root.version, rootSha256: newestPrint };
      run.ok('root', `从固定的 root（${anchor.sourceZh}）验证到 v${root.version}`,
        `root chain verified from the pinned root (${anchor.sourceEn}) to v${root.version}`);
      return root;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      run.fail('root', error.zh, error.en);
      return null;
    }
  }

  async function stepAuthorizations(run, bundle, root) {
    try {
      const document = await chooseAuthorizations(bundle.authorizations, root, run.at);
      if (run.held !== null) Object.assign(run.held, { authorizationsVersion: document.version, authorizationsSha256: document.sha256 });
      run.ok('authorizations', `机构授权文件 v${document.version}（来自证书文件）由 root 签署且未过期`,
        `authorization document v${document.version} (from the certificate file) is signed under the root and not expired`);
      return document;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      run.fail('authorizations', error.zh, error.en);
      return null;
    }
  }

  async function stepProof(run, credential) {
    const result = await verifyProof(credential);
    if (!result.verified) { run.fail('proof', ...joinReasons(result.reasons)); return null; }
    if (result.method.did !== credential.issuer.id) {
      run.fail('proof', '签名密钥不是签发者 issuer.id 的密钥', "the signing key is not the issuer's (issuer.id)", 'proof.issuer-binding');
      return null;
    }
    if (result.created === null) { run.fail('proof', '证明缺少 created', 'proof lacks created'); return null; }
    try {
      parseTimestamp(result.created);
    } catch (error) {
      run.fail('proof', error.zh, error.en);
      return null;
    }
    run.facts.keyFingerprint = toHex(await sha256(result.publicKey));
    run.ok('proof', 'eddsa-jcs-2022 签名有效', 'eddsa-jcs-2022 signature is valid');
    return result.created;
  }

  async function stepPublication(run, bundle, root, created) {
    const createdAt = parseTimestamp(created);
    if (parseTimestamp(bundle.credential.validFrom) > run.at || createdAt > run.at) {
      run.fail('publication', '在所查询的时间点凭证尚未生效或尚未签署', 'credential not yet valid or not yet signed at the time asked about');
      return null;
    }
    if (bundle.publication === null) {
      Object.assign(run.facts, { trustedTime: created, timeSource: TIME_UNTRUSTED });
      run.warn('publication', `未记入公开日志：没有可信时间，只有签名者自称的时间 ${created}（可被倒签）；`
        + '不能确认为有效（请向登记平台核实是否已发布）',
      `not in the public log: no trusted time, only the signer's own claim ${created} (which can be backdated); `
        + 'it cannot be confirmed as valid (ask the registry whether it was published)', 'publication.unlogged');
      return [createdAt, false];
    }
    let publication;
    try {
      publication = await verifyReceipt(bundle.publication, bundle.credential, root);
      if (createdAt > publication.published) refuse('proof.created 晚于发布时间', 'proof.created is later than the publication time');
      if (publication.published > run.at) refuse('在所查询的时间点尚未发布', 'not yet published at the time asked about');
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      run.fail('publication', error.zh, error.en);
      return null;
    }
    const published = formatTimestamp(publication.published);
    Object.assign(run.facts, { trustedTime: published, timeSource: TIME_FROM_LOG });
    if (run.held !== null) {
      const head = bundle.publication.checkpoint.signed;
      Object.assign(run.held, { checkpointSize: head.size, checkpointRootHash: head.rootHash });
    }
    run.ok('publication', `已记入公开日志（第 ${publication.index} 条，树大小 ${publication.treeSize}），可信发布时间 ${published}`,
      `logged publicly (entry ${publication.index} of a tree of ${publication.treeSize}); trusted publication time ${published}`);
    return [publication.published, true];
  }

  function stepIssuer(run, credential, kind, document, when, trusted) {
    const method = credential.proof.verificationMethod;
    let verdict, reasons, names;
    if (kind === 'certificate') {
      verdict = authorizationAt(document, method, when, trusted, false);
      const named = credential.credentialSubject.agency;
      reasons = verdict.agency !== null && verdict.agency.id !== named.id
        ? [['密钥属于另一家机构', `the key belongs to another agency (${verdict.agency.id})`]] : verdict.reasons;
      names = [named.name, credential.issuer.name];
    } else {
      verdict = authorizationAt(document, method, when, trusted, true);
      reasons = verdict.reasons;
      names = [credential.issuer.name];
    }
    const agency = verdict.agency;
    if (agency !== null && names.some((n) => !deepEqual(n, { zh: agency.nameZh, en: agency.nameEn }))) {
      reasons = [...reasons, ['凭证中的名称与授权文件不符', 'names in the credential differ from the authorization document']];
    }
    if (agency !== null) Object.assign(run.facts, { issuerId: agency.id, issuerNameZh: agency.nameZh, issuerNameEn: agency.nameEn });
    const whenZh = `${formatTimestamp(when)}（${trusted ? '可信' : '不可信'}）`;
    const whenEn = `${formatTimestamp(when)} (${trusted ? 'trusted' : 'untrusted'})`;
    if (reasons.length) {
      const [zh, en] = joinReasons(reasons);
      run.fail('issuer', `签发者在 ${whenZh} 未获授权：${zh}`, `issuer not authorized at ${whenEn}: ${en}`);
      return;
    }
    const whoZh = kind === 'declaration' ? `平台 ${agency.nameZh}` : `机构 ${agency.nameZh}（${agency.id}）`;
    const whoEn = kind === 'declaration' ? `the platform ${agency.nameEn}` : `agency ${agency.nameEn} (${agency.id})`;
    run.ok('issuer', `签名密钥在 ${whenZh} 属于获授权的${whoZh}`, `signing key belonged to ${whoEn}, authorized at ${whenEn}`);
  }

  /** verify_steps._published_at: where the current list is (the status list's ``site``). */
  function publishedAt(status) {
    if (status !== null && status.site) {
      const url = `${status.site}trust/status.json`;
      return [`最新的列表发布在 ${url}（或从证书页面下载最新的证书包）`,
        `the current list is published at ${url} (or download the current bundle from the certificate page)`];
    }
    return ['请从登记平台网站的 trust/status.json 下载最新的列表', "download the current list from the registry site's trust/status.json"];
  }

  async function stepStatus(run, bundle, root) {
    if (bundle.status === null) {
      run.facts.statusFresh = false;
      const [zh, en] = publishedAt(null);
      run.warn('status', `没有状态列表：无法确认是否已被撤销；${zh}`, `no status list: cannot confirm the credential is not revoked; ${en}`,
        'status.missing');
      return null;
    }
    let chosen;
    try {
      chosen = await verifyStatusList(bundle.status, root, run.at);
    } catch (error) {
      const failure = fromBundle(error);
      run.fail('status', failure.zh, failure.en);
      return null;
    }
    const { status } = chosen;
    const problems = run.held === null ? [] : snapshotProblems(status, run.held);
    if (problems.length) {
      const [zh, en] = joinReasons(problems.map((p) => [p[1], p[2]]));
      run.fail('status', zh, en, problems[0][0]);
      return null;
    }
    Object.assign(run.facts, { statusFresh: chosen.fresh, statusVersion: status.version, statusExpires: formatTimestamp(status.expires),
      statusSite: status.site });
    if (!chosen.fresh) {
      const [zh, en] = publishedAt(status);
      run.warn('status', `无法确认未被撤销：${chosen.stale[0]}（来自证书文件）；${zh}`,
        `cannot confirm not revoked: ${chosen.stale[1]} (from the certificate file); ${en}`, 'status.stale');
      return status;
    }
    const asOf = formatTimestamp(run.at);
    run.ok('status', `状态列表 v${status.version}（来自证书文件）已签名且在 ${asOf} 有效`,
      `status list v${status.version} (from the certificate file) is signed and fresh at ${asOf}`);
    return status;
  }

  function stepRevocation(run, status, credentialId) {
    const asOf = formatTimestamp(run.at);
    const entry = status === null ? null : revocationOf(status, credentialId, run.at);
    if (entry !== null) {
      Object.assign(run.facts, { revocation: 'revoked', revocationReason: entry.reason });
      run.fail('revocation', `截至 ${asOf} 已被撤销：${entry.reason}`, `revoked as of ${asOf}: ${entry.reason}`);
      return;
    }
    if (status === null || !run.facts.statusFresh) {
      run.facts.revocation = 'unknown';
      run.warn('revocation', `截至 ${asOf} 是否被撤销未知：没有有效期内的签名状态列表`, `revocation as of ${asOf} UNKNOWN: no current signed status list`);
      return;
    }
    run.facts.revocation = 'not-revoked';
    run.ok('revocation', `截至 ${asOf} 未被撤销（状态列表 v${status.version}）`, `not revoked as of ${asOf} (status list v${status.version})`);
  }

  /**
   * Verify the bytes of a bundle as of ``at`` (seconds since the epoch), trusting ``anchor``:
   * {label, content | error, sourceZh, sourceEn}, the pinned root. Returns the verdict.
   */
  async function verifyBundle(bytes, anchor, at) {
    const run = new Run(at);
    const document = stepJson(run, bytes);
    if (document === undefined) return run.verdict(true);
    const bundle = document === null ? null : stepBundle(run, document);
    const kind = bundle === null ? null : stepShape(run, bundle.credential);
    if (bundle === null || kind === null) return run.verdict();
    const root = await stepRoot(run, bundle, anchor);
    if (root === null) return run.verdict();
    const authorizations = await stepAuthorizations(run, bundle, root);
    const created = await stepProof(run, bundle.credential);
    if (created !== null) {
      run.facts.subject = bundle.credential.credentialSubject;
      const timing = await stepPublication(run, bundle, root, created);
      if (timing !== null && authorizations !== null) stepIssuer(run, bundle.credential, kind, authorizations, ...timing);
    }
    const status = await stepStatus(run, bundle, root);
    if (run.last.outcome === 'passed' || run.last.outcome === 'warning') stepRevocation(run, status, bundle.credential.id);
    return run.verdict();
  }

  /* ---------------------------------------------------------------------------------------------
   * The certificate PDF (signing/pdfbundle.py): the bundle is the PDF's one embedded file
   * (/Type /EmbeddedFile stream, no filter or one FlateDecode). Anything else is an input error,
   * as in the command line; the bundle read is then verified exactly as the JSON file.
   * ------------------------------------------------------------------------------------------- */

  const PDF_MAGIC = '%PDF-';
  const MAX_PDF_BYTES = 20000000;
  const isPdf = (bytes) => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === PDF_MAGIC;

  function pdfInputError(detail) {
    return new Refusal(`无法读取这个 PDF（${detail[0]}）；请重新下载证书 PDF`,
      `this PDF cannot be read (${detail[1]}); download the certificate PDF again`, 'unreadable');
  }

  async function inflate(data) {
    if (typeof DecompressionStream === 'undefined') throw pdfInputError(['浏览器不支持解压', 'this browser cannot inflate']);
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate'));
    const reader = stream.getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_BYTES) { reader.cancel(); throw pdfInputError(['嵌入文件过大', 'the embedded file is too large']); }
      parts.push(value);
    }
    return concat(...parts);
  }

  /** The bytes of the bundle embedded in a certificate PDF; a Refusal of kind 'unreadable' otherwise. */
  async function bundleFromPdf(bytes) {
    if (bytes.length > MAX_PDF_BYTES) throw pdfInputError(['文件过大', 'too large']);
    const text = new TextDecoder('latin1').decode(bytes); // one character per byte: offsets are byte offsets
    const marks = [...text.matchAll(/\/Type\s*\/EmbeddedFile\b/g)];
    if (marks.length === 0) throw pdfInputError(['其中没有嵌入的证书文件', 'it embeds no certificate file']);
    if (marks.length > 1) throw pdfInputError(['其中嵌入了多个文件', 'it embeds more than one file']);
    const start = text.lastIndexOf(' obj', marks[0].index);
    const streamAt = text.indexOf('stream', marks[0].index);
    if (start < 0 || streamAt < 0) throw pdfInputError(['嵌入文件的结构异常', 'the embedded file is malformed']);
    const dictionary = text.slice(start, streamAt);
    const filter = /\/Filter\s*(\[?\s*(\/\w+)\s*\]?)/.exec(dictionary);
    if (filter && filter[2] !== '/FlateDecode') throw pdfInputError(['嵌入文件的编码不受支持', 'the embedded file uses an unsupported encoding']);
    const lengthMatch = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dictionary);
    if (!lengthMatch) throw pdfInputError(['嵌入文件缺少长度', 'the embedded file has no length']);
    let length = Number(lengthMatch[1]);
    if (lengthMatch[2] !== undefined) {
      const target = new RegExp(`(?:^|[\\r\\n\\s])${lengthMatch[1]}\\s+${lengthMatch[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(text);
      if (!target) throw pdfInputError(['嵌入文件的长度无法读取', 'the embedded file length cannot be read']);
      length = Number(target[1]);
    }
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart += 1;
    if (text[dataStart] === '\n') dataStart += 1;
    if (!(length >= 0 && dataStart + length <= bytes.length) || length > MAX_PDF_BYTES) {
      throw pdfInputError(['嵌入文件的长度与文件不符', 'the embedded file length does not fit the file']);
    }
    const data = bytes.subarray(dataStart, dataStart + length);
    if (!filter) {
      if (data.length > MAX_BYTES) throw pdfInputError(['嵌入文件过大', 'the embedded file is too large']);
      return data;
    }
    try {
      return await inflate(data);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw pdfInputError(['嵌入文件无法解压', 'the embedded file cannot be inflated']);
    }
  }

  /** What the person gave (a bundle's bytes, or a certificate PDF): the verdict, as ``verify`` gives it. */
  async function verifyInput(bytes, anchor, at) {
    if (!isPdf(bytes)) return verifyBundle(bytes, anchor, at);
    let bundle;
    try {
      bundle = await bundleFromPdf(bytes);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const run = new Run(at);
      run.fail('json', error.zh, error.en, 'input.unusable');
      return run.verdict(true);
    }
    return verifyBundle(bundle, anchor, at);
  }

  /* ---------------------------------------------------------------------------------------------
   * The page: pick or drop a file, optional "as of" time, steps with ✓ ✗ ⚠ and the verdict.
   * ------------------------------------------------------------------------------------------- */

  const form = document.getElementById('verify-form');
  if (!form) {
    window.carbonregVerify = { verifyBundle, verifyInput, bundleFromPdf, strictJson, jcsText, base58Decode, weakKeyReason, verifyInclusion };
    return;
  }
  const lang = form.dataset.lang === 'en' ? 'en' : 'zh';
  const other = lang === 'en' ? 'zh' : 'en';
  const htmlLang = { zh: 'zh-Hans', en: 'en' };
  const labels = JSON.parse(form.dataset.labels);
  const say = (key) => labels[key] || key;
  const fileInput = document.getElementById('verify-file');
  const atInput = document.getElementById('verify-at');
  const dropZone = document.getElementById('verify-drop');
  const result = document.getElementById('verify-result');
  let latest = 0;
  let lastFile = null;

  /** The pinned root: this site's trust/N.root.json (its first root, normally 1), or the copy
   * embedded in the page when it cannot be fetched (a page opened from file://). */
  async function pinnedRoot() {
    const url = form.dataset.rootUrl;
    const label = form.dataset.rootFile || 'trust/1.root.json';
    try {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return readAnchor(bytes, label, `本网站的 ${label}`, `this site's ${label}`);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      const embedded = form.dataset.pinnedRoot;
      if (embedded) return readAnchor(utf8(embedded), label, `本页内嵌的 ${label} 副本`, `the copy of ${label} embedded in this page`);
      return { label, error: [`无法读取本网站的 ${label}`, `cannot read this site's ${label}`], sourceZh: label, sourceEn: label };
    }
  }

  function readAnchor(bytes, label, sourceZh, sourceEn) {
    try {
      return { label, content: strictJson(bytes), sourceZh, sourceEn };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { label, error: [error.zh, error.en], sourceZh, sourceEn };
    }
  }

  /** The time to verify as of: the "as of" input (UTC) or the browser's clock, whole seconds. */
  function chosenTime() {
    const text = atInput.value.trim();
    if (!text) return Math.floor(Date.now() / 1000);
    const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?Z?$/i.exec(text);
    if (!match) return null;
    try {
      return parseTimestamp(`${match[1]}T${match[2] || '00:00'}${match[3] || ':00'}Z`);
    } catch (error) {
      return null;
    }
  }

  function element(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  /** Text in the page's language, followed by the other language (smaller, with its lang). */
  function bilingual(zh, en) {
    const texts = { zh, en };
    return element('span', {}, element('span', { lang: htmlLang[lang] }, texts[lang]), ' ',
      element('span', { class: 'other-lang muted', lang: htmlLang[other] }, texts[other]));
  }

  const MARKS = { passed: '✓', failed: '✗', warning: '⚠', skipped: '–' };

  /**
   * The one plain sentence the result leads with, in the page's language: what the verdict means
   * for the reader and, when it is not "valid", what to do.
   */
  function plainSentence(verdict) {
    const zh = lang === 'zh';
    const failed = verdict.steps.filter((s) => s.outcome === 'failed');
    const first = failed.length ? failed[0] : null;
    const asOf = verdict.statusAsOf;
    const number = verdict.subject ? (verdict.subject.certificateNumber || verdict.subject.declarationId) : null;
    const what = number ? (zh ? `${number} ` : `${number} `) : '';
    switch (verdict.outcome) {
      case 'valid':
        return zh ? `${what}有效：由获授权的${verdict.kind === 'declaration' ? '平台' : '机构'}签署，签署后未被改动，截至 ${asOf} 未被撤销。`
          : `${what}is valid: signed by an authorized ${verdict.kind === 'declaration' ? 'platform' : 'agency'}, unchanged since signing, and not revoked as of ${asOf}.`;
      case 'revoked':
        return zh ? `${what}已被撤销：${verdict.revocationReason}。撤销公告见下方链接。`
          : `${what}has been revoked: ${verdict.revocationReason}. See the revocation notices linked below.`;
      case 'revocation-unknown':
        return zh ? `${what}签名真实，但无法确认截至 ${asOf} 是否已被撤销：请从证书页面下载最新的证书文件后再核验。`
          : `${what}is genuine, but whether it was revoked as of ${asOf} is unknown: download the current certificate file from its page and verify again.`;
      case 'unlogged':
        return zh ? `${what}签名真实，但从未记入公开日志，签署时间不可信：不能确认为有效，请向登记平台核实。`
          : `${what}has a genuine signature but was never logged publicly, so its signing time cannot be trusted: it cannot be confirmed as valid; ask the registry.`;
      case 'input-error':
        return zh ? '这不是证书文件（不是 JSON，或无法读取）：请选择证书页面上下载的 certificate.json 或 declaration.json。'
          : 'This is not a certificate file (not JSON, or unreadable): choose the certificate.json or declaration.json downloaded from a certificate page.';
      default:
        break;
    }
    if (first && first.name === 'issuer') {
      return zh ? `无效：签署者在签署时不是获授权的机构（${first.zh}）。` : `Invalid: it was signed by an agency that was not authorized at the time (${first.en}).`;
    }
    if (first && first.name === 'proof' && first.id === 'proof.failed') {
      return zh ? `无效：证书在签署后被改动过，签名与内容不再相符（${first.zh}）。`
        : `Invalid: it was changed after signing; the signature no longer matches its content (${first.en}).`;
    }
    return first ? (zh ? `无效：${first.zh}` : `Invalid: ${first.en}`) : (zh ? '无效。' : 'Invalid.');
  }

  function showVerdict(verdict, fileName) {
    result.replaceChildren();
    const headline = { valid: 'verify_valid', 'revocation-unknown': 'verify_unknown', unlogged: 'verify_unlogged', revoked: 'verify_revoked',
      invalid: 'verify_invalid', 'input-error': 'verify_input_error' }[verdict.outcome];
    const box = element('div', { class: `verdict verdict-${verdict.outcome}`, role: 'status' },
      element('p', { id: 'verify-sentence', lang: htmlLang[lang] }, plainSentence(verdict)),
      element('strong', { id: 'verify-verdict' }, say(headline)));
    if (verdict.outcome === 'revoked') {
      box.append(element('p', { id: 'verify-revocation-reason' }, `${say('reason')}: ${verdict.revocationReason}`));
      box.append(element('p', {}, element('a', { id: 'verify-notices', href: `${form.dataset.siteRoot || ''}revocations/` }, say('verify_notices'))));
    }
    result.append(element('h2', {}, `${say('verify_result')} · ${fileName}`), box);
    const facts = element('dl', { class: 'facts' });
    const fact = (key, value) => { if (value !== null && value !== undefined) facts.append(element('dt', {}, say(key)), element('dd', {}, String(value))); };
    fact('verify_as_of_used', verdict.statusAsOf);
    fact('verify_kind', verdict.kind ? say(verdict.kind) : null);
    fact('verify_credential_id', verdict.credentialId);
    if (verdict.subject && verdict.subject.event) {
      fact('verify_event', lang === 'zh' ? verdict.subject.event.name.zh : verdict.subject.event.name.en);
      fact('verify_scope', verdict.subject.scope);
      fact('verify_emissions', `${verdict.subject.emissions.total} tCO2e`);
    }
    fact('issuer', verdict.issuerId ? `${lang === 'zh' ? verdict.issuerNameZh : verdict.issuerNameEn} (${verdict.issuerId})` : null);
    fact('key_fingerprint', verdict.keyFingerprint);
    fact('verify_trusted_time', verdict.trustedTime ? `${verdict.trustedTime} (${verdict.timeSource})` : null);
    fact('verify_root', verdict.rootFingerprint ? `v${verdict.rootVersion} · ${verdict.rootFingerprint}` : null);
    fact('verify_status_list', verdict.statusVersion ? `v${verdict.statusVersion}, ${say('verify_expires')} ${verdict.statusExpires}` : null);
    result.append(facts);
    const list = element('ol', { id: 'verify-steps', class: 'verify-steps' });
    const order = (s) => STEP_NAMES.indexOf(s.name);
    for (const step of [...verdict.steps].sort((a, b) => order(a) - order(b))) {
      list.append(element('li', { class: `step step-${step.outcome}`, 'data-step': step.name, 'data-outcome': step.outcome,
        'data-message-id': step.id },
        element('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[step.outcome]), ' ',
        element('code', {}, step.name), ' ', element('span', { class: 'visually-hidden' }, `(${say(`verify_${step.outcome}`)})`), ' ',
        bilingual(step.zh, step.en)));
    }
    result.append(element('h3', {}, say('verify_steps')), list);
    result.dataset.outcome = verdict.outcome;
    result.dataset.exitCode = String(verdict.exitCode);
    const failed = verdict.steps.filter((s) => s.outcome === 'failed').map((s) => s.name);
    result.dataset.failed = failed.join(' ');
  }

  function showMessage(key) {
    result.replaceChildren(element('p', { class: 'alert', role: 'alert' }, say(key)));
    result.dataset.outcome = 'error';
  }

  /** Verify ``file``; only the newest run writes its result. */
  async function check(file) {
    latest += 1;
    const run = latest;
    lastFile = file;
    result.hidden = false;
    result.dataset.state = 'running';
    result.dataset.file = file.name;
    delete result.dataset.outcome;
    result.replaceChildren(element('p', {}, say('verify_running')));
    try {
      const at = chosenTime();
      if (at === null) {
        showMessage('verify_bad_time');
      } else {
        const [bytes, anchor] = await Promise.all([file.arrayBuffer().then((b) => new Uint8Array(b)), pinnedRoot()]);
        const verdict = await verifyInput(bytes, anchor, at);
        if (run !== latest) return;
        showVerdict(verdict, file.name);
      }
    } catch (error) {
      if (run !== latest) return;
      showMessage('verify_internal_error');
      console.warn(error); // eslint-disable-line no-console
    }
    if (run === latest) {
      result.dataset.run = String(run);
      result.dataset.state = 'done';
    }
  }

  fileInput.addEventListener('change', () => { if (fileInput.files.length) check(fileInput.files[0]); });
  const pasted = document.getElementById('verify-paste');
  const pasteButton = document.getElementById('verify-paste-go');
  if (pasted && pasteButton) {
    pasteButton.addEventListener('click', () => {
      if (pasted.value.trim()) check(new File([pasted.value], say('verify_pasted_name'), { type: 'application/json' }));
    });
  }
  atInput.addEventListener('change', () => { if (lastFile) check(lastFile); });
  for (const name of ['dragenter', 'dragover']) {
    dropZone.addEventListener(name, (event) => { event.preventDefault(); dropZone.classList.add('dragging'); });
  }
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    if (event.dataTransfer.files.length) check(event.dataTransfer.files[0]);
  });
  if (!(window.crypto && crypto.subtle)) showMessage('verify_no_webcrypto');
  window.carbonregVerify = { verifyBundle, verifyInput, bundleFromPdf, strictJson, jcsText, base58Decode, weakKeyReason, verifyInclusion };
}());
