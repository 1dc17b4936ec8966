/**
 * The regulation outline (`llct/regulation-outline`): one regulation's provisions as the sources give them, so that
 * the coverage map can say which provisions the ruleset encodes, by which rules, tested by which golden cases, and
 * with what confidence. One file per regulation (rulesets/outlines/<ruleset>.outline.json).
 *
 * A provision is a node of a tree (chapter → article → clause → point where the numbering is known; otherwise a
 * grouping by content, e.g. "trung cấp · đối tượng · quân đội"). Its `key` is stable ASCII (`tc.subjects.army`):
 * rules cite it in their `provisions` list. Its `quote` is a short phrase in Vietnamese, in the words of a source.
 *
 * `rules` maps each shipped rule id to the provision keys it encodes: the data `scripts/applyProvisions.ts` writes
 * into the ruleset's rules. The coverage map reads the rules' own `provisions`, never this map, so an edited rule
 * shows live.
 *
 * Every object is strict (a misspelt key is an `regulation-outline/unknown-key` diagnostic with a "did you mean").
 */
import { z } from 'zod/mini';
import { Confidence, LabelSchema } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';
import { CitationNumbering } from './ruleset.ts';

/** Provision keys: lower-case ASCII words joined by `.` or `-`, e.g. `tc.subjects.army`, `tier.sc.armed-forces`. */
export const PROVISION_KEY = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export const OutlineSource = z.strictObject({
  /** Short id the provisions cite, e.g. `dantri`. */
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'mã nguồn viết thường, nối bằng gạch ngang')),
  title: z.string().check(z.minLength(1)),
  /** Web address or bibliographic reference. */
  address: z.optional(z.string().check(z.minLength(1))),
  /** Publication or signing date as written (ISO when known). */
  date: z.optional(z.string().check(z.minLength(1))),
  /** What the source covers and how complete it is. */
  covers: z.optional(z.string().check(z.minLength(1))),
});
export type OutlineSource = z.infer<typeof OutlineSource>;

export interface Provision {
  key: string;
  label: { vi: string; en: string };
  article?: number | undefined;
  clause?: number | undefined;
  point?: string | undefined;
  numbering?: 'read' | 'assumed' | undefined;
  quote?: string | undefined;
  sources: string[];
  confidence: 'confirmed' | 'reported' | 'assumed';
  note?: string | undefined;
  scopeOnly?: string | undefined;
  children?: Provision[] | undefined;
}

export const ProvisionSchema: z.ZodMiniType<Provision> = z.lazy(() => z.strictObject({
  key: z.string().check(z.regex(PROVISION_KEY, 'khóa điều khoản: chữ thường ASCII, nối bằng "." hoặc "-"')),
  /** Content label, Vietnamese first: "trung cấp · đối tượng · quân đội". */
  label: LabelSchema,
  article: z.optional(z.int().check(z.positive())),
  clause: z.optional(z.int().check(z.positive())),
  point: z.optional(z.string().check(z.regex(/^[a-zđ]$/))),
  /** Whether article/clause/point were read in the text or inferred (absent = assumed, as in a rule's citation). */
  numbering: z.optional(CitationNumbering),
  /** A short phrase of the provision in Vietnamese, in a source's own words; absent when no source states it. */
  quote: z.optional(z.string().check(z.minLength(1))),
  /** Ids of the outline's `sources` that state the provision. */
  sources: z.array(z.string().check(z.minLength(1))),
  confidence: Confidence,
  /** Conflicts between sources (both readings, and which one the ruleset follows), inferences, gaps. */
  note: z.optional(z.string().check(z.minLength(1))),
  /**
   * The provision is encoded by ruleset data rather than by rules: the field that encodes it, e.g.
   * `regulation.levels` (350-QĐ/TW regulates trung cấp and cao cấp only) or `regulation.effectiveFrom`.
   */
  scopeOnly: z.optional(z.string().check(z.minLength(1))),
  children: z.optional(z.array(ProvisionSchema)),
})) as z.ZodMiniType<Provision>;

