import 'server-only';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { CONSULT_CATEGORIES } from '@/lib/consult/types';
import type { Db } from '../db/client';
import type { OrgUnit } from '../org';
import { RECORD_FIGURES, reportRecords, type RecordFigure } from './records';
import { reportSummary, type ReportSummary } from './summary';

/**
 * The annual report as the township hands it in: a .docx whose paragraphs read like the report (large figures in
 * round words, "1000余份"), with every exact figure in a table at the end, and an .xlsx with one sheet per group of
 * figures and one per kind of record behind them. Both are in Chinese, the report's own language.
 */
const KIND = {
  publicity: '专题法治宣传活动',
  lecture: '法律专题讲座',
  consultation: '法律咨询服务',
  visitSchool: '法治进校园',
  visitAgency: '法治进机关',
  visitEnterprise: '法治进企业',
  visitVillage: '法治进村（社区）',
  study: '集中学习',
  dutyDispute: '矛盾纠纷排查',
  dutyNeighbour: '帮助或引导邻里',
  dutyPublicity: '法律明白人宣传',
} as const;
const STUDY = {
  partyCommittee: '党委会会前学法',
  mondayMeeting: '周一例会集中学习',
  centralGroup: '理论学习中心组学习',
  other: '其他集中学习',
} as const;
const MATERIAL = {
  banners: ['横幅', '幅'],
  posters: ['海报', '张'],
  leaflets: ['宣传单', '份'],
  brochures: ['宣传册', '份'],
  gifts: ['宣传品', '件'],
} as const;
const CATEGORY: Record<(typeof CONSULT_CATEGORIES)[number], string> = {
  marriage: '婚姻家庭',
  land: '土地与宅基地',
  loans: '借贷与合同',
  wages: '劳动报酬',
  neighbours: '邻里纠纷',
  torts: '侵权赔偿',
  administrative: '行政事务',
  other: '其他',
};
const ROLE = { admin: '管理员', publicist: '宣传队', cadre: '镇村干部', villager: '村民', lawyer: '法律顾问' } as const;
const FIGURE_SHEET: Record<RecordFigure, string> = {
  activities: '活动记录',
  checkIns: '签到记录',
  consultations: '咨询记录',
  lessons: '课程完成记录',
  exams: '考试答卷',
  legalLiterate: '法律明白人名册',
};

/** Round words for the report's prose: 1100 → "1000余", 350 → "300余", 86 → "86". Exact figures go in the table. */
export function roughly(n: number): string {
  if (n < 100) return String(n);
  const step = n >= 1000 ? 1000 : 100;
  const floor = Math.floor(n / step) * step;
  return floor === n ? String(n) : `${floor}余`;
}

const SCOPE = { county: '全县', township: '全镇', village: '全村', hamlet: '全组' } as const;

function periodWords(s: ReportSummary): string {
  const { from, to } = s.period;
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) return `${from.slice(0, 4)}年`;
  const d = (x: string) => `${Number(x.slice(0, 4))}年${Number(x.slice(5, 7))}月${Number(x.slice(8, 10))}日`;
  return `${d(from)}至${d(to)}`;
}

