import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every API request: who (subject and role from the verified token; null when there was none),
 * what (method, route, parameters), the answer and when. Append-only: a trigger refuses UPDATE
 * and DELETE (migration StatisticsAndBulletins' successor, ApiAudit).
 */
@Entity('api_audit')
@Index('api_audit_at_idx', ['at'])
@Index('api_audit_subject_idx', ['subject', 'at'])
export class ApiAuditEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('text', { nullable: true }) role!: string | null;
  @Column('text') method!: string;
  @Column('text') route!: string;
  @Column('jsonb') parameters!: Record<string, unknown>;
  @Column('int') status!: number;
  @Column('int', { name: 'duration_ms' }) durationMs!: number;
}
