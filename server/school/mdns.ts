/**
 * Announces the school's `.local` name and its HTTPS service on the LAN with mDNS (bonjour-service), so
 * tablets can open https://<name>.local:<port>/ with no DNS server. Where the network blocks multicast
 * (many managed Wi-Fi networks do), the name does not resolve and the IP address printed at start still
 * works; the set-up page lists it.
 */
import { Bonjour } from 'bonjour-service';

export interface Advertiser {
  publish(options: { name: string; type: string; port: number; host: string; txt: Record<string, string> }): void;
  destroy(): void;
}

function bonjourAdvertiser(onError: (error: Error) => void): Advertiser {
  const bonjour = new Bonjour({}, onError);
  return {
    publish: (options) => {
      bonjour.publish({ ...options, protocol: 'tcp' }).on('error', onError);
    },
    destroy: () => bonjour.destroy(),
  };
}

/** Publishes `<host>` (its A and AAAA records) and an `_https._tcp` service; returns the way to stop. */
export function advertiseSchool(options: {
  host: string;
  port: number;
  log: (message: string) => void;
  advertiser?: Advertiser;
}): () => void {
  const advertiser =
    options.advertiser ??
    bonjourAdvertiser((error) => options.log(`mDNS: ${error.message} (the IP address still works)`));
  const label = options.host.replace(/\.local$/, '');
  advertiser.publish({
    name: `Waypoint ${label}`,
    type: 'https',
    port: options.port,
    host: options.host,
    txt: { path: '/' },
  });
  return () => advertiser.destroy();
}
