// Loading and error states for a query, in words a practitioner can act on.
import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../bridge/hearth';

export function QueryState<T>({ query, children, label = 'Loading' }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; label?: string }) {
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={label} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" role="alert" title="This could not be shown">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
