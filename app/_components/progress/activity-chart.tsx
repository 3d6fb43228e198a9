'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ActivityPoint = { day: string; events: number };

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Progress events per day as bars. Decorative for assistive technology: the table beside it carries the data. */
export function ActivityChart({ days }: { days: ActivityPoint[] }) {
  return (
    <div className="h-56 w-full text-indigo-600 dark:text-indigo-400" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12, fill: 'currentColor' }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: 'currentColor' }} />
          <Tooltip labelFormatter={(day) => shortDay(String(day))} formatter={(value) => [String(value), 'Activities']} />
          <Bar dataKey="events" fill="currentColor" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
