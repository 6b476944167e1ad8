import en from '@/locales/en.json';
import zh from '@/locales/zh-CN.json';

/** A coded server message's parameters: filled into `{name}` in both catalogues. */
export type MessageParams = Record<string, string | number>;

type Catalogue = { [key: string]: string | Catalogue };
function lookup(messages: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A message key in both languages ("中文 / English"), for logs and API callers; an unknown key stays as it is. */
export function bilingual(key: string, params: MessageParams = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const [z, e] = [lookup(zh as Catalogue, key), lookup(en as Catalogue, key)];
  return z && e ? `${fill(z)} / ${fill(e)}` : key;
}

/**
 * A message some deeper module still writes "中文 / English" (the law parser's line-numbered problems, the paper
 * draw), split into the two halves, for a code whose catalogue entries place {zh} and {en} respectively.
 */
export function halves(text: string): { zh: string; en: string } {
  const at = text.lastIndexOf(' / ');
  return at < 0 ? { zh: text, en: text } : { zh: text.slice(0, at), en: text.slice(at + 3) };
}
