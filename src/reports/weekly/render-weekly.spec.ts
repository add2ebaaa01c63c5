import ExcelJS from 'exceljs';
import { renderWeeklyCsv, renderWeeklyHtml, renderWeeklyXlsx } from './render-weekly';
import { renderChartSvg } from '../charts/render-svg';
import { CHART_COLORS, rateBarOption } from '../charts/rate-charts';
import { departmentRatesChart, weeklyTrendChart } from '../charts/weekly-charts';
import { formatInstant, formatRate, reportHeading } from './weekly-labels';
import type { WeeklyProblemItem, WeeklyReport } from './weekly-report';

const SCRIPT_TITLE = '<script>alert(1)</script>园区道路破损';
const FORMULA_TITLE = '=HYPERLINK("x") 退税, "加急" 办理';
const CHINESE_TITLE = '光伏项目并网接入迟缓';
/** The namespaces an SVG document declares: the only URLs it may hold. */
const XML_NAMESPACES = /xmlns(:\w+)?="http:\/\/www\.w3\.org\/[\w/]+"/g;

function item(overrides: Partial<WeeklyProblemItem>): WeeklyProblemItem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    code: 'JQ-2025-0130',
    title: CHINESE_TITLE,
    enterpriseName: '酒泉新能源装备有限公司',
    districtName: '肃州区',
    categoryName: '要素保障',
    districtNameEn: 'Suzhou District',
    categoryNameEn: 'Factor supply',
    departmentName: '国网酒泉供电公司',
    status: 'in_progress',
    statusLabel: '办理中',
    reportedAt: '2025-04-01T01:30:00.000Z',
    dueAt: '2025-04-15T09:00:00.000Z',
    daysOverdue: null,
    note: null,
    ...overrides,
  };
}

const TREND_RATES = [88.9, 90, null, 92.3, 85.7, 100, 80, 91.3];

