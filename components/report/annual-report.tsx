'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { STUDY_KINDS } from '@/lib/activity/types';
import { api } from '@/lib/api-client';
import { CONSULT_CATEGORIES } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';
import { Link, usePathname as useAppPathname } from '@/lib/i18n/navigation';
import type { ReportSummary } from '@/server/reports/summary';
import { ReportCharts } from './report-charts';

// The drill-down register (lists, certify and register forms) loads only when a figure is opened, not with the report.
const RecordsList = lazy(() => import('./records-list').then((m) => ({ default: m.RecordsList })));

/** The figure a report number links to: which records, filtered how. */
export interface Drill {
  figure: string;
  kind?: string;
  studyKind?: string;
  category?: string;
  village?: string;
}

function thisYear(): { from: string; to: string } {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The annual rule-of-law report for an admin: figures grouped as the report, each linking to its records. */
export function AnnualReport() {
  const t = useTranslations('report');
  const ta = useTranslations('activity');
  const tc = useTranslations('consult');
  const online = useOnlineStatus();
  const params = useSearchParams();
  const pathname = usePathname();
  /** The same path without its locale, for the app's own Link (which adds it back). */
  const appPath = useAppPathname();
  const defaults = useMemo(() => thisYear(), []);
  const from = params.get('from') ?? defaults.from;
  const to = params.get('to') ?? defaults.to;
  const org = params.get('org') ?? '';
  const figure = params.get('figure');
  const [summary, setSummary] = useState<ReportSummary>();
  const [error, setError] = useState<string>();
  const query = useMemo(() => new URLSearchParams({ from, to, ...(org ? { org } : {}) }).toString(), [from, to, org]);
  // The dates being typed, until "Show": kept here so the button can refuse a start after the end. A draft belongs to
  // the period it started from; a new period (back, a link) starts a new one.
  const [draft, setDraft] = useState<{ base: string; from: string; to: string }>();
  const period = draft?.base === query ? draft : { base: query, from, to };
  const badPeriod = Boolean(period.from && period.to && period.from > period.to);

  useEffect(() => {
    if (!online) return;
    let live = true;
    api<ReportSummary>(`/api/reports/summary?${query}`)
      .then((s) => {
        if (!live) return;
        setSummary(s);
        setError(undefined);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // `figure` too: coming back from a list (where the register may have changed) reads the figures again.
  }, [online, query, figure]);

  const href = (d: Drill) =>
    `${appPath}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), ...d } as Record<string, string>).toString()}`;

  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  if (figure)
    return (
      <Suspense fallback={<p role="status">…</p>}>
        <RecordsList
          query={query}
          drill={{
            figure,
            kind: params.get('kind') ?? undefined,
            studyKind: params.get('studyKind') ?? undefined,
            category: params.get('category') ?? undefined,
            village: params.get('village') ?? undefined,
          }}
          villages={summary?.legalLiterate.byVillage ?? []}
          backHref={`${pathname}?${query}`}
        />
      </Suspense>
    );

  type Row = [label: string, value: string | number, drill?: Drill];
  const s = summary;
  const groups: { title: string; rows: Row[] }[] = s
    ? [
        {
          title: t('annual.study'),
          rows: [
            [t('annual.studySessions'), s.study.sessions, { figure: 'activities', kind: 'study' }],
            ...STUDY_KINDS.map((k): Row => [
              ta(`studyKinds.${k}`),
              s.study.sessionsByKind[k],
              { figure: 'activities', kind: 'study', studyKind: k },
            ]),
            [t('annual.attendance'), s.study.attendance, { figure: 'checkIns', kind: 'study' }],
            [t('completions'), s.study.lessonsCompleted, { figure: 'lessons' }],
            [t('learners'), s.study.learners, { figure: 'lessons' }],
            [t('studyHours'), s.study.studyHours.toFixed(1), { figure: 'lessons' }],
            ...s.study.weeklyTasks.map((w): Row => [
              t('annual.weeklyTask', { role: t(`annual.roles.${w.role}`) }),
              w.rate === null ? '—' : `${w.rate}% (${w.completed}/${w.assigned})`,
            ]),
          ],
        },
        {
          title: t('annual.publicity'),
          rows: [
            [t('annual.activitiesTotal'), s.activities.total, { figure: 'activities' }],
            ...(Object.entries(s.activities.byKind) as [string, number][])
              .filter(([k]) => k !== 'study')
              .map(([k, n]): Row => [ta(`kinds.${k}`), n, { figure: 'activities', kind: k }]),
          ],
        },
        {
          title: t('annual.materials'),
          rows: (Object.entries(s.materials) as [string, number][]).map(([k, n]): Row => [
            t(`annual.material.${k}`),
            n,
            { figure: 'activities' },
          ]),
        },
        {
          title: t('annual.reach'),
          rows: [
            [t('annual.checkIns'), s.reach.checkIns, { figure: 'checkIns' }],
            [t('annual.audienceEstimate'), s.reach.audienceEstimate, { figure: 'activities' }],
          ],
        },
        {
          title: t('annual.exams'),
          rows: [
            [t('annual.examAttempts'), s.exams.attempts, { figure: 'exams' }],
            [t('annual.examParticipants'), s.exams.participants, { figure: 'exams' }],
            [t('annual.passRate'), s.exams.passRate === null ? '—' : `${s.exams.passRate}%`, { figure: 'exams' }],
          ],
        },
        {
          title: t('annual.consultations'),
          rows: [
            [t('annual.consultTotal'), s.consultations.total, { figure: 'consultations' }],
            [t('annual.consultResolved'), s.consultations.resolved, { figure: 'consultations' }],
            [t('annual.consultOnTime'), s.consultations.answeredWithinDeadline, { figure: 'consultations' }],
            [
              t('annual.replyRate'),
              s.consultations.replyRate === null ? '—' : `${s.consultations.replyRate}%`,
              { figure: 'consultations' },
            ],
            [t('annual.rated'), s.consultations.rated, { figure: 'consultations' }],
            ...CONSULT_CATEGORIES.map((c): Row => [
              tc(`category.${c}`),
              s.consultations.byCategory[c],
              { figure: 'consultations', category: c },
            ]),
          ],
        },
        {
          title: t('legalLiterate'),
          rows: [
            [t('annual.legalLiterateTotal'), s.legalLiterate.total, { figure: 'legalLiterate' }],
            [t('annual.certifiedInPeriod'), s.legalLiterate.certifiedInPeriod, { figure: 'legalLiterate' }],
            [t('annual.retiredInPeriod'), s.legalLiterate.retiredInPeriod, { figure: 'legalLiterate' }],
            [t('villagesCovered'), `${s.legalLiterate.villagesCovered}/${s.legalLiterate.villages}`, { figure: 'legalLiterate' }],
            [t('annual.villagesBelowThree'), s.legalLiterate.villagesBelowThree, { figure: 'legalLiterate' }],
            [t('hamletsCovered'), `${s.legalLiterate.hamletsCovered}/${s.legalLiterate.hamlets}`, { figure: 'legalLiterate' }],
          ],
        },
      ]
    : [];

  return (
    <div className="flex flex-col gap-4 print:gap-2">
      <h1 className="text-xl font-bold">{t('annual.title')}</h1>
      <form className="flex flex-wrap items-end gap-3 print:hidden" action={pathname}>
        <label className="flex flex-col text-sm">
          {t('annual.from')}
          <input
            type="date"
            name="from"
            value={period.from}
            onChange={(e) => setDraft({ ...period, from: e.target.value })}
            required
            className="rounded border border-line px-2 py-1"
          />
        </label>
        <label className="flex flex-col text-sm">
          {t('annual.to')}
          <input
            type="date"
            name="to"
            value={period.to}
            onChange={(e) => setDraft({ ...period, to: e.target.value })}
            required
            aria-invalid={badPeriod}
            aria-describedby={badPeriod ? 'period-error' : undefined}
            className="rounded border border-line px-2 py-1"
          />
        </label>
        {org ? <input type="hidden" name="org" value={org} /> : null}
        <button type="submit" disabled={badPeriod} className="rounded bg-brand px-3 py-1 text-white disabled:opacity-60">
          {t('annual.show')}
        </button>
        {badPeriod ? (
          <p id="period-error" role="alert" className="w-full text-sm text-red-800">
            {t('annual.periodOrder')}
          </p>
        ) : null}
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {!s && !error ? <p role="status">…</p> : null}
      {s ? (
        <>
          <p className="text-sm text-muted">{t('annual.period', { unit: s.orgUnit.name, from: s.period.from, to: s.period.to })}</p>
          <div className="flex flex-wrap gap-2 print:hidden">
            <a className="rounded border border-line px-3 py-1" href={`/api/reports/export?${query}&format=docx`} download>
              {t('annual.exportDocx')}
            </a>
            <a className="rounded border border-line px-3 py-1" href={`/api/reports/export?${query}&format=xlsx`} download>
              {t('annual.exportXlsx')}
            </a>
            <button type="button" className="rounded border border-line px-3 py-1" onClick={() => window.print()}>
              {t('annual.print')}
            </button>
          </div>
          <div className="grid gap-3 md:grid-cols-2 print:block">
            {groups.map((g) => (
              <Card key={g.title} className="break-inside-avoid">
                <h2 className="font-bold">{g.title}</h2>
                <dl className="mt-2 flex flex-col text-sm">
                  {g.rows.map(([label, value, drill]) => (
                    <div key={label} className="flex justify-between gap-3 border-t border-line py-1">
                      <dt>{label}</dt>
                      <dd className="font-bold tabular-nums">
                        {drill ? (
                          <Link href={href(drill)} className="underline" aria-label={`${label} ${value}`}>
                            {value}
                          </Link>
                        ) : (
                          value
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </Card>
            ))}
          </div>
          <ReportCharts summary={s} />
          <Card aria-labelledby="report-method">
            <h2 id="report-method" className="font-bold">
              {t('methodTitle')}
            </h2>
            <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm">
              {(['annual.methodPeriod', 'annual.methodLegalLiterate', 'methodStudyTime', 'methodDates'] as const).map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </Card>
        </>
      ) : null}
    </div>
  );
}
