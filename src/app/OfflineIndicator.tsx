import { useSyncExternalStore } from 'react';
import { useT } from '#ui/useT.ts';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function OfflineIndicator() {
  const { t } = useT();
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return (
    <span className={online ? 'net net-online' : 'net net-offline'} role="status">
      <span aria-hidden="true">{online ? '●' : '○'}</span> {online ? t('status.online') : t('status.offline')}
    </span>
  );
}
