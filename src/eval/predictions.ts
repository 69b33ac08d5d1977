import { ERROR_CODES, KornerError } from '../errors.js';
import type { GoldEntity } from './gold.js';
import type { GoldDocument } from '../formats/reader.js';

/**
 * Predictions made elsewhere (`korner extract --format jsonl`, `npm run eval:cv -- --predictions FILE`, another
 * tool writing korner JSONL), matched to the gold records they predict: by id, or by order when they carry none.
 * Anything that would make the scores wrong is an error that names the file and line: a prediction whose text is
 * not its gold record's (or, without text, whose spans do not fit it), a gold record without a prediction, a
 * prediction without a gold record.
 */

export interface PredictionSources {
  /** How the gold data and the predictions are named in messages (their paths, or `stdin`). */
  goldName: string;
  predictionsName: string;
  /**
   * Ids of gold records that were read but are not scored (another part of the --split): their predictions are
   * left out, not errors.
   */
  leftOut: ReadonlySet<string>;
  /** Whether some gold records could not be read: then a prediction of an id not in the gold may be one of theirs. */
  goldIncomplete: boolean;
}

export interface MatchedPredictions {
  /** The predicted entities of each gold record, in the gold order. */
  predicted: GoldEntity[][];
  /** How the records were matched. */
  by: 'id' | 'order';
  /** Predictions left out: of gold records not scored, or (when some gold records could not be read) of unknown ids. */
  skipped: number;
}

const where = (name: string, document: GoldDocument): string => `${document.file ?? name}:${document.line}`;

/** The first offset where two texts differ, with a few characters of each there. */
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && at < b.length && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  const show = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 10), at + 10));
  return `from offset ${at}: gold ${show(a)}, prediction ${show(b)}`;
}

/**
 * The entities of a prediction, checked against its gold record: its text must be the gold text; a prediction
 * without text (korner extract's jsonl) must have its spans inside the gold text, and their texts where it gives them.
 */
function entitiesOf(gold: GoldDocument, prediction: GoldDocument, sources: PredictionSources): GoldEntity[] {
  const at = where(sources.predictionsName, prediction);
  const fix = 'Predict the gold texts as they are, and keep the gold ids (or the gold order, without ids).';
  if (prediction.ownText !== false) {
    if (gold.text === prediction.text) return prediction.entities;
    throw new KornerError(
      ERROR_CODES.INPUT_FORMAT,
      `${at}: the text of prediction "${prediction.id}" is not that of gold record "${gold.id}" (${where(sources.goldName, gold)}), ${firstDifference(gold.text, prediction.text)}. ${fix}`,
    );
  }
  return prediction.entities.map((entity, i) => {
    const span = gold.text.slice(entity.start, entity.end);
    if (entity.end > gold.text.length || (entity.text !== '' && entity.text !== span)) {
      const found = entity.end > gold.text.length ? `ends at ${entity.end}, past the end of the gold text (${gold.text.length})` : `is ${JSON.stringify(entity.text)}, the gold text there ${JSON.stringify(span)}`;
      throw new KornerError(
        ERROR_CODES.INPUT_FORMAT,
        `${at}: entity ${i} of prediction "${prediction.id}" ${found} (gold record "${gold.id}", ${where(sources.goldName, gold)}). ${fix}`,
      );
    }
    return { ...entity, text: span };
  });
}

/**
 * The predictions of each gold record. By id when the predictions have ids and at least one is a gold id; by order
 * when they have none, or none of theirs is a gold id (gold records without ids of their own are named by their
 * line, which a prediction cannot know). Throws a KornerError naming the file and line of the first mismatch.
 */
