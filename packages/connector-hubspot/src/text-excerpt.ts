const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', bull: '•', '#39': "'" };

/**
 * The readable words of a text or HTML body, at most `max` characters: scripts, styles, comments and tags removed,
 * common entities decoded, whitespace collapsed. A gateway's error page is kilobytes of markup around a few words.
 */
export function plainTextExcerpt(body: string, max = 200): string {
  const text = body
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/<[^>]*$/, ' ') // a tag cut off where the body was capped
    .replace(/&(#39|[a-z]+);/gi, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
