// What a backup holds, in words: when it was made and how many of each record it contains.
import { List, Text } from '@mantine/core';
import type { BackupSummaryView } from '../../../contract';
import { formatDateTime } from '../lib/dates';

const labels: Record<string, [string, string]> = {
  people: ['person', 'people'],
  cases: ['case', 'cases'],
  notes: ['note', 'notes'],
  note_amendments: ['amendment', 'amendments'],
  parties: ['party', 'parties'],
  tasks: ['task', 'tasks'],
};
const order = Object.keys(labels);

export function BackupSummary({ summary }: { summary: BackupSummaryView }) {
  const counts = Object.entries(summary.counts)
    .filter(([table]) => labels[table])
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <>
      <Text size="sm">
        Made {formatDateTime(summary.createdAt)} ({(summary.bytes / 1024 / 1024).toFixed(1)} MB).
      </Text>
      {counts.length > 0 && (
        <List size="sm" data-testid="backup-counts">
          {counts.map(([table, n]) => (
            <List.Item key={table}>
              {n.toLocaleString('en-GB')} {labels[table]![n === 1 ? 0 : 1]}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
