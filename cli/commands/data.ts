import type { CommandModule } from 'yargs';
import { UnknownNameError } from '../../core/index.js';
import { fetchYahpoData, YAHPO_DATA_URL } from '../../benchmarks/yahpo/fetchData.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';

interface FetchArgs { collection: string; url?: string; scenario?: string[]; 'data-dir'?: string }

interface FetchRequest { dataDir?: string; url?: string; scenarios?: string[]; log: (line: string) => void }

/** Collections whose data is downloaded rather than shipped. */
const fetchers = {
  yahpo: async (request: FetchRequest) => {
    const result = await fetchYahpoData(request);
    return `YAHPO data for ${result.scenarios.join(', ')} is in ${result.target}`;
  },
} satisfies Record<string, (request: FetchRequest) => Promise<string>>;

const fetchCommand: CommandModule<object, FetchArgs> = {
  command: 'fetch <collection>',
  describe: `Download a collection's data into the data directory (yahpo: ${YAHPO_DATA_URL})`,
  builder: (y) =>
    withDataDir(y)
      .positional('collection', { type: 'string', describe: `Collection: ${Object.keys(fetchers).join(', ')}` })
      .option('url', { type: 'string', describe: 'Read the archive from here instead (https://, http://, file:// or a path)' })
      .option('scenario', { type: 'string', array: true, describe: 'Only these scenarios (default: all that hpoarena ships)' }) as never,
  handler: async (args) => {
    const fetcher = fetchers[args.collection as keyof typeof fetchers];
    if (!fetcher) throw new UnknownNameError('collection with data to fetch', args.collection, Object.keys(fetchers));
    const scenarios = args.scenario?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const message = await fetcher({
      dataDir: resolveDataDir(args['data-dir']),
      url: args.url,
      scenarios: scenarios && scenarios.length > 0 ? scenarios : undefined,
      log: (line) => console.error(line),
    });
    console.log(message);
  },
};

export const dataCommand: CommandModule<object, object> = {
  command: 'data',
  describe: 'Manage task data that is downloaded, not shipped (data fetch yahpo)',
  builder: (y) => y.command(fetchCommand).demandCommand(1, 'Give a data command: fetch.') as never,
  handler: () => undefined,
};
