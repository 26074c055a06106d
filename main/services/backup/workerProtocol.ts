// Owns the messages between the main thread and the backup worker. Plain data only.
import type { BackupErrorData } from './errors';
import type { ExportJob, ExportResult } from './exportJob';
import type { IntegrityJob, IntegrityResult } from './integrityJob';
import type { BackupProgress } from './progress';
import type { BackupSummary, ReadJob } from './readJob';

export type WorkerRequest = { kind: 'export'; job: ExportJob } | { kind: 'read'; job: ReadJob } | { kind: 'integrity'; job: IntegrityJob };

export type WorkerResult<R extends WorkerRequest> = R extends { kind: 'export' } ? ExportResult : R extends { kind: 'integrity' } ? IntegrityResult : BackupSummary;

export type WorkerReply =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'done'; result: ExportResult | BackupSummary | IntegrityResult }
  | { type: 'failed'; error: BackupErrorData | null; errorName: string };

export type CancelMessage = { type: 'cancel' };
