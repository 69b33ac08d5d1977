import { execFileSync, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Output } from '../../src/cli/output.js';
import { runCli } from '../cli/run.js';
import { cliPath, repoRoot } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'korner-index-'));
const news = join(repoRoot, 'examples', 'news.txt');
const jsonl = join(dir, 'in.jsonl');
writeFileSync(
  jsonl,
  [
    '{"id":"a","text":"유정복 인천시장은 16일 인천시청에서 김 씨를 만났다.","referenceDate":"2016-05-17","source":"wire"}',
    'not json',
    '{"id":"c","text":"해수부는 2026년 1만2천㎡ 부지를 정했다."}',
  ].join('\n') + '\n',
);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const parseLines = (text: string): Json[] => text.trim().split('\n').map((line) => JSON.parse(line) as Json);

describe('korner index on examples/news.txt (the built CLI)', () => {
  it('writes an action and a document for each line, in input order, with exit status 0', () => {
    const result = spawnSync(process.execPath, [cliPath, 'index', '--to', 'elasticsearch', news], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const body = parseLines(result.stdout);
    const lineCount = readFileSync(news, 'utf8').split('\n').length - (readFileSync(news, 'utf8').endsWith('\n') ? 1 : 0);
    expect(body).toHaveLength(2 * lineCount);
    for (let k = 0; k < body.length; k += 2) {
      expect(body[k]).toEqual({ index: { _id: `${news}:${k / 2 + 1}` } });
      expect(body[k + 1]!.id).toBe(body[k]!.index._id);
    }
    const all = body.filter((_, k) => k % 2 === 1);
    expect(all.flatMap((d) => d.organization)).toContain('해양수산부');
    // Each line is a document: only the dateline's date has a value (the relative dates of the others have no reference).
    expect(all.flatMap((d) => d.date)).toEqual(['2024-03-14']);
  });

  it('is what korner extract --format elasticsearch writes', () => {
    const index = execFileSync(process.execPath, [cliPath, 'index', '--to', 'elasticsearch', '--input', 'document', news], { encoding: 'utf8' });
    const extract = execFileSync(process.execPath, [cliPath, 'extract', '--format', 'elasticsearch', '--input', 'document', news], { encoding: 'utf8' });
    expect(index).toBe(extract);
  });
});

describe('korner index with bad records', () => {
  it('--to jsonl writes an error record in place and exits with 1', async () => {
    const { status, stdout, stderr } = await runCli(['index', '--to', 'jsonl', '--input', 'jsonl', jsonl]);
    expect(status).toBe(1);
    const docs = parseLines(stdout);
    expect(docs.map((d) => d.id)).toEqual(['a', expect.stringMatching(/in\.jsonl:2$/), 'c']);
    expect(docs[1]).toMatchObject({ line: 2, error: { code: 'KORNER_INPUT_JSON' } });
    expect(docs[0]).toMatchObject({ source: 'wire', person: ['유정복'], date: ['2016-05-16'] });
    expect(docs[0]!.entities.map((e: Json) => e.text)).toContain('김');
    expect(stderr).toMatch(/in\.jsonl:2/);
  });

  it.each(['elasticsearch', 'opensearch', 'solr'])('--to %s leaves it out of the body, names it on standard error, and exits with 1', async (engine) => {
    const { status, stdout, stderr } = await runCli(['index', '--to', engine, '--input', 'jsonl', jsonl]);
    expect(status).toBe(1);
    const lines = parseLines(stdout);
    expect(lines).toHaveLength(engine === 'solr' ? 2 : 4);
    expect(lines.map((l) => l.id ?? l.index._id).filter((id, k) => engine === 'solr' || k % 2 === 0)).toEqual(['a', 'c']);
    expect(stderr).toMatch(/in\.jsonl:2: .*JSON/);
  });

  it.each(['elasticsearch', 'jsonl'])('--to %s --strict stops at it with exit status 2', async (engine) => {
    const { status, stderr } = await runCli(['index', '--to', engine, '--input', 'jsonl', '--strict', jsonl]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/in\.jsonl:2/);
  });
});

describe('korner index options', () => {
  it('names the index in each action on --index, and passes extract options on (--types, --reference-date)', async () => {
    const { status, stdout } = await runCli(['index', '--to', 'opensearch', '--index', 'news', '--types', 'DATE', '--reference-date', '2024-01-01', '--input', 'jsonl', '--workers', '1', jsonl]);
    expect(status).toBe(1);
    const body = parseLines(stdout);
    expect(body[0]).toEqual({ index: { _index: 'news', _id: 'a' } });
    expect(body[1]).toMatchObject({ person: [], organization: [], date: ['2016-05-16'] });
    expect(body[3]).toMatchObject({ date: [], date_range: [{ gte: '2026-01-01', lte: '2026-12-31' }], quantity: [] });
  });

  it('writes the index template to --mapping, with the synonyms and the Nori dictionary inline', async () => {
    const synonyms = join(dir, 'synonyms.txt');
    const dictionary = join(dir, 'userdict.txt');
    const mapping = join(dir, 'template.json');
    writeFileSync(synonyms, '# korner synonyms\n威海, 웨이하이\n기재부 => 기획재정부\n');
    writeFileSync(dictionary, '웨이하이\n경인아라뱃길 경인 아라 뱃길\n');
    const { status, stdout } = await runCli(['index', '--to', 'elasticsearch', '--index', 'news', '--mapping', mapping, '--synonyms', synonyms, '--nori-dictionary', dictionary, news]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\{"index":\{"_index":"news","_id":/);
    const template = JSON.parse(readFileSync(mapping, 'utf8')) as Json;
    expect(template.index_patterns).toEqual(['news']);
    expect(template.template.settings.analysis.filter.korner_synonyms.synonyms).toEqual(['威海, 웨이하이', '기재부 => 기획재정부']);
    expect(template.template.settings.analysis.tokenizer.korner_nori.user_dictionary_rules).toEqual(['웨이하이', '경인아라뱃길 경인 아라 뱃길']);
    expect(template.template.mappings.properties.person).toEqual({ type: 'keyword' });
  });

  it('reads synonyms written as a JSON array (korner synonyms --format elasticsearch)', async () => {
    const synonyms = join(dir, 'synonyms.json');
    const mapping = join(dir, 'template-array.json');
    writeFileSync(synonyms, '["威海, 웨이하이", "ETRI, 전자통신연구원"]\n');
    const { status } = await runCli(['index', '--to', 'elasticsearch', '--mapping', mapping, '--synonyms', synonyms, '/dev/null']);
    expect(status).toBe(0);
    expect((JSON.parse(readFileSync(mapping, 'utf8')) as Json).template.settings.analysis.filter.korner_synonyms.synonyms).toEqual(['威海, 웨이하이', 'ETRI, 전자통신연구원']);
  });

  it('writes the Solr schema commands to --mapping, naming the synonym and dictionary files', async () => {
    const synonyms = join(dir, 'korner-synonyms.txt');
    const dictionary = join(dir, 'userdict_ko.txt');
    const mapping = join(dir, 'schema.json');
    writeFileSync(synonyms, '威海, 웨이하이\n');
    writeFileSync(dictionary, '웨이하이\n');
    const { status } = await runCli(['index', '--to', 'solr', '--mapping', mapping, '--synonyms', synonyms, '--nori-dictionary', dictionary, '/dev/null']);
    expect(status).toBe(0);
    const schema = JSON.parse(readFileSync(mapping, 'utf8')) as Json;
    expect(schema['add-field-type'][0].queryAnalyzer.filters.at(-1)).toMatchObject({ class: 'solr.SynonymGraphFilterFactory', synonyms: 'korner-synonyms.txt' });
    expect(schema['add-field-type'][0].indexAnalyzer.tokenizer.userDictionary).toBe('userdict_ko.txt');
  });

  it('resumes an interrupted --to jsonl run', async () => {
    const out = join(dir, 'resume.jsonl');
    const whole = (await runCli(['index', '--to', 'jsonl', '--input', 'jsonl', jsonl])).stdout;
    writeFileSync(out, whole.split('\n')[0] + '\n{"id":"cut o');
    const { status } = await runCli(['index', '--to', 'jsonl', '--input', 'jsonl', '--resume', out, jsonl]);
    expect(status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('says to continue a stopped bulk run with --skip N into another file, since it cannot be resumed', async () => {
    // A stand-in for the process that sends SIGINT as soon as the run listens for it.
    const signals = new EventEmitter();
    signals.on('newListener', (event: string, listener: () => void) => {
      if (event === 'SIGINT') setImmediate(listener);
    });
    const warnings: string[] = [];
    const status = await main(['index', '--to', 'elasticsearch', '--workers', '1', '-o', join(dir, 'stopped.ndjson'), news], {
      stdout: new Output(new PassThrough()),
      warn: (message) => warnings.push(message),
      signals: signals as unknown as NodeJS.Process,
    });
    expect(status).toBe(130);
    expect(warnings.join('\n')).toMatch(/stopped by SIGINT after (\d+) documents.*; to continue, run the same command with --skip \1 and another --output\.$/);
    expect(warnings.join('\n')).not.toContain('--resume');
  });

  it('shows its help', async () => {
    const { status, stdout } = await runCli(['index', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: korner index --to ENGINE/);
    expect(stdout).toMatch(/bulk and Solr bodies leave it out/);
  });

  it.each([
    [[news], /give the engine with --to/],
    [['--to', 'xml', news], /--to must be one of elasticsearch, opensearch, solr, jsonl, got "xml"/],
    [['--to', 'solr', '--index', 'news', news], /--index names the index of bulk actions.*Solr takes the collection from the request URL/],
    [['--to', 'elasticsearch', '--index', 'News', news], /--index "News" cannot name .* lower case/],
    [['--to', 'elasticsearch', '--resume', join(dir, 'x'), news], /--resume needs --to jsonl/],
    [['--to', 'elasticsearch', '--synonyms', join(dir, 'x'), news], /--synonyms and --nori-dictionary go into the mapping/],
    [['--to', 'jsonl', '--mapping', join(dir, 'x'), news], /--mapping applies to elasticsearch, opensearch and solr/],
    [['--to', 'elasticsearch', '--mapping', join(dir, 'm.json'), '--synonyms', join(dir, 'missing.txt'), news], /cannot read synonyms .*missing\.txt/],
    [['--to', 'elasticsearch', '--format', 'jsonl', news], /index: Unknown option '--format'/],
    [['--to', 'elasticsearch', '--workers', '0', news], /index: --workers must be a positive integer/],
  ])('refuses %j with a message that says what to do (exit status 2)', async (args, message) => {
    const { status, stderr } = await runCli(['index', ...args]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});
