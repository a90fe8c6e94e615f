'use client';

import { createContext, useContext } from 'react';
import { TooltipStore } from './tooltip-store';

/** The chart-wide tooltip. */
export const TooltipContext = createContext<TooltipStore>(new TooltipStore());

/** One pod's roving tab stop: the item that takes Tab, and how an item claims it when focused. */
export interface Roving {
  active: string | undefined;
  setActive(key: string): void;
}

export const RovingContext = createContext<Roving>({ active: undefined, setActive: () => undefined });

export const useTooltip = () => useContext(TooltipContext);
export const useRoving = () => useContext(RovingContext);