const REPORT: WeeklyReport = {
  week: {
    label: '2025-W14',
    from: '2025-03-31T00:00:00.000+08:00',
    to: '2025-04-07T00:00:00.000+08:00',
    timezone: 'Asia/Shanghai',
  },
  asOf: '2025-04-07T00:00:00.000+08:00',
  visits: {
    visitsThisWeek: 12,
    enterprisesReached: 10,
    coverage: {
      label: '2025-Q2',
      enterprisesVisited: 11,
      enterprisesResponsible: 40,
      coverageRatePercent: 27.5,
      districts: [
        {
          districtCode: 'suzhou',
          name: '肃州区',
          nameEn: 'Suzhou District',
          enterprisesVisited: 8,
          enterprisesResponsible: 25,
          coverageRatePercent: 32,
        },
        {
          districtCode: 'yumen',
          name: '玉门市',
          nameEn: 'Yumen City',
          enterprisesVisited: 3,
          enterprisesResponsible: 15,
          coverageRatePercent: 20,
        },
        {
          districtCode: 'dunhuang',
          name: '敦煌市',
          nameEn: 'Dunhuang City',
          enterprisesVisited: 0,
          enterprisesResponsible: 0,
          coverageRatePercent: null,
        },
      ],
    },
    officialsWithoutVisit: [{ userId: 'u1', name: '张伟', enterprises: 6 }],
    overdueEnterprises: [
      {
        enterpriseId: 'e1',
        name: '=SUM(A1) 玉门风电有限公司',
        districtName: '玉门市',
        districtNameEn: 'Yumen City',
        tier: 'key',
        tierLabel: '重点企业',
        lastVisitAt: null,
        nextVisitDueAt: '2025-03-01T00:00:00.000Z',
        daysOverdue: 36,
        officials: ['张伟', '李娜'],
      },
    ],
    overdueTotal: 1,
    policies: [
      { policy: '稳岗返还', visits: 7 },
      { policy: '增值税留抵退税', visits: 4 },
    ],
  },
  summary: {
    recordedThisWeek: 9,
    resolvedThisWeek: 7,
    closedThisWeek: 5,
    openAtEnd: 14,
    overdueAtEnd: 2,
    escalatedThisWeek: 1,
  },
  rates: {
    quarterToDate: { label: '2025-Q2', definition: 'resolution-rate/v1', recorded: 6, resolved: 2, ratePercent: 33.3 },
    yearToDate: { label: '2025', definition: 'resolution-rate/v1', recorded: 133, resolved: 118, ratePercent: 88.7 },
  },
  departments: [
    {
      departmentId: 'd1',
      name: '国网酒泉供电公司',
      open: 3,
      resolvedThisWeek: 2,
      overdue: 1,
      recorded: 23,
      resolved: 21,
      ratePercent: 91.3,
      assistsOpen: 2,
      assistsDoneThisWeek: 0,
    },
    {
      departmentId: 'd2',
      name: '市自然资源局（不动产登记中心）',
      open: 1,
      resolvedThisWeek: 0,
      overdue: 1,
      recorded: 4,
      resolved: 2,
      ratePercent: 50,
      assistsOpen: 0,
      assistsDoneThisWeek: 0,
    },
    {
      departmentId: 'd3',
      name: '市地方金融管理局',
      open: 0,
      resolvedThisWeek: 0,
      overdue: 0,
      recorded: 0,
      resolved: 0,
      ratePercent: null,
      assistsOpen: 0,
      assistsDoneThisWeek: 0,
    },
  ],
  trend: TREND_RATES.map((ratePercent, index) => ({
    label: `2025-W${String(7 + index).padStart(2, '0')}`,
    definition: 'resolution-rate/v1',
    recorded: ratePercent === null ? 0 : 10,
    resolved: ratePercent === null ? 0 : Math.round(ratePercent / 10),
    ratePercent,
  })),
  listsTruncated: { new: false, overdue: false, escalated: false, unsatisfied: false },
  lists: {
    new: [
      item({ code: 'JQ-2025-0130' }),
      item({ code: 'JQ-2025-0131', title: SCRIPT_TITLE, status: 'reported', departmentName: null, dueAt: null }),
      item({ code: 'JQ-2025-0132', title: FORMULA_TITLE, status: 'assigned' }),
    ],
    overdue: [
      item({
        code: 'JQ-2025-0101',
        title: '厂区用地手续办理超期',
        departmentName: '市自然资源局（不动产登记中心）',
        reportedAt: '2025-03-03T02:00:00.000Z',
        dueAt: '2025-03-31T09:00:00.000Z',
        daysOverdue: 4,
      }),
    ],
    escalated: [item({ code: 'JQ-2025-0101', title: '厂区用地手续办理超期', note: '-请于4月10日前办结并报送进展' })],
    unsatisfied: [],
  },
};

