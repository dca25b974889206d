import type { ReactNode } from 'react';
import type { MdxComponentName } from '@/lib/content/source/components';
import { Admonition } from '@/components/mdx/admonition';
import { Details } from '@/components/mdx/details';
import { TabItem, Tabs } from '@/components/mdx/tabs';

/**
 * The React component behind each name in `mdxComponentSpecs`
 * (lib/content/source/components.ts), which says how a review reaches it:
 * the imports that stand for it, or none when it is global. To give authors
 * a component of your own, write it in this folder, add it here and there.
 */
export const mdxRegistry = { Tabs, TabItem, Admonition, Details } satisfies Record<MdxComponentName, (props: never) => ReactNode>;
