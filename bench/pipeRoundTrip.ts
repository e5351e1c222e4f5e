import { fileURLToPath } from 'node:url';
import { ChildProgram } from '../optimizers/external/childProgram.js';

const ECHO = fileURLToPath(new URL('./ceiling/echoProgram.js', import.meta.url));

/**
 * A Node child that echoes JSON lines (bench/ceiling/echoProgram.ts), started and spoken to
 * through the same ChildProgram as an external optimizer (own process group, stdio pipes), timed
 * chunk by chunk: the cheapest round trip between the two kinds of process the protocol runs between.
 */
export class PipeEcho {
  private readonly child: ChildProgram;
  private waiting: ((line: string) => void) | undefined;

  /** `launch` wraps the command line (e.g. to pin the child to a CPU); by default this Node runs the echo program. */
  constructor(
    private readonly dimension = 10,
    launch: (command: string, args: string[]) => { command: string; args: string[] } = (command, args) => ({ command, args }),
  ) {
    this.child = new ChildProgram({ ...launch(process.execPath, [ECHO]), label: 'echo' });
    this.child.onLine = (line) => this.waiting?.(line);
  }

  /** Microseconds per round trip over `n`: a line carrying a 10-D config out, the same back, parsed. */
  async chunk(n: number): Promise<number> {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const config: Record<string, number> = {};
      for (let d = 0; d < this.dimension; d++) config[`x${d}`] = Math.random() * 10 - 5;
      await this.exchange({ type: 'proposal', id: i, trial: i, config, fidelity: null });
    }
    return ((performance.now() - start) * 1000) / n;
  }

  async close(): Promise<void> {
    await this.child.terminate(2000);
  }

  private exchange(message: object): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiting = (line) => resolve(JSON.parse(line));
      this.child.send(JSON.stringify(message));
    });
  }
}
