/** The runnable examples of docs/api.md: each ```js block followed (after blank lines) by the ```text block it prints. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DocExample {
  code: string;
  output: string;
  /** 1-based line of the example in the doc. */
  line: number;
}

export const projectRoot = resolve(import.meta.dirname, '../..');

export function docExamples(markdown = readFileSync(join(projectRoot, 'docs/api.md'), 'utf8')): DocExample[] {
  const examples: DocExample[] = [];
  const pattern = /```js\n((?:(?!```)[\s\S])*)```\n\s*```text\n((?:(?!```)[\s\S])*)```/g;
  for (const match of markdown.matchAll(pattern)) {
    examples.push({ code: match[1]!, output: match[2]!, line: markdown.slice(0, match.index).split('\n').length });
  }
  return examples;
}
