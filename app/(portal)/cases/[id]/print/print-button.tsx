'use client';

/** Opens the browser's print dialog (the page itself is laid out for A4). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white" data-testid="print-button">
      {label}
    </button>
  );
}
