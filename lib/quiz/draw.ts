import type { DrawRule, QuestionType } from './types';

/**
 * Random papers: each rule draws `count` questions of one type (and tag, when given) that no earlier rule took.
 * The generator is seeded, so a paper can be redrawn identically from its seed and tests are repeatable.
 */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  // mulberry32
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export class DrawError extends Error {}

export function drawQuestions(
  bank: readonly { id: string; type: QuestionType; tags: readonly string[] }[],
  rules: readonly DrawRule[],
  random: () => number,
): string[] {
  const taken = new Set<string>();
  const drawn: string[] = [];
  for (const rule of rules) {
    const pool = bank.filter((q) => q.type === rule.type && !taken.has(q.id) && (rule.tag === null || q.tags.includes(rule.tag)));
    if (pool.length < rule.count)
      throw new DrawError(
        `${rule.tag ?? '*'}/${rule.type}: 题库只有 ${pool.length} 题，需要 ${rule.count} 题 / only ${pool.length} questions, ${rule.count} needed`,
      );
    const picked = shuffle(pool, random)
      .slice(0, rule.count)
      .map((q) => q.id);
    picked.forEach((id) => taken.add(id));
    drawn.push(...picked);
  }
  return drawn;
}
