import { afterEach, describe, expect, it, vi } from 'vitest';
import { iconSrc } from '#ui/pictures.ts';
import { warmIcons } from '#ui/warm-drawings.ts';

afterEach(() => vi.unstubAllGlobals());

describe('warmIcons', () => {
  it('loads each drawing once, one after another, also where images cannot decode()', async () => {
    const loaded: string[] = [];
    vi.stubGlobal(
      'Image',
      class {
        set src(value: string) {
          loaded.push(value);
        }
      },
    );
    warmIcons(['keep', 'redo', 'keep']);
    warmIcons(['keep']);
    await vi.waitFor(() => expect(loaded).toEqual([iconSrc('keep'), iconSrc('redo')]));
  });
});
