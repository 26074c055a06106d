// Owns tasks and deadlines per case. A task's due date cannot fall before the date the case's
// instruction was received.
import { notFound, refused } from './errors';
import { instructionReceivedOf } from './cases';
import { newId } from './ids';
import { inTransaction, stmt, toBool, type Db } from './sql';

export interface TaskValues {
  title: string;
  dueDate: string;
  detail: string;
}

export interface TaskRecord extends TaskValues {
  id: string;
  caseId: string;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
}

const TASK_NOT_FOUND = 'That task could not be found. It may have been deleted.';
export const DUE_BEFORE_INSTRUCTION = 'The due date cannot be before the date the instruction was received.';

const COLUMNS = 'id, case_id AS caseId, title, due_date AS dueDate, detail, done, done_at AS doneAt, created_at AS createdAt';
type TaskRow = Omit<TaskRecord, 'done'> & { done: number };
const fromRow = (r: TaskRow): TaskRecord => ({ ...r, done: toBool(r.done) });

export function listTasks(db: Db, caseId: string): TaskRecord[] {
  instructionReceivedOf(db, caseId);
  return (stmt(db, `SELECT ${COLUMNS} FROM tasks WHERE case_id = ? ORDER BY done, due_date, created_at, id`).all(caseId) as TaskRow[]).map(fromRow);
}

export function getTask(db: Db, id: string): TaskRecord {
  const row = stmt(db, `SELECT ${COLUMNS} FROM tasks WHERE id = ?`).get(id) as TaskRow | undefined;
  if (!row) throw notFound(TASK_NOT_FOUND);
  return fromRow(row);
}

export function createTask(db: Db, caseId: string, values: TaskValues, at: string): TaskRecord {
  const id = newId();
  inTransaction(db, () => {
    checkDueDate(db, caseId, values.dueDate);
    stmt(db, 'INSERT INTO tasks (id, case_id, title, due_date, detail, done, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)').run(
      id,
      caseId,
      values.title,
      values.dueDate,
      values.detail,
      at,
      at,
    );
  });
  return getTask(db, id);
}

export function updateTask(db: Db, id: string, values: TaskValues, at: string): TaskRecord {
  return inTransaction(db, () => {
    const task = getTask(db, id);
    checkDueDate(db, task.caseId, values.dueDate);
    stmt(db, 'UPDATE tasks SET title = ?, due_date = ?, detail = ?, updated_at = ? WHERE id = ?').run(values.title, values.dueDate, values.detail, at, id);
    return getTask(db, id);
  });
}

export function setTaskDone(db: Db, id: string, done: boolean, at: string): TaskRecord {
  return inTransaction(db, () => {
    const task = getTask(db, id);
    if (task.done !== done) stmt(db, 'UPDATE tasks SET done = ?, done_at = ?, updated_at = ? WHERE id = ?').run(done ? 1 : 0, done ? at : null, at, id);
    return getTask(db, id);
  });
}

export function deleteTask(db: Db, id: string): void {
  const result = stmt(db, 'DELETE FROM tasks WHERE id = ?').run(id);
  if (result.changes === 0) throw notFound(TASK_NOT_FOUND);
}

function checkDueDate(db: Db, caseId: string, dueDate: string): void {
  const received = instructionReceivedOf(db, caseId);
  if (received && dueDate < received) throw refused(DUE_BEFORE_INSTRUCTION, { dueDate: DUE_BEFORE_INSTRUCTION });
}
