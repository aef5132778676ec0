// Registers the appc JSON schemas with Monaco's JSON language: validation, completion and
// hover for pod and image manifests. Manifest models live under URIs that the patterns match.
import podSchema from './schemas/pod-manifest.schema.json';
import imageSchema from './schemas/image-manifest.schema.json';
import { jsonDefaults, monaco } from './monaco';
import { registerJsonFolding } from './jsonFolding';

export const POD_MODEL_PREFIX = 'inmemory://podunit/manifests/pod/';
export const IMAGE_MODEL_PREFIX = 'inmemory://podunit/manifests/image/';

export function manifestUri(docId: string): monaco.Uri {
  return docId === 'pod'
    ? monaco.Uri.parse(`${POD_MODEL_PREFIX}pod.json`)
    : monaco.Uri.parse(`${IMAGE_MODEL_PREFIX}${encodeURIComponent(docId.slice('image:'.length))}.json`);
}

export function registerSchemas(): void {
  // Colour decorators scan every string of the manifest after each change; manifests hold no
  // colours, and for a 100-app pod the round trip to the worker costs more than the edit.
  // Folding comes from registerJsonFolding, which asks the worker for fewer regions.
  jsonDefaults.setModeConfiguration({
    documentFormattingEdits: true,
    documentRangeFormattingEdits: true,
    completionItems: true,
    hovers: true,
    documentSymbols: true,
    tokens: true,
    colors: false,
    foldingRanges: false,
    diagnostics: true,
    selectionRanges: true,
  });
  registerJsonFolding();
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    comments: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [
      { uri: 'podunit://schemas/pod-manifest.schema.json', fileMatch: ['**/manifests/pod/*.json'], schema: podSchema },
      { uri: 'podunit://schemas/image-manifest.schema.json', fileMatch: ['**/manifests/image/*.json'], schema: imageSchema },
    ],
  });
}
