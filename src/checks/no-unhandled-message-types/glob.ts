/** A compiled list of project-relative globs (`**`, `*`, `?`, `{a,b}`); a pattern without `/` matches at any depth. */
export function globMatcher(patterns: readonly string[]): (file: string) => boolean {
  const expressions = patterns.map(globToRegExp);
  return (file) => expressions.some((expression) => expression.test(file));
}

function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/^\.\//, '');
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) {
      source += '|';
    } else {
      source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  const anchored = pattern.includes('/') ? `^${source}$` : `^(?:.*/)?${source}$`;
  return new RegExp(anchored);
}
