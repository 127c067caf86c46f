import type { Framework, ItemSet, Target } from '#protocol';
import literacyData from './kindergarten-literacy.json' with { type: 'json' };
import selData from './kindergarten-sel.json' with { type: 'json' };

/** A starter framework as shipped in src/content: built by scripts/build-content.mjs from the fixtures. */
export interface StarterFramework {
  framework: Framework;
  targets: Target[];
  itemSets: ItemSet[];
}

/** Kindergarten literacy (CCSS RF.K): 28 targets, 15 item sets. */
export const literacyFramework = literacyData as unknown as StarterFramework;

/** Kindergarten social-emotional learning (CASEL competencies): 8 targets, no item sets. */
export const selFramework = selData as unknown as StarterFramework;
