import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, rows } from '../../common/sql';
import type { EnterpriseFields } from '../enterprises.repository';

/** A district as the import looks it up: by code, Chinese name or English name. */
export interface DistrictRow {
  code: string;
  name: string;
  nameEn: string | null;
}

/** The fields an import writes, as the API names them. */
export type ImportFields = EnterpriseFields;

/** A registered enterprise as the import compares a row against it. */
export interface RegisteredEnterprise extends ImportFields {
  id: string;
  uscc: string;
}

/** One change to a registered enterprise: the fields that change, before and after. */
export interface EnterpriseChange {
  enterpriseId: string;
  before: Partial<ImportFields>;
  after: Partial<ImportFields>;
}

/** The import's SQL: the districts it resolves names against, the enterprises it meets, its writes. */
@Injectable()
export class EnterpriseImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  districts(): Promise<DistrictRow[]> {
    return rows<DistrictRow>(this.db, `SELECT code, name, name_en AS "nameEn" FROM districts`);
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

  /** The enterprises registered under these credit codes, locked until the transaction ends. */
  lockRegistered(em: EntityManager, usccs: string[]): Promise<RegisteredEnterprise[]> {
    return rows<RegisteredEnterprise>(
      em,
      `SELECT id, name, uscc, district_code AS district, industry, is_above_scale AS "isAboveScale",
              is_key AS "isKey", address, contact_name AS "contactName", contact_phone AS "contactPhone"
       FROM enterprises WHERE uscc = ANY($1::bpchar[]) ORDER BY uscc FOR UPDATE`,
      [usccs],
    );
  }

  /** Creates the enterprises, in one statement. */
  async insert(em: EntityManager, createdBy: string, list: ImportFields[]): Promise<void> {
    if (list.length === 0) return;
    const column = <K extends keyof ImportFields>(key: K) => list.map((e) => e[key]);
    await execute(
      em,
      `INSERT INTO enterprises (name, uscc, district_code, industry, is_above_scale, is_key, address,
                                contact_name, contact_phone, created_by)
       SELECT r.*, $10::uuid
       FROM unnest($1::text[], $2::bpchar[], $3::text[], $4::text[], $5::boolean[], $6::boolean[],
                   $7::text[], $8::text[], $9::text[])
         AS r(name, uscc, district, industry, above_scale, key, address, contact_name, contact_phone)`,
      [
        column('name'),
        column('uscc'),
        column('district'),
        column('industry'),
        column('isAboveScale'),
        column('isKey'),
        column('address'),
        column('contactName'),
        column('contactPhone'),
        createdBy,
      ],
    );
  }

  /** Writes the new values of registered enterprises and records each change, in two statements. */
  async update(
    em: EntityManager,
    changedBy: string,
    list: (ImportFields & { id: string })[],
    changes: EnterpriseChange[],
  ): Promise<void> {
    if (list.length === 0) return;
    const column = <K extends keyof (ImportFields & { id: string })>(key: K) => list.map((e) => e[key]);
    await execute(
      em,
      `UPDATE enterprises e
       SET name = r.name, district_code = r.district, industry = r.industry, is_above_scale = r.above_scale,
           is_key = r.key, address = r.address, contact_name = r.contact_name, contact_phone = r.contact_phone,
           updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::boolean[],
                   $7::text[], $8::text[], $9::text[])
         AS r(id, name, district, industry, above_scale, key, address, contact_name, contact_phone)
       WHERE e.id = r.id`,
      [
        column('id'),
        column('name'),
        column('district'),
        column('industry'),
        column('isAboveScale'),
        column('isKey'),
        column('address'),
        column('contactName'),
        column('contactPhone'),
      ],
    );
    await execute(
      em,
      `INSERT INTO enterprise_changes (enterprise_id, changed_by, source, before, after)
       SELECT c.enterprise_id, $4::uuid, 'import', c.before, c.after
       FROM unnest($1::uuid[], $2::jsonb[], $3::jsonb[]) AS c(enterprise_id, before, after)`,
      [
        changes.map((c) => c.enterpriseId),
        changes.map((c) => JSON.stringify(c.before)),
        changes.map((c) => JSON.stringify(c.after)),
        changedBy,
      ],
    );
  }
}
