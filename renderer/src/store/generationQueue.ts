// Sends generation requests one at a time. Each lane (the live preview, the unedited
// baseline, the other profile) keeps only its newest request: an edit made while a request
// is on its way replaces the one waiting, so typing never builds a backlog. Live goes first.
import type { ChannelRequest, ChannelResponse } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/envelope';

export type Lane = 'live' | 'baseline' | 'compare';
const PRIORITY: Lane[] = ['live', 'baseline', 'compare'];

export type GenerateRequest = ChannelRequest<'plan.generate'>;
export type GenerateResponse = ChannelResponse<'plan.generate'>;
export type GenerateInputs = Omit<GenerateRequest, 'seq'>;

export interface GenerationJob {
  lane: Lane;
  inputs: GenerateInputs;
  /** Called with the answer and the time from submit to answer. */
  onResult(response: GenerateResponse, elapsedMs: number): void;
  onError(code: string, message: string): void;
}

type Sender = (request: GenerateRequest) => Promise<Envelope<GenerateResponse>>;

interface Queued { job: GenerationJob; submittedAt: number; retried: boolean }

export class GenerationQueue {
  private waiting = new Map<Lane, Queued>();
  private inFlight: Queued | null = null;
  private seq = 0;
  private epoch = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly send: Sender, private readonly now: () => number = () => performance.now()) {}

  submit(job: GenerationJob): void {
    this.waiting.set(job.lane, { job, submittedAt: this.now(), retried: false });
    this.pump();
  }

  /** Forget everything queued and ignore answers still on their way (pod switched). */
  reset(): void {
    this.waiting.clear();
    this.epoch++;
    this.inFlight = null;
    this.settleIdle();
  }

  get busy(): boolean {
    return this.inFlight !== null || this.waiting.size > 0;
  }

  hasWaiting(lane: Lane): boolean {
    return this.waiting.has(lane);
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settleIdle(): void {
    if (this.busy) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump(): void {
    if (this.inFlight) return;
    const lane = PRIORITY.find((l) => this.waiting.has(l));
    if (!lane) { this.settleIdle(); return; }
    const item = this.waiting.get(lane)!;
    this.waiting.delete(lane);
    this.inFlight = item;
    const epoch = this.epoch;
    const seq = ++this.seq;
    this.send({ ...item.job.inputs, seq }).then((result) => {
      if (epoch !== this.epoch) return;
      this.inFlight = null;
      if (!result.ok) {
        item.job.onError(result.error.code, result.error.message);
      } else if (result.value.superseded || !result.value.plan) {
        // Only another client's request can supersede ours (we send one at a time): try
        // once more unless a newer request of the same lane is already waiting.
        if (!this.waiting.has(lane) && !item.retried) this.waiting.set(lane, { ...item, retried: true });
      } else {
        item.job.onResult(result.value, this.now() - item.submittedAt);
      }
      this.pump();
    }, (err: unknown) => {
      if (epoch !== this.epoch) return;
      this.inFlight = null;
      item.job.onError('io', err instanceof Error ? err.message : String(err));
      this.pump();
    });
  }
}
