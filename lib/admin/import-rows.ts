import { parseArticleKey } from '@/lib/laws/article-ref';
import { issueKey } from '@/lib/validations/field-errors';
import { userRecordSchema } from '@/lib/validations/user';
import { ROLES, type Role } from '@/lib/roles';

/**
 * Row-by-row checks of the two import templates (content/README.md → Import templates). Pure: the server passes in
 * what it knows (modules, tags, villages, phones already registered) and gets each row back with its errors.
 */
export const QUESTION_COLUMNS = [
  '模块',
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '答案',
  '解析',
  '依据',
  '标签',
  '难度',
  '题库',
] as const;
export const USER_COLUMNS = ['姓名', '手机号', '角色', '村', '法律明白人', '认定日期'] as const;

export interface RowResult<T> {
  /** the row number in the file, the header being row 1 */
  line: number;
  value?: T;
  errors: string[];
}

export interface QuestionImport {
  moduleId: string;
  type: 'single' | 'multiple' | 'truefalse';
  stem: string;
  options: string[];
  answer: number[] | boolean;
  explanation: string;
  basis: string[];
  tags: string[];
  difficulty: number;
  pool: 'practice' | 'exam';
}

const TYPE_NAMES: Record<string, QuestionImport['type']> = {
  单选: 'single',
  单选题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  multiple: 'multiple',
  判断: 'truefalse',
  判断题: 'truefalse',
  truefalse: 'truefalse',
};
const TRUE_WORDS = ['对', '正确', '是', '√', 'true', 'T'];
const FALSE_WORDS = ['错', '错误', '否', '×', 'false', 'F'];
// Tags may hold 、 and ， themselves (草原法与安全生产法（封山禁牧、安全生产）), so only ; and | separate them.
const split = (s: string, by = /[;；|\n]/) =>
  s
    .split(by)
    .map((x) => x.trim())
    .filter(Boolean);

function columns(header: string[], expected: readonly string[]): Map<string, number> | string {
  const at = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = expected.filter((c) => !at.has(c) && !c.startsWith('选项') && c !== '难度' && c !== '题库');
  return missing.length ? `缺少列：${missing.join('、')} / missing columns: ${missing.join(', ')}` : at;
}

export function checkQuestionRows(
  rows: string[][],
  known: { modules: Set<string>; tags: Set<string> },
): { header?: string; rows: RowResult<QuestionImport>[] } {
  const [header = [], ...body] = rows;
  const at = columns(header, QUESTION_COLUMNS);
  if (typeof at === 'string') return { header: at, rows: [] };
  return {
    rows: body.map((cells, i) => {
      const get = (c: string) => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
      const errors: string[] = [];
      const moduleId = get('模块');
      if (!known.modules.has(moduleId)) errors.push(`未知模块“${moduleId}” / unknown module "${moduleId}"`);
      const type = TYPE_NAMES[get('题型')];
      if (!type) errors.push(`题型须为 单选/多选/判断 / type must be 单选, 多选 or 判断`);
      const stem = get('题干');
      if (!stem) errors.push('缺少题干 / missing question text');
      const options = ['A', 'B', 'C', 'D', 'E'].map((l) => get(`选项${l}`)).filter(Boolean);
      const rawAnswer = get('答案');
      let answer: number[] | boolean | undefined;
      if (!rawAnswer) errors.push('缺少答案 / missing answer');
      else if (type === 'truefalse') {
        if (TRUE_WORDS.includes(rawAnswer)) answer = true;
        else if (FALSE_WORDS.includes(rawAnswer)) answer = false;
        else errors.push(`判断题答案须为 对 或 错 / a true/false answer is 对 or 错`);
      } else if (type) {
        if (options.length < 3) errors.push('选择题至少需要 3 个选项 / a choice question needs at least 3 options');
        const letters = rawAnswer
          .toUpperCase()
          .replace(/[^A-Z]/g, '')
          .split('');
        const idx = [...new Set(letters.map((l) => l.charCodeAt(0) - 65))].sort();
        if (idx.length === 0 || idx.some((n) => n < 0 || n >= options.length))
          errors.push(`答案“${rawAnswer}”不在选项中 / answer "${rawAnswer}" is not among the options`);
        else if (type === 'single' && idx.length !== 1) errors.push('单选题只能有一个答案 / a single-choice question has one answer');
        else if (type === 'multiple' && idx.length < 2)
          errors.push('多选题至少两个答案 / a multiple-choice question has two or more answers');
        else answer = idx;
      }
      const explanation = get('解析');
      if (!explanation) errors.push('缺少解析 / missing explanation');
      const basis = split(get('依据'), /[;；,，、|\s]/);
      if (basis.length === 0) errors.push('缺少依据（短名:条号） / missing legal basis (short-title:article)');
      for (const b of basis) {
        const m = /^([^:：]+)[:：](.+)$/.exec(b);
        if (!m || !parseArticleKey(m[2]!)) errors.push(`依据“${b}”格式应为 民法典:1042 / basis "${b}" should look like 民法典:1042`);
      }
      const tags = split(get('标签'));
      if (tags.length === 0) errors.push('缺少标签 / missing tag');
      for (const t of tags) if (!known.tags.has(t)) errors.push(`未知标签“${t}” / unknown tag "${t}"`);
      const difficulty = get('难度') ? Number(get('难度')) : 2;
      if (![1, 2, 3].includes(difficulty)) errors.push('难度须为 1、2 或 3 / difficulty is 1, 2 or 3');
      const poolName = get('题库');
      const pool = poolName === '考试' || poolName === 'exam' ? 'exam' : 'practice';
      const value =
        errors.length === 0 && type && answer !== undefined
          ? {
              moduleId,
              type,
              stem,
              options: type === 'truefalse' ? [] : options,
              answer,
              explanation,
              basis: basis.map((b) => b.replace('：', ':')),
              tags,
              difficulty,
              pool: pool as QuestionImport['pool'],
            }
          : undefined;
      return { line: i + 2, value, errors };
    }),
  };
}

