import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';

export const admonitionKinds = ['note', 'tip', 'info', 'warning', 'danger', 'caution'] as const;
export type AdmonitionKind = (typeof admonitionKinds)[number];
// Docusaurus' older names: styled as another kind, titled with their own name.
const aliases: Record<string, AdmonitionKind> = { important: 'info', success: 'tip', secondary: 'note' };

export function admonitionKind(name: string): AdmonitionKind | null {
  return (admonitionKinds as readonly string[]).includes(name) ? (name as AdmonitionKind) : (aliases[name] ?? null);
}

/**
 * remark-directive reads `:word` in prose (`비율 3:1`, `note:this`) as a
 * directive. Like Docusaurus, give every directive that is not an admonition
 * back to the text it was written as.
 */
export function restoreUnusedDirectives(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'textDirective') {
      parent.children.splice(index, 1, ...textDirectiveAsText(node));
      return [SKIP, index];
    }
    if (node.type === 'leafDirective' || (node.type === 'containerDirective' && !admonitionKind(node.name))) {
      const directive = node;
      const marker = node.type === 'leafDirective' ? '::' : ':::';
      if (node.type === 'leafDirective') {
        const paragraph: Paragraph = {
          type: 'paragraph',
          children: [{ type: 'text', value: `${marker}${directive.name}` }, ...labelOf(directive.children as PhrasingContent[])],
          position: node.position,
        };
        (parent.children as RootContent[]).splice(index, 1, paragraph);
      } else {
        const opening: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: `${marker}${directive.name}` }] };
        (parent.children as RootContent[]).splice(index, 1, opening, ...(directive.children as RootContent[]));
      }
      return [SKIP, index];
    }
  });
}

function textDirectiveAsText(node: TextDirective): PhrasingContent[] {
  return [{ type: 'text', value: `:${node.name}` }, ...labelOf(node.children)];
}

function labelOf(children: PhrasingContent[]): PhrasingContent[] {
  return children.length ? [{ type: 'text', value: '[' }, ...children, { type: 'text', value: ']' }] : [];
}

/**
 * `:::tip[Title]` containers become `<aside class="admonition admonition-tip">`
 * with a title paragraph: plain HTML, no client code. As in Docusaurus, a
 * `{title="…"}` attribute wins over the label, the default title is the name
 * written (`:::success` is titled "success", styled as a tip), and `{#id .class}`
 * stay on the element while other attributes are dropped.
 */
export function transformAdmonitions(tree: Root): void {
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    const kind = admonitionKind(node.name);
    if (!kind) return;
    const first = node.children[0];
    const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
    const { title, id, class: className } = node.attributes ?? {};
    const titleChildren: PhrasingContent[] = title
      ? [{ type: 'text', value: title }]
      : hasLabel
        ? first.children
        : [{ type: 'text', value: node.name }];
    const body = hasLabel ? node.children.slice(1) : node.children;
    node.data = {
      hName: 'aside',
      hProperties: {
        ...(id ? { id } : {}),
        className: ['admonition', `admonition-${kind}`, ...(className?.split(/\s+/).filter(Boolean) ?? [])],
        'data-admonition': kind,
      },
    };
    const heading: Paragraph = {
      type: 'paragraph',
      children: titleChildren,
      data: { hName: 'p', hProperties: { className: ['admonition-title'] } },
    };
    node.children = [heading, ...body];
  });
}
