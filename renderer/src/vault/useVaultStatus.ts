// The vault's state (none / locked / unlocked) as a query shared by every screen.
import { useQuery } from '@tanstack/react-query';
import { call } from '../bridge/hearth';

export const vaultStatusKey = ['vault', 'status'] as const;

export function useVaultStatus() {
  return useQuery({ queryKey: vaultStatusKey, queryFn: () => call('getVaultStatus', {}) });
}
