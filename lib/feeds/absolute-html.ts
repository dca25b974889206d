import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { absoluteUrl } from '@/lib/config/site';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

// parse5 names `xlink:href` (SVG) `href` with an `xlink` prefix, so `href` covers both.
const URL_ATTRIBUTES = new Set(['src', 'href', 'poster']);

/**
 * `html` with every src, href, poster and srcset resolved against the page it
 * comes from. Feed readers show a review on their own host, where `/docs/…`,
 * `./asset.png` or `#heading` would point somewhere else. Parsing and
 * re-serializing (parse5, the HTML spec's algorithm) keeps the markup itself
 * equivalent: only those attribute values change.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  const fragment = parseFragment(html);
  forEachElement(fragment, (element) => {
    for (const attribute of element.attrs) {
      if (URL_ATTRIBUTES.has(attribute.name) && attribute.value) attribute.value = absoluteUrl(attribute.value, pageUrl);
      else if (attribute.name === 'srcset') attribute.value = absoluteSrcSet(attribute.value, pageUrl);
    }
  });
  return serialize(fragment);
}

function forEachElement(parent: ParentNode, visit: (element: Element) => void) {
  for (const node of parent.childNodes) {
    if (!('tagName' in node)) continue;
    visit(node);
    forEachElement(node, visit);
    // A <template>'s children live in its own fragment.
    if ('content' in node) forEachElement(node.content, visit);
  }
}

/** `a.png 1x, b.png 2x`: each candidate's URL, its descriptor kept. */
function absoluteSrcSet(srcSet: string, pageUrl: string): string {
  return srcSet
    .split(',')
    .map((candidate) => candidate.trim().replace(/^\S+/, (url) => absoluteUrl(url, pageUrl)))
    .filter(Boolean)
    .join(', ');
}
