import type { ReportTable } from './tableModel.js';

/**
 * GitHub-flavoured Markdown. Cell text is data: Markdown and HTML syntax in it is escaped
 * (backslash escapes for Markdown punctuation, entities for < > &), newlines become spaces.
 */
export function toMarkdown(table: ReportTable): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = table.align.map((a) => (a === 'r' ? '---:' : ':---'));
  const body = table.rows.map((row) => line(row.map((c) => (c.bold ? `**${escapeMarkdown(c.text)}**` : escapeMarkdown(c.text)))));
  const caption = table.caption ? `\n${escapeMarkdown(table.caption)}\n` : '';
  return `### ${escapeMarkdown(table.title)}\n${caption}\n${line(table.header.map(escapeMarkdown))}\n${line(rule)}\n${body.join('\n')}\n`;
}

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}
