/**
 * Small charts as plain SVG, rendered on the server (no script, print as they look): bars with an
 * optional target line, and horizontal bars with a part filled. Labels are real text, so
 * Vietnamese renders with the page's font.
 */

type Bar = { label: string; value: number };

export function ColumnChart({ bars, target, title, testId, targetLabel }: { bars: Bar[]; target?: number | null; title: string; testId?: string; targetLabel?: string }) {
  const w = 640;
  const h = 220;
  const pad = { left: 32, right: 8, top: 16, bottom: 28 };
  const max = Math.max(1, target ?? 0, ...bars.map((b) => b.value));
  const step = (w - pad.left - pad.right) / Math.max(1, bars.length);
  const y = (v: number) => h - pad.bottom - (v / max) * (h - pad.top - pad.bottom);
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-3" data-testid={testId}>
      <figcaption className="mb-1 text-sm font-semibold text-stone-700">{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} className="h-auto w-full" role="img" aria-label={title}>
        <line x1={pad.left} x2={w - pad.right} y1={y(0)} y2={y(0)} stroke="#d6d3d1" />
        {bars.map((b, i) => (
          <g key={b.label}>
            <rect x={pad.left + i * step + step * 0.15} y={y(b.value)} width={step * 0.7} height={y(0) - y(b.value)} fill="#991b1b" rx={2}>
              <title>{`${b.label}: ${b.value}`}</title>
            </rect>
            {b.value > 0 ? (
              <text x={pad.left + i * step + step / 2} y={y(b.value) - 3} textAnchor="middle" fontSize={11} fill="#44403c">
                {b.value}
              </text>
            ) : null}
            <text x={pad.left + i * step + step / 2} y={h - 10} textAnchor="middle" fontSize={11} fill="#57534e">
              {b.label}
            </text>
          </g>
        ))}
        {target ? (
          <g>
            <line x1={pad.left} x2={w - pad.right} y1={y(target)} y2={y(target)} stroke="#d97706" strokeDasharray="6 4" strokeWidth={2} />
            <text x={w - pad.right} y={y(target) - 4} textAnchor="end" fontSize={11} fill="#b45309">
              {targetLabel ?? ''} {target}
            </text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}

export function BarList({ rows, title, testId, empty }: { rows: { label: string; value: number; of?: number; note?: string }[]; title: string; testId?: string; empty?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.of ?? r.value));
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-3" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-semibold text-stone-700">{title}</figcaption>
      {rows.length === 0 && empty ? <p className="text-sm text-stone-500">{empty}</p> : null}
      <div className="space-y-1.5">
        {rows.map((r) => (
          <div key={r.label} className="grid grid-cols-[12rem_1fr_5rem] items-center gap-2 text-xs">
            <span className="truncate text-stone-700" title={r.label}>
              {r.label}
            </span>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full" aria-hidden>
              {r.of !== undefined ? <rect x={0} y={0} width={(r.of / max) * 100} height={10} fill="#e7e5e4" /> : null}
              <rect x={0} y={0} width={(r.value / max) * 100} height={10} fill="#991b1b" />
            </svg>
            <span className="text-right tabular-nums text-stone-700">{r.note ?? (r.of !== undefined ? `${r.value}/${r.of}` : r.value)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
