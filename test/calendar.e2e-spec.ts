import { insertMissingDays } from '../src/reference/calendar.repository';
import { CalendarService } from '../src/reference/calendar.service';
import { holidayCalendar, holidayCalendarYears } from '../src/reference/holiday-calendar';
import { workingDaysBetween } from '../src/reference/working-days';
import { Factory, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

const ZONE = 'Asia/Shanghai';

/**
 * The 2025 exceptions the migration seeds, written out by hand from the State Council notice
 * (国办发明电〔2024〕12号): weekday holidays only (weekend days of a holiday are off anyway), and
 * the weekend days moved into work.
 */
const SEEDED_2025 = [
  { date: '2025-01-01', working: false, name: '元旦' }, // Wednesday
  { date: '2025-01-26', working: true, name: '春节调休上班' }, // Sunday
  { date: '2025-01-28', working: false, name: '春节' }, // Tuesday, 除夕
  { date: '2025-01-29', working: false, name: '春节' },
  { date: '2025-01-30', working: false, name: '春节' },
  { date: '2025-01-31', working: false, name: '春节' },
  { date: '2025-02-03', working: false, name: '春节' }, // Monday
  { date: '2025-02-04', working: false, name: '春节' }, // Tuesday, 初七
  { date: '2025-02-08', working: true, name: '春节调休上班' }, // Saturday
  { date: '2025-04-04', working: false, name: '清明节' }, // Friday
  { date: '2025-04-27', working: true, name: '劳动节调休上班' }, // Sunday
  { date: '2025-05-01', working: false, name: '劳动节' }, // Thursday
  { date: '2025-05-02', working: false, name: '劳动节' },
  { date: '2025-05-05', working: false, name: '劳动节' }, // Monday
  { date: '2025-06-02', working: false, name: '端午节' }, // Monday
  { date: '2025-09-28', working: true, name: '国庆节调休上班' }, // Sunday
  { date: '2025-10-01', working: false, name: '国庆节、中秋节' }, // Wednesday
  { date: '2025-10-02', working: false, name: '国庆节、中秋节' },
  { date: '2025-10-03', working: false, name: '国庆节、中秋节' },
  { date: '2025-10-06', working: false, name: '国庆节、中秋节' }, // Monday
  { date: '2025-10-07', working: false, name: '国庆节、中秋节' },
  { date: '2025-10-08', working: false, name: '国庆节、中秋节' },
  { date: '2025-10-11', working: true, name: '国庆节调休上班' }, // Saturday
];

describe('working-day calendar and category time limits', () => {
  let t: TestApp;
  let f: Factory;
  let admin: { Authorization: string };
  let official: TestUser;
  let manager: TestUser;
  let handler: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    admin = await f.admin();
    official = await f.user('official');
    manager = await f.user('manager');
    handler = await f.user('handler', (await f.department()).id);
  });

  afterAll(() => t.close());

  const preview = (from: string, days: number | string, as: { Authorization: string } = official.auth) =>
    t.http().get('/api/v1/calendar/working-days').query({ from, days }).set(as);
  const putDay = (date: string, body: object, as = admin) =>
    t.http().put(`/api/v1/calendar/days/${date}`).set(as).send(body);
  const deleteDay = (date: string, as = admin) => t.http().delete(`/api/v1/calendar/days/${date}`).set(as);
  const calendarRow = async (date: string) =>
    (await t.db.query(`SELECT working, name FROM calendar_days WHERE day = $1`, [date]))[0] as
      { working: boolean; name: string } | undefined;

  describe('GET /calendar', () => {
    it('lists the seeded 2025 exceptions by date, to any role', async () => {
      const res = await t.http().get('/api/v1/calendar').query({ year: 2025 }).set(handler.auth).expect(200);
      expect(res.body).toEqual({ year: 2025, days: SEEDED_2025 });
    });

    it('shows the Spring Festival 2025 and its two make-up days with their names', async () => {
      const res = await t.http().get('/api/v1/calendar?year=2025').set(official.auth).expect(200);
      const days = res.body.days as { date: string; working: boolean; name: string }[];
      const festival = days.filter((d) => d.date >= '2025-01-25' && d.date <= '2025-02-09');
      expect(festival).toEqual([
        { date: '2025-01-26', working: true, name: '春节调休上班' },
        { date: '2025-01-28', working: false, name: '春节' },
        { date: '2025-01-29', working: false, name: '春节' },
        { date: '2025-01-30', working: false, name: '春节' },
        { date: '2025-01-31', working: false, name: '春节' },
        { date: '2025-02-03', working: false, name: '春节' },
        { date: '2025-02-04', working: false, name: '春节' },
        { date: '2025-02-08', working: true, name: '春节调休上班' },
      ]);
    });

    it('lists another year on its own, and an empty year as empty', async () => {
      const res2024 = await t.http().get('/api/v1/calendar?year=2024').set(official.auth).expect(200);
      expect(res2024.body.year).toBe(2024);
      expect(res2024.body.days.every((d: { date: string }) => d.date.startsWith('2024-'))).toBe(true);
      // 2024 Spring Festival: off 10–17 Feb (weekdays 12–16), make-up Sundays 4 and 18 Feb.
      expect(res2024.body.days.filter((d: { name: string }) => d.name.startsWith('春节'))).toEqual([
        { date: '2024-02-04', working: true, name: '春节调休上班' },
        { date: '2024-02-12', working: false, name: '春节' },
        { date: '2024-02-13', working: false, name: '春节' },
        { date: '2024-02-14', working: false, name: '春节' },
        { date: '2024-02-15', working: false, name: '春节' },
        { date: '2024-02-16', working: false, name: '春节' },
        { date: '2024-02-18', working: true, name: '春节调休上班' },
      ]);
      const empty = await t.http().get('/api/v1/calendar?year=2030').set(official.auth).expect(200);
      expect(empty.body).toEqual({ year: 2030, days: [] });
    });

    it('defaults to the current year in the report time zone', async () => {
      const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric' }).format(new Date()));
      const res = await t.http().get('/api/v1/calendar').set(official.auth).expect(200);
      expect(res.body.year).toBe(year);
    });

    it('refuses a year that is not one, naming the field', async () => {
      for (const year of ['abc', '1999', '2101', '2025.5']) {
        const res = await t.http().get('/api/v1/calendar').query({ year }).set(official.auth).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
        expect(res.body.errors).toEqual([
          { field: 'year', message: 'year must be a year from 2000 to 2100, e.g. 2025' },
        ]);
      }
    });

    it('needs a token', async () => {
      await t.http().get('/api/v1/calendar?year=2025').expect(401);
      await t.http().get('/api/v1/calendar/working-days?from=2025-01-24T10:00:00%2B08:00&days=3').expect(401);
    });
  });

  describe('GET /calendar/working-days', () => {
    it('previews a deadline across the Spring Festival', async () => {
      // Friday 24 Jan, 3 working days: Sun 26 (make-up) 1, Mon 27 2, [28 Jan – 4 Feb off], Wed 5 Feb 3.
      // The end of 5 February in Beijing is 16:00 UTC that day.
      const res = await preview('2025-01-24T10:00:00+08:00', 3).expect(200);
      expect(res.body).toEqual({
        from: '2025-01-24T02:00:00.000Z',
        days: 3,
        dueAt: '2025-02-05T16:00:00.000Z',
        lastWorkingDay: '2025-02-05',
        timezone: ZONE,
        uncoveredYears: [],
      });
    });

    it('counts from the Beijing date of the start', async () => {
      // 2025-02-07T15:30Z is Friday 23:30 in Beijing: 1 working day is Saturday 8 Feb (make-up day).
      expect((await preview('2025-02-07T15:30:00Z', 1).expect(200)).body.dueAt).toBe('2025-02-08T16:00:00.000Z');
      // 16:30Z is already Saturday 8 Feb in Beijing: counting starts Sunday 9 (off), so Monday 10.
      expect((await preview('2025-02-07T16:30:00Z', 1).expect(200)).body.dueAt).toBe('2025-02-10T16:00:00.000Z');
    });

    it('handles the longest time limit, across two years of holidays', async () => {
      // Plain Monday to Friday, 365 working days after Wed 1 Jan 2025 end on Wed 27 May 2026 (73 weeks).
      // The calendar takes away, after 1 Jan 2025: 17 weekday holidays in 2025 less 5 make-up days (12),
      // and before 27 May 2026: 1–2 Jan, 16–20 and 23 Feb, 6 Apr, 1, 4 and 5 May (12) less the make-up
      // days 4 Jan, 14 and 28 Feb, 9 May (4), so 8: 20 more working days after 27 May 2026. Those are
      // 28, 29 May, 1–5, 8–12, 15–18 June (16), [Fri 19 June 端午节], 22, 23, 24, 25 June (20).
      const res = await preview('2025-01-01T09:00:00+08:00', 365).expect(200);
      expect(res.body).toMatchObject({ dueAt: '2026-06-25T16:00:00.000Z', lastWorkingDay: '2026-06-25' });
      const service = t.app.get(CalendarService);
      expect((await service.dueAfterWorkingDays(new Date('2025-01-01T01:00:00Z'), 365)).toISOString()).toBe(
        '2026-06-25T16:00:00.000Z',
      );
      const [sql] = await t.db.query(`SELECT working_days_between($1, $2, $3) AS n`, [
        '2025-01-01T01:00:00Z',
        '2026-06-25T15:59:59.999Z',
        ZONE,
      ]);
      expect(sql.n).toBe(365);
    });

    it('refuses bad input, naming the field', async () => {
      const cases: [string, string, string][] = [
        ['2025-01-24T10:00:00+08:00', '0', 'days'],
        ['2025-01-24T10:00:00+08:00', '366', 'days'],
        ['2025-01-24T10:00:00+08:00', '1.5', 'days'],
        ['2025-01-24T10:00:00+08:00', 'three', 'days'],
        ['2025-01-24T10:00:00', '3', 'from'],
        ['2025-01-24', '3', 'from'],
        ['yesterday', '3', 'from'],
      ];
      for (const [from, days, field] of cases) {
        const res = await preview(from, days).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      const missing = await t.http().get('/api/v1/calendar/working-days').set(official.auth).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['days', 'from']);
    });
  });

  describe('PUT and DELETE /calendar/days/:date', () => {
    const from = '2025-01-24T10:00:00+08:00';

    it('an admin adds a day off and removes it again, and the preview follows', async () => {
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-02-05T16:00:00.000Z');

      // Wednesday 5 Feb made a day off: the third working day becomes Thursday 6 Feb.
      const put = await putDay('2025-02-05', { working: false, name: ' 临时停工 ' }).expect(200);
      expect(put.body).toEqual({ date: '2025-02-05', working: false, name: '临时停工' });
      expect(await calendarRow('2025-02-05')).toEqual({ working: false, name: '临时停工' });
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-02-06T16:00:00.000Z');
      const listed = await t.http().get('/api/v1/calendar?year=2025').set(official.auth).expect(200);
      expect(listed.body.days).toContainEqual({ date: '2025-02-05', working: false, name: '临时停工' });
      expect(listed.body.days).toHaveLength(SEEDED_2025.length + 1);

      await deleteDay('2025-02-05').expect(204);
      expect(await calendarRow('2025-02-05')).toBeUndefined();
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-02-05T16:00:00.000Z');
      expect((await t.http().get('/api/v1/calendar?year=2025').set(official.auth).expect(200)).body.days).toEqual(
        SEEDED_2025,
      );
    });

    it('removing a make-up day makes that weekend day a day off again', async () => {
      // Without the make-up Sunday 26 Jan: Mon 27 (1), Wed 5 Feb (2), Thu 6 Feb (3).
      await deleteDay('2025-01-26').expect(204);
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-02-06T16:00:00.000Z');
      const [sql] = await t.db.query(`SELECT working_days_between($1, $2, $3) AS n`, [
        from,
        '2025-01-27T12:00:00+08:00',
        ZONE,
      ]);
      expect(sql.n).toBe(1); // only Monday 27 now

      const restored = await putDay('2025-01-26', { working: true, name: '春节调休上班' }).expect(200);
      expect(restored.body).toEqual({ date: '2025-01-26', working: true, name: '春节调休上班' });
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-02-05T16:00:00.000Z');
    });

    it('PUT on a day that has an exception changes it (upsert)', async () => {
      // Tuesday 28 Jan (除夕) made a working day: Sun 26 (1), Mon 27 (2), Tue 28 (3).
      await putDay('2025-01-28', { working: true, name: '测试：除夕上班' }).expect(200);
      expect(await calendarRow('2025-01-28')).toEqual({ working: true, name: '测试：除夕上班' });
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-01-28T16:00:00.000Z');
      await putDay('2025-01-28', { working: false, name: '春节' }).expect(200);
      expect(await calendarRow('2025-01-28')).toEqual({ working: false, name: '春节' });
      expect((await preview(from, 3).expect(200)).body.dueAt).toBe('2025-02-05T16:00:00.000Z');
    });

    it('DELETE of a date without an exception is 404', async () => {
      const res = await deleteDay('2025-03-05').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(res.body.message).toContain('2025-03-05');
    });

    it('refuses a date that is not a real YYYY-MM-DD, naming date', async () => {
      for (const date of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-2-3', '20250203', 'tomorrow']) {
        for (const res of [await putDay(date, { working: false, name: '假日' }), await deleteDay(date)]) {
          expect(res.status).toBe(400);
          expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
          expect(res.body.errors).toEqual([
            { field: 'date', message: 'date must be a real date written YYYY-MM-DD, e.g. 2025-01-28' },
          ]);
        }
      }
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM calendar_days WHERE name = '假日'`);
      expect(n).toBe(0);
    });

    it('refuses a bad body, naming the field', async () => {
      const cases: [object, string][] = [
        [{ name: '假日' }, 'working'],
        [{ working: 'false', name: '假日' }, 'working'],
        [{ working: false }, 'name'],
        [{ working: false, name: '   ' }, 'name'],
        [{ working: false, name: '假日', note: 'x' }, 'note'],
      ];
      for (const [body, field] of cases) {
        const res = await putDay('2025-03-05', body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      expect(await calendarRow('2025-03-05')).toBeUndefined();
    });

    it('refuses non-admins with 403 and changes nothing', async () => {
      for (const user of [official, manager, handler]) {
        const put = await putDay('2025-03-05', { working: false, name: '假日' }, user.auth).expect(403);
        expect(put.body.code).toBe('FORBIDDEN');
        const del = await deleteDay('2025-01-28', user.auth).expect(403);
        expect(del.body.code).toBe('FORBIDDEN');
      }
      expect(await calendarRow('2025-03-05')).toBeUndefined();
      expect(await calendarRow('2025-01-28')).toEqual({ working: false, name: '春节' });
    });
  });

  describe('PATCH /categories/:code', () => {
    const category = async (code: string) =>
      (
        await t.db.query(
          `SELECT name, default_due_working_days AS "defaultDueWorkingDays" FROM categories WHERE code = $1`,
          [code],
        )
      )[0];

    it('changes the default time limit', async () => {
      expect(await category('labour')).toEqual({ name: '用工', defaultDueWorkingDays: 10 });
      const res = await t
        .http()
        .patch('/api/v1/categories/labour')
        .set(admin)
        .send({ defaultDueWorkingDays: 12 })
        .expect(200);
      expect(res.body).toEqual({
        code: 'labour',
        name: '用工',
        nameEn: 'Labour',
        defaultDueWorkingDays: 12,
        signForWorkingDays: 1,
      });
      expect(await category('labour')).toEqual({ name: '用工', defaultDueWorkingDays: 12 });
    });

    it('renames a category and keeps the time limit', async () => {
      const res = await t.http().patch('/api/v1/categories/markets').set(admin).send({ name: ' 市场开拓与对接 ' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code: 'markets',
        name: '市场开拓与对接',
        nameEn: 'Market development',
        defaultDueWorkingDays: 20,
        signForWorkingDays: 1,
      });
      expect(await category('markets')).toEqual({ name: '市场开拓与对接', defaultDueWorkingDays: 20 });
    });

    it('refuses a time limit outside 1–365, naming the field', async () => {
      for (const value of [0, 366, 2.5, '10']) {
        const res = await t
          .http()
          .patch('/api/v1/categories/financing')
          .set(admin)
          .send({ defaultDueWorkingDays: value })
          .expect(400);
        expect(res.body.errors).toEqual([
          {
            field: 'defaultDueWorkingDays',
            message: 'defaultDueWorkingDays must be a whole number of working days from 1 to 365',
          },
        ]);
      }
      expect(await category('financing')).toEqual({ name: '融资', defaultDueWorkingDays: 15 });
    });

    it('answers 404 for an unknown code and 409 for a name in use', async () => {
      const missing = await t
        .http()
        .patch('/api/v1/categories/no_such')
        .set(admin)
        .send({ defaultDueWorkingDays: 5 })
        .expect(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      const taken = await t.http().patch('/api/v1/categories/financing').set(admin).send({ name: '用工' }).expect(409);
      expect(taken.body.code).toBe('DUPLICATE');
      expect(await category('financing')).toEqual({ name: '融资', defaultDueWorkingDays: 15 });
    });

    it('refuses non-admins with 403', async () => {
      for (const user of [official, manager, handler]) {
        const res = await t
          .http()
          .patch('/api/v1/categories/other')
          .set(user.auth)
          .send({ defaultDueWorkingDays: 1 })
          .expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect(await category('other')).toEqual({ name: '其他', defaultDueWorkingDays: 15 });
    });

    it('shows in the OpenAPI document with its parameters described', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      const paths = res.body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
      expect(Object.keys(paths['/api/v1/calendar/days/{date}']!).sort()).toEqual(['delete', 'put']);
      expect(paths['/api/v1/calendar/days/{date}']!.put!.parameters!.map((p) => p.name)).toEqual(['date']);
      expect(paths['/api/v1/categories/{code}']!.patch!.parameters!.map((p) => p.name)).toEqual(['code']);
      expect(paths['/api/v1/calendar/working-days']!.get!.parameters!.map((p) => p.name).sort()).toEqual([
        'days',
        'from',
      ]);
    });
  });

  describe('the SQL function working_days_between agrees with workingDaysBetween', () => {
    // Instants around the Spring Festival 2025, including Beijing midnights and the 15:30Z/16:30Z
    // boundary (23:30 and 00:30 in Beijing).
    const instants = [
      '2025-01-24T15:30:00Z', // Fri 24 Jan 23:30 Beijing
      '2025-01-24T16:30:00Z', // Sat 25 Jan 00:30 Beijing
      '2025-01-25T16:00:00Z', // Sun 26 Jan 00:00 Beijing, the make-up day begins
      '2025-01-30T12:00:00+08:00', // inside the holiday
      '2025-02-05T00:00:00+08:00', // first day back
      '2025-02-07T16:30:00Z', // Sat 8 Feb 00:30 Beijing, the make-up day
    ];
    const pairs = instants.flatMap((a) => instants.map((b) => [a, b] as const)); // 36 pairs

    it('for every pair of instants', async () => {
      const service = t.app.get(CalendarService);
      const exceptions = await service.exceptionsBetween('2025-01-01', '2025-03-31');
      expect(exceptions.get('2025-01-26')).toBe(true);
      expect(exceptions.get('2025-01-28')).toBe(false);
      expect(exceptions.size).toBe(9);

      for (const [a, b] of pairs) {
        const [row] = await t.db.query(`SELECT working_days_between($1, $2, 'Asia/Shanghai') AS n`, [a, b]);
        expect({ a, b, n: row.n }).toEqual({
          a,
          b,
          n: workingDaysBetween(new Date(a), new Date(b), ZONE, exceptions),
        });
      }
    });

    it('counts by arithmetic exactly what a day-by-day count gives, for every pair of dates around the Spring Festival', async () => {
      const [{ pairs, mismatches }] = await t.db.query(`
        SELECT count(*)::int AS pairs,
               count(*) FILTER (WHERE working_days_in(a::date, b::date) <>
                 (SELECT count(*) FROM generate_series(a, b, interval '1 day') d WHERE is_working_day(d::date)))::int
                 AS mismatches
        FROM generate_series(date '2025-01-01', date '2025-02-28', interval '1 day') a,
             generate_series(date '2024-12-25', date '2025-03-10', interval '1 day') b`);
      expect({ pairs, mismatches }).toEqual({ pairs: 59 * 76, mismatches: 0 });
    });

    it('gives the hand-counted figures', async () => {
      const sql = async (a: string, b: string) =>
        (await t.db.query(`SELECT working_days_between($1, $2, 'Asia/Shanghai') AS n`, [a, b]))[0].n;
      // After Fri 24 Jan to Mon 10 Feb: Sun 26, Mon 27, Wed 5, Thu 6, Fri 7, Sat 8, Mon 10 = 7.
      expect(await sql('2025-01-24T10:00:00+08:00', '2025-02-10T09:00:00+08:00')).toBe(7);
      // Fri 23:30 → Sat 00:30 Beijing (8 Feb, make-up day): 1; backwards: 0.
      expect(await sql('2025-02-07T15:30:00Z', '2025-02-07T16:30:00Z')).toBe(1);
      expect(await sql('2025-02-07T16:30:00Z', '2025-02-07T15:30:00Z')).toBe(0);
    });

    it('does not depend on the session time zone', async () => {
      const runner = t.db.createQueryRunner();
      try {
        const exceptions = await t.app.get(CalendarService).exceptionsBetween('2025-01-01', '2025-03-31');
        for (const sessionZone of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
          await runner.query(`SET TIME ZONE '${sessionZone}'`);
          for (const [a, b] of pairs) {
            const [row] = await runner.query(`SELECT working_days_between($1, $2, 'Asia/Shanghai') AS n`, [a, b]);
            expect({ sessionZone, a, b, n: row.n }).toEqual({
              sessionZone,
              a,
              b,
              n: workingDaysBetween(new Date(a), new Date(b), ZONE, exceptions),
            });
          }
        }
      } finally {
        await runner.query(`RESET TIME ZONE`);
        await runner.release();
      }
    });

    it('the service widens its window when many days off push the deadline past it', async () => {
      // Every weekday from Fri 1 Jan 2027 to Fri 30 Apr 2027 made a day off. One working day from
      // Thu 31 Dec 2026 is then Monday 3 May 2027 (1–2 May is a weekend), well beyond the first
      // window of 1 × 2 + 60 days; the deadline is the end of 3 May, 16:00 UTC that day.
      await t.db.query(
        `INSERT INTO calendar_days (day, working, name)
         SELECT d::date, false, '测试停工' FROM generate_series('2027-01-01'::date, '2027-04-30'::date, interval '1 day') d
         WHERE extract(isodow FROM d) < 6 ON CONFLICT (day) DO NOTHING`,
      );
      const service = t.app.get(CalendarService);
      expect((await service.dueAfterWorkingDays(new Date('2026-12-31T10:00:00+08:00'), 1)).toISOString()).toBe(
        '2027-05-03T16:00:00.000Z',
      );
      await t.db.query(`DELETE FROM calendar_days WHERE name = '测试停工'`);
      // Back to normal: Friday 1 Jan 2027 (no seeded exception for 2027) is the first working day.
      expect((await service.dueAfterWorkingDays(new Date('2026-12-31T10:00:00+08:00'), 1)).toISOString()).toBe(
        '2027-01-01T16:00:00.000Z',
      );
    });
  });

  describe('the years the chinese-days package brings', () => {
    it('seeds the 2023 National Day holiday and its two make-up weekend days', async () => {
      // 2023 notice (国办发明电〔2022〕16号): off Fri 29 Sep to Fri 6 Oct, at work Sat 7 and Sun 8 Oct.
      // Weekday days off: 29 Sep and 2–6 Oct; 30 Sep and 1 Oct are a weekend anyway.
      const res = await t.http().get('/api/v1/calendar?year=2023').set(official.auth).expect(200);
      const golden = (res.body.days as { date: string }[]).filter(
        (d) => d.date >= '2023-09-25' && d.date <= '2023-10-15',
      );
      expect(golden).toEqual([
        { date: '2023-09-29', working: false, name: '中秋节' },
        { date: '2023-10-02', working: false, name: '国庆节' },
        { date: '2023-10-03', working: false, name: '国庆节' },
        { date: '2023-10-04', working: false, name: '国庆节' },
        { date: '2023-10-05', working: false, name: '国庆节' },
        { date: '2023-10-06', working: false, name: '国庆节' },
        { date: '2023-10-07', working: true, name: '国庆节调休上班' },
        { date: '2023-10-08', working: true, name: '国庆节调休上班' },
      ]);
    });

    it('counts a 2023 deadline through the holiday onto the make-up weekend', async () => {
      // From Thu 28 Sep 2023: 29 Sep – 6 Oct off, Sat 7 Oct (1), Sun 8 Oct (2), Mon 9 Oct (3).
      expect((await preview('2023-09-28T10:00:00+08:00', 2).expect(200)).body).toMatchObject({
        dueAt: '2023-10-08T16:00:00.000Z',
        lastWorkingDay: '2023-10-08',
      });
      expect((await preview('2023-09-28T10:00:00+08:00', 3).expect(200)).body.dueAt).toBe('2023-10-09T16:00:00.000Z');
    });

    it('counts a 2026 deadline across the National Day holiday and the make-up Saturday 10 October', async () => {
      // From Wed 30 Sep 2026: Thu 1 and Fri 2 Oct off, the weekend, Mon 5 – Wed 7 Oct off; then
      // Thu 8 Oct (1), Fri 9 Oct (2), Sat 10 Oct, a make-up working day (3).
      expect((await preview('2026-09-30T10:00:00+08:00', 3).expect(200)).body).toMatchObject({
        dueAt: '2026-10-10T16:00:00.000Z',
        lastWorkingDay: '2026-10-10',
      });
      // The SQL function counts the same days: Thu 8, Fri 9 and Sat 10 October.
      const [sql] = await t.db.query(`SELECT working_days_between($1, $2, $3) AS n`, [
        '2026-09-30T10:00:00+08:00',
        '2026-10-10T12:00:00+08:00',
        ZONE,
      ]);
      expect(sql.n).toBe(3);
    });

    it('holds every exception of the package, day for day, in the years it covers', async () => {
      const rows: { date: string; working: boolean }[] = await t.db.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS date, working FROM calendar_days`,
      );
      const stored = new Map(rows.map((r) => [r.date, r.working]));
      const { first, last } = holidayCalendarYears();
      expect(first).toBeLessThanOrEqual(2023);
      expect(last).toBeGreaterThanOrEqual(2026);
      const missing = holidayCalendar().filter((day) => stored.get(day.date) !== day.working);
      expect(missing).toEqual([]);
    });

    it('leaves a year after the last the package covers to Monday–Friday', async () => {
      const after = holidayCalendarYears().last + 1;
      const res = await t.http().get('/api/v1/calendar').query({ year: after }).set(official.auth).expect(200);
      expect(res.body).toEqual({ year: after, days: [] });
    });

    it("keeps an admin's override of a package day when the package is seeded again", async () => {
      // Sat 7 Oct 2023 made a day off: from Thu 28 Sep, two working days end on Mon 9 Oct.
      await putDay('2023-10-07', { working: false, name: '测试：补班取消' }).expect(200);
      expect((await preview('2023-09-28T10:00:00+08:00', 2).expect(200)).body.dueAt).toBe('2023-10-09T16:00:00.000Z');
      const added = await insertMissingDays(
        t.db,
        holidayCalendar().filter((d) => d.date.startsWith('2023-')),
      );
      expect(added).toBe(0);
      expect(await calendarRow('2023-10-07')).toEqual({ working: false, name: '测试：补班取消' });
      await putDay('2023-10-07', { working: true, name: '国庆节调休上班' }).expect(200);
    });
  });
});

