'use client';

import { useMemo, useState } from 'react';
import type { ProbeRunSnapshot } from '@/lib/api';
import { timelineDomain, type ZoomMode } from './domain';
import type { PodModel } from './pod-model';
import type { Domain } from './time-scale';
import { upgradeWindow, type TimeWindow } from './window';

export interface Zoom {
  mode: ZoomMode;
  setMode: (m: ZoomMode) => void;
  win: TimeWindow | undefined;
  domain: Domain;
}

/**
 * Zoomed to the latest upgrade window when there is one, until the person chooses otherwise. `run` (the
 * rollout's probe run) widens the window to the whole rollout; a single pod's page leaves it out and zooms to
 * that pod's own upgrade.
 */
export function useZoom(models: readonly PodModel[], run: ProbeRunSnapshot | undefined, now: number): Zoom {
  const [chosen, setMode] = useState<ZoomMode | undefined>(undefined);
  const win = upgradeWindow(models.flatMap((m) => m.bands), run, now);
  const mode = chosen ?? (win ? 'window' : 'all');
  const { startMs, endMs } = timelineDomain(models, win, mode, now);
  // The same object while the bounds hold: every row is memoised on it, so a delta about one pod between two
  // ticks re-renders that pod's row only.
  const domain = useMemo(() => ({ startMs, endMs }), [startMs, endMs]);
  return { mode, setMode, win, domain };
}

/**
 * How often the "now" cursor moves. Each move redraws every visible row (open segments end at now), so a
 * SidecarSet at rest ticks slowly: a page left open costs little, and ten of them on one machine too.
 */
export function cursorTickMs(probeRunning: boolean, podsInFlight: boolean): number {
  if (probeRunning) return 250;
  return podsInFlight ? 1000 : 5000;
}
