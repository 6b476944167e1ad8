'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

/**
 * Client-side messages without a formatting library: our catalogues use `{name}` placeholders and simple
 * `{count, plural, one {# x} other {# xs}}` forms, so a few lines replace use-intl's ICU formatter on the phone and
 * keep the first-load JavaScript small. Server components keep using next-intl's getTranslations.
 */
type Messages = { [key: string]: string | Messages };
type Values = Record<string, string | number>;

const I18nContext = createContext<{ locale: string; messages: Messages } | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: string; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n() {
  const context = useContext(I18nContext);
  if (!context) throw new Error('no I18nProvider');
  return context;
}

export function useLocale(): string {
  return useI18n().locale;
}

function lookup(messages: Messages, path: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const PLURAL = /\{(\w+),\s*plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=?\w+)\s*\{([^{}]*)\}/g;

export function format(template: string, values: Values = {}, locale = 'zh'): string {
  const plural = template.replace(PLURAL, (whole, name: string, branches: string) => {
    const n = Number(values[name]);
    if (!(name in values) || Number.isNaN(n)) return whole;
    const forms = new Map(Array.from(branches.matchAll(BRANCH), (m) => [m[1]!, m[2]!] as const));
    const chosen = forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(locale).select(n)) ?? forms.get('other') ?? '';
    return chosen.replace(/#/g, String(n));
  });
  return plural.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface Translate {
  (key: string, values?: Values): string;
  has(key: string): boolean;
}

export function useTranslations(namespace?: string): Translate {
  const { messages, locale } = useI18n();
  // Stable while the language stays, so a translator can sit in an effect's dependencies.
  return useMemo(() => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const translate = (key: string, values?: Values) => {
      const template = lookup(messages, full(key));
      return template === undefined ? full(key) : format(template, values, locale);
    };
    return Object.assign(translate, { has: (key: string) => lookup(messages, full(key)) !== undefined });
  }, [messages, locale, namespace]);
}
