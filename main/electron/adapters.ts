// Adapters from Electron's objects to the services' interfaces (renderer shell, power events).
import type { BrowserWindow, PowerMonitor } from 'electron';
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
