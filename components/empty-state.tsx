/** The box a list shows when it has nothing: what is missing and, where the user may act, what to do next (it may repeat a long pasted query: words break). */
export function EmptyState({ testId, children }: { testId?: string; children: React.ReactNode }) {
  return (
    <p className="break-words rounded-md border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600" data-testid={testId}>
      {children}
    </p>
  );
}
