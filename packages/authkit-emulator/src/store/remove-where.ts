/**
 * Removes, in place, every element matching `predicate`; returns how many went. In place because
 * the state's arrays are shared by reference (the running emulator hands `state` to tests).
 */
export function removeWhere<T>(records: T[], predicate: (record: T) => boolean): number {
  let kept = 0;
  for (const record of records) {
    if (!predicate(record)) records[kept++] = record;
  }
  const removed = records.length - kept;
  records.length = kept;
  return removed;
}
