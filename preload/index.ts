// The bridge: installs window.hearth with one function per contract operation and one event
// subscription helper. It never exposes ipcRenderer or a way to invoke an arbitrary channel.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'hearth',
  buildBridge(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (listener) => {
      const wrapped = (_event: unknown, name: unknown, payload: unknown) => listener(name, payload);
      ipcRenderer.on('hearth-event', wrapped);
      return () => ipcRenderer.off('hearth-event', wrapped);
    },
  ),
);
