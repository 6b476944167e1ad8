import { seededRandom, shuffle } from './draw';

/** 每日一练: five practice questions a day, the same five all day for one person, drawn from the practice bank. */
export const DAILY_SET_SIZE = 5;

export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function dailyQuestionIds(questionIds: readonly string[], userId: string, date: string): string[] {
  return shuffle([...questionIds].sort(), seededRandom(`${userId}:${date}`)).slice(0, DAILY_SET_SIZE);
}
