// Turns what a person types into search units: the legal words of a question without its question words and
// filler (怎么办, 能不能, 吗, 我, 的 …), which would otherwise add bigrams such as 么办 or 能要 that match noise.
import { normalizeText } from './tokenize';

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** Question words and filler, longest first. Replaced by a break, so no bigram spans them. */
const FILLER_WORDS = [
  '可以不可以',
  '可不可以',
  '还能不能',
  '怎么处理',
  '怎么回事',
  '算不算数',
  '有没有用',
  '怎么办',
  '怎么样',
  '怎么弄',
  '怎么算',
  '怎么罚',
  '为什么',
  '能不能',
  '是不是',
  '有没有',
  '会不会',
  '要不要',
  '还是',
  '算不算',
  '管不管',
  '行不行',
  '给不给',
  '该不该',
  '用不用',
  '属不属于',
  '合不合法',
  '犯不犯法',
  '怎么',
  '咋办',
  '咋整',
  '咋样',
  '请问',
  '什么',
  '多少',
  '哪里',
  '哪儿',
  '哪个',
  '到底',
  '应该',
  '我们',
  '我家',
  '他们',
  '她们',
  '人家',
  '自己',
  '这个',
  '那个',
  '一下',
  '现在',
  '已经',
  '还能',
  '能够',
  '可以',
];
/** Single characters that never carry the legal meaning of a query; kept inside the listed words. */
const FILLER_CHARS = '的了吗呢吧啊呀嘛哦么我你他她咱谁啥咋该是';
const KEEP_WORDS = ['他人', '其他', '目的', '了解', '自我', '是否', '但是', '多长', '多少'];

const FILLER_RE = new RegExp(FILLER_WORDS.join('|'), 'g');
const SEGMENT_RE = new RegExp(`[${CJK}]+|[a-z0-9]+`, 'g');

export interface QueryParts {
  /** normalized query without spaces and punctuation: matched against thesaurus words and article labels */
  text: string;
  /** runs of legal words left after the filler is taken out, in order */
  segments: string[];
}

export function analyzeQuery(query: string): QueryParts {
  const text = normalizeText(query).replace(/[\s\p{P}\p{S}]+/gu, '');
  let marked = normalizeText(query).replace(FILLER_RE, ' ');
  const kept: string[] = [];
  marked = marked.replace(new RegExp(KEEP_WORDS.join('|'), 'g'), (w) => `\u0000${kept.push(w) - 1}\u0000`);
  marked = marked.replace(new RegExp(`[${FILLER_CHARS}]`, 'g'), ' ');
  marked = marked.replace(/\u0000(\d+)\u0000/g, (_, k: string) => kept[Number(k)]!);
  const segments = [...marked.matchAll(SEGMENT_RE)].map((m) => m[0]);
  return { text, segments };
}
