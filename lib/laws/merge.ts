import { compareArticles, type ParsedLaw } from './parse';

/** Merges files of one law published in parts (the 8 民法典 编 files) into one law, ordered by article number. */
export function mergeLawParts(laws: ParsedLaw[]): ParsedLaw[] {
  const byTitle = new Map<string, ParsedLaw[]>();
  for (const law of laws) byTitle.set(law.title, [...(byTitle.get(law.title) ?? []), law]);

  return [...byTitle.values()].map((parts) => {
    if (parts.length === 1) return parts[0]!;
    const sorted = [...parts].sort((a, b) => (a.articles[0]?.number ?? 0) - (b.articles[0]?.number ?? 0));
    const articles = sorted.flatMap((p) => p.articles);
    articles.forEach((a, k) => {
      const prev = articles[k - 1];
      if (prev && (a.sub > 0 ? compareArticles(a, prev) !== 1 || a.number !== prev.number : a.number !== prev.number + 1)) {
        throw new Error(`${sorted[0]!.title}: 合并后条号不连续（${prev.label}之后是${a.label}） / parts do not join up`);
      }
    });
    const dates = sorted.map((p) => p.versionDate).filter((d): d is string => d !== null);
    return {
      title: sorted[0]!.title,
      shortTitle: sorted[0]!.shortTitle,
      versionDate: dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null,
      history: [...new Set(sorted.flatMap((p) => p.history))],
      preamble: sorted.flatMap((p) => p.preamble),
      headings: sorted.flatMap((p) => p.headings),
      articles,
    };
  });
}
