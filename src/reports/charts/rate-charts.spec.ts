import { escapeHtml, rateBarOption, rateTrendOption, type ChartOption } from './rate-charts';
import { departmentRatesChart, weeklyTrendChart } from './weekly-charts';

/*
 * Chart tooltips are HTML that ECharts puts into the page as it is. Every name, label and detail
 * that comes from the data (departments, districts, categories, periods, series) must arrive
 * escaped: only the tooltip's own tags may remain.
 */

const ATTACKS = [
  '<iframe srcdoc="<script>parent.stolen=localStorage.token</script>"></iframe>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><a href=javascript:alert(1)>x</a>",
  '&lt;script&gt;already escaped&lt;/script&gt;',
];
const DEPARTMENT = ATTACKS[0]!;

/** The tags a tooltip may hold itself: line breaks, bold figures, the series' dot. */
const OWN_TAGS = /<br\/>|<\/?b>|<span style="[a-z0-9:;\-#]+"><\/span>/g;

function tooltipHtml(option: ChartOption, params: unknown): string {
  const tooltip = option.tooltip as { formatter: (params: unknown) => string };
  return tooltip.formatter(params);
}

/** What is left of a tooltip once its own tags are taken out: it must hold no markup at all. */
function markupLeft(html: string): string[] {
  const rest = html.replace(OWN_TAGS, '');
  return [...rest.matchAll(/[<>"]|&(?!amp;|lt;|gt;|quot;|#39;)/g)].map((m) => `${m[0]} at ${m.index}`);
}

describe('chart tooltips escape every label from the data', () => {
  it(`escapes a department named ${DEPARTMENT} in the dashboard's and the weekly report's bars`, () => {
    const chart = departmentRatesChart(
      [
        { name: '市工信局', recorded: 10, resolved: 9, ratePercent: 90 },
        { name: DEPARTMENT, recorded: 4, resolved: 4, ratePercent: 100 },
      ],
      '办结率 <b onclick=x>',
    );
    // Ranked first: the 100 % department.
    const html = tooltipHtml(chart.option, { dataIndex: 0 });
    expect(html).toContain(escapeHtml(DEPARTMENT));
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('srcdoc="');
    expect(markupLeft(html)).toEqual([]);
    expect(html.startsWith('&lt;iframe srcdoc=&quot;&lt;script&gt;')).toBe(true);
  });

  it.each(ATTACKS)('escapes %s as a label, a series name, a detail and a period', (attack) => {
    const bar = rateBarOption([{ label: attack, ratePercent: 50, detail: attack }], attack);
    const trend = rateTrendOption(
      [attack, '2025-Q2'],
      [
        {
          name: attack,
          points: [
            { label: attack, ratePercent: null, detail: attack },
            { label: 'x', ratePercent: 12.5, detail: '1 / 8' },
          ],
        },
        { name: '按期办结率', points: [{ label: attack, ratePercent: 40, detail: attack }] },
      ],
    );
    const weekly = weeklyTrendChart([{ label: attack, recorded: 3, resolved: 1, ratePercent: 33.3 }], attack);
    const htmls = [
      tooltipHtml(bar, { dataIndex: 0 }),
      tooltipHtml(trend, [
        { dataIndex: 0, seriesIndex: 0, color: '#c0392b' },
        { dataIndex: 0, seriesIndex: 1, color: 'red" onmouseover="alert(1)' },
      ]),
      tooltipHtml(weekly.option, [{ dataIndex: 0, seriesIndex: 0, color: '#2f5597' }]),
    ];
    for (const html of htmls) {
      expect(markupLeft(html)).toEqual([]);
      expect(html).toContain(escapeHtml(attack));
    }
    // The dot of a safe colour is drawn, the forged one is dropped.
    expect(htmls[1]).toContain('background-color:#c0392b"></span>');
    expect(htmls[1]).not.toContain('onmouseover');
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
