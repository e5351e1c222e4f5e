import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blackboxVsRandom, describeStudy } from '../../bench/quality/blackboxVsRandom.js';

// The small version of issue 5's quality table (the full one is `npm run bench -- --only quality`):
// all 24 BBOB functions in 2-D, instance 0, CARP-S budgets (77 trials), 3 seeds instead of 10.
test('every model-based family beats random search on BBOB 2-D, significantly', { timeout: 600_000 }, async () => {
  const study = await blackboxVsRandom({ tasks: 'bbob/2/*/0', seeds: 3, workers: 2 });
  const detail = describeStudy(study);
  assert.equal(study.tasks, 24, detail);
  assert.ok(study.friedmanP < 0.05, `Friedman: ${detail}`);
  const randomRank = study.meanRanks.find((r) => r.optimizer === 'random')!.rank;
  for (const v of study.versusRandom) {
    const rank = study.meanRanks.find((r) => r.optimizer === v.optimizer)!.rank;
    assert.ok(rank < randomRank, `${v.optimizer} mean rank ${rank} is not better than random's ${randomRank}: ${detail}`);
    assert.ok(v.significant, `${v.optimizer} is not significantly better than random: ${detail}`);
  }
});
