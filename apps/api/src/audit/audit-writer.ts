import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ApiAuditRepository, DataSource, InjectDataSource } from '@mcm/persistence';
import { AuditRecord } from './audit-record';
import { GroupCommit } from './group-commit';

export class AuditUnavailableError extends Error {
  constructor() {
    super('the audit trail could not be written');
  }
}

/**
 * Commits audit records by group commit: each request waits until the batch holding its record
 * is committed (one INSERT per batch, no RETURNING: the API's role may only insert), or learns
 * that it was not. Waits for what is pending on shutdown.
 */
@Injectable()
export class AuditWriter implements OnApplicationShutdown {
  private readonly log = new Logger(AuditWriter.name);
  private readonly audit = new ApiAuditRepository();
  private readonly commits = new GroupCommit<AuditRecord>((batch) => this.insert(batch), { maxBatch: 500, maxConcurrent: 2 });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Resolves once the record is committed; rejects with AuditUnavailableError if it was not. */
  commit(entry: AuditRecord): Promise<void> {
    return this.commits.submit(entry);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.commits.drained();
  }

  private async insert(batch: AuditRecord[]): Promise<void> {
    try {
      await this.audit.append(this.db, batch);
    } catch (error) {
      // An unwritable audit trail is an incident: say so (the error's code and message, never the
      // rows), and the requests waiting on this batch are refused.
      const { code, message } = error as { code?: string; message?: string };
      this.log.error(
        `could not write ${batch.length} audit records; their requests are refused with 503 (${code ?? 'no code'}: ${message ?? String(error)})`,
      );
      throw new AuditUnavailableError();
    }
  }
}
