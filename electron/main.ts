// The Electron main process: the one module that imports 'electron'. It owns the window, the
// menu, native dialogs and the app:// protocol; everything the renderer asks for goes through
// the shared dispatcher after the sender frame has been checked.
import {
  app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell,
  type IpcMainInvokeEvent, type MenuItemConstructorOptions,
} from 'electron';
import { join } from 'node:path';
import type { AppCommand, EventName, EventPayload } from '../shared/ipc/contract.js';
import { ELECTRON_EVENT, ELECTRON_INVOKE } from '../shared/ipc/electron-names.js';
import { fail } from '../shared/ipc/envelope.js';
import { podRootFromArgv } from './app-state/launch-args.js';
import { fileRecentStore, type RecentStore } from './app-state/recent.js';
import { fitToDisplays, loadWindowState, saveWindowState } from './app-state/window-state.js';
import { contentSecurityPolicy, SECURITY_HEADERS } from './host/csp.js';
import { resolveStatic } from './host/static-files.js';
import { appEnv, findAppRoot } from './ipc/app-env.js';
import { dispatch } from './ipc/dispatch.js';
import { createHandlers, type DialogPurpose } from './ipc/handlers.js';
import { classifyDirectory } from './ipc/pod-summary.js';
import { createRealEngine } from './ipc/real-engine.js';
import { acceptSender, APP_HOST, APP_ORIGIN, APP_SCHEME } from './ipc/sender.js';
import { Session } from './ipc/session.js';

const isDev = !app.isPackaged;
const appRoot = findAppRoot();
const rendererDir = join(appRoot, 'dist', 'renderer');
const preloadPath = join(appRoot, 'dist', 'electron', 'preload.cjs');
const podsDir = app.isPackaged ? join(process.resourcesPath, 'pods') : join(appRoot, 'assets', 'pods');
const iconPath = join(appRoot, 'assets', 'icons', '256x256.png');
const csp = contentSecurityPolicy();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// A second launch hands its pod root to the running window (see 'second-instance') and quits.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();

let mainWindow: BrowserWindow | null = null;
let windowSession: Session | null = null;

function send<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(ELECTRON_EVENT, event, payload);
}

function command(cmd: AppCommand): void {
  send('app.command', cmd);
}

// ---------------------------------------------------------------------------------------------
// Dialogs

async function choose(purpose: DialogPurpose): Promise<string | null> {
  const parent = mainWindow ?? undefined;
  if (purpose === 'export-file') {
    const r = await (parent
      ? dialog.showSaveDialog(parent, exportFileDialog())
      : dialog.showSaveDialog(exportFileDialog()));
    return r.canceled || !r.filePath ? null : r.filePath;
  }
  const options: Electron.OpenDialogOptions = {
    title: purpose === 'export-dir' ? 'Export bundle into folder' : purpose === 'data-dir' ? 'Open rkt data dir' : 'Open pod root or rkt data dir',
    properties: purpose === 'export-dir' ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory', 'showHiddenFiles'],
  };
  const r = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
}

