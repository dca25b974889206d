import type { ContentIndex } from '@/lib/content/index/content-index';
import type { Review } from '@/lib/content/source/parse-review';
import { reviewUrl } from '@/lib/content/urls';

/** Docusaurus month folders: `papers/y2025/nov`. */
export const monthFolders = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every content folder that holds reviews (`papers`, `papers/y2025`, `papers/y2025/nov`), as Docusaurus serves them. */
export function archiveFolders(index: ContentIndex): string[] {
  const folders = new Set<string>();
  for (const review of index.reviews) {
    const parts = review.slug.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders].filter((folder) => !index.bySlug.has(folder)).sort();
}

export function reviewsInFolder(index: ContentIndex, folder: string): Review[] {
  return index.reviews.filter((review) => review.slug.startsWith(`${folder}/`));
}

/** `papers/y2025/nov` → "November 2025"; `papers/y2025` → "2025"; otherwise the folder name. */
export function archiveTitle(folder: string): string {
  const parts = folder.split('/');
  const year = parts.map((part) => /^y(\d{4})$/.exec(part)?.[1]).find(Boolean);
  const month = monthFolders.indexOf(parts[parts.length - 1]!);
  if (year && month >= 0) return `${monthNames[month]} ${year}`;
  if (year) return year;
  return parts[parts.length - 1]!;
}

export type ArchiveLink = { folder: string; title: string; url: string };

/** The month archives before and after a month folder (`papers/y2025/nov`), skipping months without reviews; none for other folders. */
export function neighbouringMonths(index: ContentIndex, folder: string): { older: ArchiveLink | null; newer: ArchiveLink | null } {
  const key = (f: string) => {
    const parts = f.split('/');
    const year = /^y(\d{4})$/.exec(parts[parts.length - 2] ?? '')?.[1];
    const month = monthFolders.indexOf(parts[parts.length - 1]!);
    return year && month >= 0 ? `${parts.slice(0, -2).join('/')}|${year}|${String(month).padStart(2, '0')}` : null;
  };
  const own = key(folder);
  if (!own) return { older: null, newer: null };
  const section = own.split('|')[0];
  const months = archiveFolders(index)
    .map((f) => ({ f, k: key(f) }))
    .filter((m): m is { f: string; k: string } => m.k !== null && m.k.split('|')[0] === section)
    .sort((a, b) => a.k.localeCompare(b.k));
  const at = months.findIndex((m) => m.f === folder);
  const link = (m: { f: string } | undefined): ArchiveLink | null => (m ? { folder: m.f, title: archiveTitle(m.f), url: reviewUrl(m.f) } : null);
  return { older: at > 0 ? link(months[at - 1]) : null, newer: at >= 0 ? link(months[at + 1]) : null };
}
