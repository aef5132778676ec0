import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limitedFoldingRegions, MAX_FOLDING_REGIONS, type FoldingWorker } from './foldingRegions';

test('folding regions are asked of the worker with the editor\'s limit and come back 1-based', async () => {
  const asked: Array<{ uri: string; rangeLimit: number }> = [];
  const worker: FoldingWorker = {
    getFoldingRanges: async (uri, context) => {
      asked.push({ uri, ...context });
      return [{ startLine: 0, endLine: 40 }, { startLine: 3, endLine: 20, kind: 'region' }];
    },
  };
  const regions = await limitedFoldingRegions(worker, 'inmemory://podunit/manifests/pod/pod.json');
  assert.deepEqual(asked, [{ uri: 'inmemory://podunit/manifests/pod/pod.json', rangeLimit: MAX_FOLDING_REGIONS }]);
  assert.deepEqual(regions, [{ start: 1, end: 41, kind: undefined }, { start: 4, end: 21, kind: 'region' }]);
});
