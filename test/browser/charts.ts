import type { Locator } from 'playwright-core';

/** What an ECharts chart in the page draws: its category axis labels and each series' values. */
export interface DrawnChart {
  /** The labels of the category axis (x for a trend, y for horizontal bars). */
  categories: string[];
  series: { name: string; type: string; data: (number | null)[] }[];
}

/**
 * Reads the option of the ECharts instance drawn in `container` (the EChart component's div),
 * through the instance itself: `getOption()` answers what the chart was last given, merged the
 * way ECharts draws it. The app exposes nothing for this: the instance is found in the React
 * component's ref, reached from the div's fiber. Waits until `ready` holds (the data arrived).
 */
export async function drawnChart(
  container: Locator,
  ready: (chart: DrawnChart) => boolean = (c) => c.series.some((s) => s.data.length > 0),
  timeoutMs = 20_000,
): Promise<DrawnChart> {
  await container.locator('canvas').first().waitFor();
  const deadline = Date.now() + timeoutMs;
  let last: DrawnChart | undefined;
  for (;;) {
    last = await container.evaluate((element): DrawnChart => {
      type Hook = { memoizedState: unknown; next: Hook | null };
      type Fiber = { memoizedState: unknown; return: Fiber | null };
      type Chart = { getOption(): Record<string, unknown> };
      const key = Object.keys(element).find((k) => k.startsWith('__reactFiber$'));
      let fiber = key ? ((element as unknown as Record<string, Fiber>)[key] ?? null) : null;
      for (let depth = 0; fiber && depth < 4; depth += 1, fiber = fiber.return) {
        const state = fiber.memoizedState as Hook | null;
        const first = state !== null && typeof state === 'object' && 'next' in state ? state : null;
        for (let hook = first; hook; hook = hook.next) {
          const ref = hook.memoizedState as { current?: Chart } | null;
          const chart = ref && typeof ref === 'object' ? ref.current : undefined;
          if (!chart || typeof chart.getOption !== 'function') continue;
          const option = chart.getOption() as {
            xAxis?: { type?: string; data?: unknown[] }[];
            yAxis?: { type?: string; data?: unknown[] }[];
            series?: { name?: string; type?: string; data?: unknown[] }[];
          };
          const axis = [...(option.xAxis ?? []), ...(option.yAxis ?? [])].find((a) => a.type === 'category');
          return {
            categories: (axis?.data ?? []).map((v) =>
              String(v !== null && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v),
            ),
            series: (option.series ?? []).map((s) => ({
              name: String(s.name ?? ''),
              type: String(s.type ?? ''),
              data: (s.data ?? []).map((v) => {
                const value = v !== null && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v;
                return typeof value === 'number' ? value : null;
              }),
            })),
          };
        }
      }
      throw new Error('no ECharts instance behind this element');
    });
    if (ready(last) || Date.now() > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
