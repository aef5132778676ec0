// Builds the generation inputs (edits and what-ifs) from the state.
import type { AppState } from './appState';
import type { GenerateInputs } from './generationQueue';
import { isEdited } from './editorsSlice';

export interface InputOptions {
  /** Leave the manifest edits out (the unedited baseline). */
  withoutEdits?: boolean;
  /** Use this profile instead of the chosen one. */
  profile?: string | null;
}

export function buildInputs(s: AppState, options: InputOptions = {}): GenerateInputs {
  const inputs: GenerateInputs = {};
  if (!options.withoutEdits) {
    const images: Record<string, string> = {};
    let pod: string | undefined;
    for (const id of s.docOrder) {
      const doc = s.docs[id];
      if (!doc || !isEdited(doc)) continue;
      if (id === 'pod') pod = doc.text;
      else images[doc.label] = doc.text;
    }
    if (pod !== undefined || Object.keys(images).length > 0) {
      inputs.manifests = {};
      if (pod !== undefined) inputs.manifests.pod = pod;
      if (Object.keys(images).length > 0) inputs.manifests.images = images;
    }
  }
  const w = s.whatIf;
  if (Object.keys(w.runtime).length > 0) inputs.runtime = w.runtime;
  if (w.cgroupControllers !== undefined) inputs.host = { cgroupControllers: w.cgroupControllers };
  const profile = options.profile !== undefined ? options.profile : w.profile;
  if (profile) inputs.profile = profile;
  if (w.flavor !== null || w.systemdVersion !== null) {
    inputs.stage1 = {};
    if (w.flavor !== null) inputs.stage1.flavor = w.flavor;
    if (w.systemdVersion !== null) inputs.stage1.systemdVersion = systemdVersionText(w.systemdVersion);
  }
  return inputs;
}

/** Identifies inputs without the (possibly large) manifest texts: for baseline/compare caching. */
export function inputsKey(inputs: GenerateInputs): string {
  const { manifests: _m, ...rest } = inputs;
  return JSON.stringify(rest);
}

/**
 * The systemd-version file text for what the user typed. Stage1 images write `v<number>` and rkt
 * drops the first character before parsing, so a bare number gets its `v`.
 */
export function systemdVersionText(typed: string): string {
  const t = typed.trim();
  return /^[0-9]+$/.test(t) ? `v${t}` : t;
}
