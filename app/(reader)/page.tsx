import { ReviewList } from '@/components/review/review-list';

export default function HomePage() {
  return <ReviewList page={1} />;
}
