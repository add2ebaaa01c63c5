import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import { cursorValue, decodeCursor, Page, toPage } from '../common/pagination';
import { SqlParams } from '../common/sql';
import { CreateEnterpriseDto, ListEnterprisesQuery } from './enterprise.dto';

export interface EnterpriseResponse {
  id: string;
  name: string;
  uscc: string | null;
  district: string;
  districtName: string;
  industry: string | null;
  isAboveScale: boolean;
  isKey: boolean;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `
  SELECT e.id, e.name, e.uscc, e.district_code AS district, d.name AS "districtName", e.industry,
         e.is_above_scale AS "isAboveScale", e.is_key AS "isKey", e.address,
         e.contact_name AS "contactName", e.contact_phone AS "contactPhone",
         e.created_at AS "createdAt", e.updated_at AS "updatedAt"
  FROM enterprises e JOIN districts d ON d.code = e.district_code`;

type Row = Omit<EnterpriseResponse, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

function toEnterpriseResponse(row: Row): EnterpriseResponse {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

@Injectable()
export class EnterprisesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(user: AuthUser, dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    await this.assertDistrict(dto.district);
    const [inserted] = await this.db.query(
      `INSERT INTO enterprises (name, uscc, district_code, industry, is_above_scale, is_key, address,
                                contact_name, contact_phone, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (uscc) DO NOTHING RETURNING id`,
      [
        dto.name.trim(),
        dto.uscc ?? null,
        dto.district,
        dto.industry ?? null,
        dto.isAboveScale ?? false,
        dto.isKey ?? false,
        dto.address ?? null,
        dto.contactName ?? null,
        dto.contactPhone ?? null,
        user.id,
      ],
    );
    if (!inserted) throw DomainError.duplicate('uscc', 'an enterprise with this credit code is registered');
    return this.get(inserted.id);
  }

  async get(id: string): Promise<EnterpriseResponse> {
    const [row] = await this.db.query(`${SELECT} WHERE e.id = $1`, [id]);
    if (!row) throw DomainError.notFound('enterprise');
    return toEnterpriseResponse(row);
  }

  async list(query: ListEnterprisesQuery): Promise<Page<EnterpriseResponse>> {
    const limit = query.limit ?? 50;
    const p = new SqlParams();
    const where: string[] = [];
    if (query.q) {
      const pattern = p.add(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(e.name ILIKE ${pattern} OR e.uscc ILIKE ${pattern})`);
    }
    if (query.district) where.push(`e.district_code = ${p.add(query.district)}`);
    if (query.industry) where.push(`e.industry = ${p.add(query.industry)}`);
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, [cursorValue.text, cursorValue.uuid]);
      where.push(`(e.name, e.id) > (${p.add(name)}, ${p.add(id)}::uuid)`);
    }
    const rows: Row[] = await this.db.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.name, e.id LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    return toPage(rows, limit, toEnterpriseResponse, (row) => [row.name, row.id]);
  }

  private async assertDistrict(code: string): Promise<void> {
    const found = await this.db.query(`SELECT 1 FROM districts WHERE code = $1`, [code]);
    if (found.length === 0) throw DomainError.invalidField('district', `no district has the code "${code}"`);
  }
}
