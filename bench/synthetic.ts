import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { png } from '@/tests/support/content';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const orgs = ['nvidia', 'meta', 'google', 'deepseek', 'xiaomi', 'nyu', 'cmu', 'alibaba'];

/** One review shaped like the samples: 5 papers, an imported figure, admonitions, math, code, a table, Korean prose. */
function review(i: number, date: Date, stamp: string): string {
  const img = `blog_${stamp}_img0`;
  const papers = Array.from({ length: 5 }, (_, p) => {
    const id = `${2500 + (i % 99)}.${String(10000 + i * 5 + p).slice(-5)}`;
    return [
      `## ${p + 1}. [Paper ${i}-${p}](https://huggingface.co/papers/${id}) \`${orgs[(i + p) % orgs.length]}\`${p % 2 ? ` \`${orgs[(i + p + 3) % orgs.length]}\`` : ''}`,
      '',
      `### Synthetic Paper Title Number ${i}-${p} on Reinforcement Learning for Agents`,
      '',
      `이 논문은 **'메타 에이전트'**라는 개념을 제안합니다. 에이전트가 환경과 상호작용하며 강화 학습을 통해 정책 $\\pi_\\theta$ 를 개선하고, 데이터 분포 $\\mathcal{D}^{(t)}$ 가 시간에 따라 변합니다.`,
      '',
      '- 핵심 아이디어: 보상 모델을 분리해서 학습',
      '  - 세부 사항: 그룹 단위 정규화',
      '- 실험 결과: 여러 벤치마크에서 **최고 성능**을 기록',
      '',
      ':::tip[핵심 요약]',
      '',
      '에이전트의 **계획 능력**을 크게 향상시킵니다.',
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
    `합성 리뷰 ${i}번입니다. 이번 주에는 다섯 편의 논문을 다룹니다.`,
    '',
    "<div style={{textAlign: 'center'}}>",
    `  <img src={${img}} style={{width: 500}} />`,
    '</div>',
    '',
    ...papers,
  ].join('\n');
}

/** Writes `count` reviews, one a day from 2015-01-01, into `root`. */
export function writeSyntheticContent(root: string, count: number): void {
  const figure = png(600, 300);
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(2015, 0, 1 + i));
    const stamp = date.toISOString().slice(0, 10).replaceAll('-', '');
    const dir = path.join(root, 'papers', `y${date.getUTCFullYear()}`, months[date.getUTCMonth()]!);
    mkdirSync(path.join(dir, 'asset'), { recursive: true });
    writeFileSync(path.join(dir, `${stamp}.mdx`), review(i, date, stamp));
    writeFileSync(path.join(dir, 'asset', `blog_${stamp}_img0.png`), figure);
  }
}
