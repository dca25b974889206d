import typography from '@tailwindcss/typography';
import type { Config } from 'tailwindcss';

// Loaded from app/globals.css with `@config`; theme tokens live here so the
// article typography and the app chrome share one palette.
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  darkMode: 'media',
  theme: {
    extend: {
      fontFamily: {
        sans: [
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
