/**
 * A harness process for the kill -9 test: `node harnessProcess.js OPTIMIZER [OPTIONS_JSON] [exit]`
 * starts an external optimizer, runs two trials, prints "CHILD <pid>", asks once more and waits to be killed (or, with `exit`, exits by itself).
 */
import { SearchSpace, type TaskView } from '../../../core/index.js';
import { ExternalOptimizer } from '../../../optimizers/external/index.js';
import { createOptimizer } from '../../../optimizers/registry.js';

const view: TaskView = {
  space: new SearchSpace({ hyperparameters: [{ name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 }] }),
  objectives: [{ name: 'f', direction: 'minimize' }],
  budget: { nTrials: 10 },
  type: 'blackbox',
};
const optimizer = createOptimizer(process.argv[2], view, 1, JSON.parse(process.argv[3] ?? '{}')) as ExternalOptimizer;
for (let i = 0; i < 2; i++) {
  const info = await optimizer.ask();
  await optimizer.tell(info, { cost: info.config.x as number, status: 'ok', wallTime: 0, virtualTime: 0 });
}
process.stdout.write(`CHILD ${await optimizer.pid()}\n`);
if (process.argv[4] === 'exit') setTimeout(() => process.exit(0), 100); // a normal exit with the program still running
setInterval(() => {}, 1000);
await optimizer.ask(); // a program that is busy answering when the harness dies
