import { parseArticleKey } from '@/lib/laws/article-ref';
import type { z } from 'zod';
import { errorCode } from '@/lib/validations/error-code';
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

/** A problem with a row (or the header): a code of the `errors` catalogue, shown in the reader's language. */
export interface RowError {
  code: string;
  params?: Record<string, string>;
}
const problem = (code: string, params?: Record<string, string>): RowError => (params ? { code, params } : { code });

export interface RowResult<T> {
  /** the row number in the file, the header being row 1 */
  line: number;
  value?: T;
  errors: RowError[];
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

function columns(header: string[], expected: readonly string[]): Map<string, number> | RowError {
  const at = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = expected.filter((c) => !at.has(c) && !c.startsWith('选项') && c !== '难度' && c !== '题库');
  return missing.length ? problem('IMPORT_MISSING_COLUMNS', { columns: missing.join('、') }) : at;
}

export function checkQuestionRows(
  rows: string[][],
  known: { modules: Set<string>; tags: Set<string> },
): { header?: RowError; rows: RowResult<QuestionImport>[] } {
  const [header = [], ...body] = rows;
  const at = columns(header, QUESTION_COLUMNS);
  if (!(at instanceof Map)) return { header: at, rows: [] };
  return {
    rows: body.map((cells, i) => {
      const get = (c: string) => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
      const errors: RowError[] = [];
      const moduleId = get('模块');
      if (!known.modules.has(moduleId)) errors.push(problem('IMPORT_UNKNOWN_MODULE', { module: moduleId }));
      const type = TYPE_NAMES[get('题型')];
      if (!type) errors.push(problem('IMPORT_TYPE'));
      const stem = get('题干');
      if (!stem) errors.push(problem('IMPORT_NO_STEM'));
      const options = ['A', 'B', 'C', 'D', 'E'].map((l) => get(`选项${l}`)).filter(Boolean);
      const rawAnswer = get('答案');
      let answer: number[] | boolean | undefined;
      if (!rawAnswer) errors.push(problem('IMPORT_NO_ANSWER'));
      else if (type === 'truefalse') {
        if (TRUE_WORDS.includes(rawAnswer)) answer = true;
        else if (FALSE_WORDS.includes(rawAnswer)) answer = false;
        else errors.push(problem('IMPORT_TF_ANSWER'));
      } else if (type) {
        if (options.length < 3) errors.push(problem('IMPORT_FEW_OPTIONS'));
        const letters = rawAnswer
          .toUpperCase()
          .replace(/[^A-Z]/g, '')
          .split('');
        const idx = [...new Set(letters.map((l) => l.charCodeAt(0) - 65))].sort();
        if (idx.length === 0 || idx.some((n) => n < 0 || n >= options.length))
          errors.push(problem('IMPORT_ANSWER_NOT_OPTION', { answer: rawAnswer }));
        else if (type === 'single' && idx.length !== 1) errors.push(problem('IMPORT_SINGLE_ONE'));
        else if (type === 'multiple' && idx.length < 2) errors.push(problem('IMPORT_MULTIPLE_TWO'));
        else answer = idx;
      }
      const explanation = get('解析');
      if (!explanation) errors.push(problem('IMPORT_NO_EXPLANATION'));
      const basis = split(get('依据'), /[;；,，、|\s]/);
      if (basis.length === 0) errors.push(problem('IMPORT_NO_BASIS'));
      for (const b of basis) {
        const m = /^([^:：]+)[:：](.+)$/.exec(b);
        if (!m || !parseArticleKey(m[2]!)) errors.push(problem('IMPORT_BASIS_FORMAT', { basis: b }));
      }
      const tags = split(get('标签'));
      if (tags.length === 0) errors.push(problem('IMPORT_NO_TAG'));
      for (const t of tags) if (!known.tags.has(t)) errors.push(problem('IMPORT_UNKNOWN_TAG', { tag: t }));
      const difficulty = get('难度') ? Number(get('难度')) : 2;
      if (![1, 2, 3].includes(difficulty)) errors.push(problem('IMPORT_DIFFICULTY'));
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

/**
 * A schema issue of an import row as a problem of the `errors` catalogue that names the column: the create-user form
 * shows the same rules beside its controls, an import row says them in the row.
 */
function rowProblem(issue: z.core.$ZodIssue, row: { phone: string; since: string }): RowError {
  const key = issueKey(issue);
  switch (String(issue.path[0])) {
    case 'phone':
      return problem('IMPORT_PHONE_FORMAT', { phone: row.phone });
    case 'name':
      return key === 'validation.nameRequired'
        ? problem('IMPORT_NO_NAME')
        : key.startsWith('NAME_TOO_LONG')
          ? problem('IMPORT_NAME_LONG')
          : problem(errorCode(key) ?? 'IMPORT_NAME_INVALID');
    case 'legalLiterate':
      return problem('IMPORT_LEGAL_LITERATE_VILLAGER');
    case 'legalLiterateSince':
      return row.since ? problem('IMPORT_SINCE_FORMAT', { since: row.since }) : problem('IMPORT_NO_SINCE');
    default:
      return problem('IMPORT_FIELD_INVALID', { column: String(issue.path[0] ?? '') });
  }
}

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
 * 法律明白人 rules), each issue told as a code naming its column (rowProblem). The file adds its own checks: a known role
 * word, one village of that name, a phone not registered and not twice in the file.
 */
export function checkUserRows(
  rows: string[][],
  known: { villages: Map<string, string[]>; phones: Set<string> },
): { header?: RowError; rows: RowResult<UserImport>[] } {
  const [header = [], ...body] = rows;
  const at = columns(header, USER_COLUMNS.slice(0, 4));
  if (!(at instanceof Map)) return { header: at, rows: [] };
  const seen = new Set<string>();
  return {
    rows: body.map((cells, i) => {
      const get = (c: string) => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
      const errors: RowError[] = [];
      const phone = get('手机号');
      if (known.phones.has(phone)) errors.push(problem('IMPORT_PHONE_TAKEN', { phone }));
      else if (seen.has(phone)) errors.push(problem('IMPORT_PHONE_TWICE', { phone }));
      seen.add(phone);
      const role = ROLE_NAMES[get('角色')];
      if (!role) errors.push(problem('IMPORT_UNKNOWN_ROLE', { role: get('角色') }));
      const village = get('村');
      const ids = known.villages.get(village) ?? [];
      if (ids.length === 0) errors.push(problem('IMPORT_UNKNOWN_VILLAGE', { village }));
      else if (ids.length > 1) errors.push(problem('IMPORT_VILLAGE_AMBIGUOUS', { village }));
      const legalLiterate = ['是', '√', 'yes', 'Y', '1'].includes(get('法律明白人'));
      const since = get('认定日期') || null;
      const parsed = userRecordSchema.safeParse({
        phone,
        name: get('姓名'),
        // An unknown role or village is reported above; the schema still checks everything else in the row.
        role: role ?? 'villager',
        orgUnitId: ids[0] ?? 'unknown',
        legalLiterate,
        legalLiterateSince: since,
      });
      if (!parsed.success) for (const issue of parsed.error.issues) errors.push(rowProblem(issue, { phone, since: since ?? '' }));
      const value =
        errors.length === 0 && parsed.success
          ? { ...parsed.data, legalLiterateSince: parsed.data.legalLiterate ? parsed.data.legalLiterateSince : null }
          : undefined;
      return { line: i + 2, value, errors };
    }),
  };
}
