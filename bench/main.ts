import { parseArgs } from 'node:util';
import { FigureSkipped, meetsTarget } from './figure.js';
import { allFigures } from './figures/index.js';

const USAGE = 'Usage: npm run bench [-- --json] [-- --only NAME]';

/** The flags, strictly: an unknown flag, a stray argument or --only without a name is refused with the usage. */
function parseFlags(): { json: boolean; only?: string } {
  try {
    const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, only: { type: 'string' } }, strict: true, allowPositionals: false });
    return { json: values.json ?? false, only: values.only };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** `npm run bench [-- --json] [-- --only NAME]`: a table for people, JSON lines for machines. */
async function main(): Promise<void> {
  const { json, only } = parseFlags();
  const figures = only ? allFigures.filter((f) => f.name === only || f.name.startsWith(`${only}.`) || (!f.optIn && f.name.startsWith(only))) : allFigures.filter((f) => !f.optIn);
  if (figures.length === 0) {
    console.error(`No bench figure matches '${only}'. Figures: ${allFigures.map((f) => f.name + (f.optIn ? ' (opt-in)' : '')).join(', ')}`);
    process.exit(2);
  }
  if (!json) console.log(`${'figure'.padEnd(40)} ${'value'.padStart(14)} ${'unit'.padEnd(8)} ${'target'.padEnd(10)} ${'ok'.padEnd(4)} note`);
  let failed = false;
  const benchStart = performance.now();
  for (const figure of figures) {
    const start = performance.now();
    // Figures that share a measurement (e.g. the harness ratios) charge it to the first of them.
    const seconds = () => Math.round((performance.now() - start) / 100) / 10;
    try {
      const result = await figure.run();
      const ok = meetsTarget(figure.target, result.value);
      const verdict = ok === undefined ? {} : { target: figure.target, ok };
      if (json) console.log(JSON.stringify({ name: figure.name, value: result.value, unit: figure.unit, ...verdict, ...(result.note ? { note: result.note } : {}), seconds: seconds() }));
      else console.log(`${figure.name.padEnd(40)} ${formatValue(result.value).padStart(14)} ${figure.unit.padEnd(8)} ${(figure.target ?? '').padEnd(10)} ${(ok === undefined ? '' : ok ? 'yes' : 'NO').padEnd(4)} ${result.note ?? ''}`);
    } catch (error) {
      if (error instanceof FigureSkipped) {
        if (json) console.log(JSON.stringify({ name: figure.name, value: null, unit: figure.unit, skipped: error.message, seconds: seconds() }));
        else console.log(`${figure.name.padEnd(40)} ${'SKIPPED'.padStart(14)} ${error.message}`);
        continue;
      }
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      if (json) console.log(JSON.stringify({ name: figure.name, value: null, unit: figure.unit, error: message, seconds: seconds() }));
      else console.log(`${figure.name.padEnd(40)} ${'ERROR'.padStart(14)} ${message}`);
    }
  }
  const total = Math.round((performance.now() - benchStart) / 1000);
  if (!json) console.log(`\n${figures.length} figures in ${total} s`);
  else process.stderr.write(`${figures.length} figures in ${total} s\n`);
  if (failed) process.exitCode = 1;
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

await main();
