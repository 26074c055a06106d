// Contract: tasks and deadlines per case, and the dashboard that gathers them.
import { z } from 'zod';
import { op } from './define';
import { byId, idSchema, isoDateSchema, longText, okSchema, requiredText } from './common';
import { caseStatuses } from './cases';

export const taskFieldsSchema = z
  .object({ title: requiredText('what needs doing', 300), dueDate: isoDateSchema, detail: longText(4000) })
  .strict();
export const taskSchema = taskFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const deadlineItemSchema = z.object({
  kind: z.enum(['task', 'filing', 'hearing']),
  caseId: idSchema,
  caseTitle: z.string(),
  taskId: idSchema.nullable(),
  title: z.string(),
  date: isoDateSchema,
  time: z.string(),
});
export type DeadlineItem = z.infer<typeof deadlineItemSchema>;

export const dashboardSchema = z.object({
  today: isoDateSchema,
  overdue: z.array(deadlineItemSchema),
  dueSoon: z.array(deadlineItemSchema),
  hearings: z.array(deadlineItemSchema),
  casesByStatus: z.record(z.enum(caseStatuses), z.number().int().nonnegative()),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const tasksOperations = {
  listTasks: op({ input: z.object({ caseId: idSchema }).strict(), output: z.object({ tasks: z.array(taskSchema) }) }),
  /** Refused when the due date falls before the case's instruction date. */
  createTask: op({ input: taskFieldsSchema.extend({ caseId: idSchema }).strict(), output: taskSchema }),
  updateTask: op({ input: taskFieldsSchema.extend({ id: idSchema }).strict(), output: taskSchema }),
  setTaskDone: op({ input: z.object({ id: idSchema, done: z.boolean() }).strict(), output: taskSchema }),
  deleteTask: op({ input: byId, output: okSchema }),
  /** Overdue and due-within-7-days tasks and filing deadlines, hearings in 14 days, cases by status. */
  getDashboard: op({ input: z.object({ today: isoDateSchema.optional() }).strict(), output: dashboardSchema }),
};
