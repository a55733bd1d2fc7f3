/** Number formatting shared by the renderers: short, aligned, with a true minus sign. */

const MINUS = '\u2212';

/** A metric value: 4 decimals below 1, fewer for larger magnitudes, exponent for the very small. */
export function fmtValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'n/a';
  const a = Math.abs(v);
  let s: string;
  if (a !== 0 && a < 1e-4) s = v.toExponential(2);
  else if (a >= 1e6) s = v.toExponential(3);
  else if (a >= 100) s = v.toFixed(1);
  else if (a >= 10) s = v.toFixed(2);
  else if (a >= 1) s = v.toFixed(3);
  else s = v.toFixed(4);
  return s.replace('-', MINUS);
}

/** A signed difference (+0.0123 / −0.0123). */
export function fmtDelta(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (v === 0) return '0';
  const s = fmtValue(Math.abs(v));
  return (v > 0 ? '+' : MINUS) + s;
}

/** A signed percentage. */
export function fmtPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  if (v === 0) return '0%';
  const a = Math.abs(v);
  return (v > 0 ? '+' : MINUS) + (a >= 10 ? a.toFixed(1) : a.toFixed(2)) + '%';
}

/** A p-value. */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined) return '';
  if (p < 1e-4) return '<0.0001';
  return p.toFixed(4);
}
