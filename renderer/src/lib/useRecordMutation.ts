// A mutation through the bridge that refreshes every view of the records when it succeeds.
import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { recordKeys } from './queryKeys';

export function useRecordMutation<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>, options: Omit<UseMutationOptions<TOutput, Error, TInput>, 'mutationFn'> = {}) {
  const queryClient = useQueryClient();
  return useMutation<TOutput, Error, TInput>({
    ...options,
    mutationFn,
    onSuccess: async (data, variables, result, context) => {
      await Promise.all(recordKeys.map((key) => queryClient.invalidateQueries({ queryKey: key })));
      await options.onSuccess?.(data, variables, result, context);
    },
  });
}
