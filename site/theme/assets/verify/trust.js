/* The browser verifier, part 'trust': trust: roots (signing/trust.py), authorizations, the publication log (transparency.py, merkle.py), the status list (statuslist.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { text: specText, bytesEqual, canonicalize, checkNotExpired, concat, decodePublicKey, formatTimestamp, fromBundle, fromHex,
    get, has, isInteger, isObject, isString, multibaseDecode, parseDidKeyMethod, parseTimestamp, prefixed, pyStr,
    refuse, sha256, toHex, verifySignature } = parts;

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
    if (!ok) refuse(...specText('trust.missing-or-wrong-field', { where, name }));
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
      refuse(...specText('trust.not-enough-valid-signatures', { role: roleName, valid: valid.size, threshold: role.threshold }));
    }
    return valid;
  }

  async function parseRoot(signed) {
    if (!isObject(signed) || get(signed, '_type') !== 'root') refuse(...specText('root.not-root-metadata'));
    const version = field(signed, 'version', 'integer', 'root');
    if (version < 1) refuse(...specText('root.root-version-must-be-at-least-1'));
    const expires = parseTimestamp(field(signed, 'expires', 'string', 'root'));
    const rawKeys = get(signed, 'keys');
    if (!isObject(rawKeys)) refuse(...specText('root.root-missing-keys'));
    const keys = new Map();
    for (const keyid of Object.keys(rawKeys)) {
      const publicKey = decodePublicKey(field(rawKeys[keyid], 'publicKeyMultibase', 'string', `key ${keyid}`));
      if (toHex(await sha256(publicKey)) !== keyid) refuse(...specText('root.key-id-does-not-match-its-key', { keyid }));
      keys.set(keyid, publicKey);
    }
    const rawRoles = get(signed, 'roles');
    const allRoles = [...ROLE_NAMES, ...OPTIONAL_ROLE_NAMES];
    if (!isObject(rawRoles) || !ROLE_NAMES.every((n) => has(rawRoles, n)) || !Object.keys(rawRoles).every((n) => allRoles.includes(n))) {
      refuse(...specText('root.roles-must-be-exactly', { roles: ROLE_NAMES.join(', '), optional: OPTIONAL_ROLE_NAMES.join(', ') }));
    }
    const roles = {};
    for (const name of allRoles.filter((n) => has(rawRoles, n))) {
      const keyids = field(rawRoles[name], 'keyids', 'array', `role ${name}`);
      const threshold = field(rawRoles[name], 'threshold', 'integer', `role ${name}`);
      if (!keyids.every(isString) || new Set(keyids).size !== keyids.length || !keyids.every((k) => keys.has(k))) {
        refuse(...specText('root.role-key-ids-repeated-or-not-listed', { name }));
      }
      if (!(threshold >= 1 && threshold <= keyids.length)) refuse(...specText('root.role-invalid-threshold', { name, threshold }));
      roles[name] = { keyids: new Set(keyids), threshold };
    }
    const registry = get(signed, 'registry');
    if (registry !== null && (!isString(registry) || registry === '')) refuse(...specText('root.root-registry-must-be-a-non-empty'));
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
    if (next.version <= trusted.version) refuse(...specText('root.rollback', { version: next.version, trusted: trusted.version }));
    if (next.version !== trusted.version + 1) refuse(...specText('root.version-must-be-the-next', { version: trusted.version + 1 }));
    if (trusted.registry !== null && next.registry !== trusted.registry) {
      refuse(...specText('root.may-not-change-the-registry-name', { registry: trusted.registry }));
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
    if (!isObject(anchor.content)) refuse(...specText('trust.not-a-json-object', { label: anchor.label }));
    const nameMatch = /^([1-9][0-9]{0,8})\.root\.json$/.exec(anchor.label.split('/').pop());
    if (nameMatch && (await rootVersion(anchor.content, anchor.label)) !== Number(nameMatch[1])) {
      refuse(...specText('root.version-does-not-match-the-file-name', { label: anchor.label }));
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
        refuse(...specText('root.differs-from-the-pinned-root', { label, version: root.version, pinned: anchor.label }));
      }
    }
    while (byVersion.has(root.version + 1)) {
      const candidates = byVersion.get(root.version + 1);
      const prints = new Set();
      for (const [, envelope] of candidates) prints.add(await rootFingerprint(envelope));
      if (prints.size > 1) refuse(...specText('root.fork', { version: root.version + 1 }));
      root = await rotateRoot(root, candidates[0][1]);
      newestPrint = await rootFingerprint(candidates[0][1]);
    }
    const unreachable = [...byVersion.keys()].filter((v) => v > root.version).sort((a, b) => a - b);
    if (unreachable.length) {
      refuse(...specText('root.missing-version', { version: root.version + 1, last: unreachable[unreachable.length - 1] }));
    }
    checkNotExpired(root.expires, at, `root v${root.version}`);
    return [root, startPrint, newestPrint];
  }

  /* ---------------------------------------------------------------------------------------------
   * Agency authorizations (signing/authorizations.py): signed by the root's authorizations role.
   * Every window includes its start and excludes its end.
   * ------------------------------------------------------------------------------------------- */

  function checkWindow(start, end, where) {
    if (end <= start) refuse(...specText('authorization.window-must-end-after-it-starts', { where }));
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
    if (!['active', 'suspended'].includes(state)) refuse(...specText('authorization.invalid-state', { where, state }));
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
    if (!isObject(signed) || get(signed, '_type') !== 'authorizations') refuse(...specText('authorization.not-agency-authorization-metadata'));
    const version = field(signed, 'version', 'integer', 'authorizations');
    const agencies = field(signed, 'agencies', 'array', 'authorizations').map(parseAgency);
    const platform = get(signed, 'platform') === null ? null : parseAgency(signed.platform);
    const everyone = platform === null ? agencies : [...agencies, platform];
    const ids = everyone.map((a) => a.id);
    const keys = everyone.flatMap((a) => a.keys.map((k) => toHex(k.publicKey)));
    if (new Set(ids).size !== ids.length || new Set(keys).size !== keys.length) refuse(...specText('authorization.agency-id-or-key-listed-twice'));
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
    if (!(agency.accreditedFrom <= at && at < agency.accreditedUntil)) reasons.push(specText('authorization.time-is-outside-the-agency-s-accreditation'));
    if (agency.state === 'suspended') {
      if (!trusted) reasons.push(specText('authorization.agency-is-suspended-and-no-trusted-time'));
      else if (at >= agency.stateSince) reasons.push(specText('authorization.agency-was-suspended-at-that-time'));
    }
    if (!(key.validFrom <= at && at < key.validUntil)) reasons.push(specText('authorization.time-is-outside-the-key-s-validity'));
    if (key.compromisedSince !== null) {
      if (!trusted) reasons.push(specText('authorization.key-is-compromised-and-no-trusted-time'));
      else if (at >= key.compromisedSince) reasons.push(specText('authorization.key-was-compromised-at-that-time'));
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
    return { agency: null, reasons: [platformOnly ? specText('authorization.key-is-not-a-signing-key-of')
      : specText('authorization.key-belongs-to-no-authorized-agency')] };
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
    if (!isString(value) || !HEX32.test(value)) refuse(...specText('log.must-be-64-lower-case-hex-digits', { name }));
    return fromHex(value);
  }

  function logInteger(value, name) {
    if (!isInteger(value) || value < 0) refuse(...specText('log.must-be-a-non-negative-integer', { name }));
    return value;
  }

  const exactly = (obj, names) => isObject(obj) && Object.keys(obj).length === names.length && names.every((n) => has(obj, n));

  /** A checkpoint {"_type": "checkpoint", registry, size, rootHash, issued} signed by the log role. */
  async function verifyCheckpoint(envelope, root) {
    const signed = get(envelope, 'signed');
    if (!isObject(signed) || get(signed, '_type') !== 'checkpoint') refuse(...specText('log.not-a-log-checkpoint'));
    if (!Object.keys(signed).every((k) => ['_type', 'registry', 'size', 'rootHash', 'issued'].includes(k))) {
      refuse(...specText('log.checkpoint-has-unknown-fields'));
    }
    const checkpoint = {
      registry: get(signed, 'registry'),
      size: logInteger(get(signed, 'size'), 'size'),
      rootHash: logHex(get(signed, 'rootHash'), 'rootHash'),
      issued: parseTimestamp(get(signed, 'issued')),
    };
    await verifyThreshold(envelope, ...root.roleKeys(root.logRole), `checkpoint (${root.logRole})`);
    if (root.registry !== null && checkpoint.registry !== root.registry) {
      refuse(...specText('log.checkpoint-belongs-to-another-registry', { registry: pyStr(checkpoint.registry) }));
    }
    return checkpoint;
  }

  /** transparency.verify_receipt: leaf bound to this credential, checkpoint, inclusion, times. */
  async function verifyReceipt(receipt, credential, root) {
    const fields = ['leaf', 'index', 'treeSize', 'auditPath', 'checkpoint'];
    if (!exactly(receipt, fields)) refuse(...specText('log.receipt-must-have-exactly', { fields_zh: fields.join('、'), fields_en: fields.join(', ') }));
    const leaf = receipt.leaf;
    if (!exactly(leaf, ['digest', 'published', 'id'])) refuse(...specText('log.log-leaf-must-have-exactly-digest-published'));
    logHex(leaf.digest, 'digest');
    if (!isString(leaf.id)) refuse(...specText('log.log-leaf-id-must-be-a-string'));
    const published = parseTimestamp(leaf.published);
    if (leaf.id !== get(credential, 'id')) refuse(...specText('log.receipt-belongs-to-another-credential-different-id'));
    if (leaf.digest !== toHex(await sha256(canonicalize(credential)))) {
      refuse(...specText('log.credential-was-changed-after-it-was-logged'));
    }
    const index = logInteger(receipt.index, 'index');
    const size = logInteger(receipt.treeSize, 'treeSize');
    if (!Array.isArray(receipt.auditPath)) refuse(...specText('log.auditpath-must-be-an-array'));
    const path = receipt.auditPath.map((node) => logHex(node, 'auditPath'));
    const checkpoint = await verifyCheckpoint(receipt.checkpoint, root);
    if (checkpoint.size !== size) refuse(...specText('log.receipt-tree-size-differs-from-the-checkpoint'));
    if (!(await verifyInclusion(index, size, await leafHash(canonicalize(leaf)), path, checkpoint.rootHash))) {
      refuse(...specText('log.inclusion-proof-does-not-match-the-signed'));
    }
    if (published > checkpoint.issued) refuse(...specText('log.publication-time-is-later-than-the-checkpoint'));
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
      refuse(...specText('status-list.status-list-lacks-its-snapshot-root-authorizations'));
    }
    const snapshot = {};
    for (const [name, count, digest] of parts) {
      const part = raw[name];
      const where = `status snapshot.${name}`;
      if (!exactly(part, [count, digest])) refuse(...specText('status-list.snapshot-part-must-have-exactly', { where, count, digest }));
      const number = field(part, count, 'integer', where);
      if (number < (count === 'size' ? 0 : 1)) refuse(...specText('status-list.snapshot-count-out-of-range', { where, count }));
      const hex = field(part, digest, 'string', where);
      if (!HEX32.test(hex)) refuse(...specText('status-list.snapshot-sha256-must-be-hex', { where }));
      snapshot[name] = [number, hex];
    }
    return snapshot;
  }

  /** verify_trust.snapshot_problems: [id, zh, en] for each document older than, or not, the one named. */
  function snapshotProblems(status, held) {
    const snap = status.snapshot;
    const [sourceZh, sourceEn] = specText('label.certificate-file');
    const [whereZh, whereEn] = specText('status.snapshot-where', { version: status.version, source_zh: sourceZh, source_en: sourceEn });
    const problems = [];
    for (const [name, nameZh, version, digest] of [['root', 'root', held.rootVersion, held.rootSha256],
      ['authorizations', specText('label.authorizations')[0], held.authorizationsVersion, held.authorizationsSha256]]) {
      if (version === null || version === undefined) continue;
      const [named, namedDigest] = snap[name];
      if (version < named) {
        problems.push([`status.snapshot-${name}-older`, ...specText('status.snapshot-older',
          { name, name_zh: nameZh, version, named, where_zh: whereZh, where_en: whereEn })]);
      } else if (version === named && digest !== namedDigest) {
        problems.push([`status.snapshot-${name}-differs`, ...specText('status.snapshot-differs',
          { name, name_zh: nameZh, version, where_zh: whereZh, where_en: whereEn })]);
      }
    }
    if (held.checkpointSize !== null && held.checkpointSize !== undefined && held.checkpointSize === snap.checkpoint[0]
        && held.checkpointRootHash !== snap.checkpoint[1]) {
      problems.push(['status.snapshot-checkpoint-differs', ...specText('status.snapshot-checkpoint-differs',
        { size: held.checkpointSize, where_zh: whereZh, where_en: whereEn })]);
    }
    return problems;
  }

  function parseStatusList(signed) {
    if (!isObject(signed) || get(signed, '_type') !== 'status') refuse(...specText('status-list.not-a-status-list'));
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
      refuse(...specText('status-list.status-list-site-must-be-an-http'));
    }
    if (!(status.issued < status.expires && status.expires <= status.issued + MAX_VALIDITY)) {
      refuse(...specText('status-list.validity-must-be-positive-and-at-most', { days: MAX_VALIDITY / 86400 }));
    }
    if (new Set(status.entries.map((e) => e.id)).size !== status.entries.length) refuse(...specText('status-list.status-list-has-a-duplicate-entry'));
    return status;
  }

  /** verify_status_list: signatures, registry, then freshness last (a stale list is still read). */
  async function verifyStatusList(envelope, root, at) {
    const status = parseStatusList(field(envelope, 'signed', 'object', 'status'));
    await verifyThreshold(envelope, ...root.roleKeys('status'), 'status');
    if (root.registry !== null && status.registry !== root.registry) {
      refuse(...specText('status-list.belongs-to-another-registry', { registry: pyStr(status.registry), expected: root.registry }));
    }
    const stale = at >= status.expires
      ? specText('status-list.has-expired', { version: status.version, expires: formatTimestamp(status.expires) }) : null;
    return { status, fresh: stale === null, stale };
  }

  const revocationOf = (status, id, at) => status.entries.find((e) => e.id === id && (e.revoked === null || e.revoked <= at)) || null;


  Object.assign(parts, { ROLE_NAMES, OPTIONAL_ROLE_NAMES, field, verifyThreshold, parseRoot, rootFingerprint,
    loadTrustedRoot, rotateRoot, rootVersion, walkRoots, checkWindow, parseAgencyKey, parseAgency,
    parseAuthorizations, chooseAuthorizations, judge, authorizationAt, leafHash, nodeHash, verifyInclusion, HEX32,
    logHex, logInteger, exactly, verifyCheckpoint, verifyReceipt, MAX_VALIDITY, parseSnapshot, snapshotProblems,
    parseStatusList, verifyStatusList, revocationOf });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
