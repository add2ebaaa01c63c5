import type { PendingFile } from './attachmentsApi';

/**
 * Files attached to a visit draft, kept in this browser's IndexedDB under the draft's key until the
 * visit and its files are sent: a reload, a closed tab or a lost network keeps them. Without
 * IndexedDB (private modes of some browsers) the files live only as long as the page.
 */
const DB_NAME = 'outreach-drafts';
const STORE = 'files';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'));
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused'));
  });
}

async function run(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  const db = await open();
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    });
  } finally {
    db.close();
  }
}

export async function loadPendingFiles(key: string): Promise<PendingFile[]> {
  try {
    return ((await run('readonly', (store) => store.get(key))) as PendingFile[] | undefined) ?? [];
  } catch {
    return [];
  }
}

export async function savePendingFiles(key: string, files: PendingFile[]): Promise<void> {
  try {
    await run('readwrite', (store) => (files.length ? store.put(files, key) : store.delete(key)));
  } catch {
    // Storage full or blocked: the files stay with the page only.
  }
}

export function clearPendingFiles(key: string): Promise<void> {
  return savePendingFiles(key, []);
}
