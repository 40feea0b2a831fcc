import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from '../db/database.ts';

const pendingOfTransaction = new AsyncLocalStorage<(() => void)[]>();

/**
 * Runs `callback` once the surrounding transaction has committed (at once outside a transaction,
 * or on a database handle without `deferCallbacksUntilCommit`); a rolled-back transaction drops it.
 */
export function afterCommit(callback: () => void): void {
  const pending = pendingOfTransaction.getStore();
  if (pending) pending.push(callback);
  else callback();
}

/** Makes `db.transaction` hold back `afterCommit` callbacks until its transaction has committed. */
export function deferCallbacksUntilCommit(db: Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (run, config) => {
    // A transaction opened inside another one commits no earlier than the outer one for our purpose.
    if (pendingOfTransaction.getStore()) return transaction(run, config);
    const pending: (() => void)[] = [];
    const result = await pendingOfTransaction.run(pending, () => transaction(run, config));
    for (const callback of pending) callback();
    return result;
  }) as Database['transaction'];
}
