import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { maybeOne, rows } from '../common/sql';
import { STATUS_LABELS, STATUSES } from '../workflow/statuses';
import { CreateDepartmentDto } from './department.dto';

export interface CodedItem {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface DepartmentResponse {
  id: string;
  code: string;
  name: string;
}

@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  districts(): Promise<CodedItem[]> {
    return rows<CodedItem>(this.db, `SELECT code, name, name_en AS "nameEn" FROM districts ORDER BY sort_order, code`);
  }

  categories(): Promise<CodedItem[]> {
    return rows<CodedItem>(
      this.db,
      `SELECT code, name, name_en AS "nameEn", default_due_working_days AS "defaultDueWorkingDays",
              sign_for_working_days AS "signForWorkingDays"
       FROM categories ORDER BY sort_order, code`,
    );
  }

  statuses(): CodedItem[] {
    return STATUSES.map((code) => ({ code, name: STATUS_LABELS[code].zh, nameEn: STATUS_LABELS[code].en }));
  }

  departments(): Promise<DepartmentResponse[]> {
    return rows<DepartmentResponse>(this.db, `SELECT id, code, name FROM departments ORDER BY code`);
  }

  async createDepartment(dto: CreateDepartmentDto): Promise<DepartmentResponse> {
    const row = await maybeOne<DepartmentResponse>(
      this.db,
      `INSERT INTO departments (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id, code, name`,
      [dto.code, dto.name],
    );
    if (!row) throw DomainError.duplicate('code', 'a department with this code or name exists');
    return row;
  }
}
