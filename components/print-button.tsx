'use client';

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm" data-testid="print">
      {label}
    </button>
  );
}
