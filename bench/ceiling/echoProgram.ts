/**
 * The anchor of external.vs_pipe_roundtrip: a child process that answers every JSON line on
 * stdin with the same object on stdout (parsed and serialized again), nothing else. One
 * exchange with it is the cheapest round trip two such processes can make over pipes.
 */
import { readStdinLines } from '../../optimizers/external/lineSplitter.js';

readStdinLines((line) => process.stdout.write(JSON.stringify(JSON.parse(line)) + '\n'));
process.stdin.on('end', () => process.exit(0));
