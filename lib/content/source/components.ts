import type { Paragraph, Root, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { ContentProblem } from '@/lib/content/source/problems';

type ComponentSpec = {
  /** Module paths an `import Name from '…'` may name to get it: Docusaurus's own, so reviews move over unchanged. */
  imports: readonly string[];
  /** Usable with no import, as Docusaurus's MDXComponents are. */
  global?: boolean;
};

/**
 * The components a review may use besides HTML: the app's stand-ins for
 * Docusaurus's theme components. `components/mdx/registry.tsx` holds the React
 * component for each name; to add one, add it in both places (TypeScript
 * refuses a name in one and not the other).
 */
export const mdxComponentSpecs = {
  Tabs: { imports: ['@theme/Tabs'] },
  TabItem: { imports: ['@theme/TabItem'] },
  Admonition: { imports: ['@theme/Admonition'] },
  Details: { imports: ['@theme/Details'], global: true },
} as const satisfies Record<string, ComponentSpec>;

export type MdxComponentName = keyof typeof mdxComponentSpecs;

const specs = Object.entries(mdxComponentSpecs) as [MdxComponentName, ComponentSpec][];
const names = specs.map(([name]) => name).join(', ');

/** The component an import path stands for, if the app provides it. */
export function componentForImport(source: string): MdxComponentName | null {
  return specs.find(([, spec]) => spec.imports.includes(source))?.[0] ?? null;
}

export function unknownImportMessage(source: string): string {
  return `cannot import "${source}": a review can import images next to it and the components ${names}`;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
const isJsx = (node: { type: string }): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

const isExpression = (node: Node) => node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression';
const isBlank = (node: Node) => node.type === 'text' && !(node as Text).value.trim();

/** MDX takes the paragraph off a line that is only JSX (`<TabItem value="a">A</TabItem>`); so does this. */
function unravel(children: Node[]): Node[] {
  return children.flatMap((child) => {
    const inner = child.type === 'paragraph' ? ((child as Paragraph).children as Node[]) : null;
    return inner?.every((node) => isJsx(node) || isExpression(node) || isBlank(node)) ? inner : [child];
  });
}

/**
 * What MDX would only find out when the page renders, with no position,
 * reported at the tag instead: a capitalized JSX tag (`<Tabs>`,
 * `<motion.div>`) needs a component the review imported (`imported`: local
 * name → component) or a global one; and, as Docusaurus refuses them, every
 * child of `<Tabs>` is a `<TabItem>` with a `value` of its own.
 */
export function componentProblems(tree: Root, file: string, imported: Record<string, MdxComponentName>): ContentProblem[] {
  const globals = new Set<string>(specs.filter(([, spec]) => spec.global).map(([name]) => name));
  const componentOf = (name: string) => imported[name] ?? (globals.has(name) ? (name as MdxComponentName) : undefined);
  const problems: ContentProblem[] = [];
  const at = (node: Node, message: string) =>
    problems.push({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });

  visit(tree, (node) => {
    if (!isJsx(node) || !node.name) return;
    const root = node.name.split('.')[0]!;
    if (!/^[A-Z]/.test(root) && root === node.name) return;
    if (!componentOf(root)) {
      const spec: ComponentSpec | undefined = Object.hasOwn(mdxComponentSpecs, root) ? mdxComponentSpecs[root as MdxComponentName] : undefined;
      const hint = spec
        ? `add \`import ${root} from '${spec.imports[0]}';\` at the top of the review`
        : `no component of that name (reviews can use ${names}; the README says how to add one)`;
      at(node, `\`<${node.name}>\` is not defined: ${hint}`);
    } else if (componentOf(node.name) === 'Tabs') {
      const seen = new Set<string>();
      for (const child of unravel(node.children)) {
        if (isExpression(child) || isBlank(child)) continue;
        if (!isJsx(child) || !child.name || componentOf(child.name) !== 'TabItem') {
          at(child, `every child of \`<${node.name}>\` must be a \`<TabItem value="…">\``);
          continue;
        }
        const value = child.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'value')?.value;
        if (value === undefined || value === null) at(child, '`<TabItem>` needs a `value`');
        else if (typeof value === 'string' && seen.has(value)) at(child, `two \`<TabItem>\`s have the value "${value}"`);
        else if (typeof value === 'string') seen.add(value);
      }
    }
  });
  return problems;
}
