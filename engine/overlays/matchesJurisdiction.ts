/**
 * Whether an overlay's jurisdiction covers a cadre's workplace. The province is compared by the catalogue's key
 * (`provinceKey`: no case, diacritics, "Tỉnh"/"TP." prefix or punctuation), so the workplace should be the province
 * as it stands on the nomination date (the `province` fact, which maps a pre-2025 province to its successor);
 * the agency by its folded text. Both must match when the overlay names both.
 */
import type { Jurisdiction } from '../documents/overlay.ts';
import { foldVietnamese, provinceKey } from '../rules/provinces.ts';

/** A cadre's workplace as resolution reads it; `null` or absent: the profile does not say. */
export interface Workplace { province?: string | null | undefined; agency?: string | null | undefined }

export function matchesJurisdiction(j: Jurisdiction, at: Workplace): boolean {
  if (j.province !== undefined && (!at.province || provinceKey(at.province) !== provinceKey(j.province))) return false;
  if (j.agency !== undefined && (!at.agency || foldVietnamese(at.agency).replace(/\s+/g, ' ') !== foldVietnamese(j.agency).replace(/\s+/g, ' '))) return false;
  return true;
}
