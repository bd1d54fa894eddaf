// The zip format for the filing page: writing stored (uncompressed) entries, which is simple and
// exact (CRC-32, fixed 1980-01-01 times, names in UTF-8, so the same files give the same bytes), and
// reading an event's zip back: stored or deflated entries (DecompressionStream "deflate-raw"),
// under limits of entries and sizes, names checked before anything is read.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
const utf8 = new TextEncoder();

// entries: [[name, Uint8Array]], in the order given. Returns the zip as a Uint8Array.
export function writeZip(entries) {
  const parts = [], central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = utf8.encode(name), crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(6, 0x0800, true);
    local.setUint16(8, 0, true); local.setUint16(10, 0, true); local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true); local.setUint32(18, data.length, true); local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true); local.setUint16(28, 0, true);
    const head = new DataView(new ArrayBuffer(46));
    head.setUint32(0, 0x02014b50, true); head.setUint16(4, 20, true); head.setUint16(6, 20, true); head.setUint16(8, 0x0800, true);
    head.setUint16(10, 0, true); head.setUint16(12, 0, true); head.setUint16(14, DOS_DATE, true);
    head.setUint32(16, crc, true); head.setUint32(20, data.length, true); head.setUint32(24, data.length, true);
    head.setUint16(28, nameBytes.length, true); head.setUint32(38, 0o100644 << 16 >>> 0, true); head.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    central.push(new Uint8Array(head.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((s, p) => s + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, entries.length, true); end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true); end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) { out.set(p, at); at += p.length; }
  return out;
}

export class ZipError extends Error {
  constructor(zh, en) { super(en); this.zh = zh; this.en = en; }
}

export const LIMITS = { entries: 500, entryBytes: 20 * 1024 * 1024, totalBytes: 50 * 1024 * 1024 };

async function inflate(data, expected) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader(), chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > expected || total > LIMITS.entryBytes) { reader.cancel(); throw new ZipError("压缩内容比声明的大（可能是压缩炸弹）", "an entry inflates beyond its stated size (a possible zip bomb)"); }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// Uint8Array -> [[name, Uint8Array]] of its regular files; refuses links, encryption, odd names, bombs.
export async function readZip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  if (end < 0) throw new ZipError("不是 zip 文件", "not a zip file");
  const count = view.getUint16(end + 10, true);
  if (count > LIMITS.entries) throw new ZipError(`zip 中有 ${count} 个文件，超过上限 ${LIMITS.entries}`, `the zip holds ${count} files, over the limit of ${LIMITS.entries}`);
  let at = view.getUint32(end + 16, true), total = 0;
  const out = [], decoder = new TextDecoder("utf-8", { fatal: true });
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError("zip 目录已损坏", "the zip's directory is damaged");
    const flags = view.getUint16(at + 8, true), method = view.getUint16(at + 10, true);
    const csize = view.getUint32(at + 20, true), usize = view.getUint32(at + 24, true);
    const nlen = view.getUint16(at + 28, true), xlen = view.getUint16(at + 30, true), clen = view.getUint16(at + 32, true);
    const mode = view.getUint32(at + 38, true) >>> 16, local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nlen));
    at += 46 + nlen + xlen + clen;
    if (name.endsWith("/")) continue;
    if (flags & 1) throw new ZipError(`${name}：加密的文件不接受`, `${name}: encrypted entries are not accepted`);
    if ((mode & 0o170000) === 0o120000) throw new ZipError(`${name}：符号链接不接受`, `${name}: symbolic links are not accepted`);
    if (name.startsWith("/") || name.includes("\\") || name.split("/").some((s) => s === ".." || s === "")) throw new ZipError(`${name}：路径不允许`, `${name}: this path is not allowed`);
    total += usize;
    if (usize > LIMITS.entryBytes || total > LIMITS.totalBytes) throw new ZipError(`${name}：文件过大`, `${name}: too large`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + csize);
    let data;
    if (method === 0) data = raw.slice();
    else if (method === 8) data = await inflate(raw, usize);
    else throw new ZipError(`${name}：不支持的压缩方式 ${method}`, `${name}: compression method ${method} is not supported`);
    if (data.length !== usize || crc32(data) !== view.getUint32(at - 46 - nlen - xlen - clen + 16, true)) throw new ZipError(`${name}：内容校验失败（CRC）`, `${name}: the content fails its check (CRC)`);
    out.push([name, data]);
  }
  return out;
}
