export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 py-8 text-center text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
      Weekly ML papers reviews · rendered from MDX at build time
    </footer>
  );
}
