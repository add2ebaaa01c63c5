import { randomBytes } from 'node:crypto';
import { ADMIN, TestApp } from '../support/test-app';

export type Role = 'admin' | 'manager' | 'official' | 'handler';

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  departmentId: string | null;
  token: string;
  auth: { Authorization: string };
}

const unique = () => randomBytes(4).toString('hex');

/** Builds test data through the public API, as a client would. */
export class Factory {
  private adminToken?: string;

  constructor(private readonly t: TestApp) {}

  async login(username: string, password: string): Promise<string> {
    const res = await this.t.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    return res.body.accessToken;
  }

  async admin(): Promise<{ Authorization: string }> {
    this.adminToken ??= await this.login(ADMIN.username, ADMIN.password);
    return { Authorization: `Bearer ${this.adminToken}` };
  }

  async department(name = `部门${unique()}`): Promise<{ id: string; code: string; name: string }> {
    const res = await this.t
      .http()
      .post('/api/v1/departments')
      .set(await this.admin())
      .send({ name, code: `d${unique()}` })
      .expect(201);
    return res.body;
  }

  async user(role: Role, departmentId?: string): Promise<TestUser> {
    const username = `${role}-${unique()}`;
    const password = 'Password-123';
    const res = await this.t
      .http()
      .post('/api/v1/users')
      .set(await this.admin())
      .send({ username, password, displayName: `${role} ${username}`, role, ...(departmentId ? { departmentId } : {}) })
      .expect(201);
    const token = await this.login(username, password);
    return {
      id: res.body.id,
      username,
      role,
      departmentId: res.body.departmentId,
      token,
      auth: { Authorization: `Bearer ${token}` },
    };
  }

  async enterprise(as: TestUser, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
    const res = await this.t
      .http()
      .post('/api/v1/enterprises')
      .set(as.auth)
      .send({ name: `测试企业${unique()}有限公司`, district: 'suzhou', industry: 'new_energy_equipment', ...overrides })
      .expect(201);
    return res.body;
  }

  async problem(as: TestUser, enterpriseId: string, overrides: Record<string, unknown> = {}) {
    const res = await this.t
      .http()
      .post('/api/v1/problems')
      .set(as.auth)
      .send({ enterpriseId, title: '用电报装进度慢', category: 'factor_supply', ...overrides })
      .expect(201);
    return res.body as { id: string; code: string; version: number; status: string };
  }

  /** Takes an action with the version given (default: the current one, read first). */
  async act(as: TestUser, id: string, action: string, body: Record<string, unknown> = {}, version?: number) {
    const current =
      version ?? (await this.t.http().get(`/api/v1/problems/${id}`).set(as.auth).expect(200)).body.version;
    return this.t
      .http()
      .post(`/api/v1/problems/${id}/${action}`)
      .set(as.auth)
      .set('If-Match', `"${current}"`)
      .send(body);
  }
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
