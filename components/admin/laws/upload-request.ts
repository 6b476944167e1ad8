import { ApiError } from '@/lib/api-client';
import type { LawImportResult } from '@/lib/laws/types';

/** POSTs the files to /api/laws with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadLaws(files: File[], category: string, onProgress: (fraction: number) => void): Promise<LawImportResult> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (category) form.append('category', category);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/laws');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as LawImportResult & { error?: string; fields?: Record<string, string> };
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body.error ?? xhr.statusText, body.fields));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(form);
  });
}
