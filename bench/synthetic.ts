import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { png } from '@/tests/support/content';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const orgs = ['nvidia', 'meta', 'google', 'deepseek', 'xiaomi', 'nyu', 'cmu', 'alibaba'];

/**
 * Prose for the search bench: the repeated template sentences above gzip to
 * nothing (identical postings, a vocabulary of a few hundred terms), which
 * says little about 1,000 real reviews. Varied prose samples the sentences of
 * the site's own reviews (content/), swaps some of their words for words of
 * other sentences and some English words and numbers for generated ones, so
 * every review has its own mix, a vocabulary that keeps growing with the
 * corpus (paper names, model names, numbers) and postings that are not runs.
 * Deterministic: the same seed gives the same corpus.
 */
type Prose = { sentences: string[]; words: string[]; rand: () => number };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const contentRoot = path.join(process.cwd(), 'content');

/** Plain prose lines of the real reviews: no markup that could break MDX when moved (JSX, math, code, tables, links). */
function realSentences(): string[] {
  const files = (readdirSync(contentRoot, { recursive: true }) as string[]).filter((f) => /\.mdx?$/.test(f));
  const sentences: string[] = [];
  for (const file of files.sort()) {
    let fenced = false;
    for (const raw of readFileSync(path.join(contentRoot, file), 'utf8').split('\n')) {
      const line = raw.trim();
      if (line.startsWith('```')) fenced = !fenced;
      if (fenced || !line || /^(?:[#<>|:!$-]|\d+\.|import |---|\*\*)/.test(line) || /[{}<>$`\[\]\\*_|]/.test(line)) continue;
      sentences.push(...line.split(/(?<=[.!?다])\s+/).filter((s) => s.length > 12));
    }
  }
  return sentences;
}

const syllables = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ra',
  'to',
  'vi',
  'zen',
  'qu',
  'di',
  'an',
  'or',
  'fle',
  'gra',
  'pho',
  'sto',
  'tri',
  'mul',
  'sec',
  'ber',
];

/** A made-up technical word (`gravimo`, `Flux-7B`-like names), drawn log-uniformly from 20,000. */
function inventedWord(prose: Prose): string {
  const rank = Math.floor(20000 ** prose.rand()); // 1 … 20,000, log-uniform: a few common, a long tail
  let word = '';
  let n = rank * 7919;
  for (let k = 0; k < 2 + (rank % 3); k++) {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length) + k * 13;
  }
  return rank % 5 === 0 ? `${word[0]!.toUpperCase()}${word.slice(1)}-${(rank % 70) + 1}B` : word;
}

function variedSentence(prose: Prose): string {
  const { rand } = prose;
  const sentence = prose.sentences[Math.floor(rand() * prose.sentences.length)]!;
  return sentence
    .split(' ')
    .map((word) => {
      const r = rand();
      if (/^\d+(?:\.\d+)?%?[,.]?$/.test(word)) return `${(rand() * 100).toFixed(rand() < 0.5 ? 0 : 1)}${word.endsWith('%') ? '%' : ''}`;
      if (/^[A-Za-z][A-Za-z-]*$/.test(word) && r < 0.3) return inventedWord(prose);
      if (r < 0.12) return prose.words[Math.floor(rand() * prose.words.length)]!;
      return word;
    })
    .join(' ');
}

function variedParagraph(prose: Prose, count: number): string {
  return Array.from({ length: count }, () => variedSentence(prose)).join(' ');
}

/** One review shaped like the samples: 5 papers, an imported figure, admonitions, math, code, a table, Korean prose. */
function review(i: number, date: Date, stamp: string, prose: Prose | null): string {
  const img = `blog_${stamp}_img0`;
  const papers = Array.from({ length: 5 }, (_, p) => {
    const id = `${2500 + (i % 99)}.${String(10000 + i * 5 + p).slice(-5)}`;
    return [
      `## ${p + 1}. [Paper ${i}-${p}](https://huggingface.co/papers/${id}) \`${orgs[(i + p) % orgs.length]}\`${p % 2 ? ` \`${orgs[(i + p + 3) % orgs.length]}\`` : ''}`,
      '',
      prose
        ? `### ${inventedWord(prose)}: ${variedSentence(prose).slice(0, 60).trim()}${prose.rand() < 0.3 ? ' on Reinforcement Learning for Agents' : ''}`
        : `### Synthetic Paper Title Number ${i}-${p} on Reinforcement Learning for Agents`,
      '',
      prose
        ? // The template's sentence in some papers, so `강화 학습` and `메타 에이전트` stay findable (the query table).
          `${variedParagraph(prose, 2 + Math.floor(prose.rand() * 3))} ${prose.rand() < 0.3 ? '에이전트가 환경과 상호작용하며 강화 학습을 통해' : ''} 정책 $\\pi_\\theta$ 를 개선하고, ${variedParagraph(prose, 1 + Math.floor(prose.rand() * 3))}`
        : `이 논문은 **'메타 에이전트'**라는 개념을 제안합니다. 에이전트가 환경과 상호작용하며 강화 학습을 통해 정책 $\\pi_\\theta$ 를 개선하고, 데이터 분포 $\\mathcal{D}^{(t)}$ 가 시간에 따라 변합니다.`,
      '',
      prose && prose.rand() < 0.5 ? `- 핵심 아이디어: ${variedSentence(prose)}` : '- 핵심 아이디어: 보상 모델을 분리해서 학습',
      '  - 세부 사항: 그룹 단위 정규화',
      `- 실험 결과: ${prose ? variedSentence(prose) : '여러 벤치마크에서 **최고 성능**을 기록'}`,
      '',
      ...(prose ? [variedParagraph(prose, 3 + Math.floor(prose.rand() * 5)), ''] : []),
      ':::tip[핵심 요약]',
      '',
      prose && prose.rand() < 0.5 ? `${variedSentence(prose)} 성능을 크게 향상시킵니다.` : '에이전트의 **계획 능력**을 크게 향상시킵니다.',
      '',
      ':::',
      '',
      '$$',
      'J(\\theta) = \\mathbb{E}_{\\tau \\sim \\pi_\\theta}\\left[\\sum_t \\gamma^t r_t\\right]',
      '$$',
      '',
      '```python',
      'def reward(x):',
      '    return x.mean() - 0.1 * x.std()',
      '```',
      '',
      '| 모델 | 점수 |',
      '| --- | --- |',
      '| base | 41.2 |',
      '| ours | 47.9 |',
      '',
    ].join('\n');
  });
  return [
    `import ${img} from './asset/${img}.png';`,
    '',
    `# ${date.toISOString().slice(0, 10)} Papers Review`,
    '',
    `합성 리뷰 ${i}번입니다. 이번 주에는 다섯 편의 논문을 다룹니다.${prose ? ` ${variedParagraph(prose, 2)}` : ''}`,
    '',
    "<div style={{textAlign: 'center'}}>",
    `  <img src={${img}} style={{width: 500}} />`,
    '</div>',
    '',
    ...papers,
  ].join('\n');
}

/**
 * Writes `count` reviews, one a day from 2015-01-01, into `root`. `varied`
 * prose (the search bench) samples and varies the site's own sentences;
 * otherwise every review repeats the same template sentences.
 */
export function writeSyntheticContent(
  root: string,
  count: number,
  { prose = 'template', seed = 14 }: { prose?: 'template' | 'varied'; seed?: number } = {},
): void {
  const figure = png(600, 300);
  const sentences = prose === 'varied' ? realSentences() : [];
  const varied: Prose | null =
    prose === 'varied' ? { sentences, words: [...new Set(sentences.flatMap((s) => s.split(' ')))], rand: mulberry32(seed) } : null;
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(2015, 0, 1 + i));
    const stamp = date.toISOString().slice(0, 10).replaceAll('-', '');
    const dir = path.join(root, 'papers', `y${date.getUTCFullYear()}`, months[date.getUTCMonth()]!);
    mkdirSync(path.join(dir, 'asset'), { recursive: true });
    writeFileSync(path.join(dir, `${stamp}.mdx`), review(i, date, stamp, varied));
    writeFileSync(path.join(dir, 'asset', `blog_${stamp}_img0.png`), figure);
  }
}
