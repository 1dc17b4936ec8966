/**
 * Writes the cadre fixtures from their seeded builders, so they can be regenerated identically:
 *   node --import tsx scripts/makeFixtures.ts
 * - fixtures/cadres/hanoi-2024-central-agencies.json and .csv (the same 210 profiles)
 * - fixtures/cadres/sample-mixed.json (20 hand-made profiles across provinces)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildHanoi2024Sample } from '../engine/generate/buildHanoi2024Sample.ts';
import { buildMixedSample } from '../engine/generate/buildMixedSample.ts';
import { cadresToCsv } from '../engine/io/cadresToCsv.ts';

const dir = fileURLToPath(new URL('../fixtures/cadres/', import.meta.url));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const hanoi = buildHanoi2024Sample().cadres;
writeFileSync(`${dir}hanoi-2024-central-agencies.json`, json(hanoi));
writeFileSync(`${dir}hanoi-2024-central-agencies.csv`, cadresToCsv(hanoi));
writeFileSync(`${dir}sample-mixed.json`, json(buildMixedSample()));
console.error(`wrote ${hanoi.length} + ${buildMixedSample().length} profiles to ${dir}`);
