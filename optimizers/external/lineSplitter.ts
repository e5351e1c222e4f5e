/**
 * Splits a stream of text chunks into lines for the JSON-lines protocol: each complete,
 * non-blank line goes to `onLine`; an unfinished tail waits for the next chunk. Used by the
 * harness (a program's stdout) and by the programs written in TypeScript (their stdin).
 */
export class LineSplitter {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let text = this.partial + chunk;
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      const line = text.slice(0, newline);
      text = text.slice(newline + 1);
      if (line.trim() !== '') this.onLine(line);
      newline = text.indexOf('\n');
    }
    this.partial = text;
  }
}

/** Calls `onLine` with each non-blank line this process reads on stdin. */
export function readStdinLines(onLine: (line: string) => void): void {
  const lines = new LineSplitter(onLine);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => lines.push(chunk));
}
