/**
 * The set-up page (/setup): how to make a tablet trust the school's certificate, per platform, then open
 * the school address and add it to the home screen. Plain HTML and CSS, no script at all, so it works with
 * JavaScript off and under a strict Content-Security-Policy, over plain HTTP before the tablet trusts the
 * school and over HTTPS after. English or Spanish by Accept-Language, with a switch (?lang=).
 */
import { escapeHtml } from './html.ts';
import { homeScreenPicture, settingsPicture } from './setup-pictures.ts';
import { setupWordsEn, type SetupWordKey, type SetupWords } from './setup-words.en.ts';
import { setupWordsEs } from './setup-words.es.ts';

export const SETUP_LANGUAGES = { en: setupWordsEn, es: setupWordsEs } as const satisfies Record<string, SetupWords>;
export type SetupLanguage = keyof typeof SETUP_LANGUAGES;

/** What the page says about this school: filled in by the server at each request (addresses may change). */
export interface SetupView {
  readonly schoolName: string;
  /** https://<name>:<port>/ */
  readonly schoolUrl: string;
  /** https://<address>:<port>/ for each LAN address, for networks that block mDNS names. */
  readonly addressUrls: readonly string[];
  readonly fingerprint: string;
  readonly authorityValidTo: Date;
  /** An SVG QR code of the school address (made by the server; attributes only, no script). */
  readonly qrSvg: string;
}

function isSetupLanguage(value: string): value is SetupLanguage {
  return Object.hasOwn(SETUP_LANGUAGES, value);
}

/** ?lang= wins; else the best of the Accept-Language header by its q-values; else English. */
export function chooseSetupLanguage(query: string | undefined, acceptLanguage: string | undefined): SetupLanguage {
  if (query && isSetupLanguage(query)) return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && isSetupLanguage(entry.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const best = ranked[0]?.base;
  return best && isSetupLanguage(best) ? best : 'en';
}

export function renderSetupPage(view: SetupView, language: SetupLanguage): string {
  const words = SETUP_LANGUAGES[language];
  const w = (key: SetupWordKey, params: Readonly<Record<string, string>> = {}) =>
    escapeHtml(words[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole));
  const until = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(view.authorityValidTo);
  const step = (key: SetupWordKey) => `<li>${w(key)}</li>`;
  const figure = (svg: string) => `<figure>${svg}</figure>`;
  const downloadCertificate = `<p><a class="button" href="/setup/waypoint-ca.crt" download>${w('download')}</a></p>`;

  const ios = settingsPicture({
    id: 'picture-ios',
    description: words['ios.picture'],
    title: words['picture.settings'],
    steps: [words['picture.general'], words['picture.about'], words['picture.trust'], words['picture.fullTrust']],
    last: 'toggle',
  });
  const android = settingsPicture({
    id: 'picture-android',
    description: words['android.picture'],
    title: words['picture.settings'],
    steps: [
      words['picture.security'],
      words['picture.credentials'],
      words['picture.install'],
      words['picture.caCertificate'],
    ],
    last: 'chevron',
  });
  const chromeos = settingsPicture({
    id: 'picture-chromeos',
    description: words['chromeos.picture'],
    title: words['picture.import'],
    steps: ['waypoint-ca.crt', words['picture.trustWebsites']],
    last: 'checkbox',
  });
  const fleet = settingsPicture({
    id: 'picture-fleet',
    description: words['fleet.picture'],
    title: words['picture.admin'],
    steps: [
      words['picture.devices'],
      words['picture.networks'],
      words['picture.certificates'],
      words['picture.httpsAuthority'],
    ],
    last: 'checkbox',
  });
  const home = homeScreenPicture({
    id: 'picture-home',
    description: words['home.picture'],
    appName: words['picture.homeApp'],
  });

  const addresses =
    view.addressUrls.length > 0
      ? `<ul class="addresses">${view.addressUrls.map((url) => `<li><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`).join('')}</ul>`
      : `<p>${w('fallbackNone')}</p>`;

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w('title')} · ${escapeHtml(view.schoolName)}</title>
<link rel="stylesheet" href="/setup/setup.css">
<link rel="icon" href="data:,">
</head>
<body>
<header>
<h1>${w('title')}</h1>
<nav aria-label="${w('languageSwitch')}" class="languages">
<a href="?lang=en" lang="en" hreflang="en"${language === 'en' ? ' aria-current="page"' : ''}>English</a>
<a href="?lang=es" lang="es" hreflang="es"${language === 'es' ? ' aria-current="page"' : ''}>Español</a>
</nav>
</header>
<main>
<p>${w('intro', { school: view.schoolName })}</p>
<p>${w('whyOnce', { until })}</p>
<nav aria-labelledby="choose-title" class="platforms">
<h2 id="choose-title">${w('choose')}</h2>
<ul>
<li><a href="#ios">${w('platform.ios')}</a></li>
<li><a href="#android">${w('platform.android')}</a></li>
<li><a href="#chromeos">${w('platform.chromeos')}</a></li>
<li><a href="#fleet">${w('platform.fleet')}</a></li>
</ul>
</nav>

<section id="ios" aria-labelledby="ios-title">
<h2 id="ios-title">${w('platform.ios')}</h2>
<ol>${step('ios.1')}</ol>
<p><a class="button" href="/setup/waypoint.mobileconfig">${w('downloadProfile')}</a></p>
<ol start="2">${step('ios.2')}${step('ios.3')}</ol>
${figure(ios)}
</section>

<section id="android" aria-labelledby="android-title">
<h2 id="android-title">${w('platform.android')}</h2>
<ol>${step('android.1')}</ol>
${downloadCertificate}
<ol start="2">${step('android.2')}${step('android.3')}</ol>
${figure(android)}
</section>

<section id="chromeos" aria-labelledby="chromeos-title">
<h2 id="chromeos-title">${w('platform.chromeos')}</h2>
<ol>${step('chromeos.1')}</ol>
${downloadCertificate}
<ol start="2">${step('chromeos.2')}${step('chromeos.3')}</ol>
${figure(chromeos)}
</section>

<section id="fleet" aria-labelledby="fleet-title">
<h2 id="fleet-title">${w('platform.fleet')}</h2>
<p>${w('fleet.chromebooks')}</p>
<p>${w('fleet.ipads')}</p>
${downloadCertificate}
${figure(fleet)}
</section>

<section id="home" aria-labelledby="home-title">
<h2 id="home-title">${w('homeTitle')}</h2>
<p>${w('homeOpen')}</p>
<p class="school-url"><a href="${escapeHtml(view.schoolUrl)}">${escapeHtml(view.schoolUrl)}</a></p>
<div class="qr"><p>${w('homeScan')}</p>${view.qrSvg}</div>
<ul>${step('homeIos')}${step('homeOther')}</ul>
${figure(home)}
</section>

<section id="fallback" aria-labelledby="fallback-title">
<h2 id="fallback-title">${w('fallbackTitle')}</h2>
<p>${w('fallback')}</p>
${addresses}
</section>

<section id="check" aria-labelledby="check-title">
<h2 id="check-title">${w('checkTitle')}</h2>
<p>${w('check')}</p>
<p>${w('fingerprint')}</p>
<p class="fingerprint"><code>${escapeHtml(view.fingerprint)}</code></p>
</section>
</main>
</body>
</html>
`;
}
