/* The browser verifier, part 'pdf': the bundle embedded in a certificate PDF (signing/pdfbundle.py).
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { MAX_BYTES, Refusal, Run, concat, exactly, has, text: specText, verifyBundle } = parts;

  /* ---------------------------------------------------------------------------------------------
   * The certificate PDF (signing/pdfbundle.py): the bundle is the PDF's one embedded file
   * (/Type /EmbeddedFile stream, no filter or one FlateDecode). Anything else is an input error,
   * as in the command line; the bundle read is then verified exactly as the JSON file.
   * ------------------------------------------------------------------------------------------- */

  const PDF_MAGIC = '%PDF-';
  const MAX_PDF_BYTES = parts.LIMITS.pdfBytes; // signing/verifier.json
  const isPdf = (bytes) => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === PDF_MAGIC;

  /** An input error: the texts ``[zh, en]`` as they are, or what was wrong in a PDF that cannot be read (pdfbundle._unreadable). */
  const inputError = ([zh, en]) => new Refusal(zh, en, 'unreadable');
  const pdfInputError = ([zh, en]) => inputError(specText('pdf.unreadable', { detail: `${zh} / ${en}` }));

  async function inflate(data) {
    if (typeof DecompressionStream === 'undefined') throw inputError(specText('pdf.browser-cannot-inflate'));
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate'));
    const reader = stream.getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_BYTES) { reader.cancel(); throw inputError(specText('pdf.embedded-file-too-large', { limit: MAX_BYTES })); }
      parts.push(value);
    }
    return concat(...parts);
  }

  /** The bytes of the bundle embedded in a certificate PDF; a Refusal of kind 'unreadable' otherwise. */
  async function bundleFromPdf(bytes) {
    if (bytes.length > MAX_PDF_BYTES) throw inputError(specText('pdf.larger-than', { limit: MAX_PDF_BYTES }));
    const text = new TextDecoder('latin1').decode(bytes); // one character per byte: offsets are byte offsets
    const marks = [...text.matchAll(/\/Type\s*\/EmbeddedFile\b/g)];
    if (marks.length === 0) throw inputError(specText('pdf.no-embedded-certificate'));
    if (marks.length > 1) throw inputError(specText('pdf.several-embedded-files', { count: marks.length }));
    const start = text.lastIndexOf(' obj', marks[0].index);
    const streamAt = text.indexOf('stream', marks[0].index);
    if (start < 0 || streamAt < 0) throw pdfInputError(specText('pdf.detail.embedded-file-is-malformed'));
    const dictionary = text.slice(start, streamAt);
    const filter = /\/Filter\s*(\[?\s*(\/\w+)\s*\]?)/.exec(dictionary);
    if (filter && filter[2] !== '/FlateDecode') throw inputError(specText('pdf.unsupported-encoding', { filter: filter[2] }));
    const lengthMatch = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dictionary);
    if (!lengthMatch) throw pdfInputError(specText('pdf.detail.embedded-file-has-no-length'));
    let length = Number(lengthMatch[1]);
    if (lengthMatch[2] !== undefined) {
      const target = new RegExp(`(?:^|[\\r\\n\\s])${lengthMatch[1]}\\s+${lengthMatch[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(text);
      if (!target) throw pdfInputError(specText('pdf.detail.embedded-file-length-cannot-be-read'));
      length = Number(target[1]);
    }
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart += 1;
    if (text[dataStart] === '\n') dataStart += 1;
    if (!(length >= 0 && dataStart + length <= bytes.length) || length > MAX_PDF_BYTES) {
      throw pdfInputError(specText('pdf.detail.embedded-file-length-does-not-fit'));
    }
    const data = bytes.subarray(dataStart, dataStart + length);
    if (!filter) {
      if (data.length > MAX_BYTES) throw inputError(specText('pdf.embedded-file-too-large', { limit: MAX_BYTES }));
      return data;
    }
    try {
      return await inflate(data);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw pdfInputError(specText('pdf.detail.compressed-data-damaged'));
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


  Object.assign(parts, { PDF_MAGIC, MAX_PDF_BYTES, isPdf, inputError, pdfInputError, inflate, bundleFromPdf, verifyInput });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
