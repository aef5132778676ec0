// SetupAppIO assigns its own errors over one a socket unit recorded before it (rkt's plain
// `uw.err = …`), so the kubernetes-log-path error is the one reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withTinyPod } from '../test-support/tiny-pod.js';

test("the kubernetes-log-path error replaces a socket unit's write error", () => {
  const spec = {
    pod: { annotations: [{ name: 'coreos.com/rkt/experiment/logmode', value: 'k8s-plain' }] },
    podApp: { annotations: [{ name: 'coreos.com/rkt/stage2/stdout', value: 'stream' }] },
    prepare: (root: string) => fs.mkdirSync(path.join(root, 'stage1/rootfs/usr/lib/systemd/system/impl-stdout.socket')),
  };
  withTinyPod(spec, (plan) => {
    assert.equal(plan.errorStage, 'generate');
    assert.deepEqual(plan.error?.chain, ['kubernetes-log-path annotation needs to be specified when k8s-plain logging mode is used']);
  });
  // Without the failing socket unit, the same error.
  withTinyPod({ ...spec, prepare: undefined }, (plan) => {
    assert.equal(plan.error?.message, 'kubernetes-log-path annotation needs to be specified when k8s-plain logging mode is used');
  });
});
