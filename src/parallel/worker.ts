/**
 * A worker thread of the pool (see pool.ts): it makes one extractor when it starts, from its workerData, with the
 * dictionaries read from the files the main thread put in shared memory, and answers tasks with it.
 */
import Tinypool from 'tinypool';
import { KornerError } from '../errors.js';
import { createExtractor } from '../extractor.js';
import { nodeLoader } from '../resources/nodeLoader.js';
import type { WorkerData, WorkerReply, WorkerTask } from './protocol.js';
import { jobTools } from './morphemes.js';
import { runRecordJob, type JobSettings, type JobTools } from './recordJob.js';
import { sharedFilesLoader } from './sharedFiles.js';

const data = Tinypool.workerData as WorkerData;

// Made as soon as the thread starts, so that every worker of a pool loads at the same time.
const ready = createExtractor({ ...data.options, loader: sharedFilesLoader(data.files, nodeLoader(data.root)) });
ready.catch(() => undefined); // reported by the first task

/** The tools of a job, made once per format and writer options (a pool serves one run, so this holds one or two). */
const tools = new Map<string, Promise<JobTools>>();

function toolsFor(extractor: Awaited<typeof ready>, settings: JobSettings): Promise<JobTools> {
  const key = JSON.stringify([settings.format, settings.writer ?? {}]);
  let made = tools.get(key);
  if (!made) tools.set(key, (made = jobTools(extractor, settings)));
  return made;
}

export default async function handleTask(task: WorkerTask): Promise<WorkerReply> {
  try {
    const extractor = await ready;
    switch (task.kind) {
      case 'ready':
        return { ok: true, value: null };
      case 'extractAll':
        return { ok: true, value: extractor.extractAll(task.inputs, task.options) };
      case 'records':
        return { ok: true, value: runRecordJob(await toolsFor(extractor, task.settings), task.records, task.settings) };
    }
  } catch (error) {
    if (error instanceof KornerError) {
      return { ok: false, error: { code: error.code, message: error.message.replace(/^korner: /, '') } };
    }
    throw error;
  }
}
