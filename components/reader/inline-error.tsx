const styles = {
  // Next to the control that failed (a bookmark, a status).
  inline: 'text-xs text-red-600 dark:text-red-400',
  // Above a form's submit button.
  form: 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300',
};

/** A short failure message, announced to screen readers; nothing when there is none. */
export function InlineError({ message, variant = 'inline' }: { message: string | null; variant?: keyof typeof styles }) {
  if (!message) return null;
  const Tag = variant === 'form' ? 'p' : 'span';
  return (
    <Tag role="alert" className={styles[variant]}>
      {message}
    </Tag>
  );
}
