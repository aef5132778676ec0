// The first keystrokes after a pod opens ran a great deal of Monaco's code for the first time:
// in the 100-app manifest the first one took about 35 ms to apply and 50 ms to draw, later ones
// about a third of that. Once the page is idle, two throwaway editors off screen, with the
// options of the manifest editor and of the unit viewer, take a few edits and are dropped, so
// the user's first keystrokes run code that is already compiled.
import { monaco } from './monaco';
import { MANIFEST_EDITOR_OPTIONS, UNIT_VIEWER_OPTIONS } from './editorOptions';
import { SYSTEMD_LANGUAGE_ID } from './systemdLanguage';
import { afterNextPaint } from '../app/idle';

const MANIFEST = `{
  "acKind": "PodManifest",
  "apps": [
    {
      "name": "warm-up",
      "app": { "exec": ["/bin/warm-up"], "user": "0", "group": "0" }
    }
  ]
}
`;
const UNIT = '[Unit]\nDescription=warm-up\n\n[Service]\nExecStart="/bin/warm-up"\nUser=0\nGroup=0\n';
const EDITS = 4;

let started = false;

function offScreenHost(): HTMLDivElement {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;height:240px;overflow:hidden;contain:strict';
  document.body.appendChild(host);
  return host;
}

/** Runs once per page; each edit is drawn before the next, all in the frames' spare time. */
export function warmUpEditing(): void {
  if (started) return;
  started = true;
  const manifestHost = offScreenHost();
  const unitHost = offScreenHost();
  const manifest = monaco.editor.createModel(MANIFEST, 'json', monaco.Uri.parse('inmemory://podunit/warm-up/manifest.json'));
  const unit = monaco.editor.createModel(UNIT, SYSTEMD_LANGUAGE_ID, monaco.Uri.parse('inmemory://podunit/warm-up/warm-up.service'));
  const manifestEditor = monaco.editor.create(manifestHost, { ...MANIFEST_EDITOR_OPTIONS, model: manifest });
  const unitEditor = monaco.editor.create(unitHost, { ...UNIT_VIEWER_OPTIONS, model: unit });
  const changed = unitEditor.createDecorationsCollection();
  // Inside the string "/bin/warm-up", where typing asks for no suggestions.
  manifestEditor.setPosition({ lineNumber: 6, column: 29 });
  const execLine = 5;
  let done = 0;
  const step = () => {
    if (done === EDITS) {
      manifestEditor.dispose();
      unitEditor.dispose();
      manifest.dispose();
      unit.dispose();
      manifestHost.remove();
      unitHost.remove();
      return;
    }
    done++;
    manifestEditor.trigger('podunit-warm-up', 'type', { text: 'x' });
    const end = unit.getLineMaxColumn(execLine);
    unit.applyEdits([{ range: new monaco.Range(execLine, end - 1, execLine, end - 1), text: 'x' }]);
    changed.set([{ range: new monaco.Range(execLine, 1, execLine, 1), options: { isWholeLine: true, className: 'changed-line' } }]);
    afterNextPaint(step);
  };
  step();
}
