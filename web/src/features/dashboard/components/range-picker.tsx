import '@mantine/dates/styles.css';
import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { DashboardInterval } from '@navaia/shared';
import { useState } from 'react';
import { PRESETS, type DashboardRange, type Preset } from './dashboard-range';

export function RangePicker({
  range,
  today,
  onPreset,
  onDays,
  onInterval,
}: {
  range: DashboardRange;
  today: string;
  onPreset: (preset: Exclude<Preset, 'custom'>) => void;
  onDays: (first: string, last: string) => void;
  onInterval: (interval: DashboardInterval) => void;
}) {
  const [customOpen, setCustomOpen] = useState(range.preset === 'custom');
  const [draft, setDraft] = useState<[string | null, string | null]>([
    range.firstDay,
    range.lastDay,
  ]);
  const showCustom = customOpen || range.preset === 'custom';

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Period"
        value={showCustom ? 'custom' : range.preset}
        onChange={(value) => {
          if (value === 'custom') {
            setDraft([range.firstDay, range.lastDay]);
            setCustomOpen(true);
          } else {
            setCustomOpen(false);
            onPreset(value as Exclude<Preset, 'custom'>);
          }
        }}
        data={[
          ...PRESETS.map(({ value, label }) => ({ value, label })),
          { value: 'custom', label: 'Custom' },
        ]}
      />
      {showCustom && (
        <DatePickerInput
          type="range"
          aria-label="Custom period"
          placeholder="Pick the first and last day"
          w={250}
          valueFormat="D MMM YYYY"
          allowSingleDateInRange
          maxDate={today}
          value={draft}
          onChange={([first, last]) => {
            setDraft([first, last]);
            if (first && last) onDays(first.slice(0, 10), last.slice(0, 10));
          }}
        />
      )}
      <SegmentedControl
        aria-label="Chart interval"
        value={range.interval}
        onChange={(value) => onInterval(value as DashboardInterval)}
        data={[
          { value: DashboardInterval.Day, label: 'Daily' },
          { value: DashboardInterval.Week, label: 'Weekly' },
        ]}
      />
    </Group>
  );
}
