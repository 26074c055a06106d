// Locking from the renderer: save open drafts, close the vault, then reload the page so that no
// record stays in this page's memory. Auto-lock answers main's lockRequested event the same way.
import { useCallback, useEffect } from 'react';
import { call } from '../bridge/hearth';
import { flushAllDrafts } from '../lib/drafts';

export function useLock(): () => Promise<void> {
  return useCallback(async () => {
    await flushAllDrafts();
    await call('lockVault', {});
    window.location.reload();
  }, []);
}

/** Answers main's request to lock (idle, suspend, screen lock) once drafts are saved. */
export function useLockRequests(): void {
  useEffect(
    () =>
      window.hearth.on('lockRequested', ({ requestId }) => {
        void flushAllDrafts().finally(() => void call('confirmReadyToLock', { requestId }));
      }),
    [],
  );
}
