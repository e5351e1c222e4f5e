/**
 * Natural order of ids: digit runs compare as numbers, so 'bbob/2/8/0' comes before
 * 'bbob/2/15/0'. Other characters compare by code point (no locale), so the order is the
 * same on every machine.
 */
export function naturalCompare(a: string, b: string): number {
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    const order = bothNumbers ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}

function chunks(id: string): string[] {
  return id.match(/\d+|\D+/g) ?? [];
}

/** Digit strings of any length, by value ('007' and '7' tie here; the full ids break the tie). */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
