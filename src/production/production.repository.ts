import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProductionStatus } from '../enterprises/production-status';
import { exists, maybeOne, one, type Queryable, rows, SqlParams } from '../common/sql';
import { ReportReader } from '../database/report-reader';
import { DISTRICT_LABELS } from './production.sql';

export interface StatusEventRow {
  id: string;
  status: ProductionStatus;
  effectiveAt: Date;
  outputMonth: string | null;
  outputValueYuan: string | null;
  note: string | null;
  recordedById: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

export interface CurrentStatusRow {
  status: ProductionStatus;
  since: Date | null;
}

export interface NewStatusEvent {
  enterpriseId: string;
  status: ProductionStatus;
  /** null: the instant of the transaction. */
  effectiveAt: Date | null;
  outputMonth: string | null;
  outputValueYuan: number | null;
  note: string | null;
  recordedBy: string;
}

const EVENT_COLUMNS = `
  ev.id::text AS id, ev.status, ev.effective_at AS "effectiveAt",
  to_char(ev.output_month, 'YYYY-MM') AS "outputMonth", ev.output_value_yuan::text AS "outputValueYuan",
  ev.note, ev.recorded_by AS "recordedById", u.display_name AS "recordedByName", ev.recorded_at AS "recordedAt"`;

/** Production status events and the latest status an enterprise row carries. */
@Injectable()
export class ProductionRepository {
  /** `db` is the primary (writes, the enterprise's page); the figures read through the report reader. */
  constructor(
    @InjectDataSource() readonly db: DataSource,
    private readonly reader: ReportReader,
  ) {}

  /** Locks the enterprise row for a write; false when there is no such enterprise. */
  lockEnterprise(q: Queryable, id: string): Promise<boolean> {
    return exists(q, `SELECT 1 FROM enterprises WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Whether the user answers for the enterprise now (a responsibility open at the transaction's instant). */
  isResponsible(q: Queryable, enterpriseId: string, userId: string): Promise<boolean> {
    return exists(
      q,
      `SELECT 1 FROM responsibilities
       WHERE enterprise_id = $1 AND user_id = $2 AND starts_at <= now() AND (ends_at IS NULL OR ends_at > now())`,
      [enterpriseId, userId],
    );
  }

  async insertEvent(q: Queryable, e: NewStatusEvent): Promise<StatusEventRow> {
    const { id } = await one<{ id: string }>(
      q,
      `INSERT INTO production_status_events
         (enterprise_id, status, effective_at, output_month, output_value_yuan, note, recorded_by)
       VALUES ($1, $2, COALESCE($3::timestamptz, now()), to_date($4, 'YYYY-MM'), $5, $6, $7)
       RETURNING id::text AS id`,
      [e.enterpriseId, e.status, e.effectiveAt, e.outputMonth, e.outputValueYuan, e.note, e.recordedBy],
    );
    return one<StatusEventRow>(
      q,
      `SELECT ${EVENT_COLUMNS} FROM production_status_events ev LEFT JOIN users u ON u.id = ev.recorded_by
       WHERE ev.id = $1::bigint`,
      [id],
    );
  }

  /**
   * Sets the enterprise row's status to that of its latest event by effective_at (the later
   * recorded one on a tie), and `since` to the start of that status: the earliest event of the
   * unbroken run of that status that ends with the latest event.
   */
  refreshLatest(q: Queryable, enterpriseId: string): Promise<CurrentStatusRow> {
    return one<CurrentStatusRow>(
      q,
      `WITH latest AS (
         SELECT status, effective_at FROM production_status_events
         WHERE enterprise_id = $1 ORDER BY effective_at DESC, id DESC LIMIT 1
       ),
       run_start AS (
         SELECT min(ev.effective_at) AS since
         FROM production_status_events ev CROSS JOIN latest
         WHERE ev.enterprise_id = $1 AND ev.status = latest.status
           AND ev.effective_at > COALESCE((
             SELECT max(other.effective_at) FROM production_status_events other
             WHERE other.enterprise_id = $1 AND other.status <> latest.status
               AND other.effective_at <= latest.effective_at), '-infinity')
       )
       UPDATE enterprises e SET production_status = latest.status, production_status_since = run_start.since
       FROM latest CROSS JOIN run_start
       WHERE e.id = $1
       RETURNING e.production_status AS status, e.production_status_since AS since`,
      [enterpriseId],
    );
  }

  /** The enterprise's latest status, if the enterprise exists and passes `visible` (a condition on `e`). */
  current(enterpriseId: string, visible: (params: SqlParams) => string): Promise<CurrentStatusRow | undefined> {
    const p = new SqlParams();
    const id = p.add(enterpriseId);
    return maybeOne<CurrentStatusRow>(
      this.db,
      `SELECT e.production_status AS status, e.production_status_since AS since FROM enterprises e
       WHERE e.id = ${id} AND ${visible(p)}`,
      p.values,
    );
  }

  /** Every event of the enterprise, newest first (by when it took effect, then by when recorded). */
  history(enterpriseId: string): Promise<StatusEventRow[]> {
    return rows<StatusEventRow>(
      this.db,
      `SELECT ${EVENT_COLUMNS} FROM production_status_events ev LEFT JOIN users u ON u.id = ev.recorded_by
       WHERE ev.enterprise_id = $1
       ORDER BY ev.effective_at DESC, ev.id DESC`,
      [enterpriseId],
    );
  }

  /** A statement of production.sql.ts with its period and instant. */
  figures<T>(sql: string, params: unknown[]): Promise<T[]> {
    return rows<T>(this.reader.db, sql, params);
  }

  districtLabels(): Promise<{ key: string; label: string }[]> {
    return rows<{ key: string; label: string }>(this.reader.db, DISTRICT_LABELS);
  }
}
