/** The set-up page's words in Spanish; the type makes a missing key an error. Setting names as the devices show them. */
import type { SetupWords } from './setup-words.en.ts';

export const setupWordsEs: SetupWords = {
  title: 'Preparar una tableta para Waypoint',
  languageSwitch: 'Idioma',
  intro:
    'Waypoint funciona en el servidor propio de su escuela, {school}. Las tabletas se conectan a él por una conexión segura (HTTPS) cuyo certificado hizo la propia escuela, así que cada tableta debe confiar una vez en el certificado de la escuela. Después, Waypoint funciona sin conexión, se puede añadir a la pantalla de inicio y puede usar la cámara y el micrófono.',
  whyOnce:
    'Se hace una vez por tableta. El servidor renueva su propio certificado por sí solo; el certificado de la escuela sigue siendo el mismo hasta el {until}.',
  choose: '¿Qué dispositivo?',
  'platform.ios': 'iPad o iPhone',
  'platform.android': 'Tableta Android',
  'platform.chromeos': 'Chromebook',
  'platform.fleet': 'Chromebooks e iPads administrados (TI)',
  fingerprint: 'Para comprobar el certificado, su huella SHA-256 es:',
  download: 'Descargar el certificado de la escuela',
  downloadProfile: 'Descargar el perfil de configuración',
  'ios.1': 'Abra esta página en Safari en el iPad (no en otro navegador) y toque el botón de abajo. Toque Permitir.',
  'ios.2':
    'Abra Ajustes. Toque «Perfil descargado» cerca de arriba (o General → VPN y gestión de dispositivos), toque el perfil de Waypoint, luego Instalar, escriba el código y toque Instalar otra vez.',
  'ios.3':
    'Vaya a Ajustes → General → Información → Ajustes de confianza de certificados, active «Waypoint school …» en «Activar confianza total para certificados raíz» y toque Continuar.',
  'ios.picture':
    'Los Ajustes del iPad: General, Información, Ajustes de confianza de certificados, con el interruptor de Waypoint activado.',
  'android.1': 'Toque el botón de abajo. El archivo del certificado (waypoint-ca.crt) se guarda en Descargas.',
  'android.2':
    'Abra Ajustes → Seguridad (o Seguridad y privacidad → Más ajustes de seguridad) → Encriptación y credenciales → Instalar un certificado → Certificado de CA. Toque «Instalar de todas formas».',
  'android.3':
    'Elija waypoint-ca.crt en Descargas. Si la tableta no tiene bloqueo de pantalla, Android pide uno antes. Los nombres de estos ajustes cambian un poco según el fabricante.',
  'android.picture':
    'Los Ajustes de Android: Seguridad, Encriptación y credenciales, Instalar un certificado, Certificado de CA.',
  'chromeos.1': 'Toque el botón de abajo. El archivo del certificado (waypoint-ca.crt) se guarda en Descargas.',
  'chromeos.2':
    'Abra chrome://certificate-manager en una pestaña nueva (en versiones anteriores: Configuración → Privacidad y seguridad → Seguridad → Gestionar certificados). Elija Autoridades (o «Certificados locales» → Personalizados) y luego Importar.',
  'chromeos.3':
    'Elija waypoint-ca.crt, marque «Confiar en este certificado para identificar sitios web» y toque Aceptar.',
  'chromeos.picture':
    'El cuadro de importación del Chromebook con «Confiar en este certificado para identificar sitios web» marcado.',
  'fleet.chromebooks':
    'Chromebooks administrados: en la Consola de administración de Google, vaya a Dispositivos → Redes → Certificados, elija la unidad organizativa de los Chromebooks de la escuela, Añadir certificado, suba waypoint-ca.crt, marque «Chromebook» en «Usar este certificado como autoridad de certificación HTTPS» y Añadir. Cada Chromebook lo recibe en su próxima actualización de políticas; nadie tiene que importarlo a mano.',
  'fleet.ipads':
    'iPads administrados: añada waypoint.mobileconfig (o waypoint-ca.crt como carga de certificado) al perfil de los iPads en su gestión de dispositivos (MDM). Un certificado raíz instalado por MDM es de confianza enseguida, sin interruptor que activar.',
  'fleet.picture':
    'La Consola de administración de Google: Dispositivos, Redes, Certificados, con la casilla de autoridad de certificación HTTPS para Chromebook marcada.',
  homeTitle: 'Después, abra Waypoint y añádalo a la pantalla de inicio',
  homeOpen: 'Abra la dirección de la escuela en la tableta:',
  homeScan: 'O escanee este código con la cámara de la tableta.',
  homeIos: 'iPad: en Safari, toque Compartir y luego «Añadir a pantalla de inicio».',
  homeOther:
    'Android y Chromebook: en Chrome, abra el menú (⋮) y luego «Instalar aplicación» o «Añadir a pantalla de inicio».',
  'home.picture': 'La pantalla de inicio de una tableta con el icono de Waypoint.',
  fallbackTitle: 'Si el nombre no abre',
  fallback:
    'Los nombres que terminan en .local se encuentran con mDNS (Bonjour), que algunas redes escolares bloquean. La dirección del servidor funciona en toda esta red:',
  fallbackNone: 'Este servidor no tiene dirección de red ahora: ¿está el equipo conectado a la red de la escuela?',
  checkTitle: 'Cómo saber que funcionó',
  check:
    'La dirección de la escuela se abre sin advertencias y con un candado en la barra de direcciones, y los Ajustes de Waypoint ya no dicen que la conexión no es segura.',
  'picture.settings': 'Ajustes',
  'picture.general': 'General',
  'picture.about': 'Información',
  'picture.trust': 'Ajustes de confianza de certificados',
  'picture.fullTrust': 'Waypoint school',
  'picture.security': 'Seguridad',
  'picture.credentials': 'Encriptación y credenciales',
  'picture.install': 'Instalar un certificado',
  'picture.caCertificate': 'Certificado de CA',
  'picture.import': 'Importar',
  'picture.trustWebsites': 'Confiar en este certificado para identificar sitios web',
  'picture.ok': 'Aceptar',
  'picture.admin': 'Consola de administración',
  'picture.devices': 'Dispositivos',
  'picture.networks': 'Redes',
  'picture.certificates': 'Certificados',
  'picture.httpsAuthority': 'Autoridad de certificación HTTPS: Chromebook',
  'picture.homeApp': 'Waypoint',
};
