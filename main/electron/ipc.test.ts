// The IPC wiring: one handler per contract operation, and the sender check.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { channelFor, operationNames } from '../../contract';
import type { Router } from '../router/router';
import { isTrustedSender, registerIpc } from './ipc';

function fakeIpc() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>();
  return { ipc: { handle: (channel: string, fn: never) => handlers.set(channel, fn) } as unknown as IpcMain, handlers };
}

describe('registerIpc', () => {
  it('registers exactly one channel per operation and no catch-all', () => {
    const { ipc, handlers } = fakeIpc();
    const router: Router = { dispatch: async () => ({ ok: true, value: null }) };
    registerIpc(ipc, router, () => null);
    expect([...handlers.keys()].sort()).toEqual(operationNames.map(channelFor).sort());
  });

  it('tells the router whether the sender is the app’s own top-level frame', async () => {
    const { ipc, handlers } = fakeIpc();
    const seen: boolean[] = [];
    const router: Router = {
      dispatch: async (_n, _p, origin) => {
        seen.push(origin.trusted);
        return { ok: true, value: null };
      },
    };
    const mainFrame = { origin: 'app://hearth', url: 'app://hearth/index.html' };
    const contents = { mainFrame } as unknown as WebContents;
    registerIpc(ipc, router, () => contents);
    const handler = handlers.get(channelFor('ping'))!;
    await handler({ sender: contents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent, {});
    await handler({ sender: contents, senderFrame: { origin: 'app://hearth', url: 'app://hearth/x' } } as unknown as IpcMainInvokeEvent, {});
    await handler({ sender: {} as WebContents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent, {});
    expect(seen).toEqual([true, false, false]);
  });

  it('refuses a main frame that has navigated to another origin', () => {
    const frame = { origin: 'https://example.org', url: 'https://example.org/' };
    const contents = { mainFrame: frame } as unknown as WebContents;
    expect(isTrustedSender({ sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent, () => contents)).toBe(false);
  });
});
