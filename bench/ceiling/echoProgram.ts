/**
 * The anchor of external.vs_pipe_roundtrip: a child process that answers every JSON line on
 * stdin with the same object on stdout (parsed and serialized again), nothing else. One
 * exchange with it is the cheapest round trip two such processes can make over pipes.
 */
let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffer += chunk;
  let newline = buffer.indexOf('\n');
  while (newline >= 0) {
    const line = buffer.slice(0, newline);
    buffer = buffer.slice(newline + 1);
    process.stdout.write(JSON.stringify(JSON.parse(line)) + '\n');
    newline = buffer.indexOf('\n');
  }
});
process.stdin.on('end', () => process.exit(0));
