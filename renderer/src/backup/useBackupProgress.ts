// Follows the backupProgress events main sends while a backup, check or restore runs.
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../contract';

export type Progress = EventPayload<'backupProgress'>;

export const phaseLabels: Record<Progress['phase'], string> = {
  preparing: 'Preparing',
  unlocking: 'Opening the backup',
  writing: 'Writing the encrypted backup',
  reading: 'Reading and checking every byte',
  checking: 'Checking the records',
  finishing: 'Finishing',
};

export function useBackupProgress(active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    return window.hearth.on('backupProgress', setProgress);
  }, [active]);
  return progress;
}

export const percent = (p: Progress | null): number => (p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0);
