// Starting a note: a draft is created at once (so autosave has somewhere to go) and opened.
import { useNavigate } from 'react-router';
import { emptyRichText } from '../../../contract';
import { call } from '../bridge/hearth';
import { useRecordMutation } from '../lib/useRecordMutation';

export function useNewNote(caseId: string) {
  const navigate = useNavigate();
  return useRecordMutation(
    () =>
      call('createNote', {
        caseId,
        entryType: 'home_visit',
        occurredAt: new Date().toISOString(),
        durationMinutes: null,
        place: '',
        present: [],
        narrative: emptyRichText,
        ownVoice: emptyRichText,
        analysis: emptyRichText,
        actions: emptyRichText,
      }),
    { onSuccess: (note) => void navigate(`/cases/${caseId}/notes/${note.id}`) },
  );
}
