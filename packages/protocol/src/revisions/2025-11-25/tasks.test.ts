import { describe, expect, it } from 'vitest'
import {
  GetTaskResultSchema,
  ListTasksResultSchema,
  TaskStatusNotificationSchema,
} from './index.js'

const task = {
  taskId: '786512e2-9e0d-44bd-8f29-789f320fe840',
  status: 'working',
  statusMessage: 'The operation is now in progress.',
  createdAt: '2025-11-25T10:30:00Z',
  lastUpdatedAt: '2025-11-25T10:40:00Z',
  ttl: 60000,
  pollInterval: 5000,
}

describe('tasks', () => {
  it('accept a task state as a tasks/get result', () => {
    expect(GetTaskResultSchema.parse(task)).toEqual(task)
  })

  it('require ttl, which is null for an unlimited task', () => {
    expect(GetTaskResultSchema.safeParse({ ...task, ttl: null }).success).toBe(true)
    const { ttl: _, ...withoutTtl } = task
    expect(GetTaskResultSchema.safeParse(withoutTtl).success).toBe(false)
  })

  it('reject an unknown status', () => {
    expect(GetTaskResultSchema.safeParse({ ...task, status: 'running' }).success).toBe(false)
  })

  it('list tasks with a cursor', () => {
    const page = { tasks: [task, { ...task, taskId: 'b', status: 'completed' }], nextCursor: 'n' }
    expect(ListTasksResultSchema.parse(page)).toEqual(page)
  })

  it('notify a status change with the task in the params', () => {
    const notification = {
      jsonrpc: '2.0',
      method: 'notifications/tasks/status',
      params: { ...task, status: 'input_required', _meta: { trace: 'x' } },
    }
    expect(TaskStatusNotificationSchema.parse(notification)).toEqual(notification)
    const { taskId: _, ...withoutId } = notification.params
    expect(
      TaskStatusNotificationSchema.safeParse({ ...notification, params: withoutId }).success,
    ).toBe(false)
  })
})
