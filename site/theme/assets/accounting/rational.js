// Exact rational numbers on BigInt: what Python's Fraction and exact Decimal give the accounting.
// Mirrors the exact arithmetic of generator/accounting (offsets needed come from exact sums).
const gcd = (a, b) => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) { [a, b] = [b, a % b]; } return a; };

export class Q {
  constructor(num, den = 1n) {
    if (den === 0n) throw new Error("zero denominator");
    if (den < 0n) { num = -num; den = -den; }
    const g = gcd(num, den) || 1n;
    this.num = num / g; this.den = den / g;
  }
  static of(value) {  // a decimal string, an integer or a Q
    if (value instanceof Q) return value;
    if (typeof value === "bigint") return new Q(value);
    if (typeof value === "number") {
      if (!Number.isInteger(value)) throw new Error("only integers as numbers: " + value);
      return new Q(BigInt(value));
    }
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(value).trim());
    if (!m || (m[2] === "" && (m[3] || "") === "")) throw new Error("not a decimal: " + value);
    const digits = BigInt((m[2] || "0") + (m[3] || ""));
    let exp = -(m[3] || "").length + (m[4] ? parseInt(m[4], 10) : 0);
    let num = m[1] === "-" ? -digits : digits, den = 1n;
    if (exp >= 0) num *= 10n ** BigInt(exp); else den = 10n ** BigInt(-exp);
    return new Q(num, den);
  }
  add(o) { o = Q.of(o); return new Q(this.num * o.den + o.num * this.den, this.den * o.den); }
  sub(o) { o = Q.of(o); return new Q(this.num * o.den - o.num * this.den, this.den * o.den); }
  mul(o) { o = Q.of(o); return new Q(this.num * o.num, this.den * o.den); }
  div(o) { o = Q.of(o); return new Q(this.num * o.den, this.den * o.num); }
  cmp(o) { o = Q.of(o); const d = this.num * o.den - o.num * this.den; return d < 0n ? -1 : d > 0n ? 1 : 0; }
  ceil() { const q = this.num / this.den; return this.num > 0n && this.num % this.den !== 0n ? q + 1n : q; }
  toString() { return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`; }
  // The decimal, when it terminates (denominator 2^a 5^b); else rounded half-even at `digits` places.
  toDecimal(digits = 100) {
    let den = this.den; let places = 0;
    while (den % 10n === 0n) { den /= 10n; places++; }
    while (den % 2n === 0n || den % 5n === 0n) { den /= (den % 2n === 0n ? 2n : 5n); places++; }
    const exact = den === 1n;
    const p = exact ? places : digits;
    const scale = 10n ** BigInt(p);
    let n = this.num * scale; const sign = n < 0n ? "-" : ""; if (n < 0n) n = -n;
    let q = n / this.den; const r = n % this.den;
    if (!exact && (2n * r > this.den || (2n * r === this.den && q % 2n === 1n))) q += 1n;
    let s = q.toString().padStart(p + 1, "0");
    s = p ? `${s.slice(0, -p)}.${s.slice(-p)}` : s;
    if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
    return sign + s;
  }
}
export const ZERO = new Q(0n);
