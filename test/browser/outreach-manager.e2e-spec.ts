/**
 * A manager's side of responsibility, at a desk: a bulk assignment checked (a wrong row reported,
 * nothing written), corrected and applied; then the enterprise page, where an edit made on a stale
 * page is refused with what changed, and the fresh edit lands in the change log.
 */
import { randomBytes } from 'node:crypto';
import { DESKTOP, STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');

describe('responsibility at a manager’s desk', () => {
  const harness = useBrowserHarness();
  const unique = randomBytes(3).toString('hex');
  const name = `批量包联企业${unique}`;
  let enterpriseId = '';

  beforeAll(async () => {
    const e = await harness.service
      .http()
      .post('/api/v1/enterprises')
      .set(await harness.auth('manager'))
      .send({ name, district: 'yumen', contactName: '原联系人' })
      .expect(201);
    enterpriseId = e.body.id;
  });

  it('checks a bulk assignment, reports the wrong row, then applies the corrected file', async () => {
    const page = await harness.newPage(DESKTOP);
    await login(page, 'manager', '/responsibilities');
    const heading = ['企业名称', '用户名', '包联类型', '开始日期'];
    const upload = async (rows: string[][]) => {
      await page.locator('input[type="file"]').setInputFiles({
        name: 'assign.csv',
        mimeType: 'text/csv',
        buffer: csv([heading, ...rows]),
      });
      await page.getByTestId('bulk-check').click();
      await page.getByTestId('bulk-report').waitFor();
    };

    await upload([
      [name, 'official2', '包联干部', '2025-01-02'],
      [name, 'no-such-user', '包联领导', ''],
    ]);
    await page.getByTestId('bulk-report').filter({ hasText: '1 行有误' }).waitFor();
    expect(await page.locator('.ant-table-row').first().innerText()).toContain('no-such-user');
    expect(await page.getByTestId('bulk-apply').isDisabled()).toBe(true);
    const [{ n: before }] = await harness.service.db.query(
      `SELECT count(*)::int AS n FROM responsibilities WHERE enterprise_id = $1`,
      [enterpriseId],
    );
    expect(before).toBe(0);
    await screenshot(page, 'outreach-10-bulk-check');

    await upload([
      [name, 'official2', '包联干部', '2025-01-02'],
      [name, 'manager2', '包联领导', ''],
    ]);
    await page.getByTestId('bulk-report').filter({ hasText: '检查通过' }).waitFor();
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-report').filter({ hasText: '已导入' }).waitFor();
    const saved: { kind: string; username: string }[] = await harness.service.db.query(
      `SELECT r.kind, u.username FROM responsibilities r JOIN users u ON u.id = r.user_id
       WHERE r.enterprise_id = $1 ORDER BY r.kind`,
      [enterpriseId],
    );
    expect(saved).toEqual([
      { kind: 'leader', username: 'manager2' },
      { kind: 'official', username: 'official2' },
    ]);
  });

  it('refuses an edit made on a stale page with what changed, then saves the fresh one', async () => {
    const page = await harness.newPage(DESKTOP);
    await login(page, 'manager', `/enterprises/${enterpriseId}`);
    await page.getByTestId('enterprise-name').filter({ hasText: name }).waitFor();
    await page.getByTestId('responsibility').nth(1).waitFor();
    expect(await page.getByTestId('responsibility').count()).toBe(2);

    // Someone else edits the contact after this page loaded it.
    const current = await harness.service
      .http()
      .get(`/api/v1/enterprises/${enterpriseId}`)
      .set(await harness.auth('manager2'))
      .expect(200);
    await harness.service
      .http()
      .patch(`/api/v1/enterprises/${enterpriseId}`)
      .set(await harness.auth('manager2'))
      .set('If-Match', current.headers.etag as string)
      .send({ contactName: '他人改的联系人' })
      .expect(200);

    await page.getByTestId('enterprise-edit').click();
    await page.getByLabel('地址').fill('玉门市老市区');
    await page.getByTestId('enterprise-save').click();
    const conflict = page.getByTestId('conflict-alert');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('原联系人 → 他人改的联系人');
    await page.getByTestId('enterprise-contact').filter({ hasText: '他人改的联系人' }).waitFor();
    await screenshot(page, 'outreach-11-enterprise-conflict');

    await page.getByTestId('enterprise-edit').click();
    await page.getByLabel('地址').fill('玉门市老市区');
    await page.getByTestId('enterprise-save').click();
    await page.getByTestId('enterprise-address').filter({ hasText: '玉门市老市区' }).waitFor();
    await page.getByText('修改记录', { exact: true }).click();
    await page.getByTestId('enterprise-change').nth(1).waitFor();
    expect(await page.getByTestId('enterprise-change').first().innerText()).toContain('地址: — → 玉门市老市区');
  });
});
