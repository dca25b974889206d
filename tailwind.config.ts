import typography from '@tailwindcss/typography';
import type { Config } from 'tailwindcss';

// Loaded from app/globals.css with `@config`; theme tokens live here so the
// article typography and the app chrome share one palette.
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  // Dark mode: the `dark` custom variant in app/globals.css (the reader's choice, else the system).
  theme: {
    extend: {
      fontFamily: {
        // Pretendard ships with the app (app/layout.tsx imports its dynamic-subset build).
        sans: [
          '"Pretendard Variable"',
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          '"Segoe UI"',
          '"Apple SD Gothic Neo"',
          '"Noto Sans KR"',
          '"Malgun Gothic"',
          'sans-serif',
        ],
      },
      maxWidth: { prose: '46rem' },
    },
  },
  plugins: [typography],
} satisfies Config;
