/**
 * For tests that need Python (and Python packages): `skipUnless` gives node:test's skip
 * message when it is missing, except in CI (CI=true), where the test runs and `need` fails it.
 */
export function skipUnless(found: string | undefined, what: string): string | false {
  if (found || process.env.CI === 'true') return false;
  return `needs ${what} (set HPOARENA_PYTHON or install it, e.g. apt-get install python3-optuna python3-scipy); skipped`;
}

export function need(found: string | undefined, what: string): string {
  if (found) return found;
  throw new Error(`No ${what} found (tried $HPOARENA_PYTHON, python3, /usr/bin/python3, /usr/local/bin/python3, python); CI=true requires it: install it, e.g. apt-get install python3-optuna python3-scipy.`);
}
