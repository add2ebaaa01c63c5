import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateEnterpriseDto } from '../enterprise.dto';

/** A district as the import looks it up: by code, Chinese name or English name. */
export interface DistrictRow {
  code: string;
  name: string;
  nameEn: string | null;
}

/** What one upsert statement wrote. */
export interface UpsertCounts {
  created: number;
  updated: number;
}

/** The import's SQL: the districts it resolves names against, and the upsert of a batch of rows. */
@Injectable()
export class EnterpriseImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  districts(): Promise<DistrictRow[]> {
    return this.db.query(`SELECT code, name, name_en AS "nameEn" FROM districts`);
  }

  /** Runs `work` in one transaction, committed, or rolled back when `rollback` (a dry run) or on error. */
  async inTransaction<T>(rollback: boolean, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const result = await work(runner.manager);
      if (rollback) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Updates the enterprises whose credit code is registered and creates the others, in one
   * statement. An empty cell leaves the registered value as it is; a row that changes nothing is
   * not written (and counts as unchanged).
   */
  async upsert(em: EntityManager, createdBy: string, rows: CreateEnterpriseDto[]): Promise<UpsertCounts> {
    const column = <T>(pick: (dto: CreateEnterpriseDto) => T | undefined) => rows.map((dto) => pick(dto) ?? null);
    const [counts]: UpsertCounts[] = await em.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::bpchar[], $3::text[], $4::text[], $5::boolean[], $6::boolean[],
                              $7::text[], $8::text[], $9::text[])
           AS r(name, uscc, district, industry, above_scale, key, address, contact_name, contact_phone)
       ),
       updated AS (
         UPDATE enterprises e
         SET name = r.name, district_code = r.district, industry = COALESCE(r.industry, e.industry),
             is_above_scale = COALESCE(r.above_scale, e.is_above_scale), is_key = COALESCE(r.key, e.is_key),
             address = COALESCE(r.address, e.address), contact_name = COALESCE(r.contact_name, e.contact_name),
             contact_phone = COALESCE(r.contact_phone, e.contact_phone), updated_at = now()
         FROM input r
         WHERE e.uscc = r.uscc
           AND (e.name, e.district_code, e.industry, e.is_above_scale, e.is_key, e.address, e.contact_name,
                e.contact_phone)
               IS DISTINCT FROM
               (r.name, r.district, COALESCE(r.industry, e.industry), COALESCE(r.above_scale, e.is_above_scale),
                COALESCE(r.key, e.is_key), COALESCE(r.address, e.address), COALESCE(r.contact_name, e.contact_name),
                COALESCE(r.contact_phone, e.contact_phone))
         RETURNING e.id
       ),
       created AS (
         INSERT INTO enterprises (name, uscc, district_code, industry, is_above_scale, is_key, address,
                                  contact_name, contact_phone, created_by)
         SELECT r.name, r.uscc, r.district, r.industry, COALESCE(r.above_scale, false), COALESCE(r.key, false),
                r.address, r.contact_name, r.contact_phone, $10
         FROM input r
         WHERE r.uscc IS NULL OR NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.uscc = r.uscc)
         RETURNING id
       )
       SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM updated)::int AS updated`,
      [
        column((dto) => dto.name),
        column((dto) => dto.uscc),
        column((dto) => dto.district),
        column((dto) => dto.industry),
        column((dto) => dto.isAboveScale),
        column((dto) => dto.isKey),
        column((dto) => dto.address),
        column((dto) => dto.contactName),
        column((dto) => dto.contactPhone),
        createdBy,
      ],
    );
    return counts!;
  }
}
