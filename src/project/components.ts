/**
 * Vue, Svelte and Astro single-file components: their `<script>` blocks (and an Astro component's frontmatter)
 * hold the TypeScript or JavaScript.
 */
const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/;

export function isComponentFile(file: string): boolean {
  return COMPONENT_FILE.test(file);
}

/**
 * A `<script>` block at the top level of a component, which starts a line, or an HTML comment (which may hide one).
 * A `<script>` inside a line is template text (`{{ '<script>' }}`, an attribute's HTML).
 */
const SCRIPT_OR_COMMENT = /<!--[\s\S]*?-->|^[ \t]*<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gim;
/** Attributes of a block that is not inline code: `src="./x.ts"`, `type="application/json"`, `type="text/x-template"`. */
const NOT_INLINE_CODE = /\bsrc\s*=|\btype\s*=\s*["']?(?!(?:module|text\/javascript|application\/javascript|text\/typescript)\b)/i;
const NOT_LINE_BREAK = /[^\r\n\u2028\u2029]/g;
/** The opening `---` line of an Astro component's frontmatter, at the top of the file. */
const FRONTMATTER_START = /^\uFEFF?\s*---[ \t]*\r?\n/;
/** The `---` line that closes it. */
const FENCE_LINE = /^---[ \t]*$/m;

/**
 * The text the analyzer reads of a component: its `<script>` blocks (`<script setup lang="ts">`, Svelte's
 * `<script context="module">`) and an Astro component's frontmatter where they are, and every other character a
 * space (line breaks kept), so that a line and column in it are the same line and column in the file.
 */
export function componentScriptText(text: string, file: string): string {
  let result = '';
  let copied = 0;
  SCRIPT_OR_COMMENT.lastIndex = 0;
  const fence = file.endsWith('.astro') ? FRONTMATTER_START.exec(text)?.[0] : undefined;
  const closing = fence === undefined ? -1 : text.slice(fence.length).search(FENCE_LINE);
  if (fence !== undefined && closing >= 0) {
    const body = text.slice(fence.length, fence.length + closing);
    result = fence.replace(NOT_LINE_BREAK, ' ') + body;
    copied = fence.length + body.length;
    SCRIPT_OR_COMMENT.lastIndex = copied;
  }
  for (let match = SCRIPT_OR_COMMENT.exec(text); match !== null; match = SCRIPT_OR_COMMENT.exec(text)) {
    const [whole, attributes, body] = match;
    if (body === undefined || NOT_INLINE_CODE.test(attributes ?? '')) continue;
    // The body ends where the closing tag starts.
    const start = match.index + whole.lastIndexOf('<') - body.length;
    result += text.slice(copied, start).replace(NOT_LINE_BREAK, ' ') + body;
    copied = start + body.length;
  }
  return result + text.slice(copied).replace(NOT_LINE_BREAK, ' ');
}