/** The report's paragraphs, one per group of figures. */
export function reportParagraphs(s: ReportSummary): { heading: string; text: string }[] {
  const when = periodWords(s);
  const scope = SCOPE[s.orgUnit.level as keyof typeof SCOPE] ?? s.orgUnit.name;
  const k = s.activities.byKind;
  const m = s.materials;
  const visits = k.visitSchool + k.visitAgency + k.visitEnterprise + k.visitVillage;
  const study = s.study;
  const c = s.consultations;
  const ll = s.legalLiterate;
  const categories = CONSULT_CATEGORIES.filter((x) => c.byCategory[x] > 0).map((x) => `${CATEGORY[x]}${c.byCategory[x]}件`);
  const coverage =
    ll.villages > 0 && ll.villagesCovered === ll.villages && ll.hamletsCovered === ll.hamlets
      ? `实现了${ll.villages}个行政村、${ll.hamlets}个自然村全覆盖`
      : `覆盖${ll.villagesCovered}个行政村（共${ll.villages}个）、${ll.hamletsCovered}个自然村（共${ll.hamlets}个）`;
  return [
    {
      heading: '一、领导干部学法',
      text:
        `${when}${scope}开展${STUDY.partyCommittee}${study.sessionsByKind.partyCommittee}次，${STUDY.mondayMeeting}${study.sessionsByKind.mondayMeeting}次，` +
        `${STUDY.centralGroup}${study.sessionsByKind.centralGroup}次，${STUDY.other}${study.sessionsByKind.other}次，参学${roughly(study.attendance)}人次；` +
        `干部群众在线完成课程学习${roughly(study.lessonsCompleted)}课次，参学${roughly(study.learners)}人，累计学习${study.studyHours.toFixed(1)}小时。`,
    },
    {
      heading: '二、法治宣传教育',
      text:
        `${when}${scope}开展${KIND.publicity}${k.publicity}次，${KIND.lecture}${k.lecture}次，派发宣传册${roughly(m.brochures)}份，` +
        `开展${KIND.consultation}${k.consultation}次，“法治进校园、进机关、进企业、进村（社区）”活动${visits}次，` +
        `悬挂横幅${roughly(m.banners)}幅，张贴海报${roughly(m.posters)}张，发放宣传单${roughly(m.leaflets)}份、宣传品${roughly(m.gifts)}件，` +
        `现场签到${roughly(s.reach.checkIns)}人次，受众约${roughly(s.reach.audienceEstimate)}人次。`,
    },
    {
      heading: '三、法治考试',
      text:
        s.exams.attempts > 0
          ? `组织法治知识考试，收到答卷${roughly(s.exams.attempts)}份，参考${roughly(s.exams.participants)}人，合格${roughly(s.exams.passed)}人，合格率${s.exams.passRate}%。`
          : '统计期内没有考试答卷。',
    },
    {
      heading: '四、公共法律服务',
      text:
        `受理法律咨询${c.total}件，已办结${c.resolved}件，按期答复${c.answeredWithinDeadline}件` +
        (c.replyRate === null ? '' : `，办结回复率${c.replyRate}%`) +
        (categories.length ? `；其中${categories.join('，')}` : '') +
        '。',
    },
    {
      heading: '五、法律明白人培养',
      text:
        `现有法律明白人${ll.total}名（统计期内新认定${ll.certifiedInPeriod}名、退出${ll.retiredInPeriod}名），${coverage}` +
        (ll.villagesBelowThree ? `；${ll.villagesBelowThree}个行政村不足3名，尚未达到每村至少3名的目标。` : '，每个行政村均达到至少3名。'),
    },
  ];
}

/** Every exact figure as [group, item, value], for the table at the end of the .docx and the figure sheets. */
export function figureRows(s: ReportSummary): { group: string; rows: [string, number | string][] }[] {
  const pctText = (v: number | null) => (v === null ? '—' : `${v}%`);
  return [
    {
      group: '学法',
      rows: [
        ['集中学习（次）', s.study.sessions],
        ...(Object.keys(STUDY) as (keyof typeof STUDY)[]).map((k): [string, number] => [`${STUDY[k]}（次）`, s.study.sessionsByKind[k]]),
        ['集中学习签到（人次）', s.study.attendance],
        ['完成课程学习（课次）', s.study.lessonsCompleted],
        ['参加学习人数', s.study.learners],
        ['学习时长（小时）', s.study.studyHours.toFixed(1)],
        ...s.study.weeklyTasks.map((w): [string, string] => [
          `每周学习任务完成率（${ROLE[w.role]}）`,
          `${pctText(w.rate)}（${w.completed}/${w.assigned}）`,
        ]),
      ],
    },
    {
      group: '普法活动',
      rows: [
        ['活动总数（次）', s.activities.total],
        ...(Object.keys(KIND) as (keyof typeof KIND)[]).map((k): [string, number] => [`${KIND[k]}（次）`, s.activities.byKind[k]]),
        ...s.activities.byTheme.map((t): [string, number] => [`主题：${t.name}（次）`, t.count]),
      ],
    },
    {
      group: '宣传品与受众',
      rows: [
        ...(Object.keys(MATERIAL) as (keyof typeof MATERIAL)[]).map((k): [string, number] => [
          `${MATERIAL[k][0]}（${MATERIAL[k][1]}）`,
          s.materials[k],
        ]),
        ['签到（人次）', s.reach.checkIns],
        ['受众估计（人次）', s.reach.audienceEstimate],
      ],
    },
    {
      group: '考试',
      rows: [
        ['答卷（份）', s.exams.attempts],
        ['参考人数', s.exams.participants],
        ['合格人数', s.exams.passed],
        ['合格率', pctText(s.exams.passRate)],
      ],
    },
    {
      group: '法律咨询',
      rows: [
        ['咨询总数（件）', s.consultations.total],
        ['已办结（件）', s.consultations.resolved],
        ['按期答复（件）', s.consultations.answeredWithinDeadline],
        ['办结回复率', pctText(s.consultations.replyRate)],
        ['已评价（件）', s.consultations.rated],
        ...CONSULT_CATEGORIES.map((c): [string, number] => [`${CATEGORY[c]}（件）`, s.consultations.byCategory[c]]),
      ],
    },
    {
      group: '法律明白人',
      rows: [
        ['法律明白人（人）', s.legalLiterate.total],
        ['期内新认定（人）', s.legalLiterate.certifiedInPeriod],
        ['期内退出（人）', s.legalLiterate.retiredInPeriod],
        ['行政村', s.legalLiterate.villages],
        ['有法律明白人的行政村', s.legalLiterate.villagesCovered],
        ['不足3名的行政村', s.legalLiterate.villagesBelowThree],
        ['自然村', s.legalLiterate.hamlets],
        ['有法律明白人的自然村', s.legalLiterate.hamletsCovered],
        ...s.legalLiterate.byVillage.map((v): [string, string] => [v.name, `${v.count}人，覆盖自然村${v.hamletsCovered}/${v.hamlets}`]),
      ],
    },
  ];
}

