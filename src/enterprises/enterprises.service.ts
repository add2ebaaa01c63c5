import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { CreateEnterpriseDto, ListEnterprisesQuery } from './enterprise.dto';
import { EnterpriseRow, EnterprisesRepository } from './enterprises.repository';

/** An enterprise as the API sends it: its row, with the instants as ISO text. */
export type EnterpriseResponse = Omit<EnterpriseRow, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

function toEnterpriseResponse(row: EnterpriseRow): EnterpriseResponse {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

@Injectable()
export class EnterprisesService {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async create(user: AuthUser, dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    await this.assertDistrict(dto.district);
    const id = await this.enterprises.insert({
      name: dto.name.trim(),
      uscc: dto.uscc ?? null,
      district: dto.district,
      industry: dto.industry ?? null,
      isAboveScale: dto.isAboveScale ?? false,
      isKey: dto.isKey ?? false,
      address: dto.address ?? null,
      contactName: dto.contactName ?? null,
      contactPhone: dto.contactPhone ?? null,
      createdBy: user.id,
    });
    if (id === undefined) throw DomainError.duplicate('uscc', 'an enterprise with this credit code is registered');
    return this.get(id);
  }

  async get(id: string): Promise<EnterpriseResponse> {
    const row = await this.enterprises.find(id);
    if (!row) throw DomainError.notFound('enterprise');
    return toEnterpriseResponse(row);
  }

  async list(query: ListEnterprisesQuery): Promise<Page<EnterpriseResponse>> {
    const limit = query.limit ?? 50;
    const rows = await this.enterprises.list(query, limit);
    return toPage(rows, limit, toEnterpriseResponse, (row) => [row.name, row.id]);
  }

  private async assertDistrict(code: string): Promise<void> {
    if (!(await this.enterprises.districtExists(code))) {
      throw DomainError.invalidField('district', `no district has the code "${code}"`);
    }
  }
}
