import { ReviewList } from '@/components/review-list';

export default function HomePage() {
  return <ReviewList page={1} />;
}
