/**
 * The page's shipped data files (editor/shipped/shippedJson.ts): fetched at start-up, each from its own URL, parsed
 * as JSON; a file that does not come, or is not JSON, stops the start with its name.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fetchShippedJson, SHIPPED_FILE_URLS } from '../../editor/shipped/shippedJson.ts';
import { shippedJsonFromFiles } from '../shippedJsonFromFiles.ts';

const allUrls = (): URL[] => {
  const u = SHIPPED_FILE_URLS;
  return [...Object.values(u.rulesets), ...Object.values(u.outlines), u.positions, u.institutions, ...Object.values(u.lifecycles), ...u.golden, u.plan];
};

/** A `fetch` that serves the repository's files (or `override`'s answer for a file name), recording what was asked. */
function fakeFetch(asked: string[], override?: (name: string) => Response | undefined): typeof fetch {
  return (input) => {
    const url = input instanceof URL ? input : new URL(String(input));
    asked.push(url.href);
    const name = url.pathname.split('/').pop()!;
    return Promise.resolve(override?.(name) ?? new Response(readFileSync(fileURLToPath(url), 'utf8'), { status: 200 }));
  };
}

describe('the shipped data files the page fetches', () => {
  it('names a file that exists for every shipped document, each once', () => {
    const urls = allUrls().map((u) => u.href);
    expect(new Set(urls).size).toBe(11);
    for (const u of urls) expect(() => readFileSync(fileURLToPath(u))).not.toThrow();
  });

  it('fetches each file once and gives the same JSON the CLI imports', async () => {
    const asked: string[] = [];
    const json = await fetchShippedJson(fakeFetch(asked));
    expect(asked.sort()).toEqual(allUrls().map((u) => u.href).sort());
    expect(json).toEqual(shippedJsonFromFiles());
    expect(Object.keys(json.rulesets)).toEqual(['57-qd-tw', '350-qd-tw']);
    expect(json.plan.id).toBe('ha-noi-2024');
  });

  it('stops with the name of a file that does not come, or is not JSON', async () => {
    await expect(fetchShippedJson(fakeFetch([], (n) => (n === 'positions.json' ? new Response('gone', { status: 404 }) : undefined))))
      .rejects.toThrow(/positions\.json \(HTTP 404\)/);
    await expect(fetchShippedJson(fakeFetch([], (n) => (n === 'ha-noi-2024.json' ? new Response('{"id": 1', { status: 200 }) : undefined))))
      .rejects.toThrow(/ha-noi-2024\.json is not JSON/);
  });
});
