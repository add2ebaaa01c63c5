import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

/** What a click on a bar or a point names: its category (x or y axis value) and its position. */
export interface ChartClick {
  name: string;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  /** Passed to the container, for tests. */
  testId?: string;
  /** Read to screen readers in place of the canvas. */
  ariaLabel?: string;
}

/**
 * One ECharts instance on a div: created on mount, fed every new option in full, resized with
 * its container (not only the window) and for printing, disposed on unmount.
 */
export function EChart({ option, height = 320, onClick, testId, ariaLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onClick);
  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = container.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      clickHandler.current?.({ name: String(params.name), dataIndex: params.dataIndex });
    });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    // Printing lays the page out at the paper's width; redraw to fit it.
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    return () => {
      print.removeEventListener('change', resize);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
