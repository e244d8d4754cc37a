'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * The header's menu: a native <details>, so it opens and closes before the page's scripts have
 * loaded (or without them). On a wide screen the summary is hidden and the content always shown
 * (globals.css, `.nav-menu`); on a phone the links and the user box fold under one button.
 * Following a link closes it (the layout, and so the open menu, survives a client navigation).
 */
export function NavMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details ref={ref} className="nav-menu min-w-0 lg:flex-1" data-testid="nav-menu">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded border border-red-200/50 px-3 py-1.5 text-sm hover:bg-red-800 [&::-webkit-details-marker]:hidden"
        data-testid="nav-menu-button"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          <rect y="3" width="20" height="2" rx="1" />
          <rect y="9" width="20" height="2" rx="1" />
          <rect y="15" width="20" height="2" rx="1" />
        </svg>
        {label}
      </summary>
      {children}
    </details>
  );
}
