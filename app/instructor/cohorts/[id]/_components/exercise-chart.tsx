'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from './chart-colors';

export type ExercisePoint = { exercise: string; title: string } & Record<string, number | string>;

/**
 * One horizontal bar per exercise, split into learners who passed, are stuck (attempted, not
 * passed) and have not attempted it. Decorative for assistive technology: the table has the figures.
 */
export function ExerciseChart({ points, series, learners }: { points: ExercisePoint[]; series: readonly Series[]; learners: number }) {
  return (
    <div className="w-full text-slate-700 dark:text-slate-300" style={{ height: 40 + points.length * 36 }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} layout="vertical" margin={{ top: 8, right: 12, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
          <XAxis type="number" allowDecimals={false} domain={[0, Math.max(learners, 1)]} tick={{ fontSize: 12, fill: 'currentColor' }} />
          <YAxis type="category" dataKey="exercise" width={56} tick={{ fontSize: 12, fill: 'currentColor' }} />
          <Tooltip
            labelFormatter={(_, payload) => String(payload[0]?.payload?.title ?? '')}
            contentStyle={{ color: '#0f172a' }}
            cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
          />
          {series.map((item) => (
            <Bar key={item.key} dataKey={item.key} name={item.label} stackId="learners" fill={item.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