function exportFileDialog(): Electron.SaveDialogOptions {
  return {
    title: 'Export bundle',
    defaultPath: 'podunit-bundle.tar.gz',
    filters: [{ name: 'Gzipped tar archive', extensions: ['tar.gz', 'tgz'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

function openChosen(path: string): void {
  command(classifyDirectory(path) === 'data-dir' ? { command: 'open-data-dir', path } : { command: 'open-pod', path });
  mainWindow?.show();
}

// ---------------------------------------------------------------------------------------------
// Menu

function buildMenu(recent: RecentStore): void {
  const recentItems: MenuItemConstructorOptions[] = recent.list().map((r) => ({
    label: r.path,
    click: () => openChosen(r.path),
  }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Open Pod…', accelerator: 'CmdOrCtrl+O', click: async () => { const p = await choose('pod-root'); if (p) openChosen(p); } },
        {
          label: 'Open Recent',
          submenu: recentItems.length > 0
            ? [...recentItems, { type: 'separator' }, { label: 'Clear Recent', click: () => { recent.clear(); buildMenu(recent); } }]
            : [{ label: 'No recent pods', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Export Bundle…', accelerator: 'CmdOrCtrl+E', click: async () => { const t = await choose('export-file'); if (t) command({ command: 'export-bundle', target: t, format: 'tar.gz' }); } },
        { label: 'Export Bundle to Folder…', click: async () => { const t = await choose('export-dir'); if (t) command({ command: 'export-bundle', target: t, format: 'dir' }); } },
        { label: 'Write Units…', accelerator: 'CmdOrCtrl+Shift+W', click: () => command({ command: 'write-units' }) },
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => command({ command: 'reload' }) },
        { label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+T', click: () => command({ command: 'toggle-theme' }) },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: '&Help', submenu: [{ label: `podunit ${app.getVersion()}`, enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// ---------------------------------------------------------------------------------------------
// Security: what any web contents may do

function isExternalHttps(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The one way out of the app: https links, to the system browser. */
function openInBrowser(url: string): void {
  if (isExternalHttps(url)) void shell.openExternal(new URL(url).toString()); // eng-disable OPEN_EXTERNAL_JS_CHECK: reviewed: https only, no credentials
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The policy of host/csp.ts, spelled out so that it can be read (and audited) here; a unit
  // test keeps the two equal. The app:// handler sends it too.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': ["default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"],
      },
    });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('data:') || details.url.startsWith('blob:')
      || (isDev && details.url.startsWith('devtools://'));
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      openInBrowser(url);
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(url);
      return { action: 'deny' };
    });
  });
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? resolveStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': csp, 'Content-Type': file.mime },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// IPC

function senderIsOurPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return acceptSender({
    fromAppWindow: mainWindow !== null && event.sender === mainWindow.webContents,
    fromMainFrame: frame !== null && frame === event.sender.mainFrame,
    url: frame?.url,
  });
}

function serveIpc(recent: RecentStore, initialPod: string | null): void {
  const handlers = createHandlers({
    ...appEnv({ appRoot, podsDir, configDir: app.getPath('userData'), initialPod, engine: createRealEngine() }),
    recent,
    mode: 'electron',
    chooseDialog: choose,
  });
  const log = (message: string, err: unknown) => console.error(`podunit: ${message}`, err);
  ipcMain.handle(ELECTRON_INVOKE, async (event, channel: unknown, payload: unknown) => {
    if (!senderIsOurPage(event) || !windowSession) {
      console.error(`podunit: refused an IPC call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return fail('forbidden', 'IPC calls are accepted only from podunit\'s own page.');
    }
    return dispatch(handlers, { session: windowSession }, channel, payload, { log });
  });
}

// ---------------------------------------------------------------------------------------------
// Window

function createWindow(configDir: string): BrowserWindow {
  const saved = fitToDisplays(loadWindowState(configDir), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    x: saved.x,
    y: saved.y,
    width: saved.width,
    height: saved.height,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'podunit',
    icon: iconPath,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: reviewed: exposes only invoke/on of the IPC contract (electron/preload.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: isDev,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveWindowState(configDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    windowSession?.dispose();
    windowSession = null;
    mainWindow = null;
  });
  windowSession?.dispose();
  windowSession = new Session(send);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

// ---------------------------------------------------------------------------------------------

app.on('second-instance', (_event, argv, workingDirectory) => {
  const root = podRootFromArgv(argv, app.isPackaged, workingDirectory);
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
  if (root) openChosen(root);
});

app.on('window-all-closed', () => app.quit());

void app.whenReady().then(() => {
  if (!primaryInstance) return;
  const configDir = app.getPath('userData');
  const baseRecent = fileRecentStore(configDir);
  // The menu's Open Recent follows the list.
  const recent: RecentStore = {
    list: () => baseRecent.list(),
    add: (path, kind) => { const items = baseRecent.add(path, kind); app.addRecentDocument(path); buildMenu(recent); return items; },
    clear: () => { baseRecent.clear(); app.clearRecentDocuments(); buildMenu(recent); },
  };
  lockDown();
  serveRenderer();
  serveIpc(recent, podRootFromArgv(process.argv, app.isPackaged));
  buildMenu(recent);
  mainWindow = createWindow(configDir);
});
