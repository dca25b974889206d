export type FeedChannel = {
  title: string;
  description: string;
  /** The HTML page this feed mirrors (absolute). */
  siteUrl: string;
  /** Where this feed itself is served (absolute). */
  feedUrl: string;
  /** RFC 3339; the newest item's date, so a rebuild without new reviews changes nothing. */
  updated: string;
  language: string;
  author: string;
};

export type FeedItem = {
  id: string;
  url: string;
  title: string;
  /** RFC 3339, or null when the review has no date. */
  published: string | null;
  summary: string;
  /** Full content as HTML with absolute URLs. */
  html: string;
  categories: string[];
  authors: string[];
};
