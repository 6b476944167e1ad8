'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { QUESTION_TYPES, type DrawRule, type QuestionType } from '@/lib/quiz/types';

export interface ExamBank {
  questions: { id: string; type: QuestionType; stem: string; moduleId: string; tags: string[] }[];
  tags: { tag: string; counts: Partial<Record<QuestionType, number>> }[];
}

export type PaperInput = { mode: 'fixed'; questionIds: string[] } | { mode: 'random'; rules: DrawRule[] };

/** Which questions a paper holds: a fixed list picked from the exam pool, or random draws by tag and type. */
export function PaperField({ bank, value, onChange }: { bank: ExamBank; value: PaperInput; onChange: (v: PaperInput) => void }) {
  const t = useTranslations('examAdmin');
  const tq = useTranslations('quiz');
  const available = (tag: string | null, type: QuestionType) =>
    tag === null ? bank.questions.filter((q) => q.type === type).length : (bank.tags.find((x) => x.tag === tag)?.counts[type] ?? 0);
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="font-medium">{t('paper')}</legend>
      <Select
        aria-label={t('paperMode')}
        value={value.mode}
        onChange={(e) =>
          onChange(
            e.target.value === 'fixed'
              ? { mode: 'fixed', questionIds: [] }
              : { mode: 'random', rules: [{ tag: null, type: 'single', count: 10 }] },
          )
        }
      >
        <option value="random">{t('modeRandom')}</option>
        <option value="fixed">{t('modeFixed')}</option>
      </Select>
      {value.mode === 'random' ? (
        <>
          {value.rules.map((rule, i) => {
            const set = (patch: Partial<DrawRule>) =>
              onChange({ mode: 'random', rules: value.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
            return (
              <div
                key={i}
                className="grid grid-cols-[1fr_5rem_auto] gap-2 rounded-lg border border-line p-2 sm:grid-cols-[2fr_1fr_6rem_auto]"
              >
                <Select
                  aria-label={t('tag')}
                  value={rule.tag ?? ''}
                  onChange={(e) => set({ tag: e.target.value || null })}
                  className="col-span-3 sm:col-span-1"
                >
                  <option value="">{t('anyTag')}</option>
                  {bank.tags.map((x) => (
                    <option key={x.tag} value={x.tag}>
                      {x.tag}
                    </option>
                  ))}
                </Select>
                <Select aria-label={t('type')} value={rule.type} onChange={(e) => set({ type: e.target.value as QuestionType })}>
                  {QUESTION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {tq(`type.${type}`)}
                    </option>
                  ))}
                </Select>
                <TextInput
                  aria-label={t('count')}
                  type="number"
                  min={1}
                  value={rule.count}
                  onChange={(e) => set({ count: Number(e.target.value) })}
                />
                <Button
                  variant="ghost"
                  aria-label={t('removeRule')}
                  onClick={() => onChange({ mode: 'random', rules: value.rules.filter((_, j) => j !== i) })}
                >
                  ✕
                </Button>
                <p className="col-span-3 text-sm text-muted sm:col-span-4">{t('available', { count: available(rule.tag, rule.type) })}</p>
              </div>
            );
          })}
          <Button
            variant="secondary"
            onClick={() => onChange({ mode: 'random', rules: [...value.rules, { tag: null, type: 'truefalse', count: 5 }] })}
          >
            {t('addRule')}
          </Button>
        </>
      ) : (
        <div className="max-h-80 overflow-y-auto rounded-lg border border-line p-2">
          {bank.questions.map((q) => (
            <label key={q.id} className="flex min-h-11 items-start gap-2 py-1 text-sm">
              <input
                type="checkbox"
                className="mt-1 h-5 w-5 shrink-0"
                checked={value.questionIds.includes(q.id)}
                onChange={(e) =>
                  onChange({
                    mode: 'fixed',
                    questionIds: e.target.checked ? [...value.questionIds, q.id] : value.questionIds.filter((x) => x !== q.id),
                  })
                }
              />
              <span>
                <span className="text-muted">[{tq(`type.${q.type}`)}]</span> {q.stem}
              </span>
            </label>
          ))}
        </div>
      )}
      <p className="text-sm text-muted">{t('poolNote')}</p>
    </fieldset>
  );
}
