import { version } from '../../package.json';
import { KornerError } from '../errors.js';
import { runEval } from './commands/eval.js';
import { runExtract } from './commands/extract.js';
import { runNoriDictionary } from './commands/noriDictionary.js';
import { runIndex } from './commands/index.js';
import { runQueue } from './commands/queue.js';
import { runSynonyms } from './commands/synonyms.js';
import { runTokenize } from './commands/tokenize.js';
import { runWorker } from './commands/worker.js';
import type { CliContext } from './context.js';

type Command = (args: string[], context: CliContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  extract: { run: runExtract, summary: 'find entities and links in text, documents or JSONL' },
  index: { run: runIndex, summary: 'search-engine documents: Elasticsearch/OpenSearch _bulk, Solr, JSONL, and their mappings' },
  tokenize: { run: runTokenize, summary: 'morphological analysis on mecab-ko-dic (jsonl, conll, pretty)' },
  synonyms: { run: runSynonyms, summary: 'Solr/Elasticsearch synonym rules (glosses, acronyms, aliases) checked against Nori' },
  'nori-dictionary': { run: runNoriDictionary, summary: "Nori user dictionary of the names a corpus has that Nori would cut" },
  eval: { run: runEval, summary: 'score extraction or predictions against gold data (entity and character F1; an html error report)' },
  queue: { run: runQueue, summary: 'split a corpus into jobs on a Redis queue (add), and read its results (results, status)' },
  worker: { run: runWorker, summary: 'take jobs from the Redis queue and extract (any number, on any machine)' },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const list = Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(width)}${command.summary}`)
    .join('\n');
  return `korner ${version}: Korean named-entity extraction

Usage: korner <command> [options] [files...]

Commands:
${list}

Run "korner <command> --help" for a command's options.
Options: -h, --help   this help;  -v, --version   the version
`;
}

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[], context: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    await context.stdout.write(mainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    await context.stdout.write(`${version}\n`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    context.warn(`korner: unknown command "${first}". Commands: ${Object.keys(COMMANDS).join(', ')}; see korner --help.`);
    return 2;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof KornerError) {
      context.warn(`${error.message} [${error.code}]`);
      return 2;
    }
    throw error;
  }
}
