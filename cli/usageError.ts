import { closestName } from '../core/index.js';

/**
 * A yargs usage message with what the user likely meant: "Unknown argument: seed" becomes
 * "Unknown argument --seed: did you mean --seeds?".
 */
export function explainUsageError(message: string, knownOptions: readonly string[], argv: readonly string[] = []): string {
  const command = /^Did you mean (\S+)\?$/.exec(message);
  if (command && argv[0]) return `Unknown command '${argv[0]}': did you mean '${command[1]}'?`;
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown) return message.replace(/\.$/, '');
  const flags = knownOptions.filter((o) => o.length > 1 && !/[A-Z]/.test(o) && o !== '$0' && o !== '_');
  const parts = unknown[1].split(', ').map((name) => {
    const flag = name.length === 1 ? `-${name}` : `--${name}`;
    const suggestion = closestName(name, flags);
    return suggestion ? `${flag}: did you mean --${suggestion}?` : flag;
  });
  return `Unknown ${parts.length === 1 ? 'option' : 'options'} ${parts.join('; ')}`;
}
