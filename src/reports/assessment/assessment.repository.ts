import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maybeOne, one, rows } from '../../common/sql';
import type { Weights } from './assessment-score';
import {
  assessmentCounts,
  assessmentDeadlines,
  ASSESSMENT_DEPARTMENT_ITEMS,
  type AssessmentCountRow,
  type AssessmentDepartmentItemRow,
  DEPARTMENT_NAMES,
} from './assessment.sql';
import { SETTLE_MS, SettledQueries } from '../settled/settled-queries';
import { type AdditiveQuery, LiveDelta } from '../settled/live-delta';
import { ReportReader } from '../../database/report-reader';

/** The counts as of a recent instant are moved forward from a base by the problems changed since. */
const LIVE_COUNTS: AdditiveQuery = {
  sql: assessmentCounts,
  deadlines: assessmentDeadlines,
  keys: ['departmentId', 'component', 'ok', 'level'],
  count: 'count',
};

/** A recorded change of the weights. */
export interface WeightsRow {
  id: string;
  effectiveFrom: Date;
  weights: Weights;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
  note: string | null;
}

const WEIGHTS_COLUMNS = `w.id::text AS id, w.effective_from AS "effectiveFrom", w.weights, w.recorded_by AS "recordedBy",
  u.display_name AS "recordedByName", w.recorded_at AS "recordedAt", w.note`;

/** Every statement of the assessment: its weights and its items (the item SQL is in assessment.sql.ts). */
@Injectable()
export class AssessmentRepository {
  /** Writes and the weights page on the primary (`db`); the figure's reads through the report reader. */
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ReportReader,
    private readonly settled: SettledQueries,
    private readonly delta: LiveDelta,
  ) {}

  /** The weights in force at `at`: recorded before it and effective before it, the latest effective first. */
  weightsAt(at: Date): Promise<WeightsRow | undefined> {
    return maybeOne<WeightsRow>(
      this.reader.db,
      `SELECT ${WEIGHTS_COLUMNS} FROM assessment_weights w JOIN users u ON u.id = w.recorded_by
       WHERE w.effective_from < $1 AND w.recorded_at < $1
       ORDER BY w.effective_from DESC, w.recorded_at DESC, w.id DESC LIMIT 1`,
      [at],
    );
  }

  /** Every change, newest first. */
  weightsHistory(): Promise<WeightsRow[]> {
    return rows<WeightsRow>(
      this.db,
      `SELECT ${WEIGHTS_COLUMNS} FROM assessment_weights w JOIN users u ON u.id = w.recorded_by
       ORDER BY w.recorded_at DESC, w.id DESC`,
    );
  }

  /** Records a change; effective from `effectiveFrom`, or from the instant it is recorded. */
  async insertWeights(weights: Weights, userId: string, note: string | null, effectiveFrom: Date | null) {
    const { id } = await one<{ id: string }>(
      this.db,
      `INSERT INTO assessment_weights (effective_from, weights, recorded_by, note)
       VALUES (COALESCE($1, clock_timestamp()), $2::jsonb, $3, $4) RETURNING id::text AS id`,
      [effectiveFrom, JSON.stringify(weights), userId, note],
    );
    return id;
  }

  /** The database's clock, which stamps the rows. */
  async now(): Promise<Date> {
    return (await one<{ now: Date }>(this.db, `SELECT clock_timestamp() AS now`)).now;
  }

  /**
   * The items counted per department, kept once settled (SettledQueries), as of a recent instant
   * moved forward from a base (LiveDelta); with the departments' names now.
   */
  async counts(from: Date, to: Date, asOf: Date, zone: string): Promise<(AssessmentCountRow & { name: string })[]> {
    const [counts, names] = await Promise.all([
      asOf.getTime() > Date.now() - SETTLE_MS
        ? this.delta.rows<AssessmentCountRow>(LIVE_COUNTS, from, to, asOf, [zone])
        : this.settled.query<AssessmentCountRow>(assessmentCounts(), [from, to, asOf, zone]),
      rows<{ id: string; name: string }>(this.reader.db, DEPARTMENT_NAMES),
    ]);
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    return counts.map((row) => ({ ...row, name: nameOf.get(row.departmentId) ?? '' }));
  }

  departmentItems(
    from: Date,
    to: Date,
    asOf: Date,
    zone: string,
    departmentId: string,
  ): Promise<AssessmentDepartmentItemRow[]> {
    return rows<AssessmentDepartmentItemRow>(this.reader.db, ASSESSMENT_DEPARTMENT_ITEMS, [
      from,
      to,
      asOf,
      zone,
      departmentId,
    ]);
  }

  department(id: string): Promise<{ id: string; name: string } | undefined> {
    return maybeOne(this.reader.db, `SELECT id, name FROM departments WHERE id = $1`, [id]);
  }
}
