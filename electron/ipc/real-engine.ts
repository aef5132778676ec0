// The Engine made of podunit's real modules, with their errors translated into IPC error codes.
import { listPods } from '../diagnostics/discovery.js';
import { generate } from '../generator/index.js';
import { DEFAULT_PROFILE, getProfile, profileChoices } from '../generator/profile.js';
import { applyPlan, previewApply } from '../pod/apply.js';
import { probeHostFacts } from '../pod/host-facts.js';
import { readPodSnapshot } from '../pod/read.js';
import { writeFileAtomic } from '../pod/write.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import type { HostFacts } from '../../shared/runtime.js';
import type { Engine, SnapshotInputs } from './engine.js';
import { translated } from './engine-errors.js';
import { PodDir } from './pod-files.js';
import { appsOfPod, metadataURLFromEnvFiles } from './pod-defaults.js';
import { withStage1Overrides } from './stage1-overlay.js';

/**
 * Host facts are probed once per process (probing runs `systemctl --version`), and every
 * snapshot gets them as explicit values, with the client's what-if overrides on top.
 *
 * Snapshots are read "as prepared": on a pod rkt has already started, the generator sees the
 * pod as stage1 did before writing, so the plan says what the units should be (and can be
 * compared with what is on disk) instead of tripping over stage1's earlier output.
 */
export function createRealEngine(): Engine {
  let probed: HostFacts | null = null;
  const hostFacts = () => (probed ??= probeHostFacts());
  const read = (root: string, inputs: SnapshotInputs) => {
    const snapshot = readPodSnapshot(root, {
      overrides: inputs.overrides,
      runtime: inputs.runtime,
      metadataURL: inputs.metadataURL,
      appAdd: inputs.appAdd,
      host: { ...withoutDevices(hostFacts()), ...inputs.host },
      asPrepared: true,
    });
    snapshot.fs = withStage1Overrides(snapshot.fs, inputs.stage1);
    const needsURL = inputs.metadataURL === undefined && snapshot.runtime.MDSToken !== '';
    const needsApps = inputs.appAdd === undefined && snapshot.runtime.Mutable;
    if (needsURL || needsApps) {
      const pod = new PodDir(snapshot.root);
      const apps = appsOfPod(pod, inputs.overrides?.pod);
      if (needsURL) snapshot.metadataURL = metadataURLFromEnvFiles(pod, apps);
      if (needsApps) snapshot.appAdd = apps;
    }
    return snapshot;
  };
  return {
    readSnapshot: translated(read),
    generate: translated((snapshot, profile) => {
      const name = profile ?? DEFAULT_PROFILE;
      if (name !== 'auto' && !getProfile(name)) throw new IpcError('bad-request', `Unknown profile ${JSON.stringify(name)}; known: ${profileChoices().join(', ')}.`);
      return generate(snapshot, name);
    }),
    previewApply: translated(previewApply),
    applyPlan: translated(applyPlan),
    probeHostFacts: hostFacts,
    profiles: () => ({ names: profileChoices(), default: DEFAULT_PROFILE }),
    listPods: translated(listPods),
    writeFileAtomic: translated((dir, rel, data, mode) => writeFileAtomic(dir, rel, data, mode)),
  };
}

/** Devices depend on the pod's volumes: left to the snapshot reader unless overridden. */
function withoutDevices(facts: HostFacts): Omit<HostFacts, 'devices'> {
  const { devices: _devices, ...rest } = facts;
  return rest;
}
