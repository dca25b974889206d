import { orgHref } from '@/lib/content/urls';

/** The backtick badges of a paper heading, each linking to that org's papers. */
export function OrgBadges({ orgs }: { orgs: string[] }) {
  if (!orgs.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {orgs.map((org) => (
        <a key={org} href={orgHref(org)} className="org-badge hover:underline">
          {org}
        </a>
      ))}
    </span>
  );
}
