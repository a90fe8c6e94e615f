'use client';

import { useState } from 'react';
import type { ProbeRunSnapshot } from '@/lib/client/api-types';
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
  return { mode, setMode, win, domain: timelineDomain(models, win, mode, now) };
}
