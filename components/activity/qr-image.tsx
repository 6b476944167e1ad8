'use client';
import { useEffect, useState } from 'react';

/** Draws text as a QR code. The qrcode library loads only on the pages that show one. */
export function QrImage({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (QRCode) => {
      const url = await QRCode.toDataURL(text, { margin: 2, width: size, errorCorrectionLevel: 'M' });
      if (live) setSrc({ text, url });
    });
    return () => {
      live = false;
    };
  }, [text, size]);
  return src?.text === text ? (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the phone
    <img src={src.url} alt={label} width={size} height={size} className="rounded-lg border border-line bg-white" />
  ) : (
    <div role="img" aria-label={label} style={{ width: size, height: size }} className="rounded-lg border border-line bg-gray-100" />
  );
}
