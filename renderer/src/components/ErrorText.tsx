// A failed action's message, shown next to the button that caused it.
import { Alert } from '@mantine/core';
import { errorMessage } from '../bridge/hearth';

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
