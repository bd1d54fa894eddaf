/* The browser verifier, part 'credential_shape': the credential shape (signing/credential_shape.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { DID_KEY_PREFIX, Refusal, daysFromCivil, decimalAdd, decimalCompare, decimalValue, decodePublicKey,
    deepEqual, get, has, isObject, isString, parseTimestamp, pyRepr, pyStr, refuse, sha256, text: specText, validDate } = parts;

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
  const MAX_STRING = parts.LIMITS.stringLength; // signing/verifier.json
  // Python's str.strip() whitespace, so that "blank" means the same as in the CLI.
  const PY_BLANK = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

  class ShapeChecker {
    constructor() { this.problems = []; }

    add(path, zh, en) { this.problems.push({ path, zh, en }); }

    obj(value, path, required, optional = []) {
      if (!isObject(value)) { this.add(path, ...specText('shape.must-be-a-json-object')); return null; }
      for (const name of required) if (!has(value, name)) this.add(`${path}/${name}`, ...specText('shape.required-field-is-missing'));
      for (const name of Object.keys(value)) {
        if (!required.includes(name) && !optional.includes(name)) this.add(`${path}/${name}`, ...specText('shape.field-is-not-allowed'));
      }
      return value;
    }

    text(value, path, pattern) {
      if (!isString(value) || PY_BLANK.test(value)) { this.add(path, ...specText('shape.must-be-a-non-empty-string')); return null; }
      if ([...value].length > MAX_STRING) {
        this.add(path, ...specText('shape.string-is-longer-than', { limit: MAX_STRING }));
      }
      if (pattern && !pattern.test(value)) {
        this.add(path, ...specText('shape.does-not-match-the-expected-format', { value: pyRepr(value) }));
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
        this.add(path, ...specText('shape.quantity-must-be-a-decimal-string'));
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
      this.add(path, ...specText('shape.date-must-be-yyyy-mm-dd', { value: pyRepr(value) }));
      return null;
    }

    array(value, path, each) {
      if (!Array.isArray(value) || value.length === 0) { this.add(path, ...specText('shape.must-be-a-non-empty-array')); return []; }
      return value.map((item, i) => each(item, `${path}/${i}`));
    }
  }

  function walkNfc(value, path, check) {
    if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (key.normalize('NFC') !== key) check.add(`${path}/${key}`, ...specText('shape.key-is-not-in-unicode-nfc'));
        walkNfc(value[key], `${path}/${key}`, check);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walkNfc(item, `${path}/${i}`, check));
    } else if (isString(value) && value.normalize('NFC') !== value) {
      check.add(path, ...specText('shape.string-is-not-in-unicode-nfc'));
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
    if (start !== null && end !== null && end < start) check.add(`${path}/end`, ...specText('shape.end-date-is-before-the-start'));
    return eventId;
  }

  function shapeSerial(check, value, path) {
    const serial = check.obj(value, path, ['prefix', 'first', 'last']);
    if (serial === null) return;
    check.text(get(serial, 'prefix'), `${path}/prefix`);
    const first = check.text(get(serial, 'first'), `${path}/first`, SERIAL);
    const last = check.text(get(serial, 'last'), `${path}/last`, SERIAL);
    if (first && last && BigInt(last) < BigInt(first)) check.add(`${path}/last`, ...specText('shape.serial-block-ends-before-it-starts'));
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
      check.add(`${path}/emissions/total`, ...specText('shape.total-is-not-basic-extended'));
    }
    const offsets = check.obj(get(subject, 'offsets'), `${path}/offsets`, ['needed', 'retired', 'retirements']) || {};
    const needed = check.decimal(get(offsets, 'needed'), `${path}/offsets/needed`);
    const retired = check.decimal(get(offsets, 'retired'), `${path}/offsets/retired`);
    const items = check.array(get(offsets, 'retirements'), `${path}/offsets/retirements`, (v, p) => shapeRetirement(check, v, p));
    const listed = get(offsets, 'retirements');
    const ids = Array.isArray(listed) ? listed.filter(isObject).map((r) => pyStr(get(r, 'id'))) : [];
    if (new Set(ids).size !== ids.length) check.add(`${path}/offsets/retirements`, ...specText('shape.a-retirement-is-listed-twice'));
    const covered = get(subject, 'scope') === 'basic' ? basic : total;
    if (needed && covered && decimalCompare(needed, covered) < 0) {
      check.add(`${path}/offsets/needed`, ...specText('shape.offsets-needed-are-less-than-the'));
    }
    if (retired && items.length && !items.includes(null)
        && decimalCompare(items.reduce(decimalAdd, { units: 0n, scale: 0 }), retired) !== 0) {
      check.add(`${path}/offsets/retired`, ...specText('shape.the-retirements-do-not-add-up'));
    }
    if (retired && needed && decimalCompare(retired, needed) < 0) {
      check.add(`${path}/offsets/retired`, ...specText('shape.quantity-retired-does-not-cover-the'));
    }
  }

  function shapeEvidence(check, value, path) {
    const item = check.obj(value, path, ['path', 'sha256']);
    if (item === null) return null;
    const where = check.text(get(item, 'path'), `${path}/path`);
    check.text(get(item, 'sha256'), `${path}/sha256`, SHA256_HEX);
    if (where && (where.startsWith('/') || where.includes('\\') || where.split('/').includes('..') || where.split('/').includes(''))) {
      check.add(`${path}/path`, ...specText('shape.evidence-path-must-be-relative-inside'));
    }
    return where;
  }

  // Optional parts of a subject (issue 12), as signing/credential_shape.py checks them.
  const SUBJECT_OPTIONAL = ['exclusions', 'indicators', 'verification'];
  const INTENSITY = ['perParticipant', 'perVisit', 'perSquareMetre'];
  const ASSURANCE = ['reasonable', 'limited'];

  function shapeExclusion(check, value, path) {
    const item = check.obj(value, path, ['category', 'reason']);
    if (item !== null) {
      check.text(get(item, 'category'), `${path}/category`, IDENTIFIER);
      check.names(get(item, 'reason'), `${path}/reason`);
    }
  }

  function shapeDisclosures(check, subject, path) {
    if (has(subject, 'exclusions')) check.array(subject.exclusions, `${path}/exclusions`, (v, p) => shapeExclusion(check, v, p));
    if (has(subject, 'indicators')) {
      const indicators = check.obj(subject.indicators, `${path}/indicators`, ['placeholderShare'], ['estimatedShare', 'intensity']);
      if (indicators !== null) {
        check.decimal(get(indicators, 'placeholderShare'), `${path}/indicators/placeholderShare`);
        if (has(indicators, 'estimatedShare')) check.decimal(indicators.estimatedShare, `${path}/indicators/estimatedShare`);
        if (has(indicators, 'intensity')) {
          const intensity = check.obj(indicators.intensity, `${path}/indicators/intensity`, [], INTENSITY);
          if (intensity !== null) {
            for (const name of INTENSITY) if (has(intensity, name)) check.decimal(intensity[name], `${path}/indicators/intensity/${name}`);
          }
        }
      }
    }
    if (has(subject, 'verification')) {
      const where = `${path}/verification`;
      const statement = check.obj(subject.verification, where, ['assuranceLevel', 'materiality', 'opinion'], ['siteVisit', 'qualifications']);
      if (statement !== null) {
        if (!ASSURANCE.includes(get(statement, 'assuranceLevel'))) {
          check.add(`${where}/assuranceLevel`, ...specText('shape.assurance-level-must-be-reasonable-or'));
        }
        check.decimal(get(statement, 'materiality'), `${where}/materiality`);
        check.names(get(statement, 'opinion'), `${where}/opinion`);
        if (has(statement, 'siteVisit')) check.date(statement.siteVisit, `${where}/siteVisit`);
        if (has(statement, 'qualifications')) check.array(statement.qualifications, `${where}/qualifications`, (v, p) => check.names(v, p));
      }
    }
  }

  function shapeSubject(check, value, kind, number) {
    const path = '/credentialSubject';
    const field = NUMBER_FIELD[kind];
    const required = ['id', field, 'event', 'scope', 'emissions', 'offsets', 'evidence'];
    const subject = check.obj(value, path, kind === 'certificate' ? [...required, 'agency'] : required, SUBJECT_OPTIONAL);
    if (subject === null) return;
    shapeDisclosures(check, subject, path);
    if (get(subject, field) !== number) check.add(`${path}/${field}`, ...specText('shape.number-does-not-match-the-credential'));
    const eventId = shapeEvent(check, get(subject, 'event'), `${path}/event`);
    if (eventId && get(subject, 'id') !== `urn:carbonreg:event:${eventId}`) {
      check.add(`${path}/id`, ...specText('shape.subject-id-must-be-urn-carbonreg'));
    }
    if (!['basic', 'full'].includes(get(subject, 'scope'))) check.add(`${path}/scope`, ...specText('shape.scope-must-be-basic-or-full'));
    shapeFigures(check, subject, path);
    if (kind === 'certificate') {
      const agency = check.obj(get(subject, 'agency'), `${path}/agency`, ['id', 'name']);
      if (agency !== null) {
        check.text(get(agency, 'id'), `${path}/agency/id`, IDENTIFIER);
        check.names(get(agency, 'name'), `${path}/agency/name`);
      }
    }
    const paths = check.array(get(subject, 'evidence'), `${path}/evidence`, (v, p) => shapeEvidence(check, v, p));
    if (new Set(paths).size !== paths.length) check.add(`${path}/evidence`, ...specText('shape.an-evidence-path-is-listed-twice'));
  }

  function credentialKind(doc) {
    const types = get(doc, 'type');
    return Object.keys(TYPES).find((k) => deepEqual(types, TYPES[k])) || null;
  }

  function kindAndNumber(check, doc) {
    const kind = credentialKind(doc);
    if (kind === null) {
      check.add('/type', ...specText('shape.type-must-be-that-of-a'));
      return [null, null];
    }
    const prefix = `urn:carbonreg:${kind}:`;
    const id = get(doc, 'id');
    if (!isString(id) || !id.startsWith(prefix)) { check.add('/id', ...specText('shape.id-must-start-with', { prefix })); return [kind, null]; }
    const number = id.slice(prefix.length);
    if (!DOCUMENT_NUMBER.test(number)) check.add('/id', ...specText('shape.number-has-the-wrong-format', { number: pyRepr(number) }));
    return [kind, number];
  }

  function checkShape(doc) {
    const check = new ShapeChecker();
    const top = check.obj(doc, '', ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject'], ['proof']);
    if (top === null) return check.problems;
    const unsigned = Object.create(null);
    for (const key of Object.keys(top)) if (key !== 'proof') unsigned[key] = top[key];
    walkNfc(unsigned, '', check);
    if (!deepEqual(get(top, '@context'), CONTEXTS)) check.add('/@context', ...specText('shape.context-must-be-exactly-the-two'));
    const [kind, number] = kindAndNumber(check, top);
    const issuer = check.obj(get(top, 'issuer'), '/issuer', ['id', 'name']);
    if (issuer !== null) {
      const did = get(issuer, 'id');
      try {
        if (!isString(did) || !did.startsWith(DID_KEY_PREFIX)) refuse(...specText('shape.issuer-id-must-be-a-did-key'));
        decodePublicKey(did.slice(DID_KEY_PREFIX.length));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        check.add('/issuer/id', error.zh, error.en);
      }
      check.names(get(issuer, 'name'), '/issuer/name');
    }
    check.timestamp(get(top, 'validFrom'), '/validFrom');
    if (kind !== null) shapeSubject(check, get(top, 'credentialSubject'), kind, number);
    if (has(top, 'proof') && !isObject(top.proof)) check.add('/proof', ...specText('shape.proof-must-be-a-single-json'));
    return check.problems;
  }


  Object.assign(parts, { CONTEXTS, TYPES, NUMBER_FIELD, DECIMAL, DOCUMENT_NUMBER, EVENT_ID, IDENTIFIER, SERIAL,
    SHA256_HEX, DATE, MAX_STRING, PY_BLANK, ShapeChecker, walkNfc, shapeEvent, shapeSerial,
    shapeRetirement, shapeFigures, shapeEvidence, shapeSubject, credentialKind, kindAndNumber, checkShape });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
