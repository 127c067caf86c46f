/** The names the school certificate covers, and the set-up page's choice of language. */
import { describe, expect, it } from 'vitest';
import { chooseSetupLanguage } from '#server/school/setup-page.ts';
import { defaultSchoolName, lanAddresses, namesToCertify, parseSchoolName } from '#server/school/school-names.ts';
import { setupWordsEn } from '#server/school/setup-words.en.ts';
import { setupWordsEs } from '#server/school/setup-words.es.ts';

describe('school names', () => {
  it('takes the LAN addresses, IPv4 and IPv6, but not loopback or link-local', () => {
    const info = { netmask: '', mac: '', cidr: null };
    expect(
      lanAddresses({
        lo: [{ ...info, address: '127.0.0.1', family: 'IPv4', internal: true }],
        wlan0: [
          { ...info, address: '192.168.1.20', family: 'IPv4', internal: false },
          { ...info, address: 'FD12:3456::20', family: 'IPv6', internal: false, scopeid: 0 },
          { ...info, address: 'fe80::1234', family: 'IPv6', internal: false, scopeid: 3 },
        ],
      }),
    ).toEqual(['192.168.1.20', 'fd12:3456::20']);
  });

  it('defaults to the machine’s mDNS name', () => {
    expect(defaultSchoolName('Library-PC')).toBe('library-pc.local');
    expect(defaultSchoolName('Mrs Rivera’s Laptop.lan')).toBe('mrs-rivera-s-laptop.local');
    expect(defaultSchoolName('')).toBe('waypoint.local');
  });

  it('accepts host names and addresses, and refuses anything else', () => {
    expect(parseSchoolName('Waypoint.School.LAN.')).toBe('waypoint.school.lan');
    expect(parseSchoolName('192.168.1.20')).toBe('192.168.1.20');
    expect(() => parseSchoolName('https://school')).toThrow(/not a host name/);
    expect(() => parseSchoolName('a..b')).toThrow(/not a host name/);
  });

  it('certifies the school name, localhost, the LAN addresses and loopback', () => {
    expect(namesToCertify('library-pc.local', ['192.168.1.20'])).toEqual({
      hostNames: ['library-pc.local', 'localhost'],
      addresses: ['192.168.1.20', '127.0.0.1', '::1'],
    });
    expect(namesToCertify('10.0.0.2', [])).toEqual({
      hostNames: ['localhost'],
      addresses: ['10.0.0.2', '127.0.0.1', '::1'],
    });
  });
});

describe('the set-up page language', () => {
  it.each([
    [undefined, undefined, 'en'],
    [undefined, 'es-MX,es;q=0.9,en;q=0.8', 'es'],
    [undefined, 'fr-FR,es;q=0.5,en;q=0.4', 'es'],
    [undefined, 'en;q=0.3,es;q=0.6', 'es'],
    [undefined, 'es;q=0,en', 'en'],
    ['en', 'es', 'en'],
    ['de', 'es', 'es'],
  ] as const)('?lang=%s with Accept-Language %s is %s', (query, header, expected) => {
    expect(chooseSetupLanguage(query, header)).toBe(expected);
  });

  it('has every word in Spanish, each different from the English where it is a sentence', () => {
    expect(Object.keys(setupWordsEs).sort()).toEqual(Object.keys(setupWordsEn).sort());
    const untranslated = Object.entries(setupWordsEn)
      // The certificate's own name is shown as the device shows it, in any language.
      .filter(([key]) => key !== 'picture.fullTrust')
      .filter(([key, english]) => english.includes(' ') && setupWordsEs[key as keyof typeof setupWordsEn] === english)
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
