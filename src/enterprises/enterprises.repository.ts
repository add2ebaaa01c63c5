import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cursorValue, decodeCursor } from '../common/pagination';
import { containsPattern, exists, maybeOne, rows, SqlParams } from '../common/sql';
import type { ListEnterprisesQuery } from './enterprise.dto';

/** The fields of an enterprise that create and import write, as the API names them. */
export interface EnterpriseFields {
  name: string;
  uscc: string | null;
  district: string;
  industry: string | null;
  isAboveScale: boolean;
  isKey: boolean;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** An enterprise as every read selects it, with its district's name. */
export interface EnterpriseRow extends EnterpriseFields {
  id: string;
  districtName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns create writes. */
export interface EnterpriseInsert extends EnterpriseFields {
  createdBy: string;
}

const SELECT = `
  SELECT e.id, e.name, e.uscc, e.district_code AS district, d.name AS "districtName", e.industry,
         e.is_above_scale AS "isAboveScale", e.is_key AS "isKey", e.address,
         e.contact_name AS "contactName", e.contact_phone AS "contactPhone",
         e.created_at AS "createdAt", e.updated_at AS "updatedAt"
  FROM enterprises e JOIN districts d ON d.code = e.district_code`;

/** Every statement on enterprises outside the spreadsheet import (which keeps its own bulk upsert). */
@Injectable()
export class EnterprisesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the enterprise and answers its id; undefined when its credit code is registered. */
  async insert(enterprise: EnterpriseInsert): Promise<string | undefined> {
    const row = await maybeOne<{ id: string }>(
      this.db,
      `INSERT INTO enterprises (name, uscc, district_code, industry, is_above_scale, is_key, address,
                                contact_name, contact_phone, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (uscc) DO NOTHING RETURNING id`,
      [
        enterprise.name,
        enterprise.uscc,
        enterprise.district,
        enterprise.industry,
        enterprise.isAboveScale,
        enterprise.isKey,
        enterprise.address,
        enterprise.contactName,
        enterprise.contactPhone,
        enterprise.createdBy,
      ],
    );
    return row?.id;
  }

  find(id: string): Promise<EnterpriseRow | undefined> {
    return maybeOne<EnterpriseRow>(this.db, `${SELECT} WHERE e.id = $1`, [id]);
  }

  /** One page by name (keyset): `limit + 1` rows at most, so the caller knows whether more follow. */
  list(query: ListEnterprisesQuery, limit: number): Promise<EnterpriseRow[]> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.q) {
      const pattern = p.add(containsPattern(query.q));
      where.push(`(e.name ILIKE ${pattern} OR e.uscc ILIKE ${pattern})`);
    }
    if (query.district) where.push(`e.district_code = ${p.add(query.district)}`);
    if (query.industry) where.push(`e.industry = ${p.add(query.industry)}`);
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, [cursorValue.text, cursorValue.uuid]);
      where.push(`(e.name, e.id) > (${p.add(name)}, ${p.add(id)}::uuid)`);
    }
    return rows<EnterpriseRow>(
      this.db,
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.name, e.id LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
  }

  districtExists(code: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM districts WHERE code = $1`, [code]);
  }
}
