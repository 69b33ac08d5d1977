import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { Output } from '../../src/cli/output.js';

/** Runs the CLI in-process and returns its exit status, standard output and warnings. */
export async function runCli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const warnings: string[] = [];
  const status = await main(args, { stdout: new Output(stream), warn: (m) => warnings.push(m) });
  return { status, stdout: Buffer.concat(chunks).toString('utf8'), stderr: warnings.join('\n') };
}
