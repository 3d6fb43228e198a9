'use client';

import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const storageKey = 'awaitable:theme';
const order: ThemeChoice[] = ['system', 'light', 'dark'];

function savedChoice(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

/** Runs before the page paints (inline in <head>), so a dark page never flashes light. */
export const themeBootScript = `try{var c=localStorage.getItem('${storageKey}');var d=c==='dark'||(c!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);if(d)document.documentElement.classList.add('dark')}catch(e){}`;

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>('system');

  useEffect(() => {
    setChoice(savedChoice());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => apply(savedChoice());
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);

  function cycle() {
    const next = order[(order.indexOf(choice) + 1) % order.length] ?? 'system';
    setChoice(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
    apply(next);
  }

  return (
    <button type="button" onClick={cycle} className="toolbar-button" aria-label={`Theme: ${choice}. Change theme`}>
      Theme: {choice}
    </button>
  );
}
