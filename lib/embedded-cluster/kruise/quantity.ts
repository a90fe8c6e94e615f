/**
 * resource.Quantity canonicalisation. A Quantity goes through Go's decode/encode whenever Kruise re-marshals a
 * SidecarSet, so "0.5" is stored (and hashed) as "500m" and "2048Mi" as "2Gi". Exact arithmetic uses BigInt.
 */

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

interface Parsed {
  /** value = mantissa * 10^exp10 */
  mantissa: bigint;
  exp10: number;
  format: Format;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE])?$/;

function parse(input: string): Parsed | undefined {
  const m = QUANTITY_RE.exec(input.trim());
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const num = m[2] ?? '0';
  const suffix = m[3] ?? '';
  const [intPart = '', fracPart = ''] = num.split('.');
  let mantissa = BigInt((intPart + fracPart) || '0') * sign;
  let exp10 = -fracPart.length;
  let format: Format = 'DecimalSI';
  if (suffix in BINARY) {
    format = 'BinarySI';
    mantissa *= 2n ** BigInt(BINARY[suffix] ?? 0);
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 += Number(suffix.slice(1));
  } else {
    exp10 += DECIMAL[suffix] ?? 0;
  }
  return roundUpToScale({ mantissa, exp10, format }, -9);
}

/** Rounds away from zero to `scale` (a power of ten), as Quantity does for nano precision and RoundUp. */
function roundUpToScale(q: Parsed, scale: number): Parsed {
  if (q.exp10 >= scale) return q;
  const div = 10n ** BigInt(scale - q.exp10);
  const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  let r = abs / div;
  if (r * div !== abs) r += 1n;
  return { ...q, mantissa: q.mantissa < 0n ? -r : r, exp10: scale };
}

function decimalString(q: Parsed, format: 'DecimalSI' | 'DecimalExponent'): string {
  let { mantissa: m, exp10: e } = q;
  while (m % 10n === 0n) {
    m /= 10n;
    e += 1;
  }
  const e3 = Math.floor(e / 3) * 3;
  m *= 10n ** BigInt(e - e3);
  if (format === 'DecimalExponent') return e3 === 0 ? `${m}` : `${m}e${e3}`;
  const suffix = DECIMAL_BY_EXP.get(e3);
  return suffix === undefined ? `${m}e${e3}` : `${m}${suffix}`;
}

function canonical(q: Parsed): string {
  if (q.mantissa === 0n) return '0';
  if (q.format !== 'BinarySI') return decimalString(q, q.format);
  const isInt = q.exp10 >= 0 || q.mantissa % 10n ** BigInt(-q.exp10) === 0n;
  const intValue = q.exp10 >= 0 ? q.mantissa * 10n ** BigInt(q.exp10) : q.mantissa / 10n ** BigInt(-q.exp10);
  // Small or fractional binary quantities are shown in decimal so nothing is rounded (Quantity.CanonicalizeBytes).
  if (!isInt || (intValue > -1024n && intValue < 1024n)) return decimalString(q, 'DecimalSI');
  let m = intValue;
  let k = 0;
  while (k < BINARY_SUFFIXES.length - 1 && m % 1024n === 0n) {
    m /= 1024n;
    k += 1;
  }
  return `${m}${BINARY_SUFFIXES[k] ?? ''}`;
}

/** The string Go's Quantity.MarshalJSON would emit; unparseable input is returned unchanged. */
export function canonicalQuantity(value: unknown): string {
  if (value === undefined || value === null) return '0';
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const q = parse(s);
  return q ? canonical(q) : s;
}

/** SetDefaults_ResourceList: every quantity is rounded up to milli precision. */
export function roundUpMilli(value: string): string {
  const q = parse(value);
  return q ? canonical(roundUpToScale(q, -3)) : value;
}

/** The numeric value of a quantity string, undefined when it does not parse. */
export function quantityValue(value: string): number | undefined {
  const q = parse(value);
  return q ? Number(q.mantissa) * 10 ** q.exp10 : undefined;
}
