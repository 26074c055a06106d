// Open drafts register a flush function here. Before any lock (button, shortcut or auto-lock)
// every flush runs, so nothing typed is lost to a lock.
type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function registerDraftFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushAllDrafts(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
