// Autosave for a draft note: every change is saved shortly after typing pauses, saves are
// serialised, a failed save keeps the text and is retried, and every lock (button, shortcut,
// auto-lock) flushes first through the drafts registry. Nothing typed is lost.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note, NoteFields } from '../../../contract';
import { call, errorMessage } from '../bridge/hearth';
import { registerDraftFlush } from '../lib/drafts';
import { queryKeys } from '../lib/queryKeys';

export const AUTOSAVE_DELAY_MS = 700;
const RETRY_DELAY_MS = 3000;

export type SaveState = { status: 'saved'; savedAt: string } | { status: 'pending' | 'saving' } | { status: 'error'; message: string };

export function fieldsOf(note: Note): NoteFields {
  const { entryType, occurredAt, durationMinutes, place, present, narrative, ownVoice, analysis, actions } = note;
  return { entryType, occurredAt, durationMinutes, place, present, narrative, ownVoice, analysis, actions };
}

export function useAutosave(note: Note) {
  const queryClient = useQueryClient();
  const values = useRef<NoteFields>(fieldsOf(note));
  const revision = useRef(note.revision);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>({ status: 'saved', savedAt: note.updatedAt });

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return;
    dirty.current = false;
    setState({ status: 'saving' });
    inFlight.current = call('saveDraft', { id: note.id, ...values.current, expectedRevision: revision.current })
      .then((saved) => {
        revision.current = saved.revision;
        queryClient.setQueryData(queryKeys.note(note.id), saved);
        if (!dirty.current) setState({ status: 'saved', savedAt: saved.updatedAt });
      })
      .catch((error: unknown) => {
        dirty.current = true;
        setState({ status: 'error', message: errorMessage(error) });
        timer.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
      })
      .finally(() => {
        inFlight.current = null;
      });
    await inFlight.current;
  }, [note.id, queryClient]);

  const update = useCallback(
    (patch: Partial<NoteFields>) => {
      values.current = { ...values.current, ...patch };
      dirty.current = true;
      setState((s) => (s.status === 'error' ? s : { status: 'pending' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => registerDraftFlush(flush), [flush]);
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return { update, flush, state, values };
}
