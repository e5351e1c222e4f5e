/** A table of the report, in two forms: formatted cells for people (Markdown, LaTeX, HTML) and tidy rows for machines (CSV). */
export interface ReportTable {
  /** File stem: tables/<name>.md|tex|csv. */
  readonly name: string;
  readonly title: string;
  readonly caption?: string;
  readonly header: readonly string[];
  readonly align: readonly ('l' | 'r')[];
  readonly rows: readonly (readonly Cell[])[];
  readonly data: { readonly columns: readonly string[]; readonly rows: readonly (readonly unknown[])[] };
}

export interface Cell {
  readonly text: string;
  readonly bold?: boolean;
}

export function cell(text: string, bold = false): Cell {
  return bold ? { text, bold } : { text };
}

/** Numbers for people: 4 significant digits, exponent notation for very large or small magnitudes. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '–';
  if (p < 1e-4) return p === 0 ? '0' : p.toExponential(1);
  return p.toFixed(4);
}

export function formatMeanSe(mean: number | null | undefined, se: number | null | undefined): string {
  if (mean === null || mean === undefined || Number.isNaN(mean)) return '–';
  return `${formatNumber(mean)} ± ${formatNumber(se ?? 0)}`;
}
