import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ERROR_CODES, KornerError } from '../errors.js';
import { readTextFile } from '../resources/nodeLoader.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; unknown options become a usage error that names them. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new KornerError(
      ERROR_CODES.USAGE,
      `${command}: ${(error as Error).message.replace(/^.*?: /, '')}. Run "korner ${command} --help" for the options.`,
    );
  }
}

export function oneOf<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new KornerError(
      ERROR_CODES.USAGE,
      `${command}: --${option} must be one of ${allowed.join(', ')}, got "${value}".`,
    );
  }
  return value as T;
}

export function positiveInteger(command: string, option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new KornerError(ERROR_CODES.USAGE, `${command}: --${option} must be a positive integer, got "${value}".`);
  }
  return number;
}

/** Reads a file an option names (a user dictionary, user words); an unreadable one is an input error naming it. */
export function readOptionFile(what: string, path: string): string {
  try {
    return readTextFile(path);
  } catch (error) {
    throw new KornerError(
      ERROR_CODES.INPUT_READ,
      `cannot read ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
}
