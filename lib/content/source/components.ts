import type { Root } from 'mdast';
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

/**
 * A capitalized JSX tag (`<Tabs>`, `<motion.div>`) needs a component: one the
 * review imported (`imported`: local name → component) or a global one.
 * MDX would only find out when the page renders, with no position; this
 * reports each missing one at its tag.
 */
export function undefinedComponents(tree: Root, file: string, imported: Record<string, MdxComponentName>): ContentProblem[] {
  const defined = new Set([...Object.keys(imported), ...specs.filter(([, spec]) => spec.global).map(([name]) => name)]);
  const problems: ContentProblem[] = [];
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name) return;
    const root = node.name.split('.')[0]!;
    if (!/^[A-Z]/.test(root) && root === node.name) return;
    if (defined.has(root)) return;
    const spec = mdxComponentSpecs[root as MdxComponentName] as ComponentSpec | undefined;
    const hint = spec
      ? `add \`import ${root} from '${spec.imports[0]}';\` at the top of the review`
      : `no component of that name (reviews can use ${names}; the README says how to add one)`;
    const start = node.position?.start;
    problems.push({ file, line: start?.line ?? 1, column: start?.column ?? 1, message: `\`<${node.name}>\` is not defined: ${hint}` });
  });
  return problems;
}
