// Owns the dashboard's reads: open tasks and filing deadlines that are overdue or due within 7
// days, hearings within 14 days, and how many cases are at each status. Dates are local calendar
// dates (YYYY-MM-DD), compared as text.
import { stmt, type Db } from './sql';
import { caseStatuses, type CaseStatus } from './vocabulary';

export interface DeadlineRecord {
  kind: 'task' | 'filing' | 'hearing';
  caseId: string;
  caseTitle: string;
  taskId: string | null;
  /** The task's title or the hearing's description; empty for a filing deadline. */
  title: string;
  date: string;
  time: string;
}

export interface DashboardRecord {
  today: string;
  overdue: DeadlineRecord[];
  dueSoon: DeadlineRecord[];
  hearings: DeadlineRecord[];
  casesByStatus: Record<CaseStatus, number>;
}

/** Filing deadlines stop mattering once the report is filed or the case has ended. */
const FILING_OPEN = "c.status NOT IN ('filed', 'closed', 'archived')";

const DEADLINES_BETWEEN = `
  SELECT 'task' AS kind, t.case_id AS caseId, c.title AS caseTitle, t.id AS taskId, t.title, t.due_date AS date, '' AS time
  FROM tasks t JOIN cases c ON c.id = t.case_id
  WHERE t.done = 0 AND t.due_date >= :from AND t.due_date <= :to
  UNION ALL
  SELECT 'filing', c.id, c.title, NULL, '', c.filing_deadline, ''
  FROM cases c
  WHERE c.filing_deadline >= :from AND c.filing_deadline <= :to AND ${FILING_OPEN}
  ORDER BY date, time, caseTitle, title`;

export function getDashboard(db: Db, today: string): DashboardRecord {
  const between = stmt(db, DEADLINES_BETWEEN);
  const overdue = between.all({ from: '0000-01-01', to: dayBefore(db, today) }) as DeadlineRecord[];
  const dueSoon = between.all({ from: today, to: addDays(db, today, 7) }) as DeadlineRecord[];
  const hearings = stmt(
    db,
    `SELECT 'hearing' AS kind, h.case_id AS caseId, c.title AS caseTitle, NULL AS taskId, h.description AS title, h.date, h.time
     FROM hearings h JOIN cases c ON c.id = h.case_id
     WHERE h.date >= :from AND h.date <= :to AND c.status NOT IN ('closed', 'archived')
     ORDER BY h.date, h.time = '', h.time, c.title`,
  ).all({ from: today, to: addDays(db, today, 14) }) as DeadlineRecord[];

  const casesByStatus = Object.fromEntries(caseStatuses.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const row of stmt(db, 'SELECT status, count(*) AS n FROM cases GROUP BY status').all() as { status: CaseStatus; n: number }[]) {
    casesByStatus[row.status] = row.n;
  }
  return { today, overdue, dueSoon, hearings, casesByStatus };
}

const addDays = (db: Db, date: string, days: number): string => stmt(db, 'SELECT date(?, ?)').pluck().get(date, `${days >= 0 ? '+' : ''}${days} days`) as string;
const dayBefore = (db: Db, date: string): string => addDays(db, date, -1);
