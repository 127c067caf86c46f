/** Pure helpers for the classes-and-devices panel: grouping devices, their status, readable join codes. */
import type { ClassSummary, DeviceSummary } from '#protocol';

/** "ABCD2345" → ["ABCD", "2345"]: groups of four are easier to copy onto a station. */
export function joinCodeGroups(code: string): string[] {
  return code.match(/.{1,4}/g) ?? [];
}

export type DeviceStatus = 'active' | 'revoked' | 'expired';

export function deviceStatus(device: DeviceSummary, nowMs: number): DeviceStatus {
  if (device.revokedAt !== null) return 'revoked';
  if (device.expiresAt !== null && Date.parse(device.expiresAt) <= nowMs) return 'expired';
  return 'active';
}

export interface DeviceGroups {
  /** Devices joined to each listed class: active first, then newest first. */
  readonly byClass: ReadonlyMap<string, readonly DeviceSummary[]>;
  /** Teacher sign-ins for the whole school (and devices of classes not listed) that still work. */
  readonly signIns: readonly DeviceSummary[];
}

export function groupDevices(
  classes: readonly ClassSummary[],
  devices: readonly DeviceSummary[],
  nowMs: number,
): DeviceGroups {
  const order = (a: DeviceSummary, b: DeviceSummary) =>
    Number(deviceStatus(a, nowMs) !== 'active') - Number(deviceStatus(b, nowMs) !== 'active') ||
    b.createdAt.localeCompare(a.createdAt);
  const byClass = new Map<string, DeviceSummary[]>(classes.map((c) => [c.classId, []]));
  const signIns: DeviceSummary[] = [];
  for (const device of devices) {
    const list = device.classId === null ? undefined : byClass.get(device.classId);
    if (list) list.push(device);
    else if (deviceStatus(device, nowMs) === 'active') signIns.push(device);
  }
  for (const list of byClass.values()) list.sort(order);
  return { byClass, signIns: signIns.sort(order) };
}
