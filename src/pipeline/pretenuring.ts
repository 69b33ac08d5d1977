/**
 * How much text `extractAll` still runs document by document, each document created, run and dropped before the
 * next, before it runs its batches stage by stage (Pipeline.runBatch).
 *
 * Why: V8 decides, per allocation site (each object or array literal in the code), whether to allocate that
 * site's objects straight in the old generation ("allocation-site pretenuring"). It decides from the share of the
 * site's recent objects that survive a young-generation collection, and the decision then sticks for the life of
 * the process. A batch run stage by stage keeps every document of the batch alive through every stage, and the
 * first collections come often (the young generation starts small), so nearly all tokens, candidates and
 * entities look long-lived and their sites get pretenured. From then on those objects go straight to the old
 * generation, and the young strings and arrays they point to survive every young collection until the next full
 * one: 3.6 MB promoted per scavenge over klue-open-text instead of 0.02 MB, 9.5 ms per scavenge instead of 2.2.
 * Run one by one, each document is garbage before the next starts, the sites' first decisions are "do not
 * pretenure", and those stick too.
 *
 * The state is per module instance, hence per V8 isolate (a worker thread has its own), as the decisions are.
 * Elsewhere than V8 this costs nothing but the stage-by-stage order for the first documents.
 */
export const DOCUMENT_BY_DOCUMENT_UNITS = 1 << 15;

let remaining = DOCUMENT_BY_DOCUMENT_UNITS;

/**
 * How many of the leading documents to run one by one, given their lengths in UTF-16 units: as long as the
 * budget lasts (it shrinks by their lengths), each document counting whole.
 */
export function documentByDocumentPrefix(lengths: readonly number[]): number {
  let count = 0;
  while (remaining > 0 && count < lengths.length) {
    remaining -= lengths[count]! + 1;
    count++;
  }
  return count;
}

/** @internal For tests: sets the budget (0: every batch runs stage by stage from its first document). */
export function setDocumentByDocumentUnits(units: number): void {
  remaining = units;
}
