// Handlers: tasks and deadlines per case, and the dashboard that gathers them.
import type { tasksOperations } from '../../contract';
import { getDashboard } from '../../db/repos/dashboard';
import { createTask, deleteTask, listTasks, setTaskDone, updateTask } from '../../db/repos/tasks';
import type { HandlerMap } from '../router/types';
import { db, localToday, nowIso, withRecordErrors } from './records';

export const tasksHandlers: HandlerMap<typeof tasksOperations> = withRecordErrors({
  listTasks: ({ caseId }, { services }) => ({ tasks: listTasks(db(services), caseId) }),
  createTask: ({ caseId, ...fields }, { services }) => createTask(db(services), caseId, fields, nowIso(services)),
  updateTask: ({ id, ...fields }, { services }) => updateTask(db(services), id, fields, nowIso(services)),
  setTaskDone: ({ id, done }, { services }) => setTaskDone(db(services), id, done, nowIso(services)),
  deleteTask: ({ id }, { services }) => {
    deleteTask(db(services), id);
    return { ok: true as const };
  },
  getDashboard: ({ today }, { services }) => {
    const dashboard = getDashboard(db(services), today ?? localToday(services));
    const titled = <T extends { kind: string; title: string }>(item: T): T => (item.kind === 'filing' ? { ...item, title: 'Filing deadline' } : item);
    return { ...dashboard, overdue: dashboard.overdue.map(titled), dueSoon: dashboard.dueSoon.map(titled) };
  },
});
