/**
 * Parses an RFC 8288 Link header into `{ rel: url }`. Linear time: it splits on commas outside `<...>`
 * with a hand scan, no backtracking regular expression (a 100,000-character header is fine).
 */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  let i = 0;
  const n = header.length;
  while (i < n) {
    const open = header.indexOf('<', i);
    if (open === -1) break;
    const close = header.indexOf('>', open + 1);
    if (close === -1) break;
    const url = header.slice(open + 1, close);
    let end = header.indexOf('<', close + 1);
    if (end === -1) end = n;
    const params = header.slice(close + 1, end);
    for (const part of params.split(';')) {
      const eq = part.indexOf('=');
      if (eq === -1) continue;
      if (part.slice(0, eq).trim().toLowerCase() !== 'rel') continue;
      const value = part.slice(eq + 1).trim().replace(/^"|"[\s,]*$/g, '').replace(/,\s*$/, '');
      for (const rel of value.split(/\s+/)) if (rel) out[rel.toLowerCase()] = url;
    }
    i = end;
  }
  return out;
}
