'use client';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { usePathname, useRouter } from '@/lib/i18n/navigation';
import { Card } from '@/components/ui/card';

const LANGUAGES = [
  { locale: 'zh', name: '中文', lang: 'zh-CN' },
  { locale: 'en', name: 'English', lang: 'en' },
] as const;

/**
 * Chooses the app's language. It sits under 我的, not in the header, so a Chinese-only reader cannot turn the whole
 * app English with one stray tap; each choice is named in its own language.
 */
export function LanguagePanel() {
  const t = useTranslations('me');
  const current = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  return (
    <Card aria-labelledby="language-title">
      <h2 id="language-title" className="mb-2 text-lg font-bold">
        {t('languageTitle')}
      </h2>
      <div className="flex gap-2">
        {LANGUAGES.map((l) =>
          l.locale === current ? (
            <span
              key={l.locale}
              lang={l.lang}
              aria-current="true"
              className="inline-flex min-h-11 flex-1 items-center justify-center rounded-lg border-2 border-brand bg-red-50 font-bold text-brand-dark"
            >
              {l.name}
            </span>
          ) : (
            <a
              key={l.locale}
              lang={l.lang}
              hrefLang={l.lang}
              href={`/${l.locale}${pathname === '/' ? '' : pathname}`}
              onClick={(e) => {
                e.preventDefault();
                router.replace(pathname, { locale: l.locale });
              }}
              className="inline-flex min-h-11 flex-1 items-center justify-center rounded-lg border border-line bg-surface font-medium hover:border-brand"
            >
              {l.name}
            </a>
          ),
        )}
      </div>
    </Card>
  );
}
