// Running the generator for a client: the open pod plus the client's edits, and the
// manifest-located problems the editor turns into markers.
import type { Diagnostic, GenerateInputs } from '../../shared/ipc/contract.js';
import type { Plan, SourceDoc } from '../../shared/plan.js';
import type { Engine } from './engine.js';

export function generateFor(engine: Engine, root: string, inputs: GenerateInputs): Plan {
  const snapshot = engine.readSnapshot(root, {
    overrides: inputs.manifests,
    runtime: inputs.runtime,
    host: inputs.host,
    stage1: inputs.stage1,
    metadataURL: inputs.metadataURL,
    appAdd: inputs.appAdd,
  });
  return engine.generate(snapshot, inputs.profile);
}

export function diagnosticsFor(plan: Plan, inputs: GenerateInputs): Diagnostic[] {
  const out: Diagnostic[] = [];
  const edited: Array<{ doc: SourceDoc; text: string }> = [];
  if (inputs.manifests?.pod !== undefined) edited.push({ doc: { kind: 'pod' }, text: inputs.manifests.pod });
  for (const [app, text] of Object.entries(inputs.manifests?.images ?? {})) edited.push({ doc: { kind: 'image', app }, text });
  for (const { doc, text } of edited) {
    const syntax = jsonSyntaxError(text);
    if (syntax) out.push({ doc, pointer: '', message: syntax, severity: 'error' });
  }
  for (const err of [plan.error, plan.nspawnError]) {
    if (err?.source?.kind === 'manifest') {
      out.push({ doc: err.source.doc, pointer: err.source.pointer, message: err.message, severity: 'error' });
    }
  }
  return out;
}

function jsonSyntaxError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return `JSON syntax error: ${(err as Error).message}`;
  }
}
