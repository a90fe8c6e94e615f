/**
 * The one tooltip of a timeline, as a tiny external store: showing it on hover must not re-render hundreds
 * of segments, only the tooltip itself.
 */
export interface Tip {
  title: string;
  lines: readonly string[];
  rect: { left: number; top: number; bottom: number };
}

export class TooltipStore {
  private tip: Tip | undefined;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  };

  readonly get = (): Tip | undefined => this.tip;

  show(el: Element, title: string, lines: readonly string[]): void {
    const r = el.getBoundingClientRect();
    this.set({ title, lines, rect: { left: r.left, top: r.top, bottom: r.bottom } });
  }

  hide(): void {
    if (this.tip) this.set(undefined);
  }

  private set(tip: Tip | undefined): void {
    this.tip = tip;
    for (const l of this.listeners) l();
  }
}
