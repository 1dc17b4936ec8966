/** Bringing a node into view from the viewport and the pane's size alone (no element boxes read). */
import { describe, expect, it } from 'vitest';
import { bringIntoView, centredOn, isInView } from '../../editor/canvas/bringIntoView.ts';
import type { Box, Size, Viewport } from '../../editor/canvas/geometry.ts';

const pane: Size = { width: 800, height: 600 };
const node: Box = { x: 1000, y: 400, width: 190, height: 60 };

/** The node's box on screen under `view` (pane coordinates). */
const onScreen = (b: Box, v: Viewport) => ({ left: v.x + b.x * v.zoom, top: v.y + b.y * v.zoom, right: v.x + (b.x + b.width) * v.zoom, bottom: v.y + (b.y + b.height) * v.zoom });

describe('bringIntoView', () => {
  it('tells a node wholly on screen from one cut by an edge of the pane or off it', () => {
    expect(isInView(node, { x: -900, y: -300, zoom: 1 }, pane)).toBe(true);
    expect(isInView(node, { x: -1100, y: -300, zoom: 1 }, pane)).toBe(false); // cut on the left
    expect(isInView(node, { x: 0, y: 0, zoom: 1 }, pane)).toBe(false); // far right
    expect(isInView(node, { x: 0, y: 0, zoom: 0.5 }, pane)).toBe(true); // 500..595 × 200..230
    expect(isInView(node, { x: 0, y: 0, zoom: 0.5 }, { width: 0, height: 0 })).toBe(false);
  });

  it('leaves the view alone when the node is on screen at a zoom the canvas keeps', () => {
    expect(bringIntoView(node, { x: -900, y: -300, zoom: 1 }, pane, { readableZoom: 0.8 })).toBeUndefined();
    expect(bringIntoView(node, { x: 0, y: 0, zoom: 0.5 }, pane, { readableZoom: 0.8 })).toBeUndefined();
  });

  it('computes a viewport that contains the node, centred, at a readable zoom', () => {
    const next = bringIntoView(node, { x: 0, y: 0, zoom: 0.3 }, pane, { readableZoom: 0.9, keepZoomFrom: 0.6 })!;
    expect(next.zoom).toBe(0.9);
    expect(isInView(node, next, pane)).toBe(true);
    const s = onScreen(node, next);
    expect((s.left + s.right) / 2).toBeCloseTo(pane.width / 2, 6);
    expect((s.top + s.bottom) / 2).toBeCloseTo(pane.height / 2, 6);
  });

  it('keeps a zoom larger than the readable one, and centres an off-screen node at it', () => {
    const next = bringIntoView(node, { x: 0, y: 0, zoom: 1.5 }, pane, { readableZoom: 0.8 })!;
    expect(next.zoom).toBe(1.5);
    expect(isInView(node, next, pane)).toBe(true);
  });

  it('centres a flow point as React Flow\'s setCenter does', () => {
    const v = centredOn(100, 50, 2, pane);
    expect(v).toEqual({ x: 800 / 2 - 200, y: 600 / 2 - 100, zoom: 2 });
  });
});
