// The sandboxed bridge: exposes the IPC contract as `window.podunit` and nothing else. Every call
// goes to main over one channel, where the sender and the payload are checked.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PodunitApi } from '../shared/ipc/contract.js';
import { ELECTRON_EVENT, ELECTRON_INVOKE } from '../shared/ipc/electron-names.js';

const api: PodunitApi = {
  invoke: (channel, request) => ipcRenderer.invoke(ELECTRON_INVOKE, channel, request),
  on: (event, listener) => {
    const forward = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(ELECTRON_EVENT, forward);
    return () => { ipcRenderer.removeListener(ELECTRON_EVENT, forward); };
  },
};

contextBridge.exposeInMainWorld('podunit', api);
