export function OrgBadges({ orgs }: { orgs: string[] }) {
  if (!orgs.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {orgs.map((org) => (
        <span key={org} className="org-badge">
          {org}
        </span>
      ))}
    </span>
  );
}
