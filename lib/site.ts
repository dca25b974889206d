export const siteConfig = {
  name: 'Papers Review',
  description: 'Weekly reviews of machine-learning papers: every paper, its org, and where it was discussed.',
  // Absolute URLs in Open Graph tags need the public origin.
  url: process.env.SITE_URL ?? (process.env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}` : 'http://localhost:3000'),
};
