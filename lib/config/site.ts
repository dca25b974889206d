export const siteConfig = {
  name: 'Papers Review',
  description: 'Weekly reviews of machine-learning papers: every paper, its org, and where it was discussed.',
  // Absolute URLs in Open Graph tags need the public origin.
  // "Edit this page" links: this base plus the file's path in the repository,
  // e.g. https://github.com/org/repo/edit/main/ → …/edit/main/content/papers/….
  editUrlBase: process.env.EDIT_URL_BASE ?? null,
  url: process.env.SITE_URL ?? (process.env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}` : 'http://localhost:3000'),
};
