'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const SETTLE_MS = 80;

/** Development only: re-renders the page when a lesson file is saved (app/api/dev/content-events). */
export function ContentReload() {
  const router = useRouter();
  useEffect(() => {
    const events = new EventSource('/api/dev/content-events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An editor's save can fire several change events: refresh once they settle.
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), SETTLE_MS);
    };
    events.onmessage = refresh;
    // The watch starts only when this stream opens (the first request compiles the route): a save
    // made before that would be missed, so every (re)connection refreshes once too.
    events.onopen = refresh;
    return () => {
      clearTimeout(timer);
      events.close();
    };
  }, [router]);
  return null;
}