export function matchPredictions(
  gold: readonly GoldDocument[],
  predictions: readonly GoldDocument[],
  sources: PredictionSources,
): MatchedPredictions {
  const withId = predictions.filter((p) => p.ownId !== false);
  if (withId.length > 0 && withId.length < predictions.length) {
    const first = predictions.find((p) => p.ownId === false)!;
    throw new KornerError(
      ERROR_CODES.INPUT_FORMAT,
      `${where(sources.predictionsName, first)}: this prediction has no "id" but others have one; give every record its gold id, or none (to match them to the gold records by order).`,
    );
  }
  const goldById = new Map<string, GoldDocument>();
  for (const record of gold) {
    const twin = goldById.get(record.id);
    if (twin) {
      throw new KornerError(
        ERROR_CODES.INPUT_FORMAT,
        `${where(sources.goldName, record)}: gold id "${record.id}" is also the id of ${where(sources.goldName, twin)}; predictions are matched by id, so gold ids must be unique.`,
      );
    }
    goldById.set(record.id, record);
  }
  const byId = withId.length > 0 && withId.some((p) => goldById.has(p.id) || sources.leftOut.has(p.id));
  return byId ? matchById(gold, goldById, predictions, sources) : matchByOrder(gold, predictions, sources);
}

function matchById(
  gold: readonly GoldDocument[],
  goldById: ReadonlyMap<string, GoldDocument>,
  predictions: readonly GoldDocument[],
  sources: PredictionSources,
): MatchedPredictions {
  const found = new Map<string, GoldDocument>();
  let skipped = 0;
  for (const prediction of predictions) {
    const record = goldById.get(prediction.id);
    if (!record) {
      if (sources.leftOut.has(prediction.id) || sources.goldIncomplete) {
        skipped++;
        continue;
      }
      throw new KornerError(
        ERROR_CODES.INPUT_FORMAT,
        `${where(sources.predictionsName, prediction)}: prediction "${prediction.id}" has no gold record of that id in ${sources.goldName}; predict the records of this gold file, with their ids.`,
      );
    }
    const twin = found.get(prediction.id);
    if (twin) {
      throw new KornerError(
        ERROR_CODES.INPUT_FORMAT,
        `${where(sources.predictionsName, prediction)}: a second prediction of "${prediction.id}" (the first is at line ${twin.line}); give one prediction per gold record.`,
      );
    }
    found.set(prediction.id, prediction);
  }
  const predicted = gold.map((record) => {
    const prediction = found.get(record.id);
    if (!prediction) {
      throw new KornerError(
        ERROR_CODES.INPUT_FORMAT,
        `${sources.predictionsName}: no prediction of gold record "${record.id}" (${where(sources.goldName, record)}); predict every gold record, or score a part of the gold with --split.`,
      );
    }
    return entitiesOf(record, prediction, sources);
  });
  return { predicted, by: 'id', skipped };
}

function matchByOrder(gold: readonly GoldDocument[], predictions: readonly GoldDocument[], sources: PredictionSources): MatchedPredictions {
  if (sources.leftOut.size > 0 || sources.goldIncomplete) {
    throw new KornerError(
      ERROR_CODES.USAGE,
      `${sources.predictionsName}: predictions without gold ids are matched to the gold records by order, which needs every gold record: ${sources.goldIncomplete ? 'fix the gold records that could not be read' : 'score without --split'}, or give the predictions the gold ids.`,
    );
  }
  const predicted = predictions.map((prediction, k) => {
    const record = gold[k];
    if (!record) {
      throw new KornerError(
        ERROR_CODES.INPUT_FORMAT,
        `${where(sources.predictionsName, prediction)}: more predictions than the ${gold.length} gold records; predictions without gold ids are matched by order, one per gold record.`,
      );
    }
    return entitiesOf(record, prediction, sources);
  });
  if (predictions.length < gold.length) {
    const record = gold[predictions.length]!;
    throw new KornerError(
      ERROR_CODES.INPUT_FORMAT,
      `${sources.predictionsName}: ${predictions.length} predictions for ${gold.length} gold records, none for gold record "${record.id}" (${where(sources.goldName, record)}); predictions without gold ids are matched by order, one per gold record.`,
    );
  }
  return { predicted, by: 'order', skipped: 0 };
}
