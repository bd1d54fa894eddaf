/* The browser verifier, part 'timefmt': timestamps (signing/timefmt.py) and exact decimals.
 * One classic script per module of signing/, loaded in order by the verify page (no bundler, and it
 * works from a downloaded copy opened as a file); the parts share window.carbonregVerifyParts. */
(function (parts) {
  'use strict';

  const { has, isString, pyRepr, refuse, text: specText } = parts;

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
      refuse(...specText('time.must-be-yyyy-mm-ddthh-mm-ssz', { text: pyRepr(text) }));
    }
    const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
      refuse(...specText('time.invalid-date-or-time', { text: pyRepr(text) }));
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
    if (at >= expires) refuse(...specText('trust.has-expired', { what }));
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


  Object.assign(parts, { TIMESTAMP, daysFromCivil, validDate, parseTimestamp, formatTimestamp, checkNotExpired,
    decimalValue, decimalAlign, decimalCompare, decimalAdd });
}(window.carbonregVerifyParts = window.carbonregVerifyParts || {}));
