// Folding for the manifest editors, in place of the JSON language's own (see foldingRegions.ts).
import { getJsonWorker, monaco } from './monaco';
import { limitedFoldingRegions, type FoldingWorker } from './foldingRegions';

export function registerJsonFolding(): void {
  monaco.languages.registerFoldingRangeProvider('json', {
    async provideFoldingRanges(model) {
      const workerFor = await getJsonWorker();
      const worker = (await workerFor(model.uri)) as unknown as FoldingWorker;
      if (model.isDisposed()) return [];
      const regions = await limitedFoldingRegions(worker, model.uri.toString());
      return regions.map((r) => ({ ...r, kind: r.kind ? monaco.languages.FoldingRangeKind.fromValue(r.kind) : undefined }));
    },
  });
}
