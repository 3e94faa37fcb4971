// A progress bar with its words beside it ("12 of 40 checked (30%)"), so the figure is read out and
// seen, not only drawn.
import { useId } from 'react';
import { progressWords, type Progress } from '../../../domain/review/progress.ts';

export function ProgressBar({ label, progress }: { label: string; progress: Progress }) {
  const id = useId();
  return (
    <div className="review-progress">
      <span id={id}>
        {label}: {progressWords(progress)}
      </span>
      <progress
        aria-labelledby={id}
        max={Math.max(progress.total, 1)}
        value={progress.total === 0 ? 1 : progress.checked}
      />
    </div>
  );
}
