/**
 * An iOS/iPadOS configuration profile (.mobileconfig) holding the school's certificate authority, so an iPad
 * installs it from Safari in a few taps (then turns on full trust in Certificate Trust Settings). The
 * profile is unsigned, so the iPad calls it "Not Verified": that is expected for a school-made profile.
 * Its identifiers are derived from the authority, so downloading it again replaces rather than duplicates.
 */
import { createHash } from 'node:crypto';
import { certificateDer, fingerprint } from './certificates.ts';
import { escapeHtml } from './html.ts';

export const MOBILECONFIG_TYPE = 'application/x-apple-aspen-config';

/** A stable UUID (RFC 4122 layout, version 4 bits) from a seed: the same authority, the same profile. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

export function mobileConfig(options: { authorityPem: string; schoolName: string }): string {
  const print = fingerprint(options.authorityPem).replace(/:/g, '').toLowerCase();
  const id = `org.waypoint.school.${print.slice(0, 16)}`;
  const der = certificateDer(options.authorityPem)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  const name = escapeHtml(options.schoolName);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadCertificateFileName</key>
      <string>waypoint-ca.crt</string>
      <key>PayloadContent</key>
      <data>
${der}
      </data>
      <key>PayloadDescription</key>
      <string>The certificate authority of the Waypoint school server ${name}.</string>
      <key>PayloadDisplayName</key>
      <string>Waypoint school ${name}</string>
      <key>PayloadIdentifier</key>
      <string>${id}.authority</string>
      <key>PayloadType</key>
      <string>com.apple.security.root</string>
      <key>PayloadUUID</key>
      <string>${uuidFrom(`${print}:authority`)}</string>
      <key>PayloadVersion</key>
      <integer>1</integer>
    </dict>
  </array>
  <key>PayloadDescription</key>
  <string>Lets this device open the school's Waypoint server (${name}) over a secure connection.</string>
  <key>PayloadDisplayName</key>
  <string>Waypoint: ${name}</string>
  <key>PayloadIdentifier</key>
  <string>${id}</string>
  <key>PayloadOrganization</key>
  <string>Waypoint</string>
  <key>PayloadRemovalDisallowed</key>
  <false/>
  <key>PayloadType</key>
  <string>Configuration</string>
  <key>PayloadUUID</key>
  <string>${uuidFrom(`${print}:profile`)}</string>
  <key>PayloadVersion</key>
  <integer>1</integer>
</dict>
</plist>
`;
}
