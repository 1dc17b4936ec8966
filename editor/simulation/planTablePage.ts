/**
 * Which rows of a long plan table one page shows. A plan of 5,000 classes would otherwise render 5,000 rows of
 * inputs on every keystroke and freeze the tab; a page of 100 keeps each render small. Pure.
 */
export const PLAN_PAGE_SIZE = 100;

export interface TablePage {
  /** 0-based page, clamped to the pages there are. */
  page: number;
  pages: number;
  /** Rows `start` (inclusive) to `end` (exclusive). */
  start: number;
  end: number;
}

export function planTablePage(total: number, page: number, size = PLAN_PAGE_SIZE): TablePage {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { page: p, pages, start: p * size, end: Math.min(total, (p + 1) * size) };
}