/** Checks that `xml` is well formed enough for a browser's XML parser: tags balanced and nested, entities known. */
function expectWellFormed(document: string): void {
  // ECharts puts its hover styles in a CDATA section, which is character data as it stands.
  const xml = document.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    expectPlainText(xml.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expectPlainText(xml.slice(last));
  expect(stack).toEqual([]);
}

/** Text between tags: no stray markup, and every `&` starts an entity. */
function expectPlainText(text: string): void {
  expect(text).not.toMatch(/[<>]/);
  expect(text.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
}

function svgElements(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/** A small RFC 4180 reader: lines of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('weekly labels', () => {
  it('formats instants in the report time zone and rates with one decimal', () => {
    expect(formatInstant('2025-04-01T01:30:00.000Z', 'Asia/Shanghai')).toBe('2025-04-01 09:30');
    expect(formatInstant('2025-04-01T09:30:00+08:00', 'Asia/Shanghai')).toBe('2025-04-01 09:30');
    expect(formatRate(91.3)).toBe('91.3 %');
    expect(formatRate(50)).toBe('50.0 %');
    expect(formatRate(null)).toBe('—');
  });

  it('titles the week with its last day, not the exclusive end', () => {
    expect(reportHeading(REPORT, 'zh')).toBe('酒泉市涉企问题办理周调度报告 2025-W14（2025-03-31 至 2025-04-06）');
    expect(reportHeading(REPORT, 'en')).toContain('2025-W14 (2025-03-31 to 2025-04-06)');
  });
});

describe('renderWeeklyHtml', () => {
  const html = renderWeeklyHtml(REPORT, 'zh');

  it('is a complete HTML5 page in Chinese', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4; margin: 15mm }');
    expect(html).toContain('<h1>酒泉市涉企问题办理周调度报告 2025-W14（2025-03-31 至 2025-04-06）</h1>');
    for (const heading of [
      '走访情况',
      '概况',
      '办结率',
      '各责任单位',
      '近八周趋势',
      '本周新增问题',
      '超期问题',
      '督办问题',
      '不满意回访',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    // The visits section comes first.
    expect(html.indexOf('<h2>走访情况</h2>')).toBeLessThan(html.indexOf('<h2>概况</h2>'));
    for (const heading of [
      '季度累计走访覆盖率（分县区） 2025-Q2',
      '本周未走访的包联干部',
      '超期未走访企业',
      '本周宣传政策',
    ]) {
      expect(html).toContain(`<h3>${heading}</h3>`);
    }
    for (const label of ['本周登记', '本周关闭/销号', '周末超期', '季度累计办结率', '年度累计办结率', '超期工作日']) {
      expect(html).toContain(label);
    }
  });

  it('shows the figures, the rates with numerator and denominator, and the department table', () => {
    expect(html).toContain('<tr><td>本周登记</td><td class="number">9</td></tr>');
    expect(html).toMatch(
      /<td>季度累计办结率<\/td><td>2025-Q2<\/td><td class="number">6<\/td><td class="number">2<\/td><td class="number">33\.3 %<\/td>/,
    );
    expect(html).toContain('91.3 %');
    expect(html).toMatch(/<td>市地方金融管理局<\/td>(<td class="number">0<\/td>){5}<td class="number">—<\/td>/);
    expect(html).toContain('2025-04-01 09:30');
  });

  it('shows the visits section: coverage by district with n and N, the lists and the policies', () => {
    expect(html).toContain('<tr><td>本周走访次数</td><td class="number">12</td></tr>');
    expect(html).toContain(
      '<tr><td>肃州区</td><td class="number">8</td><td class="number">25</td><td class="number">32.0 %</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>合计</td><td class="number">11</td><td class="number">40</td><td class="number">27.5 %</td></tr>',
    );
    expect(html).toContain('<td>张伟</td><td class="number">6</td>');
    expect(html).toContain('<td>从未走访</td><td>2025-03-01 08:00</td><td class="number">36</td><td>张伟、李娜</td>');
    expect(html).toContain('<td>稳岗返还</td><td class="number">7</td>');
  });

  it('draws exactly three inline SVG charts, well formed', () => {
    const svgs = svgElements(html);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(svgs).toHaveLength(3);
    svgs.forEach(expectWellFormed);
    expect(drawnTexts(svgs[0]!)).toEqual(expect.arrayContaining(['肃州区', '32.0% (8 / 25)', '20.0% (3 / 15)']));
    expect(drawnTexts(svgs[1]!)).toEqual(
      expect.arrayContaining(['国网酒泉供电公司', '91.3% (21 / 23)', '50.0% (2 / 4)']),
    );
    expect(drawnTexts(svgs[2]!)).toEqual(expect.arrayContaining(['2025-W14', '90.0%']));
    expect(html).toContain('<figcaption>各县区季度累计走访覆盖率</figcaption>');
    expect(html).toContain('<figcaption>各责任单位季度累计办结率</figcaption>');
    expect(html).toContain('<figcaption>近八周办结率</figcaption>');
  });

  it('escapes text from users and runs no script', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;园区道路破损');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;) 退税, &quot;加急&quot; 办理');
  });

  it('fetches nothing from another origin', () => {
    expect(html.replace(XML_NAMESPACES, '')).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/);
    // Only references inside the page: a chart's clip path names its own <clipPath> element.
    expect(html).not.toMatch(/url\((?!#zr\d+-c\d+\))/);
  });

  it('shows a "无" row for an empty list', () => {
    const unsatisfied = html.slice(html.indexOf('<h2>不满意回访</h2>'));
    expect(unsatisfied).toMatch(/<td class="none" colspan="10">无<\/td>/);
  });

  it('uses English headings in English', () => {
    const english = renderWeeklyHtml(REPORT, 'en');
    expect(english).toContain('<html lang="en">');
    for (const heading of [
      'Visits',
      'Summary',
      'Rates',
      'By department',
      'Eight-week trend',
      'New this week',
      'Overdue',
      'Escalated',
      'Unsatisfied feedback',
    ]) {
      expect(english).toContain(`<h2>${heading}</h2>`);
    }
    expect(english).toContain('<td class="none" colspan="10">None</td>');
    expect(english).toContain('<td>In progress</td>');
    expect(english).not.toContain('概况');
    const overdue = english.slice(english.indexOf('Enterprises overdue'));
    expect(overdue).toContain('Yumen City');
    expect(overdue).not.toContain('玉门市');
  });
});

describe('renderWeeklyXlsx', () => {
  async function load(lang: 'zh' | 'en'): Promise<ExcelJS.Workbook> {
    const buffer = await renderWeeklyXlsx(REPORT, lang);
    // exceljs types its input as an ArrayBuffer (it reads Node buffers too).
    return new ExcelJS.Workbook().xlsx.load(Uint8Array.from(buffer).buffer);
  }

  it('has one sheet per section, each with a bold frozen header row', async () => {
    const workbook = await load('zh');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '走访情况',
      '概况',
      '各责任单位',
      '趋势',
      '本周新增',
      '超期',
      '督办',
      '不满意回访',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    }
  });

  it('writes numbers as numbers, rates with one decimal, dates as dates in the report time zone', async () => {
    const workbook = await load('zh');
    const departments = workbook.getWorksheet('各责任单位')!;
    expect(departments.getRow(1).values).toEqual([
      undefined,
      '责任单位',
      '在办',
      '本周办结',
      '超期',
      '季度累计登记',
      '季度累计办结',
      '季度累计办结率（%）',
      '协办在办',
      '本周协办完成',
    ]);
    expect(departments.getCell('A2').value).toBe('国网酒泉供电公司');
    expect(departments.getCell('B2').value).toBe(3);
    expect(departments.getCell('G2').value).toBe(91.3);
    expect(departments.getCell('G2').numFmt).toBe('0.0');
    expect(departments.getCell('G4').value).toBeNull();
    expect(departments.getCell('H2').value).toBe(2);

    const summary = workbook.getWorksheet('概况')!;
    expect(summary.getCell('A2').value).toBe('本周登记');
    expect(summary.getCell('B2').value).toBe(9);
    expect(summary.getCell('A10').value).toBe('季度累计办结率');
    expect(summary.getCell('E10').value).toBe(33.3);

    const fresh = workbook.getWorksheet('本周新增')!;
    expect(fresh.getCell('A2').value).toBe('JQ-2025-0130');
    expect(fresh.getCell('B2').value).toBe(CHINESE_TITLE);
    // A spreadsheet date has no zone: the cell holds the Beijing wall time, shown with its format.
    expect(fresh.getCell('H2').type).toBe(ExcelJS.ValueType.Date);
    expect(fresh.getCell('H2').value).toEqual(new Date('2025-04-01T09:30:00Z'));
    expect(fresh.getCell('H2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(fresh.getCell('I2').value).toEqual(new Date('2025-04-15T17:00:00Z'));
    expect(fresh.getCell('I3').value).toBeNull();
    expect(fresh.getCell('B4').value).toBe(FORMULA_TITLE);
    expect(fresh.getCell('B4').type).toBe(ExcelJS.ValueType.String);

    const overdue = workbook.getWorksheet('超期')!;
    expect(overdue.getCell('J1').value).toBe('超期工作日');
    expect(overdue.getCell('J2').value).toBe(4);

    expect(workbook.getWorksheet('不满意回访')!.rowCount).toBe(1);
  });

  it('writes a deadline at midnight as the day before, "by end of day", in each language', async () => {
    // 2025-04-15 00:00 in Beijing: the end of 14 April.
    const endOfDay = { ...REPORT, lists: { ...REPORT.lists, new: [item({ dueAt: '2025-04-14T16:00:00.000Z' })] } };
    for (const [lang, words] of [
      ['zh', '当日24时前'],
      ['en', 'by end of day'],
    ] as const) {
      const buffer = await renderWeeklyXlsx(endOfDay, lang);
      const workbook = await new ExcelJS.Workbook().xlsx.load(Uint8Array.from(buffer).buffer);
      const cell = workbook.getWorksheet(lang === 'zh' ? '本周新增' : 'New this week')!.getCell('I2');
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.value).toEqual(new Date('2025-04-14T00:00:00Z'));
      expect(cell.numFmt).toBe(`yyyy-mm-dd "${words}"`);
      expect(renderWeeklyHtml(endOfDay, lang)).toContain(`<td>2025-04-14 ${words}</td>`);
    }
    // The CSV keeps the instant as text a program parses.
    expect(renderWeeklyCsv(endOfDay, 'zh')).toContain(',2025-04-15 00:00');
  });

  it('names the sheets in English', async () => {
    const workbook = await load('en');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Visits',
      'Summary',
      'By department',
      'Trend',
      'New this week',
      'Overdue',
      'Escalated',
      'Unsatisfied feedback',
    ]);
    expect(workbook.getWorksheet('New this week')!.getCell('A1').value).toBe('Code');
  });
});

describe('renderWeeklyCsv', () => {
  const csv = renderWeeklyCsv(REPORT, 'zh');
  const rows = parseCsv(csv.slice(1));

  it('starts with a byte-order mark and has every section, each after a blank line', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.indexOf('走访情况')).toBeLessThan(csv.indexOf('\r\n概况\r\n'));
    for (const title of [
      '走访情况',
      '季度累计走访覆盖率（分县区） 2025-Q2',
      '本周未走访的包联干部',
      '超期未走访企业',
      '本周宣传政策',
      '概况',
      '办结率',
      '各责任单位',
      '近八周趋势',
      '本周新增问题',
      '超期问题',
      '督办问题',
      '不满意回访',
    ]) {
      expect(csv).toContain(`\r\n\r\n${title}\r\n`);
    }
    expect(csv).toContain('\r\n\r\n不满意回访\r\n编号,标题,企业,县区,类别,责任单位,状态,登记时间,办理时限,备注\r\n');
  });

  it('quotes fields with commas and quotes and neutralises formulas from users', () => {
    expect(csv).toContain(`,"'=HYPERLINK(""x"") 退税, ""加急"" 办理",`);
    const formulaRow = rows.find((r) => r[0] === 'JQ-2025-0132');
    expect(formulaRow?.[1]).toBe(`'${FORMULA_TITLE}`);
    const escalated = rows.find((r) => r.at(-1)?.includes('4月10日'));
    expect(escalated?.at(-1)).toBe("'-请于4月10日前办结并报送进展");
  });

  it('writes numbers plainly: rates with one decimal, blank for null', () => {
    expect(rows).toContainEqual(['国网酒泉供电公司', '3', '2', '1', '23', '21', '91.3', '2', '0']);
    expect(rows).toContainEqual(['市地方金融管理局', '0', '0', '0', '0', '0', '', '0', '0']);
    expect(rows).toContainEqual(['2025-W09', '0', '0', '']);
    expect(rows).toContainEqual(['本周登记', '9']);
    expect(rows).toContainEqual(['肃州区', '8', '25', '32.0']);
    expect(rows).toContainEqual(['敦煌市', '0', '0', '']);
    expect(rows.find((r) => r[0]?.includes('玉门风电'))?.[0]).toBe("'=SUM(A1) 玉门风电有限公司");
  });
});

/** The texts an SVG draws, unescaped, in document order. */
function drawnTexts(svg: string): string[] {
  const unescape = (text: string) =>
    text.replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
    );
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));
}

