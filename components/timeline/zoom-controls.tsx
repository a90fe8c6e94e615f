import { Button } from '@/components/ui/button';
import type { ZoomMode } from './domain';
import type { TimeWindow } from './window';
import { span } from './time-scale';

/** Zoom to the latest rollout, or back out to everything recorded. */
export function ZoomControls({ mode, onMode, win }: { mode: ZoomMode; onMode: (m: ZoomMode) => void; win: TimeWindow | undefined }) {
  return (
    <div className="flex items-center gap-2" role="group" aria-label="Zoom">
      <Button
        size="sm"
        aria-pressed={mode === 'window'}
        disabled={!win}
        title={win ? `The latest rollout: ${span(win.startMs, win.endMs, win.open)}` : 'No upgrade recorded yet'}
        onClick={() => onMode('window')}
        className="aria-pressed:border-sky-700 aria-pressed:bg-sky-50 dark:aria-pressed:border-sky-300 dark:aria-pressed:bg-sky-950"
      >
        Zoom to upgrade window
      </Button>
      <Button
        size="sm"
        aria-pressed={mode === 'all'}
        onClick={() => onMode('all')}
        className="aria-pressed:border-sky-700 aria-pressed:bg-sky-50 dark:aria-pressed:border-sky-300 dark:aria-pressed:bg-sky-950"
      >
        Reset zoom
      </Button>
    </div>
  );
}
