// Wires the router to ipcMain: one handler per contract operation (no catch-all channel), each
// checking that the sender is the app's own top-level frame before the router sees the call.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelFor, operationNames } from '../../contract';
import type { Router } from '../router/router';
import { APP_ORIGIN } from './appProtocol';

export function isTrustedSender(event: IpcMainInvokeEvent, mainContents: () => WebContents | null, devServerOrigin?: string): boolean {
  const contents = mainContents();
  const frame = event.senderFrame;
  if (!contents || !frame || event.sender !== contents) return false;
  if (frame !== contents.mainFrame) return false;
  const origin = frame.origin || new URL(frame.url).origin;
  return origin === APP_ORIGIN || (devServerOrigin !== undefined && origin === devServerOrigin);
}

export function registerIpc(
  ipcMain: IpcMain,
  router: Router,
  mainContents: () => WebContents | null,
  devServerOrigin?: string,
): void {
  for (const name of operationNames) {
    ipcMain.handle(channelFor(name), (event, payload: unknown) =>
      router.dispatch(name, payload, { trusted: isTrustedSender(event, mainContents, devServerOrigin) }),
    );
  }
}
