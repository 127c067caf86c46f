/**
 * The set-up page's words in English: the source. Every key here must exist in setup-words.es.ts (its type
 * checks it). The server cannot import the app's catalogs (src/i18n), so the page keeps its own.
 * `{name}` placeholders are filled by setup-page.ts; the names of settings are the ones the devices show.
 */
export const setupWordsEn = {
  title: 'Set up a tablet for Waypoint',
  languageSwitch: 'Language',
  intro:
    'Waypoint runs on your school’s own server, {school}. Tablets reach it over a secure connection (HTTPS) whose certificate the school made itself, so each tablet must trust the school’s certificate once. After that, Waypoint works offline, can be added to the home screen, and can use the camera and the microphone.',
  whyOnce:
    'You do this once per tablet. The server renews its own certificate by itself; the school’s certificate stays the same until {until}.',
  choose: 'Which device?',
  'platform.ios': 'iPad or iPhone',
  'platform.android': 'Android tablet',
  'platform.chromeos': 'Chromebook',
  'platform.fleet': 'Managed Chromebooks and iPads (IT)',
  fingerprint: 'To check the certificate, its SHA-256 fingerprint is:',
  download: 'Download the school’s certificate',
  downloadProfile: 'Download the configuration profile',
  'ios.1': 'Open this page in Safari on the iPad (not in another browser), then tap the button below. Tap Allow.',
  'ios.2':
    'Open Settings. Tap “Profile Downloaded” near the top (or General → VPN & Device Management), tap the Waypoint profile, then Install, enter the passcode, and Install again.',
  'ios.3':
    'Go to Settings → General → About → Certificate Trust Settings, turn on “Waypoint school …” under “Enable full trust for root certificates”, then tap Continue.',
  'ios.picture': 'The iPad’s Settings: General, About, Certificate Trust Settings, with the Waypoint switch on.',
  'android.1': 'Tap the button below. The certificate file (waypoint-ca.crt) is saved in Downloads.',
  'android.2':
    'Open Settings → Security (or Security & privacy → More security settings) → Encryption & credentials → Install a certificate → CA certificate. Tap “Install anyway”.',
  'android.3':
    'Choose waypoint-ca.crt from Downloads. Android asks for the tablet’s screen lock first if it has none. The names of these settings vary a little between makers.',
  'android.picture': 'Android’s Settings: Security, Encryption & credentials, Install a certificate, CA certificate.',
  'chromeos.1': 'Tap the button below. The certificate file (waypoint-ca.crt) is saved in Downloads.',
  'chromeos.2':
    'Open chrome://certificate-manager in a new tab (on older versions: Settings → Privacy and security → Security → Manage certificates). Choose Authorities (or “Local certificates” → Custom), then Import.',
  'chromeos.3': 'Choose waypoint-ca.crt, tick “Trust this certificate for identifying websites”, then OK.',
  'chromeos.picture': 'The Chromebook’s import dialog with “Trust this certificate for identifying websites” ticked.',
  'fleet.chromebooks':
    'Managed Chromebooks: in the Google Admin console, go to Devices → Networks → Certificates, choose the organizational unit of the school’s Chromebooks, Add certificate, upload waypoint-ca.crt, tick “Chromebook” under “Use this certificate as an HTTPS certificate authority”, and Add. Each Chromebook receives it at its next policy refresh; nobody needs to import it by hand.',
  'fleet.ipads':
    'Managed iPads: add waypoint.mobileconfig (or waypoint-ca.crt as a certificate payload) to the iPads’ profile in your device management (MDM). A root certificate installed by MDM is trusted at once, with no switch to turn on.',
  'fleet.picture':
    'The Google Admin console: Devices, Networks, Certificates, with the HTTPS certificate authority box for Chromebook ticked.',
  homeTitle: 'Then open Waypoint and add it to the home screen',
  homeOpen: 'Open the school address on the tablet:',
  homeScan: 'Or scan this code with the tablet’s camera.',
  homeIos: 'iPad: in Safari, tap Share, then “Add to Home Screen”.',
  homeOther: 'Android and Chromebook: in Chrome, open the menu (⋮), then “Install app” or “Add to Home screen”.',
  'home.picture': 'A tablet’s home screen with the Waypoint icon on it.',
  fallbackTitle: 'If the name does not open',
  fallback:
    'Names that end in .local are found with mDNS (Bonjour), which some school networks block. The server’s address works everywhere on this network:',
  fallbackNone: 'This server has no network address right now: is the machine connected to the school’s network?',
  checkTitle: 'How to tell it worked',
  check:
    'The school address opens with no warning and a padlock in the address bar, and Waypoint’s Settings no longer say the connection is not secure.',
  'picture.settings': 'Settings',
  'picture.general': 'General',
  'picture.about': 'About',
  'picture.trust': 'Certificate Trust Settings',
  'picture.fullTrust': 'Waypoint school',
  'picture.security': 'Security',
  'picture.credentials': 'Encryption & credentials',
  'picture.install': 'Install a certificate',
  'picture.caCertificate': 'CA certificate',
  'picture.import': 'Import',
  'picture.trustWebsites': 'Trust this certificate for identifying websites',
  'picture.ok': 'OK',
  'picture.admin': 'Admin console',
  'picture.devices': 'Devices',
  'picture.networks': 'Networks',
  'picture.certificates': 'Certificates',
  'picture.httpsAuthority': 'HTTPS certificate authority: Chromebook',
  'picture.homeApp': 'Waypoint',
} as const;

export type SetupWordKey = keyof typeof setupWordsEn;
export type SetupWords = Readonly<Record<SetupWordKey, string>>;
