/**
 * The shapes the canvas layer works in, all in flow coordinates (px of the canvas at zoom 1) unless said otherwise.
 * Node and edge ids are opaque strings: the layer never reads meaning into them, so a canvas may key its nodes by
 * record id, state id or anything stable.
 */

/** A point; for a node, its top-left corner. */
export interface Point { x: number; y: number }

export interface Size { width: number; height: number }

/** A rectangle: top-left corner and size. */
export interface Box extends Point, Size {}

/** The side of a node a handle sits on (React Flow's `Position` values). */
export type Side = 'left' | 'right' | 'top' | 'bottom';

/**
 * What the screen shows of the canvas: a flow point `p` is drawn at screen `(x + p.x * zoom, y + p.y * zoom)`
 * relative to the pane's top-left corner (React Flow's `transform` `[x, y, zoom]`).
 */
export interface Viewport { x: number; y: number; zoom: number }
