import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const ogSize = { width: 1200, height: 630 };

// Pretendard (SIL OFL) ships in the repo: Open Graph images are drawn at build
// time without network, and the titles are Korean.
export async function ogFonts() {
  const data = await readFile(path.join(process.cwd(), 'components', 'og', 'fonts', 'Pretendard-Bold.otf'));
  return [{ name: 'Pretendard', data, weight: 700 as const, style: 'normal' as const }];
}

/** The card: site name, title, date and the papers with their org badges. */
export function OgCard({ title, meta, papers }: { title: string; meta: string; papers: { name: string; orgs: string[] }[] }) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        padding: 64,
        background: '#0b0f17',
        color: '#f1f5f9',
        fontFamily: 'Pretendard',
      }}
    >
      <div style={{ fontSize: 28, color: '#60a5fa' }}>Papers Review</div>
      <div style={{ fontSize: 64, marginTop: 24, lineHeight: 1.15, display: 'flex' }}>{title}</div>
      <div style={{ fontSize: 28, marginTop: 16, color: '#94a3b8' }}>{meta}</div>
      <div style={{ display: 'flex', flexDirection: 'column', marginTop: 36, gap: 12 }}>
        {papers.slice(0, 5).map((paper, i) => (
          <div key={i} style={{ display: 'flex', alignItems: 'center', fontSize: 30, gap: 14 }}>
            <span style={{ color: '#64748b' }}>{i + 1}.</span>
            <span>{paper.name.length > 60 ? `${paper.name.slice(0, 57)}…` : paper.name}</span>
            {paper.orgs.map((org) => (
              <span key={org} style={{ fontSize: 22, padding: '2px 12px', borderRadius: 999, background: '#1e3a8a', color: '#bfdbfe' }}>
                {org}
              </span>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
