/* The browser verifier, part 'page': the verify page.
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { Refusal, STEP_NAMES, base58Decode, bundleFromPdf, has, jcsText, parseTimestamp, strictJson, utf8,
    verifyBundle, verifyInclusion, verifyInput, weakKeyReason } = parts;

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
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
