'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from './chart-colors';

export type FunnelPoint = { lesson: string; title: string } & Record<string, number | string>;

/**
 * Learners per lesson at each step of the funnel, as grouped bars; the y axis runs to the number
 * who joined. Decorative for assistive technology: the table below carries the same figures.
 */
export function FunnelChart({ points, series, joined }: { points: FunnelPoint[]; series: readonly Series[]; joined: number }) {
  return (
    <div className="h-64 w-full text-slate-700 dark:text-slate-300" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="lesson" tick={{ fontSize: 12, fill: 'currentColor' }} />
          <YAxis allowDecimals={false} domain={[0, Math.max(joined, 1)]} tick={{ fontSize: 12, fill: 'currentColor' }} />
          <Tooltip
            labelFormatter={(_, payload) => String(payload[0]?.payload?.title ?? '')}
            contentStyle={{ color: '#0f172a' }}
            cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
          />
          {series.map((item) => (
            <Bar key={item.key} dataKey={item.key} name={item.label} fill={item.color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
