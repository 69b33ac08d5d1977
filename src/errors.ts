/** Stable error codes. Never renumber or reuse one: users match on them. */
export const ERROR_CODES = {
  /** A pipeline stage needs something no earlier stage provides. */
  PIPELINE_REQUIREMENT: 'KORNER_PIPELINE_REQUIREMENT',
  /** Two stages with one name, or a reference to a stage that is not there. */
  PIPELINE_STAGE: 'KORNER_PIPELINE_STAGE',
  /** A dictionary file could not be read or parsed. */
  DICTIONARY: 'KORNER_DICTIONARY',
  /** An option has a value the library cannot use. */
  OPTION: 'KORNER_OPTION',
  /** An input line is not valid JSON or lacks a required field. */
  INPUT_JSON: 'KORNER_INPUT_JSON',
  /** An input file could not be read. */
  INPUT_READ: 'KORNER_INPUT_READ',
  /** An input is larger than the CLI accepts for one record. */
  INPUT_TOO_LARGE: 'KORNER_INPUT_TOO_LARGE',
  /** A stage threw while processing a document. */
  STAGE_FAILED: 'KORNER_STAGE_FAILED',
  /** Invalid command-line usage. */
  USAGE: 'KORNER_USAGE',
  /** A record of annotated input (CoNLL, KLUE, brat, doccano, Label Studio) is malformed: a bad tag sequence, an offset off its text, an unknown label. */
  INPUT_FORMAT: 'KORNER_INPUT_FORMAT',
  /** The job queue cannot be used: bullmq or ioredis missing, Redis unreachable, an unknown or inconsistent run, a job that failed. */
  QUEUE: 'KORNER_QUEUE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The one error class of korner: `code` is stable, `message` says what went wrong and what to do. */
export class KornerError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(`korner: ${message}`, options);
    this.name = 'KornerError';
    this.code = code;
  }
}