const BODY = '仿宋_GB2312';
const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({ text, bold: opts.bold, size: opts.size ?? 32, font: { name: opts.font ?? BODY, eastAsia: opts.font ?? BODY } });

export async function reportDocx(s: ReportSummary): Promise<Buffer> {
  const title = `${s.orgUnit.name}${periodWords(s)}法治建设工作情况（统计）`;
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [run(text, { bold, size: 24 })] })],
      width: { size: 33, type: WidthType.PERCENTAGE },
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('类别', true), cell('项目', true), cell('数值', true)] }),
      ...figureRows(s).flatMap((g) =>
        g.rows.map(([item, value]) => new TableRow({ children: [cell(g.group), cell(item), cell(String(value))] })),
      ),
    ],
  });
  const doc = new Document({
    creator: '普法学堂',
    title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(title, { size: 44, font: '方正小标宋简体' })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`统计期：${s.period.from} 至 ${s.period.to}（北京时间，含首尾两天）`, { size: 28 })],
          }),
          ...reportParagraphs(s).flatMap((p) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(p.heading, { font: '黑体' })] }),
            new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(p.text)] }),
          ]),
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: { before: 240 },
            children: [run('附表：统计数据（精确数）', { font: '黑体' })],
          }),
          table,
          new Paragraph({ children: [run('以上数据由普法学堂系统根据活动、签到、学习、考试、咨询记录实时统计生成。', { size: 24 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function reportXlsx(db: Db, unit: OrgUnit, s: ReportSummary): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '普法学堂';
  for (const g of figureRows(s)) {
    const sheet = book.addWorksheet(g.group);
    sheet.columns = [
      { header: '项目', key: 'item', width: 36 },
      { header: '数值', key: 'value', width: 24 },
    ];
    for (const [item, value] of g.rows) sheet.addRow({ item, value });
  }
  if (s.activities.byMonth.length) {
    const sheet = book.addWorksheet('各月活动');
    sheet.columns = [
      { header: '月份', key: 'month', width: 12 },
      { header: '活动（次）', key: 'count', width: 12 },
    ];
    for (const m of s.activities.byMonth) sheet.addRow(m);
    sheet.addRow({ month: '合计', count: s.activities.total });
  }
  for (const figure of RECORD_FIGURES) {
    const records = await reportRecords(db, unit, s.period.from, s.period.to, { figure });
    const sheet = book.addWorksheet(FIGURE_SHEET[figure]);
    sheet.columns = records.columns.map((c) => ({ header: c, key: c, width: 16 }));
    for (const r of records.rows) sheet.addRow(r);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function buildExport(db: Db, unit: OrgUnit, from: string, to: string, format: 'docx' | 'xlsx') {
  const summary = await reportSummary(db, unit.id, from, to);
  if (!summary) throw new Error(`org unit ${unit.id} vanished`);
  return format === 'docx' ? reportDocx(summary) : reportXlsx(db, unit, summary);
}
