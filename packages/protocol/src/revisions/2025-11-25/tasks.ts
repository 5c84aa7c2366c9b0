/**
 * Tasks (experimental in 2025-11-25): durable handles for requests that take long.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/tasks
 * @module
 */
import { z } from 'zod'
import {
  MetaSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  PaginatedResultSchema,
  RequestParamsSchema,
  ResultSchema,
} from './base.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'

/** Asks the receiver to run a request as a task; `ttl` is in milliseconds. */
export const TaskMetadataSchema = z.looseObject({
  ttl: z.number().int().optional(),
})
export type TaskMetadata = z.infer<typeof TaskMetadataSchema>

/** Links a message to the task it belongs to. */
export const RelatedTaskMetadataSchema = z.looseObject({
  taskId: z.string(),
})
export type RelatedTaskMetadata = z.infer<typeof RelatedTaskMetadataSchema>

/** Params of the requests that may be run as a task. */
export const TaskAugmentedRequestParamsSchema = RequestParamsSchema.extend({
  task: TaskMetadataSchema.optional(),
})
export type TaskAugmentedRequestParams = z.infer<typeof TaskAugmentedRequestParamsSchema>

/** Where a task is in its life. */
export const TaskStatusSchema = z.enum([
  'cancelled',
  'completed',
  'failed',
  'input_required',
  'working',
])
export type TaskStatus = z.infer<typeof TaskStatusSchema>

const taskShape = {
  taskId: z.string(),
  status: TaskStatusSchema,
  statusMessage: z.string().optional(),
  createdAt: z.string(),
  lastUpdatedAt: z.string(),
  // `null` means the task is kept for as long as the receiver likes.
  ttl: z.number().int().nullable(),
  pollInterval: z.number().int().optional(),
}

/** A task's state. */
export const TaskSchema = z.looseObject(taskShape)
export type Task = z.infer<typeof TaskSchema>

/** The answer to a task-augmented request: the task that now runs it. */
export const CreateTaskResultSchema = ResultSchema.extend({
  task: TaskSchema,
})
export type CreateTaskResult = z.infer<typeof CreateTaskResultSchema>

const TaskIdParamsSchema = z.looseObject({ taskId: z.string() })

/** `tasks/get`: asks for a task's state. */
export const GetTaskRequestSchema = requestSchema('tasks/get', TaskIdParamsSchema)
export type GetTaskRequest = z.infer<typeof GetTaskRequestSchema>

/** The state of the task `tasks/get` asked for. */
export const GetTaskResultSchema = ResultSchema.extend(taskShape)
export type GetTaskResult = z.infer<typeof GetTaskResultSchema>

/** `tasks/result`: asks for the result of the request a task ran. */
export const GetTaskPayloadRequestSchema = requestSchema('tasks/result', TaskIdParamsSchema)
export type GetTaskPayloadRequest = z.infer<typeof GetTaskPayloadRequestSchema>

/** The result of the request the task ran, whatever its shape. */
export const GetTaskPayloadResultSchema = z.looseObject({
  _meta: MetaSchema.optional(),
})
export type GetTaskPayloadResult = z.infer<typeof GetTaskPayloadResultSchema>

/** `tasks/cancel`: asks the receiver to stop a task. */
export const CancelTaskRequestSchema = requestSchema('tasks/cancel', TaskIdParamsSchema)
export type CancelTaskRequest = z.infer<typeof CancelTaskRequestSchema>

/** The state of the task after `tasks/cancel`. */
export const CancelTaskResultSchema = ResultSchema.extend(taskShape)
export type CancelTaskResult = z.infer<typeof CancelTaskResultSchema>

/** `tasks/list`: asks for the receiver's tasks, a page at a time. */
export const ListTasksRequestSchema = requestSchema(
  'tasks/list',
  PaginatedRequestParamsSchema.optional(),
)
export type ListTasksRequest = z.infer<typeof ListTasksRequestSchema>

/** A page of tasks. */
export const ListTasksResultSchema = PaginatedResultSchema.extend({
  tasks: z.array(TaskSchema),
})
export type ListTasksResult = z.infer<typeof ListTasksResultSchema>

/** The params of `notifications/tasks/status`: the task's new state. */
export const TaskStatusNotificationParamsSchema = NotificationParamsSchema.extend(taskShape)
export type TaskStatusNotificationParams = z.infer<typeof TaskStatusNotificationParamsSchema>

/** `notifications/tasks/status`: a task changed state. */
export const TaskStatusNotificationSchema = notificationSchema(
  'notifications/tasks/status',
  TaskStatusNotificationParamsSchema,
)
export type TaskStatusNotification = z.infer<typeof TaskStatusNotificationSchema>
