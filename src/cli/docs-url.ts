/** Where the per-code documentation pages live, for links in SARIF and elsewhere. */
export const DOCS_BASE_URL = 'https://github.com/asl-toolkit/asl-toolkit/blob/main/docs';

export function checkDocsUrl(code: string): string {
  return `${DOCS_BASE_URL}/checks/${code}.md`;
}
