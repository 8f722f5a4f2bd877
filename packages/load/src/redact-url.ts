/**
 * Text with every URL's password (`user:password@`) and every `password=` (also `passwd`, `pwd`, `secret`, `token`,
 * `api_key`) value replaced by `***`: for messages about a destination URL, which may be any text (a `--to`
 * argument, a driver's error). The user name, host and the rest stay, so the message still says which one.
 */
export function redactUrl(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s@/?#]*@/gi, '$1:***@')
    .replace(/((?:password|passwd|pwd|secret|token|api[_-]?key)\s*=\s*)('[^']*'|"[^"]*"|[^\s&;'"]+)/gi, '$1***');
}
