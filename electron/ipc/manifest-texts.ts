// The manifest texts plan.generate requests carried last on one connection, so the next
// request can send an edit instead of the whole text (shared/text-edit.ts).
import type { ChannelRequest, GenerateInputs } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import { applyTextEdit, manifestKey, type TextEdit } from '../../shared/text-edit.js';

type Manifests = NonNullable<GenerateInputs['manifests']>;
type Edits = ChannelRequest<'plan.generate'>['manifestEdits'];

export class ManifestTexts {
  private readonly texts = new Map<string, string>();

  clear(): void {
    this.texts.clear();
  }

  /**
   * The request's manifests with its edits applied; remembers every text for the next
   * request. Throws IpcError('unknown-base') when an edit does not apply to the text held.
   */
  resolve(manifests: GenerateInputs['manifests'], edits: Edits): GenerateInputs['manifests'] {
    if (!edits) {
      this.remember(manifests);
      return manifests;
    }
    const images: Record<string, string> = { ...manifests?.images };
    const out: Manifests = { ...manifests };
    if (edits.pod) out.pod = this.apply({ kind: 'pod' }, edits.pod);
    for (const [app, edit] of Object.entries(edits.images ?? {})) images[app] = this.apply({ kind: 'image', app }, edit);
    if (Object.keys(images).length > 0) out.images = images;
    this.remember(out);
    return out;
  }

  private apply(doc: { kind: 'pod' } | { kind: 'image'; app: string }, edit: TextEdit): string {
    const key = manifestKey(doc);
    const before = this.texts.get(key);
    const text = before === undefined ? null : applyTextEdit(before, edit);
    if (text === null) {
      this.texts.delete(key);
      const what = doc.kind === 'pod' ? 'the pod manifest' : `the image manifest of ${doc.app}`;
      throw new IpcError('unknown-base', `The edit of ${what} does not apply to the text this connection sent last: send the whole text.`);
    }
    return text;
  }

  private remember(manifests: GenerateInputs['manifests']): void {
    if (manifests?.pod !== undefined) this.texts.set(manifestKey({ kind: 'pod' }), manifests.pod);
    for (const [app, text] of Object.entries(manifests?.images ?? {})) this.texts.set(manifestKey({ kind: 'image', app }), text);
  }
}
