// The manifest editors' folding regions, asked of the JSON worker with a limit on their number.
// Monaco's own JSON provider asks for every region: a 1000-app manifest has over ten thousand,
// and receiving them, then dropping all but the editor's limit, held the page for tens of
// milliseconds after every change. With the limit, the worker keeps the outermost regions (the
// pod, each app, its sections) and sends only those.

/** The editors' foldingMaximumRegions: the worker sends no more than the editor would keep. */
export const MAX_FOLDING_REGIONS = 1000;

/** The JSON worker's folding call (0-based lines, as the language service gives them). */
export interface FoldingWorker {
  getFoldingRanges(uri: string, context: { rangeLimit: number }): Promise<Array<{ startLine: number; endLine: number; kind?: string }>>;
}

/** The regions of the document at `uri`, 1-based as the editor takes them. */
export async function limitedFoldingRegions(worker: FoldingWorker, uri: string): Promise<Array<{ start: number; end: number; kind?: string }>> {
  const ranges = await worker.getFoldingRanges(uri, { rangeLimit: MAX_FOLDING_REGIONS });
  return ranges.map((r) => ({ start: r.startLine + 1, end: r.endLine + 1, kind: r.kind }));
}
