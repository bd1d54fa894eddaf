/* The browser verifier, part 'steps': the steps and the verdict (signing/verify_steps.py, verdict.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { Refusal, authorizationAt, checkShape, chooseAuthorizations, credentialKind, deepEqual, formatTimestamp,
    fromBundle, get, has, isObject, parseBundle, parseTimestamp, refuse, revocationOf, rootFingerprint, rootVersion,
    sha256, snapshotProblems, strictJson, text, toHex, verifyProof, verifyReceipt, verifyStatusList, walkRoots } = parts;

  const STEP_NAMES = parts.SPEC.steps; // signing/verifier.json
  const TIME_FROM_LOG = 'log checkpoint';
  const TIME_UNTRUSTED = 'proof.created (untrusted)';

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
          this.add(name, 'skipped', ...text('skipped', { needs: blocker }));
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
      run.ok('json', ...text('json.passed'));
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
    else run.ok('bundle', ...text('bundle.passed'));
    return bundle;
  }

  function stepShape(run, credential) {
    const problems = checkShape(credential);
    if (!isObject(get(credential, 'proof'))) { run.fail('shape', ...text('shape.no-proof')); return null; }
    if (problems.length) {
      run.fail('shape', problems.map((p) => `${p.path} ${p.zh}`).join('；'), problems.map((p) => `${p.path} ${p.en}`).join('; '));
      return null;
    }
    const kind = credentialKind(credential);
    Object.assign(run.facts, { kind, credentialId: credential.id });
    const kindZh = text(kind === 'certificate' ? 'shape.kind.certificate' : 'shape.kind.declaration')[0];
    run.ok('shape', ...text('shape.passed', { kind, kind_zh: kindZh }));
    return kind;
  }

  async function stepRoot(run, bundle, anchor) {
    try {
      if (anchor.error) refuse(`${anchor.label}：${anchor.error[0]}`, `${anchor.label}: ${anchor.error[1]}`);
      const [root, print, newestPrint] = await walkRoots(anchor, bundle.rootChain, run.at);
      Object.assign(run.facts, { rootFingerprint: print, rootVersion: root.version, registry: root.registry });
      run.held = { rootVersion: root.version, rootSha256: newestPrint };
      run.ok('root', ...text('root.passed', { source_zh: anchor.sourceZh, source_en: anchor.sourceEn, version: root.version }));
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
      const [sourceZh, sourceEn] = text('label.certificate-file');
      run.ok('authorizations', ...text('authorizations.passed', { version: document.version, source_zh: sourceZh, source_en: sourceEn }));
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
      run.fail('proof', ...text('proof.issuer-binding'), 'proof.issuer-binding');
      return null;
    }
    if (result.created === null) { run.fail('proof', ...text('proof.no-created')); return null; }
    try {
      parseTimestamp(result.created);
    } catch (error) {
      run.fail('proof', error.zh, error.en);
      return null;
    }
    run.facts.keyFingerprint = toHex(await sha256(result.publicKey));
    run.ok('proof', ...text('proof.passed'));
    return result.created;
  }

  async function stepPublication(run, bundle, root, created) {
    const createdAt = parseTimestamp(created);
    if (parseTimestamp(bundle.credential.validFrom) > run.at || createdAt > run.at) {
      run.fail('publication', ...text('publication.not-yet-valid'));
      return null;
    }
    if (bundle.publication === null) {
      Object.assign(run.facts, { trustedTime: created, timeSource: TIME_UNTRUSTED });
      run.warn('publication', ...text('publication.unlogged', { created }), 'publication.unlogged');
      return [createdAt, false];
    }
    let publication;
    try {
      publication = await verifyReceipt(bundle.publication, bundle.credential, root);
      if (createdAt > publication.published) refuse(...text('publication.created-after-published'));
      if (publication.published > run.at) refuse(...text('publication.not-yet-published'));
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
    run.ok('publication', ...text('publication.passed', { index: publication.index, size: publication.treeSize, published }));
    return [publication.published, true];
  }

  function stepIssuer(run, credential, kind, document, when, trusted) {
    const method = credential.proof.verificationMethod;
    let verdict, reasons, names;
    if (kind === 'certificate') {
      verdict = authorizationAt(document, method, when, trusted, false);
      const named = credential.credentialSubject.agency;
      reasons = verdict.agency !== null && verdict.agency.id !== named.id
        ? [text('issuer.key-belongs-to-another-agency', { agency: verdict.agency.id })] : verdict.reasons;
      names = [named.name, credential.issuer.name];
    } else {
      verdict = authorizationAt(document, method, when, trusted, true);
      reasons = verdict.reasons;
      names = [credential.issuer.name];
    }
    const agency = verdict.agency;
    if (agency !== null && names.some((n) => !deepEqual(n, { zh: agency.nameZh, en: agency.nameEn }))) {
      reasons = [...reasons, text('issuer.names-differ-from-the-authorization-document')];
    }
    if (agency !== null) Object.assign(run.facts, { issuerId: agency.id, issuerNameZh: agency.nameZh, issuerNameEn: agency.nameEn });
    const [whenZh, whenEn] = text(trusted ? 'issuer.when-trusted' : 'issuer.when-untrusted', { time: formatTimestamp(when) });
    if (reasons.length) {
      const [zh, en] = joinReasons(reasons);
      run.fail('issuer', ...text('issuer.failed', { when_zh: whenZh, when_en: whenEn, reasons_zh: zh, reasons_en: en }));
      return;
    }
    const who = { name_zh: agency.nameZh, name_en: agency.nameEn, id: agency.id };
    const [whoZh, whoEn] = kind === 'declaration' ? text('issuer.who.platform', who) : text('issuer.who.agency', who);
    run.ok('issuer', ...text('issuer.passed', { when_zh: whenZh, when_en: whenEn, who_zh: whoZh, who_en: whoEn }));
  }

  /** verify_steps._published_at: where the current list is (the status list's ``site``). */
  function publishedAt(status) {
    if (status !== null && status.site) {
      return text('status.where.site.browser', { url: `${status.site}trust/status.json` });
    }
    return text('status.where.unknown.browser');
  }

  async function stepStatus(run, bundle, root) {
    if (bundle.status === null) {
      run.facts.statusFresh = false;
      const [zh, en] = publishedAt(null);
      run.warn('status', ...text('status.missing', { where_zh: zh, where_en: en }), 'status.missing');
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
      const [sourceZh, sourceEn] = text('label.certificate-file');
      run.warn('status', ...text('status.stale', { stale_zh: chosen.stale[0], stale_en: chosen.stale[1], source_zh: sourceZh,
        source_en: sourceEn, where_zh: zh, where_en: en }), 'status.stale');
      return status;
    }
    const asOf = formatTimestamp(run.at);
    const [sourceZh, sourceEn] = text('label.certificate-file');
    run.ok('status', ...text('status.passed', { version: status.version, source_zh: sourceZh, source_en: sourceEn, at: asOf }));
    return status;
  }

  function stepRevocation(run, status, credentialId) {
    const asOf = formatTimestamp(run.at);
    const entry = status === null ? null : revocationOf(status, credentialId, run.at);
    if (entry !== null) {
      Object.assign(run.facts, { revocation: 'revoked', revocationReason: entry.reason });
      run.fail('revocation', ...text('revocation.revoked', { at: asOf, reason: entry.reason }));
      return;
    }
    if (status === null || !run.facts.statusFresh) {
      run.facts.revocation = 'unknown';
      run.warn('revocation', ...text('revocation.unknown', { at: asOf }));
      return;
    }
    run.facts.revocation = 'not-revoked';
    run.ok('revocation', ...text('revocation.passed', { at: asOf, version: status.version }));
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


  Object.assign(parts, { STEP_NAMES, TIME_FROM_LOG, TIME_UNTRUSTED, Run, joinReasons, stepJson, stepBundle,
    stepShape, stepRoot, stepAuthorizations, stepProof, stepPublication, stepIssuer, publishedAt, stepStatus,
    stepRevocation, verifyBundle });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
