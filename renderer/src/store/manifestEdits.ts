// plan.generate requests with edited manifests sent as changes to the text sent last
// (shared/text-edit.ts): a keystroke in a large pod manifest then travels as a few bytes.
// Requests go out one at a time (GenerationQueue), so the host holds what was sent last;
// when it does not (a new connection, another pod), it answers 'unknown-base' and the
// request goes again in full.
import type { Envelope } from '../../../shared/ipc/envelope';
import { manifestKey, textEdit, type TextEdit } from '../../../shared/text-edit';
import type { GenerateRequest, GenerateResponse } from './generationQueue';

/** Texts shorter than this are sent whole: an edit would save nothing worth the bookkeeping. */
export const MIN_EDITED_TEXT = 1024;

type Send = (request: GenerateRequest) => Promise<Envelope<GenerateResponse>>;

export class ManifestEditSender {
  private sent = new Map<string, string>();

  constructor(private readonly send: Send) {}

  /** Forget what was sent (another pod, or the host lost it). */
  reset(): void {
    this.sent.clear();
  }

  async generate(request: GenerateRequest): Promise<Envelope<GenerateResponse>> {
    const result = await this.send(this.encode(request));
    if (result.ok) return result;
    // A failed request may not have reached the host's copy: the next one goes whole.
    this.reset();
    if (result.error.code !== 'unknown-base') return result;
    const again = await this.send(this.encode(request));
    if (!again.ok) this.reset();
    return again;
  }

  private encode(request: GenerateRequest): GenerateRequest {
    const manifests = request.manifests;
    if (!manifests) return request;
    const edits: NonNullable<GenerateRequest['manifestEdits']> = {};
    const whole: NonNullable<GenerateRequest['manifests']> = {};
    const pod = manifests.pod;
    if (pod !== undefined) {
      const edit = this.editOf('pod', pod);
      if (edit) edits.pod = edit;
      else whole.pod = pod;
    }
    for (const [app, text] of Object.entries(manifests.images ?? {})) {
      const edit = this.editOf(manifestKey({ kind: 'image', app }), text);
      if (edit) (edits.images ??= {})[app] = edit;
      else (whole.images ??= {})[app] = text;
    }
    if (edits.pod === undefined && edits.images === undefined) return request;
    return { ...request, manifests: whole, manifestEdits: edits };
  }

  /** The edit from the text sent last, or null to send `text` whole; either way `text` is now the one sent. */
  private editOf(key: string, text: string): TextEdit | null {
    const before = this.sent.get(key);
    this.sent.set(key, text);
    if (before === undefined || text.length < MIN_EDITED_TEXT) return null;
    return textEdit(before, text);
  }
}
