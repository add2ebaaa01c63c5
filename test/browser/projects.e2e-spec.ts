/**
 * The key project ledger in the browser (demo data plus two projects made through the API): a
 * manager filters the ledger by district, opens a project whose linked problem is overdue and
 * finds it flagged, with the problem marked overdue.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { choose, login, screenshot, selectBox, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('the key project ledger in the browser', () => {
  const harness = useBrowserHarness();
  let page: Page;
  const mark = randomBytes(3).toString('hex');
  const names = { held: `敦煌储能项目${mark}`, other: `瓜州风电项目${mark}` };
  let heldId = '';

  beforeAll(async () => {
    const auth = await harness.auth('manager');
    const http = () => harness.service.http();
    const create = async (name: string, district: string) =>
      (
        await http()
          .post('/api/v1/projects')
          .set(auth)
          .send({ code: `BR-${district}-${mark}`, planYear: 2026, name, district, kind: 'new' })
          .expect(201)
      ).body as { id: string };
    heldId = (await create(names.held, 'dunhuang')).id;
    await create(names.other, 'guazhou');
    // A problem of the project, assigned with a deadline two seconds away: overdue once it passes.
    const [enterprise] = (await http().get('/api/v1/enterprises?limit=1').set(auth).expect(200)).body.items;
    const [department] = (await http().get('/api/v1/departments').set(auth).expect(200)).body;
    const problem = (
      await http()
        .post('/api/v1/problems')
        .set(auth)
        .send({
          enterpriseId: enterprise.id,
          title: `项目用电接入${mark}`,
          category: 'factor_supply',
          projectId: heldId,
        })
        .expect(201)
    ).body;
    await http()
      .post(`/api/v1/problems/${problem.id}/assign`)
      .set(auth)
      .set('If-Match', `"${problem.version}"`)
      .send({ departmentId: department.id, dueAt: new Date(Date.now() + 2000).toISOString() })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    page = await harness.newPage();
    await login(page, 'manager', '/projects');
  });

  it('filters the ledger by district', async () => {
    await page.getByRole('table', { name: '项目台账' }).waitFor();
    await choose(page, selectBox(page, '县区'), '敦煌市');
    await page.waitForURL(/district=dunhuang/);
    const table = page.getByRole('table', { name: '项目台账' });
    // The unfiltered page stays shown until the filtered one arrives: wait for the other district to go.
    await table.getByRole('link', { name: names.other }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: names.held }).waitFor();
    expect(await table.innerText()).not.toContain(names.other);
    // The row carries the held-up flag.
    const row = table.getByRole('row').filter({ hasText: names.held });
    expect(await row.innerText()).toContain('问题逾期');
    await screenshot(page, 'projects-ledger-dunhuang');
  });

  it('opens the project and finds it flagged with its overdue problem', async () => {
    await page.getByRole('link', { name: names.held }).click();
    await page.waitForURL(new RegExp(`/projects/${heldId}$`));
    await page.getByTestId('held-up').waitFor();
    const problems = page.getByRole('table', { name: '项目的问题' });
    const row = problems.getByRole('row').filter({ hasText: `项目用电接入${mark}` });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('逾期');
    expect(text).toContain('已交办');
    await screenshot(page, 'project-held-up');
  });

  it('opens the problem, which names its project', async () => {
    await page.getByRole('link', { name: new RegExp(`项目用电接入${mark}`) }).click();
    await page.getByTestId('problem-status').waitFor();
    await page.getByRole('link', { name: names.held }).waitFor();
    expect(await page.locator('body').innerText()).toContain('所属重点项目');
  });

  it('adds a project through the form and lands on its page', async () => {
    await page.goto('/projects');
    await page.getByRole('button', { name: '新增项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目编号').fill(`UI-${mark}`);
    await dialog.getByLabel('项目名称').fill(`界面新增项目${mark}`);
    // The form takes the district before it is saved (a lost choice would leave the form invalid).
    await choose(page, selectBox(page, '县区', dialog), '玉门市');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('heading', { name: `界面新增项目${mark}` }).waitFor();
    const api = await harness.service
      .http()
      .get(`/api/v1/projects?q=UI-${mark}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(api.body.items).toMatchObject([{ code: `UI-${mark}`, district: 'yumen', stage: 'preparation' }]);
  });
});