/** The marks ECharts drew for data (bars, line symbols): series and data index of each. */
function dataMarks(svg: string): string[] {
  return [...svg.matchAll(/ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"/g)].map(
    (m) => `${m[1]}:${m[2]}`,
  );
}

function expectSelfContained(svg: string): void {
  expectWellFormed(svg);
  expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.replace(XML_NAMESPACES, '')).not.toMatch(/https?:|<script|url\((?!#)|NaN/);
}

describe('weekly charts drawn by ECharts as SVG', () => {
  const departments = [
    { name: '市税务局', recorded: 0, resolved: 0, ratePercent: null },
    { name: 'A & B <co>', recorded: 10, resolved: 4, ratePercent: 40 },
    { name: '国网酒泉供电公司', recorded: 23, resolved: 21, ratePercent: 91.3 },
  ];

  it('draws the departments best first, one bar per counted rate, in the web colours', () => {
    const chart = departmentRatesChart(departments, '季度累计办结率');
    expect(chart.height).toBe(240);
    const svg = renderChartSvg(chart.option, { width: 640, height: chart.height });
    expectSelfContained(svg);
    const texts = drawnTexts(svg);
    // Category labels top to bottom, the percent axis, then each bar's value.
    expect(texts.slice(0, 3)).toEqual(['国网酒泉供电公司', 'A & B <co>', '市税务局']);
    expect(texts).toEqual(expect.arrayContaining(['0%', '20%', '100%', '91.3% (21 / 23)', '40.0% (4 / 10)']));
    expect(svg).toContain('A &amp; B &lt;co&gt;');
    // Two bars (市税务局 counted nothing, so it has none), both the dashboards' first colour.
    expect(dataMarks(svg)).toEqual(['0:0', '0:1']);
    expect(svg.match(new RegExp(`fill="${CHART_COLORS[0]}" ecmeta_`, 'g'))).toHaveLength(2);
  });

  it('draws the trend as one line with a gap at a week without figures, each point labelled', () => {
    const weeks = [
      { label: 'W1', recorded: 5, resolved: 4, ratePercent: 80 },
      { label: 'W2', recorded: 0, resolved: 0, ratePercent: null },
      { label: 'W3', recorded: 10, resolved: 9, ratePercent: 90 },
      { label: 'W4', recorded: 22, resolved: 21, ratePercent: 95.5 },
    ];
    const chart = weeklyTrendChart(weeks, '办结率');
    const svg = renderChartSvg(chart.option, { width: 640, height: chart.height });
    expectSelfContained(svg);
    expect(drawnTexts(svg)).toEqual(expect.arrayContaining(['W1', 'W2', 'W3', 'W4', '80.0%', '90.0%', '95.5%']));
    expect(drawnTexts(svg)).not.toContain('—');
    // A symbol for each of the three weeks with a rate, none for W2.
    expect(dataMarks(svg)).toEqual(['0:0', '0:2', '0:3']);
    // The line: W1 alone, then W3 to W4.
    const line = new RegExp(`<path d="([^"]*)" fill="none" pointer-events="visible" stroke="${CHART_COLORS[0]}"`).exec(
      svg,
    )?.[1];
    expect(line?.match(/M/g)).toHaveLength(2);
    expect(line?.match(/L/g)).toHaveLength(1);
  });

  it('draws empty charts without errors', () => {
    for (const chart of [departmentRatesChart([], 'x'), weeklyTrendChart([], 'x')]) {
      expectSelfContained(renderChartSvg(chart.option, { width: 640, height: chart.height }));
    }
  });

  it('escapes names from the data in the HTML tooltip of the web charts', () => {
    const option = rateBarOption(
      [{ label: '<img src=x onerror=alert(1)>局', ratePercent: 50, detail: '1 / 2' }],
      'R&D',
    );
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter({ dataIndex: 0 })).toBe(
      '&lt;img src=x onerror=alert(1)&gt;局<br/>R&amp;D: <b>50.0%</b> (1 / 2)',
    );
  });
});
