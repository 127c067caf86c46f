import { useEffect, useState } from 'react';
import { bytesToObjectUrl, type CapturedMedia } from './media-types.ts';

/** An object URL for bytes while the component is mounted; revoked when the bytes change or on unmount. */
export function useObjectUrl(media: CapturedMedia | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!media) {
      setUrl(null);
      return undefined;
    }
    const created = bytesToObjectUrl(media);
    setUrl(created);
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [media]);
  return url;
}
