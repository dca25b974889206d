import type { PaperListItem as Item } from '@/lib/content/index/paper-list';
import { PaperListItem } from '@/components/paper/paper-list-item';

export function PaperList({ papers }: { papers: Item[] }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 dark:divide-slate-800">
      {papers.map((paper) => (
        <PaperListItem key={paper.paperId} paper={paper} />
      ))}
    </ul>
  );
}
