import { useEffect, useState } from 'react';
import { useFamilyLinkService } from '#state/family-links.ts';
import { WorkMedia } from './WorkMedia.tsx';

type Media = { readonly bytes: ArrayBuffer; readonly mime: string };

/** A piece of shared work on the family's page, read through the link (the server serves shared work only). */
export function RemoteWork(props: { token: string; blobId: string; label: string; missing: string }) {
  const service = useFamilyLinkService();
  const [media, setMedia] = useState<Media | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    service.readBlob(props.token, props.blobId).then(
      (read) => current && setMedia(read),
      () => current && setMedia(null),
    );
    return () => {
      current = false;
    };
  }, [service, props.token, props.blobId]);
  return <WorkMedia media={media} label={props.label} missing={props.missing} />;
}
