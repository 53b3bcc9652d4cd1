import { generateScenario } from '../../simulator/src';
import { IsolatedPipeline } from '../../harness/src';

export interface LatencyFigures {
  p50: number;
  p99: number;
  samples: number;
}

/**
 * Publishes a fresh stream at a steady rate into the running pipeline and measures, for every
 * valid event, the time from its publish to the commit of the transaction that counted it (the
 * event row and its figures commit together), by polling for it every 20 ms.
 */
export class LatencyProbe {
  constructor(
    private readonly pipeline: IsolatedPipeline,
    private readonly rate: number,
    private readonly seconds: number,
    private readonly seed: number,
  ) {}

  async run(): Promise<LatencyFigures> {
    const wanted = this.rate * this.seconds;
    const children = Math.max(50, Math.round(wanted / 8));
    const events = generateScenario({ seed: this.seed, children, days: 60, now: new Date(), invalidShare: 0 }).events.slice(0, wanted);
    // Agencies are onboarded long before they publish: not on the clock.
    await this.pipeline.onboard([...new Set(events.map((e) => e.publisher))]);
    await this.pipeline.waitUntilIngestReads();
    const publishedAt = new Map<string, number>();
    const latencies: number[] = [];
    let publishing = true;
    const poll = (async () => {
      while (publishing || publishedAt.size > 0) {
        const pending = [...publishedAt.keys()];
        if (pending.length) {
          const rows = await this.pipeline.db.query<{ event_id: string }>('SELECT event_id FROM agency_event WHERE event_id = ANY($1::uuid[])', [
            pending,
          ]);
          const now = Date.now();
          for (const { event_id } of rows) {
            latencies.push(now - publishedAt.get(event_id)!);
            publishedAt.delete(event_id);
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const perTick = Math.max(1, Math.round(this.rate / 10));
    const started = Date.now();
    for (let i = 0; i < events.length; i += perTick) {
      const slice = events.slice(i, i + perTick);
      const sentAt = Date.now();
      await this.pipeline.publish(slice.map((e) => ({ as: e.publisher, key: e.key, value: e.bytes, headers: { ...e.headers } })));
      for (const e of slice) if (e.valid) publishedAt.set(e.eventId.toLowerCase(), sentAt);
      const due = started + ((i + perTick) / this.rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    publishing = false;
    await Promise.race([poll, new Promise((r) => setTimeout(r, 120_000))]);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    return { p50: at(0.5), p99: at(0.99), samples: latencies.length };
  }
}
