// Adapters from Electron's objects to the services' interfaces (renderer shell, power events).
import type { BrowserWindow, Dialog, PowerMonitor } from 'electron';
import { FILE_EXTENSION } from '../services/backup';
import type { FileDialogs } from '../services/dialogs';
import { EVENT_CHANNEL } from '../../contract';
import type { PowerSource, RendererShell } from '../services/shell';

export function createWindowShell(getWindow: () => BrowserWindow | null): RendererShell {
  return {
    emit(name, payload) {
      getWindow()?.webContents.send(EVENT_CHANNEL, name, payload);
    },
    reloadRenderer() {
      getWindow()?.webContents.reload();
    },
  };
}

export function createPowerSource(powerMonitor: PowerMonitor): PowerSource {
  return {
    onPowerEvent(listener) {
      const onSuspend = () => listener('suspend');
      const onLockScreen = () => listener('lock-screen');
      powerMonitor.on('suspend', onSuspend);
      powerMonitor.on('lock-screen', onLockScreen);
      return () => {
        powerMonitor.off('suspend', onSuspend);
        powerMonitor.off('lock-screen', onLockScreen);
      };
    },
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
  };
}

const backupFilters = [{ name: 'Hearth backup', extensions: [FILE_EXTENSION.replace(/^\./, '')] }];

export function createFileDialogs(dialog: Dialog, getWindow: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseSaveFile(suggestedName) {
      const win = getWindow();
      const options = { title: 'Save an encrypted backup', defaultPath: suggestedName, filters: backupFilters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile() {
      const win = getWindow();
      const options = { title: 'Choose a Hearth backup', filters: backupFilters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
