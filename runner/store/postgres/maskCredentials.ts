/**
 * The one place that hides PostgreSQL credentials: every message, log line and error that may
 * name a connection goes through `maskCredentials`. A URL's password becomes '***' (the user
 * name stays: it helps to tell which role was refused); a `password=...` keyword (libpq's
 * key/value form) is masked too, and so is the literal password when the caller knows it
 * (a driver message may quote it).
 */
const URL_PASSWORD = /(postgres(?:ql)?:\/\/[^:/?#@\s]*:)([^@/?#\s]*)@/gi;
const KEYWORD_PASSWORD = /(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi;

export function maskCredentials(text: string, password?: string): string {
  let masked = text.replace(URL_PASSWORD, '$1***@').replace(KEYWORD_PASSWORD, '$1***');
  if (password && password.length >= 3) masked = masked.split(password).join('***');
  return masked;
}

/** True for a store location that names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}
