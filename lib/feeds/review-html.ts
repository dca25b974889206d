import type { ReactNode } from 'react';
import { absoluteUrl } from '@/lib/feeds/absolute-url';
import { toHtml } from '@/lib/feeds/html';
import { resolveTree } from '@/lib/feeds/static-tree';

const URL_PROPS = ['src', 'href', 'poster', 'xlinkHref'];

/**
 * Feed readers show reviews outside the site: the bookmark/notes row and the
 * `#` heading links do nothing there, and relative URLs would point at the
 * reader's own host, so both are fixed here. KaTeX and Shiki markup is kept.
 */
export async function feedHtml(element: ReactNode, pageUrl: string): Promise<string> {
  const nodes = await resolveTree(element, {
    skip: (_tag, props) => props['data-paper-row'] !== undefined || hasClass(props.className, 'heading-anchor'),
    mapProps: (_tag, props) => {
      let out = props;
      for (const name of URL_PROPS) {
        const value = props[name];
        if (typeof value === 'string' && value) out = { ...out, [name]: absoluteUrl(value, pageUrl) };
      }
      if (typeof props.srcSet === 'string') out = { ...out, srcSet: absoluteSrcSet(props.srcSet, pageUrl) };
      return out;
    },
  });
  return toHtml(nodes);
}

function hasClass(className: unknown, name: string): boolean {
  return typeof className === 'string' && className.split(/\s+/).includes(name);
}

function absoluteSrcSet(srcSet: string, pageUrl: string): string {
  return srcSet
    .split(',')
    .map((candidate) => candidate.trim().replace(/^\S+/, (url) => absoluteUrl(url, pageUrl)))
    .join(', ');
}
