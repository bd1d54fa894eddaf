/* The browser verifier, part 'strictjson': strict JSON (signing/strictjson.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { LIMITS, Refusal, isObject, isString, pyRepr, refuse, text: specText } = parts;

  /* ---------------------------------------------------------------------------------------------
   * Strict JSON (signing/strictjson.py): RFC 8259 grammar, and refuse what a lenient parser
   * accepts: a BOM, invalid UTF-8, more than 1,000,000 bytes, duplicate keys, NaN/Infinity,
   * numbers with a fraction or an exponent (quantities are decimal strings), integers beyond
   * ±(2^53 - 1), control characters in strings, and strings that are not in Unicode NFC.
   * ------------------------------------------------------------------------------------------- */

  const MAX_BYTES = LIMITS.jsonBytes; // signing/verifier.json
  const MAX_SAFE = 2n ** 53n - 1n;
  const MAX_DEPTH = LIMITS.jsonDepth;

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
      refuse(...specText('json.syntax-error', { line, column, what }), 'unreadable');
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
        if (this.text.startsWith(word, this.pos)) refuse(...specText('json.constant', { name: word }));
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
      if (this.depth > MAX_DEPTH) refuse(...specText('json.nested'), 'nested'); // a refusal (exit 1), as in Python
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
            refuse(...specText('json.duplicate-key', { key: pyRepr(key) }));
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
        refuse(...specText('json.float', { text: match[0] }));
      }
      const big = BigInt(match[0]);
      if (big > MAX_SAFE || big < -MAX_SAFE) {
        refuse(...specText('json.integer-range', { text: match[0] }));
      }
      return Number(big);
    }
  }

  function checkNfc(value, path) {
    if (isString(value)) {
      if (value.normalize('NFC') !== value) {
        refuse(...specText('json.string-is-not-in-nfc', { path: path || '/' }));
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

  /**
   * What Python's UTF-8 decoder says of the first bad sequence in ``bytes`` (str(UnicodeDecodeError),
   * CPython Objects/stringlib/codecs.h): the JSON-is-not-UTF-8 refusal prints it, in both verifiers.
   */
  function utf8Error(bytes) {
    const cont = (i) => i < bytes.length && bytes[i] >= 0x80 && bytes[i] <= 0xbf;
    const say = (start, end, reason) => (end - start === 1
      ? `'utf-8' codec can't decode byte 0x${bytes[start].toString(16).padStart(2, '0')} in position ${start}: ${reason}`
      : `'utf-8' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`);
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      const n = b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;
      if (n === 0) return say(i, i + 1, 'invalid start byte');
      if (n === 1) { i += 1; continue; }
      // the second byte's narrower ranges: E0 A0-BF, ED 80-9F, F0 90-BF, F4 80-8F
      const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80, high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      for (let k = 1; k < n; k += 1) {
        if (i + k >= bytes.length) return say(i, bytes.length, 'unexpected end of data');
        const ok = k === 1 ? bytes[i + 1] >= low && bytes[i + 1] <= high : cont(i + k);
        if (!ok) return say(i, i + k, 'invalid continuation byte');
      }
      i += n;
    }
    return '';
  }

  /** Parse untrusted bytes strictly (strictjson.loads); raises a Refusal. */
  function strictJson(bytes) {
    if (bytes.length > MAX_BYTES) {
      refuse(...specText('json.too-large', { limit: MAX_BYTES }), 'unreadable');
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      refuse(...specText('json.bom'), 'unreadable');
    }
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (error) {
      refuse(...specText('json.not-utf-8', { error: utf8Error(bytes) }), 'unreadable');
    }
    const value = new StrictJsonParser(text).document();
    checkNfc(value, '');
    return value;
  }


  Object.assign(parts, { MAX_BYTES, MAX_SAFE, MAX_DEPTH, StrictJsonParser, checkNfc, utf8Error, strictJson });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
