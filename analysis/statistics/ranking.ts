/**
 * Ranks 1..n of `values`, ascending (the smallest gets rank 1), ties sharing the average
 * of the ranks they span (scipy.stats.rankdata's 'average'). `ties` lists the size of
 * every group of tied values (groups of one included).
 */
export function rankAverage(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    ties.push(end - start);
    start = end;
  }
  return { ranks, ties };
}

export function ranks(values: readonly number[]): number[] {
  return rankAverage(values).ranks;
}
