/**
 * Words people say for what the law words differently. A query containing one also searches the legal phrase, so
 * 彩礼 finds 《民法典》第一千零四十二条 (借婚姻索取财物) although the statute never says 彩礼. Keep it short and
 * reviewed: every entry is a content decision, written by someone who knows which article a lawyer would cite.
 */
const EVERYDAY_WORDS: Record<string, string[]> = {
  彩礼: ['借婚姻索取财物'],
  高利贷: ['借款的利率'],
  电诈: ['电信网络诈骗'],
  村霸: ['恶势力'],
  扫黑除恶: ['黑社会性质组织', '恶势力'],
  高空坠物: ['从建筑物中抛掷物品', '坠落'],
  打官司: ['提起诉讼'],
  欠钱不还: ['未按照约定的期限返还借款'],
  离婚冷静期: ['撤回离婚登记申请'],
  分遗产: ['遗产'],
};

export function everydayAliases(query: string): string[] {
  return Object.entries(EVERYDAY_WORDS).flatMap(([word, phrases]) => (query.includes(word) ? phrases : []));
}