export const RegulationOutlineSchema = z.strictObject({
  schema: z.literal('llct/regulation-outline'),
  version: z.literal(1),
  /** Regulation code, as the ruleset's `regulation.code`: `57-QĐ/TW`. */
  regulation: z.string().check(z.minLength(1)),
  /** Id of the ruleset that encodes it: `57-qd-tw`. */
  ruleset: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  /** What the outline leaves out and why, how its numbering was established. */
  note: z.optional(z.string().check(z.minLength(1))),
  sources: z.array(OutlineSource).check(z.minLength(1)),
  provisions: z.array(ProvisionSchema).check(z.minLength(1)),
  /** Shipped rule id → the provision keys it encodes (written into the ruleset by scripts/applyProvisions.ts). */
  rules: z._default(z.record(z.string(), z.array(z.string().check(z.minLength(1)))), {}),
}).check(z.superRefine((doc, ctx) => {
  const sourceIds = new Set(doc.sources.map((s) => s.id));
  const seen = new Set<string>();
  const walk = (list: readonly Provision[], path: Array<string | number>) => {
    list.forEach((p, i) => {
      const at = [...path, i];
      if (seen.has(p.key)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'key'], message: `khóa điều khoản "${p.key}" bị trùng`, params: { en: `duplicate provision key "${p.key}"` } });
      }
      seen.add(p.key);
      p.sources.forEach((s, j) => {
        if (!sourceIds.has(s)) ctx.addIssue({ code: 'custom', path: [...at, 'sources', j], message: `nguồn "${s}" không có trong danh sách nguồn`, params: { en: `source "${s}" is not in the outline's sources` } });
      });
      if (p.sources.length === 0 && p.confidence !== 'assumed') {
        ctx.addIssue({ code: 'custom', path: [...at, 'sources'], message: 'điều khoản không giả định phải nêu ít nhất một nguồn', params: { en: 'a provision that is not assumed must name at least one source' } });
      }
      if ((p.clause !== undefined || p.point !== undefined || p.numbering !== undefined) && p.article === undefined) {
        ctx.addIssue({ code: 'custom', path: [...at, 'article'], message: 'khoản, điểm hoặc cách đánh số cần có số điều', params: { en: 'a clause, point or numbering needs an article number' } });
      }
      if (p.children) walk(p.children, [...at, 'children']);
    });
  };
  walk(doc.provisions, ['provisions']);
  for (const [rule, keys] of Object.entries(doc.rules)) {
    keys.forEach((k, j) => {
      if (!seen.has(k)) ctx.addIssue({ code: 'custom', path: ['rules', rule, j], message: `quy tắc ${rule} nêu điều khoản "${k}" không có trong đề cương`, params: { en: `rule ${rule} names provision "${k}", which is not in the outline` } });
    });
  }
}));
export type RegulationOutline = z.infer<typeof RegulationOutlineSchema>;

export const REGULATION_OUTLINE_KIND: DocumentKind<typeof RegulationOutlineSchema> = {
  kind: 'llct/regulation-outline',
  version: 1,
  schema: RegulationOutlineSchema,
  // Version 1 is the first: a later version adds `migrations[1]` (v1 → v2), as loadDocument walks them in order.
  migrations: {},
};

/** Every provision of an outline, depth first, with its parent's key. */
export function flattenProvisions(outline: Pick<RegulationOutline, 'provisions'>): Array<{ provision: Provision; parent: string | undefined; depth: number }> {
  const out: Array<{ provision: Provision; parent: string | undefined; depth: number }> = [];
  const walk = (list: readonly Provision[], parent: string | undefined, depth: number) => {
    for (const p of list) {
      out.push({ provision: p, parent, depth });
      if (p.children) walk(p.children, p.key, depth + 1);
    }
  };
  walk(outline.provisions, undefined, 0);
  return out;
}
