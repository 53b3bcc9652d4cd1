import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface AuditRecord {
  at: Date;
  subject: string | null;
  role: string | null;
  method: string;
  route: string;
  parameters: Record<string, unknown>;
  status: number;
  durationMs: number;
}

/**
 * Writes audit records in small batches (every 100 ms, or at 500 records), so auditing every
 * request costs one insert per batch, not one per request. Flushed on shutdown.
 */
@Injectable()
export class AuditWriter implements OnApplicationShutdown {
  private readonly log = new Logger(AuditWriter.name);
  private pending: AuditRecord[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  record(entry: AuditRecord): void {
    this.pending.push(entry);
    if (this.pending.length >= 500) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), 100);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async write(batch: AuditRecord[]): Promise<void> {
    try {
      await this.db.query(
        `INSERT INTO api_audit (at, subject, role, method, route, parameters, status, duration_ms)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[], $8::int[])`,
        [batch.map((r) => r.at), batch.map((r) => r.subject), batch.map((r) => r.role), batch.map((r) => r.method), batch.map((r) => r.route),
          batch.map((r) => JSON.stringify(r.parameters)), batch.map((r) => r.status), batch.map((r) => r.durationMs)],
      );
    } catch (error) {
      // An unwritable audit trail is an incident: say so loudly (the request itself was answered).
      this.log.error(`could not write ${batch.length} audit records: ${(error as Error).message}`);
    }
  }
}
