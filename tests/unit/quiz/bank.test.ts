import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShippedQuestions } from '@/server/quiz/bank';

describe('the shipped question bank', () => {
  const rows = readShippedQuestions(path.resolve('content'));

  it('loads every question file, each question valid for its type', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('reserves every third question of each module for formal exams, enough for a 25/10/15 paper', () => {
    const exam = rows.filter((r) => r.pool === 'exam');
    expect(exam.length).toBe(Math.floor(rows.length / 3));
    const count = (type: string) => exam.filter((r) => r.type === type).length;
    expect(count('single')).toBeGreaterThanOrEqual(25);
    expect(count('multiple')).toBeGreaterThanOrEqual(10);
    expect(count('truefalse')).toBeGreaterThanOrEqual(15);
  });
});