describe('the calendar’s horizon: years without a calendar', () => {
  let t: TestApp;
  let f: Factory;
  let admin: { Authorization: string };
  let manager: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    admin = await f.admin();
    manager = await f.user('manager');
  });

  afterAll(() => t.close());

  const coverage = () => t.http().get('/api/v1/calendar/coverage').set(manager.auth).expect(200);
  const seededYears = async () =>
    (
      (await t.db.query(
        `SELECT DISTINCT extract(year FROM day)::int AS year FROM calendar_days WHERE NOT working ORDER BY year`,
      )) as { year: number }[]
    ).map((row) => row.year);

  it('lists the years with holidays entered, and how far the run from this year reaches', async () => {
    const years = await seededYears();
    const res = await coverage();
    const currentYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4),
    );
    expect(res.body.years).toEqual(years);
    expect(res.body.currentYear).toBe(currentYear);
    let through: number | null = years.includes(currentYear) ? currentYear : null;
    while (through !== null && years.includes(through + 1)) through += 1;
    expect(res.body.coveredThrough).toBe(through);
  });

  it('counts a year with only make-up working days as not entered, and one holiday as entered', async () => {
    const year = 2090;
    await t
      .http()
      .put(`/api/v1/calendar/days/${year}-01-07`)
      .set(admin)
      .send({ working: true, name: '调休上班' })
      .expect(200);
    expect((await coverage()).body.years).not.toContain(year);
    await t
      .http()
      .put(`/api/v1/calendar/days/${year}-01-02`)
      .set(admin)
      .send({ working: false, name: '元旦' })
      .expect(200);
    expect((await coverage()).body.years).toContain(year);
  });

  it('names in the deadline preview the years it crosses that have no calendar', async () => {
    const covered = await seededYears();
    const last = covered.at(-1)!;
    // Inside the seeded years: nothing to warn about.
    const inside = await t
      .http()
      .get('/api/v1/calendar/working-days')
      .query({ from: `${last}-03-02T10:00:00+08:00`, days: 5 })
      .set(manager.auth)
      .expect(200);
    expect(inside.body.uncoveredYears).toEqual([]);
    // Late in the last seeded year, 30 working days run into the next one, which has none.
    const across = await t
      .http()
      .get('/api/v1/calendar/working-days')
      .query({ from: `${last}-12-10T10:00:00+08:00`, days: 30 })
      .set(manager.auth)
      .expect(200);
    expect(across.body.lastWorkingDay.slice(0, 4)).toBe(String(last + 1));
    expect(across.body.uncoveredYears).toEqual([last + 1]);
  });

  it('is refused without a session', async () => {
    await t.http().get('/api/v1/calendar/coverage').expect(401);
  });
});
