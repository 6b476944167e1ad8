import { z } from 'zod';
import { MAX_LAW_FILE_BYTES, MAX_LAW_FILES } from '@/lib/constants';
import { LAW_CATEGORIES } from '@/lib/laws/types';

/** The admin's law upload (multipart form: files + optional category), and the law address. */
export const lawFileSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(md|markdown|txt|docx)$/i, { message: 'validation.lawFileType' }),
  size: z.number().int().max(MAX_LAW_FILE_BYTES, {
    message: 'LAW_FILE_TOO_LARGE',
  }),
});

export const lawUploadSchema = z.object({
  category: z.enum(LAW_CATEGORIES).optional(),
  files: z.array(lawFileSchema).min(1, { message: 'validation.filesRequired' }).max(MAX_LAW_FILES, { message: 'LAW_TOO_MANY_FILES' }),
});

export const lawIdSchema = z.string().regex(/^[0-9a-f-]{8,64}$/, { message: 'validation.lawId' });

/** Retiring a law must be confirmed after its citations were shown. */
export const retireLawSchema = z.object({ confirm: z.literal(true, { message: 'RETIRE_CONFIRM' }) });
