/**
 * Bringing a node into view, worked out from the viewport and the pane's size (which React Flow keeps in its store)
 * rather than read from the page: reading element boxes would force a layout of the whole page on every selection.
 * Pure.
 */
import type { Box, Size, Viewport } from './geometry.ts';

/** Whether `box` (flow coordinates) is wholly on screen in a pane of size `pane` under `view`. False for an empty pane. */
export function isInView(box: Box, view: Viewport, pane: Size): boolean {
  if (pane.width <= 0 || pane.height <= 0) return false;
  const left = view.x + box.x * view.zoom, top = view.y + box.y * view.zoom;
  return left >= 0 && top >= 0 && left + box.width * view.zoom <= pane.width && top + box.height * view.zoom <= pane.height;
}

/** The viewport that shows flow point (`cx`, `cy`) at the pane's centre at `zoom` (React Flow's `setCenter`). */
export function centredOn(cx: number, cy: number, zoom: number, pane: Size): Viewport {
  return { x: pane.width / 2 - cx * zoom, y: pane.height / 2 - cy * zoom, zoom };
}

export interface BringIntoViewOptions {
  /** The zoom a node is shown at when the view has to move: the current zoom when larger. */
  readableZoom: number;
  /** A node on screen at a zoom below this is still brought closer (0: any zoom will do). */
  keepZoomFrom?: number;
}

/**
 * The viewport that brings `box` into view, or undefined when it is already on screen at a zoom of at least
 * `keepZoomFrom` (the view then stays as the user left it). The new viewport centres the box at
 * `max(view.zoom, readableZoom)`.
 */
export function bringIntoView(box: Box, view: Viewport, pane: Size, options: BringIntoViewOptions): Viewport | undefined {
  if (isInView(box, view, pane) && view.zoom >= (options.keepZoomFrom ?? 0)) return undefined;
  return centredOn(box.x + box.width / 2, box.y + box.height / 2, Math.max(view.zoom, options.readableZoom), pane);
}
