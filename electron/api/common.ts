import { z } from 'zod';

export const controlStatusSchema = z.enum(['sealed', 'controlled', 'precaution', 'normal']);
export type ControlStatus = z.infer<typeof controlStatusSchema>;

export const idSchema = z.string().uuid({ message: '不是有效的编号（UUID）' });

/** [lng, lat] pairs, WGS-84. */
export type Ring = [number, number][];
