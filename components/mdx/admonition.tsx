import type { ReactNode } from 'react';
import { admonitionKind } from '@/lib/content/source/directives';

type AdmonitionProps = { type?: string; title?: ReactNode; id?: string; className?: string; children?: ReactNode };

/**
 * `<Admonition type="tip" title="…">` from `@theme/Admonition`: the same box
 * a `:::tip` directive makes (lib/content/source/directives.ts), titled with
 * the type written when there is no title. An unknown type is styled as info,
 * as Docusaurus does.
 */
export function Admonition({ type = 'note', title, id, className, children }: AdmonitionProps) {
  const kind = admonitionKind(type) ?? 'info';
  return (
    <aside id={id} className={['admonition', `admonition-${kind}`, className].filter(Boolean).join(' ')} data-admonition={kind}>
      <p className="admonition-title">{title ?? type}</p>
      {children}
    </aside>
  );
}
