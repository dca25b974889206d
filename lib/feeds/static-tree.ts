/**
 * Turns a server-rendered React element tree into plain host nodes without
 * react-dom/server. Feed route handlers run in the `react-server` bundle,
 * where react-dom/server is refused and where a review's paper rows contain
 * client components that no server-side renderer may call; walking the tree
 * ourselves lets us drop those subtrees before anything touches them.
 */

export type HostNode = string | HostElement;
export type HostElement = { tag: string; props: Record<string, unknown>; children: HostNode[] };

export type ResolveOptions = {
  /** Host elements for which this returns true are left out with their subtree. */
  skip?: (tag: string, props: Record<string, unknown>) => boolean;
  /** Rewrites a host element's props (e.g. to make URLs absolute). */
  mapProps?: (tag: string, props: Record<string, unknown>) => Record<string, unknown>;
};

type ElementLike = { $$typeof: symbol; type: unknown; props: Record<string, unknown> };

const FRAGMENT = Symbol.for('react.fragment');
const ELEMENT_TYPES = new Set([Symbol.for('react.transitional.element'), Symbol.for('react.element')]);
const CLIENT_REFERENCE = Symbol.for('react.client.reference');

function isElement(node: unknown): node is ElementLike {
  return typeof node === 'object' && node !== null && ELEMENT_TYPES.has((node as { $$typeof?: symbol }).$$typeof as symbol);
}

/** Resolves server components (sync or async) down to host elements and text. */
export async function resolveTree(node: unknown, options: ResolveOptions = {}): Promise<HostNode[]> {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string') return node ? [node] : [];
  if (typeof node === 'number' || typeof node === 'bigint') return [String(node)];
  if (node instanceof Promise) return resolveTree(await node, options);
  if (Array.isArray(node)) return resolveChildren(node, options);
  if (typeof node === 'object' && Symbol.iterator in node) return resolveChildren([...(node as Iterable<unknown>)], options);
  if (!isElement(node)) throw new Error(`feed HTML: cannot render ${Object.prototype.toString.call(node)}`);

  const { type, props } = node;
  if (type === FRAGMENT) return resolveTree(props.children, options);
  if (typeof type === 'string') {
    if (options.skip?.(type, props)) return [];
    const { children, ...rest } = props;
    const mapped = options.mapProps ? options.mapProps(type, rest) : rest;
    return [{ tag: type, props: mapped, children: await resolveTree(children, options) }];
  }
  // A client reference cannot run here; every one of them sits in a skipped subtree.
  if (typeof type === 'function' && (type as { $$typeof?: symbol }).$$typeof !== CLIENT_REFERENCE) {
    return resolveTree((type as (p: unknown) => unknown)(props), options);
  }
  throw new Error(`feed HTML: cannot render element of type ${String((type as { displayName?: string })?.displayName ?? type)}`);
}

async function resolveChildren(nodes: unknown[], options: ResolveOptions): Promise<HostNode[]> {
  const out: HostNode[] = [];
  for (const child of nodes) out.push(...(await resolveTree(child, options)));
  return out;
}
