/* The browser verifier, part 'steps': the steps and the verdict (signing/verify_steps.py, verdict.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { Refusal, authorizationAt, checkShape, chooseAuthorizations, credentialKind, deepEqual, formatTimestamp,
    fromBundle, get, has, isObject, parseBundle, parseTimestamp, refuse, revocationOf, rootFingerprint, rootVersion,
    sha256, snapshotProblems, strictJson, toHex, verifyProof, verifyReceipt, verifyStatusList, walkRoots } = parts;

  const STEP_NAMES = ['json', 'bundle', 'shape', 'root', 'authorizations', 'proof', 'publication', 'issuer',
    'status', 'revocation'];
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


  Object.assign(parts, { STEP_NAMES, TIME_FROM_LOG, TIME_UNTRUSTED, Run, joinReasons, stepJson, stepBundle,
    stepShape, stepRoot, stepAuthorizations, stepProof, stepPublication, stepIssuer, publishedAt, stepStatus,
    stepRevocation, verifyBundle });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