export interface UserImport {
  name: string;
  phone: string;
  role: Role;
  orgUnitId: string;
  legalLiterate: boolean;
  legalLiterateSince: string | null;
}

/** The import column a schema field comes from, to say where a row is wrong. */
const COLUMN_OF: Record<string, string> = {
  phone: '手机号',
  name: '姓名',
  role: '角色',
  orgUnitId: '村',
  legalLiterate: '法律明白人',
  legalLiterateSince: '认定日期',
};

export const ROLE_NAMES: Record<string, Role> = {
  管理员: 'admin',
  宣传队: 'publicist',
  镇村干部: 'cadre',
  干部: 'cadre',
  村民: 'villager',
  法律顾问: 'lawyer',
  律师: 'lawyer',
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
};

/**
 * Each row is checked by the same schema as the admin's create-user form (userRecordSchema: name, phone, role,
 * 法律明白人 rules); `describe` turns its message keys into row text. The file adds its own checks: a known role
 * word, one village of that name, a phone not registered and not twice in the file.
 */
export function checkUserRows(
  rows: string[][],
  known: { villages: Map<string, string[]>; phones: Set<string>; describe: (messageKey: string) => string },
): { header?: string; rows: RowResult<UserImport>[] } {
  const [header = [], ...body] = rows;
  const at = columns(header, USER_COLUMNS.slice(0, 4));
  if (typeof at === 'string') return { header: at, rows: [] };
  const seen = new Set<string>();
  return {
    rows: body.map((cells, i) => {
      const get = (c: string) => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
      const errors: string[] = [];
      const phone = get('手机号');
      if (known.phones.has(phone)) errors.push(`手机号 ${phone} 已注册 / ${phone} already has an account`);
      else if (seen.has(phone)) errors.push(`手机号 ${phone} 在文件中重复 / ${phone} appears twice in the file`);
      seen.add(phone);
      const role = ROLE_NAMES[get('角色')];
      if (!role) errors.push(`未知角色“${get('角色')}” / unknown role "${get('角色')}"`);
      const village = get('村');
      const ids = known.villages.get(village) ?? [];
      if (ids.length === 0) errors.push(`未知村（单位）“${village}” / unknown village "${village}"`);
      else if (ids.length > 1) errors.push(`有多个“${village}”，请写全称 / more than one "${village}"`);
      const legalLiterate = ['是', '√', 'yes', 'Y', '1'].includes(get('法律明白人'));
      const parsed = userRecordSchema.safeParse({
        phone,
        name: get('姓名'),
        // An unknown role or village is reported above; the schema still checks everything else in the row.
        role: role ?? 'villager',
        orgUnitId: ids[0] ?? 'unknown',
        legalLiterate,
        legalLiterateSince: get('认定日期') || null,
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          errors.push(`${COLUMN_OF[String(issue.path[0])] ?? ''}：${known.describe(issueKey(issue))}`);
      const value =
        errors.length === 0 && parsed.success
          ? { ...parsed.data, legalLiterateSince: parsed.data.legalLiterate ? parsed.data.legalLiterateSince : null }
          : undefined;
      return { line: i + 2, value, errors };
    }),
  };
}
