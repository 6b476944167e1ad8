'use client';
import { useEffect, useRef } from 'react';
import { Card } from '@/components/ui/card';
import { useTranslations } from '@/lib/i18n/client';
import type { ReportSummary } from '@/server/reports/summary';

type Option = Record<string, unknown>;

/** One chart: ECharts is fetched when the first chart mounts (SVG, so it prints sharp) and resized with the page. */
function Chart({ title, option, height = 260 }: { title: string; option: Option; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, tooltip: {}, grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true }, ...option });
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return (
    <Card className="break-inside-avoid">
      <h2 className="font-bold">{title}</h2>
      <div ref={ref} role="img" aria-label={title} style={{ height, width: '100%' }} />
    </Card>
  );
}

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

/** Activities by month, kind and village; 法律明白人 coverage by village; consultation categories. */
export function ReportCharts({ summary: s }: { summary: ReportSummary }) {
  const t = useTranslations('report');
  const ta = useTranslations('activity');
  const tc = useTranslations('consult');
  const kinds = (Object.entries(s.activities.byKind) as [string, number][]).filter(([, n]) => n > 0);
  const categories = (Object.entries(s.consultations.byCategory) as [string, number][]).filter(([, n]) => n > 0);
  const villageHeight = Math.max(200, s.activities.byVillage.length * 26 + 40);
  return (
    <div className="grid gap-3 md:grid-cols-2 print:block">
      <Chart
        title={t('annual.chartByMonth')}
        option={bar(
          s.activities.byMonth.map((m) => m.month.slice(5)),
          s.activities.byMonth.map((m) => m.count),
        )}
      />
      <Chart
        title={t('annual.chartByKind')}
        option={bar(
          kinds.map(([k]) => ta(`kinds.${k}`)),
          kinds.map(([, n]) => n),
          true,
        )}
        height={Math.max(200, kinds.length * 26 + 40)}
      />
      <Chart
        title={t('annual.chartByVillage')}
        option={bar(
          s.activities.byVillage.map((v) => v.name),
          s.activities.byVillage.map((v) => v.count),
          true,
        )}
        height={villageHeight}
      />
      <Chart
        title={t('annual.chartCoverage')}
        height={villageHeight}
        option={{
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: s.legalLiterate.byVillage.map((v) => v.name), inverse: true },
          series: [
            {
              type: 'bar',
              data: s.legalLiterate.byVillage.map((v) => ({ value: v.count, itemStyle: { color: v.count >= 3 ? '#15803d' : '#b45309' } })),
              markLine: undefined,
            },
          ],
        }}
      />
      <Chart
        title={t('annual.chartCategories')}
        option={{
          legend: { bottom: 0 },
          series: [{ type: 'pie', radius: ['30%', '60%'], data: categories.map(([c, n]) => ({ name: tc(`category.${c}`), value: n })) }],
        }}
      />
    </div>
  );
}
