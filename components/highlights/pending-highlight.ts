import type { Selectors } from '@/lib/highlights/anchoring';

/** A highlight asked for by a signed-out reader, made once they are back from signing in. */
export type HighlightRequest = Selectors & { review: string; paperId: string | null; withNote: boolean };

const PENDING_KEY = 'papers-review:pending-highlight';

export function rememberPendingHighlight(request: HighlightRequest) {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(request));
}

/** The remembered request for this review, removed as it is read (it is made once). */
export function takePendingHighlight(review: string): HighlightRequest | null {
  const raw = sessionStorage.getItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const request = JSON.parse(raw) as HighlightRequest;
    if (request.review !== review) return null;
    sessionStorage.removeItem(PENDING_KEY);
    return request;
  } catch {
    sessionStorage.removeItem(PENDING_KEY);
    return null;
  }
}

export function hasPendingHighlight(review: string): boolean {
  const raw = sessionStorage.getItem(PENDING_KEY);
  return raw !== null && raw.includes(JSON.stringify(review));
}
