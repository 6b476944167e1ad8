'use client';
import type { EChartsType } from 'echarts/core';
import { memo, useEffect, useMemo, useRef } from 'react';
import { Card } from '@/components/ui/card';
import { useTranslations } from '@/lib/i18n/client';
import type { ReportSummary } from '@/server/reports/summary';

type Option = Record<string, unknown>;
type T = (key: string) => string;

const BASE: Option = { animation: false, tooltip: {}, grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true } };

/**
 * One chart: ECharts is fetched when the first chart mounts (SVG, so it prints sharp), the chart is made once per
 * mount and resized with the page, and its option is set again only when the option object changes. Memoised, so a
 * parent's unrelated state change (typing a date, the online status) neither redraws nor rebuilds it.
 */
const Chart = memo(function Chart({ title, option, height = 260 }: { title: string; option: Option; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const latest = useRef(option);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
      instance.setOption({ ...BASE, ...latest.current });
      chart.current = instance;
      const resize = () => instance.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        instance.dispose();
        chart.current = undefined;
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, []);
  useEffect(() => {
    if (latest.current === option) return;
    latest.current = option;
    chart.current?.setOption({ ...BASE, ...option }, true);
  }, [option]);
  return (
    <Card className="break-inside-avoid">
      <h2 className="font-bold">{title}</h2>
      <div ref={ref} role="img" aria-label={title} style={{ height, width: '100%' }} />
    </Card>
  );
});

const bar = (names: string[], values: number[], horizontal = false): Option =>
  horizontal
    ? {
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: names, inverse: true },
        series: [{ type: 'bar', data: values, color: '#b91c1c' }],
      }
    : {
        xAxis: { type: 'category', data: names },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: values, color: '#b91c1c' }],
      };

/** The report's charts as titles, options and heights: a pure function of the summary and the language. */
export function reportChartOptions(
  s: ReportSummary,
  t: T,
  ta: T,
  tc: T,
): { key: string; title: string; option: Option; height?: number }[] {
  const kinds = (Object.entries(s.activities.byKind) as [string, number][]).filter(([, n]) => n > 0);
  const categories = (Object.entries(s.consultations.byCategory) as [string, number][]).filter(([, n]) => n > 0);
  const villageHeight = Math.max(200, s.activities.byVillage.length * 26 + 40);
  return [
    {
      key: 'month',
      title: t('annual.chartByMonth'),
      option: bar(
        s.activities.byMonth.map((m) => m.month.slice(5)),
        s.activities.byMonth.map((m) => m.count),
      ),
    },
    {
      key: 'kind',
      title: t('annual.chartByKind'),
      option: bar(
        kinds.map(([k]) => ta(`kinds.${k}`)),
        kinds.map(([, n]) => n),
        true,
      ),
      height: Math.max(200, kinds.length * 26 + 40),
    },
    {
      key: 'village',
      title: t('annual.chartByVillage'),
      option: bar(
        s.activities.byVillage.map((v) => v.name),
        s.activities.byVillage.map((v) => v.count),
        true,
      ),
      height: villageHeight,
    },
    {
      key: 'coverage',
      title: t('annual.chartCoverage'),
      height: villageHeight,
      option: {
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: s.legalLiterate.byVillage.map((v) => v.name), inverse: true },
        series: [
          {
            type: 'bar',
            data: s.legalLiterate.byVillage.map((v) => ({ value: v.count, itemStyle: { color: v.count >= 3 ? '#15803d' : '#b45309' } })),
          },
        ],
      },
    },
    {
      key: 'categories',
      title: t('annual.chartCategories'),
      option: {
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['30%', '60%'], data: categories.map(([c, n]) => ({ name: tc(`category.${c}`), value: n })) }],
      },
    },
  ];
}

/** Activities by month, kind and village; 法律明白人 coverage by village; consultation categories. */
export const ReportCharts = memo(function ReportCharts({ summary }: { summary: ReportSummary }) {
  const t = useTranslations('report');
  const ta = useTranslations('activity');
  const tc = useTranslations('consult');
  // The options change only with the summary or the language (the translators are stable while it stays).
  const charts = useMemo(() => reportChartOptions(summary, t, ta, tc), [summary, t, ta, tc]);
  return (
    <div className="grid gap-3 md:grid-cols-2 print:block">
      {charts.map((c) => (
        <Chart key={c.key} title={c.title} option={c.option} height={c.height} />
      ))}
    </div>
  );
});
