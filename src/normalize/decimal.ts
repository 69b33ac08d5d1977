/**
 * Exact decimal arithmetic for figures: a value is `int / 10^scale` with a bigint mantissa, so that 3조5천억 or
 * 1.2만 never pass through a rounding float. {@link toExact} turns a result into a JS number when that is exact.
 */
export interface Decimal {
  readonly int: bigint;
  readonly scale: number;
}

const TEN = 10n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export const ZERO: Decimal = { int: 0n, scale: 0 };

/** Parses ASCII digits with optional `,` group separators and one `.` (e.g. `1,234.5`). Returns null otherwise. */
export function parseDecimal(source: string): Decimal | null {
  // Digits are copied in runs between separators (not one string per digit).
  let digits = '';
  let scale = -1;
  let run = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (scale >= 0) scale++;
    } else if ((c === 46 /* . */ && scale < 0) || c === 44 /* , */) {
      if (c === 46) scale = 0;
      digits += source.slice(run, i);
      run = i + 1;
    } else {
      return null;
    }
  }
  digits += source.slice(run);
  if (digits === '') return null;
  return { int: BigInt(digits), scale: Math.max(scale, 0) };
}

export function fromInteger(value: number): Decimal {
  return { int: BigInt(value), scale: 0 };
}

/** `d × 10^power` (power ≥ 0). */
export function shift(d: Decimal, power: number): Decimal {
  if (power <= d.scale) return { int: d.int, scale: d.scale - power };
  return { int: d.int * TEN ** BigInt(power - d.scale), scale: 0 };
}

export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { int: a.int + b.int, scale: a.scale };
  if (a.scale > b.scale) return { int: a.int + b.int * TEN ** BigInt(a.scale - b.scale), scale: a.scale };
  return { int: a.int * TEN ** BigInt(b.scale - a.scale) + b.int, scale: b.scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { int: a.int * b.int, scale: a.scale + b.scale };
}

export function isZero(d: Decimal): boolean {
  return d.int === 0n;
}

/** Drops trailing zeros of the fraction (13.0 → 13). */
export function trim(d: Decimal): Decimal {
  let { int, scale } = d;
  while (scale > 0 && int % TEN === 0n) {
    int /= TEN;
    scale--;
  }
  return { int, scale };
}

/** The decimal as a plain string (`-12.05`), without exponent. */
export function toDecimalString(d: Decimal): string {
  const { int, scale } = trim(d);
  const negative = int < 0n;
  let digits = (negative ? -int : int).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/**
 * A JS number when it represents the value exactly (integers up to Number.MAX_SAFE_INTEGER, decimals whose
 * shortest float spelling is the same decimal), else the decimal string.
 */
export function toExact(d: Decimal): number | string {
  // Most figures are safe integers: their number is exact, and no string needs to be made to prove it.
  if (d.scale === 0 && d.int <= MAX_SAFE && d.int >= -MAX_SAFE) return Number(d.int);
  const text = toDecimalString(d);
  const n = Number(text);
  if (Number.isInteger(n)) return Number.isSafeInteger(n) && String(n) === text ? n : text;
  return String(n) === text ? n : text;
}
