/**
 * Attachments are shown only as <img> or <audio>, only of the types the app records, and never as a link
 * or a page of their own (a `blob:` document would be in the app's origin): a picture is shown larger in
 * place. An uploaded SVG or HTML file is never even turned into an object URL.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { putBlob } from '#db';
import { StoredAttachment } from '#features/conference/StoredAttachment.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const made: Blob[] = [];

function objectUrls() {
  vi.stubGlobal('URL', {
    ...URL,
    createObjectURL: (blob: Blob) => {
      made.push(blob);
      return `blob:test/${made.length}`;
    },
    revokeObjectURL: () => undefined,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  made.length = 0;
});

describe('a stored attachment', () => {
  it('shows a photo as an image, larger in place, never as a link', async () => {
    objectUrls();
    const store = testStore();
    const id = await putBlob(store, new Uint8Array([1, 2, 3]).buffer, 'image/webp');
    const { container } = renderWithStore(<StoredAttachment blobId={id} index={0} />, store);
    const image = await screen.findByRole('img', { name: 'Picture 1' });
    expect(image).toHaveAttribute('src', 'blob:test/1');
    expect(container.querySelector('a')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show Picture 1 larger' }));
    expect(screen.getByRole('button', { name: 'Show Picture 1 smaller' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('img', { name: 'Picture 1' })).toHaveClass('attachment-large');
  });

  it('plays a recording, made with its plain type', async () => {
    objectUrls();
    const store = testStore();
    const id = await putBlob(store, new Uint8Array([4, 5, 6]).buffer, 'audio/webm;codecs=opus');
    const { container } = renderWithStore(<StoredAttachment blobId={id} index={1} />, store);
    await screen.findByLabelText('Recording 2');
    expect(container.querySelector('audio')).not.toBeNull();
    expect(made.map((b) => b.type)).toEqual(['audio/webm']);
  });

  it('never shows or opens an SVG or an HTML page: no object URL is made for it', async () => {
    objectUrls();
    const store = testStore();
    for (const [bytes, mime] of [
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'],
      ['<script>alert(1)</script>', 'text/html'],
    ] as const) {
      const id = await putBlob(store, new TextEncoder().encode(bytes).buffer, mime);
      const { container, unmount } = renderWithStore(<StoredAttachment blobId={id} index={0} />, store);
      expect(
        await screen.findByText('This attachment is not a photo, drawing or recording, so it is not shown'),
      ).toBeInTheDocument();
      expect(container.querySelector('img, audio, a, iframe, object, embed')).toBeNull();
      unmount();
    }
    expect(made).toEqual([]);
  });
});
