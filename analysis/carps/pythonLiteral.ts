import { SpecError } from '../../core/index.js';

/**
 * Python literals as CARP-S writes them into logs.parquet (str() of lists, dicts, floats):
 * formatting for export and a small parser for import (lists, tuples, dicts, strings,
 * numbers, True/False/None, nan/inf). Not a Python evaluator: anything else is an error.
 */
export function formatPythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
  if (Array.isArray(value)) return `[${value.map(formatPythonLiteral).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${formatPythonLiteral(k)}: ${formatPythonLiteral(v)}`).join(', ')}}`;
  throw new SpecError(`Cannot write ${typeof value} as a Python literal.`);
}

export function parsePythonLiteral(text: string): unknown {
  const parser = new LiteralParser(text);
  const value = parser.value();
  parser.end();
  return value;
}

class LiteralParser {
  private at = 0;
  constructor(private readonly text: string) {}

  value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === '[' || c === '(') return this.sequence(c === '[' ? ']' : ')');
    if (c === '{') return this.mapping();
    if (c === "'" || c === '"') return this.string(c);
    const word = /^(?:True|False|None|-?nan|-?inf|-?Infinity|NaN|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(this.text.slice(this.at));
    if (!word) this.fail('a value');
    this.at += word![0].length;
    const w = word![0];
    if (w === 'True') return true;
    if (w === 'False') return false;
    if (w === 'None') return null;
    if (/nan/i.test(w)) return NaN;
    if (/inf/i.test(w)) return w.startsWith('-') ? -Infinity : Infinity;
    return Number(w);
  }

  end(): void {
    this.space();
    if (this.at !== this.text.length) this.fail('the end');
  }

  private sequence(close: string): unknown[] {
    this.at++;
    const items: unknown[] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === close) {
        this.at++;
        return items;
      }
      items.push(this.value());
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) this.fail(`',' or '${close}'`);
    }
  }

  private mapping(): Record<string, unknown> {
    this.at++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return out;
      }
      const key = this.value();
      this.space();
      if (this.text[this.at++] !== ':') this.fail("':'");
      out[String(key)] = this.value();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') this.fail("',' or '}'");
    }
  }

  private string(quote: string): string {
    this.at++;
    let out = '';
    while (this.at < this.text.length && this.text[this.at] !== quote) {
      let c = this.text[this.at++];
      if (c === '\\') {
        const e = this.text[this.at++];
        c = e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
      }
      out += c;
    }
    if (this.text[this.at++] !== quote) this.fail('a closing quote');
    return out;
  }

  private space(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private fail(expected: string): never {
    throw new SpecError(`Cannot read Python literal '${this.text.slice(0, 80)}': expected ${expected} at position ${this.at}.`);
  }
}
