import { ENTITY_TYPES, type EntityType } from '../../document/types.js';
import { labelOf } from '../../formats/labels.js';

/**
 * Numbers as the report writes them, the same on every machine: no locale (toLocaleString would group digits by
 * the system's language, and the page must be byte-identical for identical inputs).
 */

/** A count with a comma between each group of three digits: 12,345. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A score in [0, 1] with three decimals: 0.817. */
export function formatScore(value: number): string {
  return value.toFixed(3);
}

/** A type's KLUE tag (PS, LC, OG, DT, TI, QT), or the type itself when it has none. */
export function shortLabel(type: string): string {
  return (ENTITY_TYPES as readonly string[]).includes(type) ? labelOf(type as EntityType, 'klue') : type;
}
