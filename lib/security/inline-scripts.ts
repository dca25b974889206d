import { createHash } from 'node:crypto';
import { parse } from 'parse5';

/**
 * CSP hashes ('sha256-…') of the inline scripts in an HTML document, in page
 * order. A real HTML parser, not a regex: the browser hashes the script's
 * text exactly as it parses it.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === 'script' && !child.attrs?.some((attr) => attr.name === 'src')) {
        const text = (child.childNodes ?? []).map((t) => t.value ?? '').join('');
        hashes.push(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
      }
      visit(child);
    }
  };
  visit(parse(html));
  return [...new Set(hashes)];
}

type ParentNode = { nodeName?: string; value?: string; attrs?: { name: string }[]; childNodes?: ParentNode[] };
