// What every screen exports: where it lives in the nav, what it draws, and which changes redraw it.

export interface Screen {
  id: string;
  title: string;
  /** Cache kinds (SSE `change` events) that make this screen redraw; `cost` redraws on each cost sample. */
  refreshOn: string[];
  render(root: HTMLElement): Promise<void>;
}
