import type { ReportTable } from './tableModel.js';

/** A booktabs table (needs \usepackage{booktabs}); every cell is escaped, bold cells use \textbf. */
export function toLatex(table: ReportTable): string {
  const row = (cells: readonly string[]) => `    ${cells.join(' & ')} \\\\`;
  const lines = [
    '\\begin{table}[htbp]',
    '  \\centering',
    `  \\caption{${escapeLatex(table.caption ? `${table.title}. ${table.caption}` : table.title)}}`,
    `  \\label{tab:${table.name.replace(/[^A-Za-z0-9:_-]/g, '-')}}`,
    `  \\begin{tabular}{${table.align.join('')}}`,
    '    \\toprule',
    row(table.header.map(escapeLatex)),
    '    \\midrule',
    ...table.rows.map((cells) => row(cells.map((c) => (c.bold ? `\\textbf{${escapeLatex(c.text)}}` : escapeLatex(c.text))))),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ];
  return `${lines.join('\n')}\n`;
}

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '^': '\\textasciicircum{}',
  _: '\\_', '%': '\\%', '~': '\\textasciitilde{}', '<': '\\textless{}', '>': '\\textgreater{}', '|': '\\textbar{}',
  '"': "''", '±': '$\\pm$', '–': '--', '∞': '$\\infty$',
};

export function escapeLatex(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\{}$&#^_%~<>|"±–∞]/g, (c) => LATEX_ESCAPES[c]);
}
