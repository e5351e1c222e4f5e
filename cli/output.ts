/** Fixed-width text table for terminal output. */
export function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (cell === undefined || cell === null ? '' : String(cell))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/**
 * A stored run error for the terminal: its first line and, for an external optimizer, the last
 * lines of the program's stderr (where its own traceback is), indented under it.
 */
export function errorSummary(error: string | null | undefined, stderrLines = 6): string {
  const lines = (error ?? '').split('\n');
  const tail = lines.filter((l) => l.startsWith('  | ')).slice(-stderrLines);
  return tail.length ? [lines[0], '    last lines of its stderr:', ...tail.map((l) => `    ${l}`)].join('\n') : lines[0];
}
