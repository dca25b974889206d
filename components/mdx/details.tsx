import type { ComponentPropsWithoutRef, ReactNode } from 'react';

type DetailsProps = Omit<ComponentPropsWithoutRef<'details'>, 'summary'> & { summary?: ReactNode };

/**
 * `<Details summary="…">` (Docusaurus's `@theme/Details`, usable without an
 * import as there): a native `<details>`, which opens and closes without any
 * script; a `<summary>` written among the children works too. Styled with
 * raw `<details>` in app/globals.css.
 */
export function Details({ summary, children, ...props }: DetailsProps) {
  return (
    <details {...props}>
      {summary ? <summary>{summary}</summary> : null}
      {children}
    </details>
  );
}
