import { PHOTO_MAX_SIDE_PX, PHOTO_TARGET_BYTES } from '@/lib/constants';

/**
 * Makes a phone photo small enough to sync over a weak signal: decode, draw at most PHOTO_MAX_SIDE_PX on the long
 * side, re-encode as JPEG, lowering quality (then size) until it is about PHOTO_TARGET_BYTES. Re-encoding drops
 * EXIF, so the camera's GPS position never leaves the phone.
 */
export interface ResizedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the photo'))), 'image/jpeg', quality),
  );
}

export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    let side = PHOTO_MAX_SIDE_PX;
    for (;;) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      for (const quality of [0.82, 0.7, 0.6]) {
        const blob = await toBlob(canvas, quality);
        if (blob.size <= PHOTO_TARGET_BYTES || (quality === 0.6 && side <= 800)) return { blob, width, height };
      }
      side = Math.round(side * 0.75);
    }
  } finally {
    bitmap.close();
  }
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
